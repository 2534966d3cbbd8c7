// The desktop app's way to the hub without Electron: PouchDB with the page's rewriting fetch
// (renderer/src/sync/hubAccess.ts) → app:// protocol handler → forwardToHub → the real test hub
// (scripts/hub.mjs), over Node's fetch where Electron would use the hub session's. What Electron
// itself adds (Chromium turning the page's fetch into the handler's Request) is not run here.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createHubForwarder, setSyncHub, syncHubOrigin } from '../../electron/main/hub';
import type { HubFetch } from '../../electron/main/hub';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { hubFetch } from '../../renderer/src/sync/hubAccess';
import type { PouchCtor, PouchDb, PouchDoc } from '../../renderer/src/sync/pouch';
import { startHub } from '../../scripts/hub.mjs';
import type { Hub } from '../../scripts/hub.mjs';

vi.mock('electron', async () => (await import('../../electron/test-support/fake-electron')).fakeElectron);

type ReplicatingPouch = PouchDb & {
  put(doc: PouchDoc): Promise<{ rev: string }>;
  replicate: { to(other: PouchDb): Promise<unknown>; from(other: PouchDb): Promise<unknown> };
  destroy(): Promise<void>;
};

let hub: Hub;
// the hub's own PouchDB class (pouchdb-core with the http and memory adapters and replication: a
// plugin cannot be added twice), memory by default
let Pouch: PouchCtor;
let root: string;
let hubUrls: string[];
// What the page of the desktop app would build: PouchDB on http://hub/xinfang with hubFetch.
let remoteDb: () => ReplicatingPouch;
let pageFetch: (url: string, init?: RequestInit) => Promise<Response>;

beforeAll(async () => {
  hub = await startHub(0);
  Pouch = (hub as Hub & { PouchDB: PouchCtor }).PouchDB;
  root = await mkdtemp(path.join(tmpdir(), 'xinfang-hub-forward-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  hubUrls = [];
  const toHub: HubFetch = (url, init) => {
    hubUrls.push(url);
    return fetch(url, init);
  };
  const serve = createAppProtocolHandler(root, createHubForwarder(syncHubOrigin, toHub));
  // the page's fetch to app://app/… reaching the protocol handler
  const page = (url: string, init?: RequestInit) => serve(new Request(url, init));
  pageFetch = hubFetch(hub.url, page);
  expect(setSyncHub(hub.url)).toBe(true);
  remoteDb = () =>
    new Pouch(`${hub.url}/xinfang`, { adapter: 'http', fetch: hubFetch(hub.url, page) }) as ReplicatingPouch;
});

afterAll(async () => {
  setSyncHub('');
  await hub?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const local = (name: string) => new Pouch(`${name}-${Math.random()}`) as ReplicatingPouch;

describe('PouchDB through the forwarded hub', () => {
  it("answers 测试连接's first request: the hub's welcome", async () => {
    const root = await pageFetch(`${hub.url}/`, { headers: { Accept: 'application/json' } });
    expect(root.status).toBe(200);
    expect(await root.json()).toMatchObject({ 'express-pouchdb': 'Welcome!' });
  });

  it('creates the database, replicates both ways and long-polls changes', async () => {
    const remote = remoteDb();
    const a = local('a');
    const b = local('b');
    await a.put({ _id: 'petitions:1', rec: { title: '来信一' } });
    await a.put({ _id: 'audit:pc-a:1', hash: 'x' });
    await a.replicate.to(remote);
    await b.replicate.from(remote);
    expect((await b.get('petitions:1')).rec).toEqual({ title: '来信一' });

    // live: B hears of A's next change through a _changes long poll that went through the forwarder
    const arrived = new Promise<void>((resolve) => {
      const feed = b.sync(remote, { live: true, retry: false }).on('change', () => {
        void b.get('petitions:2').then(
          () => {
            feed.cancel();
            resolve();
          },
          () => undefined,
        );
      });
    });
    await a.put({ _id: 'petitions:2', rec: { title: '来信二' } });
    await a.replicate.to(remote);
    await arrived;
    expect((await b.get('petitions:2')).rec).toEqual({ title: '来信二' });

    // every request went to the one hub, on its own origin
    expect(hubUrls.length).toBeGreaterThan(5);
    expect(hubUrls.every((url) => new URL(url).origin === hub.url)).toBe(true);
    expect(hubUrls.some((url) => url.includes('/xinfang/_changes?') && url.includes('feed=longpoll'))).toBe(
      true,
    );
    expect(hubUrls.some((url) => url.includes('/xinfang/_local/'))).toBe(true);
    await a.destroy();
    await b.destroy();
  });

  it('keeps a write conflict a 409 from the hub', async () => {
    const remote = remoteDb();
    await remote.put({ _id: 'docno:petition:2026:1', pc: 'pc-a' });
    await expect(remote.put({ _id: 'docno:petition:2026:1', pc: 'pc-b' })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('answers 404, not the hub, once sync is off', async () => {
    setSyncHub('');
    const remote = remoteDb();
    await expect(remote.get('docno:petition:2026:1')).rejects.toMatchObject({ status: 404 });
    setSyncHub(hub.url);
    expect((await remote.get('docno:petition:2026:1')).pc).toBe('pc-a');
  });
});
