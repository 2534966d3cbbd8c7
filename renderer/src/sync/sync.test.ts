import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { Transaction } from 'dexie';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { pinClock } from '../db/clock';
import { defineCommand } from '../db/command';
import { db } from '../db/db';
import { DomainError, insert, softDelete, SYSTEM_ACTOR, update } from '../db/repo';
import { setSetting } from '../db/settings';
import { resetDb, seedOrg } from '../db/testing';

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
