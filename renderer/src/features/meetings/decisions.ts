// The read side of meeting decisions for other modules (TRIP-3 study trips, FIN-5 purchases): they
// store a decision's id and look it up here (or read db.meetingDecisions directly). Light: no UI.
import type { ISODate } from '../../../../shared/rules';
import { db } from '../../db/db';
import type { MeetingDecision } from '../../db/schema/meetings';

// A live (not revoked) decision by id, or undefined.
export async function findDecision(id: string | null | undefined): Promise<MeetingDecision | undefined> {
  if (!id) return undefined;
  const d = await db.meetingDecisions.get(id);
  return d && !d.deletedAt ? d : undefined;
}

// A live 局长办公会 decision by id (what TRIP-3 and FIN-5 require), or undefined.
export async function findDirectorDecision(
  id: string | null | undefined,
): Promise<MeetingDecision | undefined> {
  const d = await findDecision(id);
  return d?.meetingKind === 'director_office' ? d : undefined;
}

// How a decision is shown where it is cited: 局长办公会决定〔2026〕5号 同意……
export function decisionLabel(d: Pick<MeetingDecision, 'number' | 'text'>): string {
  return `${d.number} ${d.text}`;
}

// 局长办公会 decisions, newest first, from `since` on (by meeting date).
export async function directorDecisions(
  since: ISODate = '0000-01-01',
  limit = 500,
): Promise<MeetingDecision[]> {
  const list = await db.meetingDecisions
    .where('[meetingKind+meetingDate]')
    .between(['director_office', since], ['director_office', '9999-12-31'], true, true)
    .reverse()
    .limit(limit)
    .toArray();
  return list
    .filter((d) => !d.deletedAt)
    .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.seq - a.seq);
}
