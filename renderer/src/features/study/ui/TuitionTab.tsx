// 学费报销: tuition (2/3) and public-selection exam costs (in full) (STU-5).
import { Badge, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { formatYuan } from '../../../../../shared/rules';
import { useCan, useSession } from '../../../auth/session';
import { ListTable } from '../../../components/ListTable';
import { RuleLines } from '../../../components/RuleCite';
import { useStaffBook } from '../../../org/hooks';
import { tuitionClaims } from '../core/queries';
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS, L } from '../labels';

import { TuitionForm } from './TuitionForm';

const STATUS_COLOR = { paid: 'green', claimed: 'blue', submitted: 'orange' } as const;

export function TuitionTab() {
  const manage = useCan('study.manage');
  const user = useSession((s) => s.user)!;
  const book = useStaffBook();
  const claims = useLiveQuery(() => tuitionClaims(manage ? null : user.staffId), [manage, user.staffId], []);
  return (
    <Stack>
      <TuitionForm staff={manage ? book.list : book.list.filter((s) => s.id === user.staffId)} />
      <ListTable
        rows={claims}
        head={[
          '日期',
          L.staff,
          L.claimKind,
          L.description,
          { label: '实缴（元）', right: true },
          { label: '可报销（元）', right: true },
          '状态',
        ]}
        row={(c) => [
          c.submittedOn,
          book.name(c.staffId),
          `${CLAIM_KIND_LABELS[c.kind]}${c.degree ? `（${c.degree}）` : ''}`,
          c.description,
          formatYuan(c.paidFen),
          formatYuan(c.reimbursableFen),
          <Badge variant="light" color={STATUS_COLOR[c.status]}>
            {CLAIM_STATUS_LABELS[c.status]}
          </Badge>,
        ]}
        empty="没有学费报销登记。"
      />
      <RuleLines ids={['STU-5']} inline />
    </Stack>
  );
}
