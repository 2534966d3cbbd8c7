// Changes the hub refuses. The hub is scripts/hub.mjs with validation (validate_doc_update run as
// CouchDB runs it), reached over HTTP by pouchdb-adapter-http: the 'denied' events are PouchDB's
// own. Each PC is a Dexie database with a memory PouchDB, moved by the pump as the engine does.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startHub } from '../../../scripts/hub.mjs';
import type { Hub } from '../../../scripts/hub.mjs';
import { decide, registerApprovalHandler, withdraw } from '../approvals/engine';
import type { ApprovalRequest } from '../approvals/types';
import { canonicalJson } from '../db/audit';
import { nowIso, pinClock } from '../db/clock';
import { defineCommand } from '../db/command';
import { createDb, db } from '../db/db';
import { isDeleted } from '../db/live';
import { newId, update } from '../db/repo';
import type { Actor } from '../db/repo';
import { addStaff, refusal, resetDb, seedOrg } from '../db/testing';
import type { TestOrg } from '../db/testing';

import {
  adoptHubVersion,
  DENIED_REASONS,
  DENIED_REFUSALS,
  deniedCount,
  deniedOf,
  listDenied,
  noteDenied,
} from './denied';
import { installDesignDoc } from './designDoc';
import { setOutboxEnabled } from './outbox';
import type { PouchCtor, PouchDb } from './pouch';
import { pullChanges, pushOutbox, seedOutbox } from './pump';
import type { RecordDoc } from './pump';
import { statusText, withConflicts } from './status';
import { onPc as on, submitHalfDay } from './testing';
import type { Pc as TestPc } from './testing';

// The events as PouchDB's sync emits them (pouchdb-replication: { direction, doc }, doc the
// per-document error of _bulk_docs through pouchdb-adapter-http's generateErrorFromResponse).
const couchdbEvent = {
  direction: 'push',
  doc: {
    id: 'approvals:r1',
    rev: '3-5ae396066d7e3f0ee01b2b5bb5c1cbaa',
    error: 'forbidden',
    reason: '审批人不是该步骤的审批人或其代理人：e1',
    name: 'forbidden',
    status: 500,
    message: '审批人不是该步骤的审批人或其代理人：e1',
    stack: 'Error\n    at generateErrorFromResponse',
  },
};

describe('deniedOf: the replication’s denied event', () => {
  it('reads CouchDB’s refusal: the document, its table and record, the hub’s reason, the revision', () => {
    expect(deniedOf(couchdbEvent)).toEqual({
      docId: 'approvals:r1',
      table: 'approvals',
      recordId: 'r1',
      reason: '审批人不是该步骤的审批人或其代理人：e1',
      direction: 'push',
      rev: '3-5ae396066d7e3f0ee01b2b5bb5c1cbaa',
    });
  });

  it('reads express-pouchdb’s (no revision), a pull, and a one-way replication’s (the error itself)', () => {
    const { rev: _rev, ...noRev } = couchdbEvent.doc;
    expect(deniedOf({ direction: 'pull', doc: noRev })).toMatchObject({ direction: 'pull', recordId: 'r1' });
    expect(deniedOf({ direction: 'pull', doc: noRev })).not.toHaveProperty('rev');
    expect(deniedOf({ ...noRev, reason: undefined })).toMatchObject({
      direction: 'push',
      reason: '审批人不是该步骤的审批人或其代理人：e1', // message = reason
    });
  });

  it('puts the hub’s own English wording in Chinese', () => {
    const doc = (more: object) => ({ direction: 'push', doc: { id: 'sections:s1', ...more } });
    expect(
      deniedOf(doc({ name: 'unauthorized', reason: 'You are not a db or server admin.' })),
    ).toMatchObject({
      reason: DENIED_REASONS.unauthorized,
      table: 'sections',
    });
    expect(deniedOf(doc({ error: 'forbidden', reason: 'Only admins may write' }))?.reason).toBe(
      DENIED_REASONS.forbidden,
    );
    expect(deniedOf({ doc: { id: '_design/xinfang', name: 'forbidden' } })).toMatchObject({
      table: '',
      recordId: '_design/xinfang',
    });
  });

  it('is null for what names no document', () => {
    for (const e of [
      undefined,
      null,
      'x',
      {},
      { direction: 'push', doc: {} },
      { status: 403, name: 'forbidden' },
    ])
      expect(deniedOf(e)).toBeNull();
  });
});

type Replicating = PouchDb & {
  sync(remote: PouchDb): PromiseLike<unknown> & { on(e: string, fn: (x: unknown) => void): unknown };
  destroy(): Promise<void>;
};
type Pc = TestPc<Replicating>;

let hub: Hub;
let Pouch: PouchCtor;
let n = 0;

beforeAll(async () => {
  hub = await startHub(0, { validation: true });
  Pouch = (hub as Hub & { PouchDB: PouchCtor }).PouchDB;
});
afterAll(async () => {
  pinClock(null);
  await hub.close();
});

// One round as the engine does it: the outbox out, both ways with the hub (each refusal noted as
// the engine's 'denied' handler does), what came written. Resolves to the refusals' events.
async function round(pc: Pc, remote: PouchDb): Promise<unknown[]> {
  return on(pc, async () => {
    await pushOutbox(pc.pouch, pc.me);
    const events: unknown[] = [];
    const noted: Promise<unknown>[] = [];
    const sync = pc.pouch.sync(remote);
    sync.on('denied', (e) => {
      events.push(e);
      noted.push(noteDenied(pc.pouch, e));
    });
    await sync;
    await Promise.all(noted);
    await pullChanges(pc.pouch, pc.me);
    return events;
  });
}

const recOf = async (p: PouchDb, id: string) =>
  ((await p.get(id)) as RecordDoc).rec as unknown as ApprovalRequest;

describe('a change the hub refuses', () => {
  let org: TestOrg;
  let remote: PouchDb;
  let pc1: Pc;
  let admin: Actor;
  let stranger: Actor;
  const outcomes: string[] = [];

  beforeEach(async () => {
    pinClock(new Date('2026-11-20T09:00:00'));
    const d1 = await resetDb();
    setOutboxEnabled(true);
    org = await seedOrg();
    const a = await addStaff('管理员', ['admin'], null);
    admin = { id: a.id, name: a.name };
    const z = await addStaff('赵科员', ['petition'], org.sectionId);
    stranger = { id: z.id, name: z.name };
    await seedOutbox();
    remote = new Pouch(`${hub.url}/xinfang-${n++}`, { adapter: 'http' });
    expect(await installDesignDoc(remote)).toBe(true);
    pc1 = {
      dexie: d1,
      pouch: new Pouch(`pc1-${n++}`) as Replicating,
      me: { pcId: 'pc-1', pcName: '一号机' },
    };
    outcomes.length = 0;
    registerApprovalHandler('other', {
      tables: () => [],
      onFinished: async (req) => void outcomes.push(`${db === pc1.dexie ? 'pc1' : 'pc2'}:${req.status}`),
    });
  });
  afterEach(() => setOutboxEnabled(undefined));

  // An approval by someone who is not the step's approver (the hub's first check), written as a
  // decision is: the event, the state, through the outbox.
  const approveAs = defineCommand({
    what: '审批（测试）',
    perm: null,
    tables: (d) => [d.approvals],
    run: async (ctx, id: string) => {
      const req = (await db.approvals.get(id))!;
      const event = {
        id: newId(),
        kind: 'approved' as const,
        stepIndex: 0,
        approverId: req.steps[0].approverId,
        byId: ctx.actor.id,
        byName: ctx.actor.name,
        onBehalfOfId: null,
        at: nowIso(),
      };
      return update(
        db.approvals,
        id,
        {
          status: 'approved',
          currentStep: req.steps.length,
          pendingApproverId: null,
          events: [...req.events!, event],
        },
        ctx.actor,
      );
    },
  });

  async function refusedApproval() {
    const req = await submitHalfDay(org);
    expect(await round(pc1, remote)).toEqual([]);
    await approveAs(req.id, stranger);
    const events = await round(pc1, remote);
    return { req, docId: `approvals:${req.id}`, events };
  }

  it('keeps an approval by someone who is not the step’s approver, with the hub’s reason; the status says so', async () => {
    const { req, docId, events } = await refusedApproval();
    expect(events).toHaveLength(1);
    const [d] = await listDenied();
    expect(d).toMatchObject({
      docId,
      table: 'approvals',
      recordId: req.id,
      direction: 'push',
      at: nowIso(), // the pinned clock
    });
    expect(d.reason).toMatch(/^审批人不是该步骤的审批人或其代理人：/);
    expect(d.rev).toBe((await pc1.pouch.get(docId))._rev);
    expect((d.rec as unknown as ApprovalRequest).events?.map((e) => e.byName)).toContain('赵科员');
    expect(await deniedCount()).toBe(1);
    expect(withConflicts(statusText({ phase: 'synced', pending: 0 }), 0, await deniedCount())).toBe(
      '已同步 · 1 项修改被同步中心拒绝',
    );
    // the divergence: the hub kept its version, this PC its own, and another round changes nothing
    expect((await recOf(remote, docId)).status).toBe('pending');
    expect(await round(pc1, remote)).toEqual([]);
    expect((await db.approvals.get(req.id))?.status).toBe('approved');
    expect(await deniedCount()).toBe(1); // kept until decided
  });

  it('采用同步中心的版本 brings this PC back to the hub’s version; then both agree and it goes on', async () => {
    const { req, docId } = await refusedApproval();
    const hubRec = await recOf(remote, docId);
    await adoptHubVersion(docId, admin, { local: pc1.pouch, remote, me: pc1.me });

    expect(canonicalJson(await db.approvals.get(req.id))).toBe(canonicalJson(hubRec));
    expect(await deniedCount()).toBe(0);
    const entry = (await db.audit.orderBy(':id').last())!;
    expect(entry).toMatchObject({
      table: 'approvals',
      recordId: req.id,
      action: 'update',
      actorName: '管理员',
    });
    expect(entry.summary).toMatch(
      /^采用同步中心的版本（同步中心拒绝了本机的修改：审批人不是该步骤的审批人或其代理人：/,
    );
    expect((entry.before as unknown as ApprovalRequest).status).toBe('approved'); // the refused version, whole

    // the new revision goes out and is taken: the hub and this PC hold the same revision
    expect(await round(pc1, remote)).toEqual([]);
    const [mine, theirs] = await Promise.all([pc1.pouch.get(docId), remote.get(docId, { conflicts: true })]);
    expect(theirs._rev).toBe(mine._rev);
    expect(theirs._conflicts ?? []).toEqual([]);
    expect(canonicalJson((theirs as RecordDoc).rec)).toBe(canonicalJson(hubRec));
    expect(await db.syncOutbox.count()).toBe(0);

    // the request is not stuck: its approver decides, the hub takes it
    await decide({ requestId: req.id, decision: 'approved' }, org.actor(org.head));
    expect(await round(pc1, remote)).toEqual([]);
    expect((await recOf(remote, docId)).status).toBe('approved');
    expect(await deniedCount()).toBe(0);
  });

  it('an approval of a request withdrawn on another PC: adopting makes it withdrawn here, its module record follows', async () => {
    const req = await on(pc1, () => submitHalfDay(org));
    const pc2: Pc = {
      dexie: createDb(`test-pc2-${Date.now()}-${n++}`),
      pouch: new Pouch(`pc2-${n++}`) as Replicating,
      me: { pcId: 'pc-2', pcName: '二号机' },
    };
    await round(pc1, remote);
    await round(pc2, remote);
    expect((await on(pc2, () => db.approvals.get(req.id)))?.status).toBe('pending');
    await on(pc1, () => withdraw(req.id, org.actor(org.staff)));
    await round(pc1, remote);
    // PC 2's PouchDB has the withdrawal, its database not yet: the head approves there
    await (pc2.pouch as unknown as { replicate: { from(r: PouchDb): Promise<unknown> } }).replicate.from(
      remote,
    );
    await on(pc2, () => decide({ requestId: req.id, decision: 'approved' }, org.actor(org.head)));
    expect(await round(pc2, remote)).toHaveLength(1);
    const docId = `approvals:${req.id}`;
    const [d] = await on(pc2, listDenied);
    expect(d.reason).toMatch(/^审批事件只能追加，不能删除/);
    expect((await on(pc2, () => db.approvals.get(req.id)))?.status).toBe('approved');

    const a2 = await on(pc2, () => addStaff('二号机管理员', ['admin'], null));
    await on(pc2, () =>
      adoptHubVersion(docId, { id: a2.id, name: a2.name }, { local: pc2.pouch, remote, me: pc2.me }),
    );
    expect((await on(pc2, () => db.approvals.get(req.id)))?.status).toBe('withdrawn');
    expect(outcomes).toEqual(['pc1:withdrawn', 'pc2:approved', 'pc2:withdrawn']);
    expect(await round(pc2, remote)).toEqual([]);
    expect(await round(pc1, remote)).toEqual([]);
    const [p1, p2, h] = await Promise.all([pc1.pouch.get(docId), pc2.pouch.get(docId), remote.get(docId)]);
    expect(new Set([p1._rev, p2._rev, h._rev]).size).toBe(1);
    expect((await on(pc1, () => db.approvals.get(req.id)))?.status).toBe('withdrawn');
  });

  it('a refused creation: the record goes to the 回收站 here, and nothing of it reaches the hub', async () => {
    const req = await submitHalfDay(org);
    await approveAs(req.id, stranger); // both in one revision: the hub never had the request
    expect(await round(pc1, remote)).toHaveLength(1);
    const docId = `approvals:${req.id}`;
    await expect(remote.get(docId)).rejects.toMatchObject({ status: 404 });
    await adoptHubVersion(docId, admin, { local: pc1.pouch, remote, me: pc1.me });
    const kept = (await db.approvals.get(req.id))!;
    expect(isDeleted(kept)).toBe(true);
    expect(kept.events?.map((e) => e.byName)).toContain('赵科员'); // kept whole, not hard-deleted
    const entry = (await db.audit.orderBy(':id').last())!;
    expect(entry).toMatchObject({ action: 'delete', recordId: req.id });
    expect(entry.summary).toContain('同步中心没有这条记录');
    expect(await deniedCount()).toBe(0);
    expect(await round(pc1, remote)).toEqual([]);
    await expect(remote.get(docId)).rejects.toMatchObject({ status: 404 });
    await expect(pc1.pouch.get(docId)).rejects.toMatchObject({ status: 404 });
  });

  it('with the hub unreachable: a clear refusal, and nothing changes', async () => {
    const { req, docId } = await refusedApproval();
    const rev = (await pc1.pouch.get(docId))._rev;
    const before = canonicalJson(await db.approvals.get(req.id));
    const audit = await db.audit.count();
    const away = new Pouch('http://127.0.0.1:1/xinfang', { adapter: 'http' });
    const e = await refusal(adoptHubVersion(docId, admin, { local: pc1.pouch, remote: away, me: pc1.me }));
    expect(e.message).toBe(DENIED_REFUSALS.offline);
    expect((await pc1.pouch.get(docId))._rev).toBe(rev);
    expect(canonicalJson(await db.approvals.get(req.id))).toBe(before);
    expect(await db.audit.count()).toBe(audit);
    expect(await deniedCount()).toBe(1);
  });

  it('is refused to someone without the right to decide, without sync running, and once decided', async () => {
    const { docId } = await refusedApproval();
    const rev = (await pc1.pouch.get(docId))._rev;
    const link = { local: pc1.pouch, remote, me: pc1.me };
    expect((await refusal(adoptHubVersion(docId, org.actor(org.staff), link))).message).toBe(
      '没有权限：采用同步中心的版本',
    );
    expect((await refusal(adoptHubVersion(docId, admin))).message).toBe(DENIED_REFUSALS.notRunning);
    expect((await pc1.pouch.get(docId))._rev).toBe(rev);
    await adoptHubVersion(docId, admin, link);
    expect((await refusal(adoptHubVersion(docId, admin, link))).message).toBe(DENIED_REFUSALS.gone);
  });
});
