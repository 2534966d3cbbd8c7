// 值班安排: holiday and sensitive-period duty rosters, edited day by day (RosterEditor), printed and
// exported (RosterDetail).
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { can } from '../../../../../shared/permissions';
import { href, navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { listRosters } from '../core/rosters';
import { L, ROSTER_KIND_LABELS, ROSTER_STATUS_LABELS } from '../labels';

import { RosterDetail } from './RosterDetail';
import { RosterEditor } from './RosterEditor';

export function RostersTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const rows = useLiveQuery(listRosters, []);
  if (id === 'new') return <RosterEditor />;
  if (id) return <RosterDetail id={id} />;
  const visible = (rows ?? []).filter((r) => manage || r.status === 'published');
  return (
    <Stack>
      {manage && (
        <Group>
          <Button onClick={() => navigate('duty', 'rosters', 'new')}>新建值班表</Button>
        </Group>
      )}
      {rows && visible.length === 0 ? (
        <Text c="dimmed">没有值班表。</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.rosterTitle}</Table.Th>
              <Table.Th>{L.rosterKind}</Table.Th>
              <Table.Th>期间</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={href('duty', 'rosters', r.id)} size="sm">
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{ROSTER_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>
                  {r.startDate} 至 {r.endDate}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'published' ? 'green' : 'gray'}>
                    {ROSTER_STATUS_LABELS[r.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
