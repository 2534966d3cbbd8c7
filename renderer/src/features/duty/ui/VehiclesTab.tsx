// 车辆调度: requests approved by the leader in charge of the office (engine kind 'vehicle'), the log of
// departure and return with the odometer, the 车辆使用登记 export. One trip: TripDetail; the vehicles: FleetTab.
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { vehicleLogLedger } from '../../../../../shared/ledgers/finance';
import { href } from '../../../app/router';
import { thisYear as currentYear, yearOptions } from '../../../components/dates';
import { notifyError } from '../../../components/notify';
import { exportLedger } from '../../../export';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { listTrips } from '../core/vehicles';
import { L, TRIP_STATUS_LABELS } from '../labels';

import { TripDetail } from './TripDetail';
import { TripForm } from './TripForm';
import { STATUS_COLOR, useVehicles } from './trips';

export function VehiclesTab({ id }: { id?: string }) {
  const [year, setYear] = useState(String(currentYear()));
  const vehicles = useVehicles();
  const plate = new Map(vehicles.map((v) => [v.id, v.plate]));
  const { name } = useStaff();
  const trips = useLiveQuery(() => listTrips(Number(year)), [year]);
  if (id) return <TripDetail id={id} />;
  async function exportLog() {
    try {
      const rows = (trips ?? [])
        .filter((t) => t.status === 'out' || t.status === 'returned')
        .reverse()
        .map((t) => ({
          number: t.number,
          vehicle: plate.get(t.vehicleId) ?? '',
          applicant: name(t.applicantId),
          purpose: t.purpose,
          destination: t.destination,
          departedAt: t.departedAt ?? null,
          returnedAt: t.returnedAt ?? null,
          odometerOut: t.odometerOut ?? null,
          odometerIn: t.odometerIn ?? null,
          mileage: t.mileage ?? null,
          state: TRIP_STATUS_LABELS[t.status],
        }));
      await exportLedger(`车辆使用登记-${year}`, [vehicleLogLedger(await unitName(), `${year}年度`, rows)]);
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Stack>
      <TripForm vehicles={vehicles.filter((v) => v.active)} />
      <Group align="flex-end">
        <NativeSelect
          label="年度"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={yearOptions()}
          w={120}
        />
        <Button variant="default" ml="auto" onClick={exportLog}>
          导出Excel
        </Button>
      </Group>
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>派车单号</Table.Th>
            <Table.Th>{L.vehicle}</Table.Th>
            <Table.Th>用车人</Table.Th>
            <Table.Th>{L.destination}</Table.Th>
            <Table.Th>用车日期</Table.Th>
            <Table.Th>里程（公里）</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(trips ?? []).slice(0, 200).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Anchor href={href('duty', 'vehicles', t.id)} size="sm">
                  {t.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{plate.get(t.vehicleId)}</Table.Td>
              <Table.Td>{name(t.applicantId)}</Table.Td>
              <Table.Td>{t.destination}</Table.Td>
              <Table.Td>
                {t.plannedStart}
                {t.plannedEnd !== t.plannedStart ? ` 至 ${t.plannedEnd}` : ''}
              </Table.Td>
              <Table.Td>{t.mileage ?? ''}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[t.status]}>{TRIP_STATUS_LABELS[t.status]}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
