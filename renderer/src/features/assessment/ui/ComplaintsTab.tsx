// 投诉举报 (SUP-3): complaints and reports about staff received by the designated person, investigated
// and answered; PET-11 attitude complaints from 信访 land here too and feed ASM-3.
import { Alert, Anchor, Badge, Button, Stack, Table } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { can } from '../../../../../shared/permissions';
import { href } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { RuleLines } from '../../../components/RuleCite';
import { useStaffBook } from '../../../org/hooks';
import { latestComplaints } from '../core/queries';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_COLORS,
  COMPLAINT_STATUS_LABELS,
  FINDING_LABELS,
  L,
} from '../labels';

import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintForm } from './ComplaintForm';

export function ComplaintsTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const { name } = useStaffBook();
  const [limit, setLimit] = useState(50);
  const rows = useLiveQuery(() => latestComplaints(limit + 1), [limit]);
  if (!manage)
    return <Alert color="gray">投诉举报由办公室指定专人受理（SUP-3），仅考核监督人员可查看。</Alert>;
  if (id) return <ComplaintDetail id={id} />;
  return (
    <Stack>
      <RuleLines ids={['SUP-3']} inline />
      <ComplaintForm />
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.receivedOn}</Table.Th>
            <Table.Th>{L.staff}</Table.Th>
            <Table.Th>{L.source}</Table.Th>
            <Table.Th>{L.kind}</Table.Th>
            <Table.Th>内容</Table.Th>
            <Table.Th>核查结论</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows ?? []).slice(0, limit).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.receivedOn}</Table.Td>
              <Table.Td>{name(c.staffId)}</Table.Td>
              <Table.Td>{COMPLAINT_SOURCE_LABELS[c.source]}</Table.Td>
              <Table.Td>{COMPLAINT_KIND_LABELS[c.kind]}</Table.Td>
              <Table.Td>
                <Anchor href={href('assessment', 'complaints', c.id)} size="sm" lineClamp={1}>
                  {c.content}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.finding ? FINDING_LABELS[c.finding] : '—'}</Table.Td>
              <Table.Td>
                <Badge color={COMPLAINT_STATUS_COLORS[c.status]}>{COMPLAINT_STATUS_LABELS[c.status]}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows && rows.length > limit && (
        <Button variant="default" onClick={() => setLimit(limit + 50)}>
          加载更多
        </Button>
      )}
    </Stack>
  );
}
