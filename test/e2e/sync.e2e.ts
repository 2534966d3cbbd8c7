// Several PCs (系统 › 多机同步): a CouchDB-compatible hub on loopback (scripts/hub.mjs) and two
// browser contexts, each with its own IndexedDB, as two PCs of one office.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// @ts-expect-error plain .mjs helpers shared with the npm scripts
import { findChromium } from '../../scripts/find-chromium.mjs';
import { startHub } from '../../scripts/hub.mjs';
import type { Hub } from '../../scripts/hub.mjs';
import { serveStatic } from '../../scripts/serve.mjs';

import {
  ADMIN,
  completeSetup,
  containsText,
  loginAndWait,
  openModule,
  openTab,
  screenshots,
  signInAs,
  visible,
} from './harness';
import { saveAsNew } from './petition-steps';

// SYNC_SHOTS=/some/dir saves a screenshot of each PC once synced (for looking at, not asserted).
const shot = screenshots(process.env.SYNC_SHOTS);

async function openPc(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  await page.goto(baseUrl);
  return page;
}

async function turnSyncOn(page: Page, hubUrl: string, pcName: string) {
  await openModule(page, '系统');
  await openTab(page, '多机同步');
  await containsText(page.getByTestId('sync-status'), '未开启');
  expect(await page.getByTestId('sync-badge').count()).toBe(0);
  await page.getByLabel('同步中心地址').fill(hubUrl);
  await page.getByLabel('本机名称').fill(pcName);
  await page.getByRole('button', { name: '测试连接' }).click();
  await visible(page.getByText('连接成功'));
  await page.getByRole('button', { name: '开启同步' }).click();
  await containsText(page.getByTestId('sync-status'), '已同步', 120_000);
  // the status stays in the header on every screen while sync is on
  await containsText(page.getByTestId('sync-badge'), '多机同步：已同步');
  await shot(page, `${pcName}`);
}

describe('several PCs: a letter registered on PC 1 appears on PC 2', () => {
  let hub: Hub;
  let server: Server;
  let browser: Browser;
  let baseUrl = '';
  let pc1: Page;
  let pc2: Page;

  beforeAll(async () => {
    hub = await startHub(0);
    // the app's server names the hub in its Content-Security-Policy (shared/csp.mjs)
    server = await serveStatic('out/web', 0, '127.0.0.1', { hub: hub.url });
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
    await hub?.close();
  });

  it('PC 1 (demo data) turns sync on: its records go to the hub', async () => {
    pc1 = await openPc(browser, baseUrl);
    await completeSetup(pc1, { demo: true });
    await loginAndWait(pc1, ADMIN.login, ADMIN.password);
    await turnSyncOn(pc1, hub.url, '办公室一号机');
  }, 300_000);

  it('PC 2 (a fresh install) turns sync on and receives them', async () => {
    pc2 = await openPc(browser, baseUrl);
    await completeSetup(pc2);
    await loginAndWait(pc2, ADMIN.login, ADMIN.password);
    await turnSyncOn(pc2, hub.url, '信访股二号机');
    // PC 1's own administrator account has the same login name as PC 2's: kept aside, not merged
    await visible(pc2.getByText(/条记录与本机记录编号或名称相同/), 60_000);
  }, 300_000);

  it('a letter registered on PC 1 appears in PC 2’s 信访 list', async () => {
    await signInAs(pc1, 'keyuan');
    await openModule(pc1, '信访');
    await openTab(pc1, '来信登记');
    await pc1.getByLabel('来信人').fill('欧阳同步');
    await pc1.getByLabel('所属乡镇').selectOption('金石镇');
    await pc1.getByLabel('问题类别').selectOption('劳动社保');
    await pc1
      .getByLabel('内容摘要')
      .fill('反映金石镇某企业拖欠工资，经多次协商未果，请求协调解决（多机同步测试）');
    await saveAsNew(pc1);

    // PC 2 has PC 1's people and accounts now: the same clerk signs in there
    await signInAs(pc2, 'keyuan');
    await openModule(pc2, '信访');
    await visible(pc2.getByText('欧阳同步'), 60_000);
  }, 300_000);
});
