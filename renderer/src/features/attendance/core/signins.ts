// Sign-ins (签到): the clerk's daily register, the person's own 签到 on the office PC, and bulk
// loading for demo data and the benchmark. Late, early and absent are never stored: the rules
// derive them from these times (ATT-2, ATT-4, ATT-5).
import type { Half, HHmm, ISODate } from '../../../../../shared/rules';
import {
  attendanceMonthLocked,
  isISODate,
  isWorkday,
  parseHHmm,
  sessionTimesOn,
} from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { localHHmm, nowIso, today } from '../../../db/clock';
import { defineCommand, requirePermission } from '../../../db/command';
import { db } from '../../../db/db';
import { liveOnly } from '../../../db/live';
import { DomainError, insert, logEvent, newId, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { SessionEntry, SignIn } from '../../../db/schema/attendance';
import { L } from '../labels';

import { getWorkSchedule } from './settings';

export type SignInField = 'at' | 'leftAt';
// value: a time, null to clear, or 'absent' (only for 'at': recorded as absent, e.g. 擅自离岗)
export type SignInChange = {
  staffId: string;
  date: ISODate;
  half: Half;
  field: SignInField;
  value: HHmm | null | 'absent';
};

const HALF_LABEL: Record<Half, string> = { am: L.am, pm: L.pm };

export function monthKeyOf(date: ISODate): string {
  return date.slice(0, 7);
}

// ATT-7: an announced month is locked; only an amendment changes it.
export async function monthIsLocked(date: ISODate): Promise<boolean> {
  const rec = await db.attendanceMonths.where('key').equals(monthKeyOf(date)).first();
  return !!rec && attendanceMonthLocked(rec.state);
}

export async function signInOf(staffId: string, date: ISODate): Promise<SignIn | undefined> {
  return liveOnly(await db.signIns.where('[staffId+date]').equals([staffId, date]).toArray())[0];
}

// Everyone's sign-ins of one day (the register).
export async function signInsOn(date: ISODate): Promise<SignIn[]> {
  return liveOnly(await db.signIns.where('date').equals(date).toArray());
}

function checkTime(v: string, field: string): HHmm {
  try {
    parseHHmm(v, field);
    return v;
  } catch {
    throw new DomainError(L.msg.badTime, field, 'ATT-1');
  }
}

// The new session entry after a change, or a refusal naming the cell.
export function applyChange(
  prev: SessionEntry | null | undefined,
  change: SignInChange,
  actor: Actor,
  source: SessionEntry['source'],
): SessionEntry {
  const cell = `${change.half}.${change.field}`;
  const base: SessionEntry = {
    at: prev?.at ?? null,
    leftAt: prev?.leftAt ?? null,
    absent: prev?.absent ?? false,
    source,
    byId: actor.id,
    recordedAt: nowIso(),
  };
  if (change.field === 'at') {
    if (change.value === 'absent') return { ...base, at: null, leftAt: null, absent: true };
    if (change.value === null) return { ...base, at: null, leftAt: null, absent: false };
    const at = checkTime(change.value, cell);
    if (base.leftAt && parseHHmm(base.leftAt) < parseHHmm(at))
      throw new DomainError(L.msg.leftBeforeSignIn, cell, 'ATT-4');
    return { ...base, at, absent: false };
  }
  if (change.value === 'absent') throw new DomainError(L.msg.badTime, cell, 'ATT-1');
  if (change.value === null) return { ...base, leftAt: null };
  const leftAt = checkTime(change.value, cell);
  if (!base.at) throw new DomainError(L.msg.leftWithoutSignIn, cell, 'ATT-4');
  if (parseHHmm(leftAt) < parseHHmm(base.at)) throw new DomainError(L.msg.leftBeforeSignIn, cell, 'ATT-4');
  return { ...base, leftAt };
}

async function checkDay(date: ISODate, field: string) {
  if (!isISODate(date)) throw new DomainError('日期无效', 'date');
  if (date > today()) throw new DomainError(L.msg.future, field, 'ATT-1');
  const cal = await loadCalendar();
  if (!isWorkday(date, cal)) throw new DomainError(L.msg.notWorkday, field, 'ATT-1');
}

// Writes one change inside the caller's transaction (signIns, attendanceMonths joined).
export async function writeChange(
  change: SignInChange,
  actor: Actor,
  source: SessionEntry['source'],
  ignoreLock = false,
): Promise<SignIn> {
  const cell = `${change.half}.${change.field}`;
  if (!ignoreLock && (await monthIsLocked(change.date))) throw new DomainError(L.msg.locked, cell, 'ATT-7');
  const existing = await signInOf(change.staffId, change.date);
  const entry = applyChange(existing?.[change.half], change, actor, source);
  const summary = `签到登记 ${change.date} ${HALF_LABEL[change.half]}${change.field === 'at' ? '签到' : '离岗'}：${change.value ?? '清除'}`;
  if (existing) return update(db.signIns, existing.id, { [change.half]: entry }, actor, summary);
  return insert(
    db.signIns,
    { staffId: change.staffId, date: change.date, [change.half]: entry },
    actor,
    summary,
  );
}

const registerCell = defineCommand({
  what: '登记考勤',
  perm: 'attendance.register',
  tables: (x) => [x.signIns, x.attendanceMonths],
  run: async (ctx, change: SignInChange) => writeChange(change, ctx.actor, 'clerk'),
});

const registerNote = defineCommand({
  what: '登记考勤',
  perm: 'attendance.register',
  tables: (x) => [x.signIns, x.attendanceMonths],
  run: async (ctx, staffId: string, date: ISODate, note: string) => {
    const actor = ctx.actor;
    if (await monthIsLocked(date)) throw new DomainError(L.msg.locked, 'note', 'ATT-7');
    const existing = await signInOf(staffId, date);
    const text = note.trim();
    if (existing) return update(db.signIns, existing.id, { note: text }, actor, `考勤备注 ${date}`);
    return insert(db.signIns, { staffId, date, note: text }, actor, `考勤备注 ${date}`);
  },
});

// The clerk's register: one cell (ATT-1, ATT-4, ATT-5 recorded; ATT-7 lock enforced). The day is
// checked against the calendar first (a read outside the transaction).
export async function saveSignIn(change: SignInChange, actor: Actor): Promise<SignIn> {
  await requirePermission(actor, 'attendance.register', registerCell.what);
  await checkDay(change.date, `${change.half}.${change.field}`);
  return registerCell(change, actor);
}

export async function saveSignInNote(
  staffId: string,
  date: ISODate,
  note: string,
  actor: Actor,
): Promise<SignIn> {
  await requirePermission(actor, 'attendance.register', registerNote.what);
  await checkDay(date, 'note');
  return registerNote(staffId, date, note, actor);
}

// 签到 on the office PC: the time is the PC's clock, recorded with source 'self'.
export async function signInSelf(actor: Actor): Promise<{ half: Half; at: HHmm }> {
  const date = today();
  const at = localHHmm();
  const cal = await loadCalendar();
  if (!isWorkday(date, cal)) throw new DomainError(L.msg.notWorkday, 'signIn', 'ATT-1');
  const times = sessionTimesOn(date, await getWorkSchedule());
  const half: Half | null = at < times.amEnd ? 'am' : at < times.pmEnd ? 'pm' : null;
  if (!half) throw new DomainError(L.msg.afterHours, 'signIn', 'ATT-1');
  return signInCommand(date, half, at, actor);
}

const signInCommand = defineCommand({
  what: '签到',
  perm: null,
  tables: (x) => [x.signIns, x.attendanceMonths],
  run: async (ctx, date: ISODate, half: Half, at: HHmm) => {
    const existing = await signInOf(ctx.actor.id, date);
    const prev = existing?.[half];
    if (prev?.at) throw new DomainError(L.msg.alreadySigned(HALF_LABEL[half], prev.at), 'signIn', 'ATT-1');
    await writeChange({ staffId: ctx.actor.id, date, half, field: 'at', value: at }, ctx.actor, 'self');
    return { half, at };
  },
});

export type NewSignIn = {
  staffId: string;
  date: ISODate;
  am?: SessionEntry | null;
  pm?: SessionEntry | null;
  note?: string;
};

// Bulk loading (demo data, benchmark): chunked transactions of bulkAdd, one audit event per chunk.
export async function bulkAddSignIns(
  records: NewSignIn[],
  actor: Actor,
  onProgress?: (done: number, total: number) => void,
  chunk = 2000,
): Promise<number> {
  const at = nowIso();
  for (let i = 0; i < records.length; i += chunk) {
    const part = records
      .slice(i, i + chunk)
      .map((r) => ({
        ...r,
        id: newId(),
        createdAt: at,
        updatedAt: at,
        createdBy: actor.id,
        deletedAt: null,
      }));
    await addSignInChunk(part, actor);
    onProgress?.(Math.min(i + chunk, records.length), records.length);
  }
  return records.length;
}

const addSignInChunk = defineCommand({
  what: '批量导入签到记录',
  perm: 'attendance.register',
  tables: (x) => [x.signIns],
  run: async (ctx, part: SignIn[]) => {
    await db.signIns.bulkAdd(part);
    await logEvent(
      'signIns',
      part[0].id,
      `批量导入签到记录 ${part.length} 条（${part[0].date} 起）`,
      ctx.actor,
      { count: part.length },
    );
  },
});
