import { NativeSelect, Textarea } from '@mantine/core';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { OUTCOMES } from '../../labels';
import { useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ConcludeForm({ p }: { p: Petition }) {
  const actor = useActor();
  const form = useCaseForm({
    initial: () => ({ on: today(), outcome: OUTCOMES[0] as string, text: '' }),
    submit: (v) => repo.concludePetition(p.id, v, actor),
  });
  return (
    <ActionForm label="办结" color="green" form={form}>
      <NativeSelect label="办理结果" {...form.select('outcome')} data={[...OUTCOMES]} />
      <Textarea label="处理意见" {...form.text('text')} autosize minRows={2} />
      <DateField max={today()} {...form.input('on')} label="办结日期" />
    </ActionForm>
  );
}
