// One case and what hangs on it (steps, audit, 重复件, 重复件待核, reception days), as the signed-in
// user may see it (PET-6, shapeRows / shapeSteps / shapeAudit).
import Dexie from 'dexie';

import type { ISODate } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { getLive, isLive } from '../../../db/live';
import type { AuditEntry } from '../../../db/schema/core';
import type { Petition, PetitionStep, ReceptionDay } from '../../../db/schema/petitions';

import {
  informantAccess,
  informantMatchesOf,
  openIdentityReviews,
  shapeAudit,
  shapeRows,
  shapeSteps,
} from './informant';
import type { IdentityReview, ShownPetition } from './informant';

// ---- one case -----------------------------------------------------------------------------------

// One case as the signed-in user may see it (PET-6); opening it shows the identity of an informant
// case to someone who may see it, which is recorded.
export async function openCase(id: string): Promise<ShownPetition | null> {
  const p = await getLive(db.petitions, id);
  if (!p) return null;
  return (await shapeRows([p], 'case'))[0];
}

export async function caseSteps(id: string): Promise<PetitionStep[]> {
  const [steps, p] = await Promise.all([
    db.petitionSteps.where('[petitionId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
    db.petitions.get(id),
  ]);
  return shapeSteps(steps, p);
}

export async function caseAudit(id: string): Promise<AuditEntry[]> {
  return shapeAudit(await db.audit.where('[table+recordId]').equals(['petitions', id]).toArray());
}

// The 重复件 linked into a case (numbers and dates only: no petitioner is shown, PET-6).
export async function duplicatesOf(id: string): Promise<ShownPetition[]> {
  return shapeRows(await db.petitions.where('duplicateOf').equals(id).toArray(), null);
}

// 重复件待核 of a case, for a viewer who may see at least one of the informant cases its petitioner
// matches (for anyone else: null — the review itself would tell who the informant is).
export async function identityReviewOf(
  id: string,
): Promise<{ review: IdentityReview; case: ShownPetition; matches: ShownPetition[] } | null> {
  const review = (await openIdentityReviews())[id];
  if (!review) return null;
  const p = await db.petitions.get(id);
  if (!isLive(p)) return null;
  const access = await informantAccess();
  const matches = await informantMatchesOf(p, access, true);
  if (!matches.length) return null;
  const [shown, ...rest] = await shapeRows([p, ...matches], 'review', { access });
  return { review, case: shown, matches: rest };
}

// ---- reception days (领导接访/约访) ------------------------------------------------------------------

export type CaseOption = { value: string; label: string };

// The picker of a reception day: the 来访 cases registered on that date, read from the
// [channel+receivedOn+regNo] index; the petitioner masked for informant cases (PET-6).
export async function visitCaseOptions(date: ISODate): Promise<CaseOption[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
  const rows = await db.petitions
    .where('[channel+receivedOn+regNo]')
    .between(['visit', date, Dexie.minKey], ['visit', date, Dexie.maxKey])
    .toArray();
  return (await shapeRows(rows.filter(isLive), 'reception')).map((p) => ({
    value: p.id,
    label: `${p.regNo} ${p.name} ${shortText(p.summary, 12)}`,
  }));
}

// The reception days a case is linked from. A linked case is always of the day's date (checked on
// save, and receivedOn cannot be corrected), so the date index narrows the read to that day and the
// rest is filtered in JS; the table is small anyway (a few hundred rows over years), no index needed.
export async function receptionDaysOfCase(p: Pick<Petition, 'id' | 'receivedOn'>): Promise<ReceptionDay[]> {
  const days = await db.receptionDays.where('date').equals(p.receivedOn).toArray();
  return days.filter((d) => isLive(d) && d.petitionIds?.includes(p.id));
}

// Registration numbers of the cases linked from the listed reception days (one bulk read by id).
export async function linkedCaseNumbers(days: ReceptionDay[]): Promise<Map<string, string>> {
  const ids = [...new Set(days.flatMap((d) => d.petitionIds ?? []))];
  const rows = await db.petitions.bulkGet(ids);
  return new Map(rows.filter((p): p is Petition => !!p).map((p) => [p.id, p.regNo]));
}

function shortText(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}
