// The restore fills its fresh database with primary keys only and has the indexes built afterwards
// (keysOnlyDb): the database it switches to must have exactly the schema and version of one created
// whole, and queries by every kind of index must find the restored rows.
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { sha256Hex } from '../../../shared/hash';
import { createDb, db } from '../db/db';
import { insertMany, SYSTEM_ACTOR } from '../db/repo';
import { resetDb } from '../db/testing';

import { buildBackup } from './backup';
import { inspectBackup, keysOnlyDb, RESTORE_DB_PREFIX, RESTORE_ERRORS, restoreBackup } from './restore';
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

// The data part changed (the last occurrence of `from`) and its length and checksum recomputed, as a forger would.
function forgeData(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const nl = text.indexOf('\n');
  const head = text.slice(0, nl);
  const rest = text.slice(nl + 1);
  expect(rest.includes(from)).toBe(true);
  const at = rest.lastIndexOf(from); // the last occurrence: the record, after its audit entries
  const changed = rest.slice(0, at) + to + rest.slice(at + from.length);
  const data = changed.slice(0, changed.length - 3); // without "\n}\n"
  const m = JSON.parse(head.slice(head.indexOf('"manifest":') + 11, head.length - ',"data":'.length));
  m.dataBytes = new TextEncoder().encode(data).length;
  m.sha256 = sha256Hex(data);
  return new TextEncoder().encode(
    `{"format":"xinfang-backup","manifest":${JSON.stringify(m)},"data":\n${changed}`,
  );
}

const restoreDbs = async () =>
  (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(RESTORE_DB_PREFIX));

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

    it('a failure while the indexes are built (a crash, a duplicate the unique index refuses) leaves the current data active', async () => {
      const source = await resetDb();
      await insertMany(db.petitions, [1, 2].map(petition) as never[], SYSTEM_ACTOR);
      const { bytes } = await buildBackup();
      for (const n of await restoreDbs()) await Dexie.delete(n);
      await expect(
        restoreBackup(bytes, {
          onProgress: (p) => {
            if (p.phase === 'index') throw new Error('断电模拟');
          },
        }),
      ).rejects.toThrow('恢复未完成，当前数据未改动：断电模拟');
      expect(db).toBe(source);
      expect(await restoreDbs()).toEqual([]);
      // Two cases under one 登记号: written without indexes, refused when the unique index is built.
      const twin = forgeData(bytes, '湘新信-2025-0002', '湘新信-2025-0001');
      const { trail } = await inspectBackup(twin);
      await expect(restoreBackup(twin, { acceptFindings: trail.findingsKey })).rejects.toThrow(
        RESTORE_ERRORS.duplicateKey,
      );
      expect(db).toBe(source);
      expect(await restoreDbs()).toEqual([]);
      expect(await db.petitions.count()).toBe(2);
      source.close();
    });
  },
);
