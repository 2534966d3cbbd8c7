// 收文 (DOC-1, DOC-2, DOC-4): sign for and register with a running number → 拟办 → 批办 → 传阅/承办
// with the circulation deadline → each reader marks it read from their own login → the office
// chases the late ones → the result goes back to the 局长 → archived. Where the document is (who
// holds it, since when) is kept on the record, with its trail.

import type { CalendarData, ISODate } from '../../../../../shared/rules';
import { circulationDue, isISODate, parseISODate, proposalAuthorship } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { requireActDate } from '../../../db/actDate';
import { nowIso } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isLive } from '../../../db/live';
import { DomainError, insert, logEvent, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type {
  CirculationRole,
  DocCirculation,
  DocSecrecy,
  DocUrgency,
  IncomingDoc,
  IncomingKind,
  IncomingStatus,
} from '../../../db/schema/documents';
import { numberOrPending, seqOrPending, waitingFirst } from '../../../sync/seqNumbering';
import { CIRCULATION_ROLE_LABELS, L } from '../labels';

import { checkArchiveDate } from './archive';
import { officeDirector } from './outgoing';

export type IncomingInput = {
  kind: IncomingKind;
  receivedOn: ISODate;
  issuer: string;
  issuerNumber: string;
  title: string;
  urgency: DocUrgency;
  secrecy: DocSecrecy;
  copies: number;
  copySectionIds?: string[];
};

export function incomingRegNo(year: number, seq: number): string {
  return `收文〔${year}〕${seq}号`;
}

// DOC-2: urgent (加急, 特急) circulates the day it arrives; any other within 5 days.
export function isUrgent(u: DocUrgency): boolean {
  return u !== 'normal';
}

function checkIncoming(input: IncomingInput): void {
  if (!isISODate(input.receivedOn))
    throw new DomainError('请填写收文日期（格式：2026-01-31）', 'receivedOn', 'DOC-1');
  requireActDate(input.receivedOn, 'receivedOn', '收文日期', 'DOC-1');
  if (!input.issuer?.trim()) throw new DomainError('请填写来文单位', 'issuer', 'DOC-1');
  if (!input.title?.trim()) throw new DomainError('请填写文件标题', 'title', 'DOC-1');
  if (!Number.isInteger(input.copies) || input.copies < 1)
    throw new DomainError('份数应为正整数', 'copies', 'DOC-1');
}

async function staffNames(ids: string[]): Promise<string[]> {
  const people = await db.staff.bulkGet(ids);
  return people.map((p, i) => p?.name ?? ids[i]);
}

function trailed(
  doc: IncomingDoc,
  action: string,
  holder: string,
  actor: Actor,
): Pick<IncomingDoc, 'holder' | 'heldSince' | 'trail'> {
  const at = nowIso();
  return {
    holder,
    heldSince: holder === doc.holder ? doc.heldSince : at,
    trail: [...doc.trail, { at, action, byName: actor.name, holder }],
  };
}

async function liveDoc(id: string): Promise<IncomingDoc> {
  const d = await getLive(db.incomingDocs, id);
  if (!d) throw new DomainError('收文记录不存在');
  return d;
}

function requireStatus(doc: IncomingDoc, statuses: IncomingDoc['status'][], message: string): void {
  if (!statuses.includes(doc.status)) throw new DomainError(message, 'status', 'DOC-1');
}

// DOC-1: the office clerk signs for and registers the document with the year's running number.
export const registerIncoming = defineCommand({
  what: '收文登记',
  perm: 'documents.manage',
  tables: (d) => [d.incomingDocs],
  validate: (input: IncomingInput) => {
    checkIncoming(input);
  },
  run: async ({ actor }, input: IncomingInput): Promise<IncomingDoc> => {
    const year = parseISODate(input.receivedOn).year;
    // with sync on: 待编号 (a negative seq of its own: [year+seq] is unique), numbered on the hub
    // later (hubNumbers.ts)
    const seq = await seqOrPending(db.incomingDocs, year, true);
    const regNo = numberOrPending(seq, (n) => incomingRegNo(year, n));
    const at = nowIso();
    const holder = `办公室（${actor.name}）`;
    return insert(
      db.incomingDocs,
      {
        year,
        seq,
        regNo,
        kind: input.kind,
        receivedOn: input.receivedOn,
        receivedById: actor.id,
        issuer: input.issuer.trim(),
        issuerNumber: input.issuerNumber?.trim() ?? '',
        title: input.title.trim(),
        urgency: input.urgency,
        secrecy: input.secrecy,
        copies: input.copies,
        copySectionIds: input.kind === 'letter' ? (input.copySectionIds ?? []) : [],
        status: 'registered',
        holder,
        heldSince: at,
        trail: [
          {
            at,
            action: input.kind === 'letter' ? '办公室拆看、签收登记（DOC-4）' : '签收登记',
            byName: actor.name,
            holder,
          },
        ],
        archived: 0,
        circulationDue: null,
      },
      actor,
      `收文登记 ${regNo}`,
    );
  },
});

export const editIncoming = defineCommand({
  what: '修改收文登记',
  perm: 'documents.manage',
  tables: (d) => [d.incomingDocs],
  validate: (id: string, input: IncomingInput) => {
    checkIncoming(input);
  },
  run: async ({ actor }, id: string, input: IncomingInput): Promise<IncomingDoc> => {
    const doc = await liveDoc(id);
    if (parseISODate(input.receivedOn).year !== doc.year)
      throw new DomainError('收文日期不能改到其他年度（收文编号按年度排列）', 'receivedOn', 'DOC-1');
    if (doc.archived) throw new DomainError('已归档的收文不能修改', 'status', 'DOC-6');
    return update(
      db.incomingDocs,
      id,
      {
        kind: input.kind,
        receivedOn: input.receivedOn,
        issuer: input.issuer.trim(),
        issuerNumber: input.issuerNumber?.trim() ?? '',
        title: input.title.trim(),
        urgency: input.urgency,
        secrecy: input.secrecy,
        copies: input.copies,
        copySectionIds: input.kind === 'letter' ? (input.copySectionIds ?? []) : [],
      },
      actor,
      '修改收文登记',
    );
  },
});

// DOC-1: the office director's proposed handling (拟办意见); the document goes to the 局长. The
// office director (the head of 办公室) records it, or the office clerk records it on their behalf
// (代录, `onBehalfOf` naming the office director): the director is recorded as the author and the
// clerk as the one who typed it in, never the clerk as the author.
export function proposeHandling(
  id: string,
  proposal: string,
  actor: Actor,
  opts: { onBehalfOf?: string | null } = {},
): Promise<IncomingDoc> {
  return proposeHandlingCommand(id, proposal, opts.onBehalfOf ?? null, actor);
}

const proposeHandlingCommand = defineCommand({
  what: '拟办意见',
  perm: null,
  tables: (d) => [d.incomingDocs, d.sections, d.staff],
  run: async (ctx, id: string, proposal: string, onBehalfOf: string | null): Promise<IncomingDoc> => {
    const { actor } = ctx;
    const office = await officeDirector();
    const who = proposalAuthorship({
      actorId: actor.id,
      officeDirectorId: office?.id ?? null,
      onBehalfOfId: onBehalfOf,
      actorKeepsDocuments: ctx.can('documents.manage'),
    });
    if (!who.ok) {
      if (who.problem === 'no_office_director')
        throw new DomainError('找不到办公室主任：请在“系统—组织”中设置办公室负责人', 'proposal', 'DOC-1');
      if (who.problem === 'not_permitted') throw new DomainError('没有权限：代录拟办意见', 'permission');
      throw new DomainError(
        `拟办意见由办公室主任（${office!.name}）提出；代为录入时请注明按其意见代录`,
        'onBehalfOf',
        'DOC-1',
      );
    }
    if (!proposal?.trim()) throw new DomainError('请填写拟办意见', 'proposal', 'DOC-1');
    const dir = (await db.staff.where('rank').equals('director').toArray()).find(
      (s) => s.active && isLive(s),
    );
    const step = who.recordedById
      ? `${actor.name}代录办公室主任（${office!.name}）拟办意见，送局长批办`
      : '办公室主任拟办，送局长批办';
    const doc = await liveDoc(id);
    requireStatus(doc, ['registered', 'proposed'], '该文件已批办，不能再修改拟办意见');
    return update(
      db.incomingDocs,
      id,
      {
        proposal: proposal.trim(),
        proposedById: who.authorId,
        proposalRecordedById: who.recordedById,
        proposedAt: nowIso(),
        status: 'proposed',
        ...trailed(doc, step, dir ? `局长（${dir.name}）` : '局长', actor),
      },
      actor,
      who.recordedById ? `拟办意见（代录，拟办人 ${office!.name}）` : '拟办意见',
    );
  },
});

// Who wrote the 拟办意见, as the screen and the 收文处理单 name them: the author with their own title
// (职务; 办公室主任 for the office director without one), and who typed it in for them (代录). Never a
// role-holder who did not write it.
export type ProposalBy = { author: string; title: string; recordedBy: string | null };

export async function proposalBy(
  doc: Pick<IncomingDoc, 'proposedById' | 'proposalRecordedById'>,
): Promise<ProposalBy | null> {
  if (!doc.proposedById) return null;
  const author = await db.staff.get(doc.proposedById);
  const recorder = doc.proposalRecordedById ? await db.staff.get(doc.proposalRecordedById) : undefined;
  const office = await officeDirector();
  return {
    author: author?.name ?? '',
    title: author?.title?.trim() || (author && office?.id === author.id ? L.officeDirector : ''),
    recordedBy: doc.proposalRecordedById ? (recorder?.name ?? '') : null,
  };
}

export function formatProposalBy(p: ProposalBy): string {
  return `${L.proposer}：${p.author}${p.title ? `（${p.title}）` : ''}${p.recordedBy ? `　${p.recordedBy}${L.recordedFor}` : ''}`;
}

// DOC-1: the 局长's decision (批办). Entered by the 局长, or by the office from the paper.
export const recordDecision = defineCommand({
  what: '登记批办意见',
  perm: null,
  tables: (d) => [d.incomingDocs, d.staff],
  run: async (ctx, id: string, decision: string, decidedById: string): Promise<IncomingDoc> => {
    const { actor } = ctx;
    if (actor.id !== decidedById) ctx.require('documents.manage', '登记批办意见');
    if (!decision?.trim()) throw new DomainError('请填写批办意见', 'decision', 'DOC-1');
    const leader = decidedById ? await db.staff.get(decidedById) : undefined;
    if (!leader || !leader.roles.includes('director'))
      throw new DomainError('批办由局长（书记）作出', 'decidedById', 'DOC-1');
    const doc = await liveDoc(id);
    if (doc.status === 'registered')
      throw new DomainError('请先由办公室主任提出拟办意见', 'decision', 'DOC-1');
    requireStatus(doc, ['proposed', 'decided'], '该文件已分送传阅，不能再修改批办意见');
    return update(
      db.incomingDocs,
      id,
      {
        decision: decision.trim(),
        decidedById,
        decidedAt: nowIso(),
        status: 'decided',
        ...trailed(doc, `局长（${leader.name}）批办，退办公室分送`, '办公室', actor),
      },
      actor,
      '批办意见',
    );
  },
});

function circulationHolder(names: string[]): string {
  return names.length ? `传阅中：${names.join('、')}` : '办公室（传阅完毕）';
}

// DOC-1, DOC-2: circulate to named readers and handlers; the deadline runs from the day of receipt.
export type CirculationPeople = { readers: string[]; handlers: string[] };

export function circulate(
  id: string,
  people: CirculationPeople,
  actor: Actor,
  cal?: CalendarData,
): Promise<DocCirculation[]> {
  return circulateCommand(id, people, cal ?? null, actor);
}

// The calendar (when not given) is read inside the command's transaction.
const circulateCommand = defineCommand({
  what: '分送传阅',
  perm: 'documents.manage',
  tables: (d) => [d.incomingDocs, d.docCirculations, d.staff, d.calendars],
  run: async (
    { actor },
    id: string,
    people: CirculationPeople,
    cal: CalendarData | null,
  ): Promise<DocCirculation[]> => {
    const readers = [...new Set(people.readers)];
    const handlers = [...new Set(people.handlers)];
    if (readers.length + handlers.length === 0)
      throw new DomainError('请选择传阅或承办人员', 'readers', 'DOC-1');
    if (readers.some((r) => handlers.includes(r)))
      throw new DomainError('同一人不能既传阅又承办', 'handlers', 'DOC-1');
    const calendar = cal ?? (await loadCalendar());
    const names = new Map<string, string>();
    for (const s of await db.staff.bulkGet([...readers, ...handlers])) {
      if (!isLive(s) || !s.active) throw new DomainError('所选人员不存在或已停用', 'readers', 'DOC-1');
      names.set(s.id, s.name);
    }
    const doc = await liveDoc(id);
    if (doc.status === 'registered' || doc.status === 'proposed')
      throw new DomainError('请先拟办并经局长批办后再分送传阅', 'readers', 'DOC-1');
    requireStatus(doc, ['decided', 'circulating', 'done'], '该文件已办结，不能再分送');
    const existing = (await db.docCirculations.where('docId').equals(id).toArray()).filter(isLive);
    const already = new Set(existing.map((c) => c.staffId));
    const due = circulationDue(doc.receivedOn, isUrgent(doc.urgency), calendar);
    const at = nowIso();
    const created: DocCirculation[] = [];
    let order = existing.length;
    const add = async (staffId: string, role: CirculationRole) => {
      if (already.has(staffId))
        throw new DomainError(`${names.get(staffId)}已在传阅名单中`, 'readers', 'DOC-1');
      created.push(
        await insert(
          db.docCirculations,
          {
            docId: id,
            staffId,
            role,
            order: order++,
            sentAt: at,
            due,
            done: 0,
            doneAt: null,
            note: '',
            chaseCount: 0,
            lastChasedAt: null,
          },
          actor,
          `${CIRCULATION_ROLE_LABELS[role]}：${names.get(staffId)}`,
        ),
      );
    };
    for (const r of readers) await add(r, 'read');
    for (const h of handlers) await add(h, 'handle');
    const pending = [...existing.filter((c) => !c.done).map((c) => c.staffId), ...readers, ...handlers];
    const pendingNames = await staffNames(pending);
    await update(
      db.incomingDocs,
      id,
      {
        status: 'circulating',
        circulationDue: due,
        circulatedAt: doc.circulatedAt ?? at,
        ...trailed(
          doc,
          `分送${[...readers, ...handlers].map((x) => names.get(x)).join('、')}传阅、承办（期限 ${due}）`,
          circulationHolder(pendingNames),
          actor,
        ),
      },
      actor,
      '分送传阅',
    );
    return created;
  },
});

// A reader marks the document read (or a handler done) from their own login.
export const markCirculationDone = defineCommand({
  what: '登记已阅',
  perm: null,
  tables: (d) => [d.incomingDocs, d.docCirculations, d.staff],
  run: async ({ actor }, circulationId: string, note: string): Promise<DocCirculation> => {
    const c = await getLive(db.docCirculations, circulationId);
    if (!c) throw new DomainError('传阅记录不存在');
    if (c.staffId !== actor.id) throw new DomainError('只能由本人登记已阅', 'staffId', 'DOC-1');
    if (c.done) throw new DomainError('已登记过', 'done');
    if (c.role === 'handle' && !note?.trim()) throw new DomainError('请填写办理情况', 'note', 'DOC-1');
    const doc = await liveDoc(c.docId);
    const saved = await update(
      db.docCirculations,
      c.id,
      { done: 1, doneAt: nowIso(), note: note?.trim() ?? '' },
      actor,
      c.role === 'read' ? '已阅' : '办理完毕',
    );
    const all = (await db.docCirculations.where('docId').equals(c.docId).toArray()).filter(isLive);
    const pending = all.filter((x) => !x.done && x.id !== c.id).map((x) => x.staffId);
    const allDone = pending.length === 0;
    await update(
      db.incomingDocs,
      doc.id,
      {
        status: allDone ? 'done' : doc.status,
        ...trailed(
          doc,
          `${actor.name}${c.role === 'read' ? '已阅' : '办理完毕'}${note?.trim() ? `：${note.trim()}` : ''}`,
          circulationHolder(await staffNames(pending)),
          actor,
        ),
      },
      actor,
      allDone ? '传阅完毕' : '传阅进度',
    );
    return saved;
  },
});

// DOC-1: the office chases a reader who has not read it yet (督促).
export const chaseCirculation = defineCommand({
  what: '催办',
  perm: 'documents.manage',
  tables: (d) => [d.docCirculations],
  run: async ({ actor }, circulationId: string): Promise<DocCirculation> => {
    const c = await getLive(db.docCirculations, circulationId);
    if (!c || c.done) throw new DomainError('该传阅已完成，无需催办');
    return update(
      db.docCirculations,
      c.id,
      { chaseCount: (c.chaseCount ?? 0) + 1, lastChasedAt: nowIso() },
      actor,
      '催办',
    );
  },
});

// DOC-1: the result of the handling goes back to the 局长.
export const reportOutcome = defineCommand({
  what: '反馈办理结果',
  perm: 'documents.manage',
  tables: (d) => [d.incomingDocs],
  validate: (id: string, outcome: string, reportedOn: ISODate) => {
    if (!outcome?.trim()) throw new DomainError('请填写办理结果', 'outcome', 'DOC-1');
    if (!isISODate(reportedOn))
      throw new DomainError('请填写反馈日期（格式：2026-01-31）', 'reportedOn', 'DOC-1');
    requireActDate(reportedOn, 'reportedOn', '反馈日期', 'DOC-1');
  },
  run: async ({ actor }, id: string, outcome: string, reportedOn: ISODate): Promise<IncomingDoc> => {
    const doc = await liveDoc(id);
    if (doc.status !== 'done' && doc.status !== 'reported')
      throw new DomainError('传阅、承办完毕后才能反馈办理结果', 'outcome', 'DOC-1');
    return update(
      db.incomingDocs,
      id,
      {
        outcome: outcome.trim(),
        reportedOn,
        status: 'reported',
        ...trailed(doc, '办理结果反馈局长', '办公室（待归档）', actor),
      },
      actor,
      '办理结果反馈',
    );
  },
});

// DOC-6: file the document (卷号). Only after the result went back to the 局长.
export const archiveIncoming = defineCommand({
  what: '归档',
  perm: 'documents.manage',
  tables: (d) => [d.incomingDocs],
  validate: (_id: string, _ref: string, archivedOn: ISODate) => checkArchiveDate(archivedOn),
  run: async ({ actor }, id: string, archiveRef: string, archivedOn: ISODate): Promise<IncomingDoc> => {
    const doc = await liveDoc(id);
    if (doc.status === 'archived') throw new DomainError('该文件已归档', 'status', 'DOC-6');
    if (doc.status !== 'reported') throw new DomainError('办理结果反馈局长后才能归档', 'status', 'DOC-1');
    const ref = archiveRef?.trim() ?? '';
    return update(
      db.incomingDocs,
      id,
      {
        status: 'archived',
        archived: 1,
        archivedOn,
        archiveRef: ref,
        ...trailed(doc, `立卷归档${ref ? `（${ref}）` : ''}`, `档案室${ref ? `（${ref}）` : ''}`, actor),
      },
      actor,
      '归档',
    );
  },
});

export const markIncomingPrinted = defineCommand({
  what: '打印收文处理单',
  perm: null,
  tables: (d) => [d.incomingDocs],
  run: async ({ actor }, id: string): Promise<void> => {
    await update(db.incomingDocs, id, { printedAt: nowIso() }, actor, '打印收文处理单');
  },
});

// The 收文 list (收文登记): one year's documents, newest number first, `limit + 1` rows so the screen
// knows whether 加载更多 has more; with a status, only that status (index [status+year+seq]).
// Soft-deleted rows are skipped before the limit; those still 待编号 come first (waitingFirst).
export async function listIncoming(
  year: number,
  status: IncomingStatus | '',
  limit: number,
): Promise<IncomingDoc[]> {
  return waitingFirst(
    (lower, upper) =>
      status
        ? db.incomingDocs
            .where('[status+year+seq]')
            .between([status, year, lower], [status, year, upper], true, false)
        : db.incomingDocs.where('[year+seq]').between([year, lower], [year, upper], true, false),
    isLive,
    limit,
  );
}

export async function circulationsOf(docId: string): Promise<DocCirculation[]> {
  return (await db.docCirculations.where('docId').equals(docId).toArray())
    .filter(isLive)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

// 待阅公文: what waits for this person (index [staffId+done]).
export async function myPendingCirculations(
  staffId: string,
): Promise<(DocCirculation & { doc: IncomingDoc })[]> {
  const cs = (await db.docCirculations.where('[staffId+done]').equals([staffId, 0]).toArray()).filter(isLive);
  const docs = await db.incomingDocs.bulkGet(cs.map((c) => c.docId));
  return cs
    .map((c, i) => ({ ...c, doc: docs[i]! }))
    .filter((c) => c.doc && isLive(c.doc))
    .sort((a, b) => a.due.localeCompare(b.due));
}

// DOC-1 督促: circulations not done, due before `today` (index [done+due]).
export async function overdueCirculations(on: ISODate): Promise<DocCirculation[]> {
  return (
    await db.docCirculations.where('[done+due]').between([0, ''], [0, on], true, false).toArray()
  ).filter(isLive);
}

export async function logIncomingEvent(id: string, summary: string, actor: Actor): Promise<void> {
  await logEvent('incomingDocs', id, summary, actor);
}
