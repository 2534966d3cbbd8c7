// 工作日历: per year the statutory holidays (休) and make-up workdays (班), edited date by date or
// imported from a later year's arrangement (the State Council's notice as published, text lines,
// JSON — ours or the chinese-days layout — or .xlsx). Checked with the rules' validateCalendar; a
// year's record is one row of the calendars table (&year). Every change counts the stored
// deadlines of the changed years again in the same transaction (calendar/recompute.ts).
import {
  calendarConflicts,
  isISODate,
  isWeekend,
  looksLikeHolidayNotice,
  parseChineseDaysJson,
  parseHolidayNotice,
  validateCalendar,
} from '../../../../../shared/rules';
import type { CalendarData, CalendarParse, ImportedDay, ISODate } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { prepareRecompute, recomputeSummary, recomputeTables } from '../../../calendar/recompute';
import type { PreparedRecompute, RecomputeResult } from '../../../calendar/recompute';
import { today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { CommandContext } from '../../../db/command';
import { db } from '../../../db/db';
import { live, isDeleted, isLive } from '../../../db/live';
import { DomainError, insert, logEvent, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { CalendarYear } from '../../../db/schema/core';
import { REFUSALS } from '../labels';

import { sessionActor } from './access';

export type DayKind = 'holiday' | 'workday';
const KIND_TEXT: Record<DayKind, string> = { holiday: '休', workday: '班' };

export async function listCalendarYears(): Promise<CalendarYear[]> {
  return live(db.calendars.orderBy('year')).toArray();
}

// The stored year, deleted or not (a deleted year is written over when edited again).
function storedYear(year: number): Promise<CalendarYear | undefined> {
  return db.calendars.where('year').equals(year).first();
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError(REFUSALS.yearBad, 'year');
}

// Checks one year's data: dates well-formed and inside the year, make-up workdays on weekends,
// and no date both 休 and 班 (validateCalendar). Returns the sorted, de-duplicated data.
export function checkCalendarYear(year: number, cal: CalendarData): CalendarData {
  checkYear(year);
  const holidays = [...new Set(cal.holidays)].sort();
  const workdays = [...new Set(cal.workdays)].sort();
  for (const d of [...holidays, ...workdays]) {
    if (!isISODate(d)) throw new DomainError(`${REFUSALS.dateBad}：${d}`, 'date');
    if (!d.startsWith(`${year}-`)) throw new DomainError(`${REFUSALS.dateOutsideYear(year)}：${d}`, 'date');
  }
  for (const d of workdays)
    if (!isWeekend(d)) throw new DomainError(`${REFUSALS.workdayOnWeekday}：${d}`, 'date');
  try {
    validateCalendar({ holidays, workdays });
  } catch (e) {
    const d = (e as Error).message.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '';
    throw new DomainError(`${d} 不能同时是节假日和调休上班日`, 'date');
  }
  return { holidays, workdays };
}

// A calendar change and what it did to the stored deadlines (重算期限：N 件，其中 M 件变动).
export type CalendarChange = { years: number[]; recompute: RecomputeResult };

// Inside the calendar's transaction, after its rows are written: counts the stored deadlines of the
// changed years again and audits the summary with the list of what moved.
async function recomputeDeadlines(
  prepared: PreparedRecompute,
  years: number[],
  recordId: string,
  actor: Actor,
) {
  const cal = await loadCalendar();
  const result = await prepared.run({ years, cal, today: today(), actor });
  await logEvent(
    'calendars',
    recordId,
    `${years.join('、')}年工作日历变更，${recomputeSummary(result)}`,
    actor,
    {
      years,
      checked: result.checked,
      moved: result.moved,
    },
  );
  return result;
}

// Writes a year (inserting its row, or replacing the lists of the existing one).
// `source` replaces the year's source when given; a hand edit keeps it and notes the edit.
// One year written (edited by hand, or imported) and the stored deadlines of the years recomputed.
async function writeYear(
  ctx: CommandContext,
  year: number,
  cal: CalendarData,
  summary: string,
  source: string | ((existing: CalendarYear | undefined) => string),
) {
  const clean = checkCalendarYear(year, cal);
  const existing = await storedYear(year);
  const src = typeof source === 'string' ? source : source(existing);
  if (existing)
    return update(db.calendars, existing.id, { ...clean, source: src, deletedAt: null }, ctx.actor, summary);
  return insert(db.calendars, { year, ...clean, source: src }, ctx.actor, summary);
}

export const saveCalendarYearCommand = defineCommand({
  what: '修改工作日历',
  perm: 'system.settings',
  tables: (d) => [d.calendars, ...recomputeTables()],
  run: async (
    ctx,
    year: number,
    cal: CalendarData,
    what: string,
    source: string | undefined,
    prepared: PreparedRecompute,
  ): Promise<CalendarChange> => {
    const kept = (existing: CalendarYear | undefined) =>
      source ??
      (!existing
        ? '手工录入'
        : isDeleted(existing)
          ? '手工录入'
          : existing.source.endsWith('（已手工修改）')
            ? existing.source
            : `${existing.source}（已手工修改）`);
    const row = await writeYear(ctx, year, cal, `工作日历 ${year}年：${what}`, kept);
    return { years: [year], recompute: await recomputeDeadlines(prepared, [year], row.id, ctx.actor) };
  },
});

export async function saveCalendarYear(
  year: number,
  cal: CalendarData,
  what: string,
  source?: string,
): Promise<CalendarChange> {
  const actor = sessionActor('system.settings', saveCalendarYearCommand.what);
  checkCalendarYear(year, cal);
  return saveCalendarYearCommand(year, cal, what, source, await prepareRecompute(), actor);
}

export async function addCalendarDate(date: ISODate, kind: DayKind): Promise<CalendarChange> {
  if (!isISODate(date)) throw new DomainError(REFUSALS.dateBad, 'date');
  const year = Number(date.slice(0, 4));
  const existing = await storedYear(year);
  const cur: CalendarData = existing && isLive(existing) ? existing : { holidays: [], workdays: [] };
  for (const k of ['holiday', 'workday'] as const) {
    if ((k === 'holiday' ? cur.holidays : cur.workdays).includes(date))
      throw new DomainError(REFUSALS.dateListed(date, KIND_TEXT[k]), 'date');
  }
  const next =
    kind === 'holiday'
      ? { ...cur, holidays: [...cur.holidays, date] }
      : { ...cur, workdays: [...cur.workdays, date] };
  return saveCalendarYear(
    year,
    { holidays: next.holidays, workdays: next.workdays },
    `添加${KIND_TEXT[kind]} ${date}`,
  );
}

export async function removeCalendarDate(date: ISODate): Promise<CalendarChange> {
  if (!isISODate(date)) throw new DomainError(REFUSALS.dateBad, 'date');
  const year = Number(date.slice(0, 4));
  const existing = await storedYear(year);
  if (!existing) throw new DomainError(REFUSALS.dateBad, 'date');
  return saveCalendarYear(
    year,
    {
      holidays: existing.holidays.filter((d) => d !== date),
      workdays: existing.workdays.filter((d) => d !== date),
    },
    `删除 ${date}`,
  );
}

// ---- import ----

// `days` are every dated entry read, with where it came from (第3行, “workdays”): the preview shows
// them, and a date listed both as 休 and as 班 is refused naming both places.
export type CalendarImport = { years: Map<number, CalendarData>; problems: string[]; days: ImportedDay[] };

function emptyImport(): CalendarImport {
  return { years: new Map(), problems: [], days: [] };
}

function addDay(out: CalendarImport, date: string, kind: DayKind, where: string, note?: string) {
  if (!isISODate(date)) {
    out.problems.push(`${where}：日期“${date}”格式不对（应为 YYYY-MM-DD）`);
    return;
  }
  const y = Number(date.slice(0, 4));
  const cal = out.years.get(y) ?? { holidays: [], workdays: [] };
  (kind === 'holiday' ? cal.holidays : cal.workdays).push(date);
  out.years.set(y, cal);
  out.days.push({ date, kind, where, ...(note ? { note } : {}) });
}

function fromParse(parse: CalendarParse): CalendarImport {
  const out = emptyImport();
  out.problems.push(...parse.problems);
  for (const d of parse.days) addDay(out, d.date, d.kind, d.where, d.note);
  return out;
}

const HOLIDAY_WORDS = new Set(['休', '假', '放假', '节假日', 'holiday', 'off']);
const WORKDAY_WORDS = new Set(['班', '上班', '调休上班', 'workday', 'work']);

function kindOf(word: string): DayKind | null {
  const w = word.trim().toLowerCase();
  if (HOLIDAY_WORDS.has(w)) return 'holiday';
  if (WORKDAY_WORDS.has(w)) return 'workday';
  return null;
}

// The State Council's notice as published (“一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。”);
// its year comes from its title or first paragraph, else `year` (by default next year).
export function parseCalendarNotice(text: string, year = Number(today().slice(0, 4)) + 1): CalendarImport {
  return fromParse(parseHolidayNotice(text, year));
}

// Lines "2027-01-01 休 [备注]" / "2027-02-14 班"; blank lines and lines starting with # are skipped.
export function parseCalendarText(text: string): CalendarImport {
  const out = emptyImport();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [date, word] = line.split(/[\s,，\t]+/);
    const kind = kindOf(word ?? '');
    if (!kind) {
      out.problems.push(`第${i + 1}行：应写“休”或“班”（${line}）`);
      return;
    }
    addDay(
      out,
      date,
      kind,
      `第${i + 1}行`,
      line
        .split(/[\s,，\t]+/)
        .slice(2)
        .join(' ') || undefined,
    );
  });
  return out;
}

// {"year":2027,"holidays":[…],"workdays":[…]}, a list of those, {"2027":{"holidays":[…],"workdays":[…]}},
// or the chinese-days package's layout {"holidays":{"2027-01-01":"New Year's Day,元旦,1",…},"workdays":{…}}.
export function parseCalendarJson(text: string): CalendarImport {
  const out = emptyImport();
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    out.problems.push('不是有效的JSON');
    return out;
  }
  const chineseDays = parseChineseDaysJson(v);
  if (chineseDays) return fromParse(chineseDays);
  const entries: [string, unknown][] = Array.isArray(v)
    ? v.map((x, i) => [String((x as { year?: unknown })?.year ?? `#${i + 1}`), x])
    : v && typeof v === 'object' && 'holidays' in v
      ? [[String((v as { year?: unknown }).year ?? ''), v]]
      : Object.entries((v ?? {}) as Record<string, unknown>);
  for (const [key, cal] of entries) {
    const c = cal as { holidays?: unknown; workdays?: unknown };
    if (!c || !Array.isArray(c.holidays) || !Array.isArray(c.workdays)) {
      out.problems.push(`“${key}”：应有 holidays 和 workdays 两个列表`);
      continue;
    }
    for (const d of c.holidays) addDay(out, String(d), 'holiday', `“${key}”的holidays`);
    for (const d of c.workdays) addDay(out, String(d), 'workday', `“${key}”的workdays`);
    if (/^\d{4}$/.test(key) && !out.years.has(Number(key)))
      out.years.set(Number(key), { holidays: [], workdays: [] });
  }
  return out;
}

// Sheet rows: 日期 | 类型 (休/班); a header row is recognised and skipped.
export function parseCalendarRows(rows: unknown[][]): CalendarImport {
  const lines = rows.map((r) => (r ?? []).map((c) => String(c ?? '').trim()).join(' '));
  const body = lines.length && /日期/.test(lines[0]) ? ['', ...lines.slice(1)] : lines;
  return parseCalendarText(body.join('\n'));
}

// JSON by its name or first character, the notice by its wording (1月1日 … 放假/上班), else lines.
export function parseCalendarFile(fileName: string, text: string, year?: number): CalendarImport {
  const t = text.trim();
  if (fileName.toLowerCase().endsWith('.json') || t.startsWith('{') || t.startsWith('['))
    return parseCalendarJson(t);
  return looksLikeHolidayNotice(text) ? parseCalendarNotice(text, year) : parseCalendarText(text);
}

// Checks every year of an import; returns the problems (empty when all can be saved). A problem
// names where the date came from (第3行).
export function checkImport(imp: CalendarImport): string[] {
  const problems = [...imp.problems];
  if (imp.years.size === 0 && problems.length === 0) problems.push(REFUSALS.calendarEmpty);
  const conflicts = calendarConflicts(imp.days);
  problems.push(...conflicts);
  for (const [y, cal] of imp.years) {
    if (conflicts.some((c) => c.includes(`${y}-`))) continue;
    try {
      checkCalendarYear(y, cal);
    } catch (e) {
      const message = (e as Error).message;
      const date = message.match(/\d{4}-\d{2}-\d{2}/)?.[0];
      const where = [...new Set(imp.days.filter((d) => d.date === date).map((d) => d.where))].join('、');
      problems.push(`${where || `${y}年`}：${message}`);
    }
  }
  return problems;
}

// All years of the import in one transaction with the recount of their deadlines, or none.
function importProblems(imp: CalendarImport): void {
  const problems = checkImport(imp);
  if (problems.length)
    throw new DomainError(
      `日历未导入：${problems[0]}${problems.length > 1 ? `（共${problems.length}处问题）` : ''}`,
    );
}

export const importCalendarCommand = defineCommand({
  what: '导入工作日历',
  perm: 'system.settings',
  tables: (d) => [d.calendars, ...recomputeTables()],
  run: async (
    ctx,
    imp: CalendarImport,
    source: string,
    prepared: PreparedRecompute,
  ): Promise<CalendarChange> => {
    const years = [...imp.years.keys()].sort();
    let last = '';
    for (const y of years)
      last = (await writeYear(ctx, y, imp.years.get(y)!, `导入工作日历 ${y}年`, source)).id;
    return { years, recompute: await recomputeDeadlines(prepared, years, last, ctx.actor) };
  },
});

export async function importCalendar(imp: CalendarImport, source: string): Promise<CalendarChange> {
  const actor = sessionActor('system.settings', importCalendarCommand.what);
  importProblems(imp);
  return importCalendarCommand(imp, source, await prepareRecompute(), actor);
}
