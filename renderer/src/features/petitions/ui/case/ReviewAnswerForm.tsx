import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { useActor, useFieldErrors } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function ReviewAnswerForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [result, setResult] = useState('维持原处理意见');
  const [text, setText] = useState('');
  const [hearing, setHearing] = useState('0');
  return (
    <ActionForm
      label="登记答复"
      onSubmit={() =>
        run(() => repo.answerReview(p.id, { on, result, text, hearingDays: Number(hearing) }, actor))
      }
    >
      <NativeSelect
        label="结论"
        value={result}
        onChange={(e) => setResult(e.currentTarget.value)}
        data={['维持原处理意见', '变更原处理意见', '撤销原处理意见']}
        error={errors.result}
      />
      <Textarea
        label="答复意见"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        autosize
        minRows={2}
      />
      {p.state === 'recheck' && (
        <TextInput
          type="number"
          label="听证天数（不计入期限）"
          value={hearing}
          onChange={(e) => setHearing(e.currentTarget.value)}
          error={errors.hearingDays}
        />
      )}
      <DateField max={today()} value={on} onChange={setOn} error={errors.on} label="答复日期" />
    </ActionForm>
  );
}
