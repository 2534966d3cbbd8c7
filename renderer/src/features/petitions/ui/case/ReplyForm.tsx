import { Checkbox, NativeSelect, Textarea } from '@mantine/core';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { REPLY_WAYS } from '../../labels';
import { RuleNote, useActor, useCaseForm, useStaffList } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ReplyForm({ p }: { p: Petition }) {
  const actor = useActor();
  const staff = useStaffList();
  const form = useCaseForm({
    initial: () => ({
      on: today(),
      way: REPLY_WAYS[0] as string,
      text: '',
      staffId: actor.id,
      complaint: false,
      complaintStaffId: '',
      complaintContent: '',
    }),
    submit: ({ complaint, complaintStaffId, complaintContent, ...v }) =>
      repo.recordReply(
        p.id,
        { ...v, complaint: complaint ? { staffId: complaintStaffId, content: complaintContent } : null },
        actor,
      ),
    success: '已记录答复',
    onDone: () => form.setValues((v) => ({ ...v, text: '', complaint: false })),
  });
  const staffOptions = staff.map((s) => ({ value: s.id, label: s.name }));
  return (
    <ActionForm label="记录答复" form={form}>
      <NativeSelect label="答复方式" {...form.select('way')} data={[...REPLY_WAYS]} />
      <NativeSelect label="答复人" {...form.select('staffId')} data={staffOptions} />
      <Textarea label="答复内容" {...form.text('text')} autosize minRows={2} />
      <DateField max={today()} {...form.input('on')} label="答复日期" />
      <Checkbox label="信访人投诉答复态度" {...form.checkbox('complaint')} />
      {form.values.complaint && (
        <>
          <NativeSelect
            label="被投诉的工作人员"
            {...form.select('complaintStaffId')}
            data={[{ value: '', label: '请选择' }, ...staffOptions]}
          />
          <Textarea label="投诉内容" {...form.text('complaintContent')} autosize minRows={2} />
        </>
      )}
      <RuleNote id="PET-11" />
    </ActionForm>
  );
}
