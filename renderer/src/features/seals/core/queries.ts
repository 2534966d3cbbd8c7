// The 印章 module's reads: plain data for the screens, the to-dos and the export.
import type { ApprovalRequest } from '../../../approvals/types';
import { db } from '../../../db/db';
import { live, liveOnly } from '../../../db/live';
import type { Seal, SealUse } from '../../../db/schema/documents';

// Every seal kept, the ones in use first, then by name.
export async function listSeals(): Promise<Seal[]> {
  return liveOnly(await db.seals.toArray()).sort(
    (a, b) => a.status.localeCompare(b.status) || a.name.localeCompare(b.name),
  );
}

// One year's seal uses, newest request first (index [year+requestedOn]).
export async function sealUsesOfYear(year: number): Promise<SealUse[]> {
  return live(db.sealUses.where('[year+requestedOn]').between([year, ''], [year, '9999'], true, true))
    .reverse()
    .toArray();
}

// What a person sees of a year's uses: the keeper and the 局长 all, others their own and the pending.
export async function visibleSealUses(
  year: number,
  viewer: { staffId: string; roles: readonly string[]; keep: boolean },
): Promise<SealUse[]> {
  return (await sealUsesOfYear(year)).filter(
    (u) =>
      viewer.keep ||
      u.requesterId === viewer.staffId ||
      u.status === 'pending' ||
      viewer.roles.includes('director'),
  );
}

export async function approvalOf(id: string | null | undefined): Promise<ApprovalRequest | undefined> {
  return id ? db.approvals.get(id) : undefined;
}

// Consented uses waiting for the keeper's stamp (待用印).
export async function approvedSealUses(): Promise<SealUse[]> {
  return live(db.sealUses.where('status').equals('approved')).toArray();
}

export async function sealsById(): Promise<Map<string, Seal>> {
  return new Map((await db.seals.toArray()).map((s) => [s.id, s]));
}
