import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeApp, fakeDialog, fakePaths, invokeEvent } from '../test-support/fake-electron';

import {
  BACKUP_FILE_PATTERN,
  BACKUP_FOLDER_NAME,
  backupFolderProblem,
  backupsToPrune,
  chooseBackupFolder,
  getBackupFolder,
  isInsideFolder,
  listBackups,
  parseBackupName,
  setBackupFolder,
  writeBackup,
} from './backup';
import { BACKUP_ERRORS } from './labels';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

const name = (stamp: string): string => `xinfang-backup-${stamp}.json`;
// Noon local time, so no time zone puts "today" on another calendar day.
const on = (year: number, month: number, day: number): Date => new Date(year, month - 1, day, 12, 0, 0);

describe('parseBackupName', () => {
  it('reads the local date and month from a backup name', () => {
    expect(parseBackupName(name('20240229-235959'))).toMatchObject({ monthKey: '2024-02' });
  });

  it.each([
    'xinfang-backup-20230229-120000.json', // no 29 February in 2023
    'xinfang-backup-20241301-120000.json',
    'xinfang-backup-20240101-240000.json',
    'xinfang-backup-20240101-120000.json.bak',
    'xinfang-backup-2024011-120000.json',
    'XINFANG-BACKUP-20240101-120000.JSON',
    '信访局备份-20240101.json',
  ])('does not treat %s as one of our backups', (fileName) => {
    expect(parseBackupName(fileName)).toBeNull();
  });
});

describe('backupsToPrune', () => {
  const today = on(2024, 6, 15);

  it('keeps every backup of the last 30 days, today included', () => {
    // 2024-05-17 is 29 days before 2024-06-15; several per day, so none is "last of its month" by luck.
    const recent = [
      name('20240517-080000'),
      name('20240517-090000'),
      name('20240601-080000'),
      name('20240601-170000'),
      name('20240615-073000'),
      name('20240615-120000'),
    ];
    expect(backupsToPrune([...recent, name('20240531-235959')], today)).toEqual([]);
  });

  it('lets go of backups from day 30 on unless they are the last of their month', () => {
    const names = [
      name('20240516-080000'), // 30 days ago
      name('20240516-090000'),
      name('20240517-080000'), // 29 days ago: kept
      name('20240531-235959'), // last of May: kept
    ];
    expect(backupsToPrune(names, today)).toEqual([name('20240516-080000'), name('20240516-090000')]);
  });

  it('keeps the last backup of each month, forever', () => {
    const names = [
      name('20220101-080000'),
      name('20220131-180000'),
      name('20221201-080000'),
      name('20221215-080000'),
      name('20230101-080000'),
      name('20240301-080000'),
      name('20240315-080000'),
      name('20240331-170000'),
      name('20240331-170001'),
    ];
    expect(backupsToPrune(names, today)).toEqual([
      name('20220101-080000'),
      name('20221201-080000'),
      name('20240301-080000'),
      name('20240315-080000'),
      name('20240331-170000'),
    ]);
  });

  it('keeps a month whose only backup is old', () => {
    expect(backupsToPrune([name('20190704-100000')], today)).toEqual([]);
  });

  it('never touches files that are not our backups', () => {
    const foreign = [
      '工作总结.docx',
      'xinfang-backup-20200101-080000.json.tmp',
      '.xinfang-backup-20200101-080000.json.123.tmp',
      'xinfang-backup-20200101-080000.JSON',
      'old-xinfang-backup-20200101-080000.json',
      'xinfang-backup-20200230-080000.json', // not a real date
    ];
    const ours = [name('20200101-080000'), name('20200102-080000')];
    expect(backupsToPrune([...foreign, ...ours], today)).toEqual([name('20200101-080000')]);
  });

  it('keeps backups dated after today (a PC clock set wrong)', () => {
    expect(backupsToPrune([name('20250101-080000'), name('20250101-090000')], today)).toEqual([]);
  });

  it('counts calendar days across a year boundary and a leap day', () => {
    const newYear = on(2025, 1, 29);
    // 2024-12-31 is 29 days before 2025-01-29; 2024-12-30 is 30 days before.
    expect(
      backupsToPrune([name('20241230-080000'), name('20241231-080000'), name('20241231-090000')], newYear),
    ).toEqual([name('20241230-080000')]);
    const march = on(2024, 3, 29);
    // 2024 has 29 February: 2024-02-29 is 29 days before 2024-03-29, 2024-02-28 is 30 days before.
    expect(
      backupsToPrune([name('20240228-080000'), name('20240229-080000'), name('20240229-090000')], march),
    ).toEqual([name('20240228-080000')]);
  });

  it('ignores duplicates and returns names sorted', () => {
    const old = name('20200101-080000');
    expect(backupsToPrune([name('20200102-080000'), old, old], today)).toEqual([old]);
  });
});

describe('isInsideFolder and backupFolderProblem', () => {
  it('sees a folder inside, equal to, or outside another', () => {
    expect(
      isInsideFolder('/home/u/.config/xinfang/backups', '/home/u/.config/xinfang', path.posix, false),
    ).toBe(true);
    expect(isInsideFolder('/home/u/.config/xinfang', '/home/u/.config/xinfang', path.posix, false)).toBe(
      true,
    );
    expect(
      isInsideFolder('/home/u/.config/xinfang/../xinfang/x', '/home/u/.config/xinfang', path.posix, false),
    ).toBe(true);
    expect(
      isInsideFolder('/home/u/.config/xinfang-backups', '/home/u/.config/xinfang', path.posix, false),
    ).toBe(false);
    expect(isInsideFolder('/home/u/Documents', '/home/u/.config/xinfang', path.posix, false)).toBe(false);
    expect(isInsideFolder('/home/u/..backups', '/home/u', path.posix, false)).toBe(true);
  });

  it('compares Windows paths without regard to case', () => {
    const userData = 'C:\\Users\\zhang\\AppData\\Roaming\\xinfang-office';
    expect(
      isInsideFolder('c:\\users\\ZHANG\\appdata\\roaming\\XINFANG-OFFICE\\备份', userData, path.win32, true),
    ).toBe(true);
    expect(isInsideFolder('D:\\信访局系统备份', userData, path.win32, true)).toBe(false);
  });

  it('refuses a folder inside the app data folder, with a Chinese message', () => {
    const problem = backupFolderProblem(
      '/home/u/.config/xinfang/backup',
      { userData: '/home/u/.config/xinfang' },
      path.posix,
    );
    expect(problem).toBe(BACKUP_ERRORS.insideDataFolder);
    expect(problem).toMatch(/数据文件夹/);
  });

  it('refuses the installation folder and relative paths, accepts the documents folder', () => {
    const folders = { userData: '/home/u/.config/xinfang', install: '/opt/xinfang' };
    expect(backupFolderProblem('/opt/xinfang/backups', folders, path.posix)).toBe(
      BACKUP_ERRORS.insideInstallFolder,
    );
    expect(backupFolderProblem('backups', folders, path.posix)).toBe(BACKUP_ERRORS.notAbsolute);
    expect(backupFolderProblem(`/home/u/Documents/${BACKUP_FOLDER_NAME}`, folders, path.posix)).toBeNull();
  });
});

describe('backup folder and files on disk', () => {
  let root: string;
  let userData: string;
  let documents: string;

  beforeEach(async () => {
    vi.clearAllMocks();
    root = await mkdtemp(path.join(tmpdir(), 'xinfang-backup-test-'));
    userData = path.join(root, 'userData');
    documents = path.join(root, 'Documents');
    await mkdir(userData, { recursive: true });
    await mkdir(documents, { recursive: true });
    fakePaths.userData = userData;
    fakePaths.documents = documents;
    fakeApp.isPackaged = false;
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('defaults to 信访局系统备份 in the documents folder', async () => {
    expect(await getBackupFolder()).toBe(path.join(documents, '信访局系统备份'));
  });

  it('stores a chosen folder in a small JSON file in userData', async () => {
    const chosen = path.join(root, 'U盘', '备份');
    await setBackupFolder(chosen);
    expect(await getBackupFolder()).toBe(chosen);
    expect(JSON.parse(await readFile(path.join(userData, 'backup-settings.json'), 'utf8'))).toEqual({
      folder: chosen,
    });
  });

  it('refuses a folder inside userData and keeps the previous setting', async () => {
    await expect(setBackupFolder(path.join(userData, 'backups'))).rejects.toThrow(
      BACKUP_ERRORS.insideDataFolder,
    );
    await expect(setBackupFolder(userData)).rejects.toThrow(BACKUP_ERRORS.insideDataFolder);
    expect(await getBackupFolder()).toBe(path.join(documents, BACKUP_FOLDER_NAME));
  });

  it('refuses a symlink that leads into userData', async () => {
    const link = path.join(root, 'looks-harmless');
    await symlink(userData, link, 'dir');
    await expect(setBackupFolder(path.join(link))).rejects.toThrow(BACKUP_ERRORS.insideDataFolder);
  });

  it('falls back to the default when the stored setting points into userData', async () => {
    await writeFile(
      path.join(userData, 'backup-settings.json'),
      JSON.stringify({ folder: path.join(userData, 'x') }),
    );
    expect(await getBackupFolder()).toBe(path.join(documents, BACKUP_FOLDER_NAME));
  });

  it('choose-folder: a folder inside userData is refused with a message box and not stored', async () => {
    fakeDialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [path.join(userData, 'backups')],
    });
    await expect(chooseBackupFolder(invokeEvent('app://app/'))).resolves.toEqual({ folder: null });
    expect(fakeDialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: expect.arrayContaining(['openDirectory', 'createDirectory']) }),
    );
    expect(fakeDialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'warning', message: BACKUP_ERRORS.insideDataFolder }),
    );
    expect(await getBackupFolder()).toBe(path.join(documents, BACKUP_FOLDER_NAME));
  });

  it('choose-folder: an acceptable folder is stored; cancelling changes nothing', async () => {
    const chosen = path.join(root, 'D盘备份');
    fakeDialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
    await expect(chooseBackupFolder(invokeEvent('app://app/'))).resolves.toEqual({ folder: chosen });
    fakeDialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(chooseBackupFolder(invokeEvent('app://app/'))).resolves.toEqual({ folder: null });
    expect(await getBackupFolder()).toBe(chosen);
  });

  it('writes a backup atomically, prunes old ones and leaves foreign files alone', async () => {
    const folder = path.join(documents, BACKUP_FOLDER_NAME);
    await mkdir(folder, { recursive: true });
    const existing = [
      name('20240101-080000'), // pruned: January has a later one
      name('20240131-180000'), // last of January
      name('20240520-080000'), // within 30 days of 2024-06-15 (26 days)
      name('20240515-080000'), // 31 days ago, not last of May: pruned
    ];
    const foreign = ['工作总结.docx', 'xinfang-backup-20240101-080000.json.old', 'readme.txt'];
    for (const file of [...existing, ...foreign]) await writeFile(path.join(folder, file), 'old');
    // A folder named like a backup is not a backup file.
    await mkdir(path.join(folder, name('20230101-080000')));

    const fileName = name('20240615-120000');
    const data = new TextEncoder().encode('{"tables":[]}');
    const result = await writeBackup({ fileName, data }, on(2024, 6, 15));

    expect(result.path).toBe(path.join(folder, fileName));
    expect(result.removed).toEqual([name('20240101-080000'), name('20240515-080000')]);
    expect(await readFile(result.path, 'utf8')).toBe('{"tables":[]}');
    const left = (await readdir(folder)).sort();
    expect(left).toEqual(
      [
        ...foreign,
        name('20230101-080000'),
        name('20240131-180000'),
        name('20240520-080000'),
        fileName,
      ].sort(),
    );
    expect(left.some((file) => file.endsWith('.tmp'))).toBe(false);
  });

  it('never prunes the backup it has just written, whatever its name says', async () => {
    const fileName = name('20200110-080000');
    const result = await writeBackup({ fileName, data: new Uint8Array([1]) }, on(2024, 6, 15));
    expect(result.removed).toEqual([]);
    await writeBackup({ fileName: name('20200105-080000'), data: new Uint8Array([2]) }, on(2024, 6, 15));
    const left = await readdir(path.join(documents, BACKUP_FOLDER_NAME));
    expect(left).toContain(fileName);
  });

  it('explains in Chinese when the backup folder cannot be written', async () => {
    const blocker = path.join(root, 'not-a-folder');
    await writeFile(blocker, 'a file where the folder should be');
    await setBackupFolder(path.join(blocker, '备份'));
    await expect(
      writeBackup({ fileName: name('20240615-120000'), data: new Uint8Array([1]) }, on(2024, 6, 15)),
    ).rejects.toThrow(/无法写入备份文件夹.*not-a-folder/);
  });

  it('lists only our backups, newest first', async () => {
    const folder = path.join(documents, BACKUP_FOLDER_NAME);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, name('20240101-080000')), 'a');
    await writeFile(path.join(folder, name('20240201-080000')), 'bb');
    await writeFile(path.join(folder, 'notes.txt'), 'x');
    const listing = await listBackups();
    expect(listing.folder).toBe(folder);
    expect(listing.files.map((file) => [file.name, file.size])).toEqual([
      [name('20240201-080000'), 2],
      [name('20240101-080000'), 1],
    ]);
    expect(listing.files.every((file) => !Number.isNaN(Date.parse(file.modifiedAt)))).toBe(true);
  });

  it('lists nothing (rather than failing) before the first backup', async () => {
    await expect(listBackups()).resolves.toEqual({
      folder: path.join(documents, BACKUP_FOLDER_NAME),
      files: [],
    });
  });

  it('only ever names files the pattern recognises', () => {
    expect(BACKUP_FILE_PATTERN.test(name('20240615-120000'))).toBe(true);
  });
});
