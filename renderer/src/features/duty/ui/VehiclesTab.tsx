// 车辆调度: requests approved by the leader in charge of the office (engine kind 'vehicle'), the log of
// departure and return with the odometer, the 车辆使用登记 export. One trip: TripDetail; the vehicles: FleetTab.
import { Badge, Group, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { vehicleLogLedger } from '../../../../../shared/ledgers/finance';
import { thisYear as currentYear } from '../../../components/dates';
import { ExportButton, RowLink, YearPicker } from '../../../components/ListParts';
import { ListTable } from '../../../components/ListTable';
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
  }
  return (
    <Stack>
      <TripForm vehicles={vehicles.filter((v) => v.active)} />
      <Group align="flex-end">
        <YearPicker value={year} onChange={setYear} />
        <ExportButton ml="auto" onExport={exportLog} />
      </Group>
      <ListTable
        rows={(trips ?? []).slice(0, 200)}
        head={['派车单号', L.vehicle, '用车人', L.destination, '用车日期', '里程（公里）', '状态']}
        row={(t) => [
          <RowLink key="number" to={['duty', 'vehicles', t.id]}>
            {t.number}
          </RowLink>,
          plate.get(t.vehicleId),
          name(t.applicantId),
          t.destination,
          `${t.plannedStart}${t.plannedEnd !== t.plannedStart ? ` 至 ${t.plannedEnd}` : ''}`,
          t.mileage ?? '',
          <Badge key="status" color={STATUS_COLOR[t.status]}>
            {TRIP_STATUS_LABELS[t.status]}
          </Badge>,
        ]}
      />
    </Stack>
  );
}
