// The one Dexie database. What may cross this file: table declarations and schema versions.
// Each db.version(n) stays declared forever; data changes go in migrations/NNNN-*.ts (steps of 10).
import Dexie from 'dexie';

import { migration0020 } from './migrations/0020-staff-active-and-settings';
import { fillPetitionNameKeys, migration0030 } from './migrations/0030-petition-name-keys';
import { attendanceStores, attendanceStoresV3 } from './schema/attendance';
import type { AttendanceTables } from './schema/attendance';
import { coreStoresV1 } from './schema/core';
import type { CoreTables } from './schema/core';
import { documentsStores, documentsStoresV3 } from './schema/documents';
import type { DocumentsTables } from './schema/documents';
import { financeStores, financeStoresV3 } from './schema/finance';
import type { FinanceTables } from './schema/finance';
import { meetingsStores, meetingsStoresV3 } from './schema/meetings';
import type { MeetingsTables } from './schema/meetings';
import { petitionsStores, petitionsStoresV4, petitionsStoresV6 } from './schema/petitions';
import type { PetitionsTables } from './schema/petitions';
import { supervisionStores } from './schema/supervision';
import type { SupervisionTables } from './schema/supervision';
import { syncStoresV5 } from './schema/sync';
import type { SyncTables } from './schema/sync';

export type AppDB = Dexie &
  CoreTables &
  PetitionsTables &
  AttendanceTables &
  DocumentsTables &
  MeetingsTables &
  FinanceTables &
  SupervisionTables &
  SyncTables;

export const DB_NAME = 'xinfang';
export const SCHEMA_VERSION = 6;

export const storesV2 = {
  ...coreStoresV1,
  ...petitionsStores,
  ...attendanceStores,
  ...documentsStores,
  ...meetingsStores,
  ...financeStores,
  ...supervisionStores,
};

// Version 3 adds indexes only (fields every row already has; Dexie builds them on upgrade): list
// screens filtered by status or person read one year's page by index instead of every year.
export const storesV3 = {
  ...storesV2,
  ...attendanceStoresV3,
  ...documentsStoresV3,
  ...meetingsStoresV3,
  ...financeStoresV3,
};

// Version 4 adds the petitions' *nameKeys index (the 姓名 search by pinyin); migration0030 marks the
// keys of the cases already there as due, and fillPetitionNameKeys fills them once the database is
// open, before any other read (see the migration for why not in the upgrade itself).
export const storesV4: Record<string, string> = { ...storesV3, ...petitionsStoresV4 };

export function declareSchema(d: Dexie): void {
  d.version(1).stores(coreStoresV1);
  d.version(2).stores(storesV2).upgrade(migration0020);
  d.version(3).stores(storesV3);
  d.version(4).stores(storesV4).upgrade(migration0030);
  // Version 5 (several PCs, sync/): the outbox and this PC's sync state, new tables only.
  d.version(5).stores(syncStoresV5);
  // Version 6: an index only (the 督办通知 numbers, petitionsStoresV6), built by Dexie on upgrade.
  d.version(6).stores(petitionsStoresV6);
  d.on('ready', (vip) => fillPetitionNameKeys(vip), true);
}

export function createDb(name: string = DB_NAME): AppDB {
  // 'strict' durability: Chromium's relaxed default can lose the last seconds of writes on power loss.
  const d = new Dexie(name, { chromeTransactionDurability: 'strict' }) as AppDB;
  declareSchema(d);
  return d;
}

// Which database to open at start: a restore (系统 › 备份与恢复) fills a fresh database and only
// when it is complete remembers its name under ACTIVE_DB_KEY, so the next start opens it.
export const ACTIVE_DB_KEY = 'xinfang.activeDb';
export function activeDbName(): string {
  try {
    return globalThis.localStorage?.getItem(ACTIVE_DB_KEY) || DB_NAME;
  } catch {
    return DB_NAME; // storage unavailable (tests, locked-down profile): the default database
  }
}

// The live database. A restore may switch it to a freshly filled one (see switchDb).
export let db: AppDB = createDb(activeDbName());

const switchListeners = new Set<() => void>();
export function onDbSwitch(fn: () => void): () => void {
  switchListeners.add(fn);
  return () => switchListeners.delete(fn);
}
export function switchDb(next: AppDB): void {
  const old = db;
  db = next;
  if (old !== next) old.close();
  for (const fn of switchListeners) fn();
}

type DurabilityOptions = { _options: { chromeTransactionDurability?: 'default' | 'strict' | 'relaxed' } };

// Bulk work that is all or nothing by other means — the demo data of a setup marked unfinished until
// it is done (an interrupted one is discarded at the next start), a restore into a fresh database
// that is switched in only when complete — may skip the disk flush of each of its transactions
// (Chromium's 'relaxed' durability). At the end one 'strict' transaction flushes the log, and with it
// every write before it, before the work counts as done. Dexie reads the option at each transaction.
export async function withRelaxedDurability<T>(d: Dexie, fn: () => Promise<T>): Promise<T> {
  const opts = (d as unknown as DurabilityOptions)._options;
  const before = opts.chromeTransactionDurability;
  opts.chromeTransactionDurability = 'relaxed';
  try {
    return await fn();
  } finally {
    opts.chromeTransactionDurability = before;
  }
}

// One strict write that changes nothing (a marker added and removed in one transaction): the
// commit waits until the log, with everything relaxed before it, is on disk.
export async function flushToDisk(d: Dexie): Promise<void> {
  const opts = (d as unknown as DurabilityOptions)._options;
  const before = opts.chromeTransactionDurability;
  opts.chromeTransactionDurability = 'strict';
  try {
    const t = d.table('settings');
    await d.transaction('rw', t, async () => {
      await t.put({ id: '__flush__', value: null });
      await t.delete('__flush__');
    });
  } finally {
    opts.chromeTransactionDurability = before;
  }
}
