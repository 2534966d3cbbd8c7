// Duty and vehicles (办公室职责 6、7): holiday and sensitive-period duty rosters; vehicles, dispatch
// requests approved by the leader in charge of the office, and the trip log (departure, return, mileage).
import type { Table } from 'dexie';

import type { ISODate } from '../../../../shared/rules';
import { addCalendarDays, daysBetween } from '../../../../shared/rules';
import { outcomeOf, submitApproval, withdraw } from '../../approvals/engine';
import type { StepSpec } from '../../approvals/engine';
import type { ApprovalRequest } from '../../approvals/types';
import { today } from '../../db/clock';
import { db } from '../../db/db';
import { DomainError, insert, update, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { DutyEntry, DutyRoster, Vehicle, VehicleTrip } from '../../db/schema/supervision';
import { director, officeDeputy } from '../../org/org';
import {
  assertCan,
  nextSeq,
  requireDate,
  requireInt,
  requireStaff,
  requireText,
  staffOf,
  yearOf,
} from '../finance/util';

const DATETIME = /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/;

// ---------------------------------------------------------------- rosters

export type RosterInput = {
  title: string;
  kind: DutyRoster['kind'];
  startDate: ISODate;
  endDate: ISODate;
  requirements?: string;
  entries: DutyEntry[];
};

export function rosterDates(start: ISODate, end: ISODate): ISODate[] {
  const n = daysBetween(start, end);
  return Array.from({ length: n + 1 }, (_, i) => addCalendarDays(start, i));
}

function checkRoster(input: RosterInput) {
  const title = requireText(input.title, 'title', '值班表名称', 100);
  if (input.kind !== 'holiday' && input.kind !== 'sensitive') throw new DomainError('请选择值班类型', 'kind');
  requireDate(input.startDate, 'startDate', '开始日期');
  requireDate(input.endDate, 'endDate', '结束日期');
  if (input.endDate < input.startDate) throw new DomainError('结束日期不能早于开始日期', 'endDate');
  if (daysBetween(input.startDate, input.endDate) > 60)
    throw new DomainError('一张值班表最长60天', 'endDate');
  const dates = new Set(rosterDates(input.startDate, input.endDate));
  const seen = new Set<string>();
  input.entries.forEach((e, i) => {
    if (!dates.has(e.date)) throw new DomainError(`${e.date}不在值班期间内`, `entries.${i}.date`);
    if (seen.has(e.date)) throw new DomainError(`${e.date}重复安排`, `entries.${i}.date`);
    seen.add(e.date);
    requireStaff(e.leaderId, `entries.${i}.leaderId`, `${e.date}的带班领导`);
    if (e.staffIds.length === 0) throw new DomainError(`请安排${e.date}的值班人员`, `entries.${i}.staffIds`);
  });
  return title;
}

export async function saveRoster(input: RosterInput, actor: Actor, id?: string): Promise<DutyRoster> {
  await assertCan(actor, 'duty.manage', '安排值班');
  const title = checkRoster(input);
  const fields = {
    title,
    kind: input.kind,
    startDate: input.startDate,
    endDate: input.endDate,
    year: yearOf(input.startDate),
    entries: [...input.entries].sort((a, b) => a.date.localeCompare(b.date)),
    requirements: (input.requirements ?? '').trim(),
  };
  return writeTx([db.dutyRosters], async () => {
    if (!id) return insert(db.dutyRosters, { ...fields, status: 'draft' }, actor, `值班表：${title}`);
    const r = await db.dutyRosters.get(id);
    if (!r || r.deletedAt) throw new DomainError('值班表不存在');
    return update(
      db.dutyRosters,
      id,
      fields,
      actor,
      r.status === 'published' ? '调整已发布的值班表' : '修改值班表',
    );
  });
}

export async function publishRoster(id: string, actor: Actor): Promise<DutyRoster> {
  await assertCan(actor, 'duty.manage', '发布值班表');
  return writeTx([db.dutyRosters], async () => {
    const r = await db.dutyRosters.get(id);
    if (!r || r.deletedAt) throw new DomainError('值班表不存在');
    const missing = rosterDates(r.startDate, r.endDate).filter((d) => !r.entries.some((e) => e.date === d));
    if (missing.length) throw new DomainError(`以下日期尚未安排值班：${missing.join('、')}`, 'entries');
    return update(db.dutyRosters, id, { status: 'published' }, actor, '发布值班表');
  });
}

// ---------------------------------------------------------------- vehicles

export type VehicleInput = {
  plate: string;
  model: string;
  seats: number | string;
  driver: string;
  active: boolean;
};

export async function saveVehicle(input: VehicleInput, actor: Actor, id?: string): Promise<Vehicle> {
  await assertCan(actor, 'duty.manage', '管理车辆');
  const plate = requireText(input.plate, 'plate', '车牌号', 20).toUpperCase();
  if (!/^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/.test(plate))
    throw new DomainError('车牌号格式有误，例如 湘E12345', 'plate');
  const model = requireText(input.model, 'model', '车型', 50);
  const seats = requireInt(input.seats, 'seats', '座位数', 1, 60);
  return writeTx([db.vehicles], async () => {
    const same = (await db.vehicles.where('plate').equals(plate).toArray()).filter(
      (v) => !v.deletedAt && v.id !== id,
    );
    if (same.length) throw new DomainError('该车牌号已登记', 'plate');
    const fields = { plate, model, seats, driver: input.driver.trim(), active: input.active };
    return id
      ? update(db.vehicles, id, fields, actor, '修改车辆信息')
      : insert(db.vehicles, fields, actor, `车辆：${plate}`);
  });
}

export type TripInput = {
  vehicleId: string;
  destination: string;
  purpose: string;
  passengers: string;
  plannedStart: ISODate;
  plannedEnd: ISODate;
};

export function tripNumber(year: number, seq: number): string {
  return `派车〔${year}〕${seq}号`;
}

// The dispatch request is approved by the leader in charge of the office (the director when that
// leader is the applicant or not set).
export async function vehicleStepSpecs(applicantId: string): Promise<StepSpec[]> {
  const od = await officeDeputy();
  if (od && od.active && !od.deletedAt && od.id !== applicantId)
    return [{ key: 'office_deputy', label: '分管办公室领导审批', approverId: od.id }];
  const boss = await director();
  if (boss && boss.id !== applicantId) return [{ key: 'director', label: '局长审批', approverId: boss.id }];
  return [];
}

const BUSY: VehicleTrip['status'][] = ['pending', 'approved', 'out'];

export async function requestVehicle(input: TripInput, actor: Actor): Promise<VehicleTrip> {
  const applicant = await staffOf(actor.id);
  if (!applicant) throw new DomainError('当前用户不在人员名单中');
  if (!input.vehicleId) throw new DomainError('请选择车辆', 'vehicleId');
  const destination = requireText(input.destination, 'destination', '目的地', 100);
  const purpose = requireText(input.purpose, 'purpose', '用车事由', 200);
  requireDate(input.plannedStart, 'plannedStart', '用车开始日期');
  requireDate(input.plannedEnd, 'plannedEnd', '用车结束日期');
  if (input.plannedEnd < input.plannedStart) throw new DomainError('结束日期不能早于开始日期', 'plannedEnd');
  if (input.plannedStart < today())
    throw new DomainError('用车日期不能早于今天（事后补登请联系办公室）', 'plannedStart');
  const steps = await vehicleStepSpecs(applicant.id);
  return writeTx([db.vehicleTrips, db.vehicles, db.approvals, db.staff], async () => {
    const v = await db.vehicles.get(input.vehicleId);
    if (!v || v.deletedAt || !v.active) throw new DomainError('该车辆不可用', 'vehicleId');
    const clash = (await db.vehicleTrips.where('vehicleId').equals(v.id).toArray()).find(
      (t) =>
        !t.deletedAt &&
        BUSY.includes(t.status) &&
        t.plannedStart <= input.plannedEnd &&
        input.plannedStart <= t.plannedEnd,
    );
    if (clash)
      throw new DomainError(
        `${v.plate}在${clash.plannedStart}至${clash.plannedEnd}已有派车（${clash.number}）`,
        'vehicleId',
      );
    const year = yearOf(input.plannedStart);
    const seq = await nextSeq(db.vehicleTrips, year);
    const trip = await insert(
      db.vehicleTrips,
      {
        year,
        seq,
        number: tripNumber(year, seq),
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
  });
}

export function vehicleHandlerTables(): Table[] {
  return [db.vehicleTrips];
}
export async function onVehicleFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const t = await db.vehicleTrips.get(req.refId);
  if (!t) return;
  const status = outcomeOf(req);
  await update(db.vehicleTrips, t.id, { status }, actor, status === 'approved' ? '派车已批准' : '派车未批准');
}

export async function withdrawTrip(id: string, actor: Actor): Promise<void> {
  const t = await db.vehicleTrips.get(id);
  if (!t?.approvalId) throw new DomainError('该申请不在审批中');
  await withdraw(t.approvalId, actor);
}

export async function logDeparture(
  id: string,
  departedAt: string,
  odometerOut: number | string,
  driver: string,
  actor: Actor,
): Promise<VehicleTrip> {
  await assertCan(actor, 'duty.manage', '登记出车');
  if (!DATETIME.test(departedAt)) throw new DomainError('请填写出车时间（年-月-日 时:分）', 'departedAt');
  const km = requireInt(odometerOut, 'odometerOut', '出车里程表读数', 0, 9_999_999);
  return writeTx([db.vehicleTrips], async () => {
    const t = await db.vehicleTrips.get(id);
    if (!t || t.deletedAt) throw new DomainError('派车单不存在');
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
      actor,
      '出车',
    );
  });
}

export async function logReturn(
  id: string,
  returnedAt: string,
  odometerIn: number | string,
  actor: Actor,
): Promise<VehicleTrip> {
  await assertCan(actor, 'duty.manage', '登记回场');
  if (!DATETIME.test(returnedAt)) throw new DomainError('请填写返回时间（年-月-日 时:分）', 'returnedAt');
  const km = requireInt(odometerIn, 'odometerIn', '返回里程表读数', 0, 9_999_999);
  return writeTx([db.vehicleTrips], async () => {
    const t = await db.vehicleTrips.get(id);
    if (!t || t.deletedAt) throw new DomainError('派车单不存在');
    if (t.status !== 'out') throw new DomainError('该车辆未出车', 'returnedAt');
    if (returnedAt < (t.departedAt ?? '')) throw new DomainError('返回时间不能早于出车时间', 'returnedAt');
    if (km < (t.odometerOut ?? 0))
      throw new DomainError(`返回读数不能小于出车读数${t.odometerOut}公里`, 'odometerIn');
    return update(
      db.vehicleTrips,
      id,
      { status: 'returned', returnedAt, odometerIn: km, mileage: km - (t.odometerOut ?? 0) },
      actor,
      '回场',
    );
  });
}
