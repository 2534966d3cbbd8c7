// Reads the first sheet of an .xlsx workbook with exceljs into plain values, for every import.
// exceljs is large: this module is only ever loaded in the import worker (read.worker.ts) or by a
// dynamic import (read.ts), never in the start-up bundle.
import ExcelJS from 'exceljs';

import { notWorkbookProblem } from './format';
import { READ_MSG } from './labels';

// A cell as the importers see it: text, a number, a yes/no, a date (UTC midnight, as Excel has no
// zone), or nothing. Rich text and links are their text; a formula is its last result, and listed.
export type SheetValue = string | number | boolean | Date | null;

export type FormulaCell = {
  row: number; // 1-based, as Excel numbers them
  col: number; // 1-based
  address: string; // e.g. B3
  formula: string; // without the leading =
  shown: string; // the result the file shows (what a silent import would have taken)
};

export type SheetRead =
  | { ok: true; sheetName: string; rows: SheetValue[][]; formulas: FormulaCell[] }
  | { ok: false; problem: string };

export type ReadProgress = { phase: 'load' } | { phase: 'rows'; done: number; total: number };

const PROGRESS_EVERY = 500;

function plain(v: unknown): SheetValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      text?: unknown;
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
      error?: string;
    };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
    if ('text' in o) return plain(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return null;
}

function shownText(v: SheetValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export async function readFirstSheet(
  data: ArrayBuffer | Uint8Array,
  onProgress?: (p: ReadProgress) => void,
): Promise<SheetRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const problem = notWorkbookProblem(bytes);
  if (problem) return { ok: false, problem };
  onProgress?.({ phase: 'load' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch (e) {
    return { ok: false, problem: READ_MSG.unreadable(e instanceof Error ? e.message : String(e)) };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, problem: READ_MSG.noSheet };
  const total = ws.rowCount;
  const rows: SheetValue[][] = [];
  const formulas: FormulaCell[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: SheetValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const value = plain(cell.value);
      cells[c - 1] = value;
      const merged = cell.isMerged && cell.master !== cell;
      if (cell.type === ExcelJS.ValueType.Formula && !merged) {
        formulas.push({
          row: n,
          col: c,
          address: cell.address,
          formula: cell.formula ?? '',
          shown: shownText(value),
        });
      }
    });
    rows[n - 1] = Array.from(cells, (v) => v ?? null);
    if (n % PROGRESS_EVERY === 0) onProgress?.({ phase: 'rows', done: n, total });
  });
  onProgress?.({ phase: 'rows', done: total, total });
  return { ok: true, sheetName: ws.name, rows: Array.from(rows, (r) => r ?? []), formulas };
}
