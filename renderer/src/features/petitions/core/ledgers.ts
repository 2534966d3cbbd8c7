// The module's ledgers as the screens (and the benchmark) build them: a period read from the
// [channel+receivedOn+regNo] index, turned into a LedgerSpec by the pure builders of
// shared/ledgers/petitions.ts. The rows come masked from petitionsInRange as the signed-in user
// may see them (PET-6); purpose names the export or print the audit trail records a reveal for.
import type { LedgerSpec } from '../../../../../shared/ledger';
import {
  higherVisitLedgerSpec,
  letterLedgerSpec,
  visitLedgerSpec,
} from '../../../../../shared/ledgers/petitions';
import { daysInMonth, formatISODate } from '../../../../../shared/rules';
import type { ISODate } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { unitName } from '../../../org/org';
import { HIGHER_LEVEL_LABELS } from '../labels';

import { LETTER_CHANNELS, ledgerItem, petitionsInRange } from './queries';
import { loadPetitionSettings } from './settings';

export type LedgerKind = 'letter' | 'visit' | 'higher';

export const LEDGER_NAMES: Record<LedgerKind, string> = {
  letter: '来信台帐',
  visit: '来访台帐',
  higher: '到县到市赴省进京上访台账',
};

export function monthRange(year: number, month: number): { from: ISODate; to: ISODate; period: string } {
  return {
    from: formatISODate(year, month, 1),
    to: formatISODate(year, month, daysInMonth(year, month)),
    period: `${year}年${month}月`,
  };
}

export function rangePeriod(from: ISODate, to: ISODate): string {
  return `${from}至${to}`;
}

export async function buildLedger(
  kind: LedgerKind,
  from: ISODate,
  to: ISODate,
  period: string,
  purpose: 'ledgerExport' | 'ledgerPrint',
): Promise<LedgerSpec> {
  const unit = await unitName();
  if (kind === 'higher') {
    const rows = (await db.higherVisits.where('date').between(from, to, true, true).toArray()).filter(isLive);
    return higherVisitLedgerSpec(
      rows.map((v) => ({ ...v, level: HIGHER_LEVEL_LABELS[v.level] })),
      { unitName: unit, period },
    );
  }
  const [cal, settings, rows] = await Promise.all([
    loadCalendar(),
    loadPetitionSettings(),
    petitionsInRange(kind === 'letter' ? LETTER_CHANNELS : ['visit'], from, to, purpose),
  ]);
  const items = rows.map((p) => ledgerItem(p, cal, settings));
  const o = { unitName: unit, period };
  return kind === 'letter' ? letterLedgerSpec(items, o) : visitLedgerSpec(items, o);
}

export function ledgerFileName(kind: LedgerKind, period: string): string {
  return `${LEDGER_NAMES[kind]}_${period}.xlsx`;
}
