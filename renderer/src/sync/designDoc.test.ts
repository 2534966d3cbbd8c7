import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHub } from '../../../scripts/hub.mjs';
import type { Hub } from '../../../scripts/hub.mjs';
import { foldApproval, mergeApprovals } from '../approvals/events';
import type { ApprovalEvent } from '../approvals/events';
import type { ApprovalRequest, ApprovalStep } from '../approvals/types';

import { DESIGN_DOC_ID, designDoc, installDesignDoc, VALIDATE_DOC_UPDATE } from './designDoc';
import type { PouchCtor, PouchDb, PouchDoc } from './pouch';

type Replicating = PouchDb & {
  put(doc: PouchDoc): Promise<{ rev: string }>;
  replicate: {
    to(other: PouchDb): PromiseLike<unknown> & { on(e: string, fn: (x: unknown) => void): unknown };
    from(other: PouchDb): Promise<unknown>;
  };
};

// The very source the hub runs, as a function (evaluated as the hub does).
type Validate = (newDoc: PouchDoc, oldDoc: PouchDoc | null) => void;
const validate = new Function(`return ${VALIDATE_DOC_UPDATE}`)() as Validate;

const steps: ApprovalStep[] = [
  { key: 'head', label: '股室负责人审批', approverId: 'head', approverName: '孙股长' },
  { key: 'county', label: '县领导', approverId: null, approverName: '县领导', external: true },
];
const ev = (id: string, kind: ApprovalEvent['kind'], more: Partial<ApprovalEvent> = {}): ApprovalEvent => ({
  id,
  kind,
  stepIndex: 0,
  approverId: 'head',
  byId: 'head',
  byName: '孙股长',
  onBehalfOfId: null,
  at: `2026-11-20T09:0${id.length}:00`,
  ...more,
});
const submitted = ev('s', 'submitted', { byId: 'app' });

function doc(events: ApprovalEvent[], more: Partial<ApprovalRequest> = {}): PouchDoc {
  const rec = {
    id: 'r1',
    createdAt: '2026-11-20T08:00:00',
    updatedAt: '2026-11-20T08:00:00',
    createdBy: 'app',
    kind: 'leave',
    refTable: 'leaves',
    refId: 'l1',
    title: '请假',
    applicantId: 'app',
    applicantName: '钱科员',
    form: 'oral',
    ruleIds: [],
    events,
    ...foldApproval(steps, events),
    ...more,
  };
  return { _id: 'approvals:r1', table: 'approvals', pc: 'pc-1', pcName: '一号机', rec };
}

const refusal = (newDoc: PouchDoc, oldDoc: PouchDoc | null) => {
  try {
    validate(newDoc, oldDoc);
    return null;
  } catch (e) {
    return (e as { forbidden: string }).forbidden;
  }
};

describe('validate_doc_update (the function the hub runs)', () => {
  const pending = doc([submitted]);
  const approved = doc([submitted, ev('a', 'approved')]);
  const withdrawn = doc([submitted, ev('w', 'withdrawn', { byId: 'app' })]);

  it('lets through other documents, a new request, and an approval by the step’s approver', () => {
    expect(refusal({ _id: 'sections:x', rec: {} }, null)).toBeNull();
    expect(refusal({ _id: 'sections:x', _deleted: true }, { _id: 'sections:x' })).toBeNull();
    expect(refusal(pending, null)).toBeNull();
    expect(refusal(approved, pending)).toBeNull();
    expect(refusal(withdrawn, pending)).toBeNull();
    expect(refusal(approved, approved)).toBeNull(); // the same again (a replication)
    expect(refusal({ _id: 'approvals:r0', rec: { id: 'r0' } }, null)).toBeNull(); // before events
  });

  it('lets a delegate decide on the approver’s behalf, and the office record an external step', () => {
    const byDelegate = doc([submitted, ev('d', 'approved', { byId: 'zhao', onBehalfOfId: 'head' })]);
    expect(refusal(byDelegate, pending)).toBeNull();
    const external = ev('x', 'approved', { stepIndex: 1, approverId: null, external: true, byId: 'clerk' });
    expect(refusal(doc([submitted, ev('a', 'approved'), external]), approved)).toBeNull();
  });

  it('refuses a decision by someone who is neither the approver nor a delegate for them', () => {
    const stranger = doc([submitted, ev('a', 'approved', { byId: 'zhao' })]);
    expect(refusal(stranger, pending)).toContain('不是该步骤的审批人或其代理人');
    const forSomeoneElse = doc([submitted, ev('a', 'rejected', { byId: 'zhao', onBehalfOfId: 'dir' })]);
    expect(refusal(forSomeoneElse, pending)).toContain('不是该步骤的审批人或其代理人');
    const noApprover = doc([submitted, ev('a', 'approved', { approverId: null })]);
    expect(refusal(noApprover, pending)).toContain('不是该步骤的审批人或其代理人');
    const selfApproval = doc([submitted, ev('a', 'approved', { approverId: 'app', byId: 'app' })]);
    expect(refusal(selfApproval, pending)).toContain('LV-4');
  });

  it('refuses removing or changing an event', () => {
    expect(refusal(pending, approved)).toContain('不能删除');
    const changed = doc([submitted, ev('a', 'approved', { comment: '改过' })]);
    expect(refusal(changed, approved)).toContain('不能修改');
    expect(refusal({ _id: 'approvals:r1', _deleted: true }, approved)).toContain('不能删除');
    expect(refusal({ _id: 'approvals:r1', _deleted: true }, null)).toBeNull();
  });

  it('refuses a decision on a withdrawn request, unless merged in void and the request stays withdrawn', () => {
    const late = doc([submitted, ev('w', 'withdrawn', { byId: 'app' }), ev('a', 'approved')], {
      status: 'approved',
      voidEvents: [],
    });
    expect(refusal(late, withdrawn)).toContain('申请已撤回');
    const legacyWithdrawn = {
      ...pending,
      rec: { ...(pending.rec as object), status: 'withdrawn', events: undefined },
    };
    expect(refusal(approved, legacyWithdrawn)).toContain('申请已撤回');
    // PC 2 approved before it saw the withdrawal: the merged version keeps it, void
    const other = doc([submitted, ev('a', 'approved')]);
    const merged = mergeApprovals(withdrawn.rec as ApprovalRequest, other.rec as ApprovalRequest);
    expect(refusal({ ...withdrawn, rec: merged }, withdrawn)).toBeNull();
    expect(refusal({ ...withdrawn, rec: merged }, other)).toBeNull();
  });

  it('refuses malformed events', () => {
    expect(refusal({ _id: 'approvals:r1', rec: { events: 'x' } }, null)).toBe('审批事件格式不正确');
    expect(refusal({ _id: 'approvals:r1', rec: { events: [{}] } }, null)).toBe('审批事件缺少编号');
    expect(refusal(doc([submitted, submitted]), null)).toContain('编号重复');
    expect(refusal(doc([submitted, ev('s2', 'submitted')]), pending)).toContain('不能重复提交');
    expect(refusal(doc([submitted, { ...ev('q', 'approved'), kind: 'x' as never }]), pending)).toContain(
      '未知的审批事件',
    );
  });
});

describe('the design document on a hub (scripts/hub.mjs with validation, over HTTP)', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub(0, { validation: true });
  });
  afterAll(() => hub.close());

  it('is installed once (idempotent), and the hub answers a forbidden write with 403', async () => {
    const url = `${hub.url}/xinfang`;
    expect((await fetch(url, { method: 'PUT' })).ok).toBe(true);
    const remote: PouchDb = {
      get: async (id: string) => {
        const r = await fetch(`${url}/${encodeURIComponent(id)}`);
        if (!r.ok) throw new Error(String(r.status));
        return (await r.json()) as PouchDoc;
      },
      bulkDocs: async (docs: PouchDoc[]) => {
        const r = await fetch(`${url}/_bulk_docs`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ docs }),
        });
        return (await r.json()) as never;
      },
    } as unknown as PouchDb;
    expect(await installDesignDoc(remote)).toBe(true);
    const first = (await remote.get(DESIGN_DOC_ID))._rev;
    expect(await installDesignDoc(remote)).toBe(true);
    expect((await remote.get(DESIGN_DOC_ID))._rev).toBe(first);
    expect((await remote.get(DESIGN_DOC_ID)).validate_doc_update).toBe(designDoc().validate_doc_update);

    const put = (d: PouchDoc) =>
      fetch(`${url}/${encodeURIComponent(d._id)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(d),
      });
    const created = await put(doc([submitted, ev('w', 'withdrawn', { byId: 'app' })]));
    expect(created.status).toBe(201);
    const { rev } = (await created.json()) as { rev: string };
    const late = doc([submitted, ev('w', 'withdrawn', { byId: 'app' }), ev('a', 'approved')], {
      status: 'approved',
    });
    const refused = await put({ ...late, _rev: rev });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { reason: string }).reason).toContain('申请已撤回');
  });

  it('checks a replicated revision against the one it descends from, and stores what it takes as CouchDB does', async () => {
    const Pouch = (hub as Hub & { PouchDB: PouchCtor }).PouchDB;
    const remote = new Pouch(`${hub.url}/replicated`, { adapter: 'http' }) as Replicating;
    expect(await installDesignDoc(remote)).toBe(true);
    const [a, b] = [new Pouch('pc-a'), new Pouch('pc-b')] as Replicating[];
    const pending = doc([submitted]);
    const first = await a.put(pending);
    await a.replicate.to(remote);
    await b.replicate.from(remote);
    // apart: one approves, the other withdraws; both are legal after the pending version
    await a.put({ ...doc([submitted, ev('a', 'approved')]), _rev: first.rev });
    await b.put({ ...doc([submitted, ev('w', 'withdrawn', { byId: 'app' })]), _rev: first.rev });
    const denied: unknown[] = [];
    for (const pc of [a, b]) await pc.replicate.to(remote).on('denied', (e) => denied.push(e));
    expect(denied).toEqual([]);
    const stored = await remote.get('approvals:r1', { conflicts: true });
    expect(stored._conflicts).toHaveLength(1); // both kept: a conflict, as on CouchDB
    expect([stored._rev, ...(stored._conflicts as string[])].sort()).toEqual(
      [(await a.get('approvals:r1'))._rev, (await b.get('approvals:r1'))._rev].sort(),
    );
    // a decision after the withdrawal, on top of it: refused, named by its revision
    const late = await b.put({
      ...doc([submitted, ev('w', 'withdrawn', { byId: 'app' }), ev('l', 'approved')], { status: 'approved' }),
      _rev: (await b.get('approvals:r1'))._rev,
    });
    await b.replicate.to(remote).on('denied', (e) => denied.push(e));
    expect(denied).toMatchObject([{ id: 'approvals:r1', rev: late.rev, name: 'forbidden' }]);
    expect((denied[0] as { reason: string }).reason).toContain('申请已撤回');
  });
});
