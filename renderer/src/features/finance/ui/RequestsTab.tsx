// 申报单 (FIN-6): 添置办公用品申报单 (分管领导 and 主要领导) and 印制文件申报单 (分管领导 or 主要领导),
// approved before the spending they allow (RequestForm); each printable with its approval chain
// (RequestDetail, RequestPrint).
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { can } from '../../../../../shared/permissions';
import { formatYuan } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { thisYear as currentYear } from '../../../components/dates';
import { ListOrEmpty, RowLink } from '../../../components/ListParts';
import { RuleLines } from '../../../components/RuleCite';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { listRequests } from '../core/requests';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '../labels';

import { RequestDetail } from './RequestDetail';
import { RequestForm } from './RequestForm';
import { STATUS_COLOR } from './requestStatus';

export function RequestsTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const seeAll =
    can(user.roles, 'finance.manage') || user.roles.some((r) => ['director', 'deputy', 'office'].includes(r));
  const { name } = useStaff();
  const year = currentYear();
  const rows = useLiveQuery(
    () => listRequests(year, seeAll ? null : user.staffId),
    [year, seeAll, user.staffId],
  );
  if (id === 'new') return <RequestForm />;
  if (id) return <RequestDetail id={id} />;
  return (
    <Stack>
      <Group>
        <Stack mr="auto" style={{ flex: 1 }}>
          <RuleLines ids={['FIN-6']} inline />
        </Stack>
        <Button onClick={() => navigate('finance', 'requests', 'new')}>填写申报单</Button>
      </Group>
      <ListOrEmpty
        loaded={!!rows}
        empty="没有申报单。"
        rows={rows}
        head={['编号', '类型', '事由', '申报人', '申报日期', { label: '预算（元）', right: true }, '状态']}
        row={(r) => [
          <RowLink key="number" to={['finance', 'requests', r.id]}>
            {r.number}
          </RowLink>,
          REQUEST_KIND_LABELS[r.kind],
          r.title,
          name(r.applicantId),
          r.requestedOn,
          formatYuan(r.estimatedFen),
          <Badge key="status" color={STATUS_COLOR[r.status]}>
            {REQUEST_STATUS_LABELS[r.status]}
          </Badge>,
        ]}
      />
    </Stack>
  );
}
