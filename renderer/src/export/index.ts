// Export entry points for the modules. exceljs is loaded on demand only.
import type { LedgerSpec } from '../../../shared/ledger';
import { currentActor } from '../auth/session';
import { now } from '../db/clock';
import { logEvent } from '../db/repo';
import { saveXlsx } from '../platform';

export async function exportLedger(fileName: string, specs: LedgerSpec[]): Promise<{ saved: boolean; path?: string }> {
  const actor = currentActor();
  const { ledgerWorkbook } = await import('./xlsx');
  const bytes = await ledgerWorkbook(specs, now(), actor.name);
  const result = await saveXlsx(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`, bytes);
  if (result.saved) {
    await logEvent('export', fileName, `导出 ${specs.map((s) => s.ledgerName).join('、')}（${specs[0]?.period ?? ''}）`, actor, {
      rows: specs.reduce((n, s) => n + s.rows.length, 0),
    });
  }
  return result;
}
