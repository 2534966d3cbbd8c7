// End-to-end harness: the built browser mode (out/web) served on loopback, driven by
// playwright-core in Debian's Chromium through real IndexedDB.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

// @ts-expect-error plain .mjs helpers shared with the npm scripts
import { findChromium } from '../../scripts/find-chromium.mjs';
import { serveStatic } from '../../scripts/serve.mjs';

export type App = { browser: Browser; context: BrowserContext; page: Page; baseUrl: string; close(): Promise<void> };

export const ADMIN = { unit: '新宁县信访局', name: '管理员甲', login: 'admin', password: 'Admin12345' };
export const DEMO_PASSWORD = 'demo1234';

// The browser's locale and window size: zh-CN at 1400×900 unless a test says otherwise (habits.e2e.ts
// runs as an English Windows would, en-US at 1366×768).
export async function startApp(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<App> {
  const server: Server = await serveStatic('out/web', 0);
  const port = (server.address() as AddressInfo).port;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport ?? { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  const baseUrl = `http://127.0.0.1:${port}/`;
  await page.goto(baseUrl);
  return {
    browser,
    context,
    page,
    baseUrl,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

export async function completeSetup(page: Page, opts: { demo?: boolean } = {}) {
  await page.getByLabel('单位名称').fill(ADMIN.unit);
  await page.getByLabel('管理员姓名').fill(ADMIN.name);
  await page.getByLabel('登录名').fill(ADMIN.login);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  if (opts.demo) await page.getByLabel(/载入演示数据/).check();
  await page.getByRole('button', { name: '完成初始化' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 120_000 });
}

export async function login(page: Page, loginName: string, password: string) {
  await page.getByLabel('登录名').fill(loginName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function loginAndWait(page: Page, loginName: string, password: string) {
  await login(page, loginName, password);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

export async function openModule(page: Page, label: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true }).click();
}

// Picks a person in a person picker (StaffSelect, a searchable combobox): types `query` (a name, or
// its pinyin) and clicks the option whose label starts with `name` (or `query`).
export async function pickStaff(scope: Page | Locator, label: string, query: string, name = query) {
  const page = 'page' in scope ? scope.page() : scope;
  const input = scope.getByLabel(label, { exact: true }).first(); // the input, not its list
  await input.click();
  await input.fill(query);
  const option = page.getByRole('option', { name: new RegExp(`^${name}`) }).first();
  await option.waitFor({ state: 'visible', timeout: 15_000 });
  await option.click();
}

// Assertions that wait, as a user waits for the screen (vitest's expect does not poll locators).
export async function visible(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

export async function containsText(locator: Locator, text: string | RegExp, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected text ${String(text)} but found: ${last.slice(0, 300)}`);
}
