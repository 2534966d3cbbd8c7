// Export entry points for the modules. The workbook is written in the export worker (exceljs is
// loaded there, never in the start-up bundle), with its progress on screen.
import type { LedgerSpec } from '../../../shared/ledger';
import { currentActor } from '../auth/session';
import { now } from '../db/clock';
import { logEvent } from '../db/repo';
import { saveXlsx } from '../platform';

import { exportNotice } from './progress';
import { writeWorkbook } from './workbook';

export async function exportLedger(
  fileName: string,
  specs: LedgerSpec[],
): Promise<{ saved: boolean; path?: string }> {
  const actor = currentActor();
  const notice = exportNotice(`正在导出${specs.map((s) => s.ledgerName).join('、')}`);
  let bytes: Uint8Array;
  try {
    bytes = await writeWorkbook(specs, now(), actor.name, notice.progress);
  } finally {
    notice.close();
  }
  const result = await saveXlsx(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`, bytes);
  if (result.saved) {
    await logEvent(
      'export',
      fileName,
      `导出 ${specs.map((s) => s.ledgerName).join('、')}（${specs[0]?.period ?? ''}）`,
      actor,
      {
        rows: specs.reduce((n, s) => n + s.rows.length, 0),
      },
    );
  }
  return result;
}
