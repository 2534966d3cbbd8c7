// End-to-end harness: the built browser mode (out/web) served on loopback, driven by
// playwright-core in Debian's Chromium through real IndexedDB.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

// @ts-expect-error plain .mjs helpers shared with the npm scripts
import { findChromium } from '../../scripts/find-chromium.mjs';
import { serveStatic } from '../../scripts/serve.mjs';

export type App = {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  close(): Promise<void>;
};

export const ADMIN = { unit: '新宁县信访局', name: '管理员甲', login: 'admin', password: 'Admin12345' };
export const DEMO_PASSWORD = 'demo1234';

// The browser's locale and window size: zh-CN at 1400×900 unless a test says otherwise (habits.e2e.ts
// runs as an English Windows would, en-US at 1366×768).
export type StartOptions = { locale?: string; viewport?: { width: number; height: number } };

export async function startApp(opts: StartOptions = {}): Promise<App> {
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

export type SuiteOptions = StartOptions & {
  prepare?: (app: App) => Promise<unknown>; // after the start, before the setup (e.g. the browser's clock)
  setup?: 'demo' | 'admin' | 'none'; // the first-run form: with the demo bureau (default), without, or not filled
  login?: string | { login: string; password: string }; // a demo login name, or these credentials
  timeout?: number; // for the whole set-up
};

// One app for the tests of a describe block: started (and set up, and signed in) before them, closed
// after them. The returned object is filled in by the beforeAll hook; read it inside the tests.
export function appPerSuite(opts: SuiteOptions = {}): App {
  const app = {} as App;
  beforeAll(async () => {
    Object.assign(app, await startApp(opts));
    if (opts.prepare) await opts.prepare(app);
    if (opts.setup !== 'none') await completeSetup(app.page, { demo: opts.setup !== 'admin' });
    if (typeof opts.login === 'string') await loginAndWait(app.page, opts.login, DEMO_PASSWORD);
    else if (opts.login) await loginAndWait(app.page, opts.login.login, opts.login.password);
  }, opts.timeout);
  afterAll(async () => {
    await app.close?.();
  });
  return app;
}

// The browser's clock set to `time` (and running on from there), the page loaded again under it.
export async function installClock(app: App, time: Date) {
  await app.context.clock.install({ time });
  await app.page.reload();
}

// The first run's 新建单位 (chosen first when the choice shows), with ADMIN as its administrator.
export async function completeSetup(page: Page, opts: { demo?: boolean } = {}) {
  const choice = page.getByRole('button', { name: '新建单位', exact: true });
  await choice.or(page.getByLabel('单位名称')).first().waitFor({ timeout: 60_000 });
  if (await choice.isVisible()) await choice.click();
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

// Signs in as a demo login, signing out whoever is signed in first.
export async function signInAs(page: Page, login: string) {
  if (
    await page
      .getByRole('button', { name: '用户菜单' })
      .isVisible()
      .catch(() => false)
  )
    await logout(page);
  await loginAndWait(page, login, DEMO_PASSWORD);
}

// A person's own 签到 in 考勤 with the PC clock at `time`: signs in as `login`, opens 考勤, sets the
// clock and clicks 签到 once.
export async function signInAtWork(app: App, login: string, time: Date) {
  const { page } = app;
  await signInAs(page, login);
  await openModule(page, '考勤');
  await app.context.clock.setSystemTime(time);
  await page.getByRole('button', { name: '签到', exact: true }).click();
}

// Goes to a route of the app (`#/module/tab/...`) as a link would.
export async function go(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

export async function openTab(page: Page, label: string) {
  await page.getByRole('tab', { name: label, exact: true }).click();
}

export async function openModule(page: Page, label: string) {
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: label, exact: true })
    .click();
}

// Clicks what starts a download and saves the file in `dir`, as `name` or else under the name the app
// gave it; returns where it was saved and the app's name for it.
export async function download(
  page: Page,
  click: () => Promise<unknown>,
  dir: string,
  name?: string,
): Promise<{ path: string; suggested: string }> {
  const dl = page.waitForEvent('download');
  await click();
  const d = await dl;
  const path = join(dir, name ?? d.suggestedFilename());
  await d.saveAs(path);
  return { path, suggested: d.suggestedFilename() };
}

// Clicks the screen's 导出Excel button and saves the workbook (as `download` does).
export function exportExcel(page: Page, dir: string, name?: string) {
  return download(page, () => page.getByRole('button', { name: '导出Excel' }).click(), dir, name);
}

// A function saving screenshots of the page when `dir` is set (for looking at them, not asserted).
export function screenshots(dir: string | undefined, prefix = '', fullPage = true) {
  return async (page: Page, name: string) => {
    if (dir) await page.screenshot({ path: join(dir, `${prefix}${name}.png`), fullPage });
  };
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
    last =
      (await locator
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => '')) ?? '';
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected text ${String(text)} but found: ${last.slice(0, 300)}`);
}
