import { describe, expect, it } from 'vitest';

import { APP_ENTRY_URL, APP_ORIGIN, devRendererUrl, isAppUrl } from './origin';

describe('isAppUrl', () => {
  it('recognises the app scheme and host', () => {
    expect(APP_ORIGIN).toBe('app://app');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://app/assets/index-abc.js')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'file:///C:/app/index.html',
    'http://evil.test/',
    'about:blank',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('accepts the dev server origin only when one is given', () => {
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5173/x')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/x', 'http://localhost:5173/')).toBe(false);
  });
});

describe('devRendererUrl', () => {
  it('uses the electron-vite dev server URL in development', () => {
    expect(devRendererUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devRendererUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
  });

  it('ignores it in the packaged app', () => {
    expect(devRendererUrl('http://localhost:5173', true)).toBeUndefined();
  });

  it('never accepts a remote or non-http address', () => {
    expect(devRendererUrl('https://evil.example.com/', false)).toBeUndefined();
    expect(devRendererUrl('file:///tmp/index.html', false)).toBeUndefined();
    expect(devRendererUrl('garbage', false)).toBeUndefined();
    expect(devRendererUrl(undefined, false)).toBeUndefined();
  });
});
