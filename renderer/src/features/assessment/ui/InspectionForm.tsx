// A half-year inspection filed (SUP-1).
import { Group, Textarea, TextInput } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffMultiSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import { useStaffBook } from '../../../org/hooks';
import { fileInspection } from '../core/commands';
import { L } from '../labels';

export function InspectionForm() {
  const { list } = useStaffBook();
  const form = useCommandForm({
    initial: {
      inspectedOn: today(),
      inspectorIds: [] as string[],
      scope: '权力运行程序、行使依据、申报资料、审批结果、制度落实情况',
      findings: '',
      result: '',
      rectification: '',
    },
    submit: (v) => fileInspection(v, currentActor()),
    success: '检查结论已存档备案',
    onDone: (_r, v) => form.reset({ ...v, findings: '', result: '', rectification: '' }),
  });
  return (
    <FormCard form={form} maw={900} title="登记半年检查" submitLabel={L.fileInspection}>
      <Group grow align="flex-start">
        <DateField label={L.inspectedOn} {...form.input('inspectedOn')} />
        <StaffMultiSelect label={L.inspectors} staff={list} {...form.input('inspectorIds')} />
      </Group>
      <TextInput label={L.scope} {...form.text('scope')} />
      <Textarea label={L.findings} {...form.text('findings')} autosize minRows={2} />
      <Textarea label={L.result} {...form.text('result')} autosize minRows={3} />
      <Textarea label={L.rectification} {...form.text('rectification')} autosize minRows={1} />
    </FormCard>
  );
}
