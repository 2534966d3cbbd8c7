// 学费报销: tuition (2/3) and public-selection exam costs (in full) (STU-5).
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { formatYuan } from '../../../../../shared/rules';
import { useCan, useSession } from '../../../auth/session';
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
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>日期</Table.Th>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>{L.claimKind}</Table.Th>
            <Table.Th>{L.description}</Table.Th>
            <Table.Th ta="right">实缴（元）</Table.Th>
            <Table.Th ta="right">可报销（元）</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claims.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.submittedOn}</Table.Td>
              <Table.Td>{book.name(c.staffId)}</Table.Td>
              <Table.Td>
                {CLAIM_KIND_LABELS[c.kind]}
                {c.degree ? `（${c.degree}）` : ''}
              </Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td ta="right">{formatYuan(c.paidFen)}</Table.Td>
              <Table.Td ta="right">{formatYuan(c.reimbursableFen)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[c.status]}>
                  {CLAIM_STATUS_LABELS[c.status]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {claims.length === 0 && <Text c="dimmed">没有学费报销登记。</Text>}
      <RuleLines ids={['STU-5']} inline />
    </Stack>
  );
}
