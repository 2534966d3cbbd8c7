import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  fakeDialog,
  fakeElectron,
  fakePaths,
  FakeBrowserWindow,
  FakeWebContents,
  invokeEvent,
} from '../test-support/fake-electron';

import { appInfo, openDataFolder } from './app-info';
import { filtersFor, saveFile } from './files';
import { printPage, savePdf } from './print';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

let root: string;

beforeEach(async () => {
  vi.clearAllMocks();
  root = await mkdtemp(path.join(tmpdir(), 'xinfang-files-test-'));
  fakePaths.documents = path.join(root, 'Documents');
  fakePaths.userData = path.join(root, 'userData');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('file:save', () => {
  it('asks where to save, starting in Documents with the suggested name, then writes the bytes', async () => {
    const target = path.join(root, '信访登记簿.xlsx');
    fakeDialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const owner = new FakeBrowserWindow({});
    FakeBrowserWindow.fromWebContents.mockReturnValueOnce(owner);

    const result = await saveFile(
      { suggestedName: '信访登记簿.xlsx', data: new Uint8Array([80, 75, 3, 4]) },
      invokeEvent('app://app/'),
    );

    expect(result).toEqual({ saved: true, path: target });
    expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
    const [dialogOwner, options] = fakeDialog.showSaveDialog.mock.calls[0] as [
      unknown,
      Record<string, unknown>,
    ];
    expect(dialogOwner).toBe(owner);
    expect(options).toMatchObject({
      defaultPath: path.join(fakePaths.documents, '信访登记簿.xlsx'),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
  });

  it('writes nothing when the user cancels', async () => {
    fakeDialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(
      saveFile({ suggestedName: 'a.xlsx', data: new Uint8Array() }, invokeEvent('app://app/')),
    ).resolves.toEqual({
      saved: false,
    });
  });

  it('uses the filters the page gives, else one derived from the extension', () => {
    expect(filtersFor('a.csv', [{ name: '表格', extensions: ['csv', 'txt'] }])).toEqual([
      { name: '表格', extensions: ['csv', 'txt'] },
    ]);
    expect(filtersFor('通知.docx')).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    expect(filtersFor('无扩展名')).toEqual([]);
  });
});

describe('print', () => {
  it('opens the system print dialog with background graphics and the page size', async () => {
    const contents = new FakeWebContents();
    await expect(printPage(contents as never, { pageSize: 'A5', landscape: true })).resolves.toEqual({
      ok: true,
    });
    expect(contents.print).toHaveBeenCalledWith(
      { silent: false, printBackground: true, pageSize: 'A5', landscape: true },
      expect.any(Function),
    );
  });

  it('reports a cancelled print job in Chinese', async () => {
    const contents = new FakeWebContents();
    contents.print.mockImplementationOnce((_options, callback) => callback?.(false, 'Print job canceled'));
    await expect(printPage(contents as never, {})).resolves.toEqual({ ok: false, error: '已取消打印' });
    expect(contents.print.mock.calls[0][0]).toMatchObject({ pageSize: 'A4', landscape: false });
  });

  it('saves a PDF where the user chooses, adding .pdf to the name', async () => {
    const target = path.join(root, '请假单.pdf');
    fakeDialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const contents = new FakeWebContents();
    const result = await savePdf(
      { suggestedName: '请假单', pageSize: 'A4', landscape: false },
      invokeEvent('app://app/', contents),
    );
    expect(result).toEqual({ saved: true, path: target });
    expect(contents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(fakeDialog.showSaveDialog.mock.calls[0][0]).toMatchObject({
      defaultPath: path.join(fakePaths.documents, '请假单.pdf'),
      filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
    });
  });

  it('does not render a PDF when the save dialog is cancelled', async () => {
    const contents = new FakeWebContents();
    await expect(savePdf({ suggestedName: 'x.pdf' }, invokeEvent('app://app/', contents))).resolves.toEqual({
      saved: false,
    });
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });
});

describe('app handlers', () => {
  it('describes the desktop app', () => {
    expect(appInfo()).toEqual({
      mode: 'desktop',
      version: '0.1.0',
      platform: process.platform,
      dataPath: fakePaths.userData,
    });
  });

  it('opens the data folder in the file manager', async () => {
    await expect(openDataFolder()).resolves.toEqual({ ok: true });
    expect(fakeElectron.shell.openPath).toHaveBeenCalledWith(fakePaths.userData);
    fakeElectron.shell.openPath.mockResolvedValueOnce('Failed to open path');
    await expect(openDataFolder()).resolves.toEqual({ ok: false });
  });
});
