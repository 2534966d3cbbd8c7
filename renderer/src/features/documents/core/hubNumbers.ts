// DOC-3 with several PCs (sync/numbers.ts): with sync on, 局长签发 leaves the document signed and
// 待编号 (docNumber null, numberYear the year of signing); the hub gives the number when this PC
// is online, and the audited system command 编号 writes it and records it as used (docNumbers).
import { formatDocNumber } from '../../../../../shared/rules';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { insert, update } from '../../../db/repo';
import type { IncomingDoc, OutgoingDoc } from '../../../db/schema/documents';
import { PENDING_NUMBER } from '../../../sync/numbers';
import type { Numbering, PendingRecord } from '../../../sync/numbers';
import { seqNumbering } from '../../../sync/seqNumbering';

import { incomingRegNo } from './incoming';

// Signed and waiting for its number from the hub.
export function isNumberPending(doc: Pick<OutgoingDoc, 'status' | 'docNumber'>): boolean {
  return (doc.status === 'signed' || doc.status === 'issued') && !doc.docNumber;
}

// The number as screens and prints show it: 待编号 while it waits, '' before 签发.
export function docNumberText(doc: Pick<OutgoingDoc, 'status' | 'docNumber'>): string {
  return doc.docNumber ?? (isNumberPending(doc) ? PENDING_NUMBER : '');
}

export async function topDocSeq(prefix: string, year: number): Promise<number> {
  const used = await db.docNumbers.where('[prefix+year]').equals([prefix, year]).toArray();
  return used.reduce((m, u) => Math.max(m, u.seq), 0);
}

export const numberOutgoing = defineCommand({
  what: '发文编号',
  perm: 'documents.manage',
  tables: (d) => [d.outgoingDocs, d.docNumbers],
  run: async ({ actor }, id: string, seq: number): Promise<OutgoingDoc | null> => {
    const doc = await db.outgoingDocs.get(id);
    if (!doc || !isNumberPending(doc) || !doc.numberYear) return null;
    const year = doc.numberYear;
    const number = formatDocNumber(doc.prefix, year, seq);
    await insert(
      db.docNumbers,
      { prefix: doc.prefix, year, seq, number, outgoingId: doc.id },
      actor,
      `文号 ${number}（由同步中心分配）`,
    );
    return update(
      db.outgoingDocs,
      doc.id,
      { docNumber: number, numberSeq: seq },
      actor,
      `编号 ${number}（由同步中心分配）`,
    );
  },
});

export const outgoingNumbering: Numbering = {
  table: 'outgoingDocs',
  async pending(): Promise<PendingRecord[]> {
    // a document waiting for its number cannot be issued: the signed ones are all (and few)
    const rows = await db.outgoingDocs.where('status').equals('signed').toArray();
    return rows
      .filter((d) => isLive(d) && isNumberPending(d) && !!d.numberYear)
      .map((d) => ({
        table: 'outgoingDocs',
        id: d.id,
        series: d.prefix,
        year: d.numberYear as number,
        at: d.createdAt,
      }));
  },
  localTop: topDocSeq,
  apply: async (rec, seq, actor) => {
    await numberOutgoing(rec.id, seq, actor);
  },
};

// DOC-1 收文 with several PCs (sync/seqNumbering.ts): registered 待编号 with a negative seq of its
// own ([year+seq] is a unique index), numbered 收文〔year〕n号 on the hub.
export const incomingNumbering = seqNumbering<IncomingDoc>({
  table: 'incomingDocs',
  what: '收文编号',
  series: 'incoming',
  fields: (d, seq) => ({ regNo: incomingRegNo(d.year, seq) }),
});
