import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from './db';
import { startStorage, storageEstimate, useStorageState } from './storage';
import { resetDb } from './testing';

describe('a schema upgrade in another window (versionchange)', () => {
  beforeEach(async () => {
    await resetDb();
    useStorageState.setState({ versionChanged: false, persisted: null });
  });

  it('closes this connection instead of blocking the other, and raises the banner flag', async () => {
    await startStorage();
    expect(db.isOpen()).toBe(true);
    await db.staff.count();
    const other = new Dexie(db.name);
    other.version(db.verno + 1).stores({ extra: 'id' }); // a newer version of the app opens the same database
    await other.open(); // would hang (blocked) if this window kept its connection open
    expect(other.verno).toBe(db.verno + 1);
    expect(db.isOpen()).toBe(false);
    expect(useStorageState.getState().versionChanged).toBe(true);
    other.close();
  });

  it('watches the database a restore switched to as well', async () => {
    await startStorage();
    const next = await resetDb(); // switchDb → the listener is attached to the new database
    const other = new Dexie(next.name);
    other.version(next.verno + 1).stores({ extra: 'id' });
    await other.open();
    expect(next.isOpen()).toBe(false);
    expect(useStorageState.getState().versionChanged).toBe(true);
    other.close();
  });

  it('storageEstimate gives usage and quota, or null where the browser cannot say', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 5, quota: 100 }) } });
    expect(await storageEstimate()).toEqual({ usage: 5, quota: 100 });
    vi.stubGlobal('navigator', {});
    expect(await storageEstimate()).toBeNull();
    vi.unstubAllGlobals();
  });
});
