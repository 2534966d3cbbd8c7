// 出车登记 / 回场登记: the time and the odometer (and the driver on departure).
import { Group, TextInput } from '@mantine/core';

import { currentActor } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import { localHHmm, today } from '../../../db/clock';
import type { VehicleTrip } from '../../../db/schema/supervision';
import { logDeparture, logReturn } from '../core/vehicles';
import { L } from '../labels';

export function TripLogForm({ trip: t }: { trip: VehicleTrip }) {
  const out = t.status === 'approved';
  const form = useCommandForm({
    initial: () => ({ at: `${today()} ${localHHmm()}`, km: '', driver: '' }),
    notifyFieldErrors: 'with_rule',
    submit: ({ at, km, driver }) =>
      out ? logDeparture(t.id, at, km, driver, currentActor()) : logReturn(t.id, at, km, currentActor()),
    success: out ? '已登记出车' : '已登记回场',
    onDone: () => form.set('km', ''),
  });
  const { errors } = form;
  return (
    <FormCard
      form={form}
      title={out ? L.logDeparture : L.logReturn}
      submitLabel={out ? L.logDeparture : L.logReturn}
    >
      <Group align="flex-start">
        <TextInput
          label={out ? L.departedAt : L.returnedAt}
          {...form.text('at')}
          error={errors.departedAt ?? errors.returnedAt}
          placeholder="2026-01-01 08:30"
        />
        <TextInput
          label={out ? L.odometerOut : L.odometerIn}
          {...form.text('km')}
          inputMode="numeric"
          error={errors.odometerOut ?? errors.odometerIn}
        />
        {out && <TextInput label={L.driver} {...form.text('driver')} placeholder={t.driver} />}
      </Group>
    </FormCard>
  );
}
