// Restore from a backup file. The file's shape, app, schema version, length and SHA-256 of the data
// part are checked before anything is written; then one walk over the records checks every line,
// the counts, and the records against the file's own audit trail and this computer's note of its
// head (trail.ts) while writing them into a FRESH database. Only when that database is complete and
// every check has passed does the app switch to it and remember its name for the next start. A
// broken or forged file, a full disk or a crash halfway leaves the current database as it was (the
// fresh one is deleted, or left unused for cleanupRestoreLeftovers).
import Dexie from 'dexie';

import { sha256Hex } from '../../../shared/hash';
import { canonicalJson } from '../db/audit';
import type { ChainReport } from '../db/audit';
import { installId, readAuditAnchor, setAuditAnchor } from '../db/auditAnchor';
import { nowIso } from '../db/clock';
import {
  ACTIVE_DB_KEY,
  activeDbName,
  createDb,
  db,
  flushToDisk,
  switchDb,
  withRelaxedDurability,
} from '../db/db';
import type { AppDB } from '../db/db';
import { DomainError } from '../db/repo';
import { isQuotaError, QUOTA_MESSAGE } from '../db/storage';
import { tableLabel } from '../db/tableLabels';
import { readSyncConfig } from '../sync/outbox';

import {
  BACKUP_APP,
  BACKUP_FORMAT_VERSION,
  decodeValue,
  FOOTER,
  HEADER_PREFIX,
  HEADER_SUFFIX,
  keyOf,
  primKeyPath,
  sha256OfBytes,
} from './format';
import type { BackupManifest } from './format';
import { TrailChecker } from './trail';
import type { TrailFinding, TrailReport } from './trail';

export const RESTORE_DB_PREFIX = 'xinfang-restore-';
export const PREVIOUS_DB_KEY = 'xinfang.previousDb';
const WRITE_BATCH = 5000;
const WRITE_BATCH_BYTES = 16 * 1024 * 1024;

export const RESTORE_ERRORS = {
  empty: '文件是空的，不是备份文件。',
  foreign: '这不是本系统的备份文件（文件开头不符合“信访局机关事务管理系统”备份格式）。',
  otherApp: '这是其他软件生成的备份文件，不能恢复到本系统。',
  broken: '备份文件已损坏，无法读取（格式不正确）',
  truncated: '备份文件不完整：文件长度与清单记载不符，可能在复制或下载时被截断。请换一份完整的备份文件。',
  altered:
    '备份文件校验失败：数据内容与清单中的SHA-256校验码不符，文件可能被改动或已损坏。为保护数据，不能用它恢复。',
  counts: '备份文件中的记录数与清单记载不符，文件可能被改动。',
  duplicates: (table: string, written: number, listed: number) =>
    `备份文件中“${table}”有主键重复的记录（写入后 ${written} 条，清单记载 ${listed} 条），文件可能被改动，不能用它恢复。`,
  newer: (v: number, cur: number) =>
    `该备份来自更新版本的软件（数据版本 ${v}，本软件为 ${cur}），请先升级本软件再恢复。`,
  unknownTable: (t: string) => `备份中含有本版本软件没有的数据表（${t}），无法恢复。`,
  notUtf8: '备份文件含有无效字符（不是UTF-8文本），文件已损坏。',
  chainBroken: (seq: number, reason: string) =>
    `备份中的审计链有断点：第 ${seq} 条审计记录${reason}。备份文件可能被改动，不能用它恢复。`,
  chainEnd: (seq: number, want: number) =>
    `备份中的审计链末端（第 ${seq} 条）与备份清单记下的（第 ${want} 条）不符：审计记录被删除或替换，不能用它恢复。`,
  syncOn:
    '本机已开启多机同步：恢复备份（或切换回恢复前的数据）会把较旧的数据同步到其他电脑，覆盖那里较新的记录。请先在“系统 › 多机同步”中关闭同步，再恢复。',
  findings: (n: number) =>
    `备份中的数据与其审计记录有 ${n} 处不符，可能被改动。须由管理员查看不符之处并确认“仍要恢复”后才能恢复。`,
} as const;

export type RestorePhase = 'check' | 'write' | 'upgrade' | 'switch' | 'verify' | 'done';
export type RestoreProgress = { phase: RestorePhase; done: number; total: number; message: string };

// The restore's progress names the table in Chinese (正在写入：审计日志).
export function writingMessage(table: string): string {
  return `正在写入：${tableLabel(table)}`;
}
export type RestoreProgressFn = (p: RestoreProgress) => void;

// How the backup's chain compares with what this computer noted (only the computer that made it can):
// matched / mismatch (then findings of kind 'head'), unavailable (made here, but nothing left to
// compare with), elsewhere (made on another computer), unknown (the manifest does not say).
export type LocalCheck = {
  status: 'matched' | 'mismatch' | 'unavailable' | 'elsewhere' | 'unknown';
  note: string;
};

// What the trail check found; findingsKey identifies these findings, for the admin's acceptance.
export type TrailCheck = TrailReport & { local: LocalCheck; findingsKey: string };

export type CheckedBackup = {
  manifest: BackupManifest;
  bytes: Uint8Array;
  dataStart: number;
  dataEnd: number;
  total: number;
  trail: TrailCheck;
};

// accepted: the admin restored knowing of the trail's findings (listed in trail).
export type RestoreResult = {
  manifest: BackupManifest;
  dbName: string;
  previousDbName: string;
  chain: ChainReport;
  trail: TrailCheck;
  accepted: boolean;
};

export type BackupInput = Uint8Array | ArrayBuffer | Blob | string;

async function toBytes(input: BackupInput): Promise<Uint8Array> {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return new Uint8Array(await input.arrayBuffer());
}

const refuse = (message: string) => new DomainError(message, 'backupFile');

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkManifest(m: unknown): BackupManifest {
  const bad = (what: string) => refuse(`${RESTORE_ERRORS.broken}：清单缺少或写错“${what}”。`);
  if (!isRecord(m)) throw bad('manifest');
  if (m.app !== BACKUP_APP) throw refuse(RESTORE_ERRORS.otherApp);
  if (m.formatVersion !== BACKUP_FORMAT_VERSION) throw bad('formatVersion');
  if (!Number.isInteger(m.schemaVersion) || (m.schemaVersion as number) < 1) throw bad('schemaVersion');
  if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) throw bad('createdAt');
  if (!Array.isArray(m.tables) || !m.tables.every((t) => typeof t === 'string' && t.length > 0))
    throw bad('tables');
  if (new Set(m.tables).size !== m.tables.length) throw bad('tables');
  if (!isRecord(m.counts) || !isRecord(m.stores)) throw bad('counts/stores');
  for (const t of m.tables as string[]) {
    const c = m.counts[t];
    if (!Number.isInteger(c) || (c as number) < 0) throw bad(`counts.${t}`);
    if (typeof m.stores[t] !== 'string' || !(m.stores[t] as string).trim()) throw bad(`stores.${t}`);
  }
  if (!Number.isInteger(m.dataBytes) || (m.dataBytes as number) < 2) throw bad('dataBytes');
  if (typeof m.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(m.sha256)) throw bad('sha256');
  if (m.auditHead !== undefined) {
    const h = m.auditHead;
    if (
      !isRecord(h) ||
      !Number.isInteger(h.seq) ||
      (h.seq as number) < 1 ||
      typeof h.hash !== 'string' ||
      !/^[0-9a-f]{64}$/.test(h.hash)
    ) {
      throw bad('auditHead');
    }
  }
  if (m.origin !== undefined) {
    const o = m.origin;
    if (
      !isRecord(o) ||
      typeof o.installId !== 'string' ||
      !o.installId ||
      typeof o.dbName !== 'string' ||
      !o.dbName
    )
      throw bad('origin');
  }
  return m as unknown as BackupManifest;
}

type Line = { text: string; no: number };

// The data part's lines, decoded one at a time (never the whole part as one string).
function* linesOf(bytes: Uint8Array, start: number, end: number): Generator<Line> {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let pos = start;
  let no = 2; // line 1 is the header
  while (pos < end) {
    let nl = bytes.indexOf(10, pos);
    if (nl < 0 || nl > end) nl = end;
    let text: string;
    try {
      text = dec.decode(bytes.subarray(pos, nl));
    } catch {
      throw refuse(RESTORE_ERRORS.notUtf8);
    }
    yield { text: text.endsWith('\r') ? text.slice(0, -1) : text, no };
    no++;
    pos = nl + 1;
  }
}

// raw: the record as the file holds it (tags for Blobs, dates, binary); value: as it is stored —
// the same object unless the line holds a tag ("$t"), the only lines that need decoding.
type RecordVisitor = (
  table: string,
  raw: Record<string, unknown>,
  value: Record<string, unknown>,
) => void | Promise<void>;

// Walks the data part strictly by the layout of format.ts, checking table order and counts.
async function walkRecords(c: FileParts, visit: RecordVisitor): Promise<number> {
  const { manifest, bytes, dataStart, dataEnd } = c;
  const lineErr = (l: Line | undefined, what: string) =>
    refuse(`${RESTORE_ERRORS.broken}（第${l?.no ?? '?'}行：${what}）。`);
  const it = linesOf(bytes, dataStart, dataEnd);
  const next = () => {
    const r = it.next();
    return r.done ? undefined : r.value;
  };
  let l = next();
  if (l?.text !== '{') throw lineErr(l, '数据部分应以“{”开始');
  let total = 0;
  for (let ti = 0; ti < manifest.tables.length; ti++) {
    const table = manifest.tables[ti];
    const keyPath = primKeyPath(manifest.stores[table]);
    l = next();
    if (l?.text !== JSON.stringify(table) + ':[') throw lineErr(l, `应为数据表“${table}”`);
    let n = 0;
    const close = ti < manifest.tables.length - 1 ? '],' : ']';
    for (;;) {
      l = next();
      if (!l) throw refuse(RESTORE_ERRORS.truncated);
      if (l.text === close) break;
      const expectComma = n > 0;
      if (expectComma !== l.text.startsWith(',')) throw lineErr(l, '记录之间的分隔不正确');
      let raw: unknown;
      let value: unknown;
      try {
        raw = JSON.parse(expectComma ? l.text.slice(1) : l.text);
        value = l.text.includes('"$t"') ? decodeValue(raw) : raw;
      } catch {
        throw lineErr(l, '记录不是有效的JSON');
      }
      if (!isRecord(value)) throw lineErr(l, '记录应为对象');
      const key = keyOf(value, keyPath);
      const keyOk = Array.isArray(key)
        ? key.every((k) => k !== undefined && k !== null)
        : key !== undefined && key !== null;
      if (!keyOk) throw lineErr(l, `记录缺少主键（${String(keyPath)}）`);
      const r = visit(table, raw as Record<string, unknown>, value);
      if (r) await r; // a visitor awaits only to write a batch or let the screen show the progress
      n++;
    }
    if (n !== manifest.counts[table])
      throw refuse(
        `${RESTORE_ERRORS.counts}（${tableLabel(table)}：清单 ${manifest.counts[table]} 条，文件 ${n} 条）`,
      );
    total += n;
  }
  l = next();
  if (l?.text !== '}') throw lineErr(l, '数据部分应以“}”结束');
  if (next()) throw lineErr(undefined, '数据部分结束后还有多余内容');
  return total;
}

// The hash of the audit entry `seq` in this computer's database `dbName`: undefined when it has no
// such entry, null when that database is not on this computer (any more).
async function localAuditHash(dbName: string, seq: number): Promise<string | undefined | null> {
  if (dbName === db.name) return ((await db.audit.get(seq)) as { hash?: string } | undefined)?.hash;
  const names = await Dexie.getDatabaseNames().catch(() => [] as string[]);
  if (!names.includes(dbName)) return null;
  const other = new Dexie(dbName); // opened as it is (no schema declared): read only, never upgraded
  try {
    await other.open();
    return ((await other.table('audit').get(seq)) as { hash?: string } | undefined)?.hash;
  } catch {
    return null;
  } finally {
    other.close();
  }
}

const LOCAL_NOTES = {
  matched: '备份的审计链与本机记下的审计链末端一致（备份是在本机做的）。',
  mismatch: '备份的审计链与本机记下的不一致：审计记录被删除、替换或重新计算过。',
  unavailable: '备份是在本机做的，但本机已没有可比对的审计链记录（原数据已删除），只校验了备份自身的审计链。',
  elsewhere: '备份来自另一台电脑：本机没有它的审计链末端记录，只校验了备份自身的审计链。',
  unknown:
    '备份清单没有注明来源电脑（旧版本的备份，或清单被改动），无法与本机记下的审计链末端比对，只校验了备份自身的审计链。',
} as const;

// The backup's chain against this computer's notes of the database it came from: the local
// database's own entry at the backup's head (when it is still here), and the anchor kept outside the
// database (auditAnchor.ts) when the backup reaches that far.
async function compareWithLocal(
  manifest: BackupManifest,
  report: TrailReport,
  anchor: { seq: number; hash: string } | null,
): Promise<{ local: LocalCheck; findings: TrailFinding[] }> {
  const origin = manifest.origin;
  if (!origin) return { local: { status: 'unknown', note: LOCAL_NOTES.unknown }, findings: [] };
  if (origin.installId !== installId())
    return { local: { status: 'elsewhere', note: LOCAL_NOTES.elsewhere }, findings: [] };
  const head = report.chain.head;
  const findings: TrailFinding[] = [];
  let compared = false;
  const finding = (seq: number, message: string): TrailFinding => ({
    kind: 'head',
    table: 'audit',
    recordId: String(seq),
    message,
  });
  if (head) {
    const here = await localAuditHash(origin.dbName, head.seq);
    if (typeof here === 'string') {
      compared = true;
      if (here !== head.hash) {
        findings.push(
          finding(
            head.seq,
            `备份的最后一条审计记录（第 ${head.seq} 条）与本机数据中的同一条不同：审计记录被替换或重新计算过`,
          ),
        );
      }
    }
  }
  if (anchor) {
    if (!head) {
      compared = true;
      findings.push(finding(anchor.seq, `本机记下这份数据已有 ${anchor.seq} 条审计记录，备份中却一条也没有`));
    } else if (anchor.seq <= head.seq) {
      compared = true;
      if (report.hashAt !== anchor.hash) {
        findings.push(
          finding(
            anchor.seq,
            `备份中的第 ${anchor.seq} 条审计记录与本机记下的审计链末端不符：审计记录被替换或重新计算过`,
          ),
        );
      }
    }
  }
  const status = findings.length ? 'mismatch' : compared ? 'matched' : 'unavailable';
  return { local: { status, note: LOCAL_NOTES[status] }, findings };
}

export type InspectOptions = { onProgress?: (done: number, total: number) => void };

// Checks a file completely without writing to any database (it reads this computer's own audit trail
// of the database the backup came from, to compare). Throws a DomainError in Chinese; what does not
// match the audit trail is returned in trail.findings, for the admin to see before deciding.
export async function inspectBackup(
  input: BackupInput,
  currentVersion: number = db.verno,
  opts: InspectOptions = {},
): Promise<CheckedBackup> {
  const parts = await openBackup(input, currentVersion);
  const trail = trailPass(parts);
  const all = parts.manifest.tables.reduce((n, t) => n + parts.manifest.counts[t], 0);
  let seen = 0;
  const total = await walkRecords(parts, (table, raw, value) => {
    trail.visit(table, raw, value);
    if (++seen % 5000 === 0) {
      opts.onProgress?.(seen, all);
      return new Promise((r) => setTimeout(r, 0)); // let the screen show the progress
    }
  });
  return { ...parts, total, trail: await trail.finish() };
}

type FileParts = Omit<CheckedBackup, 'total' | 'trail'>;

// The file's shape, manifest, length and SHA-256 of the data part: everything checked before a
// record is read.
async function openBackup(input: BackupInput, currentVersion: number): Promise<FileParts> {
  const bytes = await toBytes(input);
  if (bytes.length === 0) throw refuse(RESTORE_ERRORS.empty);
  const dec = new TextDecoder('utf-8');
  const prefix = new TextEncoder().encode(HEADER_PREFIX);
  if (bytes.length < prefix.length || !prefix.every((b, i) => bytes[i] === b))
    throw refuse(RESTORE_ERRORS.foreign);
  const nl = bytes.indexOf(10);
  if (nl < 0) throw refuse(RESTORE_ERRORS.truncated);
  const head = dec.decode(bytes.subarray(0, nl)).replace(/\r$/, '');
  if (!head.endsWith(HEADER_SUFFIX)) throw refuse(`${RESTORE_ERRORS.broken}：文件头不完整。`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(head.slice(HEADER_PREFIX.length, head.length - HEADER_SUFFIX.length));
  } catch {
    throw refuse(`${RESTORE_ERRORS.broken}：清单不是有效的JSON。`);
  }
  const manifest = checkManifest(parsed);
  if (manifest.schemaVersion > currentVersion)
    throw refuse(RESTORE_ERRORS.newer(manifest.schemaVersion, currentVersion));
  const dataStart = nl + 1;
  const dataEnd = dataStart + manifest.dataBytes;
  const footer = new TextEncoder().encode(FOOTER);
  if (bytes.length < dataEnd + footer.length - 1) throw refuse(RESTORE_ERRORS.truncated);
  // The closing "\n}" must follow the data exactly; a final newline and trailing blanks are tolerated.
  const tail = dec.decode(bytes.subarray(dataEnd));
  if (!/^\r?\n\}\s*$/.test(tail))
    throw refuse(
      tail.length < 2 ? RESTORE_ERRORS.truncated : `${RESTORE_ERRORS.broken}：文件末尾有多余内容。`,
    );
  const sum = await sha256OfBytes(bytes.subarray(dataStart, dataEnd));
  if (sum !== manifest.sha256) throw refuse(RESTORE_ERRORS.altered);
  return { manifest, bytes, dataStart, dataEnd };
}

// The check of the records against the file's own audit trail (trail.ts), fed record by record on
// the one walk over the file; finish refuses a broken chain or one that does not end at the
// manifest's head, and compares with this computer's notes.
function trailPass(parts: FileParts): {
  visit: (table: string, raw: Record<string, unknown>, value: Record<string, unknown>) => void;
  finish: () => Promise<TrailCheck>;
} {
  const { manifest } = parts;
  // The anchor this computer keeps for the backup's database (read before the walk, which notes the
  // file's entry at the anchor's number on the way).
  const anchor =
    manifest.origin && manifest.origin.installId === installId()
      ? readAuditAnchor(manifest.origin.dbName)
      : null;
  const checker = new TrailChecker(manifest.tables, anchor?.seq);
  const visit = (table: string, raw: Record<string, unknown>, value: Record<string, unknown>) => {
    if (table === 'audit') checker.entry(value);
    else checker.record(table, raw);
  };
  const finish = async (): Promise<TrailCheck> => {
    const report = checker.finish();
    if (!report.chain.ok)
      throw refuse(RESTORE_ERRORS.chainBroken(report.chain.firstBrokenSeq ?? 0, report.chain.reason ?? ''));
    const want = manifest.auditHead;
    const end = report.chain.head;
    if (want && (end?.seq !== want.seq || end.hash !== want.hash))
      throw refuse(RESTORE_ERRORS.chainEnd(end?.seq ?? 0, want.seq));
    const { local, findings } = await compareWithLocal(manifest, report, anchor);
    if (!want && end) {
      findings.push({
        kind: 'head',
        table: 'audit',
        recordId: String(end.seq),
        message: '备份清单没有记下审计链末端，无法确认最新的审计记录是否被删除',
      });
    }
    const trail: TrailReport = {
      ...report,
      findings: [...findings, ...report.findings],
      findingCount: report.findingCount + findings.length,
    };
    const findingsKey = sha256Hex(canonicalJson({ n: trail.findingCount, f: trail.findings }));
    return { ...trail, local, findingsKey };
  };
  return { visit, finish };
}

// ---- which database is active ----

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function previousDbName(): string | null {
  return storage()?.getItem(PREVIOUS_DB_KEY) ?? null;
}

// Deletes restore databases that are neither active nor the kept previous one (a restore that
// was interrupted by a crash leaves its half-filled database behind; it was never switched to).
export async function cleanupRestoreLeftovers(): Promise<string[]> {
  const keep = new Set([activeDbName(), db.name, previousDbName()]);
  const names = await Dexie.getDatabaseNames().catch(() => [] as string[]);
  const removed: string[] = [];
  for (const n of names) {
    if (n.startsWith(RESTORE_DB_PREFIX) && !keep.has(n)) {
      await Dexie.delete(n).catch(() => undefined);
      removed.push(n);
    }
  }
  return removed;
}

// The data a restore replaced, when it is still kept on this computer (null otherwise).
export async function keptPreviousDb(): Promise<string | null> {
  const prev = previousDbName();
  if (!prev || prev === db.name) return null;
  const names = await Dexie.getDatabaseNames().catch(() => [] as string[]);
  return names.includes(prev) ? prev : null;
}

// 切换回恢复前的数据: the kept copy becomes the active database and the data just left becomes the
// kept copy, so the step can be taken back the same way. Nothing is deleted or rewritten.
export async function switchToPreviousDb(): Promise<{ dbName: string; previousDbName: string }> {
  await refuseWhileSyncOn();
  const prev = await keptPreviousDb();
  if (!prev) throw new DomainError('本机没有保留恢复前的数据，无法切换');
  const target = createDb(prev);
  await target.open(); // an older copy is upgraded by the same migrations as at start-up
  const left = db.name;
  const st = storage();
  st?.setItem(ACTIVE_DB_KEY, prev);
  st?.setItem(PREVIOUS_DB_KEY, left);
  switchDb(target);
  return { dbName: prev, previousDbName: left };
}

function stamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}-${p(at.getMilliseconds(), 3)}`;
}

// acceptFindings: the findingsKey of the trail check the admin has seen and accepted ("仍要恢复"); a
// backup whose records do not match its audit trail is refused without it.
export type RestoreOptions = { onProgress?: RestoreProgressFn; acceptFindings?: string };

// Several PCs (issue 18): a restore replaces this PC's records with older ones, and replication would
// push them over the newer records of the other PCs. While sync is on a restore is refused.
async function refuseWhileSyncOn(): Promise<void> {
  if ((await readSyncConfig()).enabled) throw refuse(RESTORE_ERRORS.syncOn);
}

export async function restoreBackup(input: BackupInput, opts: RestoreOptions = {}): Promise<RestoreResult> {
  await refuseWhileSyncOn();
  const progress = opts.onProgress ?? (() => undefined);
  const current = db;
  progress({ phase: 'check', done: 0, total: 1, message: '正在检查备份文件' });
  const parts = await openBackup(input, current.verno);
  const { manifest } = parts;
  const total = manifest.tables.reduce((n, t) => n + manifest.counts[t], 0);
  const sameVersion = manifest.schemaVersion === current.verno;
  await cleanupRestoreLeftovers();

  const name = `${RESTORE_DB_PREFIX}${stamp(new Date(nowIso()))}-${crypto.randomUUID().slice(0, 4)}`;
  let target: Dexie | null = null;
  let trail: TrailCheck;
  try {
    if (sameVersion) {
      target = createDb(name);
      const known = new Set(target.tables.map((t) => t.name));
      for (const t of manifest.tables) if (!known.has(t)) throw refuse(RESTORE_ERRORS.unknownTable(t));
    } else {
      // An older backup: recreate the tables exactly as they were at its version, fill them, then
      // open the database with the current schema so Dexie runs the upgrades (migrations/).
      target = new Dexie(name, { chromeTransactionDurability: 'strict' });
      target.version(manifest.schemaVersion).stores(manifest.stores);
    }
    await target.open();

    // One walk over the file both checks the records against its audit trail and writes them into
    // the fresh database, in large batches, one in flight while the next is read. Nothing is switched
    // before the walk is over and every check has passed: a refusal, a full disk or a crash before
    // then leaves the fresh database unused (deleted below, or by cleanupRestoreLeftovers).
    // Measured in Chromium (bench 完整恢复, 2026-12-07): the time is IndexedDB's own writing (the page
    // idles ~60% of it). Filling stores without indexes and building the indexes after (an upgrade)
    // took 2–3× longer in all; transactions under 1 MB were slower, whole tables no faster than these.
    const check = trailPass(parts);
    let batch: Record<string, unknown>[] = [];
    let batchTable = '';
    let batchBytes = 0;
    let done = 0;
    let failed: { error: unknown } | null = null;
    let inflight: Promise<void> = Promise.resolve();
    const t = target;
    const flush = async () => {
      const rows = batch;
      const table = batchTable;
      batch = [];
      batchBytes = 0;
      await inflight;
      if (failed) throw failed.error;
      if (rows.length === 0) return;
      // bulkPut, not bulkAdd: on a fresh store an add only costs IndexedDB one more read per record
      // (does the key exist?). A record given twice is not lost silently: the counts below refuse it.
      inflight = t
        .table(table)
        .bulkPut(rows)
        .then(() => {
          done += rows.length;
          progress({ phase: 'write', done, total, message: writingMessage(table) });
        })
        .catch((error: unknown) => {
          failed ??= { error };
        });
    };
    // The fresh database's batches need not each wait for the disk: one strict write below flushes
    // them all before the switch.
    await withRelaxedDurability(t, async () => {
      await walkRecords(parts, (table, raw, value) => {
        check.visit(table, raw, value);
        if (table !== batchTable) {
          const r = flush();
          batchTable = table;
          batch.push(value);
          batchBytes += estimateSize(value);
          return r;
        }
        batch.push(value);
        batchBytes += estimateSize(value);
        if (batch.length >= WRITE_BATCH || batchBytes >= WRITE_BATCH_BYTES) return flush();
      });
      await flush();
      await flush(); // waits for the last batch
    });
    trail = await check.finish();
    if (trail.findingCount > 0 && opts.acceptFindings !== trail.findingsKey)
      throw refuse(RESTORE_ERRORS.findings(trail.findingCount));

    for (const tn of manifest.tables) {
      const n = await target.table(tn).count();
      if (n !== manifest.counts[tn])
        throw refuse(RESTORE_ERRORS.duplicates(tableLabel(tn), n, manifest.counts[tn]));
    }
    await flushToDisk(target);
    if (!sameVersion) {
      progress({ phase: 'upgrade', done: total, total, message: '正在升级旧版本数据' });
      target.close();
      target = createDb(name);
      await target.open();
    }
  } catch (e) {
    target?.close();
    await Dexie.delete(name).catch(() => undefined);
    if (e instanceof DomainError) throw e;
    if (isQuotaError(e)) throw new DomainError(`恢复未完成，当前数据未改动。${QUOTA_MESSAGE}`);
    throw new DomainError(`恢复未完成，当前数据未改动：${e instanceof Error ? e.message : String(e)}`);
  }

  // The commit point: remember the new database, then switch to it.
  progress({ phase: 'switch', done: total, total, message: '正在切换到恢复的数据' });
  const previous = current.name;
  const older = previousDbName();
  const st = storage();
  st?.setItem(ACTIVE_DB_KEY, name);
  st?.setItem(PREVIOUS_DB_KEY, previous);
  switchDb(target as AppDB);
  // Only one copy of the data before a restore is kept (the one just replaced).
  if (older && older !== name && older !== previous) {
    await Dexie.delete(older).catch(() => undefined);
    setAuditAnchor(older, null);
  }

  // The chain was verified in the file (inspectBackup) and the records written are those records:
  // the chain's head becomes the new database's anchor, kept outside the database.
  setAuditAnchor(name, trail.chain.head ?? null);
  const chain: ChainReport = { ...trail.chain, anchored: trail.local.status === 'matched' };
  progress({ phase: 'done', done: total, total, message: '恢复完成' });
  return { manifest, dbName: name, previousDbName: previous, chain, trail, accepted: trail.findingCount > 0 };
}

function estimateSize(v: Record<string, unknown>): number {
  let n = 64;
  for (const k in v) {
    const x = v[k];
    if (typeof x === 'string') n += x.length * 2;
    else if (x instanceof Blob) n += x.size;
    else n += 16;
  }
  return n;
}
