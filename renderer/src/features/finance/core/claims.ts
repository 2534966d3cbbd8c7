// Expense claims (财务管理制度 FIN-1, FIN-2, FIN-4..6): the five approval steps, filing (备案) and
// submitting a claim, and claims made from other records (rewards, signed bills, tuition). Every rule
// is checked here; the forms show the same refusals at the field.
import type { Table } from 'dexie';

import type { CalendarData, ISODate } from '../../../../../shared/rules';
import {
  actDateOk,
  claimDue,
  claimLate,
  expenseSteps,
  fenToYuan,
  INVOICES,
  printingRequestRoute,
  purchaseNeedsMeeting,
  reimbursable,
  ruleText,
  supplyRequestRoute,
} from '../../../../../shared/rules';
import { submitApproval } from '../../../approvals/engine';
import type { StepSpec } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { nowIso, today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { Db } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isLive, live } from '../../../db/live';
import { DomainError, insert, newId, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import type {
  Expense,
  ExpenseCategory,
  ExpenseSource,
  InvoiceLine,
  RequestKind,
} from '../../../db/schema/finance';
import { requireDate, requireText, staffOf, yearOf } from '../../../db/validate';
import { activeStaff, director, financeDeputy } from '../../../org/org';
import { noteNumberCopies, numberOrPending, seqOrPending } from '../../../sync/seqNumbering';
import type { NumberCopy } from '../../../sync/seqNumbering';
import { FORM_CATEGORIES, PURCHASE_CATEGORIES } from '../labels';

export const WITNESS = '证明人';

export function expenseNumber(year: number, seq: number): string {
  return `报销〔${year}〕${seq}号`;
}

// ---------------------------------------------------------------- FIN-1: the approval steps

// The four decisions after the handler's own signature (given on submission), each on a person:
// office/finance check (证明人) → 纪检监察领导初审 → 分管财务领导审批 → 局长审核. A step that would fall on
// the claimant moves to the next person able to take it (LV-4); consecutive steps on one person merge.
export async function expenseStepSpecs(claimant: Staff): Promise<StepSpec[]> {
  const [, check, discipline, financeLeader, dir] = expenseSteps();
  const others = (await activeStaff()).filter((s) => s.id !== claimant.id);
  const checker =
    others.find((s) => s.roles.includes('finance')) ??
    others.find((s) => s.roles.includes('office') && s.rank === 'section_head') ??
    others.find((s) => s.roles.includes('office'));
  if (!checker) throw new DomainError('找不到核算人员：请在“系统—组织”中设置财务人员', 'route', 'FIN-1');
  const boss = await director();
  const inspector = others.find((s) => s.roles.includes('discipline'));
  const fd = await financeDeputy();
  const deputy = fd && fd.active && isLive(fd) && fd.id !== claimant.id ? fd : undefined;
  const bossOk = boss && boss.id !== claimant.id ? boss : undefined;
  const steps: StepSpec[] = [
    { key: check.key, label: check.label, approverId: checker.id, requiredFields: [WITNESS] },
  ];
  const add = (key: string, label: string, person: Staff | undefined) => {
    if (!person) throw new DomainError(`找不到“${label}”的审批人：请在“系统—组织”中设置`, 'route', 'FIN-1');
    const prev = steps[steps.length - 1];
    if (prev.approverId === person.id) return;
    steps.push({ key, label, approverId: person.id });
  };
  add(discipline.key, discipline.label, inspector ?? bossOk);
  add(financeLeader.key, financeLeader.label, deputy ?? bossOk);
  if (bossOk) add(dir.key, dir.label, bossOk);
  else
    steps.push({
      key: 'county',
      label: `${dir.label}（局长本人报销，报县领导）`,
      approverId: null,
      external: true,
    });
  return steps;
}

// ---------------------------------------------------------------- claims

export type ExpenseInput = {
  category: ExpenseCategory;
  purpose: string;
  expenseOn: ISODate;
  advanced: boolean;
  invoices: InvoiceLine[];
  lateReason?: string;
  meetingDecisionId?: string | null;
  requestId?: string | null;
};

function checkInvoices(lines: InvoiceLine[], requireOne: boolean): number {
  if (requireOne && lines.length === 0) throw new DomainError('请至少填写一张票据', 'invoices', 'FIN-1');
  let total = 0;
  lines.forEach((l, i) => {
    if (!INVOICES.includes(l.kind)) throw new DomainError('请选择票据类型', `invoices.${i}.kind`);
    // FIN-4: refused outright, with the rule's own words.
    if (!reimbursable(l.kind)) {
      throw new DomainError(
        `第${i + 1}张票据不予报销：${ruleText('FIN-4').text}`,
        `invoices.${i}.kind`,
        'FIN-4',
      );
    }
    if (!Number.isSafeInteger(l.amountFen) || l.amountFen <= 0)
      throw new DomainError('票据金额须大于0', `invoices.${i}.amount`);
    total += l.amountFen;
  });
  return total;
}

function checkBasics(input: ExpenseInput, on: ISODate) {
  if (!FORM_CATEGORIES.includes(input.category)) throw new DomainError('请选择开支类别', 'category');
  requireText(input.purpose, 'purpose', '用途', 200);
  requireDate(input.expenseOn, 'expenseOn', '开支日期');
  return on;
}

type RuleContext = { cal: CalendarData; claimedOn: ISODate; selfId?: string };

// FIN-2, FIN-5, FIN-6 at submission. Reads only Dexie tables (safe inside the transaction).
async function checkSubmission(input: ExpenseInput, amountFen: number, ctx: RuleContext) {
  // A claim is for money already spent (a 备案 may still name a planned date).
  if (!actDateOk(input.expenseOn, ctx.claimedOn))
    throw new DomainError('开支日期不能晚于报销日期', 'expenseOn');
  // FIN-2
  let late = false;
  if (input.advanced) {
    late = claimLate(input.expenseOn, ctx.claimedOn, ctx.cal);
    if (late && !input.lateReason?.trim()) {
      throw new DomainError(
        `本人垫付的费用应在${claimDue(input.expenseOn, ctx.cal)}前报销，已逾期，请填写逾期报销理由`,
        'lateReason',
        'FIN-2',
      );
    }
  }
  // FIN-5
  let decisionNumber: string | undefined;
  if (PURCHASE_CATEGORIES.includes(input.category) && purchaseNeedsMeeting(fenToYuan(amountFen))) {
    if (!input.meetingDecisionId) {
      throw new DomainError(
        `单项采购达2000元以上，须引用局长办公会决定：${ruleText('FIN-5').text}`,
        'meetingDecisionId',
        'FIN-5',
      );
    }
    const d = await getLive(db.meetingDecisions, input.meetingDecisionId);
    if (!d) throw new DomainError('所引用的局长办公会决定不存在', 'meetingDecisionId', 'FIN-5');
    if (d.meetingKind !== 'director_office')
      throw new DomainError('须引用局长办公会（而非局务会）的决定', 'meetingDecisionId', 'FIN-5');
    if (d.meetingDate > input.expenseOn) {
      throw new DomainError(
        `该决定作出于${d.meetingDate}，晚于开支日期：大额采购须先经局长办公会研究决定`,
        'meetingDecisionId',
        'FIN-5',
      );
    }
    decisionNumber = d.number;
  }
  // FIN-6
  let requestNumber: string | undefined;
  const needKind: RequestKind | null =
    input.category === 'supplies' ? 'supply' : input.category === 'printing' ? 'printing' : null;
  if (needKind) {
    const formName = needKind === 'supply' ? supplyRequestRoute().formName : printingRequestRoute().formName;
    if (!input.requestId) {
      throw new DomainError(
        `未引用已批准的《${formName}》，费用自理，不予报销：${ruleText('FIN-6').text}`,
        'requestId',
        'FIN-6',
      );
    }
    const r = await getLive(db.spendRequests, input.requestId);
    if (!r || r.kind !== needKind) throw new DomainError(`请引用《${formName}》`, 'requestId', 'FIN-6');
    if (r.status !== 'approved')
      throw new DomainError(`《${formName}》${r.number}尚未批准，费用自理，不予报销`, 'requestId', 'FIN-6');
    if (r.approvedOn && r.approvedOn > input.expenseOn) {
      throw new DomainError(
        `《${formName}》${r.approvedOn}才批准，晚于开支日期：须先批准后开支，费用自理`,
        'requestId',
        'FIN-6',
      );
    }
    const users = await live(db.expenses.where('requestId').equals(r.id)).toArray();
    if (users.some((e) => e.id !== ctx.selfId && !['rejected', 'withdrawn', 'draft'].includes(e.status))) {
      throw new DomainError(`《${formName}》${r.number}已被其他报销单引用`, 'requestId', 'FIN-6');
    }
    requestNumber = r.number;
  }
  return { late, decisionNumber, requestNumber };
}

// Every table a claim's submission reads or writes (the approval, the route's people and settings,
// the calendar, the cited decision and request form, the sources a claim pays).
export const claimTables = (d: Db): Table[] => [
  d.expenses,
  d.approvals,
  d.staff,
  d.sections,
  d.settings,
  d.calendars,
  d.spendRequests,
  d.meetingDecisions,
  d.publicityPieces,
  d.signedBills,
  d.tuitionClaims,
  d.syncState, // a quoted number still 待编号 (noteNumberCopies)
];

// The numbers a claim copies: its 局长办公会决定 (FIN-5) and its 申报单 (FIN-6).
const CLAIM_COPIES: readonly NumberCopy[] = [
  { field: 'meetingDecisionNumber', via: 'meetingDecisionId', source: 'meetingDecisions' },
  { field: 'requestNumber', via: 'requestId', source: 'spendRequests' },
];

function newClaimFields(year: number, seq: number, claimantId: string, filedOn: ISODate) {
  return { year, seq, number: numberOrPending(seq, (n) => expenseNumber(year, n)), claimantId, filedOn };
}

// FIN-1 備案: the office is told before the spending; the claim deadline (FIN-2) runs from expenseOn.
export const fileExpense = defineCommand({
  what: '报销备案',
  perm: null,
  tables: (d) => [d.expenses],
  validate: (input: ExpenseInput) => {
    checkBasics(input, today());
    checkInvoices(input.invoices, false);
  },
  run: async (ctx, input: ExpenseInput): Promise<Expense> => {
    const on = today();
    const amountFen = checkInvoices(input.invoices, false);
    const year = yearOf(on);
    const seq = await seqOrPending(db.expenses, year);
    return insert(
      db.expenses,
      {
        ...newClaimFields(year, seq, ctx.actor.id, on),
        category: input.category,
        purpose: input.purpose.trim(),
        expenseOn: input.expenseOn,
        claimedOn: null,
        amountFen,
        invoices: input.invoices,
        advanced: input.advanced,
        late: false,
        lateReason: input.lateReason?.trim() ?? '',
        meetingDecisionId: input.meetingDecisionId ?? null,
        requestId: input.requestId ?? null,
        source: null,
        status: 'draft',
      },
      ctx.actor,
      `报销备案：${input.purpose}`,
    );
  },
});

async function claimantOf(actor: Actor, message: string): Promise<Staff> {
  const claimant = await staffOf(actor.id);
  if (!claimant) throw new DomainError(message);
  return claimant;
}

const submitExpenseCommand = defineCommand({
  what: '提交报销',
  perm: null,
  tables: claimTables,
  validate: (input: ExpenseInput, _draftId: string | undefined) => {
    checkBasics(input, today());
    checkInvoices(input.invoices, true);
  },
  run: async (ctx, input: ExpenseInput, draftId: string | undefined): Promise<Expense> => {
    const actor = ctx.actor;
    const claimant = await claimantOf(actor, '当前用户不在人员名单中，不能报销');
    const on = today();
    const amountFen = checkInvoices(input.invoices, true);
    const cal = await loadCalendar();
    const steps = await expenseStepSpecs(claimant);
    const draft = draftId ? await getLive(db.expenses, draftId) : undefined;
    if (draftId && (!draft || draft.status !== 'draft')) throw new DomainError('该备案已提交或不存在');
    if (draft && draft.claimantId !== actor.id)
      throw new DomainError('只有经办人本人可以提交报销（FIN-1 经办人签字）');
    const { late, decisionNumber, requestNumber } = await checkSubmission(input, amountFen, {
      cal,
      claimedOn: on,
      selfId: draftId,
    });
    const fields = {
      category: input.category,
      purpose: input.purpose.trim(),
      expenseOn: input.expenseOn,
      claimedOn: on,
      amountFen,
      invoices: input.invoices,
      advanced: input.advanced,
      late,
      lateReason: late ? (input.lateReason?.trim() ?? '') : '',
      meetingDecisionId: input.meetingDecisionId || null,
      meetingDecisionNumber: decisionNumber ?? '',
      requestId: input.requestId || null,
      requestNumber: requestNumber ?? '',
      status: 'pending' as const,
      handlerSignedAt: nowIso(),
    };
    let exp: Expense;
    if (draft) {
      exp = await update(db.expenses, draft.id, fields, actor, '提交报销');
    } else {
      const year = yearOf(on);
      const seq = await seqOrPending(db.expenses, year);
      exp = await insert(
        db.expenses,
        { ...newClaimFields(year, seq, actor.id, on), source: null, ...fields },
        actor,
        `提交报销：${fields.purpose}`,
      );
    }
    await noteNumberCopies('expenses', exp, CLAIM_COPIES);
    return attachApproval(exp, claimant, steps, actor, ruleIdsFor(exp));
  },
});

// Submits a claim (new, or a filed draft by its id): the handler's signature is step 1 of FIN-1.
export function submitExpense(input: ExpenseInput, actor: Actor, draftId?: string): Promise<Expense> {
  return submitExpenseCommand(input, draftId, actor);
}

function ruleIdsFor(e: Pick<Expense, 'late' | 'meetingDecisionId' | 'requestId' | 'source'>): string[] {
  const ids = ['FIN-1', 'FIN-4'];
  if (e.late) ids.push('FIN-2');
  if (e.meetingDecisionId) ids.push('FIN-5');
  if (e.requestId) ids.push('FIN-6');
  if (e.source?.table === 'signedBills') ids.push('FIN-3');
  if (e.source?.table === 'publicityPieces') ids.push('PUB-2');
  if (e.source?.table === 'tuitionClaims') ids.push('STU-5');
  return ids;
}

async function attachApproval(
  exp: Expense,
  claimant: Staff,
  steps: StepSpec[],
  actor: Actor,
  ruleIds: string[],
) {
  const req = await submitApproval(
    {
      kind: 'expense',
      refTable: 'expenses',
      refId: exp.id,
      title: `报销：${exp.purpose}（${formatFenShort(exp.amountFen)}元）`,
      applicant: claimant,
      form: 'written',
      ruleIds,
      steps,
    },
    actor,
  );
  return update(db.expenses, exp.id, { approvalId: req.id }, actor, '报销进入审批');
}

function formatFenShort(fen: number): string {
  return (fen / 100).toFixed(2);
}

export type SourcedClaim = {
  category: ExpenseCategory;
  purpose: string;
  expenseOn: ISODate;
  amountFen: number;
  invoices: InvoiceLine[];
  source: ExpenseSource;
  prepare: (expenseId: string) => Promise<void>; // checks and marks the sources
};

// A claim created from another record (rewards, a quarter's signed bills, tuition): the handler is
// the finance/office person who makes it; sources are tied to the claim until it is paid or refused.
// Runs inside a command over claimTables.
export async function submitSourcedClaim(args: SourcedClaim, actor: Actor): Promise<Expense> {
  const claimant = await claimantOf(actor, '当前用户不在人员名单中');
  checkInvoices(args.invoices, false);
  const steps = await expenseStepSpecs(claimant);
  const on = today();
  const id = newId();
  await args.prepare(id);
  const year = yearOf(on);
  const seq = await seqOrPending(db.expenses, year);
  const exp = await insert(
    db.expenses,
    {
      id,
      ...newClaimFields(year, seq, actor.id, on),
      category: args.category,
      purpose: args.purpose,
      expenseOn: args.expenseOn,
      claimedOn: on,
      amountFen: args.amountFen,
      invoices: args.invoices,
      advanced: false,
      late: false,
      lateReason: '',
      meetingDecisionId: null,
      requestId: null,
      source: args.source,
      status: 'pending',
      handlerSignedAt: nowIso(),
    },
    actor,
    `提交报销：${args.purpose}`,
  );
  return attachApproval(exp, claimant, steps, actor, ruleIdsFor(exp));
}
