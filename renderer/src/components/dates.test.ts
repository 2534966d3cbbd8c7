import { describe, expect, it } from 'vitest';

import { parseTypedDate, parseTypedMonth } from './dates';

describe('typed dates and months', () => {
  it('reads a date however a clerk types it', () => {
    for (const t of [
      '2026-12-05',
      '2026-12-5',
      '2026/12/5',
      '2026.12.05',
      '2026年12月5日',
      ' 2026 年 12 月 5 日 ',
      '20261205',
    ])
      expect(parseTypedDate(t), t).toBe('2026-12-05');
  });

  it('refuses what is not a date of the calendar, or not yet a whole date', () => {
    for (const t of [
      '',
      '2026-02-30',
      '2026-13-01',
      '2026-12',
      '12/05/2026',
      'December 5, 2026',
      '2026-12-0',
    ])
      expect(parseTypedDate(t), t).toBeNull();
    expect(parseTypedDate('2028-02-29')).toBe('2028-02-29');
  });

  it('reads a month', () => {
    for (const t of ['2026-11', '2026/11', '2026.11', '2026年11月', '202611'])
      expect(parseTypedMonth(t), t).toBe('2026-11');
    expect(parseTypedMonth('2026年1月')).toBe('2026-01');
    for (const t of ['', '2026-13', '2026-00', 'November 2026', '2026'])
      expect(parseTypedMonth(t), t).toBeNull();
  });
});
