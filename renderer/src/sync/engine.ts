// The sync engine of this PC: a local PouchDB (IndexedDB) replicating live with the hub
// (`sync(hub, { live, retry })`, CouchDB's protocol), and the pump between it and Dexie run
// whenever the outbox fills or a change arrives. Loaded only when sync is on (boot.ts, config.ts).
import { liveQuery } from 'dexie';

import { localHHmm, nowIso } from '../db/clock';
import { db, onDbSwitch } from '../db/db';

import { hubDbUrl, pcId, SEEDED_KEY, syncPassword } from './config';
import { installDesignDoc } from './designDoc';
import { readSyncConfig } from './outbox';
import type { PouchCtor } from './pouch';
import { pullChanges, pushOutbox, seedOutbox } from './pump';
import { reasonOf, setSyncStatus, useSyncStatus } from './status';

type Running = { stop(): Promise<void> };
let running: Running | null = null;

onDbSwitch(() => {
  void stopEngine();
});

export async function stopEngine(): Promise<void> {
  const r = running;
  running = null;
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
  const { default: PouchDB } = (await import('pouchdb-browser')) as { default: PouchCtor };
  const local = new PouchDB(`${db.name}-sync`);
  const remote = new PouchDB(hubDbUrl(config.hubUrl), {
    ...(config.user ? { auth: { username: config.user, password } } : {}),
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
  let busy = false;
  let again = false;
  const drain = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        while (!stopped && (await pushOutbox(local, me)) > 0);
        while (!stopped && (await pullChanges(local, me)) > 0);
      } while (again && !stopped);
    } catch (e) {
      if (!stopped) setSyncStatus({ phase: 'error', reason: e instanceof Error ? e.message : String(e) });
    } finally {
      busy = false;
    }
  };

  const feed = local.changes({ since: 'now', live: true }).on('change', () => void drain());
  const outbox = liveQuery(() => db.syncOutbox.count()).subscribe((pending) => {
    setSyncStatus({ pending });
    if (pending > 0) void drain();
  });
  const offline = (err: unknown) => {
    const { offline: isOffline, reason } = reasonOf(err);
    if (isOffline) {
      const was = useSyncStatus.getState();
      setSyncStatus({ phase: 'offline', since: was.phase === 'offline' ? was.since : localHHmm() });
    } else setSyncStatus({ phase: 'error', reason });
  };
  const replication = local
    .sync(remote, { live: true, retry: true })
    .on('active', () => setSyncStatus({ phase: 'syncing', reason: undefined }))
    .on('paused', (err) => (err ? offline(err) : setSyncStatus({ phase: 'synced', reason: undefined })))
    .on('denied', (err) =>
      setSyncStatus({ phase: 'error', reason: `同步中心拒绝了一项修改（${reasonOf(err).reason}）` }),
    )
    .on('error', (err) => offline(err));
  void drain();

  running = {
    async stop() {
      stopped = true;
      replication.cancel();
      feed.cancel();
      outbox.unsubscribe();
      await local.close();
    },
  };
}
