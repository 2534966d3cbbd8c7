// The steps of a complaint after it is received: the investigation with its finding, the answer.
import { Checkbox, Group, NativeSelect, Textarea } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import type { StaffComplaint } from '../../../db/schema/supervision';
import { answerComplaint, investigateComplaint } from '../core/commands';
import { FINDING_LABELS, L, MEDIA_LABELS } from '../labels';

type Finding = '' | 'substantiated' | 'unsubstantiated';

export function InvestigationForm({ id }: { id: string }) {
  const form = useCommandForm({
    initial: { investigation: '', finding: '' as Finding, corrected: false, media: '' },
    check: (v): FieldErrors => (v.finding ? {} : { finding: '请选择核查结论' }),
    submit: (v) =>
      investigateComplaint(
        id,
        {
          investigation: v.investigation,
          finding: v.finding as Exclude<Finding, ''>,
          corrected: v.corrected,
          mediaLevel: (v.media || null) as StaffComplaint['mediaLevel'],
        },
        currentActor(),
      ),
    success: '已保存核查结论',
  });
  return (
    <FormCard form={form} title="调查核实" submitLabel={L.saveInvestigation}>
      <Textarea label={L.investigation} {...form.text('investigation')} autosize minRows={2} />
      <Group align="flex-end">
        <NativeSelect
          label={L.finding}
          value={form.values.finding}
          onChange={(e) => form.set('finding', e.currentTarget.value as Finding)}
          data={[
            { value: '', label: '请选择' },
            { value: 'substantiated', label: FINDING_LABELS.substantiated },
            { value: 'unsubstantiated', label: FINDING_LABELS.unsubstantiated },
          ]}
          error={form.errors.finding}
        />
        {form.values.finding === 'substantiated' && (
          <>
            <Checkbox label={L.corrected} {...form.checkbox('corrected')} mb={8} />
            <NativeSelect
              label={L.media}
              value={form.values.media}
              onChange={(e) => form.set('media', e.currentTarget.value)}
              data={[
                { value: '', label: '未经媒体报道' },
                ...Object.entries(MEDIA_LABELS).map(([value, label]) => ({ value, label })),
              ]}
            />
          </>
        )}
      </Group>
    </FormCard>
  );
}

export function AnswerForm({ id }: { id: string }) {
  const form = useCommandForm({
    initial: { answer: '', answeredOn: today() },
    submit: (v) => answerComplaint(id, v.answer, v.answeredOn, currentActor()),
    success: '已答复办结',
  });
  return (
    <FormCard form={form} title="答复办结" submitLabel={L.saveAnswer}>
      <Textarea label={L.answer} {...form.text('answer')} autosize minRows={2} />
      <DateField label={L.answeredOn} {...form.input('answeredOn')} />
    </FormCard>
  );
}
