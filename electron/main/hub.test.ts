import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeHubSession } from '../test-support/fake-electron';

import {
  createHubForwarder,
  forwardToHub,
  hardenHubSession,
  HUB_HEADER,
  hubHandlers,
  hubTargetUrl,
  isHubRequest,
  setSyncHub,
  syncHubOrigin,
} from './hub';
import type { HubFetch } from './hub';
import { createAppProtocolHandler } from './protocol';

vi.mock('electron', async () => (await import('../test-support/fake-electron')).fakeElectron);

const HUB = 'http://192.168.1.10:5984';

type Sent = { url: string; init: RequestInit };

// A hub that records what reached it and answers with `answer`.
function fakeHub(answer: () => Response = () => Response.json({ ok: true })) {
  const sent: Sent[] = [];
  const fetchImpl = vi.fn<HubFetch>(async (url, init) => {
    sent.push({ url, init });
    return answer();
  });
  return { sent, fetchImpl };
}

afterEach(() => {
  setSyncHub('');
});

describe('setSyncHub', () => {
  it('keeps only the origin of a plain http(s)://host[:port]', () => {
    expect(setSyncHub('http://192.168.1.10:5984/')).toBe(true);
    expect(syncHubOrigin()).toBe(HUB);
    expect(setSyncHub('https://hub.office.lan')).toBe(true);
    expect(syncHubOrigin()).toBe('https://hub.office.lan');
  });

  it.each([
    'ftp://192.168.1.10',
    'http://admin:secret@192.168.1.10:5984',
    'http://192.168.1.10:5984/xinfang',
    'http://192.168.1.10:5984/?a=1',
    'http://*.lan:5984',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s and forgets the hub it had', (url) => {
    setSyncHub(HUB);
    expect(setSyncHub(url)).toBe(false);
    expect(syncHubOrigin()).toBeNull();
  });

  it("forgets the hub on '' (sync switched off)", () => {
    setSyncHub(HUB);
    expect(setSyncHub('')).toBe(true);
    expect(syncHubOrigin()).toBeNull();
  });

  it("answers on 'sync:set-hub'", async () => {
    expect(await hubHandlers['sync:set-hub']({ url: HUB }, {} as never)).toEqual({ ok: true });
    expect(syncHubOrigin()).toBe(HUB);
    expect(await hubHandlers['sync:set-hub']({ url: 'javascript:alert(1)' }, {} as never)).toEqual({
      ok: false,
    });
    expect(syncHubOrigin()).toBeNull();
  });
});

describe('hubTargetUrl', () => {
  it.each([
    ['app://app/__hub__', `${HUB}/`],
    ['app://app/__hub__/', `${HUB}/`],
    ['app://app/__hub__/xinfang', `${HUB}/xinfang`],
    [
      'app://app/__hub__/xinfang/_changes?feed=longpoll&since=12-abc&heartbeat=10000',
      `${HUB}/xinfang/_changes?feed=longpoll&since=12-abc&heartbeat=10000`,
    ],
    ['app://app/__hub__/xinfang/_local/abc%2Bdef', `${HUB}/xinfang/_local/abc%2Bdef`],
    // an encoded slash stays inside the document ID, on the hub
    ['app://app/__hub__/xinfang/a%2Fb', `${HUB}/xinfang/a%2Fb`],
  ])('sends %s to %s', (url, target) => {
    expect(hubTargetUrl(url, HUB)).toBe(target);
  });

  it.each([
    'app://app/index.html',
    'app://app/__hub__x/xinfang',
    'app://app/hub/xinfang',
    'app://evil/__hub__/xinfang',
    'http://app/__hub__/xinfang',
    'app://app/__hub__/%2e%2e/%2e%2e/etc/passwd',
    'app://app/__hub__/xinfang/..%2f..%2f',
    'app://app/__hub__/%5c%5cevil.test/x',
    'app://app/__hub__/x\\y',
    'app://app/__hub__/x%00y',
    'app://app/__hub__/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(hubTargetUrl(url, HUB)).toBeNull();
  });

  it.each([
    'app://app/__hub__//evil.test/x',
    'app://app/__hub__/@evil.test/x',
    'app://app/__hub__/http://evil.test/x',
    'app://app/__hub__/%2F%2Fevil.test/x',
    'app://app/__hub__/xinfang?url=http://evil.test/',
    'app://app/__hub__/../__hub__/x',
    'app://app/__hub__/xinfang/%2E/x',
  ])('never leaves the hub for %s', (url) => {
    const target = hubTargetUrl(url, HUB);
    if (target !== null) expect(new URL(target).origin).toBe(HUB);
  });

  it('leaves "/__hub__/.." to the app files (not the hub)', () => {
    expect(isHubRequest('app://app/__hub__/../index.html')).toBe(false);
  });

  it('needs a plain hub origin', () => {
    expect(hubTargetUrl('app://app/__hub__/x', 'http://evil.test/path')).toBeNull();
    expect(hubTargetUrl('app://app/__hub__/x', 'http://user@evil.test')).toBeNull();
  });
});

describe('forwardToHub', () => {
  it('passes on the method, path, query, three headers and the body, and nothing else', async () => {
    const { sent, fetchImpl } = fakeHub();
    const request = new Request('app://app/__hub__/xinfang/_bulk_docs?new_edits=false', {
      method: 'POST',
      headers: {
        Authorization: 'Basic cGMxOnNlY3JldA==',
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Cookie: 'AuthSession=stolen',
        Origin: 'app://app',
        Referer: 'app://app/index.html',
        'X-Other': '1',
      },
      body: JSON.stringify({ docs: [{ _id: 'a' }] }),
    });
    const response = await forwardToHub(request, HUB, fetchImpl);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(sent).toHaveLength(1);
    const [{ url, init }] = sent;
    expect(url).toBe(`${HUB}/xinfang/_bulk_docs?new_edits=false`);
    expect(init.method).toBe('POST');
    expect(init.redirect).toBe('error');
    expect(init.credentials).toBe('omit');
    expect([...(init.headers as Headers).entries()]).toEqual([
      ['accept', 'application/json'],
      ['authorization', 'Basic cGMxOnNlY3JldA=='],
      ['content-type', 'application/json'],
    ]);
    expect(new TextDecoder().decode(init.body as ArrayBuffer)).toBe('{"docs":[{"_id":"a"}]}');
  });

  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'COPY'])('forwards %s', async (method) => {
    const { sent, fetchImpl } = fakeHub(() => new Response(null, { status: 200 }));
    await forwardToHub(new Request('app://app/__hub__/xinfang/doc', { method }), HUB, fetchImpl);
    expect(sent[0].init.method).toBe(method);
    expect(sent[0].init.body).toBeUndefined();
  });

  it('refuses other methods and never calls the hub for them', async () => {
    const { fetchImpl } = fakeHub();
    const response = await forwardToHub(
      new Request('app://app/__hub__/xinfang', { method: 'PATCH', body: 'x' }),
      HUB,
      fetchImpl,
    );
    expect(response.status).toBe(405);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('refuses a path outside /__hub__ or one that tries to leave the hub', async () => {
    const { fetchImpl } = fakeHub();
    for (const url of [
      'app://app/index.html',
      'app://app/__hub__/%2e%2e/_config',
      'app://app/__hub__/a%5cb',
    ]) {
      expect((await forwardToHub(new Request(url), HUB, fetchImpl)).status).toBe(403);
    }
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('refuses a request meant for another hub (never sends it on), and drops the header', async () => {
    const { sent, fetchImpl } = fakeHub();
    const other = await forwardToHub(
      new Request('app://app/__hub__/xinfang', { headers: { [HUB_HEADER]: 'http://192.168.1.11:5984' } }),
      HUB,
      fetchImpl,
    );
    expect(other.status).toBe(409);
    expect(fetchImpl).not.toHaveBeenCalled();
    const meant = await forwardToHub(
      new Request('app://app/__hub__/xinfang', { headers: { [HUB_HEADER]: HUB } }),
      HUB,
      fetchImpl,
    );
    expect(meant.status).toBe(200);
    expect([...(sent[0].init.headers as Headers).keys()]).toEqual([]);
  });

  it("gives back the hub's status, headers (not its cookies or encoding) and body", async () => {
    const { fetchImpl } = fakeHub(
      () =>
        new Response('{"error":"conflict"}', {
          status: 409,
          statusText: 'Conflict',
          headers: {
            'Content-Type': 'application/json',
            ETag: '"2-abc"',
            'Set-Cookie': 'AuthSession=x',
            'Content-Encoding': 'gzip',
            'Access-Control-Allow-Origin': '*',
          },
        }),
    );
    const response = await forwardToHub(
      new Request('app://app/__hub__/xinfang/doc', { method: 'PUT', body: '{}' }),
      HUB,
      fetchImpl,
    );
    expect(response.status).toBe(409);
    expect(response.statusText).toBe('Conflict');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('ETag')).toBe('"2-abc"');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(await response.text()).toBe('{"error":"conflict"}');
  });

  it('streams the body as it comes (a _changes long poll)', async () => {
    let push!: (text: string) => void;
    let end!: () => void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
        end = () => controller.close();
      },
    });
    const { fetchImpl } = fakeHub(
      () => new Response(stream, { headers: { 'Content-Type': 'application/json' } }),
    );
    const response = await forwardToHub(
      new Request('app://app/__hub__/xinfang/_changes?feed=longpoll'),
      HUB,
      fetchImpl,
    );
    const reader = response.body!.getReader();
    push('\n');
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('\n');
    push('{"results":[]}');
    end();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"results":[]}');
    expect((await reader.read()).done).toBe(true);
  });

  it('answers a bodyless status without a body', async () => {
    const { fetchImpl } = fakeHub(() => new Response(null, { status: 304 }));
    const response = await forwardToHub(new Request('app://app/__hub__/xinfang/doc'), HUB, fetchImpl);
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
  });

  it('turns a hub that cannot be reached into a network error, as a direct request would be', async () => {
    const fetchImpl = vi.fn<HubFetch>(async () => {
      throw new TypeError('net::ERR_CONNECTION_REFUSED');
    });
    const response = await forwardToHub(new Request('app://app/__hub__/'), HUB, fetchImpl);
    expect(response.type).toBe('error');
  });
});

describe('createHubForwarder', () => {
  it('answers 404 while no hub is set, and forwards once one is', async () => {
    const { sent, fetchImpl } = fakeHub();
    const forward = createHubForwarder(syncHubOrigin, fetchImpl);
    expect((await forward(new Request('app://app/__hub__/xinfang'))).status).toBe(404);
    expect(fetchImpl).not.toHaveBeenCalled();
    setSyncHub(HUB);
    expect((await forward(new Request('app://app/__hub__/xinfang'))).status).toBe(200);
    expect(sent.map((s) => s.url)).toEqual([`${HUB}/xinfang`]);
    setSyncHub('');
    expect((await forward(new Request('app://app/__hub__/xinfang'))).status).toBe(404);
  });
});

describe('the app:// protocol with the hub', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'xinfang-hub-test-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>信访</title>');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('sends /__hub__/… (any method) to the hub and everything else to the files', async () => {
    const { sent, fetchImpl } = fakeHub();
    setSyncHub(HUB);
    const handler = createAppProtocolHandler(root, createHubForwarder(syncHubOrigin, fetchImpl));
    const put = await handler(new Request('app://app/__hub__/xinfang', { method: 'PUT' }));
    expect(put.status).toBe(200);
    expect(sent.map((s) => [s.init.method, s.url])).toEqual([['PUT', `${HUB}/xinfang`]]);
    const page = await handler(new Request('app://app/index.html'));
    expect(await page.text()).toContain('信访');
    expect((await handler(new Request('app://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
    expect(sent).toHaveLength(1);
  });

  it('answers 404 for /__hub__/… while sync is off', async () => {
    const { fetchImpl } = fakeHub();
    const handler = createAppProtocolHandler(root, createHubForwarder(syncHubOrigin, fetchImpl));
    expect((await handler(new Request('app://app/__hub__/xinfang'))).status).toBe(404);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe('hardenHubSession', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    hardenHubSession(fakeHubSession as never);
  });

  it('grants no permission', () => {
    const request = fakeHubSession.setPermissionRequestHandler.mock.calls[0][0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    const check = fakeHubSession.setPermissionCheckHandler.mock.calls[0][0] as (
      ...args: unknown[]
    ) => boolean;
    expect(check({}, 'clipboard-read')).toBe(false);
    const device = fakeHubSession.setDevicePermissionHandler.mock.calls[0][0] as (
      ...args: unknown[]
    ) => boolean;
    expect(device({})).toBe(false);
  });

  it("lets a request reach the hub's origin only", () => {
    const listener = fakeHubSession.webRequest.onBeforeRequest.mock.calls[0][0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const cancelled = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return (callback.mock.calls[0][0] as { cancel: boolean }).cancel;
    };
    expect(cancelled(`${HUB}/xinfang`)).toBe(true); // no hub set
    setSyncHub(HUB);
    expect(cancelled(`${HUB}/xinfang/_changes?feed=longpoll`)).toBe(false);
    expect(cancelled('http://192.168.1.11:5984/xinfang')).toBe(true);
    expect(cancelled('https://192.168.1.10:5984/xinfang')).toBe(true);
    expect(cancelled('http://evil.test/')).toBe(true);
    expect(cancelled('not a url')).toBe(true);
  });
});
