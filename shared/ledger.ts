// A ledger (台帐/登记簿/汇总表) as data: what every export to Excel and every printed ledger shows.
// Builders in the modules produce a LedgerSpec; renderer/src/export/xlsx.ts writes it. The paper
// conventions of product.md are decided here once, for every ledger: 宋体 on every cell (the title
// larger and bold), column widths from what the cells hold (CJK characters count double), explicit
// row heights from the wrapped line count, the header repeated on every page, the sheet's own
// signature lines, and a page that keeps body text at 9 pt or more on paper: A4 (landscape unless a
// ledger prefers portrait) where the columns fit, A3 where they cannot — never shrunk unreadable.

export type LedgerCellType = 'text' | 'date' | 'int' | 'number' | 'money';

export type LedgerColumn = {
  key: string;
  header: string;
  type?: LedgerCellType; // default text; 'date' cells take ISODate strings and are written as real dates
  // The widest the column is laid out, in Excel character units: longer text wraps within it, and a
  // column whose cells are all narrower is narrower. Default DEFAULT_MAX_WIDTH for text; dates and
  // numbers never wrap and are as wide as their widest cell.
  width?: number;
  // The narrowest it may be laid out (default: half its ideal width, no fewer than four characters),
  // and at least this wide even when its cells are empty (a column left for a hand: 借阅人签字).
  // minWidth equal to width fixes the width (the day columns of the 考勤表).
  minWidth?: number;
  wrap?: boolean; // text wraps (default); false keeps each cell on one line (short codes)
  subHeader?: string; // a second header line in a row of its own (考勤表: the weekday under the day)
};

export type LedgerCell = string | number | null | undefined;
export type LedgerRow = Record<string, LedgerCell>;

export type PaperName = 'A4' | 'A3';
export type Orientation = 'landscape' | 'portrait';

export type LedgerSpec = {
  unitName: string;
  ledgerName: string; // 来信台帐
  period: string; // 2026年11月 / 2026-11-01至2026-11-30
  columns: LedgerColumn[];
  rows: LedgerRow[];
  totals?: LedgerRow; // an optional last row (合计)
  notes?: string[]; // lines under the table (legend, rule texts)
  signatures?: string[]; // default 制表人, 审核人: under the table and in every page's footer alike
  orientation?: Orientation; // the preferred orientation (default landscape)
  // The paper: by default A4, moving to A3 only where the columns cannot fit A4 with body text at
  // MIN_PRINT_PT; 'A3' prints on A3 from the start (a ledger the office reads better large).
  paper?: PaperName;
  sheetName?: string;
};

export const DEFAULT_SIGNATURES = ['制表人', '审核人'];

export function ledgerTitle(spec: Pick<LedgerSpec, 'unitName' | 'ledgerName' | 'period'>): string {
  return `${spec.unitName}${spec.ledgerName}（${spec.period}）`;
}

export function ledgerSignatures(spec: Pick<LedgerSpec, 'signatures'>): string[] {
  return spec.signatures?.length ? spec.signatures : DEFAULT_SIGNATURES;
}

// The signature line under the table (and, shorter, in the footer).
export function signatureLine(
  spec: Pick<LedgerSpec, 'signatures'>,
  blank = '______________',
  gap = '        ',
): string {
  return ledgerSignatures(spec)
    .map((s) => `${s}：${blank}`)
    .join(gap);
}

// ---- type -------------------------------------------------------------------------------------

export const LEDGER_FONT = '宋体'; // SimSun, named on every cell so that Excel, WPS and LibreOffice print alike
export const BODY_PT = 10; // body, header, notes, footer
export const TITLE_PT = 16; // 三号, bold
export const MIN_PRINT_PT = 9; // body text on paper, after any fit-to-width scaling
export const DEFAULT_MAX_WIDTH = 30; // a text column without its own width wraps beyond this

const CJK = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

// Width of a text in character units: CJK characters count double.
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += CJK.test(ch) ? 2 : 1;
  return w;
}

// ---- widths and lines -------------------------------------------------------------------------
//
// A cell's text is drawn two ways, and a layout must hold it both ways:
// - in SimSun (Excel and WPS; LibreOffice where SimSun is installed): CJK 1 em, ASCII ½ em, each
//   rounded up to whole pixels on screen-resolution layout (CJK 17 px for 16.7 at 125 %);
// - in the fonts LibreOffice substitutes where SimSun is missing (Linux: CJK 1 em in WenQuanYi, ASCII
//   in DejaVu, wider than ½ em).
// Excel's column width unit is the maximum digit width of the workbook's default font, which the
// writer makes Arial 10 (LibreOffice reads it through its metric twin Liberation Sans): 7 px = 5.25 pt
// in Excel and WPS, of which 5 px are the cell's padding; 5.55 pt in LibreOffice, with 1 pt of
// padding each side. What fits on the page is measured at the wider (COLUMN_PT).

export const COLUMN_PT = 5.56; // points per width unit, for the page
const SIMSUN_UNIT_PT = 5.25;
const SIMSUN_PADDING_PT = 3.75;
const FALLBACK_UNIT_PT = 5.55;
const FALLBACK_PADDING_PT = 3;

// Width of a character in em: in SimSun (bold is drawn a pixel wider a glyph), and in the fallback
// fonts (DejaVu Sans Bold is a tenth wider than its regular).
function simsunEm(c: number, bold: boolean): number {
  return c < 0x80 ? (bold ? 0.6 : 0.54) : bold ? 1.08 : 1.02;
}
function fallbackEm(c: number, bold: boolean): number {
  if (c >= 0x80) return 1; // CJK, full-width forms, √ and other marks
  const em =
    c >= 0x30 && c <= 0x39
      ? 0.64 // digits
      : c >= 0x41 && c <= 0x5a
        ? 0.76 // A-Z
        : c >= 0x61 && c <= 0x7a
          ? 0.62 // a-z
          : 0.42; // space, punctuation
  return bold ? em * 1.1 : em;
}

const halfUp = (x: number) => Math.ceil(x * 2) / 2;

// The width (in Excel units) that holds a piece measuring s em in SimSun and f em in the fallback.
function widthFor(s: number, f: number, pt: number): number {
  if (s === 0 && f === 0) return 0;
  return halfUp(
    Math.max(
      (s * pt + SIMSUN_PADDING_PT) / SIMSUN_UNIT_PT,
      (f * pt + FALLBACK_PADDING_PT) / FALLBACK_UNIT_PT,
    ),
  );
}

// Punctuation that may not start a line, and that may not end one (kept with its neighbour).
const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const NO_START = codes('，。、；：？！）》」』〕】”’…,.;:?!)]}%');
const NO_END = codes('（《「『〔【“‘([{');

// Walks the pieces a line may break between: each CJK character (with the punctuation that may not
// start or end a line kept to it), and each run of ASCII letters and digits (ending after a space),
// handing each piece's width in em, in SimSun and in the fallback, to `piece`.
function walkPieces(text: string, bold: boolean, piece: (s: number, f: number) => void): void {
  let s = 0;
  let f = 0;
  let open = false;
  let latin = false; // the open piece is an ASCII run
  let glue = false; // the open piece ends in an opening bracket
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ascii = c < 0x80;
    if (!(open && (glue || NO_START.has(c) || (ascii && latin)))) {
      if (open) piece(s, f);
      s = 0;
      f = 0;
      open = true;
    }
    s += simsunEm(c, bold);
    f += fallbackEm(c, bold);
    latin = ascii && c !== 0x20;
    glue = NO_END.has(c);
  }
  if (open) piece(s, f);
}

export function breakUnits(text: string, bold = false): [number, number][] {
  const units: [number, number][] = [];
  walkPieces(text, bold, (s, f) => units.push([s, f]));
  return units;
}

function measure(text: string, bold: boolean): [number, number] {
  let s = 0;
  let f = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    s += simsunEm(c, bold);
    f += fallbackEm(c, bold);
  }
  return [s, f];
}

// The width that shows a text on one line.
export function widthForText(text: string, pt = BODY_PT, bold = false): number {
  const [s, f] = measure(text, bold);
  return widthFor(s, f, pt);
}

// The width of a text's widest unbreakable piece.
function pieceWidth(text: string, pt: number, bold = false): number {
  let s = 0;
  let f = 0;
  walkPieces(text, bold, (ps, pf) => {
    if (ps > s) s = ps;
    if (pf > f) f = pf;
  });
  return widthFor(s, f, pt);
}

// How many lines a text takes in a column of this width, wrapped as Excel and LibreOffice wrap it:
// a line ends where the next piece would not fit either way.
export function lineCount(text: string, width: number, pt = BODY_PT, bold = false): number {
  if (!text) return 1;
  const capS = Math.max(0.5, (width * SIMSUN_UNIT_PT - SIMSUN_PADDING_PT) / pt); // em on one line
  const capF = Math.max(0.5, (width * FALLBACK_UNIT_PT - FALLBACK_PADDING_PT) / pt);
  let lines = 0;
  for (const para of text.split('\n')) {
    lines++;
    const [s, f] = measure(para, bold);
    if (s <= capS && f <= capF) continue;
    let lineS = 0;
    let lineF = 0;
    walkPieces(para, bold, (us, uf) => {
      if (lineS + us <= capS && lineF + uf <= capF) {
        lineS += us;
        lineF += uf;
      } else if (us <= capS && uf <= capF) {
        lines++;
        lineS = us;
        lineF = uf;
      } else {
        // a piece longer than a line is cut where the line ends
        const cut = Math.max(Math.ceil((lineS + us) / capS), Math.ceil((lineF + uf) / capF)) - 1;
        lines += cut;
        lineS = Math.max(0, lineS + us - cut * capS);
        lineF = Math.max(0, lineF + uf - cut * capF);
      }
    });
  }
  return lines;
}

export const LINE_PT_PER_PT = 1.2; // a wrapped line's pitch: SimSun's in Excel and WPS is about 1.05, LibreOffice's fallback 1.18
const ROW_PADDING_PT = 3;
export const MAX_ROW_PT = 409; // Excel's limit

export function rowHeightPt(lines: number, pt = BODY_PT): number {
  return Math.min(MAX_ROW_PT, halfUp(lines * pt * LINE_PT_PER_PT + ROW_PADDING_PT));
}

function money(v: number): string {
  const [int, dec] = Math.abs(v).toFixed(2).split('.');
  return `${v < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${dec}`;
}

// A cell's text as the sheet shows it (numbers in their format), for measuring.
export function cellText(col: LedgerColumn, v: LedgerCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (col.type === 'money') return money(v);
    if (col.type === 'number') return Number.isInteger(v) ? v.toFixed(1) : String(Math.round(v * 100) / 100);
    return String(v);
  }
  return col.type === 'date' ? v.slice(0, 10) : v;
}

export function columnWraps(col: LedgerColumn): boolean {
  return (!col.type || col.type === 'text') && col.wrap !== false;
}

export type ColumnMeasure = {
  min: number; // the narrowest it may be laid out
  ideal: number; // what its cells need, up to its width
  full: number; // what its widest cell needs on one line (a wrapping column may grow up to this)
  fixed: boolean; // laid out at exactly this width, whatever the room
};

// The header may take two lines. A wrapping column may be narrowed to its minWidth, or by default to
// half its ideal width (no fewer than four characters); never below its widest unbreakable piece. The
// other columns (dates, numbers, codes) are never narrowed.
export function measureColumn(
  col: LedgerColumn,
  rows: readonly LedgerRow[],
  boldRows: readonly LedgerRow[] = [],
): ColumnMeasure {
  let header = Math.max(pieceWidth(col.header, BODY_PT, true), 4);
  const headerOneLine = widthForText(col.header, BODY_PT, true);
  while (header < headerOneLine && lineCount(col.header, header, BODY_PT, true) > 2) header += 0.5;
  if (col.subHeader) header = Math.max(header, widthForText(col.subHeader, BODY_PT, true));
  const floor = Math.max(header, col.minWidth ?? 0);
  if (col.width !== undefined && col.minWidth !== undefined && col.minWidth >= col.width)
    return { min: floor, ideal: floor, full: floor, fixed: true };
  const wraps = columnWraps(col);
  let content = 0;
  let piece = 0;
  const seen = new Set<LedgerCell>(); // a ledger repeats its values: each is measured once
  const each = (v: LedgerCell, bold: boolean) => {
    const t = cellText(col, v);
    if (!t) return;
    const w = widthForText(t, BODY_PT, bold);
    if (w > content) content = w;
    if (wraps) piece = Math.max(piece, pieceWidth(t, BODY_PT, bold));
  };
  for (const r of rows) {
    const v = r[col.key];
    if (seen.has(v)) continue;
    seen.add(v);
    each(v, false);
  }
  for (const r of boldRows) each(r[col.key], true);
  const full = Math.max(floor, content);
  if (!wraps) return { min: full, ideal: full, full, fixed: false };
  const ideal = Math.max(floor, Math.min(full, col.width ?? DEFAULT_MAX_WIDTH));
  const narrowest = col.minWidth ?? Math.max(8, halfUp(ideal / 2));
  const min = Math.min(ideal, Math.max(floor, piece, narrowest));
  return { min, ideal, full, fixed: false };
}

// ---- the page ---------------------------------------------------------------------------------

export const PAPER_PT: Record<PaperName, { short: number; long: number }> = {
  A4: { short: 595.3, long: 841.9 },
  A3: { short: 841.9, long: 1190.6 },
};
// Page margins in inches (as Excel stores them): room at the foot for the signatures and page number.
export const MARGINS_IN = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.75, header: 0.25, footer: 0.3 };
const PAGE_SLACK = 0.98; // what a program may lay out wider than this estimate

export function printableWidthPt(paper: PaperName, orientation: Orientation): number {
  const p = PAPER_PT[paper];
  return (orientation === 'landscape' ? p.long : p.short) - (MARGINS_IN.left + MARGINS_IN.right) * 72;
}

export type PageLayout = {
  paper: PaperName;
  orientation: Orientation;
  widths: number[]; // per column, in Excel character units
  scale: number; // the print scale: 1, or less where even the narrowest columns are wider than the paper
  printPt: number; // body text on paper: BODY_PT × scale
};

function pageCandidates(
  spec: Pick<LedgerSpec, 'paper' | 'orientation'>,
): { paper: PaperName; orientation: Orientation }[] {
  const papers: PaperName[] = spec.paper === 'A3' ? ['A3'] : ['A4', 'A3'];
  const orientations: Orientation[] =
    spec.orientation === 'portrait' ? ['portrait', 'landscape'] : ['landscape'];
  return papers.flatMap((paper) => orientations.map((orientation) => ({ paper, orientation })));
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const halfDown = (x: number) => Math.floor(x * 2) / 2;

// Widths for a page `room` units wide. Where the ideal widths fit, the room left goes to the wrapped
// columns that would wrap less (up to one line each). Where they do not fit, the widest wrapping
// columns are narrowed first, all to one common width (never below a column's minimum): long text
// wraps wider, short codes keep their width. Null where not even the minimum fits.
export function fitWidths(measures: readonly ColumnMeasure[], room: number): number[] | null {
  const ideal = sum(measures.map((m) => m.ideal));
  if (ideal <= room) {
    const want = sum(measures.map((m) => m.full - m.ideal));
    const share = want > 0 ? Math.min(1, (room - ideal) / want) : 0;
    const grown = measures.map((m) => m.ideal + (m.full - m.ideal) * share);
    // A table narrower than the page is widened to the page (by half again at most): an official
    // register spans its paper, and its cells leave room for a hand.
    const fixed = sum(measures.map((m, i) => (m.fixed ? grown[i] : 0)));
    const stretch = Math.min(1.5, (room - fixed) / Math.max(1, sum(grown) - fixed));
    return grown.map((w, i) => halfDown(measures[i].fixed ? w : w * Math.max(1, stretch)));
  }
  if (sum(measures.map((m) => m.min)) > room) return null;
  const at = (level: number) => measures.map((m) => Math.min(m.ideal, Math.max(m.min, level)));
  let lo = 0;
  let hi = Math.max(...measures.map((m) => m.ideal));
  while (hi - lo > 0.25) {
    const mid = (lo + hi) / 2;
    if (sum(at(mid)) <= room) lo = mid;
    else hi = mid;
  }
  let level = halfDown(lo);
  while (sum(at(level + 0.5)) <= room) level += 0.5;
  return at(level);
}

export function measureColumns(spec: Pick<LedgerSpec, 'columns' | 'rows' | 'totals'>): ColumnMeasure[] {
  const bold = spec.totals ? [spec.totals] : [];
  return spec.columns.map((c) => measureColumn(c, spec.rows, bold));
}

// The page a ledger prints on and its column widths: the first of A4 (preferred orientation, then
// landscape) and A3 where the columns fit at full size, or printed smaller no further than body text
// at MIN_PRINT_PT; where none does, the largest with the narrowest columns, at the scale that fits.
export function ledgerLayout(
  spec: Pick<LedgerSpec, 'columns' | 'rows' | 'totals' | 'paper' | 'orientation'>,
): PageLayout {
  const measures = measureColumns(spec);
  const candidates = pageCandidates(spec);
  const minimum = sum(measures.map((m) => m.min));
  for (const c of candidates) {
    const room = (printableWidthPt(c.paper, c.orientation) * PAGE_SLACK) / COLUMN_PT;
    const widths = fitWidths(measures, room);
    if (widths) return { ...c, widths, scale: 1, printPt: BODY_PT };
    const scale = room / minimum;
    if (scale * BODY_PT >= MIN_PRINT_PT)
      return { ...c, widths: measures.map((m) => m.min), scale, printPt: scale * BODY_PT };
  }
  const last = candidates[candidates.length - 1];
  const scale = (printableWidthPt(last.paper, last.orientation) * PAGE_SLACK) / COLUMN_PT / minimum;
  return { ...last, widths: measures.map((m) => m.min), scale, printPt: scale * BODY_PT };
}

// The signature line under a table this wide: the blanks as long as one line allows.
export function signatureLineFor(spec: Pick<LedgerSpec, 'signatures'>, tableWidth: number): string {
  const forms = [14, 10, 8].map((n) => signatureLine(spec, '_'.repeat(n), ' '.repeat(n === 14 ? 8 : 4)));
  return forms.find((f) => lineCount(f, tableWidth) === 1) ?? forms[forms.length - 1];
}

// The lines of a row's tallest cell, at the layout's widths (bold: the 合计 row).
export function rowLines(
  columns: readonly LedgerColumn[],
  widths: readonly number[],
  row: LedgerRow,
  bold = false,
): number {
  return lineCounter(columns, widths)(row, bold);
}

// rowLines for many rows: each column's values counted once.
export function lineCounter(
  columns: readonly LedgerColumn[],
  widths: readonly number[],
): (row: LedgerRow, bold?: boolean) => number {
  const wrapping = columns.flatMap((c, i) =>
    columnWraps(c) ? [{ key: c.key, width: widths[i], seen: new Map<string, number>() }] : [],
  );
  return (row, bold = false) => {
    let lines = 1;
    for (const c of wrapping) {
      const v = row[c.key];
      if (v === null || v === undefined || v === '') continue;
      const t = String(v);
      let n = bold ? undefined : c.seen.get(t);
      if (n === undefined) {
        n = lineCount(t, c.width, BODY_PT, bold);
        if (!bold) c.seen.set(t, n);
      }
      if (n > lines) lines = n;
    }
    return lines;
  };
}
