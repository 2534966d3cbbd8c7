// §0: reading a year's arrangement of holidays (休) and make-up workdays (班) as the office gets
// it — the State Council's notice text pasted as published, or the chinese-days JSON layout —
// into dated days that say where each came from, so that a problem (or a date listed both as 休
// and as 班) can be shown with its line. Messages are Chinese: they are shown to the user as they
// are. Pure: the notice's year comes from its text, else from the caller.

import type { CalendarData } from './calendar';
import type { ISODate } from './dates';
import { dayOfWeek, daysInMonth, formatISODate, fromDayNumber, toDayNumber } from './dates';
import { checkInteger, checkString } from './validate';

export type CalendarDayKind = 'holiday' | 'workday';

/** One day of an import; `where` names its origin for messages (第3行, “workdays”). */
export type ImportedDay = { date: ISODate; kind: CalendarDayKind; where: string; note?: string };

export type CalendarParse = { days: ImportedDay[]; problems: string[] };

export const CALENDAR_DAY_KIND_TEXT: Readonly<Record<CalendarDayKind, string>> = {
  holiday: '休',
  workday: '班',
};

const WEEKDAY_TEXT = ['日', '一', '二', '三', '四', '五', '六'] as const;

// A date of the notice: [年] [月] 日 and an optional bracket (weekday, lunar date), in NFKC form.
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g;
const RANGE = /^\s*(?:至|到|-|~|—|–)\s*$/;
const ORDINAL = /^[一二三四五六七八九十]+[、.]\s*/;
const NOTICE_YEAR = /(\d{4})年[^\d月日]{0,40}?(?:节假日|放假)/;

/** Text that reads as the State Council's notice (dates written 1月1日, with 放假 or 上班). */
export function looksLikeHolidayNotice(text: string): boolean {
  const t = checkString(text, 'text').normalize('NFKC');
  return /\d{1,2}月\d{1,2}日/.test(t) && /放假|上班/.test(t);
}

type Token = { year: number; month: number; day: number; weekday: string | null; end: number; start: number };

// 国务院办公厅关于2026年部分节假日安排的通知: every item line as published, e.g.
// “一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。”
// A sentence's dates before 放假 are days off (至 joins a range, also across months); its dates
// before 上班 are make-up workdays; other sentences (鼓励……休息) and lines without a date are
// skipped. 共N天 / 放假N天 and the weekdays in brackets are checked; problems name the line.
export function parseHolidayNotice(text: string, fallbackYear: number): CalendarParse & { year: number } {
  const all = checkString(text, 'text').normalize('NFKC');
  const found = NOTICE_YEAR.exec(all);
  const year =
    found && Number(found[1]) >= 1 ? Number(found[1]) : checkInteger(fallbackYear, 'fallbackYear', 1, 9999);
  const out: CalendarParse & { year: number } = { year, days: [], problems: [] };
  all.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim().replace(ORDINAL, '');
    if (!/\d{1,2}日/.test(line) || !/放假|上班/.test(line)) return;
    const where = `第${i + 1}行`;
    const colon = line.search(/[:]/);
    const named = colon > 0 && colon <= 12 && !/\d/.test(line.slice(0, colon));
    const name = named ? line.slice(0, colon).trim() : '';
    const body = named ? line.slice(colon + 1) : line;
    let month: number | null = null;
    for (const sentence of body.split(/[。;]/)) {
      const tokens: Token[] = [];
      for (const m of sentence.matchAll(DATE)) {
        if (m[2] !== undefined) month = Number(m[2]);
        if (month === null) {
          out.problems.push(`${where}：“${m[0]}”没有写月份`);
          return;
        }
        const weekday = m[4] ? (/(?:周|星期)([一二三四五六日天])/.exec(m[4])?.[1] ?? null) : null;
        tokens.push({
          year: m[1] === undefined ? year : Number(m[1]),
          month,
          day: Number(m[3]),
          weekday: weekday === '天' ? '日' : weekday,
          start: m.index,
          end: m.index + m[0].length,
        });
      }
      if (!readSentence(sentence, tokens, { where, name, year, out })) return;
    }
  });
  return out;
}

type SentenceCtx = { where: string; name: string; year: number; out: CalendarParse };

// One sentence's dates, grouped into single days and 至 ranges, each group typed by the first 放假
// or 上班 after it in its clause. Returns false (after noting the problem) when the line cannot be read.
function readSentence(sentence: string, tokens: Token[], ctx: SentenceCtx): boolean {
  const { where, name, year, out } = ctx;
  const dates: ISODate[] = [];
  for (const t of tokens) {
    if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > daysInMonth(t.year, t.month)) {
      out.problems.push(`${where}：${t.month}月${t.day}日不是有效日期`);
      return false;
    }
    const date = formatISODate(t.year, t.month, t.day);
    if (t.year !== year) {
      out.problems.push(`${where}：${date}不在${year}年内，请在${t.year}年的日历中逐日添加`);
      return false;
    }
    const actual = WEEKDAY_TEXT[dayOfWeek(date)];
    if (t.weekday !== null && t.weekday !== actual) {
      out.problems.push(
        `${where}：${t.month}月${t.day}日标为星期${t.weekday}，但${date}是星期${actual}（通知的年份是否为${year}年？）`,
      );
      return false;
    }
    dates.push(date);
  }
  const holidays: ISODate[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const isRange = k + 1 < tokens.length && RANGE.test(sentence.slice(tokens[k].end, tokens[k + 1].start));
    const group = isRange ? span(dates[k], dates[k + 1]) : [dates[k]];
    if (group.length === 0) {
      out.problems.push(`${where}：${dates[k]}至${dates[k + 1]}，结束日期早于开始日期`);
      return false;
    }
    const last = tokens[isRange ? k + 1 : k];
    const after = sentence.slice(last.end).split(',')[0]; // its own clause: 除夕（2月9日）休息，……放假
    const off = after.indexOf('放假');
    const on = after.indexOf('上班');
    if (isRange) k++;
    if (off < 0 && on < 0) continue; // e.g. 除夕（2月9日）休息 in an encouragement
    const kind: CalendarDayKind = off >= 0 && (on < 0 || off < on) ? 'holiday' : 'workday';
    for (const date of group) {
      out.days.push({ date, kind, where, ...(name ? { note: name } : {}) });
      if (kind === 'holiday') holidays.push(date);
    }
  }
  const count = /(?:共|放假)(\d+)天/.exec(sentence);
  if (count && Number(count[1]) !== holidays.length) {
    out.problems.push(
      `${where}：${name ? `“${name}”` : ''}写明共${count[1]}天，但所列放假日期为${holidays.length}天`,
    );
    return false;
  }
  return true;
}

function span(first: ISODate, last: ISODate): ISODate[] {
  const out: ISODate[] = [];
  for (let d = toDayNumber(first); d <= toDayNumber(last); d++) out.push(fromDayNumber(d));
  return out;
}

// The chinese-days package's JSON (dist/chinese-days.json or dist/years/2026.json):
// {"holidays":{"2026-01-01":"New Year's Day,元旦,1",…},"workdays":{…},"inLieuDays":{…}}.
// inLieuDays (weekdays off in exchange) are already among the holidays. Null when the value is
// not of that layout.
export function parseChineseDaysJson(value: unknown): CalendarParse | null {
  if (!isRecord(value) || !isRecord(value.holidays) || !isRecord(value.workdays)) return null;
  const out: CalendarParse = { days: [], problems: [] };
  for (const kind of ['holiday', 'workday'] as const) {
    const key = kind === 'holiday' ? 'holidays' : 'workdays';
    for (const [date, info] of Object.entries(value[key] as Record<string, unknown>)) {
      const note = typeof info === 'string' ? info.split(',')[1] : undefined;
      out.days.push({ date, kind, where: `“${key}”`, ...(note ? { note } : {}) });
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// §0: a date both 休 and 班 is refused; the message names where each was listed and the date.
export function calendarConflicts(days: readonly ImportedDay[]): string[] {
  const seen = new Map<ISODate, { holiday: string[]; workday: string[] }>();
  for (const d of days) {
    const s = seen.get(d.date) ?? { holiday: [], workday: [] };
    if (!s[d.kind].includes(d.where)) s[d.kind].push(d.where);
    seen.set(d.date, s);
  }
  const problems: string[] = [];
  for (const [date, s] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (s.holiday.length && s.workday.length) {
      problems.push(
        `${s.holiday.join('、')}列为“休”，${s.workday.join('、')}列为“班”：${date} 不能同时是节假日和调休上班日`,
      );
    }
  }
  return problems;
}

/** The days by year (not checked: the caller checks each year), lists sorted, no duplicates. */
export function calendarByYear(days: readonly ImportedDay[]): Map<number, CalendarData> {
  const years = new Map<number, CalendarData>();
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    const cal = years.get(y) ?? { holidays: [], workdays: [] };
    const list = d.kind === 'holiday' ? cal.holidays : cal.workdays;
    if (!list.includes(d.date)) list.push(d.date);
    years.set(y, cal);
  }
  for (const cal of years.values()) {
    cal.holidays.sort();
    cal.workdays.sort();
  }
  return years;
}
