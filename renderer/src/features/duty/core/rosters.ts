// Duty rosters (办公室职责 6): holiday and sensitive-period duty, drafted, published and printed.
import type { ISODate } from '../../../../../shared/rules';
import { addCalendarDays, daysBetween } from '../../../../../shared/rules';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, live } from '../../../db/live';
import { DomainError, insert, logEvent, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { DutyEntry, DutyRoster } from '../../../db/schema/supervision';
import { requireDate, requireStaff, requireText, yearOf } from '../../../db/validate';

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

const saveRosterCommand = defineCommand({
  what: '安排值班',
  perm: 'duty.manage',
  tables: (d) => [d.dutyRosters],
  validate: (input: RosterInput, _id: string | undefined) => void checkRoster(input),
  run: async (ctx, input: RosterInput, id: string | undefined): Promise<DutyRoster> => {
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
    if (!id) return insert(db.dutyRosters, { ...fields, status: 'draft' }, ctx.actor, `值班表：${title}`);
    const r = await getLive(db.dutyRosters, id);
    if (!r) throw new DomainError('值班表不存在');
    return update(
      db.dutyRosters,
      id,
      fields,
      ctx.actor,
      r.status === 'published' ? '调整已发布的值班表' : '修改值班表',
    );
  },
});

export function saveRoster(input: RosterInput, actor: Actor, id?: string): Promise<DutyRoster> {
  return saveRosterCommand(input, id, actor);
}

export const publishRoster = defineCommand({
  what: '发布值班表',
  perm: 'duty.manage',
  tables: (d) => [d.dutyRosters],
  run: async (ctx, id: string): Promise<DutyRoster> => {
    const r = await getLive(db.dutyRosters, id);
    if (!r) throw new DomainError('值班表不存在');
    const missing = rosterDates(r.startDate, r.endDate).filter((d) => !r.entries.some((e) => e.date === d));
    if (missing.length) throw new DomainError(`以下日期尚未安排值班：${missing.join('、')}`, 'entries');
    return update(db.dutyRosters, id, { status: 'published' }, ctx.actor, '发布值班表');
  },
});

export const markRosterPrinted = defineCommand({
  what: '打印值班表',
  perm: null,
  tables: (d) => [d.dutyRosters],
  run: async (ctx, id: string): Promise<void> => {
    await logEvent('dutyRosters', id, '打印值班表', ctx.actor);
  },
});

// The latest rosters, newest first.
export function listRosters(): Promise<DutyRoster[]> {
  return live(db.dutyRosters.orderBy('startDate').reverse().limit(60)).toArray();
}

export function getRoster(id: string): Promise<DutyRoster | undefined> {
  return getLive(db.dutyRosters, id);
}

export function rostersFrom(on: ISODate): Promise<DutyRoster[]> {
  return live(db.dutyRosters.where('endDate').aboveOrEqual(on)).toArray();
}
