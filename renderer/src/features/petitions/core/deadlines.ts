// PET-9 / PET-4: the deadlines of a case, from the rules with the office's limits.

import { petitionNextDeadline } from '../../../../../shared/rules';
import type { CalendarData, ISODate, PetitionCase, PetitionDeadline } from '../../../../../shared/rules';
import { isDeleted } from '../../../db/live';
import type { Petition, PetitionState } from '../../../db/schema/petitions';

import { limitsFor } from './settings';
import type { PetitionSettings } from './settings';

// ---- deadlines ---------------------------------------------------------------------------------

export function toCase(p: Petition): PetitionCase {
  return {
    receivedOn: p.receivedOn,
    sortedOn: p.sortedOn ?? null,
    decision: p.decision ?? null,
    // Once concluded, the written reply (信访处理意见书) has told the petitioner: no notice runs.
    notifiedOn: p.notifiedOn ?? p.concludedOn ?? null,
    petitionerUnknown: !!p.petitionerUnknown,
    acceptedOn: p.acceptedOn ?? null,
    extensionDays: p.extensionDays ?? 0,
    concludedOn: p.concludedOn ?? null,
    replyReceivedOn: p.replyReceivedOn ?? null,
    reviewRequestedOn: p.reviewRequestedOn ?? null,
    reviewAnsweredOn: p.reviewAnsweredOn ?? null,
    recheckRequestedOn: p.recheckRequestedOn ?? null,
    recheckAnsweredOn: p.recheckAnsweredOn ?? null,
    hearingDays: p.hearingDays ?? 0,
  };
}

const NO_DEADLINE: readonly PetitionState[] = ['duplicate', 'repeat', 'archived'];

// PET-9: the case's next deadline (null when nothing runs), from the rules with the office's limits.
export function nextDeadlineOf(
  p: Petition,
  cal: CalendarData,
  settings: PetitionSettings,
  on: ISODate,
): PetitionDeadline | null {
  if (NO_DEADLINE.includes(p.state) || isDeleted(p)) return null;
  return petitionNextDeadline(toCase(p), on, cal, {
    soonDays: settings.soonDays,
    limits: limitsFor(p.nature, settings),
  });
}

// The due date stored on the case for 督办 and SUP-4: only what the bureau owes.
export function bureauDue(p: Petition, cal: CalendarData, settings: PetitionSettings, on: ISODate) {
  const d = nextDeadlineOf(p, cal, settings, on);
  return d && d.party === 'bureau' ? { dueOn: d.due, dueKind: d.kind } : { dueOn: null, dueKind: null };
}

// PET-4 completion limit of the case as it stands (for ledgers and the on-time rate).
// Ledgers and statistics ask this for thousands of rows with few distinct inputs: remembered per
// calendar object (a ledger build loads the calendar once).
const completionMemo = new WeakMap<CalendarData, Map<string, ISODate | null>>();

export function completionDueOf(p: Petition, cal: CalendarData, settings: PetitionSettings): ISODate | null {
  if (p.decision !== 'accept' && p.decision !== 'hand_down') return null;
  if (!p.sortedOn) return null;
  const key = `${p.receivedOn}|${p.sortedOn}|${p.acceptedOn ?? ''}|${p.extensionDays ?? 0}|${limitsFor(p.nature, settings).completionDays}|${p.decision}`;
  let memo = completionMemo.get(cal);
  if (!memo) completionMemo.set(cal, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, computeCompletionDue(p, cal, settings));
  return memo.get(key)!;
}

function computeCompletionDue(p: Petition, cal: CalendarData, settings: PetitionSettings): ISODate | null {
  // Only the completion limit: the case as if notified, seen on the day it was received.
  const c: PetitionCase = {
    receivedOn: p.receivedOn,
    sortedOn: p.sortedOn,
    decision: p.decision,
    acceptedOn: p.acceptedOn ?? null,
    extensionDays: p.extensionDays ?? 0,
    notifiedOn: p.sortedOn,
    petitionerUnknown: true,
  };
  const d = petitionNextDeadline(c, p.receivedOn, cal, { limits: limitsFor(p.nature, settings) });
  return d?.kind === 'conclude' ? d.due : null;
}
