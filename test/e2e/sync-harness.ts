// Several PCs of one office for the sync e2e files: a CouchDB-compatible hub on loopback
// (scripts/hub.mjs), the browser mode's server naming it in its Content-Security-Policy, and one
// browser whose contexts — each with its own IndexedDB — are the PCs.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

// @ts-expect-error plain .mjs helpers shared with the npm scripts
import { findChromium } from '../../scripts/find-chromium.mjs';
import { startHub } from '../../scripts/hub.mjs';
import type { Hub } from '../../scripts/hub.mjs';
import { serveStatic } from '../../scripts/serve.mjs';

import { ADMIN, containsText, openModule, openTab, visible } from './harness';

export type Office = {
  hub: Hub;
  // a new PC: its own browser context, at the app's first page
  openPc(): Promise<Page>;
};

// Registers the suite's hooks; the office is ready inside its tests.
export function officeSuite(): Office {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  const office = {
    hub: undefined as unknown as Hub,
    async openPc() {
      const context = await browser!.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[pageerror]', e.message));
      await page.goto(baseUrl);
      return page;
    },
  };
  beforeAll(async () => {
    office.hub = await startHub(0);
    server = await serveStatic('out/web', 0, '127.0.0.1', { hub: office.hub.url });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium');
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    await office.hub?.close();
  });
  return office;
}

// 系统 › 多机同步 as an administrator does it: the hub's address and this PC's name, 测试连接,
// 开启同步, until the status says 已同步 (records sent, and what came in written: a fresh PC joining
// an office with the demo data's records takes minutes on a loaded 2-core machine).
export async function turnSyncOn(page: Page, hubUrl: string, pcName: string, timeout = 300_000) {
  await openModule(page, '系统');
  await openTab(page, '多机同步');
  await page.getByLabel('同步中心地址').fill(hubUrl);
  await page.getByLabel('本机名称').fill(pcName);
  await page.getByRole('button', { name: '测试连接' }).click();
  await visible(page.getByText('连接成功'));
  await page.getByRole('button', { name: '开启同步' }).click();
  await containsText(page.getByTestId('sync-status'), '已同步', timeout);
}

// The first run's 加入已有单位 on a fresh PC, filled in (the hub's address, this PC's name, the unit's
// name) and 测试连接 clicked; resolves to the test's answer as shown.
export async function fillJoinForm(page: Page, hubUrl: string, pcName: string): Promise<string> {
  await page.getByRole('button', { name: '加入已有单位（多机同步）' }).click();
  await page.getByLabel('同步中心地址').fill(hubUrl);
  await page.getByLabel('本机名称').fill(pcName);
  await page.getByLabel('单位名称').fill(ADMIN.unit);
  await page.getByRole('button', { name: '测试连接' }).click();
  const answer = page.getByTestId('join-answer');
  await visible(answer, 60_000);
  return (await answer.innerText()).trim();
}

// 加入 (after fillJoinForm answered 连接成功): the catch-up begins.
export async function joinOffice(page: Page) {
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await visible(page.getByRole('heading', { name: '正在加入单位' }), 60_000);
}

// The catch-up done: the office's accounts are here and the engine said 已同步, the login screen shows.
export async function joined(page: Page, timeout = 600_000) {
  await page.getByRole('button', { name: '登录' }).waitFor({ timeout });
}

// 校验审计链 (系统 › 审计日志), again until every expected line shows (the other PCs' chains arrive
// by replication in the background); the lines as last shown.
export async function checkChains(page: Page, expected: RegExp[]): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.getByRole('button', { name: '校验审计链' }).click();
    const lines = page.getByTestId('audit-chains');
    await visible(lines, 60_000);
    text = (await lines.innerText()).trim();
    if (expected.every((re) => re.test(text))) return text;
    await page.waitForTimeout(2000);
  }
  return text;
}

// Until this PC has caught up: the header says 已同步 and keeps saying it for `quiet` ms (between
// two batches of a long catch-up it says 已同步 for a moment).
export async function caughtUp(page: Page, timeout = 600_000, quiet = 8_000) {
  const badge = page.getByTestId('sync-badge');
  const deadline = Date.now() + timeout;
  let since = 0;
  let last = '';
  while (Date.now() < deadline) {
    last = (await badge.innerText().catch(() => '')) ?? '';
    if (/多机同步：已同步/.test(last)) {
      since ||= Date.now();
      if (Date.now() - since >= quiet) return;
    } else since = 0;
    await page.waitForTimeout(500);
  }
  throw new Error(`not caught up: ${last}`);
}
