// Writes ledgers to .xlsx bytes in the export worker (off the interface thread), with progress.
// One worker is started on the first export and kept for the next ones. Where no worker can run
// (an old runtime, a worker script that fails to load) the same code runs here instead, so an
// export never fails for want of a thread.
import type { LedgerSpec } from '../../../shared/ledger';

import type { ExportReply, ExportRequest } from './workerProtocol';
import type { ExportProgress } from './xlsx';

type Job = {
  req: ExportRequest;
  onProgress?: (p: ExportProgress) => void;
  resolve: (bytes: Uint8Array) => void;
  reject: (e: Error) => void;
};

let worker: Worker | null | undefined; // undefined: not started yet; null: none can run here
let nextId = 1;
let lastWorkMs: number | null = null;

// How long the last export's writing took inside the worker (the benchmark sets it beside the whole
// round trip, to show what the hop to the worker costs).
export function lastWorkerMs(): number | null {
  return lastWorkMs;
}
const jobs = new Map<number, Job>();

async function inThread(job: Job): Promise<void> {
  try {
    const { ledgerWorkbook } = await import('./xlsx');
    job.resolve(await ledgerWorkbook(job.req.specs, job.req.exportedAt, job.req.exportedBy, job.onProgress));
  } catch (e) {
    job.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function onReply(reply: ExportReply) {
  const job = jobs.get(reply.id);
  if (!job) return;
  if (reply.type === 'progress') {
    job.onProgress?.(reply.progress);
    return;
  }
  jobs.delete(reply.id);
  if (reply.type === 'done') {
    lastWorkMs = reply.workMs;
    job.resolve(reply.bytes);
  }
  else job.reject(new Error(reply.message));
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: '导出' });
    w.onmessage = (e: MessageEvent<ExportReply>) => onReply(e.data);
    // The worker could not load or died: give up on it and finish its jobs here.
    w.onerror = (e) => {
      e.preventDefault?.();
      console.error('导出线程不可用，改在界面线程导出：', e.message);
      w.terminate();
      worker = null;
      const left = [...jobs.values()];
      jobs.clear();
      for (const job of left) void inThread(job);
    };
    return (worker = w);
  } catch (e) {
    console.error('导出线程不可用，改在界面线程导出：', e);
    return (worker = null);
  }
}

export function writeWorkbook(
  specs: LedgerSpec[],
  exportedAt: Date,
  exportedBy: string,
  onProgress?: (p: ExportProgress) => void,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const job: Job = { req: { id: nextId++, specs, exportedAt, exportedBy }, onProgress, resolve, reject };
    const w = startWorker();
    if (!w) {
      void inThread(job);
      return;
    }
    jobs.set(job.req.id, job);
    w.postMessage(job.req);
  });
}

// For tests: forget the worker so that the next export starts a new one.
export function resetExportWorker(): void {
  worker?.terminate();
  worker = undefined;
  jobs.clear();
}
