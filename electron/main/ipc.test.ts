import { beforeEach, describe, expect, it, vi } from 'vitest';

import { IPC_CHANNELS } from '../../shared/ipc';
import type { IpcChannel } from '../../shared/ipc';
import { fakeIpcMain, invokeEvent } from '../test-support/fake-electron';

import {
  createIpcDispatcher,
  isTrustedSender,
  MAX_ATTACHMENT_BYTES,
  registerIpc,
  validateRequest,
} from './ipc';
import type { IpcHandlers } from './ipc';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

function fakeHandlers(): IpcHandlers {
  return {
    'file:save': vi.fn(async () => ({ saved: true, path: '/x' })),
    'print:show-dialog': vi.fn(async () => ({ ok: true })),
    'print:save-pdf': vi.fn(async () => ({ saved: false })),
    'backup:write': vi.fn(async () => ({ path: '/b', removed: [] })),
    'backup:choose-folder': vi.fn(async () => ({ folder: null })),
    'backup:get-folder': vi.fn(async () => ({ folder: '/b' })),
    'backup:list': vi.fn(async () => ({ folder: '/b', files: [] })),
    'app:open-data-folder': vi.fn(async () => ({ ok: true })),
    'app:info': vi.fn(() => ({ mode: 'desktop' as const, version: '0.1.0', platform: 'linux' })),
    'attachment:open': vi.fn(async () => ({ opened: true })),
    'sync:set-hub': vi.fn(() => ({ ok: true })),
  };
}

const bytes = new Uint8Array([1, 2, 3]);
const APP_PAGE = 'app://app/index.html';

describe('isTrustedSender', () => {
  it('trusts the app origin', () => {
    expect(isTrustedSender('app://app/index.html')).toBe(true);
    expect(isTrustedSender('app://app/#/backup')).toBe(true);
  });

  it.each([
    ['a file:// page', 'file:///C:/Users/x/index.html'],
    ['a remote page', 'http://evil.test/'],
    ['https remote', 'https://app/'],
    ['another app:// host', 'app://evil/index.html'],
    ['a blank frame', 'about:blank'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
    ['no URL at all', undefined],
  ])('refuses %s', (_what, url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('trusts the dev server only when it is the dev server', () => {
    expect(isTrustedSender('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSender('http://localhost:5173/')).toBe(false);
    expect(isTrustedSender('http://evil.test/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('validateRequest', () => {
  it('rejects a channel outside the contract', () => {
    expect(() => validateRequest('fs:read' as IpcChannel, {})).toThrow(/unknown channel/);
  });

  it('accepts a well-formed save request and sanitises the suggested name', () => {
    const req = validateRequest('file:save', {
      suggestedName: '../../Windows/System32/信访登记簿:2024?.xlsx',
      data: bytes,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    expect(req.suggestedName).toBe('_.._Windows_System32_信访登记簿_2024_.xlsx');
    expect(req.suggestedName).not.toMatch(/[/\\:]/);
    expect(req.data).toBe(bytes);
    expect(req.filters).toEqual([{ name: 'Excel', extensions: ['xlsx'] }]);
  });

  it.each<[string, unknown]>([
    ['no request', undefined],
    ['a string', 'report.xlsx'],
    ['an array', []],
    ['data as a plain array', { suggestedName: 'a.xlsx', data: [1, 2, 3] }],
    ['data as a string', { suggestedName: 'a.xlsx', data: 'AAEC' }],
    ['data missing', { suggestedName: 'a.xlsx' }],
    ['a numeric name', { suggestedName: 42, data: bytes }],
    ['an empty name', { suggestedName: '', data: bytes }],
    ['an unexpected field', { suggestedName: 'a.xlsx', data: bytes, path: '/etc/passwd' }],
    ['filters not an array', { suggestedName: 'a.xlsx', data: bytes, filters: 'xlsx' }],
    [
      'a filter extension with a dot',
      { suggestedName: 'a.xlsx', data: bytes, filters: [{ name: 'x', extensions: ['.xlsx'] }] },
    ],
  ])('rejects a save request with %s', (_what, req) => {
    expect(() => validateRequest('file:save', req)).toThrow();
  });

  it('accepts print requests and rejects bad page sizes and flags', () => {
    expect(validateRequest('print:show-dialog', {})).toEqual({});
    expect(
      validateRequest('print:show-dialog', { pageSize: 'A5', landscape: true, title: '请假单' }),
    ).toEqual({
      pageSize: 'A5',
      landscape: true,
      title: '请假单',
    });
    expect(validateRequest('print:show-dialog', { pageSize: 'A3', landscape: true })).toEqual({
      pageSize: 'A3',
      landscape: true,
    });
    expect(() => validateRequest('print:show-dialog', { pageSize: 'Letter' })).toThrow(/pageSize/);
    expect(() => validateRequest('print:show-dialog', { landscape: 'yes' })).toThrow(/landscape/);
    expect(() => validateRequest('print:show-dialog', { silent: true })).toThrow(/unexpected/);
  });

  it('requires and sanitises the PDF name', () => {
    expect(validateRequest('print:save-pdf', { suggestedName: 'a/b.pdf', pageSize: 'A4' })).toEqual({
      suggestedName: 'a_b.pdf',
      pageSize: 'A4',
    });
    expect(() => validateRequest('print:save-pdf', { pageSize: 'A4' })).toThrow(/suggestedName/);
  });

  it('accepts a backup named by the backup pattern', () => {
    const req = validateRequest('backup:write', {
      fileName: 'xinfang-backup-20240131-235959.json',
      data: bytes,
    });
    expect(req).toEqual({ fileName: 'xinfang-backup-20240131-235959.json', data: bytes });
  });

  it.each([
    '../xinfang-backup-20240131-235959.json',
    '..\\xinfang-backup-20240131-235959.json',
    'sub/xinfang-backup-20240131-235959.json',
    '/etc/xinfang-backup-20240131-235959.json',
    'C:\\xinfang-backup-20240131-235959.json',
    '..',
    'notes.txt',
    'xinfang-backup-latest.json',
    'xinfang-backup-20240131-235959.json\u0000.exe',
  ])('rejects the backup file name %j', (fileName) => {
    expect(() => validateRequest('backup:write', { fileName, data: bytes })).toThrow(/fileName/);
  });

  it('rejects a backup whose data is not bytes', () => {
    expect(() =>
      validateRequest('backup:write', { fileName: 'xinfang-backup-20240131-235959.json', data: '{}' }),
    ).toThrow(/Uint8Array/);
  });

  it('accepts an attachment to open only under a sanitised image or PDF name', () => {
    expect(validateRequest('attachment:open', { name: 'a/来信.pdf', data: bytes })).toEqual({
      name: 'a_来信.pdf',
      data: bytes,
    });
    expect(validateRequest('attachment:open', { name: '照片.JPG', data: bytes }).name).toBe('照片.JPG');
    for (const name of ['setup.exe', 'a.pdf.lnk', 'noext', 'a.docx', '']) {
      expect(() => validateRequest('attachment:open', { name, data: bytes })).toThrow(/name/);
    }
    expect(() => validateRequest('attachment:open', { name: 'a.pdf' })).toThrow(/Uint8Array/);
    expect(() =>
      validateRequest('attachment:open', { name: 'a.pdf', data: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) }),
    ).toThrow(/at most/);
  });

  it('accepts the sync hub as a string of at most 500 characters, empty to forget it', () => {
    expect(validateRequest('sync:set-hub', { url: 'http://192.168.1.10:5984' })).toEqual({
      url: 'http://192.168.1.10:5984',
    });
    expect(validateRequest('sync:set-hub', { url: '' })).toEqual({ url: '' });
    expect(() => validateRequest('sync:set-hub', {})).toThrow(/url must be a string/);
    expect(() => validateRequest('sync:set-hub', { url: 5984 })).toThrow(/url must be a string/);
    expect(() => validateRequest('sync:set-hub', { url: `http://${'a'.repeat(500)}` })).toThrow(/at most/);
    expect(() => validateRequest('sync:set-hub', { url: 'http://x', via: 'y' })).toThrow(/unexpected/);
    expect(() => validateRequest('sync:set-hub', 'http://x')).toThrow(/plain object/);
  });

  it('accepts nothing but an empty request on the argument-less channels', () => {
    for (const channel of [
      'backup:choose-folder',
      'backup:get-folder',
      'backup:list',
      'app:open-data-folder',
      'app:info',
    ] as const) {
      expect(validateRequest(channel, {})).toEqual({});
      expect(validateRequest(channel, undefined)).toEqual({});
      expect(() => validateRequest(channel, { folder: '/tmp' })).toThrow(/unexpected/);
      expect(() => validateRequest(channel, 'x')).toThrow(/plain object/);
    }
  });
});

describe('createIpcDispatcher', () => {
  let handlers: IpcHandlers;
  let dispatch: ReturnType<typeof createIpcDispatcher>;

  beforeEach(() => {
    handlers = fakeHandlers();
    dispatch = createIpcDispatcher(handlers);
  });

  it('rejects an unknown channel', async () => {
    await expect(
      dispatch('shell:open-external', invokeEvent(APP_PAGE), { url: 'https://x' }),
    ).rejects.toThrow(/unknown channel/);
  });

  it.each([
    ['a file:// page', 'file:///tmp/evil.html'],
    ['a remote page', 'http://evil.test/'],
    ['a look-alike host', 'app://app.evil.test/index.html'],
  ])('rejects a request from %s without calling the handler', async (_what, frameUrl) => {
    await expect(dispatch('app:info', invokeEvent(frameUrl), {})).rejects.toThrow(/not a page of this app/);
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it.each([
    ['a remote page', 'http://192.168.1.10:5984/_utils/'],
    ['a file:// page', 'file:///tmp/evil.html'],
    ['a frame that is gone', null],
  ])('refuses to set the sync hub for %s', async (_what, frameUrl) => {
    await expect(
      dispatch('sync:set-hub', invokeEvent(frameUrl), { url: 'http://evil.test:5984' }),
    ).rejects.toThrow(/not a page of this app/);
    expect(handlers['sync:set-hub']).not.toHaveBeenCalled();
  });

  it('rejects a request whose frame is gone', async () => {
    await expect(dispatch('app:info', invokeEvent(null), {})).rejects.toThrow(/not a page of this app/);
  });

  it('rejects a badly shaped request without calling the handler', async () => {
    await expect(
      dispatch('backup:write', invokeEvent(APP_PAGE), { fileName: '../evil.json', data: bytes }),
    ).rejects.toThrow(/fileName/);
    expect(handlers['backup:write']).not.toHaveBeenCalled();
  });

  it('passes a trusted, valid request to its handler and returns the answer', async () => {
    const event = invokeEvent(APP_PAGE);
    const result = await dispatch('file:save', event, { suggestedName: '台账.xlsx', data: bytes });
    expect(result).toEqual({ saved: true, path: '/x' });
    expect(handlers['file:save']).toHaveBeenCalledWith({ suggestedName: '台账.xlsx', data: bytes }, event);
  });

  it('accepts the dev server as sender in development', async () => {
    const devDispatch = createIpcDispatcher(handlers, { devUrl: 'http://localhost:5173/' });
    await expect(devDispatch('app:info', invokeEvent('http://localhost:5173/'), {})).resolves.toMatchObject({
      mode: 'desktop',
    });
  });
});

describe('registerIpc', () => {
  beforeEach(() => vi.clearAllMocks());

  it('registers exactly the contract channels, each going through the checks', async () => {
    const handlers = fakeHandlers();
    const dispose = registerIpc(handlers);
    const registered = fakeIpcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect(registered).toEqual([...IPC_CHANNELS]);

    const listeners = new Map(
      fakeIpcMain.handle.mock.calls as [string, (event: unknown, ...args: unknown[]) => unknown][],
    );
    await expect(listeners.get('app:info')?.(invokeEvent('http://evil.test/'), {})).rejects.toThrow(
      /not a page/,
    );
    await expect(listeners.get('app:info')?.(invokeEvent(APP_PAGE), {})).resolves.toMatchObject({
      mode: 'desktop',
    });
    expect(() => listeners.get('app:info')?.(invokeEvent(APP_PAGE), {}, 'extra')).toThrow(/single request/);

    dispose();
    expect(fakeIpcMain.removeHandler.mock.calls.map(([channel]) => channel as string)).toEqual([
      ...IPC_CHANNELS,
    ]);
  });
});
