import { NativeSelect, Textarea } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { OUTCOMES } from '../../labels';
import { useActor, useFieldErrors } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ConcludeForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [outcome, setOutcome] = useState<string>(OUTCOMES[0]);
  const [text, setText] = useState('');
  return (
    <ActionForm
      label="办结"
      color="green"
      onSubmit={() => run(() => repo.concludePetition(p.id, { on, outcome, text }, actor))}
    >
      <NativeSelect
        label="办理结果"
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value)}
        data={[...OUTCOMES]}
        error={errors.outcome}
      />
      <Textarea
        label="处理意见"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        autosize
        minRows={2}
      />
      <DateField max={today()} value={on} onChange={setOn} error={errors.on} label="办结日期" />
    </ActionForm>
  );
}
