// 加入已有单位 against a real (test) hub: the office's first PC set up and synced to it, a fresh PC
// joining through the first-run choice — the hub tested, the join's set-up written by the system
// and audited, nothing of the new PC's own sent, the office's records caught up by the real engine
// (pouchdb-browser replaced by the memory and http adapters), the office's people signing in; and
// the refusals, a join interrupted (the catch-up continues at the next start) or abandoned.
import 'fake-indexeddb/auto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { startHub } from '../../../scripts/hub.mjs';
import type { Hub } from '../../../scripts/hub.mjs';
import { completeSetup, discardUnfinishedSetup, isInitialised, joinInProgress, login } from '../auth/service';
import { db } from '../db/db';
import { DomainError, insert, SYSTEM_ACTOR } from '../db/repo';
import { JOIN_IN_PROGRESS_KEY } from '../db/settings';
import { resetDb } from '../db/testing';

import { isChainDocId } from './auditChain';
import { localPouchName, PC_ID_KEY, readSyncConfig, SEEDED_KEY, SYNC_REFUSALS } from './config';
import { stopEngine } from './engine';
import { abandonJoin, joinOffice, joinShare, testJoin, watchCatchUp } from './join';
import type { JoinForm, JoinProgress } from './join';
import { outboxOn, setOutboxEnabled } from './outbox';
import type { PouchCtor, PouchDb, PouchDoc } from './pouch';
import { pushOutbox, seedOutbox } from './pump';
import { setSyncStatus, useSyncStatus } from './status';

// the engine's pouchdb-browser: the hub's own PouchDB class (memory by default, http for the hub)
const pouch = vi.hoisted(() => ({ Base: undefined as unknown as PouchCtor }));
vi.mock('pouchdb-browser', () => ({
  default: function NodePouch(name: string, opts: Record<string, unknown> = {}) {
    return new pouch.Base(name, { adapter: /^https?:/.test(name) ? 'http' : 'memory', ...opts });
  },
}));

type ReplicatingPouch = PouchDb & { replicate: { to(other: PouchDb): Promise<unknown> } };

const OFFICE = { unitName: '新宁县信访局', adminName: '管理员甲', loginName: 'admin', password: 'Admin12345', confirm: 'Admin12345' };
let hub: Hub;
let form: JoinForm;

beforeAll(async () => {
  hub = await startHub(0);
  pouch.Base = (hub as Hub & { PouchDB: PouchCtor }).PouchDB;
});
afterAll(async () => {
  await hub?.close();
});
beforeEach(async () => {
  await fetch(`${hub.url}/xinfang`, { method: 'DELETE' });
  setSyncStatus({ phase: 'off', pending: 0 });
  form = { hubUrl: `${hub.url}/`, user: '', password: '', pcName: '局长室三号机', unitName: '新宁县信访局' };
  await resetDb();
});
afterEach(async () => {
  await stopEngine();
  setOutboxEnabled(undefined);
  vi.unstubAllGlobals();
});

// The office's first PC: set up, its records sent to the hub (as turning sync on does); then this
// test's database is a fresh PC's.
async function officeOnHub(): Promise<void> {
  await completeSetup(OFFICE);
  await seedOutbox();
  const pc1 = new pouch.Base(`pc1-${db.name}`) as ReplicatingPouch;
  await pushOutbox(pc1, { pcId: 'pc-1', pcName: '办公室一号机' });
  await pc1.replicate.to(new pouch.Base(`${hub.url}/xinfang`, { adapter: 'http' }) as PouchDb);
  await resetDb();
}

async function hubDocs(): Promise<PouchDoc[]> {
  const res = await fetch(`${hub.url}/xinfang/_all_docs?include_docs=true`);
  return ((await res.json()) as { rows: { doc: PouchDoc }[] }).rows.map((r) => r.doc);
}

const allEmpty = async () => (await Promise.all(db.tables.map((t) => t.count()))).every((n) => n === 0);

describe('加入已有单位: the catch-up bar', () => {
  it('is half what has arrived of the hub, half what of that is written here', () => {
    const p = { received: 0, expected: 1000, written: 0, accounts: 0, arrived: 0, applied: 0 };
    expect(joinShare(p)).toBe(0);
    expect(joinShare({ ...p, received: 500, arrived: 500 })).toBe(25);
    expect(joinShare({ ...p, received: 1000, arrived: 1000, applied: 100 })).toBe(55);
    expect(joinShare({ ...p, received: 1000, arrived: 1000, applied: 1000 })).toBe(100);
    expect(joinShare({ ...p, expected: 0 })).toBe(0);
  });
});

describe('加入已有单位: refusals', () => {
  it('refuses the form at its field, in Chinese: the address, this PC’s name, the unit’s name', async () => {
    const refusal = async (f: JoinForm) => {
      const e = await joinOffice(f).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainError);
      return [(e as DomainError).field, (e as DomainError).message];
    };
    expect(await refusal({ ...form, hubUrl: '192.168.1.10' })).toEqual(['hubUrl', SYNC_REFUSALS.hubUrl]);
    expect(await refusal({ ...form, pcName: ' ' })).toEqual(['pcName', SYNC_REFUSALS.pcName]);
    expect(await refusal({ ...form, unitName: '' })).toEqual(['unitName', '请填写单位名称']);
    expect(await allEmpty()).toBe(true);
  });

  it('a hub holding no office: nothing to join (no database, or one without accounts), nothing written or created', async () => {
    for (const f of [testJoin, joinOffice]) {
      expect(await f(form)).toEqual({ ok: false, nothingToJoin: true, message: SYNC_REFUSALS.nothingToJoin });
    }
    expect((await fetch(`${hub.url}/xinfang`)).status).toBe(404); // the join creates no database
    await fetch(`${hub.url}/xinfang`, { method: 'PUT' });
    await fetch(`${hub.url}/xinfang/docno:petition-letter:2026:1`, { method: 'PUT', body: '{"seq":1}' });
    expect(await joinOffice(form)).toMatchObject({ ok: false, nothingToJoin: true });
    expect(SYNC_REFUSALS.nothingToJoin).toContain('没有可加入的单位');
    expect(await allEmpty()).toBe(true);
    expect(outboxOn()).toBe(false);
  });

  it('a hub that cannot be reached, or refuses the password, is said so; nothing written', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    expect(await joinOffice({ ...form, hubUrl: `http://127.0.0.1:${port}` })).toEqual({
      ok: false,
      message: '连不上同步中心：请检查地址、网络和防火墙（以及本机是否允许连接该地址）',
    });
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('Authorization') ?? '');
      return new Response('{"error":"unauthorized"}', { status: 401 });
    });
    expect(await joinOffice({ ...form, user: 'pc3', password: '错误的密码' })).toEqual({
      ok: false,
      message: '用户名或密码不正确',
    });
    expect(seen[0]).toMatch(/^Basic /);
    vi.unstubAllGlobals();
    expect(await allEmpty()).toBe(true);
    expect(await isInitialised()).toBe(false);
  });

  it('a PC already set up cannot join', async () => {
    await officeOnHub();
    await completeSetup({ ...OFFICE, loginName: 'admin3' });
    await expect(joinOffice(form)).rejects.toThrow('本机已初始化，不能再加入单位');
    expect((await readSyncConfig()).enabled).toBe(false);
  });
});

describe('加入已有单位: the join and its catch-up', () => {
  it('writes the join’s set-up as the system, sends nothing of its own, catches up the office and lets its people sign in', async () => {
    await officeOnHub();
    expect(await testJoin(form)).toMatchObject({ ok: true, message: expect.stringContaining('连接成功') });
    const report = await joinOffice(form);
    expect(report.ok).toBe(true);

    // the set-up, audited as the system's 加入已有单位; not yet a PC to sign in on
    expect(await readSyncConfig()).toEqual({ enabled: true, hubUrl: hub.url, user: '', pcName: '局长室三号机' });
    expect((await db.settings.get('unitName'))?.value).toBe('新宁县信访局');
    expect(await db.syncState.get(SEEDED_KEY)).toBeDefined();
    expect(await db.syncState.get(PC_ID_KEY)).toBeDefined();
    expect((await db.settings.get(JOIN_IN_PROGRESS_KEY))?.value).toMatchObject({ hubDocs: report.hubDocs });
    expect(report.hubDocs).toBeGreaterThan(0);
    const audit = await db.audit.toArray();
    expect(audit.map((e) => [e.actorId, e.actorName, e.recordId, e.summary])).toEqual([
      ['system', '系统', 'sync', '加入已有单位：开启多机同步（本机：局长室三号机）'],
      ['system', '系统', 'unitName', '加入已有单位：本机的单位名称'],
      ['system', '系统', JOIN_IN_PROGRESS_KEY, '加入已有单位：开始接收单位的数据'],
    ]);
    expect(outboxOn()).toBe(true);
    expect(await isInitialised()).toBe(false);
    expect(await joinInProgress()).toBe(true);

    const seen: JoinProgress[] = [];
    await watchCatchUp((p) => seen.push(p), { everyMs: 50, quietMs: 300 }).done;
    expect(useSyncStatus.getState().phase).toBe('synced');
    // what the screen was shown last: every document of the hub received, the office's records written
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ accounts: 1 });
    expect(last.received).toBeGreaterThanOrEqual(report.hubDocs!);
    // never 'received more than expected' (the office's chains grow while this PC joins)
    expect(last.expected).toBe(last.received);
    expect(joinShare(last)).toBe(100);
    expect(seen.some((p) => joinShare(p) < 100)).toBe(true);
    expect(last.written).toBe(11); // 6 sections, 3 calendars, the administrator and the account
    expect(await joinInProgress()).toBe(false);
    expect(await isInitialised()).toBe(true);
    // the office as PC 1 made it: its six sections and calendars once, its administrator
    expect(await db.sections.count()).toBe(6);
    expect(await db.calendars.count()).toBe(3);
    expect((await login('admin', 'Admin12345')).ok).toBe(true);
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ summary: '登录' });

    // on the hub: nothing of this PC's own but its audit chain (no unit name, no admin, no 办公室)
    const me = (await db.syncState.get(PC_ID_KEY))?.value;
    await vi.waitFor(async () => expect((await hubDocs()).some((d) => d.pc === me || String(d._id).includes(String(me)))).toBe(true));
    const mine = (await hubDocs()).filter((d) => d.pc === me || String(d._id).includes(String(me)));
    expect(mine.every((d) => isChainDocId(d._id))).toBe(true);
    expect((await hubDocs()).filter((d) => d.table === 'accounts')).toHaveLength(1);
  }, 60_000);

  it('a join interrupted (the window closed) continues its catch-up at the next start; the first-run discard leaves it alone', async () => {
    await officeOnHub();
    expect((await joinOffice(form)).ok).toBe(true);
    await stopEngine(); // the window closed, whatever had arrived
    setOutboxEnabled(undefined);
    // the next start (App.tsx): not the login screen, not a set-up to discard, but the catch-up
    expect(await discardUnfinishedSetup()).toBe('none');
    expect(await joinInProgress()).toBe(true);
    expect(await isInitialised()).toBe(false);
    const { startSyncIfEnabled } = await import('./boot');
    await startSyncIfEnabled();
    await watchCatchUp(() => undefined, { everyMs: 50, quietMs: 300 }).done;
    expect(await isInitialised()).toBe(true);
    expect((await login('admin', 'Admin12345')).ok).toBe(true);
  }, 60_000);

  it('is not done while no account has arrived, even with the engine at 已同步; done once one has', async () => {
    await officeOnHub();
    expect((await joinOffice(form)).ok).toBe(true);
    await stopEngine();
    await db.accounts.clear(); // whatever had arrived: none yet
    setSyncStatus({ phase: 'synced', pending: 0 });
    const watch = watchCatchUp(() => undefined, { everyMs: 20, quietMs: 50 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await joinInProgress()).toBe(true);
    await insert(db.accounts, { staffId: 's1', loginName: 'keyuan', passwordHash: '00', salt: '00', iterations: 1, failedAttempts: 0 }, SYSTEM_ACTOR);
    await watch.done;
    expect(await joinInProgress()).toBe(false);
    expect((await db.audit.orderBy(':id').last())?.summary).toBe('加入已有单位：已接收单位的数据，可以登录');
  });

  it('放弃加入 discards the copies and the replica: the first-run choice again', async () => {
    await officeOnHub();
    expect((await joinOffice(form)).ok).toBe(true);
    await watchCatchUp(() => undefined, { everyMs: 50, quietMs: 300 }).done;
    // (here it had caught up; abandoning is refused once the join is done)
    await expect(abandonJoin()).rejects.toThrow('本机没有正在进行的加入');

    await resetDb();
    expect((await joinOffice(form)).ok).toBe(true);
    await vi.waitFor(async () => expect(await db.accounts.count()).toBe(1), { timeout: 20_000 });
    const name = localPouchName();
    await abandonJoin();
    expect(await allEmpty()).toBe(true);
    expect(await isInitialised()).toBe(false);
    expect(await joinInProgress()).toBe(false);
    expect(useSyncStatus.getState().phase).toBe('off');
    const replica = new pouch.Base(name) as PouchDb;
    expect((await replica.info()).doc_count).toBe(0);
    // and the new-unit set-up works on it
    await completeSetup(OFFICE);
    expect(await isInitialised()).toBe(true);
  }, 60_000);
});
