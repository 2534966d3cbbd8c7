import { describe, expect, it } from 'vitest';

import type { CalendarData } from './calendar';
import { checkLeaveDraft, checkTripDraft, DRAFT_MESSAGES, spanText } from './drafts';
import type { ExistingRequest, LeaveDraftInput, TripDraftInput } from './drafts';

// no holidays: Monday to Friday are working days (2026-06-08 is a Monday)
const CAL: CalendarData = { holidays: [], workdays: [] };

const leave = (o: Partial<LeaveDraftInput> = {}): LeaveDraftInput => ({
  staffId: 's',
  leaveType: 'personal',
  startDate: '2026-06-08',
  startHalf: 'am',
  endDate: '2026-06-08',
  endHalf: 'pm',
  reason: '看病',
  ...o,
});
const trip = (o: Partial<TripDraftInput> = {}): TripDraftInput => ({
  staffId: 's',
  tripKind: 'official',
  destination: '长沙',
  purpose: '开会',
  startDate: '2026-06-08',
  startHalf: 'am',
  endDate: '2026-06-09',
  endHalf: 'pm',
  decisionId: null,
  ...o,
});
const other: ExistingRequest = {
  number: '请〔2026〕1号',
  startDate: '2026-06-08',
  startHalf: 'pm',
  endDate: '2026-06-09',
  endHalf: 'am',
};

describe('spanText', () => {
  it('reads the span with 上午 and 下午', () => {
    expect(spanText(other)).toBe('2026-06-08下午至2026-06-09上午');
  });
});

describe('checkLeaveDraft', () => {
  it('passes a complete draft and gives its length in working days', () => {
    expect(checkLeaveDraft(leave(), CAL, [])).toEqual({ issues: [], days: 1 });
  });
  it('names every missing field in order, the dates with LV-1', () => {
    const r = checkLeaveDraft(
      leave({ staffId: '', leaveType: '', startDate: '', endDate: 'x', reason: ' ' }),
      CAL,
      [],
    );
    expect(r).toEqual({
      issues: [
        { field: 'staffId', message: DRAFT_MESSAGES.noApplicant },
        { field: 'leaveType', message: DRAFT_MESSAGES.noType },
        { field: 'start', message: DRAFT_MESSAGES.noStart, ruleId: 'LV-1' },
        { field: 'end', message: DRAFT_MESSAGES.noEnd, ruleId: 'LV-1' },
        { field: 'reason', message: DRAFT_MESSAGES.noReason },
      ],
      days: null,
    });
  });
  it('refuses an end before the start, also within one day', () => {
    expect(checkLeaveDraft(leave({ endDate: '2026-06-05' }), CAL, []).issues).toEqual([
      { field: 'end', message: DRAFT_MESSAGES.endBeforeStart, ruleId: 'LV-1' },
    ]);
    expect(checkLeaveDraft(leave({ startHalf: 'pm', endHalf: 'am' }), CAL, []).issues[0].message).toBe(
      DRAFT_MESSAGES.endBeforeStart,
    );
    expect(checkLeaveDraft(leave({ startHalf: 'pm', endHalf: 'pm' }), CAL, []).days).toBe(0.5);
  });
  it('refuses a span without a working half-day', () => {
    expect(checkLeaveDraft(leave({ startDate: '2026-06-06', endDate: '2026-06-07' }), CAL, [])).toEqual({
      issues: [{ field: 'end', message: DRAFT_MESSAGES.noWorkday, ruleId: 'LV-1' }],
      days: null,
    });
  });
  it('refuses an overlap with another live leave, naming it', () => {
    expect(checkLeaveDraft(leave(), CAL, [other])).toEqual({
      issues: [
        {
          field: 'start',
          message: '与已有请假 请〔2026〕1号（2026-06-08下午至2026-06-09上午）时间重叠',
          ruleId: 'LV-1',
        },
      ],
      days: 1,
    });
  });
});

describe('checkTripDraft', () => {
  it('passes a complete draft with its length in calendar half-days', () => {
    expect(checkTripDraft(trip(), [], null)).toEqual({ issues: [], days: 2 });
  });
  it('names every missing field in order', () => {
    const r = checkTripDraft(
      trip({ staffId: '', tripKind: '', destination: ' ', startDate: '', purpose: '' }),
      [],
      null,
    );
    expect(r.issues.map((i) => i.field)).toEqual(['staffId', 'tripKind', 'destination', 'start', 'purpose']);
    expect(r.issues.every((i) => i.ruleId === undefined)).toBe(true);
    expect(checkTripDraft(trip({ endDate: '2026-06-01' }), [], null).issues).toEqual([
      { field: 'end', message: DRAFT_MESSAGES.endBeforeStart, ruleId: undefined },
    ]);
  });
  it('refuses an overlap with another live trip', () => {
    expect(checkTripDraft(trip(), [{ ...other, number: '外〔2026〕1号' }], null).issues).toEqual([
      { field: 'start', message: '与已有外出 外〔2026〕1号（2026-06-08下午至2026-06-09上午）时间重叠' },
    ]);
  });
  it('wants a decision of the 局长办公会 for a study trip (TRIP-3)', () => {
    const study = trip({ tripKind: 'study' });
    expect(checkTripDraft(study, [], null).issues).toEqual([
      { field: 'decisionId', message: DRAFT_MESSAGES.noDecision, ruleId: 'TRIP-3' },
    ]);
    const cited = trip({ tripKind: 'study', decisionId: 'd' });
    const bad = [{ field: 'decisionId', message: DRAFT_MESSAGES.badDecision, ruleId: 'TRIP-3' }];
    expect(checkTripDraft(cited, [], null).issues).toEqual(bad);
    expect(checkTripDraft(cited, [], { meetingKind: 'director_office', deleted: true }).issues).toEqual(bad);
    expect(checkTripDraft(cited, [], { meetingKind: 'party_group', deleted: false }).issues).toEqual(bad);
    expect(checkTripDraft(cited, [], { meetingKind: 'director_office', deleted: false }).issues).toEqual([]);
  });
});
