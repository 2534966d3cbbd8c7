// A collective study session with its attendance (absences with reason).
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import type { StudySessionKind } from '../../../db/schema/meetings';
import { useStaffBook } from '../../../org/hooks';
import { bureauStaff } from '../../../org/order';
import { AttendanceEditor, attendanceOf } from '../../documents';
import type { AttendanceValue } from '../../documents';
import { recordSession } from '../core/commands';
import { L, SESSION_KIND_LABELS } from '../labels';

import { FIELD_ERRORS } from './formOptions';

type Values = {
  kind: StudySessionKind;
  date: string;
  topic: string;
  speaker: string;
  // null: everyone expected of the kind, all present
  attendance: AttendanceValue | null;
};

const KINDS = Object.entries(SESSION_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function SessionForm() {
  const book = useStaffBook();
  const cal = useCalendar();
  const everyone = bureauStaff(book.list).map((s) => s.id);
  const leaders = book.list
    .filter((s) => s.rank === 'director' || s.rank === 'deputy' || s.rank === 'section_head')
    .map((s) => s.id);
  const attendanceOfForm = (v: Values): AttendanceValue => {
    const expected = v.kind === 'group' ? leaders : everyone;
    return v.attendance ?? { expected, present: expected, reasons: {} };
  };
  const form = useCommandForm<Values>({
    ...FIELD_ERRORS,
    initial: { kind: 'friday', date: today(), topic: '', speaker: '', attendance: null },
    check: (v) => {
      const e: FieldErrors = {};
      attendanceOf(attendanceOfForm(v)).absences.forEach((a, i) => {
        if (!a.reason.trim()) e[`absences.${i}.reason`] = '请填写缺席原因';
      });
      if (!v.topic.trim()) e.topic = '请填写学习内容';
      return e;
    },
    submit: (v) =>
      recordSession(
        {
          kind: v.kind,
          date: v.date,
          topic: v.topic,
          speaker: v.speaker,
          ...attendanceOf(attendanceOfForm(v)),
        },
        cal,
        currentActor(),
      ),
    success: '已登记集中学习',
    onDone: (_r, v) => form.setValues({ ...v, topic: '', speaker: '', attendance: null }),
  });
  const v = form.values;
  return (
    <FormCard form={form} title="登记集中学习" submitLabel={L.save} gap="sm">
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <NativeSelect
          label={L.kind}
          value={v.kind}
          onChange={(e) =>
            form.setValues({ ...v, kind: e.currentTarget.value as StudySessionKind, attendance: null })
          }
          data={KINDS}
        />
        <DateField label={L.date} {...form.input('date')} />
        <TextInput label={L.topic} {...form.text('topic')} />
        <TextInput label={L.speaker} {...form.text('speaker')} />
      </SimpleGrid>
      {book.list.length > 0 && (
        <AttendanceEditor
          book={book}
          value={attendanceOfForm(v)}
          onChange={(a) => form.set('attendance', a)}
          errors={form.errors}
          expectedLabel={v.kind === 'group' ? '中心组成员' : '应到人员（全体工作人员）'}
        />
      )}
    </FormCard>
  );
}
