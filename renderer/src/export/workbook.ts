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

// A small ledger written once when the interface is idle after sign-in: the worker is then
// started, exceljs loaded and its writer compiled before the user's first export (which would
// otherwise pay for all three: 362 ms against 66 ms warm in the benchmark).
const WARM_SPEC: LedgerSpec = {
  unitName: '预热',
  ledgerName: '预热',
  period: '',
  // every kind of cell a ledger has, over enough rows for the writer's code to be compiled
  columns: [
    { key: 'no', header: '序号', type: 'int' },
    { key: 'on', header: '日期', type: 'date' },
    { key: 'code', header: '编号', wrap: false },
    { key: 'text', header: '内容摘要', width: 30 },
    { key: 'money', header: '金额', type: 'money' },
  ],
  rows: Array.from({ length: 300 }, (_, i) => ({
    no: i + 1,
    on: '2026-01-05',
    code: `预热${i}`,
    text: '预热用的一行较长的文字，使换行与行高的计算也走一遍。'.repeat(1 + (i % 3)),
    money: i * 100,
  })),
};
let warming: Promise<void> | null = null;
export function warmExportWorker(): Promise<void> {
  warming ??= exportJobs.warm({ specs: [WARM_SPEC], exportedAt: new Date(0), exportedBy: '' });
  return warming;
}

// Called once the signed-in screens are up: warms the worker once `after` has resolved (the first
// screen has its data) and then the interface has nothing to do. Returns the cancel.
export function warmExportWorkerWhenIdle(after: Promise<void> = Promise.resolve()): () => void {
  let cancelled = false;
  let cancel: (() => void) | null = null;
  void after.then(() => {
    if (!cancelled) cancel = whenIdle(() => void warmExportWorker());
  });
  return () => {
    cancelled = true;
    cancel?.();
  };
}

// Runs `fn` when the interface has nothing to do (at the latest after 3 s). Returns the cancel.
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 3000 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 1000);
  return () => clearTimeout(t);
}

// For tests: forget the worker so that the next export starts a new one.
export function resetExportWorker(): void {
  exportJobs.reset();
  warming = null;
}
