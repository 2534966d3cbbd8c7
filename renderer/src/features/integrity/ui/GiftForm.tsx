// Registering a gift or money that could not be refused (INT-1).
import { Group, NativeSelect, TextInput } from '@mantine/core';

import { rmbUppercase } from '../../../../../shared/rules';
import { currentActor, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import { typedFen } from '../../../components/Yuan';
import { today } from '../../../db/clock';
import type { GiftKind } from '../../../db/schema/supervision';
import { parseYuan } from '../../../db/validate';
import { useStaffBook } from '../../../org/hooks';
import { registerGift } from '../core/integrity';
import { GIFT_KIND_LABELS, L } from '../labels';

const KIND_OPTIONS = Object.entries(GIFT_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function GiftForm({ manage }: { manage: boolean }) {
  const user = useSession((s) => s.user)!;
  const { list } = useStaffBook();
  const form = useCommandForm({
    initial: () => ({
      staffId: user.staffId,
      receivedOn: today(),
      giver: '',
      description: '',
      kind: 'gift' as GiftKind,
      value: '',
      handling: '',
    }),
    notifyFieldErrors: 'with_rule',
    submit: ({ value, ...v }) =>
      registerGift(
        // Left blank: not valued (未估价), kept apart from a value of 0.00.
        { ...v, valueFen: value.trim() ? parseYuan(value, 'value', '估值', true) : null },
        currentActor(),
      ),
    success: '已登记',
    onDone: () => form.setValues((v) => ({ ...v, giver: '', description: '', value: '', handling: '' })),
  });
  const fen = typedFen(form.values.value);
  return (
    <FormCard form={form} title="登记未能拒收的礼品、礼金" submitLabel={L.register}>
      <Group grow align="flex-start">
        {manage && <StaffSelect label={L.recipient} staff={list} {...form.input('staffId')} />}
        <DateField label={L.receivedOn} {...form.input('receivedOn')} />
        <TextInput label={L.giver} {...form.text('giver')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={L.description} {...form.text('description')} />
        <NativeSelect
          label={L.kind}
          value={form.values.kind}
          onChange={(e) => form.set('kind', e.currentTarget.value as GiftKind)}
          data={KIND_OPTIONS}
        />
        <TextInput
          label={L.value}
          {...form.text('value')}
          placeholder={L.valueBlank}
          description={fen ? `人民币大写：${rmbUppercase(fen)}` : undefined}
        />
      </Group>
      <TextInput label={L.handling} {...form.text('handling')} />
    </FormCard>
  );
}
