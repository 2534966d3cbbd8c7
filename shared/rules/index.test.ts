import { describe, expect, it } from 'vitest';

import * as rules from './index';

// rules.md §11: the public contract, by name.
const CONTRACT_FUNCTIONS = [
  'isWorkday',
  'addDaysPeriod',
  'addMonthsPeriod',
  'workdaysBetween',
  'isLate',
  'isEarlyLeave',
  'monthlyScore',
  'awardEligibility',
  'leaveRoute',
  'tripRoute',
  'petitionDecisionDue',
  'objectionDue',
  'petitionCompletionDue',
  'reviewRequestDue',
  'reviewAnswerDue',
  'mayForwardTo',
  'groupVisitOk',
  'circulationDue',
  'formatDocNumber',
  'archiveDue',
  'destructionOk',
  'sealUseOk',
  'publicityReward',
  'reimbursable',
  'claimDue',
  'purchaseNeedsMeeting',
  'assessmentGrade',
];

describe('index', () => {
  it('exports every function of the §11 contract', () => {
    const exported = rules as unknown as Record<string, unknown>;
    for (const name of CONTRACT_FUNCTIONS) expect(typeof exported[name], name).toBe('function');
  });
  it('answers the contract’s own examples through the index', () => {
    const cal = rules.mergeCalendars(rules.BUNDLED_CALENDAR[2026]);
    expect(rules.formatDocNumber('宁信发', 2018, 1)).toBe('宁信发〔2018〕1号');
    expect(rules.petitionDecisionDue('2026-09-20', cal)).toBe('2026-10-08');
    expect(rules.addMonthsPeriod('2026-01-31', 1, cal)).toBe('2026-02-28');
    expect(rules.ruleText('LV-3').source).toBe('制度 二、(二)1');
  });
});
