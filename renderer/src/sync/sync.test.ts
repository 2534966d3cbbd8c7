import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { Transaction } from 'dexie';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { buildBackup } from '../backup/backup';
import { inspectBackup } from '../backup/restore';
import { pinClock } from '../db/clock';
import { defineCommand } from '../db/command';
import { db, switchDb } from '../db/db';
import type { AppDB } from '../db/db';
import { DomainError, insert, softDelete, SYSTEM_ACTOR, update } from '../db/repo';
import { setSetting } from '../db/settings';
import { resetDb, seedOrg } from '../db/testing';
import { registerPetition } from '../features/petitions/core/registration';
import { letter, seedUnits } from '../features/petitions/core/testing';

import { setOutboxEnabled } from './outbox';
import type { PouchDb } from './pouch';
import { CHECKPOINT_KEY, parkedCount, pullChanges, pushOutbox, seedOutbox } from './pump';
import type { RecordDoc } from './pump';

const Pouch = PouchDB.plugin(memoryAdapter).plugin(replication).defaults({ adapter: 'memory' });
let n = 0;
const freshPouch = (): PouchDb => new Pouch(`pump-${Date.now()}-${n++}`);

const addTwoSections = defineCommand({
  what: '新增两个股室',
  perm: 'system.settings',
  tables: (d) => [d.sections],
  run: async (ctx, name: string) => {
    const a = await insert(db.sections, { name, order: 9, headId: null, deputyId: null }, ctx.actor);
    const b = await insert(
      db.sections,
      { name: name + '二', order: 10, headId: null, deputyId: null },
      ctx.actor,
    );
    if (name === '!') throw new DomainError('第二步失败');
    await update(db.sections, a.id, { order: 11 }, ctx.actor);
    return [a.id, b.id];
  },
});

// a setting written by a command (as 系统's screens do)
const setByCommandCmd = defineCommand({
  what: '设置',
  perm: null,
  tables: (d) => [d.settings],
  run: async (ctx, key: string, value: unknown) => setSetting(key, value, ctx.actor),
});
const setByCommand = (key: string, value: unknown) => setByCommandCmd(key, value, SYSTEM_ACTOR);

const removeAttachment = defineCommand({
  what: '删除附件',
  perm: null,
  tables: (d) => [d.attachments],
  run: async (ctx, id: string) => softDelete(db.attachments, id, ctx.actor),
});

const removeSection = defineCommand({
  what: '删除股室',
  perm: 'system.settings',
  tables: (d) => [d.sections],
  run: async (ctx, id: string) => softDelete(db.sections, id, ctx.actor),
});

beforeEach(async () => {
  pinClock(new Date('2026-11-20T09:00:00'));
  setOutboxEnabled(false);
  await resetDb();
  await seedOrg();
});
afterEach(() => setOutboxEnabled(undefined));
afterAll(() => pinClock(null));

describe('the outbox', () => {
  it('stays empty with sync off', async () => {
    await addTwoSections('督查股', SYSTEM_ACTOR);
    expect(await db.syncOutbox.count()).toBe(0);
  });

  it('with sync on holds exactly the records the command changed, once each, as they are after it', async () => {
    setOutboxEnabled(true);
    const [a, b] = await addTwoSections('督查股', SYSTEM_ACTOR);
    const rows = await db.syncOutbox.toArray();
    expect(rows.map((r) => r.key).sort()).toEqual([`sections:${a}`, `sections:${b}`].sort());
    expect(rows.find((r) => r.id === a)?.rec).toMatchObject({ name: '督查股', order: 11 });
    await removeSection(b, SYSTEM_ACTOR);
    const last = (await db.syncOutbox.orderBy(':id').last())!;
    expect(last).toMatchObject({ key: `sections:${b}`, table: 'sections', id: b });
    expect((last.rec as { deletedAt: string | null }).deletedAt).not.toBeNull();
  });

  it('is written when the zone still names a finished transaction (a read awaited just before)', async () => {
    // Chromium: after `await db.x.get()` outside a transaction, Dexie's zone may still name that
    // read's transaction; the command then took itself as nested and wrote no outbox row.
    setOutboxEnabled(true);
    const finished = { active: false, mode: 'readonly' } as unknown as Transaction;
    const zone = vi.spyOn(Dexie, 'currentTransaction', 'get').mockReturnValueOnce(finished);
    try {
      const [a, b] = await addTwoSections('督查股', SYSTEM_ACTOR);
      zone.mockRestore();
      const keys = (await db.syncOutbox.toArray()).map((r) => r.key).sort();
      expect(keys).toEqual([`sections:${a}`, `sections:${b}`].sort());
    } finally {
      zone.mockRestore();
    }
  });

  it('is written in the command transaction: a command that throws leaves no outbox row', async () => {
    setOutboxEnabled(true);
    const sections = await db.sections.count();
    await expect(addTwoSections('!', SYSTEM_ACTOR)).rejects.toThrow('第二步失败');
    expect(await db.syncOutbox.count()).toBe(0);
    expect(await db.sections.count()).toBe(sections);
  });

  it('leaves settings and the audit trail on this PC', async () => {
    setOutboxEnabled(true);
    const setUnit = defineCommand({
      what: '设置',
      perm: 'system.settings',
      tables: (d) => [d.settings],
      run: async (ctx) => setSetting('unitName', '另一个局', ctx.actor),
    });
    await setUnit(SYSTEM_ACTOR);
    expect(await db.syncOutbox.count()).toBe(0);
  });
});

describe('the pump', () => {
  const me = { pcId: 'pc-1', pcName: '一号机' };
  const other = { pcId: 'pc-2', pcName: '二号机' };

  it('sends the outbox as documents table:uuid, idempotently, and empties it', async () => {
    const local = freshPouch();
    setOutboxEnabled(true);
    const [a] = await addTwoSections('督查股', SYSTEM_ACTOR);
    expect(await pushOutbox(local, me)).toBe(2);
    expect(await db.syncOutbox.count()).toBe(0);
    const doc = (await local.get(`sections:${a}`)) as RecordDoc;
    expect(doc).toMatchObject({
      table: 'sections',
      pc: 'pc-1',
      pcName: '一号机',
      rec: { id: a, name: '督查股' },
    });
    // a row sent again (a crash after sending, before deleting) overwrites the same document
    await db.syncOutbox.add({
      key: `sections:${a}`,
      table: 'sections',
      id: a,
      rec: { ...doc.rec, order: 12 },
    });
    await db.syncOutbox.add({
      key: `sections:${a}`,
      table: 'sections',
      id: a,
      rec: { ...doc.rec, order: 13 },
    });
    expect(await pushOutbox(local, me)).toBe(2);
    const again = (await local.get(`sections:${a}`)) as RecordDoc;
    expect(again._rev?.startsWith('2-')).toBe(true);
    expect(again.rec.order).toBe(13);
    expect(await pushOutbox(local, me)).toBe(0);
  });

  it('applies changes from other PCs through one audited command 同步 and does not echo them', async () => {
    const local = freshPouch();
    setOutboxEnabled(true);
    const id = crypto.randomUUID();
    const rec = {
      id,
      name: '外机股室',
      order: 20,
      headId: null,
      deputyId: null,
      createdAt: '2026-11-19T08:00:00',
      updatedAt: '2026-11-19T08:00:00',
      createdBy: 'x',
      deletedAt: null,
    };
    await local.bulkDocs([
      { _id: `sections:${id}`, table: 'sections', pc: other.pcId, pcName: other.pcName, rec },
    ]);
    const auditBefore = await db.audit.count();
    expect(await pullChanges(local, me)).toBe(1);
    expect(await db.sections.get(id)).toEqual(rec);
    const entries = await db.audit.where(':id').above(auditBefore).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'create',
      recordId: id,
      summary: '同步（来自「二号机」）',
      actorName: '同步',
    });
    expect(await db.syncOutbox.count()).toBe(0); // not echoed
    expect((await db.syncState.get(CHECKPOINT_KEY))?.value).toBeTruthy();
    expect(await pullChanges(local, me)).toBe(0); // from the checkpoint on: nothing new

    // a change of it: an update entry with the changed fields only
    const cur = (await local.get(`sections:${id}`)) as RecordDoc;
    await local.bulkDocs([{ ...cur, rec: { ...rec, name: '改名股室' } }]);
    expect(await pullChanges(local, me)).toBe(1);
    expect((await db.sections.get(id))?.name).toBe('改名股室');
    const upd = (await db.audit.orderBy(':id').last())!;
    expect(upd).toMatchObject({
      action: 'update',
      before: { name: '外机股室' },
      after: { name: '改名股室' },
    });
  });

  it("passes over this PC's own documents and keeps a record whose own change waits in the outbox", async () => {
    const local = freshPouch();
    setOutboxEnabled(true);
    const [a] = await addTwoSections('督查股', SYSTEM_ACTOR);
    await pushOutbox(local, me);
    const auditBefore = await db.audit.count();
    expect(await pullChanges(local, me)).toBe(2);
    expect(await db.audit.count()).toBe(auditBefore + 0);
    // another PC's older version of a record this PC changed again meanwhile
    await update(db.sections, a, { name: '本机新名' }, SYSTEM_ACTOR);
    await db.syncOutbox.add({
      key: `sections:${a}`,
      table: 'sections',
      id: a,
      rec: await db.sections.get(a),
    });
    const cur = (await local.get(`sections:${a}`)) as RecordDoc;
    await local.bulkDocs([
      { ...cur, pc: other.pcId, pcName: other.pcName, rec: { ...cur.rec, name: '外机旧名' } },
    ]);
    await pullChanges(local, me);
    expect((await db.sections.get(a))?.name).toBe('本机新名');
  });

  it('keeps aside a record whose unique value another record holds, without failing the batch', async () => {
    const local = freshPouch();
    const cal = (await db.calendars.toArray())[0];
    const id = crypto.randomUUID();
    const sec = crypto.randomUUID();
    await local.bulkDocs([
      {
        _id: `calendars:${id}`,
        table: 'calendars',
        pc: other.pcId,
        pcName: other.pcName,
        rec: { ...cal, id },
      },
      {
        _id: `sections:${sec}`,
        table: 'sections',
        pc: other.pcId,
        pcName: other.pcName,
        rec: {
          id: sec,
          name: '甲',
          order: 1,
          headId: null,
          deputyId: null,
          createdAt: 'x',
          updatedAt: 'x',
          createdBy: 'x',
          deletedAt: null,
        },
      },
    ]);
    await pullChanges(local, me);
    expect(await parkedCount()).toBe(1);
    expect(await db.calendars.get(id)).toBeUndefined();
    expect((await db.sections.get(sec))?.name).toBe('甲');
  });

  it('on first connection puts every record of this PC in the outbox', async () => {
    const n = await seedOutbox(3);
    const staff = await db.staff.count();
    expect(n).toBeGreaterThan(staff);
    expect((await db.syncOutbox.toArray()).filter((r) => r.table === 'staff')).toHaveLength(staff);
    expect((await db.syncOutbox.toArray()).some((r) => r.table === 'audit')).toBe(false);
    // of the settings, only what the office shares: who leads what, not this PC's unit name typed
    // at its set-up
    const settings = (await db.syncOutbox.toArray()).filter((r) => r.table === 'settings').map((r) => r.id);
    expect(settings.sort()).toEqual(['directorId', 'financeDeputyId', 'officeDeputyId']);
  });

  it('carries the office’s shared settings to another PC, and keeps each PC’s own', async () => {
    const pc1 = freshPouch();
    setOutboxEnabled(true);
    await setByCommand('directorId', 'someone-1');
    await setByCommand('lastBackup', { at: '2026-11-20T08:00:00Z' });
    await setByCommand('unitName', '一号机的单位名');
    const sent = (await db.syncOutbox.toArray()).map((r) => r.key);
    expect(sent).toContain('settings:directorId');
    expect(sent).not.toContain('settings:lastBackup');
    expect(sent).not.toContain('settings:unitName');
    await pushOutbox(pc1, me);
    // a forged document of a setting that stays local is not taken either
    await pc1.bulkDocs([
      {
        _id: 'settings:sync',
        table: 'settings',
        pc: 'x',
        pcName: 'x',
        rec: { id: 'sync', value: { enabled: false, hubUrl: '', user: '', pcName: '' } },
      },
    ]);
    await resetDb(); // the second PC
    await setSetting(
      'sync',
      { enabled: true, hubUrl: 'http://hub:5984', user: '', pcName: '二号机' },
      SYSTEM_ACTOR,
    );
    await pullChanges(pc1, other);
    expect((await db.settings.get('directorId'))?.value).toBe('someone-1');
    expect((await db.settings.get('lastBackup'))?.value).toBeUndefined();
    expect(((await db.settings.get('sync'))?.value as { enabled: boolean }).enabled).toBe(true);
  });

  it('carries a record from one PC to another through a hub', async () => {
    const pc1 = freshPouch();
    const pc2 = freshPouch();
    const hub = freshPouch();
    setOutboxEnabled(true);
    const [a] = await addTwoSections('督查股', SYSTEM_ACTOR);
    await pushOutbox(pc1, me);
    const { replicate } = Pouch as unknown as { replicate: (from: PouchDb, to: PouchDb) => Promise<unknown> };
    await replicate(pc1, hub);
    await replicate(hub, pc2);
    await resetDb(); // the second PC's database
    await pullChanges(pc2, other);
    expect((await db.sections.get(a))?.name).toBe('督查股');
  });
});

describe('attachments between PCs', () => {
  const pcA = { pcId: 'pc-a', pcName: '一号机' };
  const pcB = { pcId: 'pc-b', pcName: '二号机' };
  const { replicate } = Pouch as unknown as { replicate: (from: PouchDb, to: PouchDb) => Promise<unknown> };
  // a tiny PNG's first bytes, a zero and a high byte: not text
  const BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x80];
  const scan = (bytes = BYTES) => ({
    name: '来信扫描件.png',
    type: 'image/png',
    blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
  });
  const bytesOf = async (b: unknown) => [...new Uint8Array(await (b as Blob).arrayBuffer())];

  async function on(d: AppDB) {
    if (db === d) return;
    switchDb(d);
    await d.open();
  }

  // PC A (this test's database, sync on) registers a letter with a scan and sends it to the hub;
  // PC B is a fresh database whose PouchDB replicates from the hub.
  async function letterWithScan() {
    await seedUnits();
    setOutboxEnabled(true);
    const p = await registerPetition(letter(), SYSTEM_ACTOR, { attachments: [scan()] });
    const att = (await db.attachments.where('[ownerTable+ownerId]').equals(['petitions', p.id]).first())!;
    const a = db;
    const [pouchA, hub, pouchB] = [freshPouch(), freshPouch(), freshPouch()];
    await pushOutbox(pouchA, pcA);
    await replicate(pouchA, hub);
    await replicate(hub, pouchB);
    const b = await resetDb();
    await pullChanges(pouchB, pcB);
    return { p, att, a, b, pouchA, hub, pouchB };
  }

  it('a letter’s scan registered on one PC arrives on the other with the same bytes; the audit there holds none', async () => {
    const { p, att, hub } = await letterWithScan();
    // on the hub: the file as the document's attachment, not inside its JSON
    const doc = (await hub.get(`attachments:${att.id}`)) as RecordDoc;
    expect(doc.rec).not.toHaveProperty('blob');
    expect(doc.rec).toMatchObject({ name: '来信扫描件.png', size: BYTES.length });
    expect(doc.blobs).toEqual({ blob: 'image/png' });
    expect(doc._attachments?.blob).toMatchObject({ content_type: 'image/png', stub: true, length: BYTES.length });
    // on PC B
    expect((await db.petitions.get(p.id))?.regNo).toBe(p.regNo);
    const got = (await db.attachments.get(att.id))!;
    expect(got).toMatchObject({ ownerTable: 'petitions', ownerId: p.id, name: '来信扫描件.png', type: 'image/png' });
    expect(got.blob).toBeInstanceOf(Blob);
    expect(got.blob.type).toBe('image/png');
    expect(await bytesOf(got.blob)).toEqual(BYTES);
    const entry = await db.audit.filter((e) => e.table === 'attachments' && e.recordId === att.id).toArray();
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ action: 'create', summary: '同步（来自「一号机」）' });
    expect((entry[0].after as Record<string, unknown>).blob).toEqual({ blob: true, size: BYTES.length, type: 'image/png' });
    // a backup made on PC B holds the file, and its records agree with B's audit trail
    const checked = await inspectBackup((await buildBackup()).bytes);
    expect(checked.trail.findingCount).toBe(0);
    expect(checked.trail.compared).toBeGreaterThan(0);
  });

  it('an attachment that comes again unchanged is skipped; one with another file is written, audited without bytes', async () => {
    const { att, hub, pouchB } = await letterWithScan();
    const docId = `attachments:${att.id}`;
    // a third PC sends the same record again (its first connection: seedOutbox), file and all
    const sent = await hub.get(docId, { attachments: true, binary: true });
    const third = { pcId: 'pc-c', pcName: '三号机' };
    const [res] = await hub.bulkDocs([
      {
        ...sent,
        pc: third.pcId,
        pcName: third.pcName,
        _attachments: { blob: { content_type: 'image/png', data: Buffer.from(BYTES) } },
      },
    ]);
    expect(res.ok).toBe(true);
    const onHub = await hub.get(docId);
    expect(onHub._rev?.startsWith('2-')).toBe(true);
    // the same file, not a second one
    expect(Object.keys(onHub._attachments ?? {})).toEqual(['blob']);
    expect(onHub._attachments?.blob.digest).toBe(sent._attachments?.blob.digest);
    await replicate(hub, pouchB);
    const audit = await db.audit.count();
    expect(await pullChanges(pouchB, pcB)).toBe(1);
    expect(await db.audit.count()).toBe(audit); // skipped: nothing written
    // another file under the same record: written, its audit entry the file's size and type only
    const other = [1, 2, 3];
    const cur = await hub.get(docId);
    await hub.bulkDocs([
      {
        ...cur,
        pc: third.pcId,
        pcName: third.pcName,
        rec: { ...(sent.rec as Record<string, unknown>), size: other.length },
        _attachments: { blob: { content_type: 'image/png', data: Buffer.from(other) } },
      },
    ]);
    await replicate(hub, pouchB);
    await pullChanges(pouchB, pcB);
    expect(await bytesOf((await db.attachments.get(att.id))!.blob)).toEqual(other);
    const upd = (await db.audit.orderBy(':id').last())!;
    expect(upd).toMatchObject({ action: 'update', recordId: att.id, summary: '同步（来自「三号机」）' });
    expect(upd.before).toEqual({ size: BYTES.length, blob: { blob: true, size: BYTES.length, type: 'image/png' } });
    expect(upd.after).toEqual({ size: 3, blob: { blob: true, size: 3, type: 'image/png' } });
  });

  it('a soft-deleted attachment replicates the deletion, its file kept', async () => {
    const { att, a, b, pouchA, hub, pouchB } = await letterWithScan();
    await on(a);
    setOutboxEnabled(true);
    const digest = (await pouchA.get(`attachments:${att.id}`))._attachments?.blob.digest;
    await removeAttachment(att.id, SYSTEM_ACTOR);
    expect(await pushOutbox(pouchA, pcA)).toBe(1); // the file goes again with the record
    const doc = await pouchA.get(`attachments:${att.id}`);
    expect(doc._rev?.startsWith('2-')).toBe(true);
    expect(Object.keys(doc._attachments ?? {})).toEqual(['blob']);
    expect(doc._attachments?.blob.digest).toBe(digest);
    await replicate(pouchA, hub);
    await replicate(hub, pouchB);
    await on(b);
    await pullChanges(pouchB, pcB);
    const got = (await db.attachments.get(att.id))!;
    expect(got.deletedAt).not.toBeNull();
    expect(await bytesOf(got.blob)).toEqual(BYTES);
    const last = (await db.audit.orderBy(':id').last())!;
    expect(last).toMatchObject({ action: 'update', recordId: att.id });
    expect(Object.keys(last.after as object)).toContain('deletedAt');
    expect(last.after).not.toHaveProperty('blob');
  });

  it('on first connection a PC sends its attachments too (a file of no known type stays so)', async () => {
    await seedUnits();
    const untyped = { name: '说明', type: '', blob: new Blob(['说明文字']) };
    const p = await registerPetition(letter(), SYSTEM_ACTOR, { attachments: [scan(), untyped] }); // sync off
    await seedOutbox();
    const [pouchA, pouchB] = [freshPouch(), freshPouch()];
    while ((await pushOutbox(pouchA, pcA)) > 0);
    await replicate(pouchA, pouchB);
    await resetDb();
    while ((await pullChanges(pouchB, pcB)) > 0);
    const got = await db.attachments.where('[ownerTable+ownerId]').equals(['petitions', p.id]).toArray();
    const byName = new Map(got.map((a) => [a.name, a]));
    expect([...byName.keys()].sort()).toEqual(['来信扫描件.png', '说明'].sort());
    expect(await bytesOf(byName.get('来信扫描件.png')!.blob)).toEqual(BYTES);
    expect(byName.get('说明')!.blob.type).toBe('');
    expect(await byName.get('说明')!.blob.text()).toBe('说明文字');
  });
});
