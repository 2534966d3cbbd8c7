// Reads of the claims used by screens, the ledger and the start-up contributions.
import Dexie from 'dexie';

import { db } from '../../../db/db';
import { getLive, isLive, live } from '../../../db/live';
import type { Staff } from '../../../db/schema/core';
import type { Expense, ExpenseStatus } from '../../../db/schema/finance';
import type { TuitionClaim } from '../../../db/schema/meetings';
import { waitingFirst } from '../../../sync/seqNumbering';

export { claimDue } from '../../../../../shared/rules';

// The claims list (报销): one year's claims, newest number first, `limit + 1` rows so the screen
// knows whether 加载更多 has more. One person's (index [claimantId+year+seq], a status filter on
// those), or one status (index [status+year+seq]), or all. Soft-deleted rows are skipped before the
// limit; those still 待编号 come first (waitingFirst).
export async function listClaims(
  year: number,
  f: { claimantId?: string | null; status?: ExpenseStatus | '' },
  limit: number,
): Promise<Expense[]> {
  const { claimantId, status } = f;
  return waitingFirst(
    (lower, upper) =>
      claimantId
        ? db.expenses
            .where('[claimantId+year+seq]')
            .between([claimantId, year, lower], [claimantId, year, upper], true, false)
        : status
          ? db.expenses
              .where('[status+year+seq]')
              .between([status, year, lower], [status, year, upper], true, false)
          : db.expenses.where('[year+seq]').between([year, lower], [year, upper], true, false),
    (e) => isLive(e) && (!status || e.status === status),
    limit,
  );
}

export function getExpense(id: string | null | undefined): Promise<Expense | undefined> {
  return getLive(db.expenses, id);
}

// A year's submitted claims (drafts left out) for the 报销登记 ledger.
export async function claimsOfYear(year: number): Promise<Expense[]> {
  const rows = await live(
    db.expenses.where('[year+seq]').between([year, Dexie.minKey], [year, Dexie.maxKey]),
  ).toArray();
  return rows.filter((e) => e.status !== 'draft');
}

// Filed drafts (备案), few: a draft becomes a claim or is cancelled.
export function draftClaims(): Promise<Expense[]> {
  return live(
    db.expenses.where('[status+expenseOn]').between(['draft', Dexie.minKey], ['draft', Dexie.maxKey]),
  ).toArray();
}

export function claimsToPay(): Promise<Expense[]> {
  return live(db.expenses.where('status').equals('approved')).toArray();
}

// STU-5: tuition claims submitted by the study module and not yet claimed.
export function submittedTuitionClaims(): Promise<TuitionClaim[]> {
  return live(db.tuitionClaims.where('status').equals('submitted')).toArray();
}

export async function staffNames(): Promise<Map<string, string>> {
  return new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
}

export function staffRecord(id: string): Promise<Staff | undefined> {
  return getLive(db.staff, id);
}
