// 待销假 (LV-7: approved leave not closed; overdue after the working day following its end) and
// 待汇报 (TRIP-4: approved trips whose report back is not recorded).
import { Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { leaveTypeInfo, ruleText } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { dueLists, spanText } from '../core';

import { useSeesAll } from './parts';

export function DueLists() {
  const user = useSession((s) => s.user)!;
  const all = useSeesAll();
  const data = useLiveQuery(() => dueLists(all ? null : user.staffId), [all, user.staffId]);
  if (!data) return null;
  return (
    <Stack>
      <Card withBorder>
        <Title order={5} mb={4}>
          待销假（{data.leaves.length}）
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          LV-7 {ruleText('LV-7').text}
        </Text>
        {data.leaves.length === 0 ? (
          <Text c="dimmed">没有待销假的请假。</Text>
        ) : (
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                {['编号', '请假人', '类型', '时间', '销假期限', '状态'].map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.leaves.map(({ l, due, overdue }) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Anchor href={href('leave', 'leave', l.id)}>{l.number}</Anchor>
                  </Table.Td>
                  <Table.Td>{l.staffName}</Table.Td>
                  <Table.Td>{leaveTypeInfo(l.leaveType).label}</Table.Td>
                  <Table.Td>{spanText(l)}</Table.Td>
                  <Table.Td>{due}</Table.Td>
                  <Table.Td>
                    {overdue ? <Badge color="red">逾期未销假</Badge> : <Badge color="orange">待销假</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={5} mb={4}>
          外出待汇报（{data.trips.length}）
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          TRIP-4 {ruleText('TRIP-4').text}
        </Text>
        {data.trips.length === 0 ? (
          <Text c="dimmed">没有待汇报的外出。</Text>
        ) : (
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                {['编号', '外出人', '目的地', '时间', '汇报期限', '状态'].map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.trips.map(({ x, due, overdue }) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <Anchor href={href('leave', 'trip', x.id)}>{x.number}</Anchor>
                  </Table.Td>
                  <Table.Td>{x.staffName}</Table.Td>
                  <Table.Td>{x.destination}</Table.Td>
                  <Table.Td>{spanText(x)}</Table.Td>
                  <Table.Td>{due}</Table.Td>
                  <Table.Td>
                    {overdue ? <Badge color="red">逾期未汇报</Badge> : <Badge color="orange">待汇报</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
