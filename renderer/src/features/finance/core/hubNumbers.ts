// FIN-1 claim numbers with several PCs (sync/seqNumbering.ts): with sync on a claim is filed
// 待编号 and takes its 报销〔year〕n号 from the hub.
import type { Expense } from '../../../db/schema/finance';
import { seqNumbering } from '../../../sync/seqNumbering';

import { expenseNumber } from './claims';

export const expenseNumbering = seqNumbering<Expense>({
  table: 'expenses',
  what: '报销单编号',
  series: 'expense',
  fields: (r, seq) => ({ number: expenseNumber(r.year, seq) }),
});
