// Writes a LedgerSpec to .xlsx with exceljs. exceljs is large: this module is only ever loaded in
// the export worker (export/workbook.ts), or by a dynamic import, never in the start-up bundle.
// What the sheet looks like on paper (fonts, widths, heights, page) is decided in shared/ledger.ts;
// this module writes it down in the workbook's terms.
import ExcelJS from 'exceljs';

import {
  BODY_PT,
  LEDGER_FONT,
  MARGINS_IN,
  TITLE_PT,
  columnWraps,
  ledgerLayout,
  ledgerTitle,
  lineCount,
  rowHeightPt,
  lineCounter,
  signatureLine,
  signatureLineFor,
} from '../../../shared/ledger';
import type { LedgerCell, LedgerColumn, LedgerSpec, PageLayout } from '../../../shared/ledger';

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

// ---- fonts ------------------------------------------------------------------------------------

const GB2312 = 134; // the font's character set, as Chinese Excel writes it for 宋体
const BODY_FONT: Partial<ExcelJS.Font> = { name: LEDGER_FONT, size: BODY_PT, charset: GB2312 };
const BOLD_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true };
const TITLE_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, size: TITLE_PT, bold: true };

// exceljs always makes Calibri 11 the workbook's default font (font 0: the Normal style, whose digit
// width is Excel's column width unit). Where Calibri is missing, LibreOffice measures it in a wider
// substitute, and every column comes out a third wider than in Excel, so that fit-to-width shrinks
// the sheet. Arial 10 has Calibri 11's digit width in Excel (7 px) and a metric twin wherever
// LibreOffice runs (Liberation Sans). exceljs has no setting for it: the font is replaced where
// exceljs has prepared the styles, just before it writes them (xlsx.test.ts reads it back).
export const DEFAULT_FONT_XML = '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>';
type PreparedModel = { styles?: { model?: { fonts?: string[] } } };
export function setArialAsDefaultFont(wb: ExcelJS.Workbook) {
  const xlsx = wb.xlsx as unknown as { prepareModel?: (model: PreparedModel, options: unknown) => void };
  const prepare = xlsx.prepareModel;
  if (typeof prepare !== 'function') return;
  xlsx.prepareModel = function (this: unknown, model: PreparedModel, options: unknown) {
    prepare.call(this, model, options);
    const fonts = model.styles?.model?.fonts;
    if (fonts?.length && /<name val="Calibri"\/>/.test(fonts[0])) fonts[0] = DEFAULT_FONT_XML;
  };
}

// ---- page -------------------------------------------------------------------------------------

const PAPER_SIZE = { A4: 9, A3: 8 } as const; // Excel's paperSize codes

function formatStamp(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

// Header/footer codes: the font and size open each section; &P and &N are the page and the count.
const FOOTER_FONT = `&"${LEDGER_FONT},常规"&${BODY_PT}`;

// The footer of every page: the sheet's own signature lines (as under the table) on the left, the
// page number and export time on the right.
export function ledgerFooter(spec: Pick<LedgerSpec, 'signatures'>, exportedAt: Date): string {
  const sigs = signatureLine(spec, '__________', '  ').replace(/&/g, '&&');
  return `&L${FOOTER_FONT}${sigs}&R${FOOTER_FONT}第&P页 共&N页  导出时间：${formatStamp(exportedAt)}`;
}

// The page, at the scale the layout was made for: 100 %, or where even the narrowest columns are wider
// than the paper, the scale that fits them (never below MIN_PRINT_PT for the body). Not fit-to-width:
// LibreOffice reads "fit to one page wide" as leave to shrink the sheet further whenever that saves a
// page, and Excel shrinks it as far as the columns ask.
export function ledgerPageSetup(layout: PageLayout, headerRows: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: PAPER_SIZE[layout.paper] as ExcelJS.PageSetup['paperSize'],
    orientation: layout.orientation,
    scale: Math.min(100, Math.floor(layout.scale * 100)),
    fitToPage: false,
    horizontalCentered: true,
    printTitlesRow: `2:${1 + headerRows}`,
    margins: MARGINS_IN,
  };
}

// exceljs leaves a column of width 9 (its default) out of the sheet's column list, and the programs
// then draw it at their own default width (8.43): 9.05 keeps it.
function excelWidth(w: number): number {
  return w === 9 ? 9.05 : w;
}

// ---- the sheet --------------------------------------------------------------------------------

// How far an export has come: rows written of all the sheets' rows, then the file being packed.
export type ExportProgress = { phase: 'rows' | 'pack'; done: number; total: number };
const PROGRESS_EVERY = 500;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: BOLD_FONT,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } },
  border: BORDER,
};
const TEXT_STYLE: Partial<ExcelJS.Style> = {
  font: BODY_FONT,
  alignment: { vertical: 'top', wrapText: true },
};

// One style object per column, shared by every cell of it: exceljs then finds the style id through
// its WeakMap instead of serialising a fresh style per cell (the bulk of the cost of a big ledger).
function columnStyle(c: LedgerColumn, bold: boolean): Partial<ExcelJS.Style> {
  const fmt = c.type ? NUM_FMT[c.type] : undefined;
  return {
    ...(fmt ? { numFmt: fmt } : {}),
    font: bold ? BOLD_FONT : BODY_FONT,
    border: BORDER,
    alignment: { vertical: 'top', wrapText: columnWraps(c) },
  };
}

function writeTitle(ws: ExcelJS.Worksheet, spec: LedgerSpec, layout: PageLayout) {
  const n = spec.columns.length;
  const text = ledgerTitle(spec);
  const row = ws.getRow(1);
  row.getCell(1).value = text;
  ws.mergeCells(1, 1, 1, n);
  row.getCell(1).style = {
    font: TITLE_FONT,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  };
  const width = layout.widths.reduce((a, b) => a + b, 0);
  row.height = rowHeightPt(lineCount(text, width, TITLE_PT, true), TITLE_PT) + 6;
}

// The header row (row 2), and where a column has a subHeader a second row under it; the columns
// without one span both rows. Returns the number of header rows.
function writeHeader(ws: ExcelJS.Worksheet, spec: LedgerSpec, layout: PageLayout): number {
  const two = spec.columns.some((c) => c.subHeader);
  const header = ws.getRow(2);
  const sub = two ? ws.getRow(3) : null;
  let lines = 1;
  let subLines = 1;
  spec.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).style = HEADER_STYLE;
    if (sub) {
      sub.getCell(i + 1).style = HEADER_STYLE;
      if (c.subHeader) {
        sub.getCell(i + 1).value = c.subHeader;
        subLines = Math.max(subLines, lineCount(c.subHeader, layout.widths[i], BODY_PT, true));
      } else ws.mergeCells(2, i + 1, 3, i + 1);
    }
    lines = Math.max(lines, lineCount(c.header, layout.widths[i], BODY_PT, true));
  });
  header.height = rowHeightPt(lines) + 2;
  if (sub) sub.height = rowHeightPt(subLines) + 2;
  return two ? 2 : 1;
}

// A line of text across the whole table (notes, signatures, the export stamp).
function writeLine(ws: ExcelJS.Worksheet, text: string, layout: PageLayout) {
  const r = ws.addRow([text]);
  ws.mergeCells(r.number, 1, r.number, layout.widths.length);
  r.getCell(1).style = TEXT_STYLE;
  r.height = rowHeightPt(
    lineCount(
      text,
      layout.widths.reduce((a, b) => a + b, 0),
    ),
  );
}

export function addLedgerSheet(
  wb: ExcelJS.Workbook,
  spec: LedgerSpec,
  exportedAt: Date,
  exportedBy: string,
  onRows?: (written: number) => void,
) {
  const layout = ledgerLayout(spec);
  const headerRows = spec.columns.some((c) => c.subHeader) ? 2 : 1;
  const ws = wb.addWorksheet(spec.sheetName ?? spec.ledgerName, {
    pageSetup: ledgerPageSetup(layout, headerRows),
    views: [{ state: 'frozen', ySplit: 1 + headerRows }],
    headerFooter: { oddFooter: ledgerFooter(spec, exportedAt) },
  });
  const n = spec.columns.length;
  ws.columns = spec.columns.map((c, i) => ({ key: c.key, width: excelWidth(layout.widths[i]) }));
  writeTitle(ws, spec, layout);
  writeHeader(ws, spec, layout);

  const lines = lineCounter(spec.columns, layout.widths);
  const plain = spec.columns.map((c) => columnStyle(c, false));
  const boldStyles = spec.columns.map((c) => columnStyle(c, true));
  const writeRow = (values: Record<string, LedgerCell>, bold = false) => {
    const row = ws.addRow(spec.columns.map((c) => cellValue(c, values[c.key])));
    const styles = bold ? boldStyles : plain;
    for (let i = 0; i < n; i++) row.getCell(i + 1).style = styles[i];
    row.height = rowHeightPt(lines(values, bold));
  };
  let written = 0;
  for (const r of spec.rows) {
    writeRow(r);
    if (++written % PROGRESS_EVERY === 0) onRows?.(PROGRESS_EVERY);
  }
  onRows?.(written % PROGRESS_EVERY);
  if (spec.totals) writeRow(spec.totals, true);

  ws.addRow([]);
  for (const note of spec.notes ?? []) writeLine(ws, fitCell(note), layout);
  writeLine(
    ws,
    signatureLineFor(
      spec,
      layout.widths.reduce((a, b) => a + b, 0),
    ),
    layout,
  );
  writeLine(ws, `导出时间：${formatStamp(exportedAt)}    导出人：${exportedBy}`, layout);
  return ws;
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
  setArialAsDefaultFont(wb);
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
