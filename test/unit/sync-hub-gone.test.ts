// The live replication with the hub (renderer/src/sync/engine.ts: replicate, watchReplication)
// against PouchDB's real replication and the real test hub (scripts/hub.mjs):
// - sync() pauses without the error when its requests fail, so the engine must see each
//   direction's failed requests — else a PC whose hub was switched off read 已同步;
// - attachments' documents (their files inline in the push's JSON) go up FILE_BATCH a request, the
//   other records 500 a request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FILE_BATCH, replicate, watchReplication } from '../../renderer/src/sync/engine';
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

function watched(local: PouchDb, remote: PouchDb) {
  const seen: string[] = [];
  const link = replicate(local, remote);
  watchReplication(link.parts, {
    active: () => seen.push('active'),
    idle: () => seen.push('idle'),
    failed: () => seen.push('failed'),
  });
  return { seen, link };
}

describe('the replication with the hub', () => {
  it('sends the files a few a request, the records in large batches, and both arrive', async () => {
    const local = new Pouch(`files-${Math.random()}`) as Local;
    const batches: { files: number; records: number }[] = [];
    const counting = async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).includes('/_bulk_docs') && typeof init?.body === 'string') {
        const docs = (JSON.parse(init.body) as { docs: PouchDoc[] }).docs;
        const files = docs.filter((d) => String(d._id).startsWith('attachments:')).length;
        batches.push({ files, records: docs.length - files });
      }
      return fetch(url, init);
    };
    const remote = new Pouch(`${hub.url}/files-${Math.random().toString(36).slice(2)}`, {
      adapter: 'http',
      fetch: counting,
    });
    const bytes = Buffer.alloc(2000, 7).toString('base64');
    for (let i = 0; i < 12; i++)
      await local.put({
        _id: `attachments:${i}`,
        rec: { id: String(i) },
        _attachments: { blob: { content_type: 'application/pdf', data: bytes } },
      });
    for (let i = 0; i < 30; i++) await local.put({ _id: `petitions:${i}`, rec: { id: String(i) } });
    const { seen, link } = watched(local, remote);
    try {
      expect(await until(() => seen.includes('idle'))).toBe(true);
      expect(batches.reduce((n, b) => n + b.files, 0)).toBe(12);
      expect(batches.every((b) => b.files <= FILE_BATCH)).toBe(true);
      expect(batches.filter((b) => b.files > 0).every((b) => b.records === 0)).toBe(true);
      expect(batches.reduce((n, b) => n + b.records, 0)).toBe(30);
      const dbUrl = (remote as unknown as { name: string }).name;
      const raw = await fetch(`${dbUrl}/attachments:11/blob`);
      expect(Buffer.from(await raw.arrayBuffer()).toString('base64')).toBe(bytes);
    } finally {
      link.cancel();
      await local.destroy();
    }
  }, 60_000);

  it('is 离线 after a failed request, and not caught up while the hub stays away', async () => {
    const local = new Pouch(`gone-${Math.random()}`) as Local;
    const remote = new Pouch(`${hub.url}/xinfang`, { adapter: 'http' });
    const { seen, link } = watched(local, remote);
    try {
      expect(await until(() => seen.includes('idle'))).toBe(true);
      await hub.close();
      await local.put({ _id: 'petitions:1', rec: { title: '来信一' } });
      expect(await until(() => seen.at(-1) === 'failed')).toBe(true);
      const after = seen.length;
      await new Promise((r) => setTimeout(r, 3000)); // retries, each failing
      expect(seen.slice(after).filter((s) => s !== 'failed')).toEqual([]);
    } finally {
      link.cancel();
      await local.destroy();
    }
  }, 60_000);
});
