import { Anchor, Badge, Card, Table, Text, Title } from '@mantine/core';

import type { DeadlineItem } from '../app/registry';
import { useCalendar } from '../calendar/calendar';

import { ProvisionalBadge } from './ProvisionalBadge';

export const STATE_LABEL = { overdue: '已逾期', due_soon: '即将到期', running: '进行中' } as const;
export const STATE_COLOR = { overdue: 'red', due_soon: 'orange', running: 'blue' } as const;

// SUP-4: every running time limit in the bureau, overdue first.
export function DeadlineView({ items }: { items: DeadlineItem[] }) {
  const cal = useCalendar();
  const order = { overdue: 0, due_soon: 1, running: 2 };
  const sorted = [...items].sort((a, b) => order[a.state] - order[b.state] || a.due.localeCompare(b.due));
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        期限监控（SUP-4）
      </Title>
      {sorted.length === 0 ? (
        <Text c="dimmed">当前没有进行中的期限。</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>类别</Table.Th>
              <Table.Th>事项</Table.Th>
              <Table.Th>期限</Table.Th>
              <Table.Th>责任人/单位</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.slice(0, 200).map((d) => (
              <Table.Tr key={d.kind + d.id}>
                <Table.Td>{d.kind}</Table.Td>
                <Table.Td>
                  <Anchor href={d.link} size="sm">
                    {d.title}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {d.due}
                  <ProvisionalBadge due={d.due} cal={cal} />
                </Table.Td>
                <Table.Td>{d.owner}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[d.state]}>{STATE_LABEL[d.state]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
