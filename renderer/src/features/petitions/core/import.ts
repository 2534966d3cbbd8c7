// Import of petition records from a spreadsheet (e.g. an export of the national petition system).
// Three steps, as the screen runs them:
// 1. read: the shared reader (renderer/src/import) reads the first sheet in the import worker; it
//    says when a file is not a workbook and lists the cells holding formulas;
// 2. check (checkImport): every row as registration checks it — the registration rules, known
//    townships and categories, numbers not taken, no formulas — and the registration's duplicate
//    check (PET-10), with progress in rows. A row is ok, refused (reason and rule) or a likely
//    duplicate of an existing case, on which the user decides: 新建, 作为重复件关联 or 跳过;
// 3. write (importPetitions): all or nothing. Any refused row refuses the whole file, any likely
//    duplicate without a decision too; then every row is written in ONE transaction (with its
//    steps and audit entries, and one audit event for the import), so a failure half-way leaves
//    nothing behind.
import { INFORMANT_MASK } from '../../../../../shared/ledgers/petitions';
import { isISODate, repeatCandidate } from '../../../../../shared/rules';
import type { CalendarData, ISODate, RuleId } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { today } from '../../../db/clock';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { DomainError, logEvent } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Petition, PetitionChannel, PetitionState } from '../../../db/schema/petitions';
import { READ_MSG } from '../../../import/labels';
import { readSpreadsheet } from '../../../import/read';
import type { FormulaCell, ReadProgress, SheetValue } from '../../../import/read';
import { CHANNEL_LABELS, DEFAULT_CATEGORIES, IMPORT } from '../labels';

import { knownTownships, petitionCommand, registerTx } from './commands';
import type { DuplicateDecision } from './commands';
import { informantAccess, linksOf, maySeeIdentity, viewerOf } from './informant';
import type { InformantAccess, Links } from './informant';
import { findDuplicates } from './queries';
import type { DuplicateCandidate, DuplicateReadCache } from './queries';
import { normIdNo, normPhone, registrationProblems } from './validate';
import type { RegistrationInput } from './validate';

// A reason a row is refused, with the rule it applies (null: a requirement of the import itself).
export type RowError = { text: string; rule: RuleId | null };

export type ImportRow = {
  row: number; // spreadsheet row number (1-based), for the report
  regNo: string | null;
  input: RegistrationInput;
  errors: RowError[];
};

// An existing case a row may repeat, as the viewer may see it (PET-6: an informant's identity masked).
export type ImportMatch = {
  id: string;
  regNo: string;
  receivedOn: string;
  name: string;
  summary: string;
  state: PetitionState;
  samePetitioner: boolean | null; // null: not compared (an informant case the viewer may not see, PET-6)
  similarity: number; // 0..1
  sameNumber: boolean; // the row brings this case's 登记编号: it was imported before (only 跳过)
  finalAtRecheck: boolean; // concluded at 复核 (PET-5)
  inHand: boolean; // accepted and within its limit (PET-10)
};

export type RowStatus = 'ok' | 'refused' | 'duplicate';
export type CheckedRow = ImportRow & { status: RowStatus; matches: ImportMatch[] };
// seesInformants: whether the checking user may see informants' identity (PET-6), for the preview.
export type CheckedImport = { rows: CheckedRow[]; seesInformants: boolean };

export type RowDecision = { kind: 'new' } | { kind: 'link'; caseId: string } | { kind: 'skip' };
export type ImportResult = { imported: number; linked: number; skipped: number };
export type CheckProgress = { phase: 'check' | 'duplicates'; done: number; total: number };

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

type Cell = SheetValue | undefined;

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
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

// Turns the sheet's values (rows of cells, the first rows possibly a title) into import rows. A
// row holding a formula is refused with the cell's address: the file shows the formula's last
// result, which is not what the clerk typed (=HYPERLINK(…,"李四") shows 李四, =1+1 shows 2).
export function rowsFromSheet(
  values: Cell[][],
  formulas: readonly FormulaCell[] = [],
): { rows: ImportRow[]; problem: string | null } {
  const headerAt = values.findIndex((r) => r && r.some((c) => HEADERS.name.includes(cellText(c))));
  if (headerAt < 0) return { rows: [], problem: IMPORT.noHeader };
  const header = values[headerAt].map((c) => cellText(c));
  const col: Record<string, number> = {};
  for (const [field, names] of Object.entries(HEADERS)) {
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) col[field] = i;
  }
  const formulasByRow = new Map<number, FormulaCell[]>();
  for (const f of formulas) formulasByRow.set(f.row, [...(formulasByRow.get(f.row) ?? []), f]);
  const rows: ImportRow[] = [];
  for (let r = headerAt + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const get = (f: string) => (col[f] === undefined ? '' : cellText(cells[col[f]]));
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const errors: RowError[] = [];
    for (const f of formulasByRow.get(r + 1) ?? [])
      errors.push({ text: READ_MSG.formula(f.address, f.formula, f.shown), rule: null });
    const rawDate = col.receivedOn === undefined ? null : cells[col.receivedOn];
    const receivedOn = cellDate(rawDate ?? null);
    if (!receivedOn)
      errors.push({
        text: cellText(rawDate ?? null) ? `收信日期“${cellText(rawDate ?? null)}”无法识别` : '缺少收信日期',
        rule: 'PET-1',
      });
    const channelText = get('channel');
    const channel = channelText ? CHANNEL_BY_LABEL.get(channelText) : 'letter';
    if (!channel) errors.push({ text: `信访形式“${channelText}”无法识别`, rule: 'PET-1' });
    if (channel === 'visit')
      errors.push({ text: '来访件请在“来访登记”中登记（须接待人和人数）', rule: 'PET-12' });
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
  return { rows, problem: rows.length ? null : IMPORT.noRows };
}

// Step 1: the file's first sheet, read in the import worker, as import rows.
export async function parseWorkbook(
  bytes: ArrayBuffer,
  onProgress?: (p: ReadProgress) => void,
): Promise<{ rows: ImportRow[]; problem: string | null }> {
  const sheet = await readSpreadsheet(bytes, onProgress);
  if (!sheet.ok) return { rows: [], problem: sheet.problem };
  return rowsFromSheet(sheet.rows, sheet.formulas);
}

export async function importCategories(): Promise<string[]> {
  const routes = await db.responsibleRoutes.toArray();
  return [...new Set([...DEFAULT_CATEGORIES, ...routes.filter(isLive).map((r) => r.subject)])];
}

type StaticCtx = { today: ISODate; townships: readonly string[]; categories: readonly string[] };

// The checks that need no database: the registration rules, known townships and categories.
function staticErrors(r: ImportRow, ctx: StaticCtx): RowError[] {
  const errors = [...r.errors];
  for (const { field: k, message: msg, ruleId: rule } of registrationProblems(r.input, {
    today: ctx.today,
    townships: ctx.townships,
  })) {
    if (k === 'receivedOn' && !r.input.receivedOn) continue; // already reported
    if (k === 'name') errors.push({ text: '缺少信访人（来信人）', rule });
    else if (k === 'township' && r.input.township)
      errors.push({ text: `所属乡镇“${r.input.township}”不在乡镇列表中`, rule });
    else errors.push({ text: `${FIELD_LABELS[k] ?? k}：${msg}`, rule });
  }
  if (r.input.category && ctx.categories.length && !ctx.categories.includes(r.input.category))
    errors.push({ text: `问题类别“${r.input.category}”不在类别列表中`, rule: null });
  return errors;
}

type DupCtx = { access: InformantAccess; cal: CalendarData; today: ISODate; cache: DuplicateReadCache };

// The one call into the registration's duplicate check (PET-10, queries.ts findDuplicates): each
// imported row is matched exactly as a registration is, with the viewer's right to see informants
// (PET-6) deciding what the check may match on and what it shows. The rows of one import share the
// reads (posting lists, cases: the cache) and each row's reads share one read transaction.
function likelyDuplicates(input: RegistrationInput, ctx: DupCtx): Promise<DuplicateCandidate[]> {
  return db.transaction('r', db.petitions, () =>
    findDuplicates(
      { name: input.name, idNo: input.idNo, phone: input.phone, summary: input.summary },
      { access: ctx.access, cal: ctx.cal, today: ctx.today, cache: ctx.cache },
    ),
  );
}

function matchOf(c: DuplicateCandidate): ImportMatch {
  const p = c.petition; // already masked as the viewer may see it
  return {
    id: p.duplicateOf ?? p.id,
    regNo: p.duplicateOf ? (p.duplicateOfRegNo ?? p.regNo) : p.regNo,
    receivedOn: p.receivedOn,
    name: p.name,
    summary: p.summary,
    state: p.state,
    samePetitioner: c.samePetitioner,
    similarity: c.similarity,
    sameNumber: false,
    finalAtRecheck: c.finalAtRecheck,
    inHand: c.inHand,
  };
}

// A row that brings a number already registered: the same record imported before when the case is
// the same petitioner or content (identity compared only where the viewer may see it, PET-6);
// otherwise the number clashes with another case.
function sameRecord(r: ImportRow, p: Petition, access: InformantAccess, links: Links): ImportMatch | null {
  const hidden = !maySeeIdentity(access, p, links);
  const key = (name: string, idNo: string | null | undefined, phone: string | null | undefined) =>
    hidden
      ? { name: '', idNumber: null, phone: null }
      : { name, idNumber: normIdNo(idNo), phone: normPhone(phone) };
  const m = repeatCandidate(
    { petitioner: key(r.input.name, r.input.idNo, r.input.phone), content: r.input.summary },
    { petitioner: key(p.name, p.idNo, p.phone), content: p.summary },
  );
  if (!m.candidate) return null;
  return {
    id: p.id,
    regNo: p.regNo,
    receivedOn: p.receivedOn,
    name: hidden ? INFORMANT_MASK : p.name,
    summary: p.summary,
    state: p.state,
    samePetitioner: m.samePetitioner,
    similarity: m.similarity,
    sameNumber: true,
    finalAtRecheck: false,
    inHand: false,
  };
}

const SLICE = 500; // rows checked between two yields to the screen
const DUP_LANES = 6; // duplicate checks in flight at once (IndexedDB reads overlap)
const yieldToScreen = () => new Promise<void>((ok) => setTimeout(ok, 0));

// Checked imports handed out by checkImport: importPetitions writes only these, so no caller can
// skip the checks (and the duplicate check) on the way to the database.
const issued = new WeakSet<CheckedImport>();

export async function checkImport(
  rows: ImportRow[],
  opts: { actor?: Actor; onProgress?: (p: CheckProgress) => void } = {},
): Promise<CheckedImport> {
  // The viewer's right to see informants (PET-6) comes from the session (or the given actor), once.
  const [townships, categories, cal, access] = await Promise.all([
    knownTownships(),
    importCategories(),
    loadCalendar(),
    viewerOf(opts.actor).then(informantAccess),
  ]);
  const ctx = { today: today(), townships, categories };
  const total = rows.length;
  const errors: RowError[][] = [];
  for (let i = 0; i < total; i++) {
    errors.push(staticErrors(rows[i], ctx));
    if ((i + 1) % SLICE === 0 && i + 1 < total) {
      opts.onProgress?.({ phase: 'check', done: i + 1, total });
      await yieldToScreen();
    }
  }
  opts.onProgress?.({ phase: 'check', done: total, total });

  // Numbers: taken by a case (the same record imported before, or a clash), or twice in the file.
  const numbers = rows.map((r) => r.regNo).filter((n): n is string => !!n);
  const taken = new Map(
    (await db.petitions.where('regNo').anyOf(numbers).toArray()).map((p) => [p.regNo, p]),
  );
  const takenLinks = await linksOf([...taken.values()]);
  const seen = new Set<string>();
  const matches: ImportMatch[][] = rows.map(() => []);
  rows.forEach((r, i) => {
    if (!r.regNo) return;
    const existing = taken.get(r.regNo);
    if (existing) {
      const same = sameRecord(r, existing, access, takenLinks);
      if (same) matches[i].push(same);
      else errors[i].push({ text: IMPORT.numberTaken(r.regNo), rule: 'PET-1' });
    }
    if (seen.has(r.regNo)) errors[i].push({ text: `登记编号 ${r.regNo} 在表中重复`, rule: 'PET-1' });
    seen.add(r.regNo);
  });

  // PET-10 for every row that could be written: in a few lanes, in file order.
  const cache: DuplicateReadCache = { postings: new Map(), cases: new Map() };
  const dupCtx: DupCtx = { access, cal, today: ctx.today, cache };
  const todo = rows.map((_, i) => i).filter((i) => !errors[i].length && !matches[i].length);
  let next = 0;
  let done = 0;
  let lastReport = 0;
  opts.onProgress?.({ phase: 'duplicates', done: 0, total: todo.length });
  await Promise.all(
    Array.from({ length: Math.min(DUP_LANES, todo.length) }, async () => {
      while (next < todo.length) {
        const i = todo[next++];
        matches[i] = (await likelyDuplicates(rows[i].input, dupCtx)).map(matchOf);
        done++;
        if (done - lastReport >= 50 || done === todo.length) {
          lastReport = done;
          opts.onProgress?.({ phase: 'duplicates', done, total: todo.length });
        }
      }
    }),
  );

  const checked: CheckedImport = {
    rows: rows.map((r, i) => ({
      ...r,
      errors: errors[i],
      matches: errors[i].length ? [] : dedupe(matches[i]),
      status: errors[i].length ? 'refused' : matches[i].length ? 'duplicate' : 'ok',
    })),
    seesInformants: access.byRole,
  };
  issued.add(checked);
  return checked;
}

// Two candidates may be copies of one case (a case and its own 重复件 both lead to the case).
function dedupe(list: ImportMatch[]): ImportMatch[] {
  const seen = new Set<string>();
  return list.filter((m) => !seen.has(m.id) && seen.add(m.id));
}

// What the preview shows of the row's own petitioner: an informant's identity only to those who
// may see informants (PET-6), as in every other screen.
export function previewName(r: ImportRow, canViewInformant: boolean): string {
  return r.input.informant && !canViewInformant && r.input.name ? INFORMANT_MASK : r.input.name;
}

// The decisions a likely duplicate may take.
export function decisionOptions(r: CheckedRow): RowDecision[] {
  if (r.status !== 'duplicate') return [];
  if (r.matches.some((m) => m.sameNumber)) return [{ kind: 'skip' }];
  return [
    { kind: 'new' },
    ...r.matches.slice(0, 3).map((m): RowDecision => ({ kind: 'link', caseId: m.id })),
    { kind: 'skip' },
  ];
}

function decisionAllowed(r: CheckedRow, d: RowDecision | undefined): boolean {
  if (r.status === 'ok') return !d || d.kind === 'new';
  if (!d) return false;
  return decisionOptions(r).some(
    (o) => o.kind === d.kind && (o.kind !== 'link' || (d.kind === 'link' && o.caseId === d.caseId)),
  );
}

// All rows or nothing, in one transaction. decisions: the user's choice for each likely duplicate,
// by row number. onProgress is told inside the transaction (synchronously: nothing but Dexie may
// be awaited there, or IndexedDB would commit early).
type ImportOptions = { fileName?: string; onProgress?: (done: number, total: number) => void };

const importCommand = petitionCommand(
  '导入信访件',
  'petition.register',
  async (
    ctx,
    actor,
    checked: CheckedImport,
    decisions: ReadonlyMap<number, RowDecision>,
    opts: ImportOptions,
  ): Promise<ImportResult> => {
    if (!issued.has(checked)) throw new DomainError(IMPORT.unchecked, 'rows');
    const rows = checked.rows;
    if (!rows.length) throw new DomainError(IMPORT.noRows, 'rows');
    const bad = rows.filter((r) => r.status === 'refused');
    if (bad.length) {
      const first = bad
        .slice(0, 3)
        .map((r) => `第${r.row}行 ${r.errors[0].text}`)
        .join('；');
      throw new DomainError(IMPORT.refusedAll(bad.length, first), 'rows', bad[0].errors[0].rule ?? 'PET-1');
    }
    const open = rows.filter((r) => r.status === 'duplicate' && !decisions.get(r.row)).map((r) => r.row);
    if (open.length) throw new DomainError(IMPORT.undecided(open), 'rows', 'PET-10');
    const wrong = rows.find((r) => !decisionAllowed(r, decisions.get(r.row)));
    if (wrong) throw new DomainError(IMPORT.badDecision(wrong.row), 'rows', 'PET-10');
    const toWrite = rows.filter((r) => decisions.get(r.row)?.kind !== 'skip');
    if (!toWrite.length) throw new DomainError(IMPORT.nothing, 'rows');
    const skipped = rows.length - toWrite.length;
    let linked = 0;
    {
      let done = 0;
      for (const r of toWrite) {
        const d = decisions.get(r.row);
        const duplicate: DuplicateDecision =
          d?.kind === 'link' ? { kind: 'link', caseId: d.caseId } : { kind: 'new' };
        if (duplicate.kind === 'link') linked++;
        await registerTx(r.input, { regNo: r.regNo, source: 'import', duplicate }, ctx, actor);
        done++;
        if (done % 50 === 0 || done === toWrite.length) opts.onProgress?.(done, toWrite.length);
      }
      await logEvent(
        'import',
        opts.fileName || '信访件',
        IMPORT.auditSummary(toWrite.length, linked, skipped, opts.fileName ?? ''),
        actor,
        {
          rows: rows.length,
          imported: toWrite.length,
          linked,
          skipped,
        },
      );
    }
    return { imported: toWrite.length, linked, skipped };
  },
);

export async function importPetitions(
  checked: CheckedImport,
  decisions: ReadonlyMap<number, RowDecision>,
  actor: Actor,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  return importCommand(actor, undefined, checked, decisions, opts);
}
