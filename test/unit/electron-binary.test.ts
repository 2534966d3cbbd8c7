import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { describe, expect, it, vi } from 'vitest';

import { findElectronBinary, MISSING_ELECTRON_MESSAGE } from '../../scripts/electron-binary.mjs';

describe('findElectronBinary (npm start)', () => {
  it('returns the binary path when require("electron") names a file that exists', () => {
    const existsSync = vi.fn(() => true);
    expect(
      findElectronBinary({ require: () => '/repo/node_modules/electron/dist/electron', existsSync }),
    ).toBe('/repo/node_modules/electron/dist/electron');
    expect(existsSync).toHaveBeenCalledWith('/repo/node_modules/electron/dist/electron');
  });

  it('returns null when require("electron") throws (no dist/, no path.txt)', () => {
    const failingRequire = () => {
      throw new Error(
        'Electron failed to install correctly, please delete node_modules/electron and try installing again',
      );
    };
    expect(findElectronBinary({ require: failingRequire, existsSync: () => true })).toBeNull();
  });

  it('returns null when the named binary is not on disk', () => {
    expect(
      findElectronBinary({
        require: () => '/repo/node_modules/electron/dist/electron',
        existsSync: () => false,
      }),
    ).toBeNull();
  });

  it('returns null for anything but a path string', () => {
    expect(findElectronBinary({ require: () => ({}), existsSync: () => true })).toBeNull();
    expect(findElectronBinary({ require: () => '', existsSync: () => true })).toBeNull();
  });

  it('agrees with this machine when run for real', () => {
    const found = findElectronBinary();
    expect(found === null || existsSync(found)).toBe(true);
  });
});

describe('the missing-Electron message', () => {
  it('says what is missing, why, how to get it, and the browser alternative, in Chinese and English', () => {
    expect(MISSING_ELECTRON_MESSAGE).toContain('未安装 Electron');
    expect(MISSING_ELECTRON_MESSAGE).toContain('Electron binary is not installed');
    expect(MISSING_ELECTRON_MESSAGE).toContain('ELECTRON_MIRROR');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm rebuild electron');
    expect(MISSING_ELECTRON_MESSAGE).toContain('node node_modules/electron/install.js');
    expect(MISSING_ELECTRON_MESSAGE).toContain('node_modules/electron/dist');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm run start:web');
    expect(MISSING_ELECTRON_MESSAGE).toContain('http://127.0.0.1:5199/');
  });

  it('is what `npm start` prints, exiting 1 without a stack trace, when Electron is absent', () => {
    if (findElectronBinary() !== null) return; // Electron installed here: npm start would launch it.
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run start:web');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
