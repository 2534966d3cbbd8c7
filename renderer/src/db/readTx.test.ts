import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';

import { db } from './db';
import { insert, SYSTEM_ACTOR } from './repo';
import { getSetting, setSetting } from './settings';
import { resetDb } from './testing';
import { outerWriteTransaction, readTx } from './tx';

beforeEach(async () => {
  await resetDb();
  await insert(db.sections, { name: '办公室', order: 0, headId: null, deputyId: null }, SYSTEM_ACTOR);
  await setSetting('unitName', '新宁县信访局', SYSTEM_ACTOR);
});

describe('readTx', () => {
  it('answers with its reads as soon as they are back, before the read-only transaction completes', async () => {
    let trans: Transaction | null = null;
    const [sections, unit] = await readTx([db.sections, db.settings], () => {
      trans = Dexie.currentTransaction;
      return Promise.all([db.sections.toArray(), getSetting('unitName', '')]);
    });
    expect(sections.map((s) => s.name)).toEqual(['办公室']);
    expect(unit).toBe('新宁县信访局');
    expect(trans!.mode).toBe('readonly');
    // db.transaction would have answered only after the complete event: the transaction still open.
    expect(trans!.active).toBe(true);
  });

  it('leaves nothing behind it: the next read and the next write run outside its transaction', async () => {
    await readTx([db.settings], () => getSetting('unitName', ''));
    expect(outerWriteTransaction()).toBeNull();
    await setSetting('unitName', '新宁县人民政府信访局', SYSTEM_ACTOR);
    expect(await getSetting('unitName', '')).toBe('新宁县人民政府信访局');
  });

  it('passes on a failed read', async () => {
    // sections is not one of its tables
    await expect(readTx([db.settings], () => db.sections.toArray())).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
