import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { ruleText } from '../../../../../shared/rules';
import { decide, registerApprovalHandler } from '../../../approvals/engine';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import type { Expense, InvoiceLine } from '../../../db/schema/finance';
import { refusal, withSeededOrg } from '../../../db/testing';
import { createRewardPayout, registerPiece, reviewPiece, updatePiece } from '../../publicity/core/pieces';
import type { PieceInput } from '../../publicity/core/pieces';

import { recordSignedBill, settleSignedBills } from './bills';
import type { SignedBillInput } from './bills';
import { expenseStepSpecs, fileExpense, submitExpense, WITNESS } from './claims';
import type { ExpenseInput } from './claims';
import { createTuitionClaim, expenseHandlerTables, markExpensePaid, onExpenseFinished } from './payments';
import { listClaims } from './queries';
import { onSpendRequestFinished, spendRequestHandlerTables, submitSpendRequest } from './requests';

const org = withSeededOrg('2026-03-16T10:00:00', async () => {
  registerApprovalHandler('expense', { tables: expenseHandlerTables, onFinished: onExpenseFinished });
  registerApprovalHandler('supply', {
    tables: spendRequestHandlerTables,
    onFinished: onSpendRequestFinished,
  });
  registerApprovalHandler('printing', {
    tables: spendRequestHandlerTables,
    onFinished: onSpendRequestFinished,
  });
});

const inv = (amountFen: number, kind: InvoiceLine['kind'] = 'vat_ordinary'): InvoiceLine => ({
  kind,
  number: 'No.001',
  amountFen,
});

function claim(over: Partial<ExpenseInput> = {}): ExpenseInput {
  return {
    category: 'office',
    purpose: '购买打印纸',
    expenseOn: '2026-03-10',
    advanced: true,
    invoices: [inv(35000)],
    ...over,
  };
}

// a claim of org.staff's, submitted and refused
const refusedClaim = (over: Partial<ExpenseInput> = {}) =>
  refusal(submitExpense(claim(over), org.actor(org.staff)));

async function decision(date = '2026-03-02', kind: 'director_office' | 'staff' = 'director_office') {
  return insert(
    db.meetingDecisions,
    {
      meetingId: 'm1',
      meetingKind: kind,
      meetingDate: date,
      year: 2026,
      seq: 3,
      number: '局长办公会决定〔2026〕3号',
      text: '同意采购办公电脑两台',
      followUp: 'open',
    },
    SYSTEM_ACTOR,
  );
}

async function approveAll(reqId: string, people: Staff[], witness = '周文书') {
  for (const [i, p] of people.entries()) {
    await decide(
      { requestId: reqId, decision: 'approved', extra: i === 0 ? { [WITNESS]: witness } : undefined },
      org.actor(p),
    );
  }
}

// a bill signed by org.staff at 城南饭店 on 20 January
const bill = (o: Partial<SignedBillInput> = {}): SignedBillInput => ({
  vendor: '城南饭店',
  signedOn: '2026-01-20',
  signerId: org.staff.id,
  description: '接待',
  amountFen: 48000,
  ...o,
});

describe('FIN-1 step order', () => {
  it('routes a claim: finance check → discipline → 分管财务 → 局长, after the handler signs', async () => {
    const e = await submitExpense(claim(), org.actor(org.staff));
    expect(e.status).toBe('pending');
    expect(e.handlerSignedAt).toBeTruthy();
    const req = (await db.approvals.get(e.approvalId!))!;
    expect(req.steps.map((s) => s.key)).toEqual([
      'office_finance_check',
      'discipline_review',
      'finance_leader',
      'director',
    ]);
    expect(req.steps.map((s) => s.approverId)).toEqual([
      org.finance.id,
      org.discipline.id,
      org.deputy.id,
      org.director.id,
    ]);
    expect(req.ruleIds).toContain('FIN-1');
  });

  it('refuses a decision out of order and walks the steps to 待付款, then 已付款', async () => {
    const e = await submitExpense(claim(), org.actor(org.staff));
    const err = await refusal(
      decide({ requestId: e.approvalId!, decision: 'approved' }, org.actor(org.director)),
    );
    expect(err.message).toContain('此步骤应由 吴会计 审批');
    await approveAll(e.approvalId!, [org.finance, org.discipline, org.deputy, org.director]);
    const req = (await db.approvals.get(e.approvalId!))!;
    expect(req.steps[0].extra?.[WITNESS]).toBe('周文书');
    expect((await db.expenses.get(e.id))!.status).toBe('approved');
    await refusal(markExpensePaid(e.id, '2026-03-16', org.actor(org.staff)));
    const paid = await markExpensePaid(e.id, '2026-03-16', org.actor(org.finance));
    expect(paid.status).toBe('paid');
  });

  it('moves the check step away from the finance officer’s own claim', async () => {
    const steps = await expenseStepSpecs(org.finance);
    expect(steps[0].approverId).toBe(org.clerk.id);
  });

  it('merges the 分管财务 step into the 局长 when the deputy claims', async () => {
    const steps = await expenseStepSpecs(org.deputy);
    expect(steps.map((s) => s.approverId)).toEqual([org.finance.id, org.discipline.id, org.director.id]);
  });

  it('a rejected claim is 已退回', async () => {
    const e = await submitExpense(claim(), org.actor(org.staff));
    await decide(
      { requestId: e.approvalId!, decision: 'rejected', comment: '票据不全' },
      org.actor(org.finance),
    );
    expect((await db.expenses.get(e.id))!.status).toBe('rejected');
  });
});

describe('FIN-2 late claims', () => {
  it('accepts a claim on the last day of the month (2026-02-16 → 2026-03-16)', async () => {
    const e = await submitExpense(claim({ expenseOn: '2026-02-16' }), org.actor(org.staff));
    expect(e.late).toBe(false);
  });
  it('refuses a late claim without a reason, at the reason field', async () => {
    const err = await refusedClaim({ expenseOn: '2026-02-13' });
    expect(err.ruleId).toBe('FIN-2');
    expect(err.field).toBe('lateReason');
  });
  it('flags a late claim with its reason', async () => {
    const e = await submitExpense(
      claim({ expenseOn: '2026-02-13', lateReason: '出差在外' }),
      org.actor(org.staff),
    );
    expect(e.late).toBe(true);
    expect(e.lateReason).toBe('出差在外');
    expect((await db.approvals.get(e.approvalId!))!.ruleIds).toContain('FIN-2');
  });
  it('does not apply to money not advanced by the handler', async () => {
    const e = await submitExpense(claim({ expenseOn: '2026-01-05', advanced: false }), org.actor(org.staff));
    expect(e.late).toBe(false);
  });
  it('refuses an expense date after the claim date', async () => {
    const err = await refusedClaim({ expenseOn: '2026-03-20' });
    expect(err.field).toBe('expenseOn');
  });
});

describe('FIN-4 white slips', () => {
  it('refuses a claim with a white slip, quoting the rule', async () => {
    const err = await refusedClaim({ invoices: [inv(10000), inv(5000, 'white_slip')] });
    expect(err.ruleId).toBe('FIN-4');
    expect(err.field).toBe('invoices.1.kind');
    expect(err.message).toContain(ruleText('FIN-4').text);
    expect(await db.expenses.count()).toBe(0);
  });
  it('refuses a white slip already when the spending is filed', async () => {
    const err = await refusal(
      fileExpense(claim({ invoices: [inv(5000, 'white_slip')] }), org.actor(org.staff)),
    );
    expect(err.ruleId).toBe('FIN-4');
  });
  it('refuses a settlement of signed bills on a white slip', async () => {
    const b = await recordSignedBill(
      bill({ signedOn: '2026-03-01', description: '工作餐' }),
      org.actor(org.finance),
    );
    const err = await refusal(
      settleSignedBills([b.id], { kind: 'white_slip', number: '' }, org.actor(org.finance)),
    );
    expect(err.ruleId).toBe('FIN-4');
    expect((await db.signedBills.get(b.id))!.status).toBe('open');
  });
});

describe('FIN-5 purchases of 2000 yuan or more', () => {
  it('refuses exactly 2000.00 without a 局长办公会 decision', async () => {
    const err = await refusedClaim({ category: 'purchase', invoices: [inv(200000)] });
    expect(err.ruleId).toBe('FIN-5');
    expect(err.field).toBe('meetingDecisionId');
  });
  it('lets 1999.99 through without one', async () => {
    const e = await submitExpense(
      claim({ category: 'purchase', invoices: [inv(199999)] }),
      org.actor(org.staff),
    );
    expect(e.status).toBe('pending');
  });
  it('passes with a cited decision and records its number', async () => {
    const d = await decision();
    const e = await submitExpense(
      claim({ category: 'purchase', invoices: [inv(200000)], meetingDecisionId: d.id }),
      org.actor(org.staff),
    );
    expect(e.meetingDecisionNumber).toBe('局长办公会决定〔2026〕3号');
    expect((await db.approvals.get(e.approvalId!))!.ruleIds).toContain('FIN-5');
  });
  it('refuses a 局务会 decision and a decision made after the spending', async () => {
    const staffMeeting = await decision('2026-03-02', 'staff');
    const later = await decision('2026-03-12');
    for (const d of [staffMeeting, later]) {
      const err = await refusedClaim({
        category: 'purchase',
        invoices: [inv(300000)],
        meetingDecisionId: d.id,
      });
      expect(err.ruleId).toBe('FIN-5');
    }
  });
  it('does not apply to travel', async () => {
    const e = await submitExpense(
      claim({ category: 'travel', invoices: [inv(250000)] }),
      org.actor(org.staff),
    );
    expect(e.status).toBe('pending');
  });
});

describe('FIN-6 request forms', () => {
  async function supplyRequest() {
    return submitSpendRequest(
      {
        kind: 'supply',
        title: '添置文件柜',
        reason: '档案增加',
        items: [{ name: '文件柜', quantity: 2, unit: '个', estFen: 90000 }],
      },
      org.actor(org.staff),
    );
  }

  it('refuses supplies without an approved 添置办公用品申报单 (personal cost)', async () => {
    const err = await refusedClaim({ category: 'supplies' });
    expect(err.ruleId).toBe('FIN-6');
    expect(err.message).toContain('费用自理');
  });

  it('needs the 分管领导 and then the 主要领导 for supplies, before the spending', async () => {
    const r = await supplyRequest();
    const req = (await db.approvals.get(r.approvalId!))!;
    expect(req.steps.map((s) => s.approverId)).toEqual([org.deputy.id, org.director.id]);
    // Not yet approved: refused.
    expect(
      (await refusedClaim({ category: 'supplies', requestId: r.id, expenseOn: '2026-03-16' })).ruleId,
    ).toBe('FIN-6');
    await decide({ requestId: r.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    expect((await db.spendRequests.get(r.id))!.status).toBe('pending');
    await decide({ requestId: r.approvalId!, decision: 'approved' }, org.actor(org.director));
    const done = (await db.spendRequests.get(r.id))!;
    expect(done.status).toBe('approved');
    expect(done.approvedOn).toBe('2026-03-16');
    // Spending before the approval: refused; on the day: accepted; the same form twice: refused.
    expect(
      (await refusedClaim({ category: 'supplies', requestId: r.id, expenseOn: '2026-03-10' })).ruleId,
    ).toBe('FIN-6');
    const e = await submitExpense(
      claim({ category: 'supplies', requestId: r.id, expenseOn: '2026-03-16' }),
      org.actor(org.staff),
    );
    expect(e.requestNumber).toBe(r.number);
    expect(
      (await refusedClaim({ category: 'supplies', requestId: r.id, expenseOn: '2026-03-16' })).ruleId,
    ).toBe('FIN-6');
  });

  it('lets one leader approve a printing request (分管领导 or 主要领导)', async () => {
    const r = await submitSpendRequest(
      {
        kind: 'printing',
        title: '信访条例宣传册',
        reason: '宣传月',
        items: [{ name: '宣传册', quantity: 500, unit: '份', estFen: 60000 }],
        printer: '县印刷厂',
        approverLevel: 'director',
      },
      org.actor(org.staff),
    );
    const req = (await db.approvals.get(r.approvalId!))!;
    expect(req.steps.map((s) => s.approverId)).toEqual([org.director.id]);
    await decide({ requestId: r.approvalId!, decision: 'approved' }, org.actor(org.director));
    expect((await db.spendRequests.get(r.id))!.status).toBe('approved');
    const wrongKind = await refusedClaim({ category: 'supplies', requestId: r.id, expenseOn: '2026-03-16' });
    expect(wrongKind.ruleId).toBe('FIN-6');
    const e = await submitExpense(
      claim({ category: 'printing', requestId: r.id, expenseOn: '2026-03-16' }),
      org.actor(org.staff),
    );
    expect(e.status).toBe('pending');
  });

  it('numbers after the highest of its kind and year, not counting a form still 待编号', async () => {
    const first = await supplyRequest();
    expect(first.seq).toBe(1);
    // a form saved 待编号 while sync was on, and sync turned off since: seq 0 until numbered
    await db.spendRequests.put({ ...first, id: 'waiting', seq: 0, number: '待编号' });
    const next = await supplyRequest();
    expect(next.seq).toBe(2);
  });

  it('a rejected request stays refused for claims', async () => {
    const r = await supplyRequest();
    await decide({ requestId: r.approvalId!, decision: 'rejected', comment: '暂缓' }, org.actor(org.deputy));
    expect((await db.spendRequests.get(r.id))!.status).toBe('rejected');
  });
});

describe('FIN-3 signed bills', () => {
  it('settles a vendor’s quarter in one claim and marks the bills settled when paid', async () => {
    const a = await recordSignedBill(bill(), org.actor(org.finance));
    const b = await recordSignedBill(
      bill({ signedOn: '2026-02-20', amountFen: 12050 }),
      org.actor(org.finance),
    );
    expect(a.settleBy).toBe('2026-03-31');
    const e = await settleSignedBills(
      [a.id, b.id],
      { kind: 'vat_ordinary', number: '0001' },
      org.actor(org.finance),
    );
    expect(e.amountFen).toBe(60050);
    expect((await db.signedBills.get(a.id))!.status).toBe('settling');
    // The finance officer is the handler: the check goes to the office.
    await approveAll(e.approvalId!, [org.clerk, org.discipline, org.deputy, org.director]);
    await markExpensePaid(e.id, '2026-03-16', org.actor(org.finance));
    expect((await db.signedBills.get(b.id))!.status).toBe('settled');
  });
  it('refuses bills of two vendors in one settlement', async () => {
    const a = await recordSignedBill(
      bill({ vendor: '甲', description: 'x', amountFen: 100 }),
      org.actor(org.finance),
    );
    const b = await recordSignedBill(
      bill({ vendor: '乙', description: 'x', amountFen: 100 }),
      org.actor(org.finance),
    );
    expect(
      (
        await refusal(
          settleSignedBills([a.id, b.id], { kind: 'vat_ordinary', number: '1' }, org.actor(org.finance)),
        )
      ).ruleId,
    ).toBe('FIN-3');
  });
});

describe('PUB-1 via the claim', () => {
  // a city-level 800-character piece of information by org.staff, with the published original
  const piece = (o: Partial<PieceInput> = {}): PieceInput => ({
    staffId: org.staff.id,
    title: 't',
    outlet: 'o',
    level: 'city',
    publishedOn: '2026-02-10',
    chars: 800,
    kind: 'info',
    originalSubmitted: true,
    ...o,
  });

  it('computes the reward again when a claim is corrected before review', async () => {
    const draft = { staffId: org.staff.id, title: ' 简讯 ', outlet: '新宁日报', publishedOn: '2026-02-11' };
    const first = { ...draft, level: 'county', chars: 300, kind: 'info', originalSubmitted: true } as const;
    const p = await registerPiece(first, org.actor(org.staff));
    expect(p).toMatchObject({ title: '简讯', rewardFen: 5000, year: 2026, claimState: 'claimed' });
    const fix = { ...first, title: '调研', level: 'province', chars: '1500', kind: 'research' } as const;
    const u = await updatePiece(p.id, fix, org.actor(org.staff));
    expect(u).toMatchObject({
      title: '调研',
      level: 'province',
      chars: 1500,
      kind: 'research',
      rewardFen: 60000,
    });
    expect(u).toMatchObject({ rewardRow: 'research', claimState: 'claimed', claimedOn: p.claimedOn });
  });
  it('rewards a 1500-character provincial research article 600 yuan and pays it through FIN-1', async () => {
    const p = await registerPiece(
      piece({
        title: '关于信访积案化解的调研',
        outlet: '湖南信访',
        level: 'province',
        chars: 1500,
        kind: 'research',
      }),
      org.actor(org.staff),
    );
    expect(p.rewardFen).toBe(60000);
    expect(p.rewardRow).toBe('research');
    const short = await registerPiece(
      piece({ title: '简讯', outlet: '新宁日报', level: 'county', publishedOn: '2026-02-11', chars: 300 }),
      org.actor(org.staff),
    );
    expect(short.rewardFen).toBe(5000);
    // The author cannot review their own claim; the office can.
    expect((await refusal(reviewPiece(p.id, true, '', org.actor(org.staff)))).message).toContain('权限');
    await reviewPiece(p.id, true, '原稿已核', org.actor(org.clerk));
    await reviewPiece(short.id, true, '', org.actor(org.clerk));
    const e = await createRewardPayout([p.id, short.id], org.actor(org.finance));
    expect(e.amountFen).toBe(65000);
    expect(e.category).toBe('publicity_reward');
    await approveAll(e.approvalId!, [org.clerk, org.discipline, org.deputy, org.director]);
    await markExpensePaid(e.id, '2026-03-16', org.actor(org.finance));
    expect((await db.publicityPieces.get(p.id))!.claimState).toBe('paid');
  });
  it('refuses a claim without the published original (PUB-2) and an unreviewed payout', async () => {
    const err = await refusal(registerPiece(piece({ originalSubmitted: false }), org.actor(org.staff)));
    expect(err.ruleId).toBe('PUB-2');
    const p = await registerPiece(piece(), org.actor(org.staff));
    expect(p.rewardFen).toBe(20000);
    expect((await refusal(createRewardPayout([p.id], org.actor(org.finance)))).ruleId).toBe('PUB-2');
  });
  it('frees the pieces again when the payout claim is rejected', async () => {
    const p = await registerPiece(piece({ level: 'national', chars: 200 }), org.actor(org.staff));
    await reviewPiece(p.id, true, '', org.actor(org.clerk));
    const e = await createRewardPayout([p.id], org.actor(org.finance));
    await decide({ requestId: e.approvalId!, decision: 'rejected', comment: '重报' }, org.actor(org.clerk));
    const after = (await db.publicityPieces.get(p.id))!;
    expect(after.expenseId).toBeNull();
    expect(after.claimState).toBe('office_reviewed');
  });
});

describe('STU-5 tuition claims from 学习', () => {
  it('turns submitted tuition claims into one expense claim, then marks them paid', async () => {
    const t = await insert(
      db.tuitionClaims,
      {
        staffId: org.staff.id,
        kind: 'tuition',
        description: '汉语言文学本科自考学费',
        paidFen: 300000,
        reimbursableFen: 200000,
        status: 'submitted',
        submittedOn: '2026-03-01',
      },
      SYSTEM_ACTOR,
    );
    expect((await refusal(createTuitionClaim([t.id], org.actor(org.staff)))).message).toContain('权限');
    const e = await createTuitionClaim([t.id], org.actor(org.finance));
    expect(e).toMatchObject({ category: 'tuition', amountFen: 200000 });
    expect(await db.tuitionClaims.get(t.id)).toMatchObject({ status: 'claimed', expenseId: e.id });
    expect((await refusal(createTuitionClaim([t.id], org.actor(org.finance)))).ruleId).toBe('STU-5');
    await approveAll(e.approvalId!, [org.clerk, org.discipline, org.deputy, org.director]);
    await markExpensePaid(e.id, '2026-03-16', org.actor(org.finance));
    expect((await db.tuitionClaims.get(t.id))!.status).toBe('paid');
  });
});

describe('FIN-1 filing before the spending (备案)', () => {
  it('files a draft that keeps its number when the handler later submits it; only the handler can', async () => {
    const d = await fileExpense(claim({ invoices: [] }), org.actor(org.staff));
    expect(d).toMatchObject({ status: 'draft', claimedOn: null, amountFen: 0 });
    expect((await refusal(submitExpense(claim(), org.actor(org.head), d.id))).message).toContain(
      '经办人本人',
    );
    const e = await submitExpense(claim(), org.actor(org.staff), d.id);
    expect(e).toMatchObject({
      id: d.id,
      number: d.number,
      status: 'pending',
      claimedOn: '2026-03-16',
      amountFen: 35000,
    });
  });
});

describe('listClaims (the claims list)', () => {
  // Claims of 2025 and 2026 by two people in several states; the list reads one year by index.
  async function ledger() {
    const a = org.clerk.id;
    const b = org.finance.id;
    const rows: [number, number, string, Expense['status'], boolean?][] = [
      [2025, 1, a, 'paid'],
      [2025, 2, a, 'pending'],
      [2025, 3, b, 'pending'],
      [2026, 1, a, 'paid'],
      [2026, 2, b, 'pending'],
      [2026, 3, a, 'pending'],
      [2026, 4, a, 'pending', true],
      [2026, 5, b, 'paid'],
      [2026, 6, a, 'draft'],
    ];
    await db.expenses.bulkAdd(
      rows.map(([year, seq, claimantId, status, deleted]) => {
        const e = {
          id: `e${year}-${seq}`,
          year,
          seq,
          claimantId,
          status,
          expenseOn: `${year}-01-0${seq}`,
          deletedAt: deleted ? `${year}-02-01T00:00:00.000Z` : null,
        };
        return e as unknown as Expense;
      }),
    );
  }
  const ids = (rows: Expense[]) => rows.map((e) => e.id.slice(1));

  it('reads one year, newest number first, limit + 1 rows, without deleted ones', async () => {
    await ledger();
    expect(ids(await listClaims(2026, {}, 10))).toEqual(['2026-6', '2026-5', '2026-3', '2026-2', '2026-1']);
    expect(ids(await listClaims(2026, {}, 1))).toEqual(['2026-6', '2026-5']);
    expect(ids(await listClaims(2025, { status: '' }, 10))).toEqual(['2025-3', '2025-2', '2025-1']);
  });

  it('lists the claims still 待编号 (seq 0: sync on, the hub away) first, newest first', async () => {
    await ledger();
    const waiting = (id: string, createdAt: string, status: Expense['status'] = 'pending') =>
      ({
        id,
        year: 2026,
        seq: 0,
        claimantId: org.clerk.id,
        status,
        createdAt,
        deletedAt: null,
      }) as unknown as Expense;
    await db.expenses.bulkAdd([waiting('w1', '2026-06-01T09:00:00Z'), waiting('w2', '2026-06-02T09:00:00Z')]);
    expect(ids(await listClaims(2026, {}, 10))).toEqual([
      '2',
      '1',
      '2026-6',
      '2026-5',
      '2026-3',
      '2026-2',
      '2026-1',
    ]);
    expect(ids(await listClaims(2026, {}, 1))).toEqual(['2', '1']);
    expect(ids(await listClaims(2026, { status: 'pending' }, 10))).toEqual(['2', '1', '2026-3', '2026-2']);
    expect(ids(await listClaims(2026, { claimantId: org.clerk.id }, 2))).toEqual(['2', '1', '2026-6']);
  });

  it("reads one person's claims of one year through [claimantId+year+seq], with a status if given", async () => {
    await ledger();
    const a = org.clerk.id;
    expect(ids(await listClaims(2026, { claimantId: a }, 10))).toEqual(['2026-6', '2026-3', '2026-1']);
    expect(ids(await listClaims(2026, { claimantId: a }, 1))).toEqual(['2026-6', '2026-3']);
    expect(ids(await listClaims(2026, { claimantId: a, status: 'pending' }, 10))).toEqual(['2026-3']);
    expect(ids(await listClaims(2025, { claimantId: a, status: 'pending' }, 10))).toEqual(['2025-2']);
    expect(await listClaims(2024, { claimantId: a }, 10)).toEqual([]);
  });

  it('reads one status of one year through [status+year+seq]', async () => {
    await ledger();
    expect(ids(await listClaims(2026, { status: 'pending' }, 10))).toEqual(['2026-3', '2026-2']);
    expect(ids(await listClaims(2026, { status: 'paid' }, 1))).toEqual(['2026-5', '2026-1']);
    expect(ids(await listClaims(2025, { status: 'pending' }, 10))).toEqual(['2025-3', '2025-2']);
    expect(
      await db.expenses
        .where('[status+year+seq]')
        .between(['pending', 2026, Dexie.minKey], ['pending', 2026, Dexie.maxKey])
        .count(),
    ).toBe(3); // the index range holds that year only (2026-4 is deleted, skipped by the list)
  });
});

describe('act dates are never in the future', () => {
  it('refuses a payment dated after today at 付款日期, so it never prints as paid', async () => {
    const e = await submitExpense(claim(), org.actor(org.staff));
    await approveAll(e.approvalId!, [org.finance, org.discipline, org.deputy, org.director]);
    const err = await refusal(markExpensePaid(e.id, '2026-03-21', org.actor(org.finance)));
    expect([err.field, err.message]).toEqual(['paidOn', '付款日期不能晚于今天']);
    expect((await db.expenses.get(e.id))!).toMatchObject({ status: 'approved' });
    expect((await db.expenses.get(e.id))!.paidOn).toBeUndefined();
    expect((await markExpensePaid(e.id, '2026-03-16', org.actor(org.finance))).paidOn).toBe('2026-03-16');
  });

  it('refuses a bill signed after today at 签单日期', async () => {
    const err = await refusal(
      recordSignedBill(
        bill({ vendor: '县宾馆', signedOn: '2026-03-17', description: '接待用餐', amountFen: 30000 }),
        org.actor(org.finance),
      ),
    );
    expect([err.field, err.message]).toEqual(['signedOn', '签单日期不能晚于今天']);
  });
});

describe('the witness (证明人) at the FIN-1 check step', () => {
  it('refuses an approval without one at the 证明人 field, not at the opinion', async () => {
    const e = await submitExpense(claim(), org.actor(org.staff));
    const err = await refusal(
      decide({ requestId: e.approvalId!, decision: 'approved' }, org.actor(org.finance)),
    );
    expect([err.field, err.message]).toEqual([WITNESS, '请填写证明人']);
  });
});
