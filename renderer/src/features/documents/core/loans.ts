// DOC-5 borrowing (approved by the 分管领导 through the engine, kind 'loan'), DOC-5 outside requests
// for materials or data (分管领导 or 主要领导, kind 'data_request'), DOC-7 destruction of documents
// not archived (registered, approved by the 分管领导, kind 'destruction', two distinct witnesses).
import type { Table } from 'dexie';

import type { ISODate, Route } from '../../../../../shared/rules';
import {
  compareDates,
  destructionOk,
  isISODate,
  loanOverdue,
  parseISODate,
} from '../../../../../shared/rules';
import { outcomeOf, resolveRouteSteps, submitApproval } from '../../../approvals/engine';
import type { StepSpec, SubmitInput } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { requireActDate } from '../../../db/actDate';
import { nowIso, today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { Db } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isLive } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { BaseRecord } from '../../../db/schema/base';
import type { DataRequest, DocDestruction, DocLoan } from '../../../db/schema/documents';
import { director, officeDeputy } from '../../../org/org';

import { checkDocRef } from './docRefs';
import type { DocLink } from './docRefs';

// A record's written request to its approvers (kind 'loan', 'data_request' or 'destruction'), its id
// kept on the record.
async function submitWritten<T extends BaseRecord & { approvalId?: string | null }>(
  table: Table<T, string>,
  rec: T,
  input: Omit<SubmitInput, 'refId' | 'form'>,
  actor: Actor,
  what = '审批单',
): Promise<T> {
  const req = await submitApproval({ ...input, refId: rec.id, form: 'written' }, actor);
  return update(table, rec.id, { approvalId: req.id } as Partial<T>, actor, what);
}

// The engine's outcome (approved, rejected, withdrawn) becomes the record's status.
async function recordOutcome<T extends BaseRecord & { status: string }>(
  table: Table<T, string>,
  req: ApprovalRequest,
  actor: Actor,
): Promise<void> {
  const rec = await table.get(req.refId);
  if (!rec) return;
  await update(table, rec.id, { status: outcomeOf(req) } as Partial<T>, actor, '审批结果');
}

// A record names its document by title (free text, e.g. an old paper file not in the registers),
// or links it: picked from 收文 or 发文 (docRefTable + docRefId); the repository then keeps the
// register's own title and number (docNo). See docRefs.ts.
type DocRef = DocLink;

// ---- DOC-5 loans ----

export type LoanInput = DocRef & {
  docTitle: string;
  borrowerId: string;
  purpose: string;
  borrowedOn: ISODate;
  returnDue: ISODate;
};

const DEPUTY_ROUTE: Route = {
  form: 'written',
  approvers: ['deputy'],
  kind: 'approval',
  meetingDecision: false,
  reportToCounty: false,
};

function checkLoan(input: LoanInput): void {
  if (!input.docTitle?.trim() && !input.docRefId)
    throw new DomainError('请填写借阅的文件或档案', 'docTitle', 'DOC-5');
  if (!input.borrowerId) throw new DomainError('请选择借阅人', 'borrowerId', 'DOC-5');
  if (!input.purpose?.trim()) throw new DomainError('请填写借阅用途', 'purpose', 'DOC-5');
  if (!isISODate(input.borrowedOn))
    throw new DomainError('请填写借阅日期（格式：2026-01-31）', 'borrowedOn', 'DOC-5');
  requireActDate(input.borrowedOn, 'borrowedOn', '借阅日期', 'DOC-5');
  if (!isISODate(input.returnDue))
    throw new DomainError('请填写归还期限（格式：2026-01-31）', 'returnDue', 'DOC-5');
  if (compareDates(input.returnDue, input.borrowedOn) < 0)
    throw new DomainError('归还期限不能早于借阅日期', 'returnDue', 'DOC-5');
}

// What a request reads inside its transaction: the route (staff, sections, settings), the engine's
// tables, and the registers a linked document is checked against (docRefs).
const REQUEST_TABLES = (d: Db) => [
  d.staff,
  d.sections,
  d.settings,
  d.approvals,
  d.delegations,
  d.incomingDocs,
  d.outgoingDocs,
  d.docDestructions,
];

// DOC-5: a loan request; the borrower's 分管领导 approves (a deputy's own loan goes to the 局长).
export const requestLoan = defineCommand({
  what: '借阅申请',
  perm: null,
  tables: (d) => [d.docLoans, ...REQUEST_TABLES(d)],
  validate: checkLoan,
  run: async (ctx, input: LoanInput): Promise<DocLoan> => {
    const { actor } = ctx;
    if (input.borrowerId !== actor.id) ctx.require('documents.manage', '代为登记借阅');
    const borrower = await db.staff.get(input.borrowerId);
    if (!isLive(borrower) || !borrower.active)
      throw new DomainError('借阅人不存在或已停用', 'borrowerId', 'DOC-5');
    // A picked document must be in its register, not deleted, not destroyed (DOC-7); archives may be lent.
    const ref = await checkDocRef(input, 'loan');
    const docTitle = ref ? ref.title : input.docTitle.trim();
    const steps = (await resolveRouteSteps(DEPUTY_ROUTE, borrower)).map((s) => ({
      ...s,
      label: '分管领导批准借阅',
    }));
    const loan = await insert(
      db.docLoans,
      {
        year: parseISODate(input.borrowedOn).year,
        docRefTable: ref?.table ?? null,
        docRefId: ref?.id ?? null,
        docNo: ref?.docNo ?? '',
        docTitle,
        borrowerId: input.borrowerId,
        purpose: input.purpose.trim(),
        borrowedOn: input.borrowedOn,
        returnDue: input.returnDue,
        returnedOn: null,
        status: 'pending',
        approvalId: null,
      },
      actor,
      `借阅：${ref ? `${ref.docNo} ` : ''}${docTitle}`,
    );
    return submitWritten(
      db.docLoans,
      loan,
      {
        kind: 'loan',
        refTable: 'docLoans',
        title: `借阅：${loan.docNo ? `${loan.docNo} ` : ''}${loan.docTitle}`,
        applicant: borrower,
        ruleIds: ['DOC-5'],
        steps,
      },
      actor,
      '借阅审批单',
    );
  },
});

export async function onLoanFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const loan = await db.docLoans.get(req.refId);
  if (!loan) return;
  const last = req.steps[req.steps.length - 1];
  await update(
    db.docLoans,
    loan.id,
    req.status === 'approved'
      ? { status: 'approved', approverName: last?.decidedByName ?? '', approvedOn: today() }
      : { status: outcomeOf(req) },
    actor,
    req.status === 'approved' ? '批准借阅' : '借阅未批准',
  );
}

export const returnLoan = defineCommand({
  what: '登记归还',
  perm: 'documents.manage',
  tables: (d) => [d.docLoans],
  validate: (id: string, returnedOn: ISODate) => {
    if (!isISODate(returnedOn))
      throw new DomainError('请填写归还日期（格式：2026-01-31）', 'returnedOn', 'DOC-5');
    requireActDate(returnedOn, 'returnedOn', '归还日期', 'DOC-5');
  },
  run: async ({ actor }, id: string, returnedOn: ISODate): Promise<DocLoan> => {
    const loan = await getLive(db.docLoans, id);
    if (!loan) throw new DomainError('借阅记录不存在');
    if (loan.status !== 'approved') throw new DomainError('只有已借出的文件才能登记归还', 'status', 'DOC-5');
    if (compareDates(returnedOn, loan.borrowedOn) < 0)
      throw new DomainError('归还日期不能早于借阅日期', 'returnedOn', 'DOC-5');
    return update(db.docLoans, id, { status: 'returned', returnedOn }, actor, '归还');
  },
});

// DOC-5: loans out and past their return date (index [status+returnDue]).
export async function overdueLoans(on: ISODate): Promise<DocLoan[]> {
  const out = await db.docLoans
    .where('[status+returnDue]')
    .between(['approved', ''], ['approved', on], true, false)
    .toArray();
  return out.filter((l) => isLive(l) && loanOverdue(l.returnDue, on));
}

// ---- DOC-5 outside requests for materials or data ----

export type DataRequestInput = {
  receivedOn: ISODate;
  requester: string;
  contact: string;
  content: string;
  purpose: string;
  approverId: string;
};

export const registerDataRequest = defineCommand({
  what: '登记查阅资料申请',
  perm: 'documents.manage',
  tables: (d) => [d.dataRequests, ...REQUEST_TABLES(d)],
  validate: (input: DataRequestInput) => {
    if (!isISODate(input.receivedOn))
      throw new DomainError('请填写日期（格式：2026-01-31）', 'receivedOn', 'DOC-5');
    requireActDate(input.receivedOn, 'receivedOn', '申请日期', 'DOC-5');
    if (!input.requester?.trim()) throw new DomainError('请填写查阅单位或个人', 'requester', 'DOC-5');
    if (!input.content?.trim()) throw new DomainError('请填写查阅内容', 'content', 'DOC-5');
  },
  run: async ({ actor }, input: DataRequestInput): Promise<DataRequest> => {
    const approver = input.approverId ? await db.staff.get(input.approverId) : undefined;
    if (!approver || !(approver.roles.includes('deputy') || approver.roles.includes('director')))
      throw new DomainError('须报分管领导或主要领导同意', 'approverId', 'DOC-5');
    if (approver.id === actor.id) throw new DomainError('申请人不能审批自己的申请', 'approverId', 'LV-4');
    const applicant = await db.staff.get(actor.id);
    if (!applicant) throw new DomainError('登记人不存在');
    const main = approver.roles.includes('director');
    const steps: StepSpec[] = [
      {
        key: main ? 'director' : 'deputy',
        label: main ? '主要领导批准' : '分管领导批准',
        approverId: approver.id,
      },
    ];
    const rec = await insert(
      db.dataRequests,
      {
        year: parseISODate(input.receivedOn).year,
        receivedOn: input.receivedOn,
        requester: input.requester.trim(),
        contact: input.contact?.trim() ?? '',
        content: input.content.trim(),
        purpose: input.purpose?.trim() ?? '',
        approverId: approver.id,
        status: 'pending',
        approvalId: null,
      },
      actor,
      `查阅资料：${input.requester.trim()}`,
    );
    return submitWritten(
      db.dataRequests,
      rec,
      {
        kind: 'data_request',
        refTable: 'dataRequests',
        title: `查阅资料：${rec.requester}（${rec.content.slice(0, 20)}）`,
        applicant: applicant,
        ruleIds: ['DOC-5'],
        steps,
      },
      actor,
    );
  },
});

export const onDataRequestFinished = (req: ApprovalRequest, actor: Actor): Promise<void> =>
  recordOutcome(db.dataRequests, req, actor);

export const markDataProvided = defineCommand({
  what: '登记提供资料',
  perm: 'documents.manage',
  tables: (d) => [d.dataRequests],
  validate: (_id: string, providedOn: ISODate, _note: string) => {
    if (!isISODate(providedOn))
      throw new DomainError('请填写提供日期（格式：2026-01-31）', 'providedOn', 'DOC-5');
    requireActDate(providedOn, 'providedOn', '提供日期', 'DOC-5');
  },
  run: async ({ actor }, id: string, providedOn: ISODate, note: string): Promise<DataRequest> => {
    const rec = await getLive(db.dataRequests, id);
    if (!rec) throw new DomainError('记录不存在');
    if (rec.status !== 'approved') throw new DomainError('未经领导同意，不得提供资料数据', 'status', 'DOC-5');
    return update(
      db.dataRequests,
      id,
      { status: 'provided', providedOn, providedNote: note?.trim() ?? '' },
      actor,
      '已提供',
    );
  },
});

// ---- DOC-7 destruction ----

export type DestructionInput = DocRef & {
  docTitle: string;
  copies: number;
  reason: string;
  registeredOn: ISODate;
};

// DOC-7: the 分管领导 approving destruction is the one in charge of the office (a request the office
// deputy registers goes to the 局长).
async function destructionSteps(applicantId: string): Promise<StepSpec[]> {
  const od = await officeDeputy();
  if (od && od.active && isLive(od) && od.id !== applicantId)
    return [{ key: 'deputy', label: '分管领导批准销毁', approverId: od.id }];
  const dir = await director();
  if (!dir) throw new DomainError('找不到分管办公室的领导：请在“系统—设置”中设置', 'route', 'DOC-7');
  return [{ key: 'director', label: '局长批准销毁', approverId: dir.id }];
}

export const registerDestruction = defineCommand({
  what: '登记销毁',
  perm: 'documents.manage',
  tables: (d) => [d.docDestructions, ...REQUEST_TABLES(d)],
  validate: (input: DestructionInput) => {
    if (!input.docTitle?.trim() && !input.docRefId)
      throw new DomainError('请填写销毁的文件', 'docTitle', 'DOC-7');
    if (!input.reason?.trim()) throw new DomainError('请填写销毁原因', 'reason', 'DOC-7');
    if (!Number.isInteger(input.copies) || input.copies < 1)
      throw new DomainError('份数应为正整数', 'copies', 'DOC-7');
    if (!isISODate(input.registeredOn))
      throw new DomainError('请填写登记日期（格式：2026-01-31）', 'registeredOn', 'DOC-7');
    requireActDate(input.registeredOn, 'registeredOn', '登记日期', 'DOC-7');
  },
  run: async ({ actor }, input: DestructionInput): Promise<DocDestruction> => {
    // A picked document: in its register, not deleted, not archived and not destroyed (DOC-7), and
    // not already registered for a destruction under way.
    const ref = await checkDocRef(input, 'destruction');
    const docTitle = ref ? ref.title : input.docTitle.trim();
    const applicant = await db.staff.get(actor.id);
    if (!applicant) throw new DomainError('登记人不存在');
    const steps = await destructionSteps(actor.id);
    const rec = await insert(
      db.docDestructions,
      {
        year: parseISODate(input.registeredOn).year,
        registeredOn: input.registeredOn,
        docRefTable: ref?.table ?? null,
        docRefId: ref?.id ?? null,
        docNo: ref?.docNo ?? '',
        docTitle,
        copies: input.copies,
        reason: input.reason.trim(),
        status: 'pending',
        approvalId: null,
        witnesses: [],
      },
      actor,
      `销毁登记：${ref ? `${ref.docNo} ` : ''}${docTitle}`,
    );
    return submitWritten(
      db.docDestructions,
      rec,
      {
        kind: 'destruction',
        refTable: 'docDestructions',
        title: `公文销毁：${rec.docNo ? `${rec.docNo} ` : ''}${rec.docTitle}`,
        applicant: applicant,
        ruleIds: ['DOC-7'],
        steps,
      },
      actor,
    );
  },
});

export const onDestructionFinished = (req: ApprovalRequest, actor: Actor): Promise<void> =>
  recordOutcome(db.docDestructions, req, actor);

// DOC-7: the destruction itself, refused unless approved and witnessed by two distinct people.
export type DestroyInput = { witnesses: string[]; destroyedOn: ISODate; method: string };

export const recordDestruction = defineCommand({
  what: '登记监销',
  perm: 'documents.manage',
  tables: (d) => [d.docDestructions, d.incomingDocs, d.outgoingDocs],
  validate: (id: string, input: DestroyInput) => {
    if (!isISODate(input.destroyedOn))
      throw new DomainError('请填写销毁日期（格式：2026-01-31）', 'destroyedOn', 'DOC-7');
    requireActDate(input.destroyedOn, 'destroyedOn', '销毁日期', 'DOC-7');
  },
  run: async ({ actor }, id: string, input: DestroyInput): Promise<DocDestruction> => {
    const witnesses = input.witnesses.map((w) => w.trim()).filter(Boolean);
    const rec = await getLive(db.docDestructions, id);
    if (!rec) throw new DomainError('销毁登记不存在');
    if (rec.status === 'destroyed') throw new DomainError('已登记销毁', 'status', 'DOC-7');
    const approved = rec.status === 'approved';
    if (!destructionOk({ approvedByDeputy: approved, witnesses })) {
      if (!approved) throw new DomainError('销毁须先经分管领导批准', 'status', 'DOC-7');
      throw new DomainError('须由两名以上不同的人员监销', 'witnesses', 'DOC-7');
    }
    // The linked document may have been archived, or destroyed through another record, since the
    // registration (DOC-7): checked again.
    if (rec.docRefTable && rec.docRefId) await checkDocRef(rec, 'destruction', { exceptId: rec.id });
    if (rec.docRefTable === 'incomingDocs' && rec.docRefId) {
      const doc = await db.incomingDocs.get(rec.docRefId);
      if (doc) {
        const at = nowIso();
        await update(
          db.incomingDocs,
          doc.id,
          {
            status: 'destroyed',
            holder: '已销毁',
            heldSince: at,
            trail: [
              ...doc.trail,
              { at, action: `销毁（监销：${witnesses.join('、')}）`, byName: actor.name, holder: '已销毁' },
            ],
          },
          actor,
          '销毁',
        );
      }
    }
    return update(
      db.docDestructions,
      id,
      { status: 'destroyed', witnesses, destroyedOn: input.destroyedOn, method: input.method?.trim() ?? '' },
      actor,
      `监销：${witnesses.join('、')}`,
    );
  },
});
