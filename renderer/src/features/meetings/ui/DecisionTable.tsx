// Decisions with their number, owner, due date and follow-up state.
import { Anchor, Badge, Text } from '@mantine/core';

import { href } from '../../../app/router';
import { ListTable } from '../../../components/ListTable';
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
    <ListTable
      withTableBorder
      striped={false}
      highlightOnHover={false}
      rows={decisions}
      rowProps={(d) => ({ bg: focus === d.id ? 'var(--mantine-color-yellow-light)' : undefined })}
      head={[{ label: '决定编号', ws: 'nowrap' }, L.decisionText, L.owner, L.due, L.followUp]}
      row={(d) => [
        <Anchor href={href('meetings', 'decisions', d.id)}>{d.number}</Anchor>,
        d.text,
        book.name(d.ownerId),
        d.dueDate ?? '',
        <>
          <Badge color={FOLLOW_UP_COLORS[d.followUp]} variant="light">
            {FOLLOW_UP_LABELS[d.followUp]}
          </Badge>
          {d.doneOn ? ` ${d.doneOn}` : ''}
        </>,
      ]}
    />
  );
}
