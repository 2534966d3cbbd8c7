// 用车申请: a vehicle, where to, when and why; approved by the leader in charge of the office.
import { Group, NativeSelect, TextInput } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { Vehicle } from '../../../db/schema/supervision';
import { requestVehicle } from '../core/vehicles';
import { L } from '../labels';

export function TripForm({ vehicles }: { vehicles: Vehicle[] }) {
  const form = useCommandForm({
    initial: () => ({
      vehicleId: '',
      destination: '',
      purpose: '',
      passengers: '',
      plannedStart: today(),
      plannedEnd: today(),
    }),
    notifyFieldErrors: 'with_rule',
    submit: (v) => requestVehicle(v, currentActor()),
    success: (t) => `已提交 ${t.number}`,
    onDone: () => form.setValues((v) => ({ ...v, destination: '', purpose: '', passengers: '' })),
  });
  return (
    <FormCard form={form} title="用车申请（分管办公室领导审批）" submitLabel={L.requestVehicle}>
      <Group grow align="flex-start">
        <NativeSelect
          label={L.vehicle}
          value={form.values.vehicleId}
          onChange={(e) => form.set('vehicleId', e.currentTarget.value)}
          data={[
            { value: '', label: '请选择' },
            ...vehicles.map((v) => ({ value: v.id, label: `${v.plate} ${v.model}（${v.seats}座）` })),
          ]}
          error={form.errors.vehicleId}
        />
        <TextInput label={L.destination} {...form.text('destination')} />
        <DateField label={L.plannedStart} {...form.input('plannedStart')} />
        <DateField label={L.plannedEnd} {...form.input('plannedEnd')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={L.purpose} {...form.text('purpose')} />
        <TextInput label={L.passengers} {...form.text('passengers')} />
      </Group>
    </FormCard>
  );
}
