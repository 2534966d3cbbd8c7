// Finance (财务管理制度, FIN-1..6): expense claims through the five steps, signed bills settled at
// quarter end, and the supply/printing request forms that must be approved before the spending.
// Every rule is checked here; the forms show the same refusals at the field.
import Dexie from 'dexie';
import type { Table } from 'dexie';

import type { Approver, CalendarData, Invoice, ISODate, Route } from '../../../../shared/rules';
import {
  actDateOk,
  claimDue,
  claimLate,
  expenseSteps,
  fenToYuan,
  INVOICES,
  printingRequestRoute,
  purchaseNeedsMeeting,
  quarterEndSettlement,
  reimbursable,
  requestApproved,
  ruleText,
  supplyRequestRoute,
} from '../../../../shared/rules';
import { outcomeOf, resolveRouteSteps, submitApproval, withdraw } from '../../approvals/engine';
import type { StepSpec } from '../../approvals/engine';
import type { ApprovalRequest } from '../../approvals/types';
import { loadCalendar } from '../../calendar/calendar';
import { requireActDate } from '../../db/actDate';
import { nowIso, today } from '../../db/clock';
import { db } from '../../db/db';
import { DomainError, insert, newId, update, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { Staff } from '../../db/schema/core';
import type {
  Expense,
  ExpenseCategory,
  ExpenseSource,
  ExpenseStatus,
  InvoiceLine,
  RequestItem,
  RequestKind,
  SignedBill,
  SpendRequest,
} from '../../db/schema/finance';
import { activeStaff, director, financeDeputy } from '../../org/org';

import { FORM_CATEGORIES, PURCHASE_CATEGORIES } from './labels';
import { assertCan, nextSeq, requireDate, requireStaff, requireText, staffOf, yearOf } from './util';

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
  const deputy = fd && fd.active && !fd.deletedAt && fd.id !== claimant.id ? fd : undefined;
  const bossOk = boss && boss.id !== claimant.id ? boss : undefined;
  const steps: StepSpec[] = [{ key: check.key, label: check.label, approverId: checker.id, requiredFields: [WITNESS] }];
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
  if (!actDateOk(input.expenseOn, ctx.claimedOn)) throw new DomainError('开支日期不能晚于报销日期', 'expenseOn');
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
    const d = await db.meetingDecisions.get(input.meetingDecisionId);
    if (!d || d.deletedAt)
      throw new DomainError('所引用的局长办公会决定不存在', 'meetingDecisionId', 'FIN-5');
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
    const r = await db.spendRequests.get(input.requestId);
    if (!r || r.deletedAt || r.kind !== needKind)
      throw new DomainError(`请引用《${formName}》`, 'requestId', 'FIN-6');
    if (r.status !== 'approved')
      throw new DomainError(`《${formName}》${r.number}尚未批准，费用自理，不予报销`, 'requestId', 'FIN-6');
    if (r.approvedOn && r.approvedOn > input.expenseOn) {
      throw new DomainError(
        `《${formName}》${r.approvedOn}才批准，晚于开支日期：须先批准后开支，费用自理`,
        'requestId',
        'FIN-6',
      );
    }
    const users = await db.expenses.where('requestId').equals(r.id).toArray();
    if (
      users.some(
        (e) => !e.deletedAt && e.id !== ctx.selfId && !['rejected', 'withdrawn', 'draft'].includes(e.status),
      )
    ) {
      throw new DomainError(`《${formName}》${r.number}已被其他报销单引用`, 'requestId', 'FIN-6');
    }
    requestNumber = r.number;
  }
  return { late, decisionNumber, requestNumber };
}

const CLAIM_TABLES = () => [
  db.expenses,
  db.approvals,
  db.staff,
  db.spendRequests,
  db.meetingDecisions,
  db.publicityPieces,
  db.signedBills,
  db.tuitionClaims,
];

// FIN-1 備案: the office is told before the spending; the claim deadline (FIN-2) runs from expenseOn.
export async function fileExpense(input: ExpenseInput, actor: Actor): Promise<Expense> {
  const on = checkBasics(input, today());
  const amountFen = checkInvoices(input.invoices, false);
  return writeTx([db.expenses], async () => {
    const year = yearOf(on);
    const seq = await nextSeq(db.expenses, year);
    return insert(
      db.expenses,
      {
        year,
        seq,
        number: expenseNumber(year, seq),
        claimantId: actor.id,
        category: input.category,
        purpose: input.purpose.trim(),
        expenseOn: input.expenseOn,
        filedOn: on,
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
      actor,
      `报销备案：${input.purpose}`,
    );
  });
}

// Submits a claim (new, or a filed draft by its id): the handler's signature is step 1 of FIN-1.
export async function submitExpense(input: ExpenseInput, actor: Actor, draftId?: string): Promise<Expense> {
  const claimant = await staffOf(actor.id);
  if (!claimant) throw new DomainError('当前用户不在人员名单中，不能报销');
  const on = today();
  checkBasics(input, on);
  const amountFen = checkInvoices(input.invoices, true);
  const cal = await loadCalendar();
  const steps = await expenseStepSpecs(claimant);
  return writeTx(CLAIM_TABLES(), async () => {
    const draft = draftId ? await db.expenses.get(draftId) : undefined;
    if (draftId && (!draft || draft.deletedAt || draft.status !== 'draft'))
      throw new DomainError('该备案已提交或不存在');
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
      const seq = await nextSeq(db.expenses, year);
      exp = await insert(
        db.expenses,
        {
          year,
          seq,
          number: expenseNumber(year, seq),
          claimantId: actor.id,
          filedOn: on,
          source: null,
          ...fields,
        },
        actor,
        `提交报销：${fields.purpose}`,
      );
    }
    return attachApproval(exp, claimant, steps, actor, ruleIdsFor(exp));
  });
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

// A claim created from another record (rewards, a quarter's signed bills, tuition): the handler is
// the finance/office person who makes it; sources are tied to the claim until it is paid or refused.
export async function submitSourcedClaim(
  args: {
    category: ExpenseCategory;
    purpose: string;
    expenseOn: ISODate;
    amountFen: number;
    invoices: InvoiceLine[];
    source: ExpenseSource;
    extraTables?: Table[];
    prepare: (expenseId: string) => Promise<void>; // checks and marks the sources (inside the transaction)
  },
  actor: Actor,
): Promise<Expense> {
  const claimant = await staffOf(actor.id);
  if (!claimant) throw new DomainError('当前用户不在人员名单中');
  checkInvoices(args.invoices, false);
  const steps = await expenseStepSpecs(claimant);
  const on = today();
  const id = newId();
  return writeTx([...CLAIM_TABLES(), ...(args.extraTables ?? [])], async () => {
    await args.prepare(id);
    const year = yearOf(on);
    const seq = await nextSeq(db.expenses, year);
    const exp = await insert(
      db.expenses,
      {
        id,
        year,
        seq,
        number: expenseNumber(year, seq),
        claimantId: actor.id,
        category: args.category,
        purpose: args.purpose,
        expenseOn: args.expenseOn,
        filedOn: on,
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
  });
}

export async function withdrawExpense(id: string, actor: Actor): Promise<void> {
  const e = await db.expenses.get(id);
  if (!e?.approvalId) throw new DomainError('该报销单不在审批中');
  await withdraw(e.approvalId, actor);
}

export async function cancelDraft(id: string, actor: Actor): Promise<void> {
  await writeTx([db.expenses], async () => {
    const e = await db.expenses.get(id);
    if (!e || e.status !== 'draft') throw new DomainError('只能撤销尚未提交的备案');
    if (e.claimantId !== actor.id) throw new DomainError('只有经办人本人可以撤销备案');
    await update(db.expenses, id, { status: 'withdrawn' }, actor, '撤销备案');
  });
}

function sourceTables(): Table[] {
  return [db.publicityPieces, db.signedBills, db.tuitionClaims];
}

// Sources follow the claim: paid → paid/settled; refused or withdrawn → free again.
async function updateSources(e: Expense, outcome: 'paid' | 'released', actor: Actor) {
  const src = e.source;
  if (!src) return;
  const paidOn = e.paidOn ?? today();
  for (const id of src.ids) {
    if (src.table === 'publicityPieces') {
      if (outcome === 'paid')
        await update(
          db.publicityPieces,
          id,
          { claimState: 'paid', paidOn },
          actor,
          `奖励已发放（${e.number}）`,
        );
      else
        await update(
          db.publicityPieces,
          id,
          { expenseId: null },
          actor,
          `报销未通过，奖励待重新报销（${e.number}）`,
        );
    } else if (src.table === 'signedBills') {
      if (outcome === 'paid')
        await update(
          db.signedBills,
          id,
          { status: 'settled', settledOn: paidOn },
          actor,
          `签单已结算（${e.number}）`,
        );
      else
        await update(
          db.signedBills,
          id,
          { status: 'open', expenseId: null },
          actor,
          `结算报销未通过（${e.number}）`,
        );
    } else if (outcome === 'paid') {
      await update(db.tuitionClaims, id, { status: 'paid' }, actor, `学费已报销（${e.number}）`);
    } else {
      await update(
        db.tuitionClaims,
        id,
        { status: 'submitted', expenseId: undefined },
        actor,
        `学费报销未通过（${e.number}）`,
      );
    }
  }
}

// Approval handler (kind 'expense'): the claim follows its request.
export function expenseHandlerTables(): Table[] {
  return [db.expenses, ...sourceTables()];
}
export async function onExpenseFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const e = await db.expenses.get(req.refId);
  if (!e) return;
  if (req.status === 'approved') {
    await update(db.expenses, e.id, { status: 'approved' }, actor, '报销审批通过，待付款');
  } else if (req.status === 'rejected' || req.status === 'withdrawn') {
    const status = req.status;
    const after = await update(
      db.expenses,
      e.id,
      { status },
      actor,
      status === 'rejected' ? '报销被退回' : '报销已撤回',
    );
    await updateSources(after, 'released', actor);
  }
}

export async function markExpensePaid(id: string, paidOn: ISODate, actor: Actor): Promise<Expense> {
  await assertCan(actor, 'finance.manage', '登记付款');
  requireDate(paidOn, 'paidOn', '付款日期');
  requireActDate(paidOn, 'paidOn', '付款日期');
  return writeTx([db.expenses, ...sourceTables()], async () => {
    const e = await db.expenses.get(id);
    if (!e || e.deletedAt) throw new DomainError('报销单不存在');
    if (e.status !== 'approved') throw new DomainError('只有审批通过的报销单才能付款', 'paidOn', 'FIN-1');
    if (e.claimedOn && paidOn < e.claimedOn) throw new DomainError('付款日期不能早于报销日期', 'paidOn');
    const after = await update(
      db.expenses,
      id,
      { status: 'paid', paidOn, paidById: actor.id },
      actor,
      '已付款',
    );
    await updateSources(after, 'paid', actor);
    return after;
  });
}

export async function markExpensePrinted(id: string, actor: Actor): Promise<void> {
  await writeTx([db.expenses], async () => {
    await update(db.expenses, id, { printedAt: nowIso() }, actor, '打印报销审批单');
  });
}

// The witness recorded at the check step (FIN-1), if any.
export function witnessOf(req: ApprovalRequest | undefined): string {
  const step = req?.steps.find((s) => s.key === 'office_finance_check');
  return step?.extra?.[WITNESS]?.trim() ?? '';
}

// STU-5: submitted tuition and exam-cost claims of the study module, paid through one expense claim.
export async function createTuitionClaim(ids: string[], actor: Actor): Promise<Expense> {
  await assertCan(actor, 'finance.manage', '办理学费报销');
  if (ids.length === 0) throw new DomainError('请选择要报销的学费申请', 'tuition');
  const rows = (await db.tuitionClaims.bulkGet(ids)).filter(
    (t): t is NonNullable<typeof t> => !!t && !t.deletedAt,
  );
  if (rows.length !== ids.length) throw new DomainError('学费申请不存在', 'tuition');
  const people = new Set(rows.map((t) => t.staffId));
  return submitSourcedClaim(
    {
      category: 'tuition',
      purpose: `学费及考试费用报销（${people.size}人，${rows.length}笔）`,
      expenseOn: rows.map((t) => t.submittedOn ?? today()).sort()[0],
      amountFen: rows.reduce((n, t) => n + t.reimbursableFen, 0),
      invoices: rows.map((t) => ({
        kind: 'receipt' as const,
        number: t.description.slice(0, 40),
        amountFen: t.paidFen,
      })),
      source: { table: 'tuitionClaims', ids },
      prepare: async (expenseId) => {
        for (const id of ids) {
          const t = await db.tuitionClaims.get(id);
          if (!t || t.status !== 'submitted')
            throw new DomainError('所选学费申请已在报销中', 'tuition', 'STU-5');
          await update(db.tuitionClaims, id, { status: 'claimed', expenseId }, actor, '转财务报销');
        }
      },
    },
    actor,
  );
}

// ---------------------------------------------------------------- FIN-3: signed bills

export type SignedBillInput = {
  vendor: string;
  signedOn: ISODate;
  signerId: string;
  description: string;
  amountFen: number;
};

export async function recordSignedBill(input: SignedBillInput, actor: Actor): Promise<SignedBill> {
  await assertCan(actor, 'finance.manage', '登记签单');
  const vendor = requireText(input.vendor, 'vendor', '签单单位', 100);
  requireDate(input.signedOn, 'signedOn', '签单日期');
  requireActDate(input.signedOn, 'signedOn', '签单日期');
  requireStaff(input.signerId, 'signerId', '签单人');
  const description = requireText(input.description, 'description', '签单事项', 200);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw new DomainError('签单金额须大于0', 'amountFen');
  return insert(
    db.signedBills,
    {
      vendor,
      signedOn: input.signedOn,
      signerId: input.signerId,
      description,
      amountFen: input.amountFen,
      settleBy: quarterEndSettlement(input.signedOn),
      status: 'open',
      expenseId: null,
      settledOn: null,
    },
    actor,
    `签单：${vendor} ${description}`,
  );
}

// FIN-3: a vendor's open bills are settled in one claim with the vendor's invoice.
export async function settleSignedBills(
  billIds: string[],
  invoice: { kind: Invoice; number: string },
  actor: Actor,
): Promise<Expense> {
  await assertCan(actor, 'finance.manage', '签单结算');
  if (billIds.length === 0) throw new DomainError('请选择要结算的签单', 'bills');
  const bills = (await db.signedBills.bulkGet(billIds)).filter((b): b is SignedBill => !!b && !b.deletedAt);
  if (bills.length !== billIds.length) throw new DomainError('签单不存在', 'bills');
  const vendors = new Set(bills.map((b) => b.vendor));
  if (vendors.size > 1) throw new DomainError('一次只能结算同一签单单位的签单', 'bills', 'FIN-3');
  const amountFen = bills.reduce((n, b) => n + b.amountFen, 0);
  const vendor = bills[0].vendor;
  const lastSigned = bills
    .map((b) => b.signedOn)
    .sort()
    .at(-1)!;
  return submitSourcedClaim(
    {
      category: 'signed_bills',
      purpose: `${vendor}签单季末结算（${bills.length}笔）`,
      expenseOn: lastSigned,
      amountFen,
      invoices: [{ kind: invoice.kind, number: invoice.number.trim(), amountFen }],
      source: { table: 'signedBills', ids: billIds },
      prepare: async (expenseId) => {
        for (const id of billIds) {
          const b = await db.signedBills.get(id);
          if (!b || b.status !== 'open')
            throw new DomainError('所选签单已在结算中或已结算', 'bills', 'FIN-3');
        }
        for (const id of billIds)
          await update(db.signedBills, id, { status: 'settling', expenseId }, actor, '季末结算报销');
      },
    },
    actor,
  );
}

// ---------------------------------------------------------------- FIN-6: request forms

export type SpendRequestInput = {
  kind: RequestKind;
  title: string;
  reason: string;
  items: RequestItem[];
  printer?: string;
  approverLevel?: 'deputy' | 'director';
};

function routeFor(kind: RequestKind, level: 'deputy' | 'director'): Route {
  const r = kind === 'supply' ? supplyRequestRoute() : printingRequestRoute();
  // 'all' (supplies): every approver in order; 'any' (printing): the one leader the applicant chose.
  const approvers: Approver[] = r.require === 'all' ? [...r.approvers] : [level];
  return { form: 'written', approvers, kind: 'approval', meetingDecision: false, reportToCounty: false };
}

export function requestNumber(kind: RequestKind, year: number, seq: number): string {
  return `${kind === 'supply' ? '用品' : '印制'}〔${year}〕${seq}号`;
}

export async function submitSpendRequest(input: SpendRequestInput, actor: Actor): Promise<SpendRequest> {
  const applicant = await staffOf(actor.id);
  if (!applicant) throw new DomainError('当前用户不在人员名单中');
  if (input.kind !== 'supply' && input.kind !== 'printing') throw new DomainError('请选择申报单类型', 'kind');
  const title = requireText(input.title, 'title', input.kind === 'supply' ? '事由' : '文件名称', 100);
  const reason = requireText(input.reason, 'reason', '申报理由', 500);
  if (input.items.length === 0) throw new DomainError('请至少填写一项', 'items');
  input.items.forEach((it, i) => {
    requireText(it.name, `items.${i}.name`, '品名', 100);
    if (!Number.isInteger(it.quantity) || it.quantity <= 0)
      throw new DomainError('数量须为正整数', `items.${i}.quantity`);
    if (!Number.isSafeInteger(it.estFen) || it.estFen < 0)
      throw new DomainError('预算金额有误', `items.${i}.est`);
  });
  const level = input.kind === 'printing' ? (input.approverLevel ?? 'deputy') : 'deputy';
  const printer =
    input.kind === 'printing' ? requireText(input.printer, 'printer', '印制单位', 100) : undefined;
  const route = routeFor(input.kind, level);
  const steps = await resolveRouteSteps(route, applicant);
  const on = today();
  const formName = input.kind === 'supply' ? supplyRequestRoute().formName : printingRequestRoute().formName;
  return writeTx([db.spendRequests, db.approvals, db.staff], async () => {
    const year = yearOf(on);
    const seq = (await db.spendRequests.where('[kind+year]').equals([input.kind, year]).count()) + 1;
    const estimatedFen = input.items.reduce((n, it) => n + it.estFen, 0);
    const r = await insert(
      db.spendRequests,
      {
        kind: input.kind,
        year,
        seq,
        number: requestNumber(input.kind, year, seq),
        applicantId: applicant.id,
        title,
        reason,
        items: input.items,
        printer,
        estimatedFen,
        approverLevel: level,
        status: 'pending',
        requestedOn: on,
        approvedOn: null,
      },
      actor,
      `${formName}：${title}`,
    );
    const req = await submitApproval(
      {
        kind: input.kind,
        refTable: 'spendRequests',
        refId: r.id,
        title: `${formName}：${title}`,
        applicant,
        form: 'written',
        ruleIds: ['FIN-6'],
        steps,
      },
      actor,
    );
    return update(db.spendRequests, r.id, { approvalId: req.id }, actor, '申报单进入审批');
  });
}

export function spendRequestHandlerTables(): Table[] {
  return [db.spendRequests];
}

// FIN-6: the request is approved only when the approvals given satisfy its route (requestApproved).
export async function onSpendRequestFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const r = await db.spendRequests.get(req.refId);
  if (!r) return;
  if (req.status !== 'approved') {
    await update(
      db.spendRequests,
      r.id,
      { status: outcomeOf(req) },
      actor,
      '申报单未批准',
    );
    return;
  }
  const route = r.kind === 'supply' ? supplyRequestRoute() : printingRequestRoute();
  const given = req.steps
    .filter((s) => s.decision === 'approved' && (s.key === 'deputy' || s.key === 'director'))
    .map((s) => s.key as Approver);
  // A level skipped because it fell on the applicant or nobody (LV-4) is covered by the director's approval.
  if (given.includes('director') && !req.steps.some((s) => s.key === 'deputy')) given.push('deputy');
  const ok = requestApproved(route, given);
  await update(
    db.spendRequests,
    r.id,
    ok ? { status: 'approved', approvedOn: today() } : { status: 'rejected' },
    actor,
    ok ? `${route.formName}已批准` : `${route.formName}审批不全`,
  );
}

export async function withdrawSpendRequest(id: string, actor: Actor): Promise<void> {
  const r = await db.spendRequests.get(id);
  if (!r?.approvalId) throw new DomainError('该申报单不在审批中');
  await withdraw(r.approvalId, actor);
}

export async function markRequestPrinted(id: string, actor: Actor): Promise<void> {
  await writeTx([db.spendRequests], async () => {
    await update(db.spendRequests, id, { printedAt: nowIso() }, actor, '打印申报单');
  });
}

// ---------------------------------------------------------------- reads used by screens and providers

// The claims list (报销): one year's claims, newest number first, `limit + 1` rows so the screen
// knows whether 加载更多 has more. One person's (index [claimantId+year+seq], a status filter on
// those), or one status (index [status+year+seq]), or all. Soft-deleted rows are skipped before the limit.
export async function listClaims(
  year: number,
  f: { claimantId?: string | null; status?: ExpenseStatus | '' },
  limit: number,
): Promise<Expense[]> {
  const { claimantId, status } = f;
  const range = claimantId
    ? db.expenses
        .where('[claimantId+year+seq]')
        .between([claimantId, year, Dexie.minKey], [claimantId, year, Dexie.maxKey])
    : status
      ? db.expenses.where('[status+year+seq]').between([status, year, Dexie.minKey], [status, year, Dexie.maxKey])
      : db.expenses.where('[year+seq]').between([year, Dexie.minKey], [year, Dexie.maxKey]);
  return range
    .reverse()
    .filter((e) => !e.deletedAt && (!status || e.status === status))
    .limit(limit + 1)
    .toArray();
}

export async function approvedRequestsFor(kind: RequestKind, applicantId?: string): Promise<SpendRequest[]> {
  const rows = await db.spendRequests.where('status').equals('approved').toArray();
  return rows.filter(
    (r) => !r.deletedAt && r.kind === kind && (!applicantId || r.applicantId === applicantId),
  );
}

export { claimDue };
