// 系统 › 多机同步: this PC's sync settings and status (the bridge itself is in renderer/src/sync).
import { db } from '../../../db/db';
import { readSyncConfig, saveSyncConfig, switchSync, testConnection } from '../../../sync/config';
import type { ConnectionReport, SyncForm } from '../../../sync/config';
import { conflictCount } from '../../../sync/conflicts';
import { deniedCount } from '../../../sync/denied';
import { parkedCount } from '../../../sync/pump';

import { sessionActor } from './access';

export type { SyncForm } from '../../../sync/config';
export { deniedText, statusColor, statusText, useSyncStatus } from '../../../sync/status';

export type SyncView = { enabled: boolean; form: SyncForm; hasPassword: boolean };

export async function syncView(): Promise<SyncView> {
  const c = await readSyncConfig();
  const hasPassword = !!(await db.syncState.get('password'))?.value;
  return {
    enabled: c.enabled,
    hasPassword,
    form: { hubUrl: c.hubUrl, user: c.user, password: '', pcName: c.pcName },
  };
}

// Changes waiting to be sent, records kept aside, every conflict waiting on 同步冲突, and this PC's
// changes the hub refused (also decided there).
export async function syncCounts(): Promise<{
  pending: number;
  parked: number;
  conflicts: number;
  denied: number;
}> {
  return {
    pending: await db.syncOutbox.count(),
    parked: await parkedCount(),
    conflicts: await conflictCount(),
    denied: await deniedCount(),
  };
}

export function turnSyncOn(form: SyncForm) {
  return switchSync(form, true, sessionActor('system.settings', saveSyncConfig.what));
}

export function turnSyncOff(form: SyncForm) {
  return switchSync(form, false, sessionActor('system.settings', saveSyncConfig.what));
}

export async function checkConnection(form: SyncForm): Promise<ConnectionReport> {
  sessionActor('system.settings', saveSyncConfig.what);
  return testConnection(form);
}
