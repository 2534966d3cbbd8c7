import { describe, expect, it } from 'vitest';

import { leaveRoute, tripRoute } from './routes';
import { leaveRuleIds, leaveRouting, moveUp, tripRuleIds, tripRouting } from './routing';
import type { OrgSnapshot } from './routing';

const org = (o: Partial<OrgSnapshot> = {}): OrgSnapshot => ({
  applicantId: 'me',
  section_head: 'head',
  deputy: 'dep',
  director: 'dir',
  ...o,
});

describe('moveUp (LV-4)', () => {
  it('keeps a route whose approvers are all there and not the applicant', () => {
    expect(moveUp(leaveRoute('staff', 2), org())).toEqual({
      steps: [
        { level: 'deputy', approverId: 'dep', external: false },
        { level: 'director', approverId: 'dir', external: false },
      ],
      movedUp: false,
    });
  });
  it('moves a step on the applicant up one level', () => {
    expect(moveUp(leaveRoute('staff', 0.5), org({ applicantId: 'head' }))).toEqual({
      steps: [{ level: 'deputy', approverId: 'dep', external: false }],
      movedUp: true,
    });
  });
  it('moves a step on nobody up, up to the county leaders outside the system', () => {
    expect(
      moveUp(leaveRoute('staff', 0.5), org({ section_head: null, deputy: null, director: null })),
    ).toEqual({
      steps: [{ level: 'county', approverId: null, external: true }],
      movedUp: true,
    });
  });
  it('merges consecutive steps that land on the same person', () => {
    expect(moveUp(leaveRoute('staff', 2), org({ deputy: null }))).toEqual({
      steps: [{ level: 'director', approverId: 'dir', external: false }],
      movedUp: true,
    });
  });
  it('keeps an external step as it is', () => {
    expect(moveUp(leaveRoute('director', 2), org({ applicantId: 'dir' }))).toEqual({
      steps: [{ level: 'county', approverId: null, external: true }],
      movedUp: false,
    });
  });
  it('registers a route without approvers', () => {
    expect(moveUp(tripRoute('deputy', 0.5), org())).toEqual({ steps: [], movedUp: false });
  });
});

describe('leaveRuleIds', () => {
  it('names the length rule, LV-4 when moved (by the table or the office), LV-5 after the fact', () => {
    expect(leaveRuleIds('staff', 0.5, false, false)).toEqual(['LV-1']);
    expect(leaveRuleIds('staff', 1, false, false)).toEqual(['LV-2']);
    expect(leaveRuleIds('staff', 3, false, true)).toEqual(['LV-3', 'LV-5']);
    expect(leaveRuleIds('staff', 0.5, true, false)).toEqual(['LV-1', 'LV-4']);
    expect(leaveRuleIds('section_head', 0.5, false, false)).toEqual(['LV-1', 'LV-4']);
    expect(leaveRuleIds('section_head', 1, false, false)).toEqual(['LV-2']);
    expect(leaveRuleIds('deputy', 1, false, false)).toEqual(['LV-2', 'LV-4']);
    expect(leaveRuleIds('director', 2, false, false)).toEqual(['LV-3', 'LV-4']);
  });
});

describe('leaveRouting', () => {
  it('returns the route, the people and the rule IDs together', () => {
    const r = leaveRouting('staff', 0.5, org({ section_head: null }), true);
    expect(r.route).toEqual(leaveRoute('staff', 0.5));
    expect(r.steps).toEqual([{ level: 'deputy', approverId: 'dep', external: false }]);
    expect(r.ruleIds).toEqual(['LV-1', 'LV-4', 'LV-5']);
    expect(leaveRouting('staff', 2, org()).ruleIds).toEqual(['LV-3']);
  });
});

describe('tripRuleIds and tripRouting', () => {
  it('names TRIP-1, TRIP-2 or TRIP-3 and LV-5 after the fact', () => {
    expect(tripRuleIds('staff', false)).toEqual(['TRIP-1']);
    expect(tripRuleIds('deputy', false, true)).toEqual(['TRIP-2', 'LV-5']);
    expect(tripRuleIds('director', true)).toEqual(['TRIP-3']);
  });
  it('adds the report to the county leaders to a TRIP-3 route', () => {
    const r = tripRouting('staff', 2, true, org());
    expect(r.steps).toEqual([
      { level: 'director', approverId: 'dir', external: false },
      { level: 'county', approverId: null, external: true, countyReport: true },
    ]);
    expect(r.ruleIds).toEqual(['TRIP-3']);
  });
  it('does not add a second external step when the route already ends outside', () => {
    const r = tripRouting('director', 1, false, org({ applicantId: 'dir' }));
    expect(r.steps).toEqual([{ level: 'county', approverId: null, external: true }]);
  });
  it('keeps a route that needs no county report as it is', () => {
    expect(tripRouting('staff', 1, false, org(), true)).toMatchObject({
      steps: [{ level: 'deputy', approverId: 'dep', external: false }],
      ruleIds: ['TRIP-1', 'LV-5'],
    });
  });
});
