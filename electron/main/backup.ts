// Backups on disk. The renderer produces the backup bytes (a Dexie export); this module decides
// where they go and which old ones may be deleted. It only ever deletes files whose names match
// BACKUP_FILE_PATTERN, so a backup folder shared with other documents is safe.

import { mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { app, BrowserWindow, dialog } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron';

import { BACKUP_FILE_PATTERN } from '../../shared/backup-name';
import type { BackupFile, BackupWriteRequest, BackupWriteResult } from '../../shared/ipc';

import { writeFileAtomic } from './atomic-write';
import type { IpcHandlers } from './ipc';
import { BACKUP_ERRORS, DIALOG } from './labels';

// xinfang-backup-YYYYMMDD-HHmmss.json: one constant with the renderer, in shared/backup-name.ts.
export { BACKUP_FILE_PATTERN };
export const BACKUP_FOLDER_NAME = '信访局系统备份';
export const BACKUP_SETTINGS_FILE = 'backup-settings.json';
// Every backup whose date is today or one of the 29 days before it is kept.
export const KEEP_EVERY_BACKUP_DAYS = 30;

const MS_PER_DAY = 86_400_000;

type ParsedBackupName = { name: string; dayNumber: number; monthKey: string };

function dayNumber(year: number, month: number, day: number): number {
  // Calendar days counted in UTC so daylight-saving changes never make a day 23 or 25 hours long.
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const match = BACKUP_FILE_PATTERN.exec(name);
  if (!match) return null;
  const [yearText, monthText] = match.slice(1, 3);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const isRealMoment =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!isRealMoment) return null;
  return { name, dayNumber: dayNumber(year, month, day), monthKey: `${yearText}-${monthText}` };
}

// Retention: keep every backup of the last KEEP_EVERY_BACKUP_DAYS days (today included, and any
// dated in the future), plus the latest backup of every calendar month; everything else that is
// one of our backups may go. Names that are not our backups are never returned.
export function backupsToPrune(names: readonly string[], today: Date): string[] {
  const todayNumber = dayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate());
  const backups = [...new Set(names)].map(parseBackupName).filter((backup) => backup !== null);
  const latestOfMonth = new Map<string, string>();
  for (const backup of backups) {
    const latest = latestOfMonth.get(backup.monthKey);
    // The fixed-width timestamp makes name order the same as time order.
    if (latest === undefined || backup.name > latest) latestOfMonth.set(backup.monthKey, backup.name);
  }
  return backups
    .filter((backup) => todayNumber - backup.dayNumber >= KEEP_EVERY_BACKUP_DAYS)
    .filter((backup) => latestOfMonth.get(backup.monthKey) !== backup.name)
    .map((backup) => backup.name)
    .sort();
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

export function isInsideFolder(
  candidate: string,
  folder: string,
  pathApi: PathApi = path,
  caseInsensitive = process.platform === 'win32' || process.platform === 'darwin',
): boolean {
  const normalise = (value: string): string => {
    const resolved = pathApi.resolve(value);
    return caseInsensitive ? resolved.toLowerCase() : resolved;
  };
  const relative = pathApi.relative(normalise(folder), normalise(candidate));
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${pathApi.sep}`) && !pathApi.isAbsolute(relative))
  );
}

export type ProtectedFolders = { userData: string; install?: string };

// Why a folder may not hold backups, in words for the user; null when it may.
export function backupFolderProblem(
  folder: string,
  protectedFolders: ProtectedFolders,
  pathApi: PathApi = path,
): string | null {
  if (!pathApi.isAbsolute(folder)) return BACKUP_ERRORS.notAbsolute;
  if (isInsideFolder(folder, protectedFolders.userData, pathApi)) return BACKUP_ERRORS.insideDataFolder;
  if (protectedFolders.install && isInsideFolder(folder, protectedFolders.install, pathApi)) {
    return BACKUP_ERRORS.insideInstallFolder;
  }
  return null;
}

export class BackupFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFolderError';
  }
}

export function defaultBackupFolder(): string {
  return path.join(app.getPath('documents'), BACKUP_FOLDER_NAME);
}

function settingsPath(): string {
  return path.join(app.getPath('userData'), BACKUP_SETTINGS_FILE);
}

async function realOrResolved(value: string): Promise<string> {
  try {
    return await realpath(value);
  } catch {
    return path.resolve(value);
  }
}

// Checked both as written and with symlinks resolved, so a link cannot smuggle the folder inside.
async function folderProblem(folder: string): Promise<string | null> {
  const install = app.isPackaged ? path.dirname(app.getPath('exe')) : undefined;
  const userData = app.getPath('userData');
  const asWritten = backupFolderProblem(folder, { userData, install });
  if (asWritten) return asWritten;
  return backupFolderProblem(await realOrResolved(folder), {
    userData: await realOrResolved(userData),
    install: install && (await realOrResolved(install)),
  });
}

export async function getBackupFolder(): Promise<string> {
  try {
    const settings = JSON.parse(await readFile(settingsPath(), 'utf8')) as unknown;
    const folder = (settings as { folder?: unknown } | null)?.folder;
    if (typeof folder === 'string' && (await folderProblem(folder)) === null) return folder;
  } catch {
    // No settings yet, or unreadable: fall back to the default.
  }
  return defaultBackupFolder();
}

export async function setBackupFolder(folder: string): Promise<void> {
  const problem = await folderProblem(folder);
  if (problem) throw new BackupFolderError(problem);
  await mkdir(app.getPath('userData'), { recursive: true });
  await writeFileAtomic(settingsPath(), `${JSON.stringify({ folder }, null, 2)}\n`);
}

export async function chooseBackupFolder(event: IpcMainInvokeEvent): Promise<{ folder: string | null }> {
  const owner = BrowserWindow.fromWebContents(event.sender);
  const options: OpenDialogOptions = {
    title: DIALOG.chooseBackupFolderTitle,
    buttonLabel: DIALOG.chooseBackupFolderButton,
    defaultPath: await getBackupFolder(),
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const folder = result.filePaths[0];
  if (result.canceled || !folder) return { folder: null };
  try {
    await setBackupFolder(folder);
  } catch (error) {
    if (!(error instanceof BackupFolderError)) throw error;
    const box = { type: 'warning' as const, title: DIALOG.backupFolderRefusedTitle, message: error.message };
    if (owner) await dialog.showMessageBox(owner, box);
    else await dialog.showMessageBox(box);
    return { folder: null };
  }
  return { folder };
}

async function backupNamesIn(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    // Regular files only: a symlink or folder named like a backup is not ours to touch.
    return entries
      .filter((entry) => entry.isFile() && BACKUP_FILE_PATTERN.test(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function pruneBackups(
  folder: string,
  today: Date,
  keep: readonly string[] = [],
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of backupsToPrune(await backupNamesIn(folder), today)) {
    if (keep.includes(name)) continue;
    try {
      await rm(path.join(folder, name));
      removed.push(name);
    } catch {
      // A backup that cannot be deleted now (open elsewhere, read-only) is retried next time.
    }
  }
  return removed;
}

export async function writeBackup(
  req: BackupWriteRequest,
  now: Date = new Date(),
): Promise<BackupWriteResult> {
  const folder = await getBackupFolder();
  const problem = await folderProblem(folder);
  if (problem) throw new BackupFolderError(problem);
  const target = path.join(folder, req.fileName);
  try {
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(target, req.data);
  } catch (error) {
    // The usual causes are a removed USB drive or a read-only share: say so in words, with the folder.
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(BACKUP_ERRORS.writeFailed(folder, reason), { cause: error });
  }
  // The backup just written is never pruned, whatever date its name carries.
  const removed = await pruneBackups(folder, now, [req.fileName]);
  return { path: target, removed };
}

export async function listBackups(): Promise<{ folder: string; files: BackupFile[] }> {
  const folder = await getBackupFolder();
  const names = (await backupNamesIn(folder)).sort().reverse();
  const files: BackupFile[] = [];
  for (const name of names) {
    try {
      const info = await stat(path.join(folder, name));
      files.push({ name, size: info.size, modifiedAt: info.mtime.toISOString() });
    } catch {
      // Deleted between listing and stat: leave it out.
    }
  }
  return { folder, files };
}

export const backupHandlers: Pick<
  IpcHandlers,
  'backup:write' | 'backup:choose-folder' | 'backup:get-folder' | 'backup:list'
> = {
  'backup:write': (req) => writeBackup(req),
  'backup:choose-folder': (_req, event) => chooseBackupFolder(event),
  'backup:get-folder': async () => ({ folder: await getBackupFolder() }),
  'backup:list': () => listBackups(),
};
