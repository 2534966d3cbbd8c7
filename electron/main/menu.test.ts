import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeApp, fakeElectron, FakeBrowserWindow } from '../test-support/fake-electron';

import { installMenu, menuTemplate } from './menu';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

const callbacks = () => ({ onPrint: vi.fn(), onAbout: vi.fn(), onOpenDataFolder: vi.fn() });

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const HAS_CJK = /[\u4e00-\u9fff]/;

describe('menuTemplate', () => {
  it('has the four Chinese top-level menus', () => {
    expect(menuTemplate({ isPackaged: true, ...callbacks() }).map((item) => item.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '帮助',
    ]);
  });

  it('labels every item in Chinese', () => {
    const labelled = items(menuTemplate({ isPackaged: false, ...callbacks() })).filter(
      (item) => item.type !== 'separator',
    );
    expect(labelled.length).toBeGreaterThan(15);
    for (const item of labelled) expect(item.label).toMatch(HAS_CJK);
    expect(labelled.map((item) => item.label)).toEqual(
      expect.arrayContaining([
        '打印…',
        '退出',
        '撤销',
        '重做',
        '剪切',
        '复制',
        '粘贴',
        '全选',
        '重新加载',
        '实际大小',
        '放大',
        '缩小',
        '全屏',
        '关于',
        '打开数据文件夹',
      ]),
    );
  });

  it('has no developer tools in the packaged app', () => {
    const all = items(menuTemplate({ isPackaged: true, ...callbacks() }));
    expect(all.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(all.some((item) => item.label === '开发者工具')).toBe(false);
  });

  it('offers developer tools while developing', () => {
    const devTools = items(menuTemplate({ isPackaged: false, ...callbacks() })).find(
      (item) => item.role === 'toggleDevTools',
    );
    expect(devTools?.label).toBe('开发者工具');
  });

  it('prints with Ctrl+P through the given callback, and wires About and the data folder', () => {
    const handlers = callbacks();
    const all = items(menuTemplate({ isPackaged: true, ...handlers }));
    const print = all.find((item) => item.label === '打印…');
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    print?.click?.({} as never, undefined, {} as never);
    expect(handlers.onPrint).toHaveBeenCalledOnce();
    all.find((item) => item.label === '关于')?.click?.({} as never, undefined, {} as never);
    expect(handlers.onAbout).toHaveBeenCalledOnce();
    all.find((item) => item.label === '打开数据文件夹')?.click?.({} as never, undefined, {} as never);
    expect(handlers.onOpenDataFolder).toHaveBeenCalledOnce();
  });

  it('uses the native roles for edit and view commands', () => {
    const roles = items(menuTemplate({ isPackaged: true, ...callbacks() }))
      .map((item) => item.role)
      .filter(Boolean);
    expect(roles).toEqual([
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'reload',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });
});

describe('installMenu', () => {
  beforeEach(() => vi.clearAllMocks());

  it('installs the packaged menu and prints the focused window locally', () => {
    fakeApp.isPackaged = true;
    installMenu();
    const template = fakeElectron.Menu.buildFromTemplate.mock.calls[0][0] as MenuItemConstructorOptions[];
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(items(template).some((item) => item.role === 'toggleDevTools')).toBe(false);

    const focused = new FakeBrowserWindow({});
    FakeBrowserWindow.getFocusedWindow.mockReturnValueOnce(focused);
    items(template)
      .find((item) => item.label === '打印…')
      ?.click?.({} as never, undefined, {} as never);
    expect(focused.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true });
  });

  it('shows the version in the About box', async () => {
    installMenu();
    const template = fakeElectron.Menu.buildFromTemplate.mock.calls[0][0] as MenuItemConstructorOptions[];
    items(template)
      .find((item) => item.label === '关于')
      ?.click?.({} as never, undefined, {} as never);
    await vi.waitFor(() => expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalled());
    expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        message: '信访局机关事务管理系统',
        detail: expect.stringContaining('版本 0.1.0'),
      }),
    );
  });
});
