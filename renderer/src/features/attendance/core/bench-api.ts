// Entry points for the benchmark (scripts/bench.mjs drives them in the browser): bulk sign-ins in
// chunked transactions, and the month's 考勤表 built and written to .xlsx bytes without saving.
import type { LedgerSpec } from '../../../../../shared/ledger';
import { monthScoreSpec, monthSheetSpec } from '../../../../../shared/ledgers/attendance';
import type { ISODate } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { now } from '../../../db/clock';
import { SYSTEM_ACTOR } from '../../../db/repo';
import { writeWorkbook } from '../../../export/workbook';

import { makeSignIns, seededRandom } from './signInGen';
import { bulkAddSignIns } from './signins';
import { officialMonthRows } from './tally';

export async function generateSignIns(
  staffIds: string[],
  fromDate: ISODate,
  toDate: ISODate,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const cal = await loadCalendar();
  const records = makeSignIns(staffIds, fromDate, toDate, { cal, rand: seededRandom(7) });
  return bulkAddSignIns(records, SYSTEM_ACTOR, onProgress);
}

// Both sheets of the month (考勤表, 月考核分汇总) as the screen builds them.
export async function monthSheetSpecs(year: number, month: number): Promise<LedgerSpec[]> {
  const { rows, unit } = await officialMonthRows(year, month);
  return [
    monthSheetSpec({ unitName: unit, year, month, rows }),
    monthScoreSpec({ unitName: unit, year, month, rows }),
  ];
}

// …written to .xlsx bytes by the export worker, as the screen's export does (not saved).
export async function exportMonthSheet(year: number, month: number): Promise<Uint8Array> {
  return writeWorkbook(await monthSheetSpecs(year, month), now(), SYSTEM_ACTOR.name);
}
