import { afterEach, describe, expect, it, vi } from 'vitest';

import { platform } from '../platform';

import { forgetHub, forwardedHubUrl, HUB_HEADER, HUB_REFUSED, hubAccess, hubFetch } from './hubAccess';
import type { FetchLike } from './hubAccess';

const HUB = 'http://192.168.1.10:5984';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('forwardedHubUrl', () => {
  it.each([
    [`${HUB}/`, 'app://app/__hub__/'],
    [HUB, 'app://app/__hub__/'],
    [`${HUB}/xinfang/`, 'app://app/__hub__/xinfang/'],
    [
      `${HUB}/xinfang/_changes?style=all_docs&feed=longpoll&heartbeat=10000&since=0`,
      'app://app/__hub__/xinfang/_changes?style=all_docs&feed=longpoll&heartbeat=10000&since=0',
    ],
    [`${HUB}/xinfang/_local/Xyz%2Fa`, 'app://app/__hub__/xinfang/_local/Xyz%2Fa'],
    [`${HUB}/xinfang/_design/xinfang`, 'app://app/__hub__/xinfang/_design/xinfang'],
  ])('sends %s to %s', (url, forwarded) => {
    expect(forwardedHubUrl(url, HUB)).toBe(forwarded);
  });

  it.each([
    'http://192.168.1.11:5984/xinfang',
    'https://192.168.1.10:5984/xinfang',
    'http://192.168.1.10/xinfang',
    'http://admin:x@192.168.1.10:5984/xinfang',
    'app://app/index.html',
    'xinfang',
  ])('leaves %s alone (null)', (url) => {
    expect(forwardedHubUrl(url, HUB)).toBeNull();
  });

  it('takes another base', () => {
    expect(forwardedHubUrl(`${HUB}/xinfang`, HUB, 'app://app/x')).toBe('app://app/x/xinfang');
  });
});

describe('hubFetch', () => {
  it("rewrites the hub's URLs and passes the request on unchanged", async () => {
    const sent: [string, RequestInit | undefined][] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      sent.push([url, init]);
      return new Response('{}');
    };
    const init = { method: 'PUT', headers: { Authorization: 'Basic eA==' }, body: '{}' };
    await hubFetch(HUB, fetchImpl)(`${HUB}/xinfang/doc`, init);
    expect(sent).toHaveLength(1);
    const [[url, passed]] = sent;
    expect(url).toBe('app://app/__hub__/xinfang/doc');
    expect(passed).toMatchObject({ method: 'PUT', body: '{}' });
    // the hub it is meant for goes along, for main to check
    expect([...(passed?.headers as Headers).entries()]).toEqual([
      ['authorization', 'Basic eA=='],
      [HUB_HEADER, HUB],
    ]);
  });

  it('never sends a request for another address (a network error)', async () => {
    const fetchImpl = vi.fn<FetchLike>();
    await expect(hubFetch(HUB, fetchImpl)('http://evil.test/xinfang')).rejects.toThrow(TypeError);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe('hubAccess', () => {
  it('in the browser mode: direct, and main is not asked', async () => {
    const set = vi.spyOn(platform, 'setSyncHub');
    const access = await hubAccess(HUB, false);
    expect(access).toMatchObject({ origin: HUB, forwarded: false });
    expect(set).not.toHaveBeenCalled();
    await forgetHub(false);
    expect(set).not.toHaveBeenCalled();
  });

  it('in the desktop app: tells main the hub first, then goes through app://app/__hub__', async () => {
    const set = vi.spyOn(platform, 'setSyncHub').mockResolvedValue({ ok: true });
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    const access = await hubAccess(HUB, true);
    expect(set).toHaveBeenCalledExactlyOnceWith({ url: HUB });
    expect(access).toMatchObject({ origin: HUB, forwarded: true });
    await access.fetch(`${HUB}/xinfang`, { method: 'GET' });
    expect(fetchSpy).toHaveBeenCalledExactlyOnceWith(
      'app://app/__hub__/xinfang',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('in the desktop app: fails when main refuses the address', async () => {
    vi.spyOn(platform, 'setSyncHub').mockResolvedValue({ ok: false });
    await expect(hubAccess(HUB, true)).rejects.toThrow(HUB_REFUSED);
  });

  it('in the desktop app: sync off makes main forget the hub', async () => {
    const set = vi.spyOn(platform, 'setSyncHub').mockResolvedValue({ ok: true });
    await forgetHub(true);
    expect(set).toHaveBeenCalledExactlyOnceWith({ url: '' });
  });
});
