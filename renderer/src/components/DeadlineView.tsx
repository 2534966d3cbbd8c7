import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';

import type { DeadlineItem } from '../app/registry';
import { href } from '../app/router';
import { useCalendar } from '../calendar/calendar';

import { ProvisionalBadge } from './ProvisionalBadge';

export const STATE_LABEL = { overdue: '已逾期', due_soon: '即将到期', running: '进行中' } as const;
export const STATE_COLOR = { overdue: 'red', due_soon: 'orange', running: 'blue' } as const;
const STATE_ORDER = { overdue: 0, due_soon: 1, running: 2 } as const;
type DeadlineState = DeadlineItem['state'];

/** How many deadlines are overdue, due soon and running. */
export function deadlineCounts(items: DeadlineItem[]): Record<DeadlineState, number> {
  const counts = { overdue: 0, due_soon: 0, running: 0 };
  for (const d of items) counts[d.state]++;
  return counts;
}

/** The counts as three badges (已逾期 N · 即将到期 N · 进行中 N). */
export function DeadlineCounts({ items, size }: { items: DeadlineItem[]; size?: 'sm' | 'lg' }) {
  const counts = deadlineCounts(items);
  return (
    <Group gap="xs">
      {(Object.keys(STATE_ORDER) as DeadlineState[]).map((s) => (
        <Badge key={s} size={size} color={STATE_COLOR[s]}>
          {STATE_LABEL[s]} {counts[s]}
        </Badge>
      ))}
    </Group>
  );
}

// SUP-4: every running time limit in the bureau, overdue first. The 工作台 shows the most urgent
// `limit` of them with the counts of all, and a link to the whole view (考核与监督—期限监控): a
// table of hundreds of rows made every sign-in wait for it.
export function DeadlineView({ items, limit = 200, summary = false }: {
  items: DeadlineItem[];
  limit?: number;
  summary?: boolean;
}) {
  const cal = useCalendar();
  const sorted = [...items].sort(
    (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.due.localeCompare(b.due),
  );
  const rest = sorted.length - Math.min(limit, sorted.length);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>期限监控（SUP-4）</Title>
        {summary && sorted.length > 0 && <DeadlineCounts items={sorted} size="sm" />}
      </Group>
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
            {sorted.slice(0, limit).map((d) => (
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
      {rest > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {summary ? (
            <>
              另有 {rest} 项，
              <Anchor href={href('assessment', 'deadlines')} size="sm">
                查看全部期限
              </Anchor>
            </>
          ) : (
            `另有 ${rest} 项未列出（按期限先后只列前 ${limit} 项）`
          )}
        </Text>
      )}
    </Card>
  );
}
