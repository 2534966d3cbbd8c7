// The reads behind the petitions' to-dos and deadlines (contributions.ts): the cases that must be
// reported, read by the director or dealt with before their limit. Raw records (the to-dos show
// number and summary only); soft-deleted ones are left out.
import type { ISODate } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { isLive, liveOnly } from '../../../db/live';
import type { Petition } from '../../../db/schema/petitions';

// PET-7: the urgent matters not yet reported.
export async function unreportedUrgentCases(): Promise<Petition[]> {
  return liveOnly(await db.petitions.where('urgentOpen').equals(1).toArray());
}

// The cases whose downgrade or late report waits for the director to read it.
export async function directorNoticeCases(): Promise<Petition[]> {
  return liveOnly(await db.petitions.where('directorNoticeOpen').equals(1).toArray());
}

// The first `limit` cases (in dueOn order) with a running limit on or before `horizon`, and every
// running limit from the earliest on (horizon null); the deleted ones among them left out.
export async function casesDueBy(horizon: ISODate | null, limit: number): Promise<Petition[]> {
  const due = db.petitions.where('dueOn');
  const rows = await (horizon === null ? due.aboveOrEqual('0000') : due.belowOrEqual(horizon))
    .limit(limit)
    .toArray();
  return rows.filter((p) => isLive(p) && !!p.dueOn);
}

// Cases by id, in the order asked (undefined for one not found).
export function casesById(ids: string[]): Promise<(Petition | undefined)[]> {
  return db.petitions.bulkGet(ids);
}
