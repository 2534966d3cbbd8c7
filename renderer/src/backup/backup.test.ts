import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { sha256Hex } from '../../../shared/hash';
import { completeSetup } from '../auth/service';
import { AUDIT_GENESIS, auditHash } from '../db/audit';
import { readAuditAnchor, setAuditAnchor } from '../db/auditAnchor';
import { ACTIVE_DB_KEY, activeDbName, createDb, db, SCHEMA_VERSION, switchDb } from '../db/db';
import type { AppDB } from '../db/db';
import { insert, SYSTEM_ACTOR, softDelete } from '../db/repo';
import { coreStoresV1 } from '../db/schema/core';
import { setSetting } from '../db/settings';
import { resetDb } from '../db/testing';
import { loadDemoData } from '../demo/demo';
import { SYNC_OFF, SYNC_SETTING } from '../sync/outbox';

import { buildBackup } from './backup';
import type { BackupManifest } from './format';
import {
  BACKUP_FILE_PATTERN,
  base64ToBytes,
  bytesToBase64,
  decodeValue,
  encodeValue,
  primKeyPath,
} from './format';
import {
  inspectBackup,
  keptPreviousDb,
  PREVIOUS_DB_KEY,
  RESTORE_DB_PREFIX,
  RESTORE_ERRORS,
  restoreBackup,
  switchToPreviousDb,
} from './restore';
import { dumpAll, memoryStorage } from './testutil';

const enc = new TextEncoder();
const dec = new TextDecoder();

// Replaces text in the data part and, when asked, recomputes length and checksum like a forger would.
function edit(
  bytes: Uint8Array,
  from: string,
  to: string,
  fixChecksum = false,
  manifest?: (m: BackupManifest) => void,
): Uint8Array {
  const text = dec.decode(bytes);
  const nl = text.indexOf('\n');
  const head = text.slice(0, nl);
  const rest = text.slice(nl + 1);
  expect(rest.includes(from)).toBe(true);
  const changed = rest.replace(from, to);
  if (!fixChecksum) return enc.encode(head + '\n' + changed);
  const data = changed.slice(0, changed.length - 3); // without "\n}\n"
  const m = JSON.parse(head.slice(head.indexOf('"manifest":') + 11, head.length - ',"data":'.length));
  m.dataBytes = enc.encode(data).length;
  m.sha256 = sha256Hex(data);
  manifest?.(m);
  return enc.encode(`{"format":"xinfang-backup","manifest":${JSON.stringify(m)},"data":\n${changed}`);
}

// A forger's tool: changes the data part's lines, then recomputes what the manifest says of them
// (every table's count, the length, the SHA-256) exactly as the format does.
function forge(
  bytes: Uint8Array,
  change: (lines: string[]) => string[],
  manifest?: (m: BackupManifest) => void,
): Uint8Array {
  const text = dec.decode(bytes);
  const nl = text.indexOf('\n');
  const head = text.slice(0, nl);
  const m: BackupManifest = JSON.parse(
    head.slice(head.indexOf('"manifest":') + 11, head.length - ',"data":'.length),
  );
  const lines = change(text.slice(nl + 1, text.length - 3).split('\n'));
  let table = '';
  for (const l of lines) {
    const open = /^"(\w+)":\[$/.exec(l);
    if (open) {
      table = open[1];
      m.counts[table] = 0;
    } else if (l.startsWith('{') || l.startsWith(',{')) {
      if (l !== '{') m.counts[table]++;
    }
  }
  const data = lines.join('\n');
  m.dataBytes = enc.encode(data).length;
  m.sha256 = sha256Hex(data);
  manifest?.(m);
  return enc.encode(`{"format":"xinfang-backup","manifest":${JSON.stringify(m)},"data":\n${data}\n}\n`);
}

// The record lines of one table: [index of the first, index after the last].
function tableLines(lines: string[], table: string): [number, number] {
  const start = lines.indexOf(`"${table}":[`) + 1;
  let end = start;
  while (!lines[end].startsWith(']')) end++;
  return [start, end];
}
const recordOf = (line: string) =>
  JSON.parse(line.startsWith(',') ? line.slice(1) : line) as Record<string, unknown>;

// Removes the records that match, keeping the commas between the remaining ones right.
function removeRecords(
  lines: string[],
  table: string,
  match: (r: Record<string, unknown>) => boolean,
): string[] {
  const [start, end] = tableLines(lines, table);
  const kept = lines.slice(start, end).filter((l) => !match(recordOf(l)));
  const body = kept.map((l, i) => (i === 0 ? '' : ',') + JSON.stringify(recordOf(l)));
  return [...lines.slice(0, start), ...body, ...lines.slice(end)];
}

// Rewrites the audit trail as a forger who knows the hash chain would: entries removed, every hash
// after them recomputed, so the chain is sound again.
function rechainAudit(
  lines: string[],
  drop: (e: Record<string, unknown>) => boolean,
): { lines: string[]; head: { seq: number; hash: string } } {
  const [start, end] = tableLines(lines, 'audit');
  let prevHash = AUDIT_GENESIS;
  let head = { seq: 0, hash: prevHash };
  const body: string[] = [];
  for (const l of lines.slice(start, end)) {
    const e = decodeValue(recordOf(l)) as Record<string, unknown>;
    if (drop(e)) continue;
    const { hash: _h, seq, ...rest } = e;
    const entry = { ...rest, prevHash } as Parameters<typeof auditHash>[0];
    const hash = auditHash(entry);
    body.push((body.length ? ',' : '') + JSON.stringify(encodeValue({ ...entry, seq, hash })));
    prevHash = hash;
    head = { seq: seq as number, hash };
  }
  return { lines: [...lines.slice(0, start), ...body, ...lines.slice(end)], head };
}

async function restoreDbNames(): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(RESTORE_DB_PREFIX));
}

// Several tests here restore the demo data more than once: a loaded machine needs more than the default.
describe('backup and restore of the whole database', { timeout: 120_000 }, () => {
  let source: AppDB;
  let before: Record<string, unknown[]>;
  let bytes: Uint8Array;
  const attachmentBytes = Uint8Array.from({ length: 3000 }, (_, i) => i % 256);

  beforeAll(async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    source = await resetDb();
    await completeSetup({
      unitName: '新宁县信访局',
      adminName: '管理员甲',
      loginName: 'admin',
      password: 'Admin12345',
      confirm: 'Admin12345',
    });
    await loadDemoData(); // every module's demo data, through the modules' own repositories
    // Things JSON cannot hold as such: Blobs (attachments), dates, bytes, and a value that looks like a tag.
    await insert(
      db.attachments,
      {
        ownerTable: 'staff',
        ownerId: 'x',
        name: '扫描件.pdf',
        type: 'application/pdf',
        size: attachmentBytes.length,
        blob: new Blob([attachmentBytes], { type: 'application/pdf' }),
      },
      SYSTEM_ACTOR,
    );
    await insert(
      db.attachments,
      {
        ownerTable: 'staff',
        ownerId: 'y',
        name: '空.txt',
        type: 'text/plain',
        size: 0,
        blob: new Blob([], { type: 'text/plain' }),
      },
      SYSTEM_ACTOR,
    );
    await setSetting('testDate', new Date('2026-03-01T08:00:00.000Z'), SYSTEM_ACTOR);
    await setSetting('testBytes', Uint8Array.from([0, 1, 2, 255]), SYSTEM_ACTOR);
    await setSetting('testTagLike', { $t: 'blob', note: '不是标签' }, SYSTEM_ACTOR);
    const someone = (await db.staff.toArray()).find((s) => s.name === '冯涛')!;
    await softDelete(db.staff, someone.id, SYSTEM_ACTOR, '测试删除');
    before = await dumpAll(source);
    bytes = (await buildBackup()).bytes;
  }, 240_000);

  beforeEach(async () => {
    localStorage.clear();
    if (!source.isOpen()) await source.open();
    switchDb(source);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => vi.unstubAllGlobals());

  it('writes one valid JSON file with a manifest: name pattern, version, counts, SHA-256 of the data part', async () => {
    const built = await buildBackup();
    expect(built.fileName).toMatch(BACKUP_FILE_PATTERN);
    const text = dec.decode(built.bytes);
    const whole = JSON.parse(text); // the file is one JSON document
    expect(whole.format).toBe('xinfang-backup');
    const m = whole.manifest;
    expect(m.app).toBe('xinfang-office');
    expect(m.schemaVersion).toBe(db.verno);
    expect(m.unitName).toBe('新宁县信访局');
    expect(m.tables.sort()).toEqual(db.tables.map((t) => t.name).sort());
    for (const t of db.tables) expect(m.counts[t.name]).toBe(await t.count());
    expect(m.counts.staff).toBeGreaterThan(30);
    // The checksum covers exactly the data part, and agrees with the independent SHA-256 of shared/hash.
    const data = text.slice(text.indexOf('\n') + 1, text.length - 3);
    expect(enc.encode(data).length).toBe(m.dataBytes);
    expect(sha256Hex(data)).toBe(m.sha256);
    expect(whole.data.staff).toHaveLength(m.counts.staff);
    // The audit chain's newest entry, for the restore to check the chain's end against.
    const last = (await db.audit.orderBy(':id').last())!;
    expect(m.auditHead).toEqual({ seq: last.seq, hash: last.hash });
  });

  it('restores the demo data into a fresh database identical record by record, Blobs included, and switches to it', async () => {
    const oldName = db.name;
    const result = await restoreBackup(bytes);
    expect(db).not.toBe(source);
    expect(db.name).toBe(result.dbName);
    expect(result.dbName.startsWith(RESTORE_DB_PREFIX)).toBe(true);
    const after = await dumpAll(db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);
    const att = (await db.attachments.toArray()).find((a) => a.name === '扫描件.pdf')!;
    expect(new Uint8Array(await att.blob.arrayBuffer())).toEqual(attachmentBytes);
    expect(att.blob.type).toBe('application/pdf');
    expect((await db.settings.get('testDate'))!.value).toBeInstanceOf(Date);
    // The next start opens the restored database; the one it replaced is kept once.
    expect(localStorage.getItem(ACTIVE_DB_KEY)).toBe(result.dbName);
    expect(activeDbName()).toBe(result.dbName);
    expect(localStorage.getItem(PREVIOUS_DB_KEY)).toBe(oldName);
    expect(result.chain).toMatchObject({ ok: true });
    expect(result.chain.checked).toBe(before.audit.length);
    // Genuine data matches its audit trail record by record: nothing to warn of.
    expect(result.trail.findings).toEqual([]);
    expect(result.trail.compared).toBeGreaterThan(1000);
    expect(result.accepted).toBe(false);
    // The restored chain's head becomes the new database's anchor (kept outside the database).
    expect(readAuditAnchor(result.dbName)).toEqual(result.manifest.auditHead);
    // New audit entries chain on after the restored ones.
    await setSetting('afterRestore', 1, SYSTEM_ACTOR);
    const { verifyAuditChain } = await import('../db/audit');
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('keeps only one previous database: the copy kept by the restore before is deleted', async () => {
    const older = createDb(`older-${Date.now()}`);
    await older.open();
    older.close();
    localStorage.setItem(PREVIOUS_DB_KEY, older.name); // as if an earlier restore had replaced it
    const result = await restoreBackup(bytes);
    const names = await Dexie.getDatabaseNames();
    expect(names).toContain(result.dbName);
    expect(names).toContain(source.name); // the data just replaced is kept
    expect(localStorage.getItem(PREVIOUS_DB_KEY)).toBe(source.name);
    expect(names).not.toContain(older.name); // the copy before it is gone
  });

  it('switches back to the data the restore replaced, and forth again, deleting nothing', async () => {
    expect(await keptPreviousDb()).toBeNull();
    const result = await restoreBackup(bytes);
    await setSetting('onlyInRestored', 1, SYSTEM_ACTOR);
    expect(await keptPreviousDb()).toBe(source.name);
    const back = await switchToPreviousDb();
    expect(back).toEqual({ dbName: source.name, previousDbName: result.dbName });
    expect(db.name).toBe(source.name);
    expect(activeDbName()).toBe(source.name);
    expect(localStorage.getItem(PREVIOUS_DB_KEY)).toBe(result.dbName);
    const now = await dumpAll(db);
    for (const t of Object.keys(before)) expect(now[t], t).toEqual(before[t]);
    // …and forth: the restored data, with what was written after the restore, is still there.
    await switchToPreviousDb();
    expect(db.name).toBe(result.dbName);
    expect((await db.settings.get('onlyInRestored'))?.value).toBe(1);
    expect(await Dexie.getDatabaseNames()).toEqual(expect.arrayContaining([source.name, result.dbName]));
  });

  it('refuses to switch back when no copy is kept', async () => {
    await expect(switchToPreviousDb()).rejects.toThrow('本机没有保留恢复前的数据');
    localStorage.setItem(PREVIOUS_DB_KEY, `gone-${Date.now()}`);
    await expect(switchToPreviousDb()).rejects.toThrow('本机没有保留恢复前的数据');
    expect(db).toBe(source);
  });

  async function expectRefused(
    input: Uint8Array | string,
    message: string | RegExp,
    acceptFindings?: string,
  ) {
    const namesBefore = await restoreDbNames();
    await expect(restoreBackup(input, { acceptFindings })).rejects.toThrow(message);
    expect(db).toBe(source);
    expect(localStorage.getItem(ACTIVE_DB_KEY)).toBeNull();
    // No new database was left behind (leftovers of earlier tests may have been cleared).
    for (const n of await restoreDbNames()) expect(namesBefore).toContain(n);
    const now = await dumpAll(db);
    for (const t of Object.keys(before)) expect(now[t], t).toEqual(before[t]);
  }

  it('refuses to restore, or to switch back, while this PC shares its records (多机同步 on)', async () => {
    // written directly (not audited) so that the comparison of the data before and after holds
    await db.settings.put({
      id: SYNC_SETTING,
      value: { ...SYNC_OFF, enabled: true },
      updatedAt: '2026-06-01T00:00:00.000Z',
      updatedBy: 'test',
    });
    try {
      const names = await restoreDbNames();
      await expect(restoreBackup(bytes)).rejects.toThrow(RESTORE_ERRORS.syncOn);
      await expect(switchToPreviousDb()).rejects.toThrow(RESTORE_ERRORS.syncOn);
      expect(db).toBe(source);
      expect(localStorage.getItem(ACTIVE_DB_KEY)).toBeNull();
      expect(await restoreDbNames()).toEqual(names);
    } finally {
      await db.settings.delete(SYNC_SETTING);
    }
  });

  it('refuses a truncated file in Chinese and leaves the current data untouched', async () => {
    await expectRefused(bytes.subarray(0, bytes.length - 500), RESTORE_ERRORS.truncated);
    await expectRefused(bytes.subarray(0, 200), RESTORE_ERRORS.truncated);
    await expectRefused(bytes.subarray(0, bytes.length - 2), RESTORE_ERRORS.truncated);
  });

  it('refuses an altered file (checksum) and one whose record count was forged', async () => {
    await expectRefused(edit(bytes, '刘建国', '刘建民'), RESTORE_ERRORS.altered);
    // A forger who fixes length and checksum after removing a record is caught by the counts.
    const text = dec.decode(bytes);
    const staffLine = text.split('\n').find((l) => l.startsWith(',{') && l.includes('"name":"钱雪"'))!;
    await expectRefused(edit(bytes, staffLine + '\n', '', true), RESTORE_ERRORS.counts);
    // A broken record line with a fixed checksum is refused with its line number.
    await expectRefused(edit(bytes, staffLine, ',{"name":', true), /备份文件已损坏.*第\d+行/);
  });

  it('refuses a file that gives one record twice (manifest recomputed), even when the admin accepts the findings', async () => {
    const qian = (before.staff as { id: string; name: string }[]).find((s) => s.name === '钱雪')!;
    const forged = forge(bytes, (lines) => {
      const [start, end] = tableLines(lines, 'staff');
      const i = lines.slice(start, end).findIndex((l) => recordOf(l).id === qian.id) + start;
      return [...lines.slice(0, i + 1), ',' + JSON.stringify(recordOf(lines[i])), ...lines.slice(i + 1)];
    });
    const checked = await inspectBackup(forged);
    expect(checked.manifest.counts.staff).toBe(before.staff.length + 1);
    // The restore writes into a fresh database by key: the second copy would replace the first, and
    // the table would hold one record less than the file lists. That is refused, in Chinese.
    const refused = RESTORE_ERRORS.duplicates('人员', before.staff.length, before.staff.length + 1);
    await expectRefused(forged, refused, checked.trail.findingsKey);
  });

  it('refuses a file whose audit chain ends before the head its manifest recorded, or is broken', async () => {
    const text = dec.decode(bytes);
    const auditPart = text.slice(text.indexOf('"audit":[\n'));
    const lastLine = auditPart.slice(0, auditPart.indexOf('\n]')).split('\n').at(-1)!;
    expect(lastLine.startsWith(',{')).toBe(true);
    // A forger removes the newest audit entry and fixes length, checksum and count: the chain alone
    // is still sound, its end is not the one the backup was made with.
    const forged = edit(bytes, '\n' + lastLine + '\n]', '\n]', true, (m) => (m.counts.audit -= 1));
    await expectRefused(forged, /与备份清单记下的（第 \d+ 条）不符/);
    // An entry changed in the middle (checksum fixed): the chain is broken there.
    const entry = auditPart.split('\n').find((l) => l.includes('"recordId":"unitName"'))!;
    await expectRefused(
      edit(bytes, entry, entry.replace('新宁县信访局', '新宁县某某局'), true),
      /审计链有断点：第 \d+ 条审计记录本条记录内容与哈希不符/,
    );
  });

  it('refuses a backup with one record removed and its manifest recomputed, and restores it only when the admin accepts the named finding', async () => {
    const qian = (before.staff as { id: string; name: string }[]).find((s) => s.name === '钱雪')!;
    const forged = forge(bytes, (lines) => removeRecords(lines, 'staff', (r) => r.id === qian.id));
    // Every format check passes: counts, length and checksum agree with the forged data.
    const checked = await inspectBackup(forged);
    expect(checked.manifest.counts.staff).toBe(before.staff.length - 1);
    expect(checked.trail.chain.ok).toBe(true);
    expect(checked.trail.findingCount).toBe(1);
    expect(checked.trail.findings[0]).toMatchObject({
      kind: 'missing',
      table: 'staff',
      recordId: qian.id,
      label: '钱雪',
    });
    expect(checked.trail.findings[0].message).toContain('备份中却没有');
    // Refused without the admin's acceptance, the current data untouched …
    await expectRefused(forged, RESTORE_ERRORS.findings(1));
    await expect(restoreBackup(forged, { acceptFindings: 'something else' })).rejects.toThrow(
      RESTORE_ERRORS.findings(1),
    );
    expect(db).toBe(source);
    // … restored when the admin accepted exactly these findings.
    const result = await restoreBackup(forged, { acceptFindings: checked.trail.findingsKey });
    expect(result.accepted).toBe(true);
    expect(result.trail.findingCount).toBe(1);
    expect(await db.staff.get(qian.id)).toBeUndefined();
  });

  it('warns of a record whose content differs from its latest audit entry (manifest recomputed)', async () => {
    const liu = (before.staff as { id: string; name: string }[]).find((s) => s.name === '刘建国')!;
    const forged = forge(bytes, (lines) => {
      const [start, end] = tableLines(lines, 'staff');
      return lines.map((l, i) =>
        i >= start && i < end && recordOf(l).id === liu.id
          ? l.replace('"title":"局长"', '"title":"副局长"')
          : l,
      );
    });
    const checked = await inspectBackup(forged);
    expect(checked.trail.findings).toEqual([
      expect.objectContaining({
        kind: 'changed',
        table: 'staff',
        recordId: liu.id,
        label: '刘建国',
        fields: ['title'],
      }),
    ]);
    expect(checked.trail.findings[0].message).toMatch(/内容与最新审计记录（.+）不符：title/);
    await expectRefused(forged, RESTORE_ERRORS.findings(1));
    // A field added that the trail never had is a difference too; a deleted record's fields are checked as well.
    const deleted = (before.staff as { id: string; name: string; deletedAt: string | null }[]).find(
      (s) => s.deletedAt,
    )!;
    const forged2 = forge(bytes, (lines) => {
      const [start, end] = tableLines(lines, 'staff');
      return lines.map((l, i) => {
        if (i < start || i >= end) return l;
        const r = recordOf(l);
        if (r.id === liu.id) return l.replace('"name":"刘建国"', '"name":"刘建国","phone":"13800000000"');
        if (r.id === deleted.id) return l.replace(/"deletedAt":"[^"]+"/, '"deletedAt":null');
        return l;
      });
    });
    const c2 = await inspectBackup(forged2);
    expect(c2.trail.findings.map((f) => [f.recordId, f.fields])).toEqual(
      expect.arrayContaining([
        [liu.id, ['phone']],
        [deleted.id, ['deletedAt']],
      ]),
    );
  });

  it('on the computer that made it, finds a chain rewritten after removing a record with its audit entries', async () => {
    const made = await buildBackup(); // this computer, this database
    expect(made.manifest.origin).toEqual({
      installId: localStorage.getItem('xinfang.installId'),
      dbName: source.name,
    });
    const genuine = await inspectBackup(made.bytes);
    expect(genuine.trail.local.status).toBe('matched');
    expect(genuine.trail.findingCount).toBe(0);
    // The forger removes a person and every audit entry about them, recomputes every hash after them
    // and the manifest's head: the file is consistent in itself.
    const zhu = (before.staff as { id: string; name: string }[]).find((s) => s.name === '朱丹')!;
    const rewrite = (m?: (m: BackupManifest) => void) => {
      let head = { seq: 0, hash: '' };
      const forged = forge(
        made.bytes,
        (lines) => {
          const r = rechainAudit(
            removeRecords(lines, 'staff', (x) => x.id === zhu.id),
            (e) => e.recordId === zhu.id,
          );
          head = r.head;
          return r.lines;
        },
        (mm) => {
          mm.auditHead = head;
          m?.(mm);
        },
      );
      return forged;
    };
    const forged = rewrite();
    const checked = await inspectBackup(forged);
    expect(checked.trail.chain.ok).toBe(true);
    expect(checked.trail.local.status).toBe('mismatch');
    expect(checked.trail.findings[0]).toMatchObject({ kind: 'head', table: 'audit' });
    expect(checked.trail.findings[0].message).toContain('与本机数据中的同一条不同');
    await expectRefused(forged, RESTORE_ERRORS.findings(checked.trail.findingCount));
    // The database itself gone, the anchor kept outside it still finds the rewrite.
    const anchor = made.manifest.auditHead!;
    setAuditAnchor('gone-database', anchor);
    const elsewhere = rewrite(
      (m) => (m.origin = { installId: m.origin!.installId, dbName: 'gone-database' }),
    );
    const c2 = await inspectBackup(elsewhere);
    expect(c2.trail.local.status).toBe('mismatch');
    expect(c2.trail.findings[0].message).toContain('与本机记下的审计链末端不符');
    // On another computer there is nothing to compare with: the check says so.
    localStorage.setItem('xinfang.installId', 'another-computer');
    const c3 = await inspectBackup(forged);
    expect(c3.trail.local.status).toBe('elsewhere');
    expect(c3.trail.findingCount).toBe(0);
  });

  it('refuses foreign files: other JSON, another app, a newer schema, empty, binary', async () => {
    await expectRefused('{"hello":"world"}', RESTORE_ERRORS.foreign);
    await expectRefused('', RESTORE_ERRORS.empty);
    await expectRefused(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), RESTORE_ERRORS.foreign);
    await expectRefused(
      JSON.stringify({ formatName: 'dexie', data: { databaseName: 'xinfang', tables: [] } }),
      RESTORE_ERRORS.foreign,
    );
    const text = dec.decode(bytes);
    await expectRefused(text.replace('"app":"xinfang-office"', '"app":"other-app"'), RESTORE_ERRORS.otherApp);
    await expectRefused(
      text.replace(/"schemaVersion":\d+/, '"schemaVersion":99'),
      RESTORE_ERRORS.newer(99, db.verno),
    );
    await expectRefused(text.replace(/"sha256":"[0-9a-f]+"/, '"sha256":"xyz"'), /清单缺少或写错“sha256”/);
  });

  it('a restore that fails halfway leaves the old data intact and the old database active', async () => {
    let threw = false;
    await expect(
      restoreBackup(bytes, {
        onProgress: (p) => {
          if (p.phase === 'write' && p.done >= p.total / 2 && !threw) {
            threw = true;
            throw new Error('断电模拟');
          }
        },
      }),
    ).rejects.toThrow('恢复未完成，当前数据未改动：断电模拟');
    expect(threw).toBe(true);
    expect(db).toBe(source);
    expect(localStorage.getItem(ACTIVE_DB_KEY)).toBeNull();
    expect(await restoreDbNames()).toEqual([]);
    const now = await dumpAll(db);
    for (const t of Object.keys(before)) expect(now[t], t).toEqual(before[t]);
  });

  it('a crash after writing part of the restore (nothing after it runs) leaves the old database the one opened next', async () => {
    // Simulates the process dying mid-restore: the half-filled database exists, nothing was switched.
    const half = createDb(`${RESTORE_DB_PREFIX}crashed`);
    await half.open();
    await half.staff.add(before.staff[0] as never);
    half.close();
    expect(activeDbName()).toBe('xinfang'); // the next start would open the default database
    // The next restore clears the leftover.
    await restoreBackup(bytes);
    expect(await Dexie.getDatabaseNames()).not.toContain(`${RESTORE_DB_PREFIX}crashed`);
  });

  it('reports a full disk during restore in Chinese and keeps the current data', async () => {
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(db.staff)) as {
      bulkPut: (...a: unknown[]) => unknown;
    };
    const real = proto.bulkPut;
    let calls = 0;
    vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (++calls === 3)
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return real.apply(this, args);
    });
    await expectRefused(bytes, /磁盘空间不足/);
  });

  it('restores a backup made at schema version 1 and upgrades it (migration0020)', async () => {
    const v1 = new Dexie(`v1-source-${Date.now()}`);
    v1.version(1).stores(coreStoresV1);
    await v1.open();
    const at = '2025-01-02T03:04:05.000Z';
    const base = { createdAt: at, updatedAt: at, createdBy: 'system', deletedAt: null };
    await v1.table('staff').bulkAdd([
      { ...base, id: 's1', name: '老甲', sectionId: null, rank: 'staff', roles: ['admin'] },
      { ...base, id: 's2', name: '老乙', sectionId: null, rank: 'director', roles: ['director'] },
    ]);
    await v1.table('accounts').add({
      ...base,
      id: 'a1',
      staffId: 's1',
      loginName: 'old',
      passwordHash: 'ab',
      salt: 'cd',
      iterations: 1,
    });
    await v1
      .table('settings')
      .add({ id: 'unitName', value: '旧县信访局', updatedAt: at, updatedBy: 'system' });
    const entry = {
      at,
      actorId: 'system',
      actorName: '系统',
      table: 'staff',
      recordId: 's1',
      action: 'create' as const,
      prevHash: '0'.repeat(64),
    };
    await v1.table('audit').add({ ...entry, hash: auditHash(entry) });
    const old = await buildBackup(undefined, v1);
    v1.close();
    expect(old.manifest.schemaVersion).toBe(1);
    expect(Object.keys(old.manifest.stores).sort()).toEqual(Object.keys(coreStoresV1).sort());

    const result = await restoreBackup(old.bytes);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.staff.get('s1'))!.active).toBe(true);
    expect((await db.staff.get('s2'))!.name).toBe('老乙');
    expect((await db.accounts.get('a1'))!.failedAttempts).toBe(0);
    expect((await db.settings.get('idleLockMinutes'))!.value).toBe(15);
    expect((await db.settings.get('unitName'))!.value).toBe('旧县信访局');
    expect(result.chain).toMatchObject({ ok: true, checked: 1 });
    expect(result.trail.findings).toEqual([]);
  });

  it('inspectBackup checks without touching anything', async () => {
    const namesBefore = await Dexie.getDatabaseNames();
    const c = await inspectBackup(bytes);
    expect(c.total).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    expect(await Dexie.getDatabaseNames()).toEqual(namesBefore);
  });
});

describe('value encoding', () => {
  it('round-trips Blobs, dates, bytes and tag-like objects', async () => {
    const blob = new Blob(['中文'], { type: 'text/plain' });
    const value = {
      a: 1,
      d: new Date('2026-01-01T00:00:00Z'),
      u: Uint8Array.from([1, 2]),
      nested: [{ $t: 'x' }],
      b: blob,
      skip: undefined,
    };
    const encoded = encodeValue(
      value,
      new Map([[blob, bytesToBase64(new Uint8Array(await blob.arrayBuffer()))]]),
    );
    const back = decodeValue(JSON.parse(JSON.stringify(encoded))) as typeof value;
    expect(back.a).toBe(1);
    expect(back.d.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(Array.from(back.u)).toEqual([1, 2]);
    expect(back.nested).toEqual([{ $t: 'x' }]);
    expect(await (back.b as Blob).text()).toBe('中文');
    expect('skip' in back).toBe(false);
    expect(() => encodeValue({ b: blob })).toThrow();
  });
  it('base64 of large binary data', () => {
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  });
  it('reads primary keys from store specs', () => {
    expect(primKeyPath('++seq, at')).toBe('seq');
    expect(primKeyPath('id, name')).toBe('id');
    expect(primKeyPath('[a+b], c')).toEqual(['a', 'b']);
  });
});

describe('isPlainJson (the backup writes plain records without copying them)', () => {
  it('is true only where JSON.stringify writes what encodeValue would', async () => {
    const { encodeValue, isPlainJson } = await import('./format');
    const plain = { id: 'a', n: 1, list: ['x', { y: null }], nested: { ok: true } };
    expect(isPlainJson(plain)).toBe(true);
    expect(JSON.stringify(plain)).toBe(JSON.stringify(encodeValue(plain)));
    for (const v of [
      { at: new Date(0) },
      { file: new Blob(['x']) },
      { bytes: new Uint8Array([1]) },
      { raw: new ArrayBuffer(2) },
      { $t: 'mine' },
      [{ deep: [{ $t: 1 }] }],
      // after plain values of every kind, in an array and in an object
      { terms: ['ab', 'cd', 1, true, null, new Date(0)] },
      { a: 'x', b: 1, c: false, d: null, e: new Uint8Array([1]) },
      { a: 'x', nested: { b: 2, c: [3, 'y', new Map()] } },
      Object.assign(Object.create(null) as object, { a: 1, $t: 'x' }),
    ])
      expect(isPlainJson(v)).toBe(false);
    expect(isPlainJson(Object.assign(Object.create(null) as object, { a: 1, b: ['x'] }))).toBe(true);
    expect(isPlainJson({ terms: ['ab|2026-01-01|X1', 'cd|2026-01-01|X1'], deletedAt: null, n: 0 })).toBe(
      true,
    );
  });
});
