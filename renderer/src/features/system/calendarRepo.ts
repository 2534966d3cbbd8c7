// 工作日历: per year the statutory holidays (休) and make-up workdays (班), edited date by date or
// imported from a later year's arrangement (text lines, JSON or .xlsx). Checked with the rules'
// validateCalendar; a year's record is one row of the calendars table (&year).
import type { CalendarData, ISODate } from '../../../../shared/rules';
import { isISODate, isWeekend, validateCalendar } from '../../../../shared/rules';
import { db } from '../../db/db';
import { DomainError, insert, update, writeTx } from '../../db/repo';
import type { CalendarYear } from '../../db/schema/core';

import { requirePermission } from './guard';
import { MSG } from './labels';

export type DayKind = 'holiday' | 'workday';
const KIND_TEXT: Record<DayKind, string> = { holiday: '休', workday: '班' };

export async function listCalendarYears(): Promise<CalendarYear[]> {
  return (await db.calendars.orderBy('year').toArray()).filter((y) => !y.deletedAt);
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError(MSG.yearBad, 'year');
}

// Checks one year's data: dates well-formed and inside the year, make-up workdays on weekends,
// and no date both 休 and 班 (validateCalendar). Returns the sorted, de-duplicated data.
export function checkCalendarYear(year: number, cal: CalendarData): CalendarData {
  checkYear(year);
  const holidays = [...new Set(cal.holidays)].sort();
  const workdays = [...new Set(cal.workdays)].sort();
  for (const d of [...holidays, ...workdays]) {
    if (!isISODate(d)) throw new DomainError(`${MSG.dateBad}：${d}`, 'date');
    if (!d.startsWith(`${year}-`)) throw new DomainError(`${MSG.dateOutsideYear(year)}：${d}`, 'date');
  }
  for (const d of workdays) if (!isWeekend(d)) throw new DomainError(`${MSG.workdayOnWeekday}：${d}`, 'date');
  try {
    validateCalendar({ holidays, workdays });
  } catch (e) {
    const d = (e as Error).message.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '';
    throw new DomainError(`${d} 不能同时是节假日和调休上班日`, 'date');
  }
  return { holidays, workdays };
}

// Writes a year (inserting its row, or replacing the lists of the existing one).
// `source` replaces the year's source when given; a hand edit keeps it and notes the edit.
export async function saveCalendarYear(year: number, cal: CalendarData, what: string, source?: string): Promise<CalendarYear> {
  const actor = await requirePermission('system.settings');
  const clean = checkCalendarYear(year, cal);
  return writeTx([db.calendars], async () => {
    const existing = await db.calendars.where('year').equals(year).first();
    const summary = `工作日历 ${year}年：${what}`;
    if (existing) {
      const kept = existing.deletedAt ? '手工录入' : existing.source.endsWith('（已手工修改）') ? existing.source : `${existing.source}（已手工修改）`;
      return update(db.calendars, existing.id, { ...clean, source: source ?? kept, deletedAt: null }, actor, summary);
    }
    return insert(db.calendars, { year, ...clean, source: source ?? '手工录入' }, actor, summary);
  });
}

export async function addCalendarDate(date: ISODate, kind: DayKind): Promise<CalendarYear> {
  if (!isISODate(date)) throw new DomainError(MSG.dateBad, 'date');
  const year = Number(date.slice(0, 4));
  const existing = await db.calendars.where('year').equals(year).first();
  const cur: CalendarData = existing && !existing.deletedAt ? existing : { holidays: [], workdays: [] };
  for (const k of ['holiday', 'workday'] as const) {
    if ((k === 'holiday' ? cur.holidays : cur.workdays).includes(date)) throw new DomainError(MSG.dateListed(date, KIND_TEXT[k]), 'date');
  }
  const next = kind === 'holiday' ? { ...cur, holidays: [...cur.holidays, date] } : { ...cur, workdays: [...cur.workdays, date] };
  return saveCalendarYear(year, { holidays: next.holidays, workdays: next.workdays }, `添加${KIND_TEXT[kind]} ${date}`);
}

export async function removeCalendarDate(date: ISODate): Promise<CalendarYear> {
  if (!isISODate(date)) throw new DomainError(MSG.dateBad, 'date');
  const year = Number(date.slice(0, 4));
  const existing = await db.calendars.where('year').equals(year).first();
  if (!existing) throw new DomainError(MSG.dateBad, 'date');
  return saveCalendarYear(
    year,
    { holidays: existing.holidays.filter((d) => d !== date), workdays: existing.workdays.filter((d) => d !== date) },
    `删除 ${date}`,
  );
}

// ---- import ----

export type CalendarImport = { years: Map<number, CalendarData>; problems: string[] };

function addDay(out: CalendarImport, date: string, kind: DayKind, where: string) {
  if (!isISODate(date)) {
    out.problems.push(`${where}：日期“${date}”格式不对（应为 YYYY-MM-DD）`);
    return;
  }
  const y = Number(date.slice(0, 4));
  const cal = out.years.get(y) ?? { holidays: [], workdays: [] };
  (kind === 'holiday' ? cal.holidays : cal.workdays).push(date);
  out.years.set(y, cal);
}

const HOLIDAY_WORDS = new Set(['休', '假', '放假', '节假日', 'holiday', 'off']);
const WORKDAY_WORDS = new Set(['班', '上班', '调休上班', 'workday', 'work']);

function kindOf(word: string): DayKind | null {
  const w = word.trim().toLowerCase();
  if (HOLIDAY_WORDS.has(w)) return 'holiday';
  if (WORKDAY_WORDS.has(w)) return 'workday';
  return null;
}

// Lines "2027-01-01 休 [备注]" / "2027-02-14 班"; blank lines and lines starting with # are skipped.
export function parseCalendarText(text: string): CalendarImport {
  const out: CalendarImport = { years: new Map(), problems: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [date, word] = line.split(/[\s,，\t]+/);
    const kind = kindOf(word ?? '');
    if (!kind) {
      out.problems.push(`第${i + 1}行：应写“休”或“班”（${line}）`);
      return;
    }
    addDay(out, date, kind, `第${i + 1}行`);
  });
  return out;
}

// {"year":2027,"holidays":[…],"workdays":[…]}, a list of those, or {"2027":{"holidays":[…],"workdays":[…]}}.
export function parseCalendarJson(text: string): CalendarImport {
  const out: CalendarImport = { years: new Map(), problems: [] };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    out.problems.push('不是有效的JSON');
    return out;
  }
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
    for (const d of c.holidays) addDay(out, String(d), 'holiday', `“${key}”`);
    for (const d of c.workdays) addDay(out, String(d), 'workday', `“${key}”`);
    if (/^\d{4}$/.test(key) && !out.years.has(Number(key))) out.years.set(Number(key), { holidays: [], workdays: [] });
  }
  return out;
}

// Sheet rows: 日期 | 类型 (休/班); a header row is recognised and skipped.
export function parseCalendarRows(rows: unknown[][]): CalendarImport {
  const lines = rows.map((r) => (r ?? []).map((c) => String(c ?? '').trim()).join(' '));
  const body = lines.length && /日期/.test(lines[0]) ? ['', ...lines.slice(1)] : lines;
  return parseCalendarText(body.join('\n'));
}

export function parseCalendarFile(fileName: string, text: string): CalendarImport {
  const t = text.trim();
  return fileName.toLowerCase().endsWith('.json') || t.startsWith('{') || t.startsWith('[') ? parseCalendarJson(t) : parseCalendarText(text);
}

// Checks every year of an import; returns the problems (empty when all can be saved).
export function checkImport(imp: CalendarImport): string[] {
  const problems = [...imp.problems];
  if (imp.years.size === 0 && problems.length === 0) problems.push(MSG.calendarEmpty);
  for (const [y, cal] of imp.years) {
    try {
      checkCalendarYear(y, cal);
    } catch (e) {
      problems.push(`${y}年：${(e as Error).message}`);
    }
  }
  return problems;
}

// All years of the import in one transaction, or none.
export async function importCalendar(imp: CalendarImport, source: string): Promise<number[]> {
  const actor = await requirePermission('system.settings');
  const problems = checkImport(imp);
  if (problems.length) throw new DomainError(`日历未导入：${problems[0]}${problems.length > 1 ? `（共${problems.length}处问题）` : ''}`);
  const years = [...imp.years.keys()].sort();
  await writeTx([db.calendars], async () => {
    for (const y of years) {
      const clean = checkCalendarYear(y, imp.years.get(y)!);
      const existing = await db.calendars.where('year').equals(y).first();
      if (existing) await update(db.calendars, existing.id, { ...clean, source, deletedAt: null }, actor, `导入工作日历 ${y}年`);
      else await insert(db.calendars, { year: y, ...clean, source }, actor, `导入工作日历 ${y}年`);
    }
  });
  return years;
}
