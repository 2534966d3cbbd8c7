import { beforeEach, describe, expect, it } from 'vitest';

import type { AppBridge, BackupWriteRequest } from '../../../shared/ipc';
import { pinClock } from '../db/clock';
import { db } from '../db/db';
import { insert, SYSTEM_ACTOR } from '../db/repo';
import { resetDb, seedOrg } from '../db/testing';

import { BACKUP_FILE_PATTERN } from './format';
import { inspectBackup } from './restore';
import { autoBackupDue, autoBackupTick, lastBackup, LAST_BACKUP_KEY, runBackup } from './schedule';

function fakeBridge(mode: 'desktop' | 'browser') {
  const written: BackupWriteRequest[] = [];
  const bridge = {
    appInfo: async () => ({ mode, version: 't', platform: 'test' }),
    writeBackup: async (req: BackupWriteRequest) => {
      written.push(req);
      return { path: `/backups/${req.fileName}`, removed: ['xinfang-backup-20200101-000000.json'] };
    },
  } as unknown as AppBridge;
  return { bridge, written };
}

describe('automatic and manual backups', () => {
  beforeEach(async () => {
    pinClock(null);
    await resetDb();
    await seedOrg();
    await insert(
      db.accounts,
      { staffId: 'x', loginName: 'admin', passwordHash: 'x', salt: 'y', iterations: 1, failedAttempts: 0 },
      SYSTEM_ACTOR,
    );
  });

  it('is due when there is none, after 24 hours, and at start after an hour', () => {
    const at = new Date('2026-05-02T10:00:00Z');
    expect(autoBackupDue(null, at, false)).toBe(true);
    const last = (iso: string) => ({ at: iso, fileName: 'f', path: 'p', bytes: 1, auto: true, removed: 0 });
    expect(autoBackupDue(last('2026-05-01T10:00:01Z'), at, false)).toBe(false);
    expect(autoBackupDue(last('2026-05-01T10:00:00Z'), at, false)).toBe(true);
    expect(autoBackupDue(last('2026-05-02T09:30:00Z'), at, true)).toBe(false);
    expect(autoBackupDue(last('2026-05-02T09:00:00Z'), at, true)).toBe(true);
    expect(autoBackupDue(last('garbage'), at, false)).toBe(true);
  });

  it('the browser never backs up by itself', async () => {
    const { bridge, written } = fakeBridge('browser');
    expect(await autoBackupTick(bridge, true)).toBe('not-desktop');
    expect(written).toHaveLength(0);
  });

  it('the desktop app backs up at start, records the time, and waits 24 hours for the next', async () => {
    const { bridge, written } = fakeBridge('desktop');
    pinClock(new Date('2026-05-02T10:00:00Z'));
    expect(await autoBackupTick(bridge, true)).toBe('done');
    expect(written).toHaveLength(1);
    expect(written[0].fileName).toMatch(BACKUP_FILE_PATTERN);
    const c = await inspectBackup(written[0].data);
    expect(c.manifest.counts.staff).toBe(await db.staff.count());
    const last = (await lastBackup())!;
    expect(last).toMatchObject({
      at: '2026-05-02T10:00:00.000Z',
      auto: true,
      fileName: written[0].fileName,
      path: `/backups/${written[0].fileName}`,
      removed: 1,
    });
    expect((await db.audit.orderBy(':id').last())!).toMatchObject({
      table: 'settings',
      recordId: LAST_BACKUP_KEY,
    });
    pinClock(new Date('2026-05-03T09:59:00Z'));
    expect(await autoBackupTick(bridge, false)).toBe('not-due');
    pinClock(new Date('2026-05-03T10:00:00Z'));
    expect(await autoBackupTick(bridge, false)).toBe('done');
    expect(written).toHaveLength(2);
    pinClock(null);
  });

  it('does nothing before the app is set up', async () => {
    await resetDb();
    const { bridge, written } = fakeBridge('desktop');
    expect(await autoBackupTick(bridge, true)).toBe('not-ready');
    expect(written).toHaveLength(0);
  });

  it('two backups asked at once run once', async () => {
    const { bridge, written } = fakeBridge('browser');
    const [a, b] = await Promise.all([
      runBackup(SYSTEM_ACTOR, { bridge }),
      runBackup(SYSTEM_ACTOR, { bridge }),
    ]);
    expect(a).toBe(b);
    expect(written).toHaveLength(1);
  });
});
