// Writes a LedgerSpec to .xlsx with exceljs. exceljs is large: this module is only ever loaded in
// the export worker (export/workbook.ts), or by a dynamic import, never in the start-up bundle.
import ExcelJS from 'exceljs';

import { columnWidths, ledgerTitle } from '../../../shared/ledger';
import type { LedgerCell, LedgerColumn, LedgerSpec } from '../../../shared/ledger';

function isoToDate(v: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  // UTC midnight: Excel dates carry no zone, so the cell shows exactly this calendar day.
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : v;
}

// Excel holds at most 32,767 characters in a cell; a longer text makes a workbook Excel reports as
// damaged. Every text written here goes through fitCell: cut, with a visible marker, never split
// inside a surrogate pair. The full text stays in the system.
export const CELL_TEXT_LIMIT = 32767;
export const CELL_TRUNCATED_MARK = '…（超出Excel单元格32767字上限，全文见系统）';

export function fitCell(s: string): string {
  if (s.length <= CELL_TEXT_LIMIT) return s;
  let keep = CELL_TEXT_LIMIT - CELL_TRUNCATED_MARK.length;
  const last = s.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--;
  return s.slice(0, keep) + CELL_TRUNCATED_MARK;
}

function cellValue(col: LedgerColumn, v: LedgerCell): ExcelJS.CellValue {
  const value = rawCellValue(col, v);
  return typeof value === 'string' ? fitCell(value) : value;
}

function rawCellValue(col: LedgerColumn, v: LedgerCell): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (col.type) {
    case 'date':
      return typeof v === 'string' ? isoToDate(v) : v;
    case 'int':
    case 'number':
    case 'money':
      return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : v;
    default:
      return String(v);
  }
}

const NUM_FMT: Partial<Record<string, string>> = {
  date: 'yyyy-mm-dd',
  int: '0',
  number: '0.0#',
  money: '#,##0.00',
};

// How far an export has come: rows written of all the sheets' rows, then the file being packed.
export type ExportProgress = { phase: 'rows' | 'pack'; done: number; total: number };
const PROGRESS_EVERY = 500;

export function addLedgerSheet(
  wb: ExcelJS.Workbook,
  spec: LedgerSpec,
  exportedAt: Date,
  exportedBy: string,
  onRows?: (written: number) => void,
) {
  const ws = wb.addWorksheet(spec.sheetName ?? spec.ledgerName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.orientation ?? 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
    },
    views: [{ state: 'frozen', ySplit: 2 }],
    headerFooter: {
      oddFooter: `&L制表人：__________  审核人：__________&C第 &P 页 共 &N 页&R导出时间：${formatStamp(exportedAt)}`,
    },
  });
  const n = spec.columns.length;
  ws.columns = spec.columns.map((c, i) => ({ key: c.key, width: columnWidths(spec)[i] }));

  const title = ws.getRow(1);
  title.getCell(1).value = ledgerTitle(spec);
  ws.mergeCells(1, 1, 1, n);
  title.height = 30;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const header = ws.getRow(2);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  header.height = 22;

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  // One style object per column, shared by every cell of it: exceljs then finds the style id through
  // its WeakMap instead of serialising a fresh style per cell (the bulk of the cost of a big ledger).
  const columnStyle = (c: LedgerColumn, bold: boolean): Partial<ExcelJS.Style> => {
    const fmt = c.type ? NUM_FMT[c.type] : undefined;
    return {
      ...(fmt ? { numFmt: fmt } : {}),
      border,
      alignment: { vertical: 'top', wrapText: !c.type || c.type === 'text' },
      ...(bold ? { font: { bold: true } } : {}),
    };
  };
  const plain = spec.columns.map((c) => columnStyle(c, false));
  const boldStyles = spec.columns.map((c) => columnStyle(c, true));
  const writeRow = (values: Record<string, LedgerCell>, bold = false) => {
    const row = ws.addRow(spec.columns.map((c) => cellValue(c, values[c.key])));
    const styles = bold ? boldStyles : plain;
    for (let i = 0; i < n; i++) row.getCell(i + 1).style = styles[i];
  };
  for (let i = 1; i <= n; i++) header.getCell(i).border = border;
  let written = 0;
  for (const r of spec.rows) {
    writeRow(r);
    if (++written % PROGRESS_EVERY === 0) onRows?.(PROGRESS_EVERY);
  }
  onRows?.(written % PROGRESS_EVERY);
  if (spec.totals) writeRow(spec.totals, true);

  ws.addRow([]);
  for (const note of spec.notes ?? []) {
    const r = ws.addRow([fitCell(note)]);
    ws.mergeCells(r.number, 1, r.number, n);
  }
  const sig = (spec.signatures ?? ['制表人', '审核人']).map((s) => `${s}：______________`).join('        ');
  const sigRow = ws.addRow([sig]);
  ws.mergeCells(sigRow.number, 1, sigRow.number, n);
  const stamp = ws.addRow([`导出时间：${formatStamp(exportedAt)}    导出人：${exportedBy}`]);
  ws.mergeCells(stamp.number, 1, stamp.number, n);
  return ws;
}

function formatStamp(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export async function ledgerWorkbook(
  specs: LedgerSpec[],
  exportedAt: Date,
  exportedBy: string,
  onProgress?: (p: ExportProgress) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = exportedBy;
  wb.created = exportedAt;
  const total = specs.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  for (const s of specs) {
    addLedgerSheet(wb, s, exportedAt, exportedBy, (n) => {
      done += n;
      onProgress?.({ phase: 'rows', done, total });
    });
  }
  onProgress?.({ phase: 'pack', done, total });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
