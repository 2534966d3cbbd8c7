// Schema version 5 (several PCs) adds the sync tables only, over a version 3 database.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { createDb, storesV3 } from '../db/db';
import { coreStoresV1 } from '../db/schema/core';
import { syncStoresV5 } from '../db/schema/sync';

describe('schema version 3 → 5', () => {
  it('adds the outbox and the sync state, empty, and keeps every record', async () => {
    const name = `upgrade5-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(coreStoresV1);
    v3.version(3).stores(storesV3);
    await v3.open();
    await v3.table('sections').add({
      id: 'sec1',
      name: '办信股',
      order: 0,
      createdAt: 'x',
      updatedAt: 'x',
      createdBy: 'system',
      deletedAt: null,
    });
    v3.close();

    const d = createDb(name);
    await d.open();
    expect(d.verno).toBeGreaterThanOrEqual(5);
    for (const t of Object.keys(syncStoresV5)) expect(await d.table(t).count()).toBe(0);
    expect((await d.sections.get('sec1'))?.name).toBe('办信股');
    await d.syncOutbox.add({ key: 'sections:sec1', table: 'sections', id: 'sec1', rec: {} });
    expect(await d.syncOutbox.where('key').equals('sections:sec1').count()).toBe(1);
    d.close();
  });
});
