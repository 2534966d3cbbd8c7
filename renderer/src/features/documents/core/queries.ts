// The 公文 screens' reads: plain data, every index string here (the screens call these inside
// useLiveQuery). Soft-deleted records are left out through db/live.
import type { ApprovalRequest } from '../../../approvals/types';
import { db } from '../../../db/db';
import { getLive, live } from '../../../db/live';
import type { Section, Staff } from '../../../db/schema/core';
import type {
  DataRequest,
  DocCirculation,
  DocDestruction,
  DocLoan,
  IncomingDoc,
  OutgoingDoc,
} from '../../../db/schema/documents';

import { isNumberPending } from './hubNumbers';

// A record for a detail view: null when it does not exist or was deleted (undefined stays "loading").
export async function incomingDoc(id: string): Promise<IncomingDoc | null> {
  return (await getLive(db.incomingDocs, id)) ?? null;
}

export async function outgoingDoc(id: string | undefined): Promise<OutgoingDoc | null> {
  return (await getLive(db.outgoingDocs, id)) ?? null;
}

export function sectionRecord(id: string | null | undefined): Promise<Section | undefined> {
  return getLive(db.sections, id);
}

export async function staffRecord(id: string): Promise<Staff | undefined> {
  return db.staff.get(id);
}

export async function approvalOf(id: string | null | undefined): Promise<ApprovalRequest | undefined> {
  return id ? db.approvals.get(id) : undefined;
}

// A year's documents not yet filed (归档 tab): 收文 not destroyed and not waiting to be filed,
// 发文 not issued (index [year+archived], [numberYear+archived]).
export async function unfiledOfYear(year: number): Promise<{ inc: IncomingDoc[]; out: OutgoingDoc[] }> {
  const inc = (await live(db.incomingDocs.where('[year+archived]').equals([year, 0])).toArray()).filter(
    (d) => d.status !== 'destroyed' && d.status !== 'reported',
  );
  const out = (await live(db.outgoingDocs.where('[numberYear+archived]').equals([year, 0])).toArray()).filter(
    (d) => d.status !== 'issued',
  );
  return { inc, out };
}

export async function destructionsOfYear(year: number): Promise<DocDestruction[]> {
  return (await live(db.docDestructions.where('year').equals(year)).toArray()).sort((a, b) =>
    b.registeredOn.localeCompare(a.registeredOn),
  );
}

// A year's loans as a person sees them: the office all, others their own and the pending ones.
export async function loansOfYear(
  year: number,
  viewer: { staffId: string; manage: boolean },
): Promise<DocLoan[]> {
  return (await live(db.docLoans.where('year').equals(year)).toArray())
    .filter((l) => viewer.manage || l.borrowerId === viewer.staffId || l.status === 'pending')
    .sort((a, b) => b.borrowedOn.localeCompare(a.borrowedOn));
}

export async function dataRequestsOfYear(year: number): Promise<DataRequest[]> {
  return (await live(db.dataRequests.where('year').equals(year)).toArray()).sort((a, b) =>
    b.receivedOn.localeCompare(a.receivedOn),
  );
}

// 发文 not numbered yet (拟稿, 审批中, 退回, 撤回) as a person sees them, last changed first.
export async function outgoingDrafts(viewer: { staffId: string; manage: boolean }): Promise<OutgoingDoc[]> {
  return (
    (
      await live(
        db.outgoingDocs.where('status').anyOf(['draft', 'in_approval', 'rejected', 'withdrawn', 'signed']),
      ).toArray()
    )
      // signed and still 待编号 (several PCs: the hub gives the number when this PC is online)
      .filter((d) => d.status !== 'signed' || isNumberPending(d))
      .filter((d) => viewer.manage || d.drafterId === viewer.staffId || d.status === 'in_approval')
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  );
}

// One year's numbered 发文, newest number first, `limit + 1` rows (加载更多).
export async function numberedOutgoing(year: number, limit: number): Promise<OutgoingDoc[]> {
  return live(db.outgoingDocs.where('[numberYear+numberSeq]').between([year, 0], [year, Infinity]))
    .reverse()
    .limit(limit + 1)
    .toArray();
}

// ---- reads of the to-dos and deadlines (contributions.ts) -------------------------------------

// Staff names by id ('' for one not found).
export async function staffNames(ids: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)];
  const people = await db.staff.bulkGet(uniq);
  return new Map(uniq.map((id, i) => [id, people[i]?.name ?? '']));
}

// The incoming documents at any of these steps, live ones only.
export async function incomingAt(statuses: IncomingDoc['status'][]): Promise<IncomingDoc[]> {
  return live(db.incomingDocs.where('status').anyOf(statuses)).toArray();
}

// Incoming documents by id, in the order asked (undefined for one not found).
export function incomingDocsById(ids: string[]): Promise<(IncomingDoc | undefined)[]> {
  return db.incomingDocs.bulkGet(ids);
}

// The circulations still running (not done), earliest due first.
export async function runningCirculations(): Promise<DocCirculation[]> {
  return live(
    db.docCirculations.where('[done+due]').between([0, ''], [0, '9999-12-31'], true, true),
  ).toArray();
}

// The loans out (approved, not returned).
export async function loansOut(): Promise<DocLoan[]> {
  return live(db.docLoans.where('status').equals('approved')).toArray();
}
