import 'fake-indexeddb/auto';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { decide, registerApprovalHandler, withdraw } from '../approvals/engine';
import { pinClock } from '../db/clock';
import { createDb, db } from '../db/db';
import { resetDb, seedOrg } from '../db/testing';
import type { TestOrg } from '../db/testing';

import { setOutboxEnabled } from './outbox';
import type { PouchDb } from './pouch';
import { pullChanges, pushOutbox, seedOutbox } from './pump';
import { onPc as on, submitHalfDay } from './testing';
import type { Pc } from './testing';

const Pouch = PouchDB.plugin(memoryAdapter).plugin(replication).defaults({ adapter: 'memory' });
const { replicate } = Pouch as unknown as { replicate: (from: PouchDb, to: PouchDb) => Promise<unknown> };
let n = 0;
const freshPouch = (): PouchDb => new Pouch(`approvals-${Date.now()}-${n++}`);

// Both PCs send, the hub replicates both ways, both PCs apply what came, until nothing moves.
async function syncAll(pcs: Pc[], hub: PouchDb) {
  for (let round = 0; round < 4; round++) {
    for (const pc of pcs) await on(pc, async () => void (await pushOutbox(pc.pouch, pc.me)));
    for (const pc of pcs) await replicate(pc.pouch, hub);
    for (const pc of pcs) await replicate(hub, pc.pouch);
    for (const pc of pcs) await on(pc, async () => void (await pullChanges(pc.pouch, pc.me)));
  }
}

beforeEach(() => {
  pinClock(new Date('2026-11-20T09:00:00'));
  setOutboxEnabled(true);
});
afterEach(() => setOutboxEnabled(undefined));
afterAll(() => pinClock(null));

describe('approvals on several PCs', () => {
  let org: TestOrg;
  let pc1: Pc;
  let pc2: Pc;
  let hub: PouchDb;
  const outcomes: string[] = [];

  beforeEach(async () => {
    const d1 = await resetDb();
    setOutboxEnabled(true);
    org = await seedOrg();
    await seedOutbox();
    pc1 = { dexie: d1, pouch: freshPouch(), me: { pcId: 'pc-1', pcName: '一号机' } };
    const d2 = createDb(`test-pc2-${Date.now()}-${n++}`);
    await d2.open();
    pc2 = { dexie: d2, pouch: freshPouch(), me: { pcId: 'pc-2', pcName: '二号机' } };
    hub = freshPouch();
    outcomes.length = 0;
    registerApprovalHandler('other', {
      tables: () => [],
      onFinished: async (req) => {
        outcomes.push(`${db === pc1.dexie ? 'pc1' : 'pc2'}:${req.status}`);
      },
    });
  });

  it('withdrawn on PC 1 and approved on PC 2 while apart: both end withdrawn, the approval void', async () => {
    const req = await on(pc1, () => submitHalfDay(org));
    await syncAll([pc1, pc2], hub);
    expect((await on(pc2, () => db.approvals.get(req.id)))?.status).toBe('pending');

    // apart: PC 1 withdraws, PC 2 approves
    await on(pc1, () => withdraw(req.id, org.actor(org.staff)));
    pinClock(new Date('2026-11-20T10:00:00'));
    const approved = await on(pc2, () =>
      decide({ requestId: req.id, decision: 'approved' }, org.actor(org.head)),
    );
    expect(approved.status).toBe('approved');
    await on(pc1, async () => void (await pushOutbox(pc1.pouch, pc1.me)));
    await on(pc2, async () => void (await pushOutbox(pc2.pouch, pc2.me)));

    await syncAll([pc1, pc2], hub);
    const approval = approved.events!.find((e) => e.kind === 'approved')!;
    for (const pc of [pc1, pc2]) {
      const r = (await on(pc, () => db.approvals.get(req.id)))!;
      expect(r.status).toBe('withdrawn');
      expect(r.pendingApproverId).toBeNull();
      expect(r.events?.map((e) => e.kind).sort()).toEqual(['approved', 'submitted', 'withdrawn']);
      expect(r.voidEvents).toEqual([{ id: approval.id, reason: 'withdrawn' }]);
    }
    const audit = await on(pc2, () => db.audit.filter((a) => a.recordId === req.id).toArray());
    expect(audit.map((a) => a.summary)).toContainEqual(expect.stringContaining('作废：申请已撤回'));
    // the hub's current revision is the merged one whichever revision won
    const doc = (await hub.get(`approvals:${req.id}`)) as unknown as { rec: { status: string } };
    expect(doc.rec.status).toBe('withdrawn');
    // the module's record follows on PC 2, whose approval became void; PC 1 had it right
    expect(outcomes).toEqual(['pc1:withdrawn', 'pc2:approved', 'pc2:withdrawn']);
    expect(await on(pc1, () => db.syncOutbox.count())).toBe(0); // converged: nothing more to send
    expect(await on(pc2, () => db.syncOutbox.count())).toBe(0);
  });

  it('a request approved on PC 2 shows approved on PC 1; nothing is sent back and forth after', async () => {
    const req = await on(pc1, () => submitHalfDay(org));
    await syncAll([pc1, pc2], hub);
    await on(pc2, () => decide({ requestId: req.id, decision: 'approved' }, org.actor(org.head)));
    await syncAll([pc1, pc2], hub);
    const r = (await on(pc1, () => db.approvals.get(req.id)))!;
    expect(r.status).toBe('approved');
    expect(r.steps[0].decidedById).toBe(org.head.id);
    expect(await on(pc1, () => db.syncOutbox.count())).toBe(0);
    expect(await on(pc2, () => db.syncOutbox.count())).toBe(0);
    expect(outcomes).toEqual(['pc2:approved']); // the module's record is written on PC 2 only
  });
});
