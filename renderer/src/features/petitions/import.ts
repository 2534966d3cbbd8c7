// Import of petition records from a spreadsheet (e.g. an export of the national petition system):
// read (exceljs, loaded on demand), check row by row with the reasons in Chinese, and write all
// valid rows in ONE transaction only when the user confirms — all or nothing.
import { isISODate } from '../../../../shared/rules';
import type { ISODate } from '../../../../shared/rules';
import { db } from '../../db/db';
import { DomainError, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type { PetitionChannel } from '../../db/schema/petitions';

import { CHANNEL_LABELS, DEFAULT_CATEGORIES } from './labels';
import { loadCtx, registerTx, requirePerm, writeTables } from './repo';
import type { PetitionCtx } from './repo';
import { validateRegistration } from './validate';
import type { RegistrationInput } from './validate';

export type ImportRow = {
  row: number; // spreadsheet row number (1-based), for the report
  regNo: string | null;
  input: RegistrationInput;
  errors: string[];
};

// Header names accepted for each field (the first match wins).
const HEADERS: Record<string, string[]> = {
  regNo: ['登记编号', '编号', '信访件编号'],
  receivedOn: ['收信日期', '来访日期', '登记日期', '收件日期', '信访日期'],
  name: ['来信人', '来访人', '信访人', '姓名'],
  idNo: ['身份证号', '身份证号码', '证件号码'],
  phone: ['联系电话', '电话', '手机号码'],
  address: ['住址', '地址', '住址/所属乡镇'],
  township: ['所属乡镇', '乡镇'],
  category: ['问题类别', '问题分类', '类别'],
  summary: ['内容摘要', '主要内容', '反映问题'],
  nationalNo: ['全国系统录入编号', '全国信访信息系统编号', '系统编号'],
  channel: ['信访形式', '信访渠道', '渠道'],
  letterSource: ['信件来源', '来源'],
  informant: ['是否检举揭发'],
  urgent: ['是否重大紧急'],
};

const FIELD_LABELS: Record<string, string> = {
  receivedOn: '收信日期',
  name: '来信人',
  idNo: '身份证号',
  phone: '联系电话',
  township: '所属乡镇',
  category: '问题类别',
  summary: '内容摘要',
  accused: '被检举单位',
  visitors: '人数',
  representatives: '代表',
  receptionistId: '接待人',
  regNo: '登记编号',
};

type Cell =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { text?: string; result?: unknown; richText?: { text: string }[] };

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && v.richText) return v.richText.map((t) => t.text).join('');
    if ('text' in v && v.text !== undefined) return String(v.text);
    if ('result' in v) return cellText(v.result as Cell);
    return '';
  }
  return String(v).trim();
}

// Dates as a spreadsheet holds them: a real date (UTC midnight from exceljs), an Excel serial
// number, or text like 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日.
export function cellDate(v: Cell): ISODate | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 20000 && v < 80000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const s = cellText(v);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isISODate(iso) ? iso : null;
}

const YES = /^(是|y|yes|true|1|√)$/i;
const CHANNEL_BY_LABEL = new Map<string, PetitionChannel>(
  (Object.entries(CHANNEL_LABELS) as [PetitionChannel, string][]).map(([k, v]) => [v, k]),
);

// Turns the sheet's values (rows of cells, the first rows possibly a title) into import rows.
export function rowsFromSheet(values: Cell[][]): { rows: ImportRow[]; problem: string | null } {
  const headerAt = values.findIndex((r) => r && r.some((c) => HEADERS.name.includes(cellText(c))));
  if (headerAt < 0) return { rows: [], problem: '找不到表头：表中应有“来信人”（或“信访人”“来访人”）列' };
  const header = values[headerAt].map((c) => cellText(c));
  const col: Record<string, number> = {};
  for (const [field, names] of Object.entries(HEADERS)) {
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) col[field] = i;
  }
  const rows: ImportRow[] = [];
  for (let r = headerAt + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const get = (f: string) => (col[f] === undefined ? '' : cellText(cells[col[f]]));
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const errors: string[] = [];
    const rawDate = col.receivedOn === undefined ? null : cells[col.receivedOn];
    const receivedOn = cellDate(rawDate ?? null);
    if (!receivedOn)
      errors.push(
        cellText(rawDate ?? null) ? `收信日期“${cellText(rawDate ?? null)}”无法识别` : '缺少收信日期',
      );
    const channelText = get('channel');
    const channel = channelText ? CHANNEL_BY_LABEL.get(channelText) : 'letter';
    if (!channel) errors.push(`信访形式“${channelText}”无法识别`);
    if (channel === 'visit') errors.push('来访件请在“来访登记”中登记（须接待人和人数）');
    let township = get('township');
    let address = get('address');
    if (!township && address.includes('/')) [address, township] = address.split('/').map((s) => s.trim());
    rows.push({
      row: r + 1,
      regNo: get('regNo') || null,
      input: {
        channel: channel ?? 'letter',
        receivedOn: receivedOn ?? '',
        letterSource: get('letterSource') || (channel === 'letter' ? '群众来信' : null),
        name: get('name'),
        idNo: get('idNo') || null,
        phone: get('phone') || null,
        address,
        township,
        category: get('category'),
        summary: get('summary'),
        nationalNo: get('nationalNo') || null,
        informant: YES.test(get('informant')),
        accusedNote: YES.test(get('informant')) ? '（导入：被检举单位待补录）' : null,
        urgent: YES.test(get('urgent')),
      },
      errors,
    });
  }
  return { rows, problem: rows.length ? null : '表中没有数据行' };
}

export async function parseWorkbook(
  bytes: ArrayBuffer,
): Promise<{ rows: ImportRow[]; problem: string | null }> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch {
    return { rows: [], problem: '无法读取该文件：请选择 .xlsx 格式的Excel工作簿' };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], problem: '工作簿中没有工作表' };
  const values: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cell.value as Cell;
    });
    values[n - 1] = cells;
  });
  return rowsFromSheet(values);
}

// Row-by-row checks: the registration rules, known townships and categories, numbers not taken.
export async function checkImportRows(
  rows: ImportRow[],
  ctx: Pick<PetitionCtx, 'today' | 'townships'> & { categories: readonly string[] },
) {
  const numbers = rows.map((r) => r.regNo).filter((n): n is string => !!n);
  const taken = new Set((await db.petitions.where('regNo').anyOf(numbers).toArray()).map((p) => p.regNo));
  const seen = new Set<string>();
  return rows.map((r) => {
    const errors = [...r.errors];
    const fieldErrors = validateRegistration(r.input, { today: ctx.today, townships: ctx.townships });
    for (const [k, msg] of Object.entries(fieldErrors)) {
      if (k === 'receivedOn' && !r.input.receivedOn) continue; // already reported
      if (k === 'name') errors.push('缺少信访人（来信人）');
      else if (k === 'township' && r.input.township)
        errors.push(`所属乡镇“${r.input.township}”不在乡镇列表中`);
      else errors.push(`${FIELD_LABELS[k] ?? k}：${msg}`);
    }
    if (r.input.category && ctx.categories.length && !ctx.categories.includes(r.input.category))
      errors.push(`问题类别“${r.input.category}”不在类别列表中`);
    if (r.regNo) {
      if (taken.has(r.regNo)) errors.push(`登记编号 ${r.regNo} 已存在`);
      if (seen.has(r.regNo)) errors.push(`登记编号 ${r.regNo} 在表中重复`);
      seen.add(r.regNo);
    }
    return { ...r, errors };
  });
}

export async function importCategories(): Promise<string[]> {
  const routes = await db.responsibleRoutes.toArray();
  return [...new Set([...DEFAULT_CATEGORIES, ...routes.filter((r) => !r.deletedAt).map((r) => r.subject)])];
}

// All rows or nothing: any refused row refuses the whole import, and a failure on the way
// (a number taken meanwhile, the disk full) rolls every row back.
export async function importPetitions(rows: ImportRow[], actor: Actor): Promise<number> {
  const ctx = await loadCtx(actor);
  requirePerm(ctx, 'petition.register', '导入信访件');
  const checked = await checkImportRows(rows, { ...ctx, categories: await importCategories() });
  const bad = checked.filter((r) => r.errors.length);
  if (bad.length) {
    throw new DomainError(
      `有 ${bad.length} 行不符合要求，未导入任何数据：${bad
        .slice(0, 3)
        .map((r) => `第${r.row}行 ${r.errors[0]}`)
        .join('；')}`,
      'rows',
      'PET-1',
    );
  }
  if (!rows.length) throw new DomainError('没有可导入的数据行', 'rows');
  await writeTx(writeTables(), async () => {
    for (const r of checked) await registerTx(r.input, { regNo: r.regNo, source: 'import' }, ctx, actor);
  });
  return checked.length;
}
