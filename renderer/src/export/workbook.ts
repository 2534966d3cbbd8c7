// Writes ledgers to .xlsx bytes in the export worker (off the interface thread), with progress: one
// worker kept for every export, and the same code on this thread where no worker can run
// (worker/jobs.ts).
import type { LedgerSpec } from '../../../shared/ledger';
import { jobClient } from '../worker/jobs';

import type { ExportRequest } from './workerProtocol';
import type { ExportProgress } from './xlsx';

const exportJobs = jobClient<ExportRequest, ExportProgress, { bytes: Uint8Array }, Uint8Array>({
  start: () => new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: '导出' }),
  inThread: async (req, onProgress) => {
    const { ledgerWorkbook } = await import('./xlsx');
    return ledgerWorkbook(req.specs, req.exportedAt, req.exportedBy, onProgress);
  },
  resultOf: (done) => done.bytes,
  fallbackNote: '导出线程不可用，改在界面线程导出：',
});

// How long the last export's writing took inside the worker (the benchmark sets it beside the whole
// round trip, to show what the hop to the worker costs).
export function lastWorkerMs(): number | null {
  return exportJobs.lastWorkMs();
}

export function writeWorkbook(
  specs: LedgerSpec[],
  exportedAt: Date,
  exportedBy: string,
  onProgress?: (p: ExportProgress) => void,
): Promise<Uint8Array> {
  return exportJobs.run({ specs, exportedAt, exportedBy }, onProgress);
}

// For tests: forget the worker so that the next export starts a new one.
export function resetExportWorker(): void {
  exportJobs.reset();
}
