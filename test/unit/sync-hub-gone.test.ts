// The status line when the hub goes away, against PouchDB's real sync() and the real test hub
// (scripts/hub.mjs): sync() pauses without the error when its requests fail, so the engine's
// watchReplication (renderer/src/sync/engine.ts) must see each direction's failed requests — else a
// PC whose hub was switched off read 已同步.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { watchReplication } from '../../renderer/src/sync/engine';
import type { PouchCtor, PouchDb, PouchDoc } from '../../renderer/src/sync/pouch';
import { startHub } from '../../scripts/hub.mjs';
import type { Hub } from '../../scripts/hub.mjs';

type Local = PouchDb & { put(doc: PouchDoc): Promise<{ rev: string }>; destroy(): Promise<void> };

let hub: Hub;
let Pouch: PouchCtor;

beforeAll(async () => {
  hub = await startHub(0);
  Pouch = (hub as Hub & { PouchDB: PouchCtor }).PouchDB;
});
afterAll(async () => {
  await hub?.close().catch(() => undefined);
});

const until = async (ok: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return ok();
};

describe('a hub that goes away', () => {
  it('is 离线 after a failed request, and not caught up while it stays away', async () => {
    const local = new Pouch(`gone-${Math.random()}`) as Local;
    const remote = new Pouch(`${hub.url}/xinfang`, { adapter: 'http' });
    const seen: string[] = [];
    const rep = local.sync(remote, { live: true, retry: true, back_off_function: () => 200 });
    watchReplication(rep, {
      active: () => seen.push('active'),
      idle: () => seen.push('idle'),
      failed: () => seen.push('failed'),
    });
    try {
      expect(await until(() => seen.includes('idle'))).toBe(true);
      await hub.close();
      await local.put({ _id: 'petitions:1', rec: { title: '来信一' } });
      expect(await until(() => seen.at(-1) === 'failed')).toBe(true);
      const after = seen.length;
      await new Promise((r) => setTimeout(r, 1500)); // several retries, each failing
      expect(seen.slice(after).filter((s) => s !== 'failed')).toEqual([]);
    } finally {
      rep.cancel();
      await local.destroy();
    }
  }, 60_000);
});
