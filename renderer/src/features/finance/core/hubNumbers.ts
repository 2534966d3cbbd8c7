// FIN-1 claim numbers and FIN-6 申报单 numbers (用品〔year〕n号, 印制〔year〕n号, per kind) with several PCs (sync/seqNumbering.ts): with sync on a claim is filed
// 待编号 and takes its 报销〔year〕n号 from the hub.
import { db } from '../../../db/db';
import type { Expense, RequestKind, SpendRequest } from '../../../db/schema/finance';
import { pendingByKindYear, seqNumbering, topByKindYear } from '../../../sync/seqNumbering';

import { expenseNumber } from './claims';
import { requestNumber } from './requests';

export const expenseNumbering = seqNumbering<Expense>({
  table: 'expenses',
  what: '报销单编号',
  series: 'expense',
  fields: (r, seq) => ({ number: expenseNumber(r.year, seq) }),
});

const KINDS: readonly RequestKind[] = ['supply', 'printing'];

export const spendRequestNumbering = seqNumbering<SpendRequest>({
  table: 'spendRequests',
  what: '申报单编号',
  series: (r) => `request-${r.kind}`,
  fields: (r, seq) => ({ number: requestNumber(r.kind, r.year, seq) }),
  pending: () => pendingByKindYear(db.spendRequests, KINDS, 'requestedOn'),
  localTop: (series, year) => topByKindYear(db.spendRequests, series.slice('request-'.length), year),
  copiedTo: ['expenses'], // a claim quoting the form (FIN-6) while it was 待编号
});
