// A numbered decision added to a meeting (MTG-1).
import { Group, NativeSelect, Textarea } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import type { FieldErrors } from '../../../components/useFieldErrors';
import type { Meeting } from '../../../db/schema/meetings';
import { useStaffBook } from '../../../org/hooks';
import { addDecision } from '../core/commands';
import { AGENDA_CATEGORIES, L } from '../labels';

import { FIELD_ERRORS } from './formOptions';

export function DecisionForm({ meeting }: { meeting: Meeting }) {
  const book = useStaffBook();
  const cats = [...AGENDA_CATEGORIES[meeting.kind], '其他'];
  const form = useCommandForm({
    ...FIELD_ERRORS,
    initial: () => ({
      text: '',
      category: meeting.agenda[0]?.category ?? cats[0],
      ownerId: '',
      dueDate: '',
    }),
    check: (v): FieldErrors => (v.text.trim() ? {} : { text: '请填写决定事项' }),
    submit: (v) =>
      addDecision(
        meeting.id,
        { text: v.text, category: v.category, ownerId: v.ownerId || null, dueDate: v.dueDate || null },
        currentActor(),
      ),
    success: (d) => `已登记 ${d.number}`,
    onDone: () => form.reset(),
  });
  return (
    <FormCard form={form} submitLabel={L.addDecision} withBorder={false} p={0} mt="sm">
      <Textarea label={L.decisionText} {...form.text('text')} autosize minRows={1} />
      <Group align="flex-end">
        <NativeSelect
          label={L.agendaCategory}
          w={380}
          value={form.values.category}
          onChange={(e) => form.set('category', e.currentTarget.value)}
          data={cats}
        />
        <StaffSelect label={L.owner} staff={book.list} {...form.input('ownerId')} />
        <DateField label={L.due} {...form.input('dueDate')} />
      </Group>
    </FormCard>
  );
}
