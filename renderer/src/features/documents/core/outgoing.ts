// 发文 (DOC-3): a section drafts → 分管领导 审核 → 办公室 核稿 → 分管办公室领导 定稿 → 局长 签发,
// through the approval engine (kind 'outgoing'); at 签发 the office's number is taken from the
// used-number set of the prefix and year in the same transaction, so a number is never given twice
// (a withdrawn draft never had one; a deleted document keeps its number in docNumbers).
import type { ISODate } from '../../../../../shared/rules';
import {
  formatDocNumber,
  isISODate,
  nextDocSeq,
  OUTGOING_STEPS,
  parseDocNumber,
  parseISODate,
} from '../../../../../shared/rules';
import { submitApproval } from '../../../approvals/engine';
import type { StepSpec } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { requireActDate } from '../../../db/actDate';
import { today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { CommandContext, Db } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isLive } from '../../../db/live';
import { DomainError, insert, logEvent, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import type { DocNumber, DocSecrecy, DocUrgency, OutgoingDoc } from '../../../db/schema/documents';
import { getSetting, setSetting } from '../../../db/settings';
import { director, officeDeputy } from '../../../org/org';
import { outboxOn } from '../../../sync/outbox';
import { DEFAULT_DOC_PREFIX, DOC_PREFIX_SETTING } from '../labels';

import { checkArchiveDate } from './archive';
import { isNumberPending } from './hubNumbers';

export type OutgoingInput = {
  title: string;
  prefix: string;
  draftSectionId: string | null;
  urgency: DocUrgency;
  secrecy: DocSecrecy;
  mainTo: string;
  copyTo: string;
  summary: string;
  printCopies: number;
  distribution: string[];
};

const STEP_LABEL = Object.fromEntries(OUTGOING_STEPS.map((s) => [s.key, s.label]));

export async function docPrefixes(): Promise<string[]> {
  const list = await getSetting<string[]>(DOC_PREFIX_SETTING, [DEFAULT_DOC_PREFIX]);
  return list.length ? list : [DEFAULT_DOC_PREFIX];
}

export function prefixValid(prefix: string): boolean {
  return parseDocNumber(`${prefix}〔2000〕1号`) !== null;
}

// The prefixes (机关代字) the office uses; the first is the default for new drafts.
function prefixList(prefixes: string[]): string[] {
  return [...new Set(prefixes.map((p) => p.trim()).filter(Boolean))];
}

export const setDocPrefixes = defineCommand({
  what: '设置机关代字',
  perm: 'documents.manage',
  tables: (d) => [d.settings],
  validate: (prefixes: string[]) => {
    const list = prefixList(prefixes);
    if (list.length === 0) throw new DomainError('请至少填写一个机关代字', 'prefixes', 'DOC-3');
    const bad = list.find((p) => !prefixValid(p));
    if (bad) throw new DomainError(`机关代字只能由汉字组成：${bad}`, 'prefixes', 'DOC-3');
  },
  run: async ({ actor }, prefixes: string[]): Promise<void> => {
    await setSetting(DOC_PREFIX_SETTING, prefixList(prefixes), actor);
  },
});

async function checkOutgoing(input: OutgoingInput): Promise<void> {
  if (!input.title?.trim()) throw new DomainError('请填写标题', 'title', 'DOC-3');
  if (!prefixValid(input.prefix)) throw new DomainError('机关代字只能由汉字组成', 'prefix', 'DOC-3');
  if (!(await docPrefixes()).includes(input.prefix))
    throw new DomainError('请选择已设置的机关代字', 'prefix', 'DOC-3');
  if (!input.draftSectionId) throw new DomainError('请选择拟稿股室', 'draftSectionId', 'DOC-3');
  if (!input.mainTo?.trim()) throw new DomainError('请填写主送机关', 'mainTo', 'DOC-3');
  if (!Number.isInteger(input.printCopies) || input.printCopies < 0)
    throw new DomainError('印制份数应为整数', 'printCopies');
}

function fields(input: OutgoingInput) {
  return {
    title: input.title.trim(),
    prefix: input.prefix,
    draftSectionId: input.draftSectionId,
    urgency: input.urgency,
    secrecy: input.secrecy,
    mainTo: input.mainTo.trim(),
    copyTo: input.copyTo?.trim() ?? '',
    summary: input.summary?.trim() ?? '',
    printCopies: input.printCopies,
    distribution: input.distribution.map((d) => d.trim()).filter(Boolean),
  };
}

// A section drafts (股室拟稿). Anyone may draft; the drafter is the applicant of the approval.
// The prefixes are read from the settings inside the command's transaction.
export const createOutgoing = defineCommand({
  what: '发文拟稿',
  perm: null,
  tables: (d) => [d.outgoingDocs, d.settings],
  run: async ({ actor }, input: OutgoingInput): Promise<OutgoingDoc> => {
    await checkOutgoing(input);
    return insert(
      db.outgoingDocs,
      {
        ...fields(input),
        year: parseISODate(today()).year,
        drafterId: actor.id,
        status: 'draft',
        archived: 0,
        docNumber: null,
        approvalId: null,
      },
      actor,
      `发文拟稿：${input.title.trim()}`,
    );
  },
});

async function liveOutgoing(id: string): Promise<OutgoingDoc> {
  const doc = await getLive(db.outgoingDocs, id);
  if (!doc) throw new DomainError('发文记录不存在');
  return doc;
}

function mayEdit(doc: OutgoingDoc, ctx: CommandContext): void {
  if (doc.drafterId !== ctx.actor.id) ctx.require('documents.manage', '修改他人拟稿');
}

export const editOutgoing = defineCommand({
  what: '修改发文拟稿',
  perm: null,
  tables: (d) => [d.outgoingDocs, d.settings],
  run: async (ctx, id: string, input: OutgoingInput): Promise<OutgoingDoc> => {
    const { actor } = ctx;
    await checkOutgoing(input);
    const cur = await liveOutgoing(id);
    mayEdit(cur, ctx);
    if (!['draft', 'rejected', 'withdrawn'].includes(cur.status)) {
      // After 签发 only the print run and distribution may change (the office's part).
      if (cur.status === 'in_approval')
        throw new DomainError('审核签发中的文稿不能修改，请先撤回', 'status', 'DOC-3');
      return update(
        db.outgoingDocs,
        id,
        { printCopies: input.printCopies, distribution: fields(input).distribution },
        actor,
        '修改印制分发',
      );
    }
    return update(db.outgoingDocs, id, fields(input), actor, '修改发文拟稿');
  },
});

// 办公室主任: the head of the section named 办公室 (the office checks the draft: 核稿).
// The head of 办公室. Several sections may bear that name — a PC that joined the office through
// 多机同步 brings its own set-up's empty 办公室 — so the one whose head is an active person counts.
export async function officeDirector(): Promise<Staff | undefined> {
  const sections = await db.sections.toArray();
  for (const office of sections.filter((s) => isLive(s) && s.name === '办公室' && s.headId)) {
    const s = await db.staff.get(office.headId!);
    if (s && s.active && isLive(s)) return s;
  }
  return undefined;
}

// DOC-3: the four approval steps after drafting. A step that would fall on the drafter is the
// drafter's own work already (LV-4: no one approves their own request) and is left out; two
// consecutive steps of the same person are one.
export async function outgoingSteps(
  doc: Pick<OutgoingDoc, 'draftSectionId'>,
  drafter: Staff,
): Promise<StepSpec[]> {
  const section = doc.draftSectionId ? await db.sections.get(doc.draftSectionId) : undefined;
  const deputy = section?.deputyId ? await db.staff.get(section.deputyId) : undefined;
  const checker = await officeDirector();
  const finaliser = await officeDeputy();
  const signer = await director();
  const wanted: [string, Staff | undefined, string][] = [
    ['deputy_review', deputy, '拟稿股室的分管领导'],
    ['office_check', checker, '办公室负责人'],
    ['finalize', finaliser, '分管办公室的领导'],
    ['sign', signer, '局长'],
  ];
  const out: StepSpec[] = [];
  for (const [key, person, who] of wanted) {
    if (!person || !person.active || !isLive(person))
      throw new DomainError(`找不到${who}：请在“系统—组织”中设置`, 'route', 'DOC-3');
    if (person.id === drafter.id) continue;
    const prev = out[out.length - 1];
    if (prev && prev.approverId === person.id) {
      prev.label = `${prev.label}、${STEP_LABEL[key]}`;
      continue;
    }
    out.push({ key, label: STEP_LABEL[key], approverId: person.id });
  }
  return out;
}

// Sends the draft into 审核 → 核稿 → 定稿 → 签发.
// The route is read (sections, staff, settings) inside the command's transaction.
const ROUTE_TABLES = (d: Db) => [d.staff, d.sections, d.settings, d.approvals, d.delegations];

export const submitOutgoing = defineCommand({
  what: '提交审核签发',
  perm: null,
  tables: (d) => [d.outgoingDocs, d.docNumbers, ...ROUTE_TABLES(d)],
  run: async (ctx, id: string): Promise<ApprovalRequest> => {
    const { actor } = ctx;
    const cur = await liveOutgoing(id);
    mayEdit(cur, ctx);
    const drafter = await db.staff.get(cur.drafterId);
    if (!drafter) throw new DomainError('拟稿人不存在');
    const steps = await outgoingSteps(cur, drafter);
    if (!['draft', 'rejected', 'withdrawn'].includes(cur.status))
      throw new DomainError('该文稿已提交审核', 'status', 'DOC-3');
    await update(db.outgoingDocs, id, { status: 'in_approval' }, actor, '提交审核签发');
    const req = await submitApproval(
      {
        kind: 'outgoing',
        refTable: 'outgoingDocs',
        refId: id,
        title: `发文：${cur.title}`,
        applicant: drafter,
        form: 'written',
        ruleIds: ['DOC-3'],
        steps,
      },
      actor,
    );
    // submitApproval may have finished it already (no steps): keep the handler's status then.
    const after = (await db.outgoingDocs.get(id))!;
    await update(db.outgoingDocs, id, { approvalId: req.id, status: after.status }, actor, '审批单');
    return req;
  },
});

// DOC-3: the next number of the prefix and year, recorded as used (inside the caller's transaction).
export async function assignDocNumber(
  doc: OutgoingDoc,
  signedOn: ISODate,
  signerId: string | null,
  actor: Actor,
): Promise<OutgoingDoc> {
  if (doc.docNumber) return doc;
  const year = parseISODate(signedOn).year;
  if (outboxOn())
    // several PCs: the number comes from the hub once this PC is online (hubNumbers.ts)
    return update(
      db.outgoingDocs,
      doc.id,
      { docNumber: null, numberYear: year, numberSeq: null, signedOn, signerId, status: 'signed' },
      actor,
      '局长签发，待编号（联网后由同步中心编号）',
    );
  const used = await db.docNumbers.where('[prefix+year]').equals([doc.prefix, year]).toArray();
  const seq = nextDocSeq(used.map((u) => u.seq));
  const number = formatDocNumber(doc.prefix, year, seq);
  await insert(
    db.docNumbers,
    { prefix: doc.prefix, year, seq, number, outgoingId: doc.id },
    actor,
    `文号 ${number}`,
  );
  return update(
    db.outgoingDocs,
    doc.id,
    { docNumber: number, numberYear: year, numberSeq: seq, signedOn, signerId, status: 'signed' },
    actor,
    `局长签发，编号 ${number}`,
  );
}

// Approval handler: 签发 numbers the document; a rejection or withdrawal returns it to the drafter.
export async function onOutgoingFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const doc = await db.outgoingDocs.get(req.refId);
  if (!doc) return;
  if (req.status === 'approved') {
    const last = req.steps[req.steps.length - 1];
    await assignDocNumber(doc, today(), last?.decidedById ?? null, actor);
  } else if (req.status === 'rejected' || req.status === 'withdrawn') {
    await update(
      db.outgoingDocs,
      doc.id,
      { status: req.status },
      actor,
      req.status === 'rejected' ? '审核退回' : '撤回',
    );
  }
}

// The office prints and distributes a signed document (编号、印制、分发).
export type IssueInput = { printCopies: number; distribution: string[]; issuedOn: ISODate };

function distributionOf(input: IssueInput): string[] {
  return input.distribution.map((d) => d.trim()).filter(Boolean);
}

export const issueOutgoing = defineCommand({
  what: '印制分发',
  perm: 'documents.manage',
  tables: (d) => [d.outgoingDocs],
  validate: (id: string, input: IssueInput) => {
    if (!isISODate(input.issuedOn))
      throw new DomainError('请填写分发日期（格式：2026-01-31）', 'issuedOn', 'DOC-3');
    requireActDate(input.issuedOn, 'issuedOn', '分发日期', 'DOC-3');
    if (!Number.isInteger(input.printCopies) || input.printCopies < 1)
      throw new DomainError('印制份数应为正整数', 'printCopies', 'DOC-3');
    if (distributionOf(input).length === 0) throw new DomainError('请填写分发范围', 'distribution', 'DOC-3');
  },
  run: async ({ actor }, id: string, input: IssueInput): Promise<OutgoingDoc> => {
    const distribution = distributionOf(input);
    const doc = await liveOutgoing(id);
    if (doc.status !== 'signed' && doc.status !== 'issued')
      throw new DomainError('局长签发并编号后才能印制分发', 'status', 'DOC-3');
    if (isNumberPending(doc))
      throw new DomainError('文号待编号（联网后由同步中心编号），编号后才能印制分发', 'status', 'DOC-3');
    return update(
      db.outgoingDocs,
      id,
      { printCopies: input.printCopies, distribution, issuedOn: input.issuedOn, status: 'issued' },
      actor,
      '印制分发',
    );
  },
});

export const archiveOutgoing = defineCommand({
  what: '归档',
  perm: 'documents.manage',
  tables: (d) => [d.outgoingDocs],
  validate: (_id: string, _ref: string, archivedOn: ISODate) => checkArchiveDate(archivedOn),
  run: async ({ actor }, id: string, archiveRef: string, archivedOn: ISODate): Promise<OutgoingDoc> => {
    const doc = await liveOutgoing(id);
    if (doc.archived) throw new DomainError('该文件已归档', 'status', 'DOC-6');
    if (doc.status !== 'issued') throw new DomainError('印制分发后才能归档', 'status', 'DOC-6');
    return update(
      db.outgoingDocs,
      id,
      { archived: 1, archivedOn, archiveRef: archiveRef?.trim() ?? '' },
      actor,
      '归档',
    );
  },
});

export const markOutgoingPrinted = defineCommand({
  what: '打印发文稿纸',
  perm: null,
  tables: () => [],
  run: async ({ actor }, id: string): Promise<void> => {
    await logEvent('outgoingDocs', id, '打印发文稿纸', actor);
  },
});

// The numbers used for a prefix and year, highest first (the register and the tests read this).
export async function usedNumbers(prefix: string, year: number): Promise<DocNumber[]> {
  const list = await db.docNumbers.where('[prefix+year]').equals([prefix, year]).toArray();
  return list.sort((a, b) => b.seq - a.seq);
}
