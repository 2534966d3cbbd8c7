// §4 Petitions (信访): the time limits of the 2022 《信访工作条例》 counted as in §0, what may be
// forwarded where, group visits, the next deadline of a case, and the checks at registration.

import type { CalendarData } from './calendar';
import { addDaysPeriod, addWorkdays } from './calendar';
import type { ISODate } from './dates';
import { checkDate, isISODate, toDayNumber } from './dates';
import type { RuleId } from './rule-texts';
import type { DeadlineState } from './supervision';
import { deadlineState } from './supervision';
import {
  checkArray,
  checkBoolean,
  checkInteger,
  checkObject,
  checkOneOf,
  checkString,
  fail,
} from './validate';

/** The limits are settings (a province may be stricter); these are the national defaults. */
export type PetitionLimits = {
  decisionDays: number; // PET-2
  objectionWorkdays: number; // PET-3
  completionDays: number; // PET-4 (申诉求决类; other categories have their own setting)
  maxExtensionDays: number; // PET-4
  reviewRequestDays: number; // PET-5
  reviewAnswerDays: number; // PET-5
};

export const DEFAULT_PETITION_LIMITS: Readonly<PetitionLimits> = {
  decisionDays: 15,
  objectionWorkdays: 5,
  completionDays: 60,
  maxExtensionDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
};

function checkLimits(value: unknown): PetitionLimits {
  const o = value === undefined ? {} : checkObject(value, 'limits');
  const limits = { ...DEFAULT_PETITION_LIMITS };
  for (const key of Object.keys(DEFAULT_PETITION_LIMITS) as (keyof PetitionLimits)[]) {
    if (o[key] !== undefined) limits[key] = checkInteger(o[key], `limits.${key}`, 1, 365);
  }
  return limits;
}

// PET-2: sorted (and the petitioner told) within 15 days of receipt
export function petitionDecisionDue(receivedOn: ISODate, cal: CalendarData): ISODate {
  return addDaysPeriod(checkDate(receivedOn, 'receivedOn'), DEFAULT_PETITION_LIMITS.decisionDays, cal);
}

// PET-3: an objection within 5 working days, the day of receipt not counted
export function objectionDue(receivedOn: ISODate, cal: CalendarData): ISODate {
  return addWorkdays(checkDate(receivedOn, 'receivedOn'), DEFAULT_PETITION_LIMITS.objectionWorkdays, cal);
}

// PET-3: a responsible unit may object only to a case sent to it (转送/交办) that it has not yet
// accepted; once it has accepted, the case is its own.
export function objectionOpen(p: { state: string; acceptedOn?: string | null }): boolean {
  return (p.state === 'forwarded' || p.state === 'handed_down') && !p.acceptedOn;
}

// PET-4: concluded within 60 days of acceptance, plus one extension of at most 30 days
export function petitionCompletionDue(
  acceptedOn: ISODate,
  extensionDays: number,
  cal: CalendarData,
): ISODate {
  return completionDue(acceptedOn, extensionDays, cal, DEFAULT_PETITION_LIMITS);
}

function completionDue(
  acceptedOn: ISODate,
  extensionDays: unknown,
  cal: CalendarData,
  l: PetitionLimits,
): ISODate {
  checkDate(acceptedOn, 'acceptedOn');
  const x = checkInteger(extensionDays, 'extensionDays', 0, l.maxExtensionDays);
  return addDaysPeriod(acceptedOn, l.completionDays + x, cal);
}

// PET-5: 复查 (or 复核) requested within 30 days of receiving the written reply (or the 复查 answer)
export function reviewRequestDue(replyReceivedOn: ISODate, cal: CalendarData): ISODate {
  return addDaysPeriod(
    checkDate(replyReceivedOn, 'replyReceivedOn'),
    DEFAULT_PETITION_LIMITS.reviewRequestDays,
    cal,
  );
}

// PET-5: answered within 30 days of receiving the request
export function reviewAnswerDue(requestReceivedOn: ISODate, cal: CalendarData): ISODate {
  return addDaysPeriod(
    checkDate(requestReceivedOn, 'requestReceivedOn'),
    DEFAULT_PETITION_LIMITS.reviewAnswerDays,
    cal,
  );
}

// PET-6: an informant's report is never forwarded or handed down to a unit it accuses
export function mayForwardTo(p: { informant: boolean; accusedUnitIds: string[] }, unitId: string): boolean {
  const o = checkObject(p, 'p');
  const informant = checkBoolean(o.informant, 'informant');
  const accused = checkArray(o.accusedUnitIds, 'accusedUnitIds');
  checkString(unitId, 'unitId');
  return !(informant && accused.includes(unitId));
}

export const GROUP_VISIT_MAX_REPRESENTATIVES = 5; // PET-12

// PET-12: more than 5 people with a common matter choose at most 5 representatives
export function groupVisitOk(participants: number, representatives: number): boolean {
  const p = checkInteger(participants, 'participants', 1, Number.MAX_SAFE_INTEGER);
  const r = checkInteger(representatives, 'representatives', 0, p);
  return p <= GROUP_VISIT_MAX_REPRESENTATIVES || (r >= 1 && r <= GROUP_VISIT_MAX_REPRESENTATIVES);
}

/** PET-2: the ways a petition can be sorted. 上报 is the report upward of PET-7. */
export type SortDecision = 'forward' | 'hand_down' | 'accept' | 'report_up' | 'reject';

export const SORT_DECISIONS: readonly SortDecision[] = [
  'forward',
  'hand_down',
  'accept',
  'report_up',
  'reject',
];

export const SORT_DECISION_LABELS: Readonly<Record<SortDecision, string>> = {
  forward: '转送',
  hand_down: '交办',
  accept: '受理',
  report_up: '上报',
  reject: '不予受理',
};

/** The dates a case has reached so far; a later stage needs the earlier ones. */
export type PetitionCase = {
  receivedOn: ISODate;
  sortedOn?: ISODate | null; // PET-2 decision taken
  decision?: SortDecision | null; // required with sortedOn
  notifiedOn?: ISODate | null; // petitioner told in writing (PET-2)
  petitionerUnknown?: boolean; // no name or address: no written notice is due
  acceptedOn?: ISODate | null; // start of the PET-4 clock: the unit's acceptance of a 交办 matter; defaults to sortedOn
  extensionDays?: number; // PET-4, 0..30
  concludedOn?: ISODate | null; // 办结 with a 信访处理意见书
  replyReceivedOn?: ISODate | null; // the petitioner received the written reply
  reviewRequestedOn?: ISODate | null; // 复查 request received
  reviewAnsweredOn?: ISODate | null; // the petitioner received the 复查 answer
  recheckRequestedOn?: ISODate | null; // 复核 request received
  recheckAnsweredOn?: ISODate | null; // 复核 answered (final)
  hearingDays?: number; // days spent on a 听证 during 复核, not counted (PET-5)
};

export type PetitionDeadlineKind =
  'sort' | 'notify' | 'conclude' | 'review_request' | 'review_answer' | 'recheck_request' | 'recheck_answer';

export const PETITION_DEADLINE_LABELS: Readonly<Record<PetitionDeadlineKind, string>> = {
  sort: '受理告知期限(转送/交办/受理)',
  notify: '书面告知信访人期限',
  conclude: '办结期限',
  review_request: '信访人申请复查期限',
  review_answer: '复查答复期限',
  recheck_request: '信访人申请复核期限',
  recheck_answer: '复核答复期限',
};

export type PetitionDeadline = {
  kind: PetitionDeadlineKind;
  ruleId: RuleId;
  party: 'bureau' | 'petitioner'; // a petitioner's window is shown, never sent to 督办
  due: ISODate;
  state: DeadlineState;
};

// Stage dates in order; `required` ones must be present before any later stage is recorded.
const STAGES = [
  ['sortedOn', true],
  ['acceptedOn', false],
  ['concludedOn', true],
  ['replyReceivedOn', false],
  ['reviewRequestedOn', true],
  ['reviewAnsweredOn', true],
  ['recheckRequestedOn', true],
  ['recheckAnsweredOn', true],
] as const;

type StageField = (typeof STAGES)[number][0];

function checkStages(o: Record<string, unknown>): Partial<Record<StageField | 'receivedOn', number>> {
  const days: Partial<Record<StageField | 'receivedOn', number>> = {
    receivedOn: toDayNumber(o.receivedOn as ISODate, 'receivedOn'),
  };
  let previous: { field: string; day: number } = { field: 'receivedOn', day: days.receivedOn as number };
  let missing: string | null = null;
  for (const [field, required] of STAGES) {
    if (o[field] == null) {
      if (required && missing === null) missing = field;
      continue;
    }
    if (missing !== null) fail(field, `needs ${missing} first`, o[field]);
    const day = toDayNumber(checkDate(o[field], field));
    if (day < previous.day) fail(field, `must not be before ${previous.field}`, o[field]);
    days[field] = day;
    previous = { field, day };
  }
  return days;
}

// PET-9: the case's next deadline (the earliest one running) and its state; null when none runs
export function petitionNextDeadline(
  c: PetitionCase,
  today: ISODate,
  cal: CalendarData,
  opts?: { soonDays?: number; limits?: Partial<PetitionLimits> },
): PetitionDeadline | null {
  const o = checkObject(c, 'c');
  const options = opts === undefined ? {} : checkObject(opts, 'opts');
  const limits = checkLimits(options.limits);
  const soonDays = options.soonDays === undefined ? 3 : checkInteger(options.soonDays, 'soonDays', 0, 366);
  const now = toDayNumber(today, 'today');
  const stages = checkStages(o);
  const decision = o.sortedOn == null ? null : checkOneOf(o.decision, 'decision', SORT_DECISIONS);
  const notified = o.notifiedOn == null ? null : toDayNumber(checkDate(o.notifiedOn, 'notifiedOn'));
  if (notified !== null && (stages.sortedOn === undefined || notified < stages.sortedOn)) {
    fail('notifiedOn', 'must be on or after sortedOn', o.notifiedOn);
  }
  const unknown =
    o.petitionerUnknown === undefined ? false : checkBoolean(o.petitionerUnknown, 'petitionerUnknown');
  const extension = o.extensionDays === undefined ? 0 : o.extensionDays;
  const hearing = o.hearingDays === undefined ? 0 : checkInteger(o.hearingDays, 'hearingDays', 0, 3650);
  const receivedOn = o.receivedOn as ISODate;

  const running: Omit<PetitionDeadline, 'state'>[] = [];
  const bureau = (kind: PetitionDeadlineKind, ruleId: RuleId, due: ISODate) =>
    running.push({ kind, ruleId, party: 'bureau', due });
  // A petitioner's window that has passed is over: the case is final, nothing runs.
  const petitioner = (kind: PetitionDeadlineKind, due: ISODate) => {
    if (now <= toDayNumber(due)) running.push({ kind, ruleId: 'PET-5', party: 'petitioner', due });
  };

  const decisionDue = addDaysPeriod(receivedOn, limits.decisionDays, cal);
  if (decision === null) {
    bureau('sort', 'PET-2', decisionDue);
  } else {
    if (notified === null && !unknown) bureau('notify', 'PET-2', decisionDue);
    if ((decision === 'accept' || decision === 'hand_down') && o.concludedOn == null) {
      const start = (o.acceptedOn ?? o.sortedOn) as ISODate;
      bureau('conclude', 'PET-4', completionDue(start, extension, cal, limits));
    }
  }
  if (o.recheckRequestedOn != null) {
    if (o.recheckAnsweredOn == null) {
      bureau(
        'recheck_answer',
        'PET-5',
        addDaysPeriod(o.recheckRequestedOn as ISODate, limits.reviewAnswerDays + hearing, cal),
      );
    }
  } else if (o.reviewAnsweredOn != null) {
    petitioner(
      'recheck_request',
      addDaysPeriod(o.reviewAnsweredOn as ISODate, limits.reviewRequestDays, cal),
    );
  } else if (o.reviewRequestedOn != null) {
    bureau(
      'review_answer',
      'PET-5',
      addDaysPeriod(o.reviewRequestedOn as ISODate, limits.reviewAnswerDays, cal),
    );
  } else if (o.replyReceivedOn != null) {
    petitioner('review_request', addDaysPeriod(o.replyReceivedOn as ISODate, limits.reviewRequestDays, cal));
  }

  if (running.length === 0) return null;
  const next = running.reduce((a, b) => (toDayNumber(b.due) < toDayNumber(a.due) ? b : a));
  return { ...next, state: deadlineState(next.due, today, cal, soonDays) };
}

export type SortCheck = {
  decision: SortDecision;
  reason?: string; // 不予受理: the reason told to the petitioner
  unitId?: string | null; // 转送 / 交办: the receiving unit
  informant: boolean;
  accusedUnitIds: string[];
  receivedOn: ISODate;
  decidedOn: ISODate;
};

export type SortProblem = {
  ruleId: RuleId;
  code: 'reason_required' | 'unit_required' | 'accused_unit';
};

// PET-2, PET-6, PET-8: a sorting decision is complete and allowed; `late` (after the 15 days) only warns
export function sortDecisionOk(
  d: SortCheck,
  cal: CalendarData,
): { ok: boolean; problems: SortProblem[]; due: ISODate; late: boolean } {
  const o = checkObject(d, 'd');
  const decision = checkOneOf(o.decision, 'decision', SORT_DECISIONS);
  const due = petitionDecisionDue(o.receivedOn as ISODate, cal);
  const decidedOn = toDayNumber(o.decidedOn as ISODate, 'decidedOn');
  if (decidedOn < toDayNumber(o.receivedOn as ISODate))
    fail('decidedOn', 'must not be before receivedOn', o.decidedOn);
  const problems: SortProblem[] = [];
  if (decision === 'reject' && (typeof o.reason !== 'string' || o.reason.trim() === '')) {
    problems.push({ ruleId: 'PET-2', code: 'reason_required' });
  }
  if (decision === 'forward' || decision === 'hand_down') {
    if (typeof o.unitId !== 'string' || o.unitId.trim() === '') {
      problems.push({ ruleId: 'PET-8', code: 'unit_required' });
    } else if (!mayForwardTo(d, o.unitId)) {
      problems.push({ ruleId: 'PET-6', code: 'accused_unit' });
    }
  }
  return { ok: problems.length === 0, problems, due, late: decidedOn > toDayNumber(due) };
}

/** The stage at which a closed matter was concluded. */
export type PetitionStage = 'handling' | 'review' | 'recheck';

// PET-5: concluded at 复核 and raised again on the same facts and grounds → 不再受理 (重复信访)
export function isRepeatAfterReview(
  prior: { concludedAt: PetitionStage },
  sameFactsAndGrounds: boolean,
): boolean {
  const stage = checkOneOf(checkObject(prior, 'prior').concludedAt, 'concludedAt', [
    'handling',
    'review',
    'recheck',
  ] as const);
  return stage === 'recheck' && checkBoolean(sameFactsAndGrounds, 'sameFactsAndGrounds');
}

// PET-10: a matter accepted and still within its limit is not accepted again when raised elsewhere
export function alreadyInHand(
  prior: { acceptedOn: ISODate; extensionDays: number; concludedOn?: ISODate | null },
  raisedOn: ISODate,
  cal: CalendarData,
): boolean {
  const o = checkObject(prior, 'prior');
  const accepted = toDayNumber(o.acceptedOn as ISODate, 'acceptedOn');
  const due = toDayNumber(petitionCompletionDue(o.acceptedOn as ISODate, o.extensionDays as number, cal));
  const raised = toDayNumber(raisedOn, 'raisedOn');
  const concluded = o.concludedOn == null ? null : toDayNumber(checkDate(o.concludedOn, 'concludedOn'));
  return raised >= accepted && raised <= due && (concluded === null || raised < concluded);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

// PET-10: an 18-digit resident ID (GB 11643-1999): area, a real birth date, and the check character
export function idCardValid(id: string): boolean {
  if (typeof id !== 'string' || !/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || !isISODate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

function normalizeText(s: string): string {
  return Array.from(s.normalize('NFKC').toLowerCase())
    .filter((ch) => /[\u3400-\u4dbf\u4e00-\u9fffa-z0-9]/.test(ch))
    .join('');
}

// PET-10: similarity of two contents, 0..1: Dice coefficient of character bigrams, ignoring spaces
// and punctuation. Texts of one character count as similar only when equal; two empty texts score 0.
export function textSimilarity(a: string, b: string): number {
  const x = normalizeText(checkString(a, 'a'));
  const y = normalizeText(checkString(b, 'b'));
  if (x === y) return x.length > 0 ? 1 : 0;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const g = x.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const g = y.slice(i, i + 2);
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

export type PetitionerKey = { name: string; idNumber?: string | null; phone?: string | null };

// PET-10: the same petitioner is the same name plus the same ID number or the same phone
export function samePetitioner(a: PetitionerKey, b: PetitionerKey): boolean {
  const p = checkObject(a, 'a');
  const q = checkObject(b, 'b');
  const name = (v: unknown, field: string) => checkString(v, field).replace(/\s+/g, '');
  if (name(p.name, 'a.name') === '' || name(p.name, 'a.name') !== name(q.name, 'b.name')) return false;
  const id = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : '');
  const phone = (v: unknown) => (typeof v === 'string' ? v.replace(/\D/g, '') : '');
  return (
    (id(p.idNumber) !== '' && id(p.idNumber) === id(q.idNumber)) ||
    (phone(p.phone) !== '' && phone(p.phone) === phone(q.phone))
  );
}

export const REPEAT_SIMILARITY = 0.6; // PET-10: contents this similar or more are offered as 重复件

// PET-10: should registration offer to link the new item to the existing case?
export function repeatCandidate(
  item: { petitioner: PetitionerKey; content: string },
  existing: { petitioner: PetitionerKey; content: string },
): { samePetitioner: boolean; similarity: number; candidate: boolean } {
  const a = checkObject(item, 'item');
  const b = checkObject(existing, 'existing');
  const same = samePetitioner(a.petitioner as PetitionerKey, b.petitioner as PetitionerKey);
  const similarity = textSimilarity(a.content as string, b.content as string);
  return { samePetitioner: same, similarity, candidate: same || similarity >= REPEAT_SIMILARITY };
}

export type Recusal = { staffId: string; reason: 'self' | 'relative' | 'interest' };

// PET-13: a recused staff member cannot be assigned to the case
export function mayAssign(staffId: string, recusals: readonly Recusal[]): boolean {
  checkString(staffId, 'staffId');
  return !checkArray(recusals, 'recusals').some(
    (r, i) => checkObject(r, `recusals[${i}]`).staffId === staffId,
  );
}

// PET-7: who hears of a major or urgent matter at once
export const URGENT_REPORT_TO: readonly string[] = ['县委', '县政府', '上一级信访部门', '国家信访局'];
export const URGENT_NOTIFY: readonly string[] = ['有关主管部门', '信访工作联席会议办公室'];
