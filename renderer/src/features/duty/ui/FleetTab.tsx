// The bureau's vehicles: registering one, and whether each is in use.
import { Checkbox, Stack, Table, Text, TextInput } from '@mantine/core';

import { can } from '../../../../../shared/permissions';
import { currentActor, useSession } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
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
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.plate}</Table.Th>
            <Table.Th>{L.model}</Table.Th>
            <Table.Th>{L.seats}</Table.Th>
            <Table.Th>{L.driver}</Table.Th>
            <Table.Th>在用</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vehicles.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.plate}</Table.Td>
              <Table.Td>{v.model}</Table.Td>
              <Table.Td>{v.seats}</Table.Td>
              <Table.Td>{v.driver}</Table.Td>
              <Table.Td>
                <Checkbox
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
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {vehicles.length === 0 && <Text c="dimmed">尚未登记车辆。</Text>}
    </Stack>
  );
}
