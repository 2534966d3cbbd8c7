// §2–3 the checks of a leave or trip request before it is submitted (LV-1..3, TRIP-1, TRIP-3), field
// by field with the Chinese message the form shows and the rule it rests on: the repository refuses
// with the first of them, the form shows them at their fields.
import { tripLengthDays } from './attendance-schedule';
import type { CalendarData } from './calendar';
import type { ISODate } from './dates';
import { isISODate } from './dates';
import type { Half, HalfDay } from './leave';
import { leaveCoversWorkday, leaveLengthDays, sessionsOverlap } from './leave';
import type { RuleId } from './rule-texts';

export type DraftIssue = { field: string; message: string; ruleId?: RuleId };
export type DraftCheck = { issues: DraftIssue[]; days: number | null };

export type DraftSpan = { startDate: string; startHalf: Half; endDate: string; endHalf: Half };
/** A live request of the same person the draft must not overlap (the caller leaves out the withdrawn, refused and deleted). */
export type ExistingRequest = DraftSpan & { number: string };

export type LeaveDraftInput = DraftSpan & { staffId: string; leaveType: string; reason: string };
export type TripDraftInput = DraftSpan & {
  staffId: string;
  tripKind: string;
  destination: string;
  purpose: string;
  decisionId: string | null;
};
/** The 局长办公会 decision a study trip cites (TRIP-3): its kind, and whether it is deleted. */
export type CitedDecision = { meetingKind: string; deleted: boolean };

export const DRAFT_MESSAGES = {
  noApplicant: '请选择请假人',
  noTraveller: '请选择外出人',
  noType: '请选择请假类型',
  noTripKind: '请选择外出类型',
  noStart: '请填写开始日期',
  noEnd: '请填写结束日期',
  endBeforeStart: '结束时间不能早于开始时间',
  noWorkday: '请假时段内没有工作日（休息日、节假日无需请假）',
  noReason: '请填写事由',
  noDestination: '请填写目的地',
  noPurpose: '请填写外出事由',
  noDecision: '赴外地学习、考察须引用局长办公会决定（TRIP-3）',
  badDecision: '所引用的不是局长办公会的决定',
} as const;

const HALF_TEXT: Readonly<Record<Half, string>> = { am: '上午', pm: '下午' };

// 2026-06-11上午至2026-06-12上午
export function spanText(r: DraftSpan): string {
  return `${r.startDate}${HALF_TEXT[r.startHalf]}至${r.endDate}${HALF_TEXT[r.endHalf]}`;
}

const halfDay = (date: string, half: Half): HalfDay => ({ date: date as ISODate, half });

// The span's own checks; the span when it is a valid one (start before end).
function checkSpan(
  d: DraftSpan,
  issues: DraftIssue[],
  ruleId: RuleId | undefined,
): { start: HalfDay; end: HalfDay } | null {
  const start = isISODate(d.startDate);
  const end = isISODate(d.endDate);
  if (!start) issues.push({ field: 'start', message: DRAFT_MESSAGES.noStart, ruleId });
  if (!end) issues.push({ field: 'end', message: DRAFT_MESSAGES.noEnd, ruleId });
  if (!start || !end) return null;
  if (d.endDate < d.startDate || (d.endDate === d.startDate && d.startHalf === 'pm' && d.endHalf === 'am')) {
    issues.push({ field: 'end', message: DRAFT_MESSAGES.endBeforeStart, ruleId });
    return null;
  }
  return { start: halfDay(d.startDate, d.startHalf), end: halfDay(d.endDate, d.endHalf) };
}

function clash(
  span: { start: HalfDay; end: HalfDay },
  others: readonly ExistingRequest[],
): ExistingRequest | undefined {
  return others.find((o) =>
    sessionsOverlap(span, { start: halfDay(o.startDate, o.startHalf), end: halfDay(o.endDate, o.endHalf) }),
  );
}

// LV-1..3: a leave request: who, type, a span with a working half-day not overlapping another
// leave, and the reason; the length in working days when the span is valid.
export function checkLeaveDraft(
  d: LeaveDraftInput,
  cal: CalendarData,
  others: readonly ExistingRequest[],
): DraftCheck {
  const issues: DraftIssue[] = [];
  if (!d.staffId) issues.push({ field: 'staffId', message: DRAFT_MESSAGES.noApplicant });
  if (!d.leaveType) issues.push({ field: 'leaveType', message: DRAFT_MESSAGES.noType });
  let days: number | null = null;
  const span = checkSpan(d, issues, 'LV-1');
  if (span && !leaveCoversWorkday(span.start, span.end, cal)) {
    issues.push({ field: 'end', message: DRAFT_MESSAGES.noWorkday, ruleId: 'LV-1' });
  } else if (span) {
    days = leaveLengthDays(span.start, span.end, cal);
    const c = clash(span, others);
    if (c)
      issues.push({
        field: 'start',
        message: `与已有请假 ${c.number}（${spanText(c)}）时间重叠`,
        ruleId: 'LV-1',
      });
  }
  if (!d.reason.trim()) issues.push({ field: 'reason', message: DRAFT_MESSAGES.noReason });
  return { issues, days };
}

// TRIP-1..3: a trip request: who, kind, destination, a span not overlapping another trip, the
// purpose, and for a study trip (TRIP-3) a decision of the 局长办公会.
export function checkTripDraft(
  d: TripDraftInput,
  others: readonly ExistingRequest[],
  decision: CitedDecision | null | undefined,
): DraftCheck {
  const issues: DraftIssue[] = [];
  if (!d.staffId) issues.push({ field: 'staffId', message: DRAFT_MESSAGES.noTraveller });
  if (!d.tripKind) issues.push({ field: 'tripKind', message: DRAFT_MESSAGES.noTripKind });
  if (!d.destination.trim()) issues.push({ field: 'destination', message: DRAFT_MESSAGES.noDestination });
  let days: number | null = null;
  const span = checkSpan(d, issues, undefined);
  if (span) {
    days = tripLengthDays(span.start, span.end);
    const c = clash(span, others);
    if (c) issues.push({ field: 'start', message: `与已有外出 ${c.number}（${spanText(c)}）时间重叠` });
  }
  if (!d.purpose.trim()) issues.push({ field: 'purpose', message: DRAFT_MESSAGES.noPurpose });
  if (d.tripKind === 'study') {
    if (!d.decisionId)
      issues.push({ field: 'decisionId', message: DRAFT_MESSAGES.noDecision, ruleId: 'TRIP-3' });
    else if (!decision || decision.deleted || decision.meetingKind !== 'director_office')
      issues.push({ field: 'decisionId', message: DRAFT_MESSAGES.badDecision, ruleId: 'TRIP-3' });
  }
  return { issues, days };
}
