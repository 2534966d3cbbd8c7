// The calendar changed for some years: the circulation deadline (DOC-2) of every document still
// circulating with a deadline in or after the first of them is counted again, on the document and
// on its open circulation rows (registered in register.ts, run in the calendar's transaction).
import { circulationDue } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import type { MovedDeadline, RecomputeCtx, RecomputeResult } from '../../../calendar/recompute';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { update } from '../../../db/repo';

import { isUrgent } from './incoming';

export async function prepareDocumentRecompute(): Promise<(ctx: RecomputeCtx) => Promise<RecomputeResult>> {
  return async ({ years, cal, actor }) => {
    const from = `${String(Math.min(...years)).padStart(4, '0')}-01-01`;
    const open = (
      await db.docCirculations.where('[done+due]').between([0, from], [0, '9999-12-31'], true, true).toArray()
    ).filter(isLive);
    const docIds = [...new Set(open.map((c) => c.docId))];
    const docs = (await db.incomingDocs.bulkGet(docIds)).filter((d) => d && isLive(d));
    const moved: MovedDeadline[] = [];
    for (const doc of docs) {
      const due = circulationDue(doc!.receivedOn, isUrgent(doc!.urgency), cal);
      const rows = open.filter((c) => c.docId === doc!.id && c.due !== due);
      if (rows.length === 0 && doc!.circulationDue === due) continue;
      const summary = `工作日历变更，重算传阅期限：${doc!.circulationDue ?? rows[0]?.due ?? '无'} → ${due}`;
      for (const c of rows) await update(db.docCirculations, c.id, { due }, actor, summary);
      if (doc!.circulationDue !== due)
        await update(db.incomingDocs, doc!.id, { circulationDue: due }, actor, summary);
      moved.push({
        module: '公文',
        title: `${doc!.regNo} ${doc!.title}`,
        before: doc!.circulationDue ?? rows[0]?.due ?? null,
        after: due,
        link: href('documents', 'incoming', doc!.id),
      });
    }
    return { checked: docs.length, moved };
  };
}
