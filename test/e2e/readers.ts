// Second readers for exported files: exceljs (the same library that wrote it) and Debian's
// python3-openpyxl (an independent reader); pdftotext for PDFs saved from print views.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import ExcelJS from 'exceljs';

export type SheetDump = { name: string; rows: (string | number | boolean | null)[][]; merged: string[] };

const PY = '/usr/bin/python3';
const OPENPYXL_SCRIPT = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([v.strftime('%Y-%m-%d') if isinstance(v, (datetime.date, datetime.datetime)) else v for v in row])
    out.append({"name": ws.title, "rows": rows, "merged": [str(r) for r in ws.merged_cells.ranges],
                "orientation": ws.page_setup.orientation, "printTitleRows": ws.print_title_rows,
                "fitToWidth": ws.page_setup.fitToWidth})
print(json.dumps(out, ensure_ascii=False))
`;

export function openpyxlAvailable(): boolean {
  return existsSync(PY) && spawnSync(PY, ['-c', 'import openpyxl']).status === 0;
}

// Reads an .xlsx with openpyxl; dates come back as 'YYYY-MM-DD' when the cell is a real date.
export function readWithOpenpyxl(
  path: string,
): (SheetDump & { orientation: string; printTitleRows: string | null; fitToWidth: number })[] {
  const r = spawnSync(PY, ['-c', OPENPYXL_SCRIPT, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export async function readWithExcelJS(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export function pdfText(path: string): string {
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

const OPENPYXL_PAPER_SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    fonts = set()
    without = []
    for row in ws.iter_rows():
        filled = [c for c in row if c.value is not None]
        for c in filled:
            fonts.add(c.font.name)
        if filled and not ws.row_dimensions[row[0].row].height:
            without.append(row[0].row)
    f = ws.oddFooter
    out.append({"name": ws.title, "paperSize": ws.page_setup.paperSize, "orientation": ws.page_setup.orientation,
                "printTitleRows": ws.print_title_rows, "fonts": sorted(fonts), "rowsWithoutHeight": without,
                "footer": "|".join((p.text or "") for p in (f.left, f.center, f.right))})
print(json.dumps(out, ensure_ascii=False))
`;

export type PaperDump = {
  name: string;
  paperSize: string | number | null;
  orientation: string | null;
  printTitleRows: string | null;
  fonts: string[]; // the fonts named on the cells that hold a value
  rowsWithoutHeight: number[]; // rows holding a value but no explicit height
  footer: string; // the odd footer's three sections' text, joined by |
};

// What openpyxl reads of a sheet's paper: the fonts of its cells, row heights, print titles, footer.
export function readPaperWithOpenpyxl(path: string): PaperDump[] {
  const r = spawnSync(PY, ['-c', OPENPYXL_PAPER_SCRIPT, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
