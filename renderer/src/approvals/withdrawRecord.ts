// Withdrawing the approval request of a record (a claim, a request form, a trip): refused while the
// record is not in approval; the engine then checks that the actor is the applicant.
import type { Table } from 'dexie';

import { DomainError } from '../db/repo';
import type { Actor } from '../db/repo';

import { withdraw } from './engine';

export async function withdrawRecord<T extends { approvalId?: string | null }>(
  table: Table<T, string>,
  id: string,
  notInApproval: string,
  actor: Actor,
): Promise<void> {
  const r = await table.get(id);
  if (!r?.approvalId) throw new DomainError(notInApproval);
  await withdraw(r.approvalId, actor);
}
