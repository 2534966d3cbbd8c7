import { describe, expect, it } from 'vitest';

import { tripAllowanceDays, tripOpen, tripState } from './trips';

const trip = { startDate: '2026-03-02', endDate: '2026-03-04' };

describe('tripOpen', () => {
  it('open until the report back is recorded', () => {
    expect(tripOpen(trip)).toBe(true);
    expect(tripOpen({ ...trip, reportedOn: null })).toBe(true);
    expect(tripOpen({ ...trip, reportedOn: '2026-03-05' })).toBe(false);
  });
  it('refuses bad dates naming the field', () => {
    expect(() => tripOpen(null as never)).toThrow(/^trip: /);
    expect(() => tripOpen({ ...trip, startDate: '2026-3-2' })).toThrow(/^startDate: /);
    expect(() => tripOpen({ ...trip, endDate: '2026-03-01' })).toThrow(/^endDate: /);
    expect(() => tripOpen({ ...trip, reportedOn: '2026-03-01' })).toThrow(/^reportedOn: /);
    expect(() => tripOpen({ ...trip, reportedOn: '2026-02-30' })).toThrow(/^reportedOn: /);
  });
});

describe('tripState', () => {
  it('upcoming, away, awaiting the report, closed', () => {
    expect(tripState(trip, '2026-03-01')).toBe('upcoming');
    expect(tripState(trip, '2026-03-02')).toBe('away');
    expect(tripState(trip, '2026-03-04')).toBe('away');
    expect(tripState(trip, '2026-03-05')).toBe('awaiting_report');
    expect(tripState({ ...trip, reportedOn: '2026-03-04' }, '2026-03-05')).toBe('closed');
  });
  it('refuses a bad today', () => {
    expect(() => tripState(trip, '')).toThrow(/^today: /);
  });
});

describe('tripAllowanceDays', () => {
  it('counts calendar days, both ends included, weekends too', () => {
    expect(tripAllowanceDays('2026-03-02', '2026-03-02')).toBe(1);
    expect(tripAllowanceDays('2026-03-06', '2026-03-09')).toBe(4);
    expect(tripAllowanceDays('2024-02-28', '2024-03-01')).toBe(3);
  });
  it('refuses an end before the start', () => {
    expect(() => tripAllowanceDays('2026-03-02', '2026-03-01')).toThrow(/^endDate: /);
    expect(() => tripAllowanceDays('x', '2026-03-01')).toThrow(/^startDate: /);
  });
});
