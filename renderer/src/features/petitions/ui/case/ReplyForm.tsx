import { Checkbox, NativeSelect, Textarea } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '../../../../components/dates';
import { notifyOk } from '../../../../components/notify';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { REPLY_WAYS } from '../../labels';
import { RuleNote, useActor, useFieldErrors, useStaffList } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ReplyForm({ p }: { p: Petition }) {
  const actor = useActor();
  const staff = useStaffList();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [way, setWay] = useState<string>(REPLY_WAYS[0]);
  const [text, setText] = useState('');
  const [staffId, setStaffId] = useState(actor.id);
  const [complaint, setComplaint] = useState(false);
  const [complaintStaff, setComplaintStaff] = useState('');
  const [complaintText, setComplaintText] = useState('');
  return (
    <ActionForm
      label="记录答复"
      onSubmit={() =>
        run(async () => {
          await repo.recordReply(
            p.id,
            {
              on,
              way,
              text,
              staffId,
              complaint: complaint ? { staffId: complaintStaff, content: complaintText } : null,
            },
            actor,
          );
          setText('');
          setComplaint(false);
          notifyOk('已记录答复');
        })
      }
    >
      <NativeSelect
        label="答复方式"
        value={way}
        onChange={(e) => setWay(e.currentTarget.value)}
        data={[...REPLY_WAYS]}
      />
      <NativeSelect
        label="答复人"
        value={staffId}
        onChange={(e) => setStaffId(e.currentTarget.value)}
        data={staff.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Textarea
        label="答复内容"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        autosize
        minRows={2}
      />
      <DateField max={today()} value={on} onChange={setOn} error={errors.on} label="答复日期" />
      <Checkbox
        label="信访人投诉答复态度"
        checked={complaint}
        onChange={(e) => setComplaint(e.currentTarget.checked)}
      />
      {complaint && (
        <>
          <NativeSelect
            label="被投诉的工作人员"
            value={complaintStaff}
            onChange={(e) => setComplaintStaff(e.currentTarget.value)}
            data={[{ value: '', label: '请选择' }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
            error={errors.complaintStaffId}
          />
          <Textarea
            label="投诉内容"
            value={complaintText}
            onChange={(e) => setComplaintText(e.currentTarget.value)}
            error={errors.complaintContent}
            autosize
            minRows={2}
          />
        </>
      )}
      <RuleNote id="PET-11" />
    </ActionForm>
  );
}
