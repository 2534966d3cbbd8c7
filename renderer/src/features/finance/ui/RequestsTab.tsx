// 申报单 (FIN-6): 添置办公用品申报单 (分管领导 and 主要领导) and 印制文件申报单 (分管领导 or 主要领导),
// approved before the spending they allow (RequestForm); each printable with its approval chain
// (RequestDetail, RequestPrint).
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { can } from '../../../../../shared/permissions';
import { formatYuan } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { thisYear as currentYear } from '../../../components/dates';
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
      {rows && rows.length === 0 ? (
        <Text c="dimmed">没有申报单。</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>编号</Table.Th>
              <Table.Th>类型</Table.Th>
              <Table.Th>事由</Table.Th>
              <Table.Th>申报人</Table.Th>
              <Table.Th>申报日期</Table.Th>
              <Table.Th ta="right">预算（元）</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={href('finance', 'requests', r.id)} size="sm">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{REQUEST_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{name(r.applicantId)}</Table.Td>
                <Table.Td>{r.requestedOn}</Table.Td>
                <Table.Td ta="right">{formatYuan(r.estimatedFen)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[r.status]}>{REQUEST_STATUS_LABELS[r.status]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
