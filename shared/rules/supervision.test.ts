import { describe, expect, it } from 'vitest';

import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import type { Deadline } from './supervision';
import { deadlineState, sortDeadlines, vehicleClash } from './supervision';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2026]);

describe('deadlineState', () => {
  it('overdue the day after the due day', () => {
    expect(deadlineState('2026-03-10', '2026-03-11', CAL)).toBe('overdue');
  });
  it('due soon on the due day and within 3 working days before it', () => {
    expect(deadlineState('2026-03-10', '2026-03-10', CAL)).toBe('due_soon');
    expect(deadlineState('2026-03-10', '2026-03-05', CAL)).toBe('due_soon'); // Thu: Fri 6, Mon 9, Tue 10
    expect(deadlineState('2026-03-11', '2026-03-06', CAL)).toBe('due_soon'); // Fri: Mon 9, Tue 10, Wed 11
  });
  it('running before that', () => {
    expect(deadlineState('2026-03-11', '2026-03-05', CAL)).toBe('running');
    expect(deadlineState('2026-03-12', '2026-03-06', CAL)).toBe('running');
  });
  it('the holiday does not count as warning time', () => {
    expect(deadlineState('2026-10-09', '2026-09-30', CAL)).toBe('due_soon'); // Oct 8, 9, 10
  });
  it('uses the soonDays given; 0 means only on the due day', () => {
    expect(deadlineState('2026-03-10', '2026-03-09', CAL, 0)).toBe('running');
    expect(deadlineState('2026-03-10', '2026-03-10', CAL, 0)).toBe('due_soon');
    expect(deadlineState('2026-03-20', '2026-03-09', CAL, 10)).toBe('due_soon');
  });
  it('refuses bad input naming the field', () => {
    expect(() => deadlineState('x', '2026-03-10', CAL)).toThrow(/^due: /);
    expect(() => deadlineState('2026-03-10', 'x', CAL)).toThrow(/^today: /);
    expect(() => deadlineState('2026-03-10', '2026-03-10', CAL, -1)).toThrow(/^soonDays: /);
  });
});

describe('sortDeadlines', () => {
  it('by due date, ties kept in order, the input untouched', () => {
    const list: Deadline[] = [
      { kind: 'loan', refId: 'l1', title: '借阅', due: '2026-03-10' },
      { kind: 'petition', refId: 'p1', title: '信访件', due: '2026-03-01', owner: '办信股' },
      { kind: 'claim', refId: 'c1', title: '报销', due: '2026-03-10' },
    ];
    expect(sortDeadlines(list).map((d) => d.refId)).toEqual(['p1', 'l1', 'c1']);
    expect(list[0].refId).toBe('l1');
  });
  it('refuses a malformed due date', () => {
    expect(() =>
      sortDeadlines([
        { kind: 'loan', refId: 'a', title: '', due: 'x' },
        { kind: 'loan', refId: 'b', title: '', due: '2026-01-01' },
      ]),
    ).toThrow(/^due: /);
  });
});

describe('vehicleClash', () => {
  const trip = (status: string, plannedStart: string, plannedEnd: string) => ({ status, plannedStart, plannedEnd });
  it('finds a booking still pending, approved or out whose dates meet the request', () => {
    const out = trip('out', '2026-12-04', '2026-12-05');
    expect(vehicleClash([trip('returned', '2026-12-04', '2026-12-04'), out], '2026-12-05', '2026-12-06')).toBe(out);
    expect(vehicleClash([trip('pending', '2026-12-07', '2026-12-07')], '2026-12-01', '2026-12-07')).toBeDefined();
    expect(vehicleClash([trip('approved', '2026-12-03', '2026-12-03')], '2026-12-03', '2026-12-03')).toBeDefined();
  });
  it('leaves out the finished, refused and withdrawn, and the other days', () => {
    const done = ['returned', 'rejected', 'withdrawn'].map((s) => trip(s, '2026-12-04', '2026-12-04'));
    expect(vehicleClash(done, '2026-12-04', '2026-12-04')).toBeUndefined();
    expect(vehicleClash([trip('approved', '2026-12-01', '2026-12-03')], '2026-12-04', '2026-12-05')).toBeUndefined();
  });
});
