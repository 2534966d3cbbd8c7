// The month's counts as the summary, the printed bulletin and the month sheet show them, in order.
import type { MonthMarkRow } from '../../../../../shared/ledgers/attendance';

type Counts = Pick<
  MonthMarkRow,
  'late' | 'early' | 'absentDays' | 'personalLeaveDays' | 'sickLeaveDays' | 'tripDays'
>;

export const COUNT_COLUMNS: readonly (readonly [head: string, value: (r: Counts) => number])[] = [
  ['迟到', (r) => r.late],
  ['早退', (r) => r.early],
  ['旷工(天)', (r) => r.absentDays],
  ['事假(天)', (r) => r.personalLeaveDays],
  ['病假(天)', (r) => r.sickLeaveDays],
  ['公出(天)', (r) => r.tripDays],
];

export const COUNT_HEADS = COUNT_COLUMNS.map(([h]) => h);
