import { Checkbox, Textarea, TextInput } from '@mantine/core';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ExtendForm({ p }: { p: Petition }) {
  const actor = useActor();
  const form = useCaseForm({
    initial: () => ({ days: '30', reason: '', toldPetitioner: false, on: today() }),
    submit: ({ days, ...v }) => repo.extendPetition(p.id, { ...v, days: Number(days) }, actor),
  });
  return (
    <ActionForm label="批准延期" form={form}>
      <TextInput type="number" label="延长天数（不超过30天）" {...form.text('days')} />
      <Textarea label="延期理由" {...form.text('reason')} autosize minRows={2} />
      <Checkbox label="已将延期理由告知信访人" {...form.checkbox('toldPetitioner')} />
      <DateField max={today()} label="日期" {...form.input('on')} />
      <RuleNote id="PET-4" nature={p.nature} />
    </ActionForm>
  );
}
