// 同步冲突: two memory PouchDBs replicated to each other stand for two PCs; a real conflict is made
// by changing the same document in both before replicating.
import 'fake-indexeddb/auto';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../db/clock';
import { defineCommand } from '../db/command';
import { db } from '../db/db';
import { insert, SYSTEM_ACTOR } from '../db/repo';
import type { Actor } from '../db/repo';
import { addStaff, refusal, resetDb, seedOrg } from '../db/testing';
import type { TestOrg } from '../db/testing';

import {
  conflictCount,
  listConflicts,
  noteConflicts,
  PARKED_APPLY,
  PARKED_ASIDE,
  resolveConflict,
} from './conflicts';
import { setOutboxEnabled } from './outbox';
import type { PouchDb } from './pouch';
import { CHECKPOINT_KEY, parkedCount, pullChanges, pushOutbox } from './pump';
import type { RecordDoc } from './pump';

const Pouch = PouchDB.plugin(memoryAdapter).plugin(replication).defaults({ adapter: 'memory' });
const { replicate } = Pouch as unknown as { replicate: (a: PouchDb, b: PouchDb) => Promise<unknown> };
let n = 0;
const freshPouch = (): PouchDb => new Pouch(`conflicts-${Date.now()}-${n++}`);

const pc1 = { pcId: 'pc-1', pcName: '一号机' };
const pc2 = { pcId: 'pc-2', pcName: '二号机' };

let org: TestOrg;
let admin: Actor;

beforeEach(async () => {
  pinClock(new Date('2026-11-20T09:00:00'));
  setOutboxEnabled(false);
  await resetDb();
  org = await seedOrg();
  const a = await addStaff('管理员', ['admin'], null);
  admin = { id: a.id, name: a.name };
});
afterEach(() => setOutboxEnabled(undefined));
afterAll(() => pinClock(null));

async function syncBoth(a: PouchDb, b: PouchDb) {
  await replicate(a, b);
  await replicate(b, a);
}

// A section known to both PCs, then renamed on each while they were apart.
async function makeConflict() {
  const a = freshPouch();
  const b = freshPouch();
  const sec = (await db.sections.get(org.sectionId))!;
  const docId = `sections:${sec.id}`;
  await a.bulkDocs([{ _id: docId, table: 'sections', pc: pc1.pcId, pcName: pc1.pcName, rec: sec }]);
  await syncBoth(a, b);
  const edit = async (p: PouchDb, pc: typeof pc1, name: string) => {
    const cur = (await p.get(docId)) as RecordDoc;
    await p.bulkDocs([{ ...cur, pc: pc.pcId, pcName: pc.pcName, rec: { ...sec, name } }]);
  };
  await edit(a, pc1, '一号机改的名');
  await edit(b, pc2, '二号机改的名');
  await syncBoth(a, b);
  return { a, b, docId, sec };
}

const lastAuditOf = async (recordId: string) =>
  await db.audit
    .orderBy(':id')
    .reverse()
    .filter((e) => e.recordId === recordId)
    .first();

const names = (vs: { rec: Record<string, unknown> }[]) => vs.map((v) => v.rec.name).sort();

describe('同步冲突: detection', () => {
  it('notes a record changed on two PCs, with both versions, on either PC (its own documents too)', async () => {
    const { a, b, docId } = await makeConflict();
    for (const [pouch, me] of [
      [a, pc1],
      [b, pc2],
    ] as const) {
      await db.syncState.delete(CHECKPOINT_KEY);
      await db.syncState.where(':id').startsWith('conflict:').delete();
      await pullChanges(pouch, me);
      const list = await listConflicts();
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ kind: 'revisions', docId, table: 'sections', recordId: org.sectionId });
      expect(names(list[0].versions)).toEqual(['一号机改的名', '二号机改的名']);
      expect(list[0].versions.map((v) => v.pcName).sort()).toEqual(['一号机', '二号机']);
      expect(await conflictCount()).toBe(1);
    }
  });

  it('is idempotent: the same conflict seen again is one entry', async () => {
    const { a, docId } = await makeConflict();
    await pullChanges(a, pc1);
    const first = await listConflicts();
    const doc = await a.get(docId, { conflicts: true });
    expect(await noteConflicts(a, [{ id: docId, seq: 0, doc }])).toBe(0);
    await db.syncState.delete(CHECKPOINT_KEY);
    await pullChanges(a, pc1);
    expect(await listConflicts()).toEqual(first);
    expect(await conflictCount()).toBe(1);
  });

  it('leaves an approval alone: its versions are merged event by event, nothing to decide', async () => {
    const doc = {
      _id: 'approvals:a1',
      _rev: '2-b',
      _conflicts: ['2-a'],
      table: 'approvals',
      pc: 'x',
      rec: {},
    };
    const local = { get: () => Promise.reject(new Error('not read')) } as unknown as PouchDb;
    expect(await noteConflicts(local, [{ id: doc._id, seq: 1, doc }])).toBe(0);
    expect(await conflictCount()).toBe(0);
  });

  it('drops the entry once the conflict was decided on another PC', async () => {
    const { a, b, docId } = await makeConflict();
    await pullChanges(b, pc2);
    expect(await conflictCount()).toBe(1);
    const doc = await a.get(docId, { conflicts: true });
    await a.bulkDocs([{ _id: docId, _rev: (doc._conflicts as string[])[0], _deleted: true }]);
    await syncBoth(a, b);
    await pullChanges(b, pc2);
    expect(await conflictCount()).toBe(0);
  });
});

describe('同步冲突: a decision', () => {
  it.each([pc1, pc2])('keeping the version of %j converges both PCs on one revision', async (keptPc) => {
    const { a, b, docId } = await makeConflict();
    setOutboxEnabled(true);
    await pullChanges(a, pc1);
    const [c] = await listConflicts();
    const keep = c.versions.find((v) => v.pc === keptPc.pcId)!;
    const other = c.versions.find((v) => v !== keep)!;
    await resolveConflict(docId, keep.rev, admin);
    expect(await conflictCount()).toBe(0);
    expect((await db.sections.get(org.sectionId))?.name).toBe(keep.rec.name);

    // the audit entry names the version kept and keeps the other one whole
    const entry = (await lastAuditOf(org.sectionId))!;
    expect(entry.summary).toBe(`解决同步冲突：保留「${keptPc.pcName}」的版本，舍弃「${other.pcName}」的版本`);
    expect(entry).toMatchObject({ action: 'update', actorName: '管理员' });
    expect(entry.before).toEqual(other.rec);
    expect(entry.after).toEqual(keep.rec);

    // the pump: the decision goes out, the losing revision is removed, replication carries both
    await pushOutbox(a, pc1);
    await pullChanges(a, pc1);
    await pullChanges(a, pc1); // again: nothing left to do
    await syncBoth(a, b);
    const [da, dbb] = await Promise.all([
      a.get(docId, { conflicts: true }),
      b.get(docId, { conflicts: true }),
    ]);
    expect(da._conflicts ?? []).toEqual([]);
    expect(dbb._conflicts ?? []).toEqual([]);
    expect(da._rev).toBe(dbb._rev);
    expect((dbb as RecordDoc).rec.name).toBe(keep.rec.name);
    expect(await conflictCount()).toBe(0);

    // the other PC: its entry goes once the removal comes in
    await resetDb();
    await pullChanges(b, pc2);
    expect(await conflictCount()).toBe(0);
    expect((await db.sections.get(org.sectionId))?.name).toBe(keep.rec.name);
  });

  it('an attachment changed on two PCs: each version carries its own file, the one kept is written with it', async () => {
    const addFile = defineCommand({
      what: '添加附件',
      perm: null,
      tables: (d) => [d.attachments],
      run: async (ctx, bytes: number[]) =>
        insert(
          db.attachments,
          {
            ownerTable: 'petitions',
            ownerId: 'p1',
            name: '扫描件.png',
            type: 'image/png',
            size: bytes.length,
            blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
          },
          ctx.actor,
        ),
    });
    const bytesOf = async (b: unknown) => [...new Uint8Array(await (b as Blob).arrayBuffer())];
    const [a, b] = [freshPouch(), freshPouch()];
    setOutboxEnabled(true);
    const att = await addFile([9, 9], SYSTEM_ACTOR);
    await pushOutbox(a, pc1);
    await syncBoth(a, b);
    const docId = `attachments:${att.id}`;
    const edit = async (p: PouchDb, pc: typeof pc1, name: string, bytes: number[]) => {
      const cur = (await p.get(docId)) as RecordDoc;
      const data = Buffer.from(bytes);
      await p.bulkDocs([
        {
          ...cur,
          pc: pc.pcId,
          pcName: pc.pcName,
          rec: { ...cur.rec, name, size: bytes.length },
          _attachments: { blob: { content_type: 'image/png', data } },
        },
      ]);
    };
    const FILES: Record<string, number[]> = { '一号机.png': [1, 2, 3], '二号机.png': [4, 5, 6, 7] };
    await edit(a, pc1, '一号机.png', FILES['一号机.png']);
    await edit(b, pc2, '二号机.png', FILES['二号机.png']);
    await syncBoth(a, b);
    await pullChanges(a, pc1);
    const [c] = await listConflicts();
    expect(c.versions.map((v) => v.rec.name).sort()).toEqual(['一号机.png', '二号机.png']);
    for (const v of c.versions) {
      expect((v.rec.blob as Blob).type).toBe('image/png');
      expect(await bytesOf(v.rec.blob)).toEqual(FILES[v.rec.name as string]);
    }
    const keep = c.versions.find((v) => v.pc === pc2.pcId)!;
    await resolveConflict(docId, keep.rev, admin);
    const got = (await db.attachments.get(att.id))!;
    expect(got.name).toBe('二号机.png');
    expect(await bytesOf(got.blob)).toEqual([4, 5, 6, 7]);
    const entry = (await lastAuditOf(att.id))!;
    expect((entry.after as Record<string, unknown>).blob).toEqual({ blob: true, size: 4, type: 'image/png' });
    expect((entry.before as Record<string, unknown>).blob).toEqual({ blob: true, size: 3, type: 'image/png' });
    // the decision goes out with its file
    await pushOutbox(a, pc1);
    const out = await a.get(docId, { attachments: true, binary: true });
    expect([...(out._attachments!.blob.data as Uint8Array)]).toEqual([4, 5, 6, 7]);
  });

  it('is refused to someone without the right to decide, and decided once only', async () => {
    const { a, docId } = await makeConflict();
    await pullChanges(a, pc1);
    const [c] = await listConflicts();
    const e = await refusal(resolveConflict(docId, c.versions[1].rev, org.actor(org.staff)));
    expect(e.message).toBe('没有权限：解决同步冲突');
    expect(await conflictCount()).toBe(1);
    await resolveConflict(docId, c.versions[1].rev, admin);
    expect((await refusal(resolveConflict(docId, c.versions[0].rev, admin))).message).toBe(
      '该同步冲突已处理或已不存在',
    );
  });
});

describe('同步冲突: records kept aside for a unique value', () => {
  async function parkCalendar() {
    const local = freshPouch();
    const cal = (await db.calendars.toArray())[0];
    const id = crypto.randomUUID();
    const docId = `calendars:${id}`;
    await local.bulkDocs([
      { _id: docId, table: 'calendars', pc: pc2.pcId, pcName: pc2.pcName, rec: { ...cal, id } },
    ]);
    await db.syncState.delete(CHECKPOINT_KEY); // a fresh PouchDB: read from its start
    await pullChanges(local, pc1);
    return { docId, id, cal };
  }

  it('counts and lists them beside this PC’s record holding the value', async () => {
    const { docId, cal } = await parkCalendar();
    expect(await conflictCount()).toBe(1);
    const [c] = await listConflicts();
    expect(c).toMatchObject({ kind: 'parked', docId, table: 'calendars', reason: 'year' });
    expect(c.versions.map((v) => v.pcName)).toEqual(['本机', '二号机']);
    expect(c.versions[0].rec.id).toBe(cal.id);
  });

  it('keeps one aside (audited, the record that came readable) or applies it once the value is free', async () => {
    const { docId, id, cal } = await parkCalendar();
    const e = await refusal(resolveConflict(docId, PARKED_APPLY, admin));
    expect(e.message).toContain('本机另一条记录仍占用相同的值');
    expect(await parkedCount()).toBe(1);
    await resolveConflict(docId, PARKED_ASIDE, admin);
    expect(await conflictCount()).toBe(0);
    const entry = (await lastAuditOf(id))!;
    expect(entry.summary).toBe('解决同步冲突：保留本机记录，不并入「二号机」传来的记录');
    expect(entry.after).toMatchObject({ id, year: cal.year });

    // another one, applied after this PC's record gave the value up
    const again = await parkCalendar();
    await db.calendars.update(cal.id, { year: 1999 });
    await resolveConflict(again.docId, PARKED_APPLY, SYSTEM_ACTOR);
    expect((await db.calendars.get(again.id))?.year).toBe(cal.year);
    expect(await conflictCount()).toBe(0);
  });
});
