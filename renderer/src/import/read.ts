// Reads an .xlsx file's first sheet in the import worker (off the interface thread), with progress.
// One worker is started on the first import and kept for the next ones. Where no worker can run
// (an old runtime, a worker script that fails to load, unit tests) the same code runs here instead.
// Every .xlsx import goes through readSpreadsheet: it says plainly when a file is not a workbook and
// lists the cells holding formulas with their address.
import { READ_MSG } from './labels';
import type { ReadReply, ReadRequest } from './protocol';
import type { FormulaCell, ReadProgress, SheetRead, SheetValue } from './sheet';

export type { FormulaCell, ReadProgress, SheetRead, SheetValue };

type Job = {
  req: ReadRequest;
  onProgress?: (p: ReadProgress) => void;
  resolve: (r: SheetRead) => void;
  reject: (e: Error) => void;
};

let worker: Worker | null | undefined; // undefined: not started yet; null: none can run here
let nextId = 1;
let lastWorkMs: number | null = null;
const jobs = new Map<number, Job>();

// How long the last read took inside the worker (for the benchmark).
export function lastReadWorkerMs(): number | null {
  return lastWorkMs;
}

async function inThread(job: Job): Promise<void> {
  try {
    const { readFirstSheet } = await import('./sheet');
    job.resolve(await readFirstSheet(job.req.bytes, job.onProgress));
  } catch (e) {
    job.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function onReply(reply: ReadReply) {
  const job = jobs.get(reply.id);
  if (!job) return;
  if (reply.type === 'progress') {
    job.onProgress?.(reply.progress);
    return;
  }
  jobs.delete(reply.id);
  if (reply.type === 'done') {
    lastWorkMs = reply.workMs;
    job.resolve(reply.result);
  } else job.reject(new Error(reply.message));
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module', name: '导入' });
    w.onmessage = (e: MessageEvent<ReadReply>) => onReply(e.data);
    // The worker could not load or died: give up on it and finish its jobs here.
    w.onerror = (e) => {
      e.preventDefault?.();
      console.error('导入线程不可用，改在界面线程读取：', e.message);
      w.terminate();
      worker = null;
      const left = [...jobs.values()];
      jobs.clear();
      for (const job of left) void inThread(job);
    };
    return (worker = w);
  } catch (e) {
    console.error('导入线程不可用，改在界面线程读取：', e);
    return (worker = null);
  }
}

// The bytes are copied to the worker, not transferred: if the worker fails they are read here.
export function readSpreadsheet(
  bytes: ArrayBuffer,
  onProgress?: (p: ReadProgress) => void,
): Promise<SheetRead> {
  return new Promise((resolve, reject) => {
    const job: Job = { req: { id: nextId++, bytes }, onProgress, resolve, reject };
    const w = startWorker();
    if (!w) {
      void inThread(job);
      return;
    }
    jobs.set(job.req.id, job);
    w.postMessage(job.req);
  });
}

// For tests: forget the worker so that the next read starts a new one.
export function resetImportWorker(): void {
  worker?.terminate();
  worker = undefined;
  jobs.clear();
}

// A cell as text (dates as YYYY-MM-DD), for importers that read text only.
export function cellString(v: SheetValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

// The first sheet as text, refusing what is not a workbook and any formula (with its address): for
// the small imports (staff list, work calendar) whose preview has no per-row place for it.
export async function readSpreadsheetText(bytes: ArrayBuffer): Promise<string[][]> {
  const r = await readSpreadsheet(bytes);
  if (!r.ok) throw new Error(r.problem);
  if (r.formulas.length) throw new Error(READ_MSG.formulasInFile(r.formulas.map((f) => f.address)));
  return r.rows.map((row) => row.map(cellString));
}
