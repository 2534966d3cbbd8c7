import { NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { useActor, useFieldErrors } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function NotifyForm({ p }: { p: Petition }) {
  const actor = useActor();
  const { errors, run } = useFieldErrors();
  const [on, setOn] = useState(today());
  const [way, setWay] = useState('书面');
  return (
    <ActionForm label="登记告知" onSubmit={() => run(() => repo.notifyPetitioner(p.id, { on, way }, actor))}>
      <NativeSelect
        label="告知方式"
        value={way}
        onChange={(e) => setWay(e.currentTarget.value)}
        data={['书面', '短信', '网上']}
      />
      <DateField max={today()} value={on} onChange={setOn} error={errors.on} label="告知日期" />
      {p.petitionerUnknown && (
        <Text size="xs" c="dimmed">
          信访人姓名或住址不详，可不书面告知（PET-2）。
        </Text>
      )}
    </ActionForm>
  );
}
