// 车辆调度: requests approved by the leader in charge of the office (engine kind 'vehicle'), the log of
// departure and return with the odometer, the 车辆使用登记 export, and the vehicles themselves.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { vehicleLogLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { href } from '../../../app/router';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { approvalFor } from '../../../approvals/engine';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { thisYear as currentYear, yearOptions } from '../../../components/dates';
import { notifyError, notifyOk } from '../../../components/notify';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { localHHmm, today } from '../../../db/clock';
import type { Vehicle, VehicleTrip } from '../../../db/schema/supervision';
import { exportLedger } from '../../../export';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import {
  getTrip,
  getVehicle,
  listTrips,
  listVehicles,
  logDeparture,
  logReturn,
  requestVehicle,
  saveVehicle,
  withdrawTrip,
} from '../core/vehicles';
import { L, TRIP_STATUS_LABELS } from '../labels';

const STATUS_COLOR: Record<VehicleTrip['status'], string> = {
  pending: 'blue',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
  out: 'orange',
  returned: 'green',
};

function useVehicles(): Vehicle[] {
  return useLiveQuery(listVehicles, [], []);
}

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

function TripForm({ vehicles }: { vehicles: Vehicle[] }) {
  const [vehicleId, setVehicleId] = useState('');
  const [destination, setDestination] = useState('');
  const [purpose, setPurpose] = useState('');
  const [passengers, setPassengers] = useState('');
  const [plannedStart, setPlannedStart] = useState(today());
  const [plannedEnd, setPlannedEnd] = useState(today());
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  return (
    <Card withBorder>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          clear();
          try {
            const t = await requestVehicle(
              { vehicleId, destination, purpose, passengers, plannedStart, plannedEnd },
              currentActor(),
            );
            notifyOk(`已提交 ${t.number}`);
            setDestination('');
            setPurpose('');
            setPassengers('');
          } catch (err) {
            fail(err, 'purpose');
          }
        }}
      >
        <Title order={5} mb="xs">
          用车申请（分管办公室领导审批）
        </Title>
        <Group grow align="flex-start">
          <NativeSelect
            label={L.vehicle}
            value={vehicleId}
            onChange={(e) => setVehicleId(e.currentTarget.value)}
            data={[
              { value: '', label: '请选择' },
              ...vehicles.map((v) => ({ value: v.id, label: `${v.plate} ${v.model}（${v.seats}座）` })),
            ]}
            error={errors.vehicleId}
          />
          <TextInput
            label={L.destination}
            value={destination}
            onChange={(e) => setDestination(e.currentTarget.value)}
            error={errors.destination}
          />
          <TextInput
            label={L.plannedStart}
            type="date"
            value={plannedStart}
            onChange={(e) => setPlannedStart(e.currentTarget.value)}
            error={errors.plannedStart}
          />
          <TextInput
            label={L.plannedEnd}
            type="date"
            value={plannedEnd}
            onChange={(e) => setPlannedEnd(e.currentTarget.value)}
            error={errors.plannedEnd}
          />
        </Group>
        <Group grow align="flex-start" mt="xs">
          <TextInput
            label={L.purpose}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            error={errors.purpose}
          />
          <TextInput
            label={L.passengers}
            value={passengers}
            onChange={(e) => setPassengers(e.currentTarget.value)}
          />
        </Group>
        <Button type="submit" mt="sm">
          {L.requestVehicle}
        </Button>
      </form>
    </Card>
  );
}

function TripDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const t = useLiveQuery(() => getTrip(id), [id]);
  const req = useLiveQuery(() => approvalFor('vehicleTrips', id), [id]);
  const v = useLiveQuery(() => (t ? getVehicle(t.vehicleId) : undefined), [t?.vehicleId]);
  const { name } = useStaff();
  const now = `${today()} ${localHHmm()}`;
  const [at, setAt] = useState(now);
  const [km, setKm] = useState('');
  const [driver, setDriver] = useState('');
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  if (t === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!t) return <Alert color="red">派车单不存在。</Alert>;
  const step = req?.status === 'pending' ? req.steps[req.currentStep] : undefined;
  return (
    <Stack>
      <Anchor href={href('duty', 'vehicles')}>← 返回车辆调度</Anchor>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>
            {t.number} {v?.plate} → {t.destination}
          </Title>
          <Badge size="lg" color={STATUS_COLOR[t.status]}>
            {TRIP_STATUS_LABELS[t.status]}
          </Badge>
        </Group>
        <Text size="sm" mt="xs">
          用车人：{name(t.applicantId)} · 事由：{t.purpose} · 乘车人员：{t.passengers || '—'} · 用车日期：
          {t.plannedStart} 至 {t.plannedEnd}
        </Text>
        {t.departedAt && (
          <Text size="sm">
            出车：{t.departedAt}（里程表 {t.odometerOut} 公里，驾驶员 {t.driver || '—'}）
          </Text>
        )}
        {t.returnedAt && (
          <Text size="sm">
            回场：{t.returnedAt}（里程表 {t.odometerIn} 公里，行驶 {t.mileage} 公里）
          </Text>
        )}
      </Card>
      {req && (
        <Card withBorder>
          <ApprovalChain req={req} />
          {step?.approverId === user.staffId && (
            <Card withBorder mt="sm">
              <DecideForm req={req} />
            </Card>
          )}
        </Card>
      )}
      {t.status === 'pending' && t.applicantId === user.staffId && (
        <Group>
          <ConfirmButton
            variant="default"
            title="撤回用车申请"
            message="撤回该用车申请？"
            onConfirm={() => withdrawTrip(t.id, currentActor()).catch(notifyError)}
          >
            撤回
          </ConfirmButton>
        </Group>
      )}
      {manage && (t.status === 'approved' || t.status === 'out') && (
        <Card withBorder>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              clear();
              try {
                if (t.status === 'approved') await logDeparture(t.id, at, km, driver, currentActor());
                else await logReturn(t.id, at, km, currentActor());
                notifyOk(t.status === 'approved' ? '已登记出车' : '已登记回场');
                setKm('');
              } catch (err) {
                fail(err, t.status === 'approved' ? 'odometerOut' : 'odometerIn');
              }
            }}
          >
            <Title order={5} mb="xs">
              {t.status === 'approved' ? L.logDeparture : L.logReturn}
            </Title>
            <Group align="flex-start">
              <TextInput
                label={t.status === 'approved' ? L.departedAt : L.returnedAt}
                value={at}
                onChange={(e) => setAt(e.currentTarget.value)}
                error={errors.departedAt ?? errors.returnedAt}
                placeholder="2026-01-01 08:30"
              />
              <TextInput
                label={t.status === 'approved' ? L.odometerOut : L.odometerIn}
                value={km}
                inputMode="numeric"
                onChange={(e) => setKm(e.currentTarget.value)}
                error={errors.odometerOut ?? errors.odometerIn}
              />
              {t.status === 'approved' && (
                <TextInput
                  label={L.driver}
                  value={driver}
                  onChange={(e) => setDriver(e.currentTarget.value)}
                  placeholder={t.driver}
                />
              )}
              <Button type="submit" mt={25}>
                {t.status === 'approved' ? L.logDeparture : L.logReturn}
              </Button>
            </Group>
          </form>
        </Card>
      )}
    </Stack>
  );
}

export function FleetTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const vehicles = useVehicles();
  const [plate, setPlate] = useState('');
  const [model, setModel] = useState('');
  const [seats, setSeats] = useState('5');
  const [driver, setDriver] = useState('');
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  return (
    <Stack>
      {manage && (
        <Card withBorder>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              clear();
              try {
                await saveVehicle({ plate, model, seats, driver, active: true }, currentActor());
                notifyOk('已保存车辆');
                setPlate('');
                setModel('');
              } catch (err) {
                fail(err, 'plate');
              }
            }}
          >
            <Group align="flex-start">
              <TextInput
                label={L.plate}
                value={plate}
                onChange={(e) => setPlate(e.currentTarget.value)}
                error={errors.plate}
                placeholder="湘E12345"
              />
              <TextInput
                label={L.model}
                value={model}
                onChange={(e) => setModel(e.currentTarget.value)}
                error={errors.model}
              />
              <TextInput
                label={L.seats}
                value={seats}
                onChange={(e) => setSeats(e.currentTarget.value)}
                error={errors.seats}
                w={90}
              />
              <TextInput label={L.driver} value={driver} onChange={(e) => setDriver(e.currentTarget.value)} />
              <Button type="submit" mt={25}>
                {L.saveVehicle}
              </Button>
            </Group>
          </form>
        </Card>
      )}
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
