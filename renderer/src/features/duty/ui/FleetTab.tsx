// The bureau's vehicles: registering one, and whether each is in use.
import { Checkbox, Stack, Text, TextInput } from '@mantine/core';

import { can } from '../../../../../shared/permissions';
import { currentActor, useSession } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { notifyError } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import { saveVehicle } from '../core/vehicles';
import { L } from '../labels';

import { useVehicles } from './trips';

function VehicleForm() {
  const form = useCommandForm({
    initial: { plate: '', model: '', seats: '5', driver: '' },
    notifyFieldErrors: 'with_rule',
    submit: (v) => saveVehicle({ ...v, active: true }, currentActor()),
    success: '已保存车辆',
    onDone: () => form.setValues((v) => ({ ...v, plate: '', model: '' })),
  });
  return (
    <FormCard form={form} inline submitLabel={L.saveVehicle}>
      <TextInput label={L.plate} {...form.text('plate')} placeholder="湘E12345" />
      <TextInput label={L.model} {...form.text('model')} />
      <TextInput label={L.seats} {...form.text('seats')} w={90} />
      <TextInput label={L.driver} {...form.text('driver')} />
    </FormCard>
  );
}

export function FleetTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const vehicles = useVehicles();
  return (
    <Stack>
      {manage && <VehicleForm />}
      <ListTable
        highlightOnHover={false}
        rows={vehicles}
        head={[L.plate, L.model, L.seats, L.driver, '在用']}
        row={(v) => [
          v.plate,
          v.model,
          v.seats,
          v.driver,
          <Checkbox
            key="active"
            aria-label={`${v.plate}在用`}
            checked={v.active}
            disabled={!manage}
            onChange={(e) =>
              saveVehicle(
                { ...v, driver: v.driver ?? '', active: e.currentTarget.checked },
                currentActor(),
                v.id,
              ).catch(notifyError)
            }
          />,
        ]}
      />
      {vehicles.length === 0 && <Text c="dimmed">尚未登记车辆。</Text>}
    </Stack>
  );
}
