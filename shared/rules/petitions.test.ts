import { describe, expect, it } from 'vitest';

import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import type { PetitionCase, SortCheck } from './petitions';
import {
  DEFAULT_PETITION_LIMITS,
  PETITION_DEADLINE_LABELS,
  SORT_DECISION_LABELS,
  URGENT_NOTIFY,
  URGENT_REPORT_TO,
  alreadyInHand,
  groupVisitOk,
  idCardValid,
  isRepeatAfterReview,
  mayAssign,
  mayForwardTo,
  objectionDue,
  objectionOpen,
  petitionCompletionDue,
  petitionDecisionDue,
  petitionNextDeadline,
  repeatCandidate,
  reviewAnswerDue,
  reviewRequestDue,
  samePetitioner,
  sortDecisionOk,
  textSimilarity,
} from './petitions';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2025], BUNDLED_CALENDAR[2026]);

describe('petitionDecisionDue', () => {
  it.each([
    ['15 days after receipt, on a working day', '2026-01-01', '2026-01-16'],
    ['a 15th day on a weekend moves to Monday', '2026-03-06', '2026-03-23'],
    ['a 15th day in the National Day holiday (Oct 5) moves to Oct 8', '2026-09-20', '2026-10-08'],
    ['a 15th day in the Spring Festival moves to the first working day after it', '2026-02-01', '2026-02-24'],
    ['a 15th day on a make-up Saturday stays', '2026-01-30', '2026-02-14'],
  ])('%s', (_, receivedOn, due) => {
    expect(petitionDecisionDue(receivedOn, CAL)).toBe(due);
  });
  it('refuses a malformed date', () => {
    expect(() => petitionDecisionDue('2026-02-30', CAL)).toThrow(/^receivedOn: /);
  });
});

describe('objectionOpen', () => {
  it('is open for a case sent to the unit and not yet accepted, and closed otherwise', () => {
    expect(objectionOpen({ state: 'forwarded', acceptedOn: null })).toBe(true);
    expect(objectionOpen({ state: 'handed_down' })).toBe(true);
    expect(objectionOpen({ state: 'handed_down', acceptedOn: '2026-03-09' })).toBe(false);
    expect(objectionOpen({ state: 'accepted', acceptedOn: null })).toBe(false);
  });
});

describe('objectionDue', () => {
  it('the 5th working day after receipt', () => {
    expect(objectionDue('2026-03-06', CAL)).toBe('2026-03-13');
    expect(objectionDue('2026-03-02', CAL)).toBe('2026-03-09');
  });
  it('skips the holiday and counts the make-up Saturday', () => {
    expect(objectionDue('2026-09-28', CAL)).toBe('2026-10-10');
  });
  it('refuses a malformed date', () => {
    expect(() => objectionDue('2026-2-1', CAL)).toThrow(/^receivedOn: /);
  });
});

describe('petitionCompletionDue', () => {
  it.each([
    ['60 days after acceptance, moved past the Labour Day holiday', '2026-03-02', 0, '2026-05-06'],
    ['with the full 30-day extension: 90 days, a Sunday moved to Monday', '2026-03-02', 30, '2026-06-01'],
    ['with a 1-day extension', '2026-03-03', 1, '2026-05-06'],
  ] as const)('%s', (_, acceptedOn, extension, due) => {
    expect(petitionCompletionDue(acceptedOn, extension, CAL)).toBe(due);
  });
  it('refuses an extension outside 0..30 or not an integer', () => {
    expect(() => petitionCompletionDue('2026-03-02', 31, CAL)).toThrow(/^extensionDays: /);
    expect(() => petitionCompletionDue('2026-03-02', -1, CAL)).toThrow(/^extensionDays: /);
    expect(() => petitionCompletionDue('2026-03-02', 1.5, CAL)).toThrow(/^extensionDays: /);
    expect(() => petitionCompletionDue('2026-03-32', 0, CAL)).toThrow(/^acceptedOn: /);
  });
});

describe('reviewRequestDue', () => {
  it('30 days after the reply was received, moved past the holiday', () => {
    expect(reviewRequestDue('2026-09-05', CAL)).toBe('2026-10-08');
    expect(reviewRequestDue('2026-03-02', CAL)).toBe('2026-04-01');
  });
  it('refuses a malformed date', () => {
    expect(() => reviewRequestDue('', CAL)).toThrow(/^replyReceivedOn: /);
  });
});

describe('reviewAnswerDue', () => {
  it('30 days after the request was received', () => {
    expect(reviewAnswerDue('2026-03-02', CAL)).toBe('2026-04-01');
    expect(reviewAnswerDue('2026-01-15', CAL)).toBe('2026-02-14');
  });
  it('refuses a malformed date', () => {
    expect(() => reviewAnswerDue('2026/01/15', CAL)).toThrow(/^requestReceivedOn: /);
  });
});

describe('mayForwardTo', () => {
  it('never to a unit an informant accuses', () => {
    expect(mayForwardTo({ informant: true, accusedUnitIds: ['u1', 'u2'] }, 'u2')).toBe(false);
  });
  it('an informant report may go to a unit it does not accuse', () => {
    expect(mayForwardTo({ informant: true, accusedUnitIds: ['u1'] }, 'u3')).toBe(true);
  });
  it('a report that is not an informant report may go anywhere', () => {
    expect(mayForwardTo({ informant: false, accusedUnitIds: ['u1'] }, 'u1')).toBe(true);
  });
  it('refuses bad input', () => {
    expect(() => mayForwardTo(null as never, 'u1')).toThrow(/^p: /);
    expect(() => mayForwardTo({ informant: 'y' as never, accusedUnitIds: [] }, 'u1')).toThrow(/^informant: /);
    expect(() => mayForwardTo({ informant: true, accusedUnitIds: 'u1' as never }, 'u1')).toThrow(
      /^accusedUnitIds: /,
    );
    expect(() => mayForwardTo({ informant: true, accusedUnitIds: [] }, 1 as never)).toThrow(/^unitId: /);
  });
});

describe('groupVisitOk', () => {
  it('exactly 5 people need no representatives', () => {
    expect(groupVisitOk(5, 0)).toBe(true);
    expect(groupVisitOk(5, 5)).toBe(true);
    expect(groupVisitOk(1, 0)).toBe(true);
  });
  it('6 people need 1 to 5 representatives', () => {
    expect(groupVisitOk(6, 0)).toBe(false);
    expect(groupVisitOk(6, 1)).toBe(true);
    expect(groupVisitOk(6, 5)).toBe(true);
    expect(groupVisitOk(6, 6)).toBe(false);
    expect(groupVisitOk(30, 5)).toBe(true);
  });
  it('refuses impossible counts', () => {
    expect(() => groupVisitOk(0, 0)).toThrow(/^participants: /);
    expect(() => groupVisitOk(2.5, 1)).toThrow(/^participants: /);
    expect(() => groupVisitOk(5, 6)).toThrow(/^representatives: /);
    expect(() => groupVisitOk(5, -1)).toThrow(/^representatives: /);
    expect(() => groupVisitOk(6, 1.5)).toThrow(/^representatives: /);
  });
});

describe('petitionNextDeadline', () => {
  const received: PetitionCase = { receivedOn: '2026-09-20' };

  it('before sorting: the 15-day decision, running, due soon, then overdue', () => {
    expect(petitionNextDeadline(received, '2026-09-21', CAL)).toEqual({
      kind: 'sort',
      ruleId: 'PET-2',
      party: 'bureau',
      due: '2026-10-08',
      state: 'running',
    });
    expect(petitionNextDeadline(received, '2026-10-07', CAL)?.state).toBe('due_soon');
    expect(petitionNextDeadline(received, '2026-10-08', CAL)?.state).toBe('due_soon');
    expect(petitionNextDeadline(received, '2026-10-09', CAL)?.state).toBe('overdue');
  });

  it('accepted and the petitioner told: the 60-day conclusion', () => {
    const c: PetitionCase = {
      receivedOn: '2026-02-27',
      sortedOn: '2026-03-02',
      decision: 'accept',
      notifiedOn: '2026-03-02',
    };
    expect(petitionNextDeadline(c, '2026-03-03', CAL)).toMatchObject({
      kind: 'conclude',
      ruleId: 'PET-4',
      due: '2026-05-06',
    });
    expect(petitionNextDeadline({ ...c, extensionDays: 30 }, '2026-03-03', CAL)?.due).toBe('2026-06-01');
  });

  it('accepted but not yet told: the notice comes first', () => {
    const c: PetitionCase = { receivedOn: '2026-02-27', sortedOn: '2026-03-02', decision: 'accept' };
    expect(petitionNextDeadline(c, '2026-03-03', CAL)).toMatchObject({ kind: 'notify', due: '2026-03-16' });
    expect(petitionNextDeadline({ ...c, petitionerUnknown: true }, '2026-03-03', CAL)?.kind).toBe('conclude');
    expect(petitionNextDeadline({ ...c, petitionerUnknown: false }, '2026-03-03', CAL)?.kind).toBe('notify');
  });

  it('handed down: the clock runs from the unit’s acceptance', () => {
    const c: PetitionCase = {
      receivedOn: '2026-02-20',
      sortedOn: '2026-02-25',
      decision: 'hand_down',
      notifiedOn: '2026-02-25',
      acceptedOn: '2026-03-02',
    };
    expect(petitionNextDeadline(c, '2026-03-03', CAL)?.due).toBe('2026-05-06');
  });

  it('forwarded or refused and the petitioner told: nothing runs here', () => {
    for (const decision of ['forward', 'reject', 'report_up'] as const) {
      const c: PetitionCase = {
        receivedOn: '2026-03-02',
        sortedOn: '2026-03-03',
        decision,
        notifiedOn: '2026-03-03',
      };
      expect(petitionNextDeadline(c, '2026-03-04', CAL)).toBeNull();
    }
  });

  const concluded: PetitionCase = {
    receivedOn: '2026-06-01',
    sortedOn: '2026-06-02',
    decision: 'accept',
    notifiedOn: '2026-06-02',
    concludedOn: '2026-08-20',
  };

  it('concluded, reply not yet received: nothing runs', () => {
    expect(petitionNextDeadline(concluded, '2026-08-21', CAL)).toBeNull();
  });

  it('reply received: the petitioner’s 30 days to ask for 复查, gone once passed', () => {
    const c = { ...concluded, replyReceivedOn: '2026-09-05' };
    expect(petitionNextDeadline(c, '2026-09-06', CAL)).toEqual({
      kind: 'review_request',
      ruleId: 'PET-5',
      party: 'petitioner',
      due: '2026-10-08',
      state: 'running',
    });
    expect(petitionNextDeadline(c, '2026-10-08', CAL)?.state).toBe('due_soon');
    expect(petitionNextDeadline(c, '2026-10-09', CAL)).toBeNull();
  });

  it('复查 requested: 30 days to answer', () => {
    const c = { ...concluded, replyReceivedOn: '2026-08-25', reviewRequestedOn: '2026-09-01' };
    expect(petitionNextDeadline(c, '2026-09-02', CAL)).toMatchObject({
      kind: 'review_answer',
      party: 'bureau',
      due: '2026-10-08',
    });
  });

  it('复查 answered: the petitioner’s 30 days to ask for 复核', () => {
    const c = { ...concluded, reviewRequestedOn: '2026-09-01', reviewAnsweredOn: '2026-09-25' };
    expect(petitionNextDeadline(c, '2026-09-26', CAL)).toMatchObject({
      kind: 'recheck_request',
      party: 'petitioner',
      due: '2026-10-26',
    });
    expect(petitionNextDeadline(c, '2026-10-27', CAL)).toBeNull();
  });

  it('复核 requested: 30 days to answer, hearing days not counted; answered: nothing runs', () => {
    const c = {
      ...concluded,
      reviewRequestedOn: '2026-09-01',
      reviewAnsweredOn: '2026-09-25',
      recheckRequestedOn: '2026-10-12',
    };
    expect(petitionNextDeadline(c, '2026-10-12', CAL)).toMatchObject({
      kind: 'recheck_answer',
      due: '2026-11-11',
    });
    expect(petitionNextDeadline({ ...c, hearingDays: 10 }, '2026-10-12', CAL)?.due).toBe('2026-11-23');
    expect(petitionNextDeadline({ ...c, recheckAnsweredOn: '2026-11-01' }, '2026-11-02', CAL)).toBeNull();
  });

  it('the earliest of the running deadlines comes first, whatever the order they arise in', () => {
    const c: PetitionCase = { receivedOn: '2026-03-02', sortedOn: '2026-03-02', decision: 'accept' };
    const limits = { decisionDays: 30, completionDays: 10 };
    expect(petitionNextDeadline(c, '2026-03-03', CAL, { limits })).toMatchObject({
      kind: 'conclude',
      due: '2026-03-12',
    });
  });

  it('uses the limits and soonDays given (a stricter province)', () => {
    expect(petitionNextDeadline(received, '2026-09-21', CAL, { limits: { decisionDays: 10 } })?.due).toBe(
      '2026-09-30',
    );
    expect(petitionNextDeadline(received, '2026-09-21', CAL, { soonDays: 10 })?.state).toBe('due_soon');
    expect(petitionNextDeadline(received, '2026-09-21', CAL, {})?.due).toBe('2026-10-08');
  });

  it('refuses stages out of order or skipped, naming the field', () => {
    expect(() => petitionNextDeadline(null as never, '2026-01-01', CAL)).toThrow(/^c: /);
    expect(() => petitionNextDeadline({ receivedOn: '2026-9-20' }, '2026-10-01', CAL)).toThrow(
      /^receivedOn: /,
    );
    expect(() => petitionNextDeadline(received, '2026-10-32', CAL)).toThrow(/^today: /);
    expect(() =>
      petitionNextDeadline({ ...received, sortedOn: '2026-09-19', decision: 'accept' }, '2026-10-01', CAL),
    ).toThrow(/^sortedOn: must not be before receivedOn/);
    expect(() => petitionNextDeadline({ ...received, sortedOn: '2026-09-21' }, '2026-10-01', CAL)).toThrow(
      /^decision: /,
    );
    expect(() =>
      petitionNextDeadline(
        { ...received, sortedOn: '2026-09-21', decision: 'ignore' as never },
        '2026-10-01',
        CAL,
      ),
    ).toThrow(/^decision: /);
    expect(() => petitionNextDeadline({ ...received, concludedOn: '2026-09-30' }, '2026-10-01', CAL)).toThrow(
      /^concludedOn: needs sortedOn/,
    );
    expect(() =>
      petitionNextDeadline({ ...concluded, reviewAnsweredOn: '2026-09-30' }, '2026-10-01', CAL),
    ).toThrow(/^reviewAnsweredOn: needs reviewRequestedOn/);
    expect(() =>
      petitionNextDeadline({ ...concluded, replyReceivedOn: '2026-08-19' }, '2026-10-01', CAL),
    ).toThrow(/^replyReceivedOn: must not be before concludedOn/);
    expect(() =>
      petitionNextDeadline({ ...concluded, replyReceivedOn: '2026-08-32' }, '2026-10-01', CAL),
    ).toThrow(/^replyReceivedOn: /);
    expect(() => petitionNextDeadline({ ...received, notifiedOn: '2026-09-21' }, '2026-10-01', CAL)).toThrow(
      /^notifiedOn: /,
    );
    expect(() => petitionNextDeadline({ ...concluded, notifiedOn: '2026-06-01' }, '2026-10-01', CAL)).toThrow(
      /^notifiedOn: must be on or after sortedOn/,
    );
    expect(() => petitionNextDeadline({ ...concluded, notifiedOn: '2026-6-2' }, '2026-10-01', CAL)).toThrow(
      /^notifiedOn: /,
    );
    expect(() =>
      petitionNextDeadline({ ...received, petitionerUnknown: 'no' as never }, '2026-10-01', CAL),
    ).toThrow(/^petitionerUnknown: /);
    expect(() =>
      petitionNextDeadline({ ...concluded, concludedOn: null, extensionDays: 31 }, '2026-10-01', CAL),
    ).toThrow(/^extensionDays: /);
    expect(() => petitionNextDeadline({ ...concluded, hearingDays: -1 }, '2026-10-01', CAL)).toThrow(
      /^hearingDays: /,
    );
    expect(() => petitionNextDeadline(received, '2026-10-01', CAL, null as never)).toThrow(/^opts: /);
    expect(() => petitionNextDeadline(received, '2026-10-01', CAL, { soonDays: -1 })).toThrow(/^soonDays: /);
    expect(() => petitionNextDeadline(received, '2026-10-01', CAL, { limits: 'x' as never })).toThrow(
      /^limits: /,
    );
    expect(() =>
      petitionNextDeadline(received, '2026-10-01', CAL, { limits: { completionDays: 0 } }),
    ).toThrow(/^limits\.completionDays: /);
  });
});

describe('sortDecisionOk', () => {
  const base: SortCheck = {
    decision: 'accept',
    informant: false,
    accusedUnitIds: [],
    receivedOn: '2026-09-20',
    decidedOn: '2026-09-25',
  };
  it('an acceptance in time is fine', () => {
    expect(sortDecisionOk(base, CAL)).toEqual({ ok: true, problems: [], due: '2026-10-08', late: false });
  });
  it('deciding on the due day is in time, the day after is late (a warning, not a block)', () => {
    expect(sortDecisionOk({ ...base, decidedOn: '2026-10-08' }, CAL).late).toBe(false);
    expect(sortDecisionOk({ ...base, decidedOn: '2026-10-09' }, CAL)).toMatchObject({ ok: true, late: true });
  });
  it('不予受理 needs a reason', () => {
    expect(sortDecisionOk({ ...base, decision: 'reject' }, CAL).problems).toEqual([
      { ruleId: 'PET-2', code: 'reason_required' },
    ]);
    expect(sortDecisionOk({ ...base, decision: 'reject', reason: '  ' }, CAL).ok).toBe(false);
    expect(sortDecisionOk({ ...base, decision: 'reject', reason: '不属于信访事项' }, CAL).ok).toBe(true);
  });
  it('转送 and 交办 need a receiving unit', () => {
    expect(sortDecisionOk({ ...base, decision: 'forward' }, CAL).problems).toEqual([
      { ruleId: 'PET-8', code: 'unit_required' },
    ]);
    expect(sortDecisionOk({ ...base, decision: 'hand_down', unitId: ' ' }, CAL).ok).toBe(false);
    expect(sortDecisionOk({ ...base, decision: 'hand_down', unitId: 'town-1' }, CAL).ok).toBe(true);
  });
  it('never to a unit the informant accuses', () => {
    const d: SortCheck = {
      ...base,
      decision: 'forward',
      unitId: 'town-1',
      informant: true,
      accusedUnitIds: ['town-1'],
    };
    expect(sortDecisionOk(d, CAL)).toMatchObject({
      ok: false,
      problems: [{ ruleId: 'PET-6', code: 'accused_unit' }],
    });
  });
  it('refuses bad input naming the field', () => {
    expect(() => sortDecisionOk(null as never, CAL)).toThrow(/^d: /);
    expect(() => sortDecisionOk({ ...base, decision: 'maybe' as never }, CAL)).toThrow(/^decision: /);
    expect(() => sortDecisionOk({ ...base, receivedOn: 'x' }, CAL)).toThrow(/^receivedOn: /);
    expect(() => sortDecisionOk({ ...base, decidedOn: 'x' }, CAL)).toThrow(/^decidedOn: /);
    expect(() => sortDecisionOk({ ...base, decidedOn: '2026-09-19' }, CAL)).toThrow(
      /^decidedOn: must not be before/,
    );
  });
});

describe('isRepeatAfterReview', () => {
  it('concluded at 复核 and raised on the same facts and grounds: not accepted again', () => {
    expect(isRepeatAfterReview({ concludedAt: 'recheck' }, true)).toBe(true);
  });
  it('new facts or grounds, or concluded before 复核: may be accepted', () => {
    expect(isRepeatAfterReview({ concludedAt: 'recheck' }, false)).toBe(false);
    expect(isRepeatAfterReview({ concludedAt: 'review' }, true)).toBe(false);
    expect(isRepeatAfterReview({ concludedAt: 'handling' }, true)).toBe(false);
  });
  it('refuses bad input', () => {
    expect(() => isRepeatAfterReview({ concludedAt: 'x' as never }, true)).toThrow(/^concludedAt: /);
    expect(() => isRepeatAfterReview(null as never, true)).toThrow(/^prior: /);
    expect(() => isRepeatAfterReview({ concludedAt: 'recheck' }, 'yes' as never)).toThrow(
      /^sameFactsAndGrounds: /,
    );
  });
});

describe('alreadyInHand', () => {
  const prior = { acceptedOn: '2026-03-02', extensionDays: 0 };
  it('raised again within the limit of an accepted matter: in hand', () => {
    expect(alreadyInHand(prior, '2026-03-02', CAL)).toBe(true);
    expect(alreadyInHand(prior, '2026-05-06', CAL)).toBe(true);
  });
  it('after the limit, before acceptance, or after conclusion: not in hand', () => {
    expect(alreadyInHand(prior, '2026-05-07', CAL)).toBe(false);
    expect(alreadyInHand(prior, '2026-03-01', CAL)).toBe(false);
    expect(alreadyInHand({ ...prior, concludedOn: '2026-04-01' }, '2026-04-01', CAL)).toBe(false);
    expect(alreadyInHand({ ...prior, concludedOn: '2026-04-01' }, '2026-03-31', CAL)).toBe(true);
  });
  it('refuses bad input', () => {
    expect(() => alreadyInHand(null as never, '2026-03-02', CAL)).toThrow(/^prior: /);
    expect(() => alreadyInHand({ ...prior, acceptedOn: 'x' }, '2026-03-02', CAL)).toThrow(/^acceptedOn: /);
    expect(() => alreadyInHand({ ...prior, extensionDays: 40 }, '2026-03-02', CAL)).toThrow(
      /^extensionDays: /,
    );
    expect(() => alreadyInHand(prior, 'x', CAL)).toThrow(/^raisedOn: /);
    expect(() => alreadyInHand({ ...prior, concludedOn: 'x' }, '2026-03-02', CAL)).toThrow(/^concludedOn: /);
  });
});

describe('idCardValid', () => {
  it('accepts valid IDs, X as check character in either case', () => {
    expect(idCardValid('11010519491231002X')).toBe(true);
    expect(idCardValid('11010519491231002x')).toBe(true);
    expect(idCardValid('430528198503151231')).toBe(true);
    expect(idCardValid('430528200002290049')).toBe(true);
    expect(idCardValid('430528190001010010')).toBe(true);
  });
  it('refuses a wrong check character', () => {
    expect(idCardValid('110105194912310021')).toBe(false);
    expect(idCardValid('430528198503151232')).toBe(false);
  });
  it('refuses an impossible birth date or one before 1900, even with a right check character', () => {
    expect(idCardValid('430528190002290042')).toBe(false); // 1900 was not a leap year
    expect(idCardValid('430528198502301234')).toBe(false); // 30 February
    expect(idCardValid('430528189912310016')).toBe(false); // 1899
  });
  it('refuses wrong length, letters, a leading zero and non-strings', () => {
    expect(idCardValid('43052819850315123')).toBe(false);
    expect(idCardValid('4305281985031512311')).toBe(false);
    expect(idCardValid('43052819850315123A')).toBe(false);
    expect(idCardValid('030528198503151237')).toBe(false); // checksum right, area code starts with 0
    expect(idCardValid(430528198503151231 as never)).toBe(false);
  });
});

describe('textSimilarity', () => {
  it('identical texts score 1, whatever the spacing and punctuation', () => {
    expect(textSimilarity('反映拖欠工资问题', '反映 拖欠工资问题。')).toBe(1);
  });
  it('unrelated texts score 0', () => {
    expect(textSimilarity('反映拖欠工资', '道路维修申请')).toBe(0);
  });
  it('is the Dice coefficient of character bigrams', () => {
    // 拖欠工资: 拖欠 欠工 工资; 拖欠工程款: 拖欠 欠工 工程 程款 → 2·2 / (3 + 4)
    expect(textSimilarity('拖欠工资', '拖欠工程款')).toBeCloseTo(4 / 7);
  });
  it('counts repeated bigrams as many times as they appear in both', () => {
    // 哈哈哈: 哈哈 ×2; 哈哈: 哈哈 ×1 → 2·1 / (2 + 1)
    expect(textSimilarity('哈哈哈', '哈哈')).toBeCloseTo(2 / 3);
  });
  it('normalises full-width letters and digits and case', () => {
    expect(textSimilarity('ＡＢＣ１２３', 'abc123')).toBe(1);
  });
  it('one-character texts are similar only when equal; empty texts score 0', () => {
    expect(textSimilarity('地', '地')).toBe(1);
    expect(textSimilarity('地', '地址')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('。', '')).toBe(0);
  });
  it('refuses non-strings', () => {
    expect(() => textSimilarity(1 as never, 'a')).toThrow(/^a: /);
    expect(() => textSimilarity('a', null as never)).toThrow(/^b: /);
  });
});

describe('samePetitioner', () => {
  const zhang = { name: '张三', idNumber: '11010519491231002X', phone: '139 0000 1111' };
  it('same name and ID number, ID case and spaces ignored', () => {
    expect(samePetitioner(zhang, { name: '张 三', idNumber: ' 11010519491231002x ' })).toBe(true);
  });
  it('same name and phone, separators ignored', () => {
    expect(samePetitioner(zhang, { name: '张三', phone: '139-0000-1111' })).toBe(true);
  });
  it('same name alone is not enough', () => {
    expect(samePetitioner(zhang, { name: '张三' })).toBe(false);
    expect(samePetitioner({ name: '张三' }, { name: '张三' })).toBe(false);
    expect(samePetitioner(zhang, { name: '张三', idNumber: null, phone: '13900001112' })).toBe(false);
  });
  it('a different or blank name never matches', () => {
    expect(samePetitioner(zhang, { ...zhang, name: '李四' })).toBe(false);
    expect(samePetitioner({ ...zhang, name: ' ' }, { ...zhang, name: '' })).toBe(false);
  });
  it('refuses bad input', () => {
    expect(() => samePetitioner(null as never, zhang)).toThrow(/^a: /);
    expect(() => samePetitioner(zhang, 1 as never)).toThrow(/^b: /);
    expect(() => samePetitioner({ name: 1 as never }, zhang)).toThrow(/^a\.name: /);
    expect(() => samePetitioner(zhang, { name: null as never })).toThrow(/^b\.name: /);
  });
});

describe('repeatCandidate', () => {
  const p = { name: '张三', phone: '13900001111' };
  it('the same petitioner is a candidate whatever the content', () => {
    expect(repeatCandidate({ petitioner: p, content: '甲' }, { petitioner: p, content: '乙' })).toEqual({
      samePetitioner: true,
      similarity: 0,
      candidate: true,
    });
  });
  it('similar content (0.6 or more) from someone else is a candidate; less is not', () => {
    const q = { name: '李四' };
    const same = repeatCandidate(
      { petitioner: q, content: '拖欠工资问题' },
      { petitioner: p, content: '拖欠工资问题' },
    );
    expect(same.candidate).toBe(true);
    const low = repeatCandidate(
      { petitioner: q, content: '拖欠工资' },
      { petitioner: p, content: '拖欠工程款' },
    );
    expect(low).toMatchObject({ samePetitioner: false, candidate: false });
  });
  it('refuses bad input', () => {
    expect(() => repeatCandidate(null as never, { petitioner: p, content: '' })).toThrow(/^item: /);
    expect(() => repeatCandidate({ petitioner: p, content: '' }, null as never)).toThrow(/^existing: /);
  });
});

describe('mayAssign', () => {
  const recusals = [{ staffId: 's1', reason: 'relative' as const }];
  it('a recused member cannot be assigned, anyone else can', () => {
    expect(mayAssign('s1', recusals)).toBe(false);
    expect(mayAssign('s2', recusals)).toBe(true);
    expect(mayAssign('s1', [])).toBe(true);
  });
  it('refuses bad input', () => {
    expect(() => mayAssign(1 as never, [])).toThrow(/^staffId: /);
    expect(() => mayAssign('s1', null as never)).toThrow(/^recusals: /);
    expect(() => mayAssign('s1', [null as never])).toThrow(/^recusals\[0\]: /);
  });
});

describe('petition data', () => {
  it('labels and defaults', () => {
    expect(SORT_DECISION_LABELS.reject).toBe('不予受理');
    expect(PETITION_DEADLINE_LABELS.conclude).toBe('办结期限');
    expect(DEFAULT_PETITION_LIMITS).toMatchObject({
      decisionDays: 15,
      completionDays: 60,
      maxExtensionDays: 30,
    });
    expect(URGENT_REPORT_TO).toContain('国家信访局');
    expect(URGENT_NOTIFY).toContain('信访工作联席会议办公室');
  });
});
