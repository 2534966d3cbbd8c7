import { describe, expect, it } from 'vitest';

import { BUNDLED_CALENDAR, awardEligibility, mergeCalendars, tallyMonth } from '../rules';

import {
  dayCode,
  eligibilityText,
  monthMarkRow,
  monthScoreSpec,
  monthSheetSpec,
  yearSpec,
} from './attendance';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2026]);

// June 2026: 1 June a Monday; 19 June (Fri) 端午 holiday.
const sheet = tallyMonth({
  year: 2026,
  month: 6,
  cal: CAL,
  sessions: {
    '2026-06-01': {
      am: { kind: 'signed', signedAt: '08:16' },
      pm: { kind: 'signed', signedAt: '14:30', leftAt: '17:00' },
    },
    '2026-06-02': {
      am: { kind: 'leave', leaveType: 'personal' },
      pm: { kind: 'leave', leaveType: 'personal' },
    },
    '2026-06-03': { am: { kind: 'leave', leaveType: 'personal' }, pm: { kind: 'trip' } },
    '2026-06-04': { am: { kind: 'leave', leaveType: 'annual' }, pm: { kind: 'leave', leaveType: 'sick' } },
  },
});
const row = monthMarkRow({ staffId: 's1', name: '钱雪', section: '办信股' }, sheet);

describe('dayCode', () => {
  it('shows AM/PM codes, 休 on a day off, nothing for a day without codes', () => {
    expect(row.codes[0]).toBe('迟/早');
    expect(row.codes[1]).toBe('事/事');
    expect(row.codes[2]).toBe('事/公');
    expect(row.codes[5]).toBe('休'); // Saturday 6 June
    expect(row.codes[18]).toBe('休'); // 端午
    expect(row.codes[7]).toBe('旷/旷');
    const empty = {
      ...sheet.days[7],
      am: { ...sheet.days[7].am, code: '' },
      pm: { ...sheet.days[7].pm, code: '' },
    };
    expect(dayCode(empty)).toBe('');
  });
});

describe('monthMarkRow', () => {
  it('carries the totals and score of tallyMonth', () => {
    expect(row.late).toBe(1);
    expect(row.early).toBe(1);
    expect(row.personalLeaveDays).toBe(1.5);
    expect(row.sickLeaveDays).toBe(0.5);
    expect(row.otherLeaveDays).toBe(0.5);
    expect(row.tripDays).toBe(0.5);
    expect(row.presentDays).toBe(1);
    expect(row.absentDays).toBe(sheet.totals.absentDays);
    expect(row.score).toBe(sheet.score);
    expect(row.deductions.total).toBe(1 + 15 * sheet.totals.absentDays);
  });
});

describe('monthSheetSpec', () => {
  const spec = monthSheetSpec({ unitName: '新宁县信访局', year: 2026, month: 6, rows: [row] });
  it('has a column per day of the month between the person and the totals', () => {
    const headers = spec.columns.map((c) => c.header);
    expect(headers.slice(0, 4)).toEqual(['序号', '姓名', '股室', '1日']);
    expect(headers).toContain('30日');
    expect(headers).not.toContain('31日');
    expect(headers.slice(-7)).toEqual([
      '迟到',
      '早退',
      '旷工(天)',
      '事假(天)',
      '病假(天)',
      '公出(天)',
      '月考核分',
    ]);
  });
  it('puts the codes and the totals in the row', () => {
    expect(spec.rows[0]).toMatchObject({
      seq: 1,
      name: '钱雪',
      d1: '迟/早',
      d2: '事/事',
      late: 1,
      personal: 1.5,
      score: sheet.score,
    });
  });
  it('signs by the clerk, the deputy and the director and explains the codes', () => {
    expect(spec.signatures).toEqual(['考勤员', '分管领导核实', '局长审阅']);
    expect(spec.notes?.[0]).toContain('迟 迟到');
    expect(spec.notes?.join('')).toContain('ATT-2');
    expect(spec.period).toBe('2026年6月');
  });
  it('takes the month length from the month, rows or not', () => {
    const empty = monthSheetSpec({ unitName: 'x', year: 2026, month: 7, rows: [] });
    expect(empty.columns.filter((c) => c.key.startsWith('d'))).toHaveLength(31);
  });
  it('says in its title and first note that a month not yet announced is a preview, not official (ATT-7)', () => {
    const p = {
      unitName: '新宁县信访局',
      year: 2026,
      month: 6,
      rows: [row],
      preview: '预览（非正式，截至2026年6月10日）',
    };
    for (const s of [monthSheetSpec(p), monthScoreSpec(p)]) {
      expect(s.period).toBe('2026年6月，预览（非正式，截至2026年6月10日）');
      expect(s.notes?.[0]).toContain('不是正式考勤结果');
      expect(s.notes?.[0]).toContain('ATT-7');
    }
    expect(monthScoreSpec({ ...p, preview: undefined }).notes?.join('')).not.toContain('预览');
  });
});

describe('monthScoreSpec', () => {
  it('lists deductions by cause and the score', () => {
    const spec = monthScoreSpec({ unitName: 'x', year: 2026, month: 6, rows: [row] });
    expect(spec.rows[0]).toMatchObject({
      name: '钱雪',
      late: 1,
      lateD: 0.5,
      early: 1,
      earlyD: 0.5,
      score: sheet.score,
    });
    expect(spec.ledgerName).toBe('月考核分汇总');
  });
});

describe('yearSpec and eligibilityText', () => {
  it('lists month scores, totals and every reason a person is not eligible', () => {
    const tally = { late: 8, early: 4, absentDays: 3, sickLeaveWorkdays: 0, personalLeaveWorkdays: 22 };
    const e = awardEligibility(tally);
    const spec = yearSpec({
      unitName: 'x',
      year: 2026,
      rows: [
        {
          staffId: 's1',
          name: '钱雪',
          section: '办信股',
          monthScores: [99, null, ...Array(10).fill(100)],
          tally,
          ...e,
        },
      ],
    });
    expect(spec.rows[0]).toMatchObject({
      m1: 99,
      m2: null,
      lateEarly: 12,
      absent: 3,
      personal: 22,
      eligible: '不符合',
    });
    expect(spec.rows[0].reasons).toContain('迟到、早退达12次以上');
    expect(spec.rows[0].reasons).toContain('事假');
    expect(eligibilityText(e)).toMatch(/^不符合：/);
    expect(eligibilityText({ eligible: true, bars: [] })).toBe('符合');
    expect(spec.notes?.[0]).toMatch(/^ATT-8/);
    expect(spec.notes).toHaveLength(1);
    const partial = yearSpec({
      unitName: 'x',
      year: 2026,
      rows: [],
      note: '只统计已结束的月份：2026年12月尚未结束，未计入。',
    });
    expect(partial.notes?.[1]).toContain('12月尚未结束');
  });
});
