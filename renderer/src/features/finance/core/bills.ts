// Signed bills (签单, FIN-3): recorded when signed, settled at quarter end in one claim per vendor
// with the vendor's invoice.
import type { Invoice, ISODate } from '../../../../../shared/rules';
import { quarterEndSettlement } from '../../../../../shared/rules';
import { requireActDate } from '../../../db/actDate';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { getLiveMany, live } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { Expense, SignedBill } from '../../../db/schema/finance';
import { requireDate, requireStaff, requireText } from '../../../db/validate';

import { claimTables, submitSourcedClaim } from './claims';

export type SignedBillInput = {
  vendor: string;
  signedOn: ISODate;
  signerId: string;
  description: string;
  amountFen: number;
};

function checkBill(input: SignedBillInput) {
  const vendor = requireText(input.vendor, 'vendor', '签单单位', 100);
  requireDate(input.signedOn, 'signedOn', '签单日期');
  requireActDate(input.signedOn, 'signedOn', '签单日期');
  requireStaff(input.signerId, 'signerId', '签单人');
  const description = requireText(input.description, 'description', '签单事项', 200);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw new DomainError('签单金额须大于0', 'amountFen');
  return { vendor, description };
}

export const recordSignedBill = defineCommand({
  what: '登记签单',
  perm: 'finance.manage',
  tables: (d) => [d.signedBills],
  validate: (input: SignedBillInput) => void checkBill(input),
  run: async (ctx, input: SignedBillInput): Promise<SignedBill> => {
    const { vendor, description } = checkBill(input);
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
      ctx.actor,
      `签单：${vendor} ${description}`,
    );
  },
});

// FIN-3: a vendor's open bills are settled in one claim with the vendor's invoice.
export const settleSignedBills = defineCommand({
  what: '签单结算',
  perm: 'finance.manage',
  tables: claimTables,
  validate: (billIds: string[], _invoice: { kind: Invoice; number: string }) => {
    if (billIds.length === 0) throw new DomainError('请选择要结算的签单', 'bills');
  },
  run: async (ctx, billIds: string[], invoice: { kind: Invoice; number: string }): Promise<Expense> => {
    const bills = await getLiveMany(db.signedBills, billIds);
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
            await update(db.signedBills, id, { status: 'settling', expenseId }, ctx.actor, '季末结算报销');
        },
      },
      ctx.actor,
    );
  },
});

// The quarter's settlement list: the bills to settle by `settleBy` in every state, and the open
// bills of earlier quarters (overdue) while the quarter runs; by vendor, then date.
export async function listQuarterBills(settleBy: ISODate, on: ISODate): Promise<SignedBill[]> {
  const out: SignedBill[] = [];
  for (const s of ['open', 'settling', 'settled'] as const)
    out.push(...(await live(db.signedBills.where('[status+settleBy]').equals([s, settleBy])).toArray()));
  if (settleBy >= on.slice(0, 10))
    out.push(
      ...(await live(
        db.signedBills.where('[status+settleBy]').between(['open', ''], ['open', settleBy], true, false),
      ).toArray()),
    );
  return out.sort(
    (a, b) => a.vendor.localeCompare(b.vendor, 'zh-CN') || a.signedOn.localeCompare(b.signedOn),
  );
}

// Open bills by settlement date up to `until` (deadlines and to-dos).
export function openBillsUntil(until: string): Promise<SignedBill[]> {
  return live(db.signedBills.where('[status+settleBy]').between(['open', ''], ['open', until])).toArray();
}
