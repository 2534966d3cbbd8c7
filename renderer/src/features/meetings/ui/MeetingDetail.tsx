// One meeting: who chaired, attended and was absent, the agenda and minutes, its decisions.
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { href, navigate } from '../../../app/router';
import type { TabOf } from '../../../app/routes';
import { useCan } from '../../../auth/session';
import { Field } from '../../../components/Field';
import { useStaffBook } from '../../../org/hooks';
import { decisionsOfMeeting, getMeeting, meetingOrdinal } from '../core/queries';
import { L, MEETING_KIND_LABELS } from '../labels';

import { DecisionForm } from './DecisionForm';
import { DecisionTable } from './DecisionTable';

export function MeetingDetail({ id, tab }: { id: string; tab: TabOf<'meetings'> }) {
  const manage = useCan('meetings.manage');
  const book = useStaffBook();
  // null once loaded and missing (or deleted)
  const m = useLiveQuery(async () => (await getMeeting(id)) ?? null, [id]);
  const decisions = useLiveQuery(() => decisionsOfMeeting(id), [id], []);
  if (m === undefined) return <Text c="dimmed">正在载入…</Text>;
  if (!m) return <Alert color="red">会议不存在。</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Anchor href={href('meetings', tab)}>← {MEETING_KIND_LABELS[m.kind]}</Anchor>
          <Title order={3}>
            {MEETING_KIND_LABELS[m.kind]}（{meetingOrdinal(m)}，{m.date}）
          </Title>
        </Group>
        {manage && (
          <Button variant="default" onClick={() => navigate('meetings', tab, id, 'edit')}>
            修改
          </Button>
        )}
      </Group>
      <Card withBorder>
        <Stack gap={4}>
          <Field label={L.chair}>{book.name(m.chairId)}</Field>
          <Field label={L.recorder}>{book.name(m.recorderId)}</Field>
          <Field label={L.location}>{m.location ?? ''}</Field>
          <Field label={L.attendees}>{m.attendeeIds.map((x) => book.name(x)).join('、')}</Field>
          <Field label={L.absentees}>
            {m.absences.map((a) => `${book.name(a.staffId)}（${a.reason}）`).join('、')}
          </Field>
          <Field label={L.observers}>{m.observerNames ?? ''}</Field>
          <Field label="议题">
            {m.agenda.map((a, i) => `${i + 1}. ${a.title}〔${a.category}〕`).join('\n')}
          </Field>
          <Field label={L.minutes}>{m.minutes ?? ''}</Field>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">
          会议决定
        </Title>
        <DecisionTable decisions={decisions} book={book} />
        {manage && <DecisionForm meeting={m} />}
      </Card>
    </Stack>
  );
}
