// A section's monthly report: this month's work and next month's plan (MTG-3).
import { Group, NativeSelect, SimpleGrid, Textarea } from '@mantine/core';

import { currentActor, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import { submitSectionReport } from '../core/commands';
import { L } from '../labels';

import { FIELD_ERRORS } from './formOptions';

type Values = { sectionId: string; submittedOn: string; workSummary: string; nextPlan: string };

function check(v: Values): FieldErrors {
  const e: FieldErrors = {};
  if (!v.workSummary.trim()) e.workSummary = '请填写本月工作情况';
  if (!v.nextPlan.trim()) e.nextPlan = '请填写下月工作计划';
  return e;
}

export function ReportForm({
  sections,
  year,
  month,
}: {
  sections: { id: string; name: string }[];
  year: number;
  month: number;
}) {
  const user = useSession((s) => s.user)!;
  const form = useCommandForm<Values>({
    ...FIELD_ERRORS,
    initial: () => ({
      sectionId: sections[0]?.id ?? '',
      submittedOn: today(),
      workSummary: '',
      nextPlan: '',
    }),
    check,
    submit: (v) => submitSectionReport({ ...v, year, month, reporterId: user.staffId }, currentActor()),
    success: '已报送',
    onDone: () => form.reset(),
  });
  return (
    <FormCard form={form} title={`报送${year}年${month}月工作汇报`} submitLabel="报送">
      <Group align="flex-end">
        <NativeSelect
          label={L.section}
          value={form.values.sectionId}
          onChange={(e) => form.set('sectionId', e.currentTarget.value)}
          data={sections.map((s) => ({ value: s.id, label: s.name }))}
          error={form.errors.sectionId}
        />
        <DateField label={L.submittedOn} {...form.input('submittedOn')} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea label={L.workSummary} {...form.text('workSummary')} autosize minRows={3} />
        <Textarea label={L.nextPlan} {...form.text('nextPlan')} autosize minRows={3} />
      </SimpleGrid>
    </FormCard>
  );
}
