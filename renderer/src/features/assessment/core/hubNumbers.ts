// 权力运行记录 numbers with several PCs (sync/seqNumbering.ts): with sync on a record is saved
// 待编号 and takes its 权运〔year〕n号 from the hub.
import type { PowerRecord } from '../../../db/schema/supervision';
import { seqNumbering } from '../../../sync/seqNumbering';

import { powerNumber } from './commands';

export const powerRecordNumbering = seqNumbering<PowerRecord>({
  table: 'powerRecords',
  what: '权力运行记录编号',
  series: 'power',
  fields: (r, seq) => ({ number: powerNumber(r.year, seq) }),
});
