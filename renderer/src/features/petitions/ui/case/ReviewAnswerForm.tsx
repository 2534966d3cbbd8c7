import { NativeSelect, Textarea, TextInput } from '@mantine/core';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ReviewAnswerForm({ p }: { p: Petition }) {
  const actor = useActor();
  const form = useCaseForm({
    initial: () => ({ on: today(), result: '维持原处理意见', text: '', hearingDays: '0' }),
    submit: ({ hearingDays, ...v }) =>
      repo.answerReview(p.id, { ...v, hearingDays: Number(hearingDays) }, actor),
  });
  return (
    <ActionForm label="登记答复" form={form}>
      <NativeSelect
        label="结论"
        {...form.select('result')}
        data={['维持原处理意见', '变更原处理意见', '撤销原处理意见']}
      />
      <Textarea label="答复意见" {...form.text('text')} autosize minRows={2} />
      {p.state === 'recheck' && (
        <TextInput type="number" label="听证天数（不计入期限）" {...form.text('hearingDays')} />
      )}
      <DateField max={today()} {...form.input('on')} label="答复日期" />
    </ActionForm>
  );
}
