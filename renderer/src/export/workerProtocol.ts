// The messages between the interface and the export worker, and the worker's side of them (kept
// apart from xlsx.worker.ts so that unit tests can drive it without a real Worker).
import type { LedgerSpec } from '../../../shared/ledger';
import type { JobReply } from '../worker/jobs';

import { ledgerWorkbook } from './xlsx';
import type { ExportProgress } from './xlsx';

export type ExportRequest = { id: number; specs: LedgerSpec[]; exportedAt: Date; exportedBy: string };
export type ExportReply = JobReply<ExportProgress, { bytes: Uint8Array }>;

export async function handleExportRequest(
  req: ExportRequest,
  post: (reply: ExportReply, transfer?: Transferable[]) => void,
): Promise<void> {
  try {
    const t0 = performance.now();
    const bytes = await ledgerWorkbook(req.specs, req.exportedAt, req.exportedBy, (progress) =>
      post({ id: req.id, type: 'progress', progress }),
    );
    post({ id: req.id, type: 'done', bytes, workMs: performance.now() - t0 }, [bytes.buffer]);
  } catch (e) {
    post({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
