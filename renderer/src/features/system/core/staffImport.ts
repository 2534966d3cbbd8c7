// Import of a staff list from .xlsx: a preview with every row's problems, and an import that is all
// or nothing (one transaction; any refused row refuses the whole file).
import type { Role } from '../../../../../shared/permissions';
import { ROLE_LABELS, ROLES } from '../../../../../shared/permissions';
import type { Rank } from '../../../../../shared/rules';
import { RANK_LABELS, RANKS } from '../../../../../shared/rules';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { liveOnly } from '../../../db/live';
import { DomainError, insert } from '../../../db/repo';
import type { Section } from '../../../db/schema/core';
import { readSpreadsheetText } from '../../../import/read';

import { sessionActor } from './access';
import type { StaffInput } from './org';
import { validateStaff } from './org';

export const STAFF_COLUMNS = ['姓名', '股室', '职级', '职务', '角色', '电话'] as const;

const RANK_ALIASES: Record<string, Rank> = {
  一般干部: 'staff',
  干部: 'staff',
  职工: 'staff',
  科员: 'staff',
  一般干部职工: 'staff',
  股长: 'section_head',
  主任: 'section_head',
  股室负责人: 'section_head',
  分管领导: 'deputy',
  副职: 'deputy',
  副局长: 'deputy',
  局长: 'director',
  书记: 'director',
};
for (const r of RANKS) RANK_ALIASES[RANK_LABELS[r]] = r;

const ROLE_ALIASES: Record<string, Role> = {
  局长: 'director',
  书记: 'director',
  分管领导: 'deputy',
  纪检: 'discipline',
  股长: 'section_head',
  信访: 'petition',
};
for (const r of ROLES) ROLE_ALIASES[ROLE_LABELS[r]] = r;

export type ImportRow = {
  line: number;
  fields: Record<(typeof STAFF_COLUMNS)[number], string>;
  value: StaffInput | null;
  problems: string[];
};
export type ImportPreview = { rows: ImportRow[]; headerProblem: string | null; ok: boolean };

const norm = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

export function parseStaffRows(
  table: unknown[][],
  ctx: { sections: Section[]; existingNames: Set<string> },
): ImportPreview {
  const rows: ImportRow[] = [];
  const header = (table[0] ?? []).map(norm);
  const col = Object.fromEntries(STAFF_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof STAFF_COLUMNS)[number],
    number
  >;
  if (col['姓名'] < 0) return { rows, headerProblem: '第1行应为表头，且须有“姓名”列', ok: false };
  const seen = new Map<string, number>();
  for (let i = 1; i < table.length; i++) {
    const cells = (table[i] ?? []).map(norm);
    if (cells.every((c) => !c)) continue; // blank lines are skipped
    const get = (c: (typeof STAFF_COLUMNS)[number]) => (col[c] >= 0 ? (cells[col[c]] ?? '') : '');
    const problems: string[] = [];
    const name = get('姓名');
    const sectionName = get('股室');
    let sectionId: string | null = null;
    if (sectionName) {
      const sec = liveOnly(ctx.sections).find((s) => s.name === sectionName);
      if (sec) sectionId = sec.id;
      else problems.push(`股室“${sectionName}”不存在（请先在“股室与人员”中添加）`);
    }
    const rankText = get('职级');
    const rank: Rank | undefined = rankText ? RANK_ALIASES[rankText] : 'staff';
    if (!rank)
      problems.push(`职级“${rankText}”无法识别（可填：${RANKS.map((r) => RANK_LABELS[r]).join('、')}）`);
    const roles: Role[] = [];
    for (const part of get('角色')
      .split(/[、,，;；/ ]+/)
      .filter(Boolean)) {
      const r = ROLE_ALIASES[part];
      if (r) {
        if (!roles.includes(r)) roles.push(r);
      } else problems.push(`角色“${part}”无法识别（可填：${ROLES.map((x) => ROLE_LABELS[x]).join('、')}）`);
    }
    const value: StaffInput = {
      name,
      sectionId,
      rank: rank ?? 'staff',
      title: get('职务'),
      roles,
      phone: get('电话'),
      active: true,
    };
    problems.push(...Object.values(validateStaff(value)).filter((m): m is string => !!m));
    if (name && ctx.existingNames.has(name)) problems.push(`已有同名人员“${name}”`);
    if (name && seen.has(name)) problems.push(`与第${seen.get(name)}行姓名重复`);
    if (name) seen.set(name, i + 1);
    const fields = Object.fromEntries(STAFF_COLUMNS.map((c) => [c, get(c)])) as ImportRow['fields'];
    rows.push({ line: i + 1, fields, value: problems.length ? null : value, problems });
  }
  const headerProblem = rows.length === 0 ? '文件中没有人员数据' : null;
  return { rows, headerProblem, ok: !headerProblem && rows.every((r) => r.problems.length === 0) };
}

// The first sheet as text (dates as YYYY-MM-DD), read by the shared reader in the import worker: a
// file that is not a workbook, or that holds formulas, is refused with the reason (and the cells).
export async function readXlsxTable(data: ArrayBuffer): Promise<unknown[][]> {
  return readSpreadsheetText(data);
}

export async function previewStaffImport(table: unknown[][]): Promise<ImportPreview> {
  const [sections, staff] = await Promise.all([db.sections.toArray(), db.staff.toArray()]);
  return parseStaffRows(table, { sections, existingNames: new Set(liveOnly(staff).map((s) => s.name)) });
}

// All or nothing: the rows are checked again against the database inside the transaction.
function refuseBadRows(preview: ImportPreview): void {
  if (preview.ok) return;
  const bad = preview.rows.filter((r) => r.problems.length);
  throw new DomainError(
    preview.headerProblem ??
      `有${bad.length}行不合格（第${bad.map((r) => r.line).join('、')}行），全部未导入`,
  );
}

export const importStaffCommand = defineCommand({
  what: '从Excel导入人员',
  perm: 'system.settings',
  tables: (d) => [d.staff, d.sections],
  run: async (ctx, table: unknown[][]) => {
    const preview = await previewStaffImport(table);
    refuseBadRows(preview);
    if (preview.rows.some((r) => r.value!.roles.length)) ctx.require('system.users', '导入人员的角色');
    for (const r of preview.rows)
      await insert(db.staff, r.value!, ctx.actor, `从Excel导入人员（第${r.line}行）`);
    return preview.rows.length;
  },
});

// All rows or none: checked first (a refusal names the bad rows), then checked again and written in
// one transaction.
export async function importStaff(table: unknown[][]): Promise<number> {
  const actor = sessionActor('system.settings', importStaffCommand.what);
  const preview = await previewStaffImport(table);
  refuseBadRows(preview);
  if (preview.rows.some((r) => r.value!.roles.length)) sessionActor('system.users', '导入人员的角色');
  return importStaffCommand(table, actor);
}

export async function staffTemplate(): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow([...STAFF_COLUMNS]);
  ws.addRow(['张三', '办信股', '一般干部职工', '科员', '信访业务', '0739-1234567']);
  ws.columns.forEach((c) => (c.width = 18));
  ws.getRow(1).font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
