// Decisions with their number, owner, due date and follow-up state.
import { Anchor, Badge, Table, Text } from '@mantine/core';

import { href } from '../../../app/router';
import type { MeetingDecision } from '../../../db/schema/meetings';
import type { StaffBook } from '../../../org/hooks';
import { FOLLOW_UP_COLORS, FOLLOW_UP_LABELS, L } from '../labels';

export function DecisionTable({
  decisions,
  book,
  focus,
}: {
  decisions: MeetingDecision[];
  book: StaffBook;
  focus?: string;
}) {
  if (decisions.length === 0)
    return (
      <Text c="dimmed" size="sm">
        尚无决定。
      </Text>
    );
  return (
    <Table fz="sm" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>决定编号</Table.Th>
          <Table.Th>{L.decisionText}</Table.Th>
          <Table.Th>{L.owner}</Table.Th>
          <Table.Th>{L.due}</Table.Th>
          <Table.Th>{L.followUp}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {decisions.map((d) => (
          <Table.Tr key={d.id} bg={focus === d.id ? 'var(--mantine-color-yellow-light)' : undefined}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor href={href('meetings', 'decisions', d.id)}>{d.number}</Anchor>
            </Table.Td>
            <Table.Td>{d.text}</Table.Td>
            <Table.Td>{book.name(d.ownerId)}</Table.Td>
            <Table.Td>{d.dueDate ?? ''}</Table.Td>
            <Table.Td>
              <Badge color={FOLLOW_UP_COLORS[d.followUp]} variant="light">
                {FOLLOW_UP_LABELS[d.followUp]}
              </Badge>
              {d.doneOn ? ` ${d.doneOn}` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
