// Ledgers of the attendance module: the month's 考勤表 (a row per person, a column per day with the
// AM/PM codes, then the totals), the 月考核分汇总, and the year's 考勤汇总 with ATT-8 eligibility.
// Pure builders: the tallies come from shared/rules (tallyMonth), these only lay them out.
import type { LedgerColumn, LedgerRow, LedgerSpec } from '../ledger';
import type { AwardBar, DayOutcome, MonthSheet, YearTally } from '../rules';
import { AWARD_BAR_LABELS, SHEET_LEGEND, dayOfWeek, daysInMonth, formatISODate, ruleText } from '../rules';

import { columns } from './columns';

/** One person's month as the 考勤表 shows it (also the snapshot kept when a month is compiled). */
export type MonthMarkRow = {
  staffId: string;
  name: string;
  section: string;
  codes: string[]; // per day of the month: 'AM/PM' (e.g. '√/迟'), '休', or '' for days not yet come
  late: number;
  early: number;
  absentDays: number;
  personalLeaveDays: number;
  sickLeaveDays: number;
  otherLeaveDays: number;
  tripDays: number;
  presentDays: number;
  deductions: { late: number; early: number; absent: number; total: number };
  base: number;
  score: number; // 月考核分
};

export const SHEET_SIGNATURES = ['考勤员', '分管领导核实', '局长审阅'];

// A day's cell: the morning's code, a slash, the afternoon's; 休 for a non-working day.
export function dayCode(d: DayOutcome): string {
  if (!d.workday) return '休';
  if (!d.am.code && !d.pm.code) return '';
  return `${d.am.code}/${d.pm.code}`;
}

export function monthMarkRow(
  person: { staffId: string; name: string; section: string },
  sheet: MonthSheet,
): MonthMarkRow {
  const t = sheet.totals;
  return {
    ...person,
    codes: sheet.days.map(dayCode),
    late: t.late,
    early: t.early,
    absentDays: t.absentDays,
    personalLeaveDays: t.personalLeaveDays,
    sickLeaveDays: t.sickLeaveDays,
    otherLeaveDays:
      Object.values(t.leaveDays).reduce((a, b) => a + b, 0) - t.personalLeaveDays - t.sickLeaveDays,
    tripDays: t.tripDays,
    presentDays: t.presentDays,
    deductions: { ...sheet.deductions },
    base: sheet.base,
    score: sheet.score,
  };
}

// A sheet of a month not yet announced is a preview (ATT-7): said in its title and first note.
export type SheetParams = {
  unitName: string;
  year: number;
  month: number;
  rows: MonthMarkRow[];
  preview?: string;
};

function period(year: number, month: number, preview?: string) {
  return preview ? `${year}年${month}月，${preview}` : `${year}年${month}月`;
}

function previewNotes(preview?: string): string[] {
  return preview
    ? [`${preview}：该月考勤尚未经考勤员汇总、分管领导核实、局长审阅并全局通报（ATT-7），不是正式考勤结果。`]
    : [];
}

const WEEKDAYS = '日一二三四五六';
const LEGEND = `图例：${SHEET_LEGEND.map((l) => `${l.mark} ${l.label}`).join('，')}。每格为“上午/下午”。`;
const SCORE_RULES = ['ATT-2', 'ATT-3', 'ATT-4', 'ATT-5', 'ATT-6'].map((id) => `${id} ${ruleText(id).text}`);

export const TOTAL_COLUMNS: LedgerColumn[] = columns(`
  late=迟到/int early=早退/int absent=旷工(天)/number personal=事假(天)/number sick=病假(天)/number
  trip=公出(天)/number score=月考核分/number`);

// 考勤表 (product.md): a row per person, a column per day, then 迟到 … 月考核分; three signatures.
export function monthSheetSpec(p: SheetParams): LedgerSpec {
  const n = daysInMonth(p.year, p.month);
  // A day's column is as narrow as two characters: its 上午/下午 codes take a line each (as the paper
  // sheet has them), so that the month fits A3 with the text at full size. The weekday under the day.
  const dayCols: LedgerColumn[] = Array.from({ length: n }, (_, i) => ({
    key: `d${i + 1}`,
    header: `${i + 1}日`,
    subHeader: WEEKDAYS[dayOfWeek(formatISODate(p.year, p.month, i + 1))],
    width: 4,
    minWidth: 4,
  }));
  const rows: LedgerRow[] = p.rows.map((r, i) => {
    const row: LedgerRow = {
      seq: i + 1,
      name: r.name,
      section: r.section,
      late: r.late,
      early: r.early,
      absent: r.absentDays,
      personal: r.personalLeaveDays,
      sick: r.sickLeaveDays,
      trip: r.tripDays,
      score: r.score,
    };
    r.codes.forEach((c, d) => (row[`d${d + 1}`] = c));
    return row;
  });
  return {
    unitName: p.unitName,
    ledgerName: '考勤表',
    period: period(p.year, p.month, p.preview),
    sheetName: '考勤表',
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 5 },
      { key: 'name', header: '姓名', width: 9 },
      { key: 'section', header: '股室', width: 11 },
      ...dayCols,
      ...TOTAL_COLUMNS,
    ],
    rows,
    notes: [...previewNotes(p.preview), LEGEND, ...SCORE_RULES],
    signatures: SHEET_SIGNATURES,
    paper: 'A3', // a column a day: A3, as the paper sheet
  };
}

// 月考核分汇总: person, section, the month's deductions by cause, score (ATT-3..6).
export function monthScoreSpec(p: SheetParams): LedgerSpec {
  return {
    unitName: p.unitName,
    ledgerName: '月考核分汇总',
    period: period(p.year, p.month, p.preview),
    sheetName: '月考核分汇总',
    columns: columns(`
      seq=序号/int/5 name=姓名 section=股室 late=迟到(次)/int lateD=迟到扣分/number early=早退(次)/int
      earlyD=早退扣分/number absent=旷工(天)/number absentD=旷工扣分/number totalD=扣分合计/number
      base=基础分/number score=月考核分/number`),
    rows: p.rows.map((r, i) => ({
      seq: i + 1,
      name: r.name,
      section: r.section,
      late: r.late,
      lateD: r.deductions.late,
      early: r.early,
      earlyD: r.deductions.early,
      absent: r.absentDays,
      absentD: r.deductions.absent,
      totalD: r.deductions.total,
      base: r.base,
      score: r.score,
    })),
    notes: [...previewNotes(p.preview), ...SCORE_RULES],
    signatures: SHEET_SIGNATURES,
    orientation: 'portrait',
  };
}

/** One person's year (ATT-8): month scores, the year's figures and award eligibility with reasons. */
export type YearPersonRow = {
  staffId: string;
  name: string;
  section: string;
  monthScores: (number | null)[]; // 12, null for a month not yet tallied
  tally: YearTally;
  eligible: boolean;
  bars: AwardBar[];
};

export function eligibilityText(r: Pick<YearPersonRow, 'eligible' | 'bars'>): string {
  return r.eligible ? '符合' : `不符合：${r.bars.map((b) => AWARD_BAR_LABELS[b]).join('；')}`;
}

// 年度考勤汇总 (月考核分汇总, year): month scores, totals and ATT-8 eligibility with every reason.
export function yearSpec(p: {
  unitName: string;
  year: number;
  rows: YearPersonRow[];
  note?: string;
}): LedgerSpec {
  const monthCols: LedgerColumn[] = Array.from({ length: 12 }, (_, i) => ({
    key: `m${i + 1}`,
    header: `${i + 1}月`,
    type: 'number',
    width: 6,
    minWidth: 6, // twelve months alike, each as wide as 100.0
  }));
  return {
    unitName: p.unitName,
    ledgerName: '年度考勤汇总',
    period: `${p.year}年`,
    sheetName: '年度考勤汇总',
    columns: [
      { key: 'seq', header: '序号', type: 'int', width: 5 },
      { key: 'name', header: '姓名' },
      { key: 'section', header: '股室' },
      ...monthCols,
      { key: 'late', header: '迟到', type: 'int' },
      { key: 'early', header: '早退', type: 'int' },
      { key: 'lateEarly', header: '迟到早退合计', type: 'int' },
      { key: 'absent', header: '旷工(天)', type: 'number' },
      { key: 'sick', header: '病假(天)', type: 'number' },
      { key: 'personal', header: '事假(天)', type: 'number' },
      { key: 'eligible', header: '评先评优资格' },
      { key: 'reasons', header: '不符合原因', width: 40 },
    ],
    rows: p.rows.map((r, i) => {
      const row: LedgerRow = {
        seq: i + 1,
        name: r.name,
        section: r.section,
        late: r.tally.late,
        early: r.tally.early,
        lateEarly: r.tally.late + r.tally.early,
        absent: r.tally.absentDays,
        sick: r.tally.sickLeaveWorkdays,
        personal: r.tally.personalLeaveWorkdays,
        eligible: r.eligible ? '符合' : '不符合',
        reasons: r.bars.map((b) => AWARD_BAR_LABELS[b]).join('；'),
      };
      r.monthScores.forEach((s, m) => (row[`m${m + 1}`] = s));
      return row;
    }),
    notes: [`ATT-8 ${ruleText('ATT-8').text}`, ...(p.note ? [p.note] : [])],
    signatures: SHEET_SIGNATURES,
  };
}
