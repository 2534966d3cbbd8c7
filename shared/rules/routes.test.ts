import { describe, expect, it } from 'vitest';

import type { Approver, Rank, Route } from './routes';
import { APPROVER_LABELS, RANKS, RANK_LABELS, leaveRoute, tripRoute } from './routes';

const r = (
  form: Route['form'],
  approvers: Approver[],
  kind: Route['kind'] = 'approval',
  reportToCounty = false,
): Route => ({ form, approvers, kind, meetingDecision: false, reportToCounty });

describe('leaveRoute', () => {
  const cases: [Rank, number, Route][] = [
    ['staff', 0.5, r('oral', ['section_head'])],
    ['staff', 1, r('oral', ['deputy'])],
    ['staff', 1.5, r('written', ['deputy', 'director'])],
    ['staff', 10, r('written', ['deputy', 'director'])],
    ['section_head', 0.5, r('oral', ['deputy'])],
    ['section_head', 1, r('oral', ['deputy'])],
    ['section_head', 1.5, r('written', ['deputy', 'director'])],
    ['deputy', 0.5, r('oral', ['director'])],
    ['deputy', 1, r('oral', ['director'])],
    ['deputy', 1.5, r('written', ['director'])],
    ['director', 0.5, r('oral', ['county'], 'report', true)],
    ['director', 1, r('oral', ['county'], 'report', true)],
    ['director', 1.5, r('written', ['county'], 'report', true)],
  ];
  it.each(cases)('%s for %s days', (rank, days, expected) => {
    expect(leaveRoute(rank, days)).toEqual(expected);
  });
  it('returns a fresh route each time (the table cannot be changed through it)', () => {
    const a = leaveRoute('staff', 2);
    a.approvers.push('county');
    expect(leaveRoute('staff', 2).approvers).toEqual(['deputy', 'director']);
  });
  it('refuses days not in half-day steps or not positive', () => {
    for (const d of [0, -0.5, 0.25, 1.2, Number.NaN]) expect(() => leaveRoute('staff', d)).toThrow(/^days: /);
  });
  it('refuses an unknown rank', () => {
    expect(() => leaveRoute('clerk' as never, 1)).toThrow(/^rank: /);
  });
});

describe('tripRoute', () => {
  const cases: [Rank, number, Route][] = [
    ['staff', 0.5, r('oral', ['deputy'])],
    ['staff', 1, r('oral', ['deputy'])],
    ['staff', 1.5, r('written', ['director'])],
    ['section_head', 0.5, r('oral', ['deputy'])],
    ['section_head', 1, r('oral', ['deputy'])],
    ['section_head', 1.5, r('written', ['director'])],
    ['deputy', 0.5, r('oral', [], 'report')],
    ['deputy', 1, r('oral', ['director'], 'report')],
    ['deputy', 1.5, r('oral', ['director'], 'report')],
    ['director', 0.5, r('oral', ['county'], 'report', true)],
    ['director', 1, r('oral', ['county'], 'report', true)],
    ['director', 1.5, r('oral', ['county'], 'report', true)],
  ];
  it.each(cases)('%s for %s days', (rank, days, expected) => {
    expect(tripRoute(rank, days)).toEqual(expected);
    expect(tripRoute(rank, days, {})).toEqual(expected);
    expect(tripRoute(rank, days, { outOfRegionStudy: false })).toEqual(expected);
  });
  it('out-of-region study or inspection: the meeting decides and the county is told, for every rank and length', () => {
    for (const rank of RANKS) {
      for (const days of [0.5, 1, 1.5, 5]) {
        expect(tripRoute(rank, days, { outOfRegionStudy: true })).toEqual({
          form: 'written',
          approvers: ['director'],
          kind: 'approval',
          meetingDecision: true,
          reportToCounty: true,
        });
      }
    }
  });
  it('refuses bad input naming the field', () => {
    expect(() => tripRoute('staff', 0)).toThrow(/^days: /);
    expect(() => tripRoute('boss' as never, 1)).toThrow(/^rank: /);
    expect(() => tripRoute('staff', 1, null as never)).toThrow(/^opts: /);
    expect(() => tripRoute('staff', 1, { outOfRegionStudy: 'yes' as never })).toThrow(
      /^opts\.outOfRegionStudy: /,
    );
  });
});

describe('labels', () => {
  it('name every rank and approver in Chinese', () => {
    expect(RANKS.map((k) => RANK_LABELS[k])).toEqual([
      '一般干部职工',
      '股室负责人',
      '分管领导(副职)',
      '局长',
    ]);
    expect(APPROVER_LABELS.county).toBe('县领导');
  });
});
