import 'fake-indexeddb/auto';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { verifyAuditChain } from '../db/audit';
import { pinClock } from '../db/clock';
import type { AppDB } from '../db/db';
import { db, switchDb } from '../db/db';
import { insert, SYSTEM_ACTOR } from '../db/repo';
import { resetDb, seedOrg } from '../db/testing';

import {
  anchorDocId,
  AUDIT_PUSHED_KEY,
  auditAlarms,
  auditDocId,
  chainLine,
  pushAuditChain,
  readPcEntries,
  verifyAllChains,
  verifyEveryChain,
} from './auditChain';
import type { AnchorDoc, AuditDoc, PcChain } from './auditChain';
import { setOutboxEnabled } from './outbox';
import type { PouchDb } from './pouch';
import { pullChanges } from './pump';

const Pouch = PouchDB.plugin(memoryAdapter).plugin(replication).defaults({ adapter: 'memory' });
const { replicate } = Pouch as unknown as { replicate: (from: PouchDb, to: PouchDb) => Promise<unknown> };
let n = 0;
const freshPouch = (): PouchDb => new Pouch(`chain-${Date.now()}-${n++}`);

const PC1 = { pcId: 'pc-1', pcName: '一号机' };
const PC2 = { pcId: 'pc-2', pcName: '二号机' };

// Some audited work on the PC whose database is open.
async function work(name: string) {
  await insert(db.sections, { name, order: 9, headId: null, deputyId: null }, SYSTEM_ACTOR);
}

async function pushAll(local: PouchDb, me: typeof PC1, batch?: number) {
  while ((await pushAuditChain(local, me, batch)) > 0);
}

// Back to a PC's database (switchDb closes the one left).
async function use(d: AppDB) {
  switchDb(d);
  if (!d.isOpen()) await d.open();
}

type Pcs = { d1: AppDB; d2: AppDB; p1: PouchDb; p2: PouchDb; hub: PouchDb };

// Two PCs, each with its own database and local PouchDB, replicated through a hub.
async function twoPcs(beforePush1?: () => Promise<void>): Promise<Pcs> {
  const d1 = await resetDb();
  await seedOrg();
  await work('一号机股室');
  await beforePush1?.();
  const p1 = freshPouch();
  await pushAll(p1, PC1);
  const d2 = await resetDb();
  await seedOrg();
  await work('二号机股室');
  const p2 = freshPouch();
  await pushAll(p2, PC2);
  const hub = freshPouch();
  await replicate(p1, hub);
  await replicate(p2, hub);
  await replicate(hub, p1);
  await replicate(hub, p2);
  return { d1, d2, p1, p2, hub };
}

const chainOf = (pcs: PcChain[] | undefined, pc: string) => pcs?.find((c) => c.pcId === pc);

beforeEach(async () => {
  pinClock(new Date('2026-11-20T09:00:00'));
  setOutboxEnabled(false);
  await resetDb();
  await seedOrg();
});
afterEach(() => setOutboxEnabled(undefined));
afterAll(() => pinClock(null));

describe('pushing this PC’s audit chain', () => {
  it('sends the whole chain from its first entry as audit:<pc>:<seq>, in batches, and anchors its head', async () => {
    const local = freshPouch();
    const entries = await db.audit.toArray();
    expect(await pushAuditChain(local, PC1, 10)).toBe(10);
    expect((await db.syncState.get(AUDIT_PUSHED_KEY))?.value).toBe(entries[9].seq);
    const anchor = (await local.get(anchorDocId('pc-1'))) as AnchorDoc;
    expect(anchor).toMatchObject({
      pc: 'pc-1',
      pcName: '一号机',
      seq: entries[9].seq,
      hash: entries[9].hash,
    });
    await pushAll(local, PC1, 10);
    const first = (await local.get(auditDocId('pc-1', entries[0].seq!))) as AuditDoc;
    expect(first).toMatchObject({
      kind: 'audit',
      pc: 'pc-1',
      seq: entries[0].seq,
      entry: JSON.parse(JSON.stringify(entries[0])),
    });
    const last = entries[entries.length - 1];
    expect(((await local.get(anchorDocId('pc-1'))) as AnchorDoc).seq).toBe(last.seq);
    expect(((await local.get(auditDocId('pc-1', last.seq!))) as AuditDoc).entry.hash).toBe(last.hash);
  });

  it('is idempotent: from a lost checkpoint it skips what is there, and resumes after it', async () => {
    const local = freshPouch();
    await pushAll(local, PC1);
    const seq = (await db.audit.orderBy(':id').first())!.seq!;
    await db.syncState.delete(AUDIT_PUSHED_KEY); // a crash before the checkpoint was stored
    await pushAll(local, PC1);
    expect((await local.get(auditDocId('pc-1', seq)))._rev?.startsWith('1-')).toBe(true);
    expect(await auditAlarms()).toEqual([]);
    await work('新股室');
    expect(await pushAuditChain(local, PC1)).toBe(1);
    expect(await pushAuditChain(local, PC1)).toBe(0);
    expect((await verifyAllChains(local, PC1)).pcs).toEqual([
      expect.objectContaining({ pcId: 'pc-1', pcName: '一号机', own: true, ok: true }),
    ]);
  });

  it('never overwrites a copy with other content: an alarm, reported by the verifier', async () => {
    const local = freshPouch();
    await pushAll(local, PC1);
    await work('新股室');
    const e = (await db.audit.orderBy(':id').last())!;
    const forged = { ...e, summary: '伪造' };
    await local.bulkDocs([
      {
        _id: auditDocId('pc-1', e.seq!),
        kind: 'audit',
        pc: 'pc-1',
        pcName: '一号机',
        seq: e.seq,
        entry: forged,
      },
    ]);
    await pushAll(local, PC1);
    expect(((await local.get(auditDocId('pc-1', e.seq!))) as AuditDoc).entry.summary).toBe('伪造');
    expect(await auditAlarms()).toEqual([expect.objectContaining({ seq: e.seq })]);
    const mine = chainOf((await verifyAllChains(local, PC1)).pcs, 'pc-1')!;
    expect(mine).toMatchObject({ ok: false, brokenSeq: e.seq });
    expect(chainLine(mine)).toContain(`「一号机」（本机）：在第 ${e.seq} 条记录处断开`);
  });
});

describe('校验审计链 with several PCs', () => {
  it('verifies both PCs’ chains on each PC after replication; the chains are not applied as records', async () => {
    const { d1, p1, p2 } = await twoPcs();
    const audit2 = await db.audit.count();
    await pullChanges(p2, PC2);
    expect(await db.audit.count()).toBe(audit2);
    const on2 = await verifyAllChains(p2, PC2);
    expect(on2.local.ok).toBe(true);
    expect(on2.pcs?.map((c) => [c.pcName, c.own, c.ok])).toEqual([
      ['二号机', true, true],
      ['一号机', false, true],
    ]);
    expect(on2.pcs?.map(chainLine)[1]).toMatch(
      /^「一号机」：完整，已校验 \d+ 条，末端与同步中心上的锚点（第 \d+ 条）一致$/,
    );
    await use(d1);
    const on1 = await verifyAllChains(p1, PC1);
    expect(on1.pcs?.every((c) => c.ok)).toBe(true);
    expect(on1.pcs?.map((c) => c.pcName)).toEqual(['一号机', '二号机']);
  });

  it('reports an entry changed before it was sent, naming the PC and the entry', async () => {
    let seq = 0;
    const { p2 } = await twoPcs(async () => {
      seq = (await db.audit.orderBy(':id').last())!.seq!;
      await db.audit.update(seq, { summary: '改过' });
    });
    const c = chainOf((await verifyAllChains(p2, PC2)).pcs, 'pc-1')!;
    expect(c).toMatchObject({
      pcName: '一号机',
      ok: false,
      brokenSeq: seq,
      reason: '本条记录内容与哈希不符（记录被改动）',
    });
    expect(chainOf((await verifyAllChains(p2, PC2)).pcs, 'pc-2')?.ok).toBe(true);
  });

  it('reports an entry missing in the middle', async () => {
    const { p2, hub } = await twoPcs();
    const gone = (await hub.get(auditDocId('pc-1', 3))) as AuditDoc;
    await hub.bulkDocs([{ _id: gone._id, _rev: gone._rev, _deleted: true }]);
    await replicate(hub, p2);
    const c = chainOf((await verifyAllChains(p2, PC2)).pcs, 'pc-1')!;
    expect(c).toMatchObject({ ok: false, brokenSeq: 3, checked: 2 });
    expect(chainLine(c)).toBe('「一号机」：在第 3 条记录处断开——第 3 条记录缺失（此前 2 条完好）');
  });

  it('reports a chain that stops short of its anchor', async () => {
    const { p2, hub } = await twoPcs();
    const anchor = (await hub.get(anchorDocId('pc-1'))) as AnchorDoc;
    const tail = await hub.get(auditDocId('pc-1', anchor.seq));
    await hub.bulkDocs([{ _id: tail._id, _rev: tail._rev, _deleted: true }]);
    await replicate(hub, p2);
    const c = chainOf((await verifyAllChains(p2, PC2)).pcs, 'pc-1')!;
    expect(c).toMatchObject({ ok: false, brokenSeq: anchor.seq, checked: anchor.seq - 1 });
    expect(c.reason).toContain(`锚点记到第 ${anchor.seq} 条，收到的记录只到第 ${anchor.seq - 1} 条`);
  });

  it('reports an entry document rewritten on the hub, on the other PC and on its own', async () => {
    const { d1, p1, p2, hub } = await twoPcs();
    const doc = (await hub.get(auditDocId('pc-1', 2))) as AuditDoc;
    await hub.bulkDocs([{ ...doc, entry: { ...doc.entry, summary: '改写' } }]);
    await replicate(hub, p2);
    await replicate(hub, p1);
    const c = chainOf((await verifyAllChains(p2, PC2)).pcs, 'pc-1')!;
    expect(c).toMatchObject({ pcName: '一号机', ok: false, brokenSeq: 2 });
    expect(c.reason).toContain('被改写过');
    await use(d1);
    const mine = chainOf((await verifyAllChains(p1, PC1)).pcs, 'pc-1')!;
    expect(mine).toMatchObject({ own: true, ok: false, brokenSeq: 2 });
  });

  it('reads another PC’s entries newest first, page by page, filtered', async () => {
    const { p2, d1 } = await twoPcs();
    const all = await readPcEntries(p2, 'pc-1', () => true, null, 1000);
    const seqs = all.map((e) => e.seq!);
    expect(seqs[0]).toBeGreaterThan(seqs[1]);
    expect(seqs[seqs.length - 1]).toBe(1);
    const page = await readPcEntries(p2, 'pc-1', () => true, seqs[0], 3);
    expect(page.map((e) => e.seq)).toEqual(seqs.slice(1, 5));
    const sections = await readPcEntries(p2, 'pc-1', (e) => e.table === 'sections', null, 50);
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.every((e) => e.table === 'sections')).toBe(true);
    await use(d1);
    expect(sections[0]).toEqual(JSON.parse(JSON.stringify(await db.audit.get(sections[0].seq!))));
  });

  it('with sync off checks this PC’s chain exactly as before', async () => {
    const report = await verifyEveryChain();
    expect(report).toEqual({ local: await verifyAuditChain() });
    expect(report.local).toMatchObject({ ok: true });
  });
});
