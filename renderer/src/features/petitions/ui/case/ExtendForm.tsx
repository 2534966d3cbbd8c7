import { Checkbox, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { RuleNote, useActor, useFieldErrors } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ExtendForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [days, setDays] = useState('30');
  const [reason, setReason] = useState('');
  const [told, setTold] = useState(false);
  const [on, setOn] = useState(today());
  return (
    <ActionForm
      label="批准延期"
      onSubmit={() =>
        run(() => repo.extendPetition(p.id, { days: Number(days), reason, on, toldPetitioner: told }, actor))
      }
    >
      <TextInput
        type="number"
        label="延长天数（不超过30天）"
        value={days}
        onChange={(e) => setDays(e.currentTarget.value)}
        error={errors.days}
      />
      <Textarea
        label="延期理由"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
      />
      <Checkbox
        label="已将延期理由告知信访人"
        checked={told}
        onChange={(e) => setTold(e.currentTarget.checked)}
        error={errors.toldPetitioner}
      />
      <DateField max={today()} label="日期" value={on} onChange={setOn} error={errors.on} />
      <RuleNote id="PET-4" nature={p.nature} />
    </ActionForm>
  );
}
