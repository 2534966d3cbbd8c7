// Vehicles (办公室职责 7): the fleet, dispatch requests approved by the leader in charge of the
// office, and the trip log (departure, return, mileage).
import type { Table } from 'dexie';

import { vehicleClash } from '../../../../../shared/rules';
import { outcomeOf, submitApproval } from '../../../approvals/engine';
import type { StepSpec } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { withdrawRecord } from '../../../approvals/withdrawRecord';
import { today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isLive, live } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Vehicle, VehicleTrip } from '../../../db/schema/supervision';
import { requireDate, requireInt, requireText, staffOf, yearOf } from '../../../db/validate';
import { director, officeDeputy } from '../../../org/org';
import { numberOrPending, seqOrPending, waitingFirst } from '../../../sync/seqNumbering';

const DATETIME = /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/;

// ---------------------------------------------------------------- vehicles

export type VehicleInput = {
  plate: string;
  model: string;
  seats: number | string;
  driver: string;
  active: boolean;
};

function checkVehicle(input: VehicleInput) {
  const plate = requireText(input.plate, 'plate', '车牌号', 20).toUpperCase();
  if (!/^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/.test(plate))
    throw new DomainError('车牌号格式有误，例如 湘E12345', 'plate');
  const model = requireText(input.model, 'model', '车型', 50);
  const seats = requireInt(input.seats, 'seats', '座位数', 1, 60);
  return { plate, model, seats };
}

const saveVehicleCommand = defineCommand({
  what: '管理车辆',
  perm: 'duty.manage',
  tables: (d) => [d.vehicles],
  validate: (input: VehicleInput, _id: string | undefined) => void checkVehicle(input),
  run: async (ctx, input: VehicleInput, id: string | undefined): Promise<Vehicle> => {
    const { plate, model, seats } = checkVehicle(input);
    const same = (await live(db.vehicles.where('plate').equals(plate)).toArray()).filter((v) => v.id !== id);
    if (same.length) throw new DomainError('该车牌号已登记', 'plate');
    const fields = { plate, model, seats, driver: input.driver.trim(), active: input.active };
    return id
      ? update(db.vehicles, id, fields, ctx.actor, '修改车辆信息')
      : insert(db.vehicles, fields, ctx.actor, `车辆：${plate}`);
  },
});

export function saveVehicle(input: VehicleInput, actor: Actor, id?: string): Promise<Vehicle> {
  return saveVehicleCommand(input, id, actor);
}

// What an application for a car says (the rest of the trip record is the system's).
export type TripInput = Pick<
  VehicleTrip,
  'vehicleId' | 'destination' | 'purpose' | 'passengers' | 'plannedStart' | 'plannedEnd'
>;

export function tripNumber(year: number, seq: number): string {
  return `派车〔${year}〕${seq}号`;
}

// The dispatch request is approved by the leader in charge of the office (the director when that
// leader is the applicant or not set).
export async function vehicleStepSpecs(applicantId: string): Promise<StepSpec[]> {
  const od = await officeDeputy();
  if (od && od.active && isLive(od) && od.id !== applicantId)
    return [{ key: 'office_deputy', label: '分管办公室领导审批', approverId: od.id }];
  const boss = await director();
  if (boss && boss.id !== applicantId) return [{ key: 'director', label: '局长审批', approverId: boss.id }];
  return [];
}

// The car's live trips (what a new request must not clash with: vehicleClash).
export function tripsOfVehicle(vehicleId: string): Promise<VehicleTrip[]> {
  return live(db.vehicleTrips.where('vehicleId').equals(vehicleId)).toArray();
}

function checkTrip(input: TripInput) {
  if (!input.vehicleId) throw new DomainError('请选择车辆', 'vehicleId');
  const destination = requireText(input.destination, 'destination', '目的地', 100);
  const purpose = requireText(input.purpose, 'purpose', '用车事由', 200);
  requireDate(input.plannedStart, 'plannedStart', '用车开始日期');
  requireDate(input.plannedEnd, 'plannedEnd', '用车结束日期');
  if (input.plannedEnd < input.plannedStart) throw new DomainError('结束日期不能早于开始日期', 'plannedEnd');
  if (input.plannedStart < today())
    throw new DomainError('用车日期不能早于今天（事后补登请联系办公室）', 'plannedStart');
  return { destination, purpose };
}

export const requestVehicle = defineCommand({
  what: '申请用车',
  perm: null,
  tables: (d) => [d.vehicleTrips, d.vehicles, d.approvals, d.staff, d.settings],
  run: async (ctx, input: TripInput): Promise<VehicleTrip> => {
    const actor = ctx.actor;
    const applicant = await staffOf(actor.id);
    if (!applicant) throw new DomainError('当前用户不在人员名单中');
    const { destination, purpose } = checkTrip(input);
    const steps = await vehicleStepSpecs(applicant.id);
    const v = await getLive(db.vehicles, input.vehicleId);
    if (!v || !v.active) throw new DomainError('该车辆不可用', 'vehicleId');
    const clash = vehicleClash(await tripsOfVehicle(v.id), input.plannedStart, input.plannedEnd);
    if (clash)
      throw new DomainError(
        `${v.plate}在${clash.plannedStart}至${clash.plannedEnd}已有派车（${clash.number}）`,
        'vehicleId',
      );
    const year = yearOf(input.plannedStart);
    const seq = await seqOrPending(db.vehicleTrips, year);
    const trip = await insert(
      db.vehicleTrips,
      {
        year,
        seq,
        number: numberOrPending(seq, (n) => tripNumber(year, n)),
        applicantId: applicant.id,
        vehicleId: v.id,
        destination,
        purpose,
        passengers: input.passengers.trim(),
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        status: 'pending',
        driver: v.driver ?? '',
      },
      actor,
      `用车申请：${destination}`,
    );
    const req = await submitApproval(
      {
        kind: 'vehicle',
        refTable: 'vehicleTrips',
        refId: trip.id,
        title: `用车：${v.plate} ${input.plannedStart} ${destination}`,
        applicant,
        form: 'written',
        ruleIds: [],
        steps,
      },
      actor,
    );
    const after = await db.vehicleTrips.get(trip.id);
    return update(
      db.vehicleTrips,
      trip.id,
      { approvalId: req.id, status: after!.status },
      actor,
      '用车申请进入审批',
    );
  },
});

export function vehicleHandlerTables(): Table[] {
  return [db.vehicleTrips];
}
export async function onVehicleFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const t = await db.vehicleTrips.get(req.refId);
  if (!t) return;
  const status = outcomeOf(req);
  await update(db.vehicleTrips, t.id, { status }, actor, status === 'approved' ? '派车已批准' : '派车未批准');
}

export function withdrawTrip(id: string, actor: Actor): Promise<void> {
  return withdrawRecord(db.vehicleTrips, id, '该申请不在审批中', actor);
}

export const logDeparture = defineCommand({
  what: '登记出车',
  perm: 'duty.manage',
  tables: (d) => [d.vehicleTrips],
  validate: (_id: string, departedAt: string, odometerOut: number | string, _driver: string) => {
    if (!DATETIME.test(departedAt)) throw new DomainError('请填写出车时间（年-月-日 时:分）', 'departedAt');
    requireInt(odometerOut, 'odometerOut', '出车里程表读数', 0, 9_999_999);
  },
  run: async (
    ctx,
    id: string,
    departedAt: string,
    odometerOut: number | string,
    driver: string,
  ): Promise<VehicleTrip> => {
    const km = requireInt(odometerOut, 'odometerOut', '出车里程表读数', 0, 9_999_999);
    const t = await getLive(db.vehicleTrips, id);
    if (!t) throw new DomainError('派车单不存在');
    if (t.status !== 'approved') throw new DomainError('派车经批准后才能出车', 'departedAt');
    const last = (await db.vehicleTrips.where('vehicleId').equals(t.vehicleId).toArray())
      .filter((x) => x.status === 'returned' && x.odometerIn != null)
      .sort((a, b) => (b.returnedAt ?? '').localeCompare(a.returnedAt ?? ''))[0];
    if (last && km < (last.odometerIn ?? 0))
      throw new DomainError(`读数不能小于上次回场读数${last.odometerIn}公里`, 'odometerOut');
    return update(
      db.vehicleTrips,
      id,
      { status: 'out', departedAt, odometerOut: km, driver: driver.trim() || t.driver },
      ctx.actor,
      '出车',
    );
  },
});

export const logReturn = defineCommand({
  what: '登记回场',
  perm: 'duty.manage',
  tables: (d) => [d.vehicleTrips],
  validate: (_id: string, returnedAt: string, odometerIn: number | string) => {
    if (!DATETIME.test(returnedAt)) throw new DomainError('请填写返回时间（年-月-日 时:分）', 'returnedAt');
    requireInt(odometerIn, 'odometerIn', '返回里程表读数', 0, 9_999_999);
  },
  run: async (ctx, id: string, returnedAt: string, odometerIn: number | string): Promise<VehicleTrip> => {
    const km = requireInt(odometerIn, 'odometerIn', '返回里程表读数', 0, 9_999_999);
    const t = await getLive(db.vehicleTrips, id);
    if (!t) throw new DomainError('派车单不存在');
    if (t.status !== 'out') throw new DomainError('该车辆未出车', 'returnedAt');
    if (returnedAt < (t.departedAt ?? '')) throw new DomainError('返回时间不能早于出车时间', 'returnedAt');
    if (km < (t.odometerOut ?? 0))
      throw new DomainError(`返回读数不能小于出车读数${t.odometerOut}公里`, 'odometerIn');
    return update(
      db.vehicleTrips,
      id,
      { status: 'returned', returnedAt, odometerIn: km, mileage: km - (t.odometerOut ?? 0) },
      ctx.actor,
      '回场',
    );
  },
});

// Vehicles by plate.
export function listVehicles(): Promise<Vehicle[]> {
  return live(db.vehicles.orderBy('plate')).toArray();
}

export function getTrip(id: string): Promise<VehicleTrip | undefined> {
  return getLive(db.vehicleTrips, id);
}

export function getVehicle(id: string | undefined): Promise<Vehicle | undefined> {
  return getLive(db.vehicles, id);
}

// One year's trips, newest number first (those still 待编号 on top: waitingFirst).
export function listTrips(year: number): Promise<VehicleTrip[]> {
  return waitingFirst(
    (lower, upper) => db.vehicleTrips.where('[year+seq]').between([year, lower], [year, upper], true, false),
    isLive,
  );
}

export function tripsIn(status: VehicleTrip['status']): Promise<VehicleTrip[]> {
  return live(db.vehicleTrips.where('status').equals(status)).toArray();
}
