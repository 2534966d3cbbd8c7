import { NativeSelect, Text } from '@mantine/core';

import { DateField } from '../../../../components/dates';
import { today } from '../../../../db/clock';
import * as repo from '../../core/commands';
import type { ShownPetition } from '../../core/informant';
import { useActor, useCaseForm } from '../ui';

import { ActionForm } from './ActionForm';

type Petition = ShownPetition;

export function NotifyForm({ p }: { p: Petition }) {
  const actor = useActor();
  const form = useCaseForm({
    initial: () => ({ on: today(), way: '书面' }),
    submit: (v) => repo.notifyPetitioner(p.id, v, actor),
  });
  return (
    <ActionForm label="登记告知" form={form}>
      <NativeSelect label="告知方式" {...form.select('way')} data={['书面', '短信', '网上']} />
      <DateField max={today()} {...form.input('on')} label="告知日期" />
      {p.petitionerUnknown && (
        <Text size="xs" c="dimmed">
          信访人姓名或住址不详，可不书面告知（PET-2）。
        </Text>
      )}
    </ActionForm>
  );
}
