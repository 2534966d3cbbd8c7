// The restore fills its fresh database with primary keys only and has the indexes built afterwards
// (keysOnlyDb): the database it switches to must have exactly the schema and version of one created
// whole, and queries by every kind of index must find the restored rows.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createDb, db } from '../db/db';
import { insertMany, SYSTEM_ACTOR } from '../db/repo';
import { resetDb } from '../db/testing';

import { buildBackup } from './backup';
import { keysOnlyDb, restoreBackup } from './restore';
import { memoryStorage } from './testutil';

type IndexShape = { keyPath: string | string[]; unique: boolean; multiEntry: boolean };
type StoreShape = {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Record<string, IndexShape>;
};

// The database as IndexedDB holds it: version, stores, keys and indexes (opened without a version).
function schemaOf(name: string): Promise<{ version: number; stores: Record<string, StoreShape> }> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const idb = req.result;
      const names = [...idb.objectStoreNames];
      const stores: Record<string, StoreShape> = {};
      if (names.length) {
        const tx = idb.transaction(names, 'readonly');
        for (const n of names) {
          const s = tx.objectStore(n);
          const indexes: Record<string, IndexShape> = {};
          for (const i of [...s.indexNames]) {
            const x = s.index(i);
            indexes[i] = { keyPath: x.keyPath, unique: x.unique, multiEntry: x.multiEntry };
          }
          stores[n] = { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes };
        }
      }
      idb.close();
      resolve({ version: idb.version, stores });
    };
  });
}

const at = '2025-03-01';
const petition = (i: number) => ({
  regNo: `湘新信-2025-${String(i).padStart(4, '0')}`,
  series: 'letter',
  year: 2025,
  seq: i,
  channel: 'letter',
  receivedOn: at,
  name: i % 2 ? '张三' : '李四',
  idNo: null,
  phone: `1380000000${i}`,
  address: '金石镇',
  township: '金石镇',
  category: '城乡建设',
  state: 'registered',
  dueOn: '2025-03-16',
  terms: ['拆迁', i % 2 ? '补偿' : '道路'],
  nameKeys: i % 2 ? ['zhangsan', 'zs'] : ['lisi', 'ls'],
});

describe(
  'the restore builds the indexes of its fresh database after filling it',
  { timeout: 120_000 },
  () => {
    beforeAll(() => vi.stubGlobal('localStorage', memoryStorage()));
    afterAll(() => vi.unstubAllGlobals());

    it('a database filled with primary keys only, then opened by the app, has the schema of one created whole', async () => {
      const whole = createDb(`whole-${Date.now()}`);
      await whole.open();
      const name = `keys-only-${Date.now()}`;
      const keys = keysOnlyDb(createDb(name));
      await keys.open();
      expect(keys.verno).toBeLessThan(whole.verno);
      expect(Object.values((await schemaOf(name)).stores).every((s) => !Object.keys(s.indexes).length)).toBe(
        true,
      );
      await keys.table('petitions').bulkAdd([1, 2, 3].map((i) => ({ id: `p${i}`, ...petition(i) })));
      keys.close();
      const reopened = createDb(name);
      await reopened.open();
      reopened.close();
      whole.close();
      expect(await schemaOf(name)).toEqual(await schemaOf(whole.name));
    });

    it('the restored database answers queries by each kind of index (unique, compound, multi-entry)', async () => {
      const source = await resetDb();
      await insertMany(db.petitions, [1, 2, 3, 4, 5].map(petition) as never[], SYSTEM_ACTOR);
      const { bytes } = await buildBackup();
      const result = await restoreBackup(bytes);
      expect(db.name).toBe(result.dbName);
      expect(await schemaOf(result.dbName)).toEqual(await schemaOf(source.name));
      expect((await db.petitions.where('regNo').equals('湘新信-2025-0003').first())?.seq).toBe(3);
      expect(await db.petitions.where('terms').equals('补偿').count()).toBe(3);
      expect(await db.petitions.where('nameKeys').equals('ls').count()).toBe(2);
      expect(
        await db.petitions
          .where('[series+year+seq]')
          .between(['letter', 2025, 2], ['letter', 2025, 4], true, true)
          .count(),
      ).toBe(3);
      expect(await db.audit.where('table').equals('petitions').count()).toBe(5);
      // The unique index holds after the rebuild.
      const one = await db.petitions.where('regNo').equals('湘新信-2025-0001').first();
      await expect(db.petitions.add({ ...one!, id: 'x' })).rejects.toMatchObject({ name: 'ConstraintError' });
      source.close();
    });
  },
);
