// A ledger (台帐/登记簿/汇总表) as data: what every export to Excel and every printed ledger shows.
// Builders in the modules produce a LedgerSpec; renderer/src/export/xlsx.ts writes it with the
// workbook conventions of product.md (merged title row, header row repeated on each page,
// A4 landscape fit to width, real dates and numbers, frozen header, footer with 制表人/审核人).

export type LedgerCellType = 'text' | 'date' | 'int' | 'number' | 'money';

export type LedgerColumn = {
  key: string;
  header: string;
  type?: LedgerCellType; // default text; 'date' cells take ISODate strings and are written as real dates
  width?: number; // in Excel character units; default fits the header and Chinese text
};

export type LedgerCell = string | number | null | undefined;
export type LedgerRow = Record<string, LedgerCell>;

export type LedgerSpec = {
  unitName: string;
  ledgerName: string; // 来信台帐
  period: string; // 2026年11月 / 2026-11-01至2026-11-30
  columns: LedgerColumn[];
  rows: LedgerRow[];
  totals?: LedgerRow; // an optional last row (合计)
  notes?: string[]; // lines under the table (legend, rule texts)
  signatures?: string[]; // default ['制表人', '审核人']
  orientation?: 'landscape' | 'portrait';
  sheetName?: string;
};

export function ledgerTitle(spec: Pick<LedgerSpec, 'unitName' | 'ledgerName' | 'period'>): string {
  return `${spec.unitName}${spec.ledgerName}（${spec.period}）`;
}

// Width of a text in Excel character units: CJK characters count double.
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function columnWidths(spec: Pick<LedgerSpec, 'columns' | 'rows'>, max = 60): number[] {
  return spec.columns.map((c) => {
    if (c.width) return c.width;
    let w = displayWidth(c.header) + 2;
    const sample = spec.rows.length > 500 ? spec.rows.slice(0, 500) : spec.rows;
    for (const r of sample) {
      const v = r[c.key];
      if (v === null || v === undefined) continue;
      const t = c.type === 'date' ? 10 : displayWidth(String(v));
      if (t + 2 > w) w = t + 2;
    }
    return Math.min(w, max);
  });
}
