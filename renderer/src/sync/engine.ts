// The sync engine of this PC: a local PouchDB (IndexedDB) replicating live with the hub
// (`sync(hub, { live, retry })`, CouchDB's protocol), and the pump between it and Dexie run
// whenever the outbox fills or a change arrives. Loaded only when sync is on (boot.ts, config.ts).
import { liveQuery } from 'dexie';

import { localHHmm, nowIso } from '../db/clock';
import { db, onDbSwitch } from '../db/db';

import { pushAuditChain } from './auditChain';
import { hubDbUrl, localPouchName, normaliseHubUrl, pcId, SEEDED_KEY, syncPassword } from './config';
import { noteDenied } from './denied';
import type { HubLink } from './denied';
import { installDesignDoc } from './designDoc';
import { hubAccess } from './hubAccess';
import { numberPending } from './numbers';
import type { HubDb } from './numbers';
import { readSyncConfig } from './outbox';
import type { Emitter, PouchCtor, PouchDb, PouchDoc } from './pouch';
import { pullChanges, pushOutbox, seedOutbox } from './pump';
import type { PcIdentity } from './pump';
import { reasonOf, setSyncStatus, useSyncStatus } from './status';

type Running = { stop(): Promise<void> };
let running: Running | null = null;
// The running engine's PouchDBs and this PC: 校验审计链 reads the other PCs' chains from the local
// one; 采用同步中心的版本 (denied.ts) reads the hub and writes the local one.
let runningHub: HubLink | null = null;
export function runningPouch(): PouchDb | null {
  return runningHub?.local ?? null;
}
export function runningLink(): HubLink | null {
  return runningHub;
}

onDbSwitch(() => {
  void stopEngine();
});

export async function stopEngine(): Promise<void> {
  const r = running;
  running = null;
  runningHub = null;
  if (r) await r.stop();
  setSyncStatus({ phase: 'off', reason: undefined, since: undefined });
}

export async function startEngine(): Promise<void> {
  try {
    await run();
  } catch (e) {
    setSyncStatus({ phase: 'error', reason: e instanceof Error ? e.message : String(e) });
  }
}

async function run(): Promise<void> {
  await stopEngine();
  const config = await readSyncConfig();
  if (!config.enabled) return;
  setSyncStatus({ phase: 'starting', reason: undefined });
  const me = { pcId: await pcId(), pcName: config.pcName };
  const password = await syncPassword();
  // the desktop app reaches the hub through its main process (hubAccess.ts): same URL, its fetch
  const hub = await hubAccess(normaliseHubUrl(config.hubUrl));
  const { default: PouchDB } = (await import('pouchdb-browser')) as { default: PouchCtor };
  const local = new PouchDB(localPouchName());
  const remote = new PouchDB(hubDbUrl(config.hubUrl), {
    ...(config.user ? { auth: { username: config.user, password } } : {}),
    ...(hub.forwarded ? { fetch: hub.fetch } : {}),
  });
  // the hub's validate_doc_update (illegal approval transitions); best effort: an account that may
  // not write design documents leaves it to the hub's administrator
  void installDesignDoc(remote).catch(() => false);
  // first connection of a PC that already has records: all of them go out once
  if (!(await db.syncState.get(SEEDED_KEY))) {
    await seedOutbox();
    await db.syncState.put({ id: SEEDED_KEY, value: nowIso() });
  }

  let stopped = false;
  // the replication has nothing more to move (its 'paused' without an error): 已同步 is shown only
  // once the pump has also written what came in — a PC catching up says 同步中 until it has
  const replicationIdle = { value: false };
  const drain = drainLoop(
    async () => {
      while (!stopped && (await pushOutbox(local, me)) > 0);
      while (!stopped && (await pullChanges(local, me)) > 0);
      if (!stopped) await numberWhileOnline(remote as unknown as HubDb, me);
      // this PC's audit chain (also the 同步 and 编号 entries just written), then its anchor
      while (!stopped && (await pushAuditChain(local, me)) > 0);
    },
    (error) => {
      if (stopped) return;
      if (error)
        setSyncStatus({ phase: 'error', reason: error instanceof Error ? error.message : String(error) });
      else if (replicationIdle.value) setSyncStatus({ phase: 'synced', reason: undefined });
    },
  );

  const feed = local.changes({ since: 'now', live: true }).on('change', () => void drain());
  const outbox = liveQuery(() => db.syncOutbox.count()).subscribe((pending) => {
    setSyncStatus({ pending });
    if (pending > 0) void drain();
  });
  // audited work that changed no record (a sign-in, an export) goes out with the chain too
  const trail = liveQuery(() => db.audit.orderBy(':id').lastKey()).subscribe(() => void drain());
  const offline = (err: unknown) => {
    const { offline: isOffline, reason } = reasonOf(err);
    if (isOffline) {
      const was = useSyncStatus.getState();
      setSyncStatus({ phase: 'offline', since: was.phase === 'offline' ? was.since : localHHmm() });
    } else setSyncStatus({ phase: 'error', reason });
  };
  const link = replicate(local, remote);
  watchReplication(link.parts, {
    active: () => {
      replicationIdle.value = false;
      setSyncStatus({ phase: 'syncing', reason: undefined });
    },
    idle: () => {
      replicationIdle.value = true;
      void drain(); // caught up with the hub: what came in is written, then 已同步; numbers for 待编号
    },
    failed: (err) => {
      replicationIdle.value = false;
      offline(err);
    },
  });
  for (const { events } of link.parts)
    events
      // a change the hub refused: kept for 同步冲突 (denied.ts), counted in the status; the
      // replication goes on, so the phase follows it
      .on('denied', (event) => {
        noteDenied(local, event).catch((e: unknown) =>
          setSyncStatus({ phase: 'error', reason: e instanceof Error ? e.message : String(e) }),
        );
      })
      .on('error', (err) => offline(err));
  void drain();
  // back online: the records saved 待编号 meanwhile take their numbers (sync/numbers.ts)
  const online = () => void drain();
  globalThis.addEventListener?.('online', online);
  // the network is gone (the cable, the Wi-Fi): 离线 at once, not at the replication's next request
  const gone = () => offline(new TypeError('offline'));
  globalThis.addEventListener?.('offline', gone);

  runningHub = { local, remote, me };
  running = {
    async stop() {
      stopped = true;
      globalThis.removeEventListener?.('online', online);
      globalThis.removeEventListener?.('offline', gone);
      link.cancel();
      feed.cancel();
      outbox.unsubscribe();
      trail.unsubscribe();
      await local.close();
    },
  };
}

// The live replication with the hub: sync() both ways, 500 documents a round trip (PouchDB's
// default is 100: every PC's audit chain travels too), retried at most 10 s apart (a PC back online
// — numbers for its 待编号 records — catches up soon). An attachment's document carries its file,
// and a push sends a batch as one JSON request with the files inline (base64): a PC sending years
// of scans 500 at a time would build requests of hundreds of MB. Its files go up by a replication
// of their own, FILE_BATCH a request. (Coming down, PouchDB fetches each file by itself.)
export const FILE_BATCH = 5;
const FILE_PREFIX = 'attachments:';
const isFileDoc = (d: PouchDoc) => String(d._id).startsWith(FILE_PREFIX);

export type Replicated = { events: Emitter; failures: Emitter[] };
export function replicate(local: PouchDb, remote: PouchDb): { parts: Replicated[]; cancel(): void } {
  const common = { live: true, retry: true, back_off_function: nextBackOff };
  const records = local.sync(remote, {
    ...common,
    batch_size: 500,
    push: { filter: (d) => !isFileDoc(d) }, // sync() lays this over the options above
  });
  const files = local.replicate.to(remote, { ...common, batch_size: FILE_BATCH, filter: isFileDoc });
  return {
    parts: [
      { events: records, failures: [records.push, records.pull] },
      { events: files, failures: [files] },
    ],
    cancel() {
      records.cancel();
      files.cancel();
    },
  };
}

// The replications as the status line needs them. When a request to the hub fails, PouchDB retries
// and sync() emits 'paused' *without* the error (each direction only tells its own `requestError`),
// so a hub that cannot be reached read as caught up: 已同步. Here a failed request is `failed`
// (离线 or 出错), and the status stays so through the retries ('active' again, then 'paused')
// until a round gets through: documents moved, or a round that paused with no request failing.
// `idle` once every replication has paused so.
type On = { on(event: string, fn: (arg?: unknown) => void): unknown };
export function watchReplication(
  parts: readonly { events: On; failures: readonly On[] }[],
  to: { active(): void; idle(): void; failed(err: unknown): void },
): void {
  let down = false; // shown as failed
  const state = parts.map(() => ({ idle: false, roundFailed: false })); // roundFailed: since its 'active'
  parts.forEach(({ events, failures }, i) => {
    const me = state[i];
    const failed = (err: unknown) => {
      down = true;
      me.roundFailed = true;
      me.idle = false;
      to.failed(err);
    };
    for (const f of failures) f.on('requestError', failed);
    events.on('active', () => {
      me.roundFailed = false;
      me.idle = false;
      if (!down) to.active(); // a retry after a failure: still 离线 until it gets through
    });
    events.on('change', () => {
      if (!down) return;
      down = false;
      to.active();
    });
    events.on('paused', (err) => {
      if (err) return failed(err);
      if (me.roundFailed) return;
      me.idle = true;
      down = false;
      if (state.every((x) => x.idle)) to.idle();
    });
  });
}

// The pump's runs, one at a time: a call while one runs makes it run once more; `settled` is told
// when no run is left (with the error that stopped the last one, if any).
export function drainLoop(
  work: () => Promise<void>,
  settled: (error?: unknown) => void,
): () => Promise<void> {
  let busy = false;
  let again = false;
  return async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    let error: unknown;
    try {
      do {
        again = false;
        await work();
      } while (again);
    } catch (e) {
      error = e ?? new Error('同步失败');
    } finally {
      busy = false;
    }
    settled(error);
  };
}

// Numbers this PC's records waiting 待编号 on the hub; offline they wait for the next time.
async function numberWhileOnline(hub: HubDb, me: PcIdentity): Promise<void> {
  if (globalThis.navigator?.onLine === false) return;
  try {
    await numberPending(hub, me);
  } catch (e) {
    const { offline, reason } = reasonOf(e);
    if (!offline) setSyncStatus({ phase: 'error', reason: `编号失败（${reason}）` });
  }
}

// PouchDB's default doubles the wait up to 10 minutes: after a long cut the PC would wait that long.
export function nextBackOff(delay: number): number {
  return Math.min(Math.max(delay * 2, 1000), 10_000);
}
