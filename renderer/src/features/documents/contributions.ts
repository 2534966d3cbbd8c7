// Start-up registration of the documents module: approval handlers (outgoing, loan, data request,
// destruction), 工作台 to-dos and the SUP-4 deadlines (circulation, loans, archiving). Light.
import { can } from '../../../../shared/permissions';
import { archiveDue, deadlineState, parseISODate } from '../../../../shared/rules';
import { registerDeadlines, registerTodos } from '../../app/registry';
import type { DeadlineItem, TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerApprovalHandler } from '../../approvals/engine';
import { registerDeadlineRecompute } from '../../calendar/recompute';
import { db } from '../../db/db';
import { isLive } from '../../db/live';
import { registerNumbering } from '../../sync/numbers';

import { archiveYearStatus } from './core/archive';
import { incomingNumbering, outgoingNumbering } from './core/hubNumbers';
import { myPendingCirculations, overdueCirculations } from './core/incoming';
import { onDataRequestFinished, onDestructionFinished, onLoanFinished, overdueLoans } from './core/loans';
import { onOutgoingFinished } from './core/outgoing';
import { incomingAt, incomingDocsById, loansOut, runningCirculations, staffNames } from './core/queries';
import { CIRCULATION_ROLE_LABELS } from './labels';

registerApprovalHandler('outgoing', {
  tables: () => [db.outgoingDocs, db.docNumbers],
  onFinished: onOutgoingFinished,
});
registerApprovalHandler('loan', { tables: () => [db.docLoans], onFinished: onLoanFinished });
registerApprovalHandler('data_request', {
  tables: () => [db.dataRequests],
  onFinished: onDataRequestFinished,
});
registerApprovalHandler('destruction', {
  tables: () => [db.docDestructions],
  onFinished: onDestructionFinished,
});

registerTodos(async ({ user, today, cal }) => {
  const out: TodoItem[] = [];
  // 待阅公文: what I must read or handle, from my own login.
  for (const c of await myPendingCirculations(user.staffId)) {
    out.push({
      id: `doc-read-${c.id}`,
      module: 'documents',
      category: '待阅公文',
      title: `${c.doc.title}（${CIRCULATION_ROLE_LABELS[c.role]}）`,
      detail: `${c.doc.regNo}${c.chaseCount ? ` · 办公室已催办${c.chaseCount}次` : ''}`,
      due: c.due,
      state: deadlineState(c.due, today, cal, 1),
      link: href('documents', 'incoming', c.docId),
    });
  }
  if (user.roles.includes('director')) {
    for (const d of await incomingAt(['proposed']))
      out.push({
        id: `doc-decide-${d.id}`,
        module: 'documents',
        category: '待批办公文',
        title: `${d.regNo} ${d.title}`,
        link: href('documents', 'incoming', d.id),
      });
  }
  const office = can(user.roles, 'documents.manage');
  if (office) {
    const late = await overdueCirculations(today);
    if (late.length) {
      const docs = await incomingDocsById(late.map((c) => c.docId));
      const who = await staffNames(late.map((c) => c.staffId));
      late.forEach((c, i) => {
        out.push({
          id: `doc-chase-${c.id}`,
          module: 'documents',
          category: '传阅逾期（督促）',
          title: `${docs[i]?.title ?? ''}：${who.get(c.staffId)}未阅`,
          due: c.due,
          state: 'overdue',
          link: href('documents', 'incoming', c.docId),
        });
      });
    }
    const waiting = await incomingAt(['registered', 'decided', 'done']);
    const next = { registered: '待拟办', decided: '待分送传阅', done: '待反馈结果' } as Record<
      string,
      string
    >;
    for (const d of waiting)
      out.push({
        id: `doc-office-${d.id}`,
        module: 'documents',
        category: '收文待办',
        title: `${next[d.status]}：${d.regNo} ${d.title}`,
        link: href('documents', 'incoming', d.id),
      });
    const year = parseISODate(today).year - 1;
    const st = await archiveYearStatus(year, today);
    if (st.warning !== 'none')
      out.push({
        id: `doc-archive-${year}`,
        module: 'documents',
        category: '归档提醒',
        title: `${year}年公文须在${st.due}前立卷归档，尚有${st.incomingOpen + st.outgoingOpen}件未归档（DOC-6）`,
        due: st.due,
        state: st.warning === 'overdue' ? 'overdue' : 'due_soon',
        link: href('documents', 'archive'),
      });
  }
  // Overdue loans: the office sees all, a borrower their own.
  const loans = await overdueLoans(today);
  const mine = office ? loans : loans.filter((l) => l.borrowerId === user.staffId);
  const who = await staffNames(mine.map((l) => l.borrowerId));
  for (const l of mine)
    out.push({
      id: `doc-loan-${l.id}`,
      module: 'documents',
      category: '借阅逾期未还',
      title: `${l.docTitle}（${who.get(l.borrowerId)}）`,
      due: l.returnDue,
      state: 'overdue',
      link: href('documents', 'loans'),
    });
  return out;
});

registerDeadlines(async ({ today, cal }) => {
  const out: DeadlineItem[] = [];
  const open = await runningCirculations();
  const docs = await incomingDocsById([...new Set(open.map((c) => c.docId))]);
  const byId = new Map(docs.filter(Boolean).map((d) => [d!.id, d!]));
  const loans = await loansOut();
  const who = await staffNames([...open.map((c) => c.staffId), ...loans.map((l) => l.borrowerId)]);
  for (const c of open) {
    const d = byId.get(c.docId);
    if (!isLive(d)) continue;
    out.push({
      id: c.id,
      kind: '公文传阅',
      title: `${d.regNo} ${d.title}`,
      due: c.due,
      state: deadlineState(c.due, today, cal),
      owner: who.get(c.staffId) ?? '',
      link: href('documents', 'incoming', d.id),
    });
  }
  for (const l of loans)
    out.push({
      id: l.id,
      kind: '借阅归还',
      title: l.docTitle,
      due: l.returnDue,
      state: deadlineState(l.returnDue, today, cal),
      owner: who.get(l.borrowerId) ?? '',
      link: href('documents', 'loans'),
    });
  const thisYear = parseISODate(today).year;
  for (const year of [thisYear - 1, thisYear]) {
    const st = await archiveYearStatus(year, today);
    if (st.incomingOpen + st.outgoingOpen === 0) continue;
    out.push({
      id: `archive-${year}`,
      kind: '归档',
      title: `${year}年公文立卷归档（未归档${st.incomingOpen + st.outgoingOpen}件）`,
      due: archiveDue(year),
      state: deadlineState(archiveDue(year), today, cal, 40),
      owner: '办公室',
      link: href('documents', 'archive'),
    });
  }
  return out;
});

// A year's calendar imported or edited: the circulation deadlines still running are counted again.
registerDeadlineRecompute({
  module: 'documents',
  tables: () => [db.incomingDocs, db.docCirculations],
  prepare: async () => (await import('./core/recompute')).prepareDocumentRecompute(),
});

// Several PCs: with sync on, the hub gives the numbers (sync/numbers.ts).
registerNumbering(outgoingNumbering);
registerNumbering(incomingNumbering.numbering);
