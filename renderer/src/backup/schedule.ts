// Backups as the app makes them: the manual 立即备份 and the desktop app's automatic daily backup
// (at start, unless one was made within the last hour, then whenever the last one is 24 hours old).
// The file goes through the platform bridge: a folder chosen in the desktop app (which also prunes
// old backups), a download in the browser.
import { create } from 'zustand';

import type { AppBridge, BackupWriteResult } from '../../../shared/ipc';
import { now, nowIso } from '../db/clock';
import { db } from '../db/db';
import { SYSTEM_ACTOR } from '../db/repo';
import type { Actor } from '../db/repo';
import { getSetting, SETUP_IN_PROGRESS_KEY, setSetting } from '../db/settings';
import { platform } from '../platform';

import type { BackupProgress } from './backup';

export const LAST_BACKUP_KEY = 'lastBackup';
export const DAY_MS = 24 * 60 * 60 * 1000;
export const START_GRACE_MS = 60 * 60 * 1000;

export type LastBackup = {
  at: string;
  fileName: string;
  path: string;
  bytes: number;
  auto: boolean;
  removed: number;
};

type BackupStatus = {
  running: boolean;
  auto: boolean;
  progress: BackupProgress | null;
  lastError: string | null;
};
export const useBackupStatus = create<BackupStatus>(() => ({
  running: false,
  auto: false,
  progress: null,
  lastError: null,
}));

export function lastBackup(): Promise<LastBackup | null> {
  return getSetting<LastBackup | null>(LAST_BACKUP_KEY, null);
}

export type BackupDone = LastBackup & {
  removedNames: string[];
  unitName: string;
  counts: Record<string, number>;
};

let running: Promise<BackupDone> | null = null;

export function runBackup(
  actor: Actor,
  opts: { auto?: boolean; bridge?: AppBridge; onProgress?: (p: BackupProgress) => void } = {},
): Promise<BackupDone> {
  if (running) return running;
  const bridge = opts.bridge ?? platform;
  const auto = !!opts.auto;
  useBackupStatus.setState({ running: true, auto, progress: null, lastError: null });
  running = (async () => {
    const { buildBackup } = await import('./backup');
    const built = await buildBackup((p) => {
      useBackupStatus.setState({ progress: p });
      opts.onProgress?.(p);
    });
    const res: BackupWriteResult = await bridge.writeBackup({ fileName: built.fileName, data: built.bytes });
    const last: LastBackup = {
      at: nowIso(),
      fileName: built.fileName,
      path: res.path,
      bytes: built.bytes.length,
      auto,
      removed: res.removed.length,
    };
    await setSetting(LAST_BACKUP_KEY, last, actor);
    return {
      ...last,
      removedNames: res.removed,
      unitName: built.manifest.unitName,
      counts: built.manifest.counts,
    };
  })();
  const p = running;
  p.then(
    () => useBackupStatus.setState({ running: false }),
    (e: unknown) =>
      useBackupStatus.setState({ running: false, lastError: e instanceof Error ? e.message : String(e) }),
  ).finally(() => {
    running = null;
  });
  return p;
}

// Whether the automatic backup is due: none yet, or the last is a day old; at start, an hour old.
export function autoBackupDue(last: LastBackup | null, at: Date, atStart: boolean): boolean {
  if (!last) return true;
  const age = at.getTime() - Date.parse(last.at);
  if (Number.isNaN(age)) return true;
  return age >= (atStart ? START_GRACE_MS : DAY_MS);
}

async function initialised(): Promise<boolean> {
  if (!db.isOpen()) return false;
  // Not while a first-run setup is still loading its demo data (auth/service.ts runSetup).
  if ((await db.settings.get(SETUP_IN_PROGRESS_KEY))?.value) return false;
  return (await db.settings.get('unitName')) !== undefined && (await db.accounts.count()) > 0;
}

// One check of the automatic backup; returns what it did.
export async function autoBackupTick(
  bridge: AppBridge,
  atStart: boolean,
): Promise<'not-desktop' | 'not-ready' | 'not-due' | 'done' | 'failed'> {
  const info = await bridge.appInfo();
  if (info.mode !== 'desktop') return 'not-desktop';
  if (!(await initialised())) return 'not-ready';
  if (!autoBackupDue(await lastBackup(), now(), atStart)) return 'not-due';
  try {
    await runBackup(SYSTEM_ACTOR, { auto: true, bridge });
    return 'done';
  } catch {
    return 'failed'; // shown on 备份与恢复 (useBackupStatus.lastError); tried again at the next check
  }
}

export function startAutoBackup(
  opts: { bridge?: AppBridge; firstDelayMs?: number; intervalMs?: number } = {},
): () => void {
  const bridge = opts.bridge ?? platform;
  let stopped = false;
  let atStart = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = async () => {
    if (stopped) return;
    const r = await autoBackupTick(bridge, atStart).catch(() => 'failed' as const);
    if (r === 'not-desktop') return; // the browser never backs up by itself
    if (r !== 'not-ready') atStart = false;
    if (!stopped) timer = setTimeout(loop, r === 'not-ready' ? 5_000 : (opts.intervalMs ?? 10 * 60 * 1000));
  };
  timer = setTimeout(loop, opts.firstDelayMs ?? 15_000);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
