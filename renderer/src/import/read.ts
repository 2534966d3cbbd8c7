// Reads an .xlsx file's first sheet in the import worker (off the interface thread), with progress:
// one worker kept for every import, and the same code on this thread where no worker can run
// (worker/jobs.ts).
// Every .xlsx import goes through readSpreadsheet: it says plainly when a file is not a workbook and
// lists the cells holding formulas with their address.
import { jobClient } from '../worker/jobs';

import { READ_MSG } from './labels';
import type { ReadRequest } from './protocol';
import type { FormulaCell, ReadProgress, SheetRead, SheetValue } from './sheet';

export type { FormulaCell, ReadProgress, SheetRead, SheetValue };

const reads = jobClient<ReadRequest, ReadProgress, { result: SheetRead }, SheetRead>({
  start: () => new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module', name: '导入' }),
  inThread: async (req, onProgress) => {
    const { readFirstSheet } = await import('./sheet');
    return readFirstSheet(req.bytes, onProgress);
  },
  resultOf: (done) => done.result,
  fallbackNote: '导入线程不可用，改在界面线程读取：',
});

// How long the last read took inside the worker (for the benchmark).
export function lastReadWorkerMs(): number | null {
  return reads.lastWorkMs();
}

// The bytes are copied to the worker, not transferred: if the worker fails they are read here.
export function readSpreadsheet(
  bytes: ArrayBuffer,
  onProgress?: (p: ReadProgress) => void,
): Promise<SheetRead> {
  return reads.run({ bytes }, onProgress);
}

// For tests: forget the worker so that the next read starts a new one.
export function resetImportWorker(): void {
  reads.reset();
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
