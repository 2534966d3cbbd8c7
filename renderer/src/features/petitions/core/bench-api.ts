// What the benchmark times: exactly the functions the screens run (list, next page, full-text
// search, duplicate check, registration, ledger export, import), and a fast bulk generator of cases.
import Dexie from 'dexie';

import type { LedgerSpec } from '../../../../../shared/ledger';
import type { ISODate } from '../../../../../shared/rules';
import { addCalendarDays } from '../../../../../shared/rules';
import { useSession } from '../../../auth/session';
import { loadCalendar } from '../../../calendar/calendar';
import { now, nowIso, today } from '../../../db/clock';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { newId, SYSTEM_ACTOR } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Petition, PetitionChannel, PetitionStep } from '../../../db/schema/petitions';
import { writeWorkbook } from '../../../export/workbook';

import { bureauDue, knownTownships, registerPetition } from './commands';
import {
  between,
  DEMO_CATEGORIES,
  personName,
  phoneNumber,
  pick,
  seeded,
  summaryFor,
  VILLAGES,
} from './demodata';
import { makeIdNo } from './idgen';
import { checkImport, importCategories, importPetitions, parseWorkbook } from './import';
import type { ImportResult, RowDecision } from './import';
import { buildLedger, monthRange } from './ledgers';
import { loadPinyinKeys } from './nameSearch';
import { formatRegNo, seriesOf } from './numbering';
import type { Series } from './numbering';
import { findDuplicates, listPetitions } from './queries';
import type { DuplicateCandidate, DuplicateInput, ListPage, PageKey } from './queries';
import { loadPetitionSettings } from './settings';
import { termKeys } from './text';
import type { RegistrationInput } from './validate';

// The signed-in user (the queries derive what they may see of informants from the session).
function viewer(): { actor: Actor } {
  const u = useSession.getState().user;
  return { actor: u ? { id: u.staffId, name: u.name } : SYSTEM_ACTOR };
}

const CHUNK = 2000;

// Bulk generation: bulkAdd in chunks, one transaction per chunk, with the search index (the
// multiEntry *terms field is part of each record) and the steps. Audit entries are skipped for
// generated bulk data on purpose: it is test data, not records anyone created, and hashing a
// chain entry per row would time the audit trail rather than the petitions module.
export async function generatePetitions(
  n: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const rnd = seeded(4242 + n);
  const [cal, settings, townshipsKnown, { petitionNameKeys }] = await Promise.all([
    loadCalendar(),
    loadPetitionSettings(),
    knownTownships(),
    loadPinyinKeys(),
  ]);
  const townships = townshipsKnown.length ? townshipsKnown : ['金石镇', '回龙镇', '高桥镇', '崀山镇'];
  const units = (await db.units.toArray()).filter(isLive);
  const staff = (await db.staff.toArray()).filter(isLive);
  const by = staff[0] ?? { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name };
  const day0 = today();
  const next = new Map<string, number>();
  const seqFor = async (series: Series, year: number) => {
    const k = `${series}|${year}`;
    if (!next.has(k)) {
      const last = await db.petitions
        .where('[series+year+seq]')
        .between([series, year, Dexie.minKey], [series, year, Dexie.maxKey])
        .last();
      next.set(k, last?.seq ?? 0);
    }
    const s = next.get(k)! + 1;
    next.set(k, s);
    return s;
  };
  // received dates over the last two years, oldest first
  const dates: ISODate[] = [];
  for (let i = 0; i < n; i++) dates.push(addCalendarDays(day0, -between(rnd, 0, 729)));
  dates.sort();
  const at = nowIso();
  const channels: PetitionChannel[] = [
    'letter',
    'letter',
    'letter',
    'visit',
    'visit',
    'online',
    'handed_down',
  ];
  for (let start = 0; start < n; start += CHUNK) {
    const petitions: Petition[] = [];
    const steps: PetitionStep[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const receivedOn = dates[i];
      const channel = pick(rnd, channels);
      const series = seriesOf(channel);
      const year = Number(receivedOn.slice(0, 4));
      const seq = await seqFor(series, year);
      const category = pick(rnd, DEMO_CATEGORIES);
      const township = pick(rnd, townships);
      const summary = summaryFor(rnd, category);
      const age = (Date.parse(day0) - Date.parse(receivedOn)) / 86400000;
      const unit = units.length ? pick(rnd, units) : null;
      const sorted = age > 10;
      const concluded = sorted && age > 70 && rnd() < 0.9;
      const sortedOn = sorted ? addCalendarDays(receivedOn, between(rnd, 1, 9)) : null;
      const concludedOn = concluded ? addCalendarDays(sortedOn!, between(rnd, 10, 55)) : null;
      const id = newId();
      const regNo = formatRegNo(settings.numberFormats[series], year, seq, settings.seqDigits);
      const name = personName(rnd);
      const p: Petition = {
        id,
        createdAt: at,
        updatedAt: at,
        createdBy: by.id,
        deletedAt: null,
        regNo,
        series,
        year,
        seq,
        channel,
        receivedOn,
        letterSource: channel === 'letter' ? '群众来信' : null,
        upstreamNo: null,
        name,
        nameKeys: petitionNameKeys(name),
        idNo:
          rnd() < 0.8
            ? makeIdNo(
                `19${between(rnd, 45, 95)}-0${between(rnd, 1, 9)}-1${between(rnd, 0, 9)}`,
                between(rnd, 1, 999),
              )
            : null,
        phone: phoneNumber(rnd),
        address: `${township}${pick(rnd, VILLAGES)}${between(rnd, 1, 12)}组`,
        township,
        category,
        nature: 'claim',
        summary,
        terms: termKeys(summary, receivedOn, regNo),
        informant: rnd() < 0.04,
        accusedUnitIds: [],
        accusedNote: null,
        urgent: false,
        urgentOpen: null,
        directorNoticeOpen: null,
        nationalNo: `43052800${year}${String(seq).padStart(6, '0')}`,
        visitors: channel === 'visit' ? between(rnd, 1, 3) : 1,
        representatives: [],
        receptionistId: channel === 'visit' ? by.id : null,
        receptionistName: channel === 'visit' ? by.name : null,
        state: !sorted ? 'registered' : concluded ? 'concluded' : unit ? 'handed_down' : 'accepted',
        decision: !sorted ? null : unit ? 'hand_down' : 'accept',
        sortedOn,
        notifiedOn: sortedOn,
        petitionerUnknown: false,
        unitId: sorted ? (unit?.id ?? null) : null,
        unitName: sorted ? (unit?.name ?? null) : null,
        handedOn: sorted && unit ? sortedOn : null,
        acceptedOn: null,
        extensionDays: 0,
        recusals: [],
        concludedOn,
        outcome: concluded ? '已解决' : null,
        outcomeText: concluded ? '已办结' : null,
        concludedAt: concluded ? 'handling' : null,
        duplicateOf: null,
        source: 'generated',
      };
      Object.assign(p, bureauDue(p, cal, settings, day0));
      petitions.push(p);
      const step = (kind: PetitionStep['kind'], on: ISODate, text: string): PetitionStep => ({
        id: newId(),
        createdAt: at,
        updatedAt: at,
        createdBy: by.id,
        deletedAt: null,
        petitionId: id,
        kind,
        on,
        at,
        byId: by.id,
        byName: by.name,
        text,
      });
      steps.push(step('register', receivedOn, `登记，编号 ${p.regNo}（批量生成）`));
      if (sortedOn) steps.push(step('sort', sortedOn, p.unitName ? `交办至${p.unitName}` : '受理'));
      if (concludedOn) steps.push(step('conclude', concludedOn, '办结：已解决'));
    }
    await db.transaction('rw', db.petitions, db.petitionSteps, async () => {
      await db.petitions.bulkAdd(petitions);
      await db.petitionSteps.bulkAdd(steps);
    });
    onProgress?.(Math.min(n, start + CHUNK), n);
  }
}

export function listFirstPage(): Promise<ListPage> {
  return listPetitions({}, null);
}

export function listPageAfter(key: PageKey): Promise<ListPage> {
  return listPetitions({}, key);
}

export function searchText(q: string): Promise<ListPage> {
  return listPetitions({ text: q }, null);
}

export async function duplicateCheck(input: DuplicateInput): Promise<DuplicateCandidate[]> {
  return findDuplicates(input, { cal: await loadCalendar(), today: today() });
}

export function registerLetter(input: Omit<RegistrationInput, 'channel'>): Promise<Petition> {
  return registerPetition({ ...input, channel: 'letter' }, viewer().actor);
}

// The 来信台帐 of a month as the screen builds it.
export function monthLedgerSpec(year: number, month: number): Promise<LedgerSpec> {
  const r = monthRange(year, month);
  return buildLedger('letter', r.from, r.to, r.period, 'ledgerExport');
}

// …and written to .xlsx bytes by the export worker, as the screen's 导出Excel does (not saved).
export async function exportMonthLedger(year: number, month: number): Promise<Uint8Array> {
  return writeWorkbook([await monthLedgerSpec(year, month)], now(), viewer().actor.name);
}

// ---- import (issue 13, point 24) ----------------------------------------------------------------

// An .xlsx as the national system exports it (no 登记编号): n letters of the last months, from the
// same generators as the data, so that some rows resemble existing cases as real imports do.
export async function importFileOf(n: number, seed: number): Promise<ArrayBuffer> {
  const ExcelJS = (await import('exceljs')).default;
  const rnd = seeded(9000 + seed);
  const [townships, categories] = await Promise.all([knownTownships(), importCategories()]);
  const day0 = today();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导出');
  ws.addRow([
    '收信日期',
    '来信人',
    '联系电话',
    '住址',
    '所属乡镇',
    '问题类别',
    '内容摘要',
    '全国系统录入编号',
  ]);
  for (let i = 0; i < n; i++) {
    const township = pick(rnd, townships);
    const category = pick(
      rnd,
      categories.filter((c) => DEMO_CATEGORIES.includes(c)),
    );
    ws.addRow([
      addCalendarDays(day0, -between(rnd, 1, 120)),
      personName(rnd),
      phoneNumber(rnd),
      `${township}${pick(rnd, VILLAGES)}${between(rnd, 1, 12)}组`,
      township,
      category,
      `${summaryFor(rnd, category)}（导入${seed}-${i}）`,
      `GJ${seed}${String(i).padStart(6, '0')}`,
    ]);
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

// The whole import as the screen runs it: read in the worker, check (rules and PET-10), and write in
// one transaction; likely duplicates are registered as new (the decision a clerk takes most).
export async function importWorkbook(bytes: ArrayBuffer): Promise<{
  result: ImportResult;
  rows: number;
  duplicates: number;
  readMs: number;
  checkMs: number;
  writeMs: number;
  marks: [number, number, number, number]; // when reading, checking and writing began, and the end
}> {
  const { actor } = viewer();
  const t0 = performance.now();
  const parsed = await parseWorkbook(bytes);
  if (parsed.problem) throw new Error(parsed.problem);
  const t1 = performance.now();
  const checked = await checkImport(parsed.rows, { actor });
  const t2 = performance.now();
  const refused = checked.rows.find((r) => r.status === 'refused');
  if (refused) throw new Error(`第${refused.row}行：${refused.errors[0].text}`);
  const dups = checked.rows.filter((r) => r.status === 'duplicate');
  const decisions = new Map<number, RowDecision>(
    dups.map((r) => [r.row, r.matches.some((m) => m.sameNumber) ? { kind: 'skip' } : { kind: 'new' }]),
  );
  const result = await importPetitions(checked, decisions, actor, { fileName: '基准导入.xlsx' });
  const t3 = performance.now();
  return {
    result,
    rows: checked.rows.length,
    duplicates: dups.length,
    readMs: t1 - t0,
    checkMs: t2 - t1,
    writeMs: t3 - t2,
    marks: [t0, t1, t2, t3],
  };
}

// The baseline: the same rows written by plain bulkAdd (the record with its search index, nothing
// checked, no steps, no audit), then removed again.
export async function bulkAddRows(bytes: ArrayBuffer): Promise<number> {
  const [parsed, { petitionNameKeys }] = await Promise.all([parseWorkbook(bytes), loadPinyinKeys()]);
  const at = nowIso();
  const records = parsed.rows.map((r, i) => {
    const regNo = `基准导入-${at}-${i}`;
    return {
      id: newId(),
      createdAt: at,
      updatedAt: at,
      createdBy: SYSTEM_ACTOR.id,
      deletedAt: null,
      regNo,
      series: 'import',
      year: Number(r.input.receivedOn.slice(0, 4)),
      seq: i + 1,
      channel: r.input.channel,
      receivedOn: r.input.receivedOn,
      name: r.input.name,
      nameKeys: petitionNameKeys(r.input.name),
      phone: r.input.phone ?? null,
      address: r.input.address ?? '',
      township: r.input.township,
      category: r.input.category,
      summary: r.input.summary,
      terms: termKeys(r.input.summary, r.input.receivedOn, regNo),
      nationalNo: r.input.nationalNo ?? null,
      state: 'registered',
      source: 'generated',
    } as unknown as Petition;
  });
  const t0 = performance.now();
  await db.transaction('rw', db.petitions, () => db.petitions.bulkAdd(records));
  const ms = performance.now() - t0;
  await db.petitions.bulkDelete(records.map((p) => p.id));
  return ms;
}

// After a timed import: the imported cases and their steps go again (bench data; the audit trail stays).
export async function removeImported(): Promise<number> {
  const ids = (await db.petitions.filter((p) => p.source === 'import').primaryKeys()) as string[];
  const set = new Set(ids);
  const steps = (await db.petitionSteps.filter((st) => set.has(st.petitionId)).primaryKeys()) as string[];
  await db.transaction('rw', db.petitions, db.petitionSteps, async () => {
    await db.petitionSteps.bulkDelete(steps);
    await db.petitions.bulkDelete(ids);
  });
  return ids.length;
}
