import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeElectron, fakePaths, invokeEvent } from '../test-support/fake-electron';

import {
  ATTACHMENT_TEMP_FOLDER,
  attachmentHandlers,
  clearAttachmentCopies,
  openAttachment,
} from './attachments';
import { createIpcDispatcher } from './ipc';
import type { IpcHandlers } from './ipc';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

let root: string;
const scan = new Uint8Array([0x25, 0x50, 0x44, 0x46]); // %PDF
const APP_PAGE = 'app://app/index.html';

beforeEach(async () => {
  vi.clearAllMocks();
  root = await mkdtemp(path.join(tmpdir(), 'xinfang-attachments-test-'));
  fakePaths.temp = root;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// The channel as the page reaches it: sender check, request validation, then the handler.
const dispatch = createIpcDispatcher(attachmentHandlers as IpcHandlers);

describe('attachment:open', () => {
  it('writes a temporary copy in the app’s temp folder and has the operating system open it', async () => {
    await expect(
      dispatch('attachment:open', invokeEvent(APP_PAGE), { name: '来信扫描件.pdf', data: scan }),
    ).resolves.toEqual({
      opened: true,
    });
    expect(fakeElectron.shell.openPath).toHaveBeenCalledOnce();
    const opened = fakeElectron.shell.openPath.mock.calls[0][0];
    expect(path.dirname(path.dirname(opened))).toBe(path.join(root, ATTACHMENT_TEMP_FOLDER));
    expect(path.basename(opened)).toBe('来信扫描件.pdf');
    expect([...(await readFile(opened))]).toEqual([...scan]);
    if (process.platform !== 'win32') expect((await stat(opened)).mode & 0o077).toBe(0);
  });

  it('keeps two openings of files with the same name apart', async () => {
    await openAttachment({ name: '照片.jpg', data: scan });
    await openAttachment({ name: '照片.jpg', data: new Uint8Array([1]) });
    const [a, b] = fakeElectron.shell.openPath.mock.calls.map(([p]) => p);
    expect(a).not.toBe(b);
    expect(await readdir(path.join(root, ATTACHMENT_TEMP_FOLDER))).toHaveLength(2);
  });

  it('sanitises the name: no way out of the temp folder', async () => {
    await dispatch('attachment:open', invokeEvent(APP_PAGE), { name: '../../启动/evil.pdf', data: scan });
    const opened = fakeElectron.shell.openPath.mock.calls[0][0];
    expect(path.basename(opened)).toBe('_.._启动_evil.pdf');
    expect(opened.startsWith(path.join(root, ATTACHMENT_TEMP_FOLDER) + path.sep)).toBe(true);
  });

  it.each([
    ['a program', 'setup.exe'],
    ['a script', 'run.bat'],
    ['a Word document (macros)', '材料.docm'],
    ['a web page', 'page.html'],
    ['a disguised name', 'scan.pdf.exe'],
    ['a shortcut', 'a.pdf\u0000.lnk'],
  ])('refuses %s before writing anything', async (_what, name) => {
    await expect(dispatch('attachment:open', invokeEvent(APP_PAGE), { name, data: scan })).rejects.toThrow(
      /image or PDF/,
    );
    expect(fakeElectron.shell.openPath).not.toHaveBeenCalled();
    expect(existsSync(path.join(root, ATTACHMENT_TEMP_FOLDER))).toBe(false);
  });

  it('refuses a request from outside the app, or badly shaped, without calling the handler', async () => {
    await expect(
      dispatch('attachment:open', invokeEvent('http://evil.test/'), { name: 'a.pdf', data: scan }),
    ).rejects.toThrow(/not a page of this app/);
    await expect(
      dispatch('attachment:open', invokeEvent(APP_PAGE), { name: 'a.pdf', data: [1, 2] }),
    ).rejects.toThrow(/Uint8Array/);
    await expect(
      dispatch('attachment:open', invokeEvent(APP_PAGE), { name: 'a.pdf', data: scan, path: '/tmp/x' }),
    ).rejects.toThrow(/unexpected/);
    expect(fakeElectron.shell.openPath).not.toHaveBeenCalled();
  });

  it('refuses, in the handler too, a name that is not a bare image or PDF name', async () => {
    await expect(openAttachment({ name: 'x/../a.pdf', data: scan })).resolves.toMatchObject({
      opened: false,
    });
    await expect(openAttachment({ name: 'a.exe', data: scan })).resolves.toMatchObject({ opened: false });
    expect(fakeElectron.shell.openPath).not.toHaveBeenCalled();
  });

  it('reports in Chinese when no program opens the file', async () => {
    fakeElectron.shell.openPath.mockResolvedValueOnce('No application is associated');
    const result = await openAttachment({ name: '照片.png', data: scan });
    expect(result.opened).toBe(false);
    expect(result.error).toMatch(/^本机没有能打开此附件的程序.*No application is associated/);
  });

  it('reports when the copy cannot be written', async () => {
    fakePaths.temp = path.join(root, 'missing\u0000dir');
    const result = await openAttachment({ name: '照片.png', data: scan });
    expect(result).toMatchObject({ opened: false });
    expect(result.error).toMatch(/^无法生成附件的临时副本/);
  });

  it('removes every temporary copy', async () => {
    await openAttachment({ name: '照片.png', data: scan });
    expect(existsSync(path.join(root, ATTACHMENT_TEMP_FOLDER))).toBe(true);
    clearAttachmentCopies();
    expect(existsSync(path.join(root, ATTACHMENT_TEMP_FOLDER))).toBe(false);
    expect(() => clearAttachmentCopies()).not.toThrow();
  });
});
