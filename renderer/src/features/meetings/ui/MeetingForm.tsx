// A new meeting or a change to one: chair, recorder, attendance with absence reasons, agenda by the
// regulations' categories, minutes (MTG-1, MTG-2).
import { Anchor, Group, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { href, navigate } from '../../../app/router';
import type { TabOf } from '../../../app/routes';
import { currentActor, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { RuleLines } from '../../../components/RuleCite';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import type { Meeting, MeetingKind } from '../../../db/schema/meetings';
import type { StaffBook } from '../../../org/hooks';
import { useStaffBook } from '../../../org/hooks';
import { bureauStaff } from '../../../org/order';
import { AttendanceEditor, attendanceOf, attendanceValue } from '../../documents';
import type { AttendanceValue } from '../../documents';
import { createMeeting, updateMeeting } from '../core/commands';
import type { MeetingInput } from '../core/commands';
import { getMeeting } from '../core/queries';
import { AGENDA_CATEGORIES, L, MEETING_KIND_LABELS } from '../labels';

import { AgendaEditor } from './AgendaEditor';
import type { AgendaRow } from './AgendaEditor';
import { FIELD_ERRORS } from './formOptions';

type Values = {
  date: string;
  chairId: string;
  recorderId: string;
  location: string;
  observerNames: string;
  attendance: AttendanceValue;
  agenda: AgendaRow[];
  minutes: string;
};

function defaultExpected(kind: MeetingKind, book: StaffBook): string[] {
  if (kind === 'staff') return bureauStaff(book.list).map((s) => s.id);
  return book.list
    .filter(
      (s) =>
        s.rank === 'director' ||
        s.rank === 'deputy' ||
        (s.roles.includes('office') && s.rank === 'section_head'),
    )
    .map((s) => s.id);
}

// What the screen checks before asking the command (the command checks again).
function check(v: Values): FieldErrors {
  const e: FieldErrors = {};
  attendanceOf(v.attendance).absences.forEach((a, i) => {
    if (!a.reason.trim()) e[`absences.${i}.reason`] = '请填写缺席原因';
  });
  v.agenda.forEach((a, i) => {
    if (!a.title.trim()) e[`agenda.${i}.title`] = '请填写议题';
  });
  if (!v.date) e.date = '请填写会议日期';
  return e;
}

export function MeetingForm({ kind, tab, id }: { kind: MeetingKind; tab: TabOf<'meetings'>; id?: string }) {
  const book = useStaffBook();
  const existing = useLiveQuery(() => (id ? getMeeting(id) : undefined), [id]);
  if ((id && !existing) || book.all.length === 0) return <Text c="dimmed">正在载入…</Text>;
  return <MeetingFormBody kind={kind} tab={tab} existing={existing} book={book} />;
}

function MeetingFormBody({
  kind,
  tab,
  existing,
  book,
}: {
  kind: MeetingKind;
  tab: TabOf<'meetings'>;
  existing?: Meeting;
  book: StaffBook;
}) {
  const user = useSession((s) => s.user)!;
  const cats = AGENDA_CATEGORIES[kind];
  const form = useCommandForm<Values, Meeting>({
    ...FIELD_ERRORS,
    initial: () => {
      const dir = book.list.find((s) => s.rank === 'director');
      const expected = defaultExpected(kind, book);
      return {
        date: existing?.date ?? today(),
        chairId: existing?.chairId ?? dir?.id ?? '',
        recorderId: existing?.recorderId ?? (user.roles.includes('office') ? user.staffId : ''),
        location: existing?.location ?? '局会议室',
        observerNames: existing?.observerNames ?? '',
        attendance: existing
          ? attendanceValue(existing.attendeeIds, existing.absences)
          : { expected, present: expected, reasons: {} },
        agenda: existing?.agenda.length ? existing.agenda : [{ category: cats[0], title: '' }],
        minutes: existing?.minutes ?? '',
      };
    },
    check,
    submit: (v) => {
      const att = attendanceOf(v.attendance);
      const input: MeetingInput = {
        kind,
        date: v.date,
        chairId: v.chairId || null,
        recorderId: v.recorderId || null,
        location: v.location,
        observerNames: v.observerNames,
        attendeeIds: att.attendeeIds,
        absences: att.absences,
        agenda: v.agenda,
        minutes: v.minutes,
      };
      return existing
        ? updateMeeting(existing.id, input, currentActor())
        : createMeeting(input, currentActor());
    },
    success: '已保存会议',
    onDone: (m) => navigate('meetings', tab, m.id),
  });
  const v = form.values;
  return (
    <FormCard
      form={form}
      gap="sm"
      submitLabel={L.save}
      title={
        <Group>
          <Anchor href={href('meetings', tab)}>← {MEETING_KIND_LABELS[kind]}</Anchor>
          <Title order={4}>{existing ? '修改会议记录' : `新建${MEETING_KIND_LABELS[kind]}`}</Title>
        </Group>
      }
      footer={<RuleLines ids={[kind === 'director_office' ? 'MTG-1' : 'MTG-2']} inline />}
    >
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <DateField label={L.date} {...form.input('date')} autoFocus />
        <StaffSelect
          label={L.chair}
          staff={book.list.filter((s) => s.roles.includes('director'))}
          {...form.input('chairId')}
        />
        <StaffSelect
          label={L.recorder}
          staff={book.list.filter((s) => s.roles.includes('office'))}
          {...form.input('recorderId')}
        />
        <TextInput label={L.location} {...form.text('location')} />
      </SimpleGrid>
      <AttendanceEditor
        book={book}
        value={v.attendance}
        onChange={(a) => form.set('attendance', a)}
        errors={form.errors}
        expectedLabel={kind === 'staff' ? '应到人员（全体工作人员）' : '应参会人员'}
      />
      <TextInput label={L.observers} {...form.text('observerNames')} />
      <AgendaEditor
        categories={cats}
        value={v.agenda}
        onChange={(rows) => form.set('agenda', rows)}
        errors={form.errors}
      />
      <Textarea label={L.minutes} {...form.text('minutes')} autosize minRows={4} />
    </FormCard>
  );
}
