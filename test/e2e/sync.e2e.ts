// Several PCs (系统 › 多机同步): a CouchDB-compatible hub on loopback (scripts/hub.mjs) and two
// browser contexts, each with its own IndexedDB, as two PCs of one office: records reach the other
// PC; numbers are issued only by the hub (sync/numbers.ts) — a PC offline registers letters 待编号
// and numbers them on reconnection, with no gap or duplicate against a letter of the other PC.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import type { Hub } from '../../scripts/hub.mjs';

import {
  ADMIN,
  completeSetup,
  containsText,
  go,
  loginAndWait,
  openModule,
  openTab,
  screenshots,
  signInAs,
  visible,
} from './harness';
import { saveAsNew } from './petition-steps';
import { officeSuite, turnSyncOn } from './sync-harness';

const YEAR = new Date().getFullYear();

type Claim = { seq: number; table: string; id: string; pc: string };

// SYNC_SHOTS=/some/dir saves a screenshot of each PC once synced (for looking at, not asserted).
const shot = screenshots(process.env.SYNC_SHOTS);

// turnSyncOn, with the header's status looked at: absent before, 已同步 after.
async function turnSyncOnChecked(page: Page, hubUrl: string, pcName: string) {
  await openModule(page, '系统');
  await openTab(page, '多机同步');
  await containsText(page.getByTestId('sync-status'), '未开启');
  expect(await page.getByTestId('sync-badge').count()).toBe(0);
  await turnSyncOn(page, hubUrl, pcName);
  // the status stays in the header on every screen while sync is on
  await containsText(page.getByTestId('sync-badge'), '多机同步：已同步');
  await shot(page, `${pcName}`);
}

function caseId(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.split('/')[3] ?? '');
}

function heading(page: Page, text: RegExp) {
  return page.getByRole('heading', { level: 3 }).filter({ hasText: text });
}

async function registerLetter(page: Page, name: string, summary: string): Promise<string> {
  await openModule(page, '信访');
  await openTab(page, '来信登记');
  await page.getByLabel('来信人').fill(name);
  await page.getByLabel('所属乡镇').selectOption('金石镇');
  await page.getByLabel('问题类别').selectOption('劳动社保');
  await page.getByLabel('内容摘要').fill(summary);
  await saveAsNew(page);
  return caseId(page);
}

// The claims on the hub of a series and year, in number order.
async function claimsOf(hub: Hub, series: string): Promise<Claim[]> {
  const q = new URLSearchParams({
    startkey: JSON.stringify(`docno:${series}:${YEAR}:`),
    endkey: JSON.stringify(`docno:${series}:${YEAR}:\uffff`),
    include_docs: 'true',
  });
  const res = await fetch(`${hub.url}/xinfang/_all_docs?${q}`);
  const body = (await res.json()) as { rows: { doc: Claim }[] };
  return body.rows.map((r) => r.doc);
}

function expectConsecutive(seqs: number[]) {
  const sorted = [...seqs].sort((a, b) => a - b);
  expect(new Set(sorted).size).toBe(sorted.length);
  expect(sorted[sorted.length - 1] - sorted[0]).toBe(sorted.length - 1);
}

describe('several PCs: records reach the other PC, numbers come from the hub', () => {
  const office = officeSuite();
  let pc1: Page;
  let pc2: Page;

  it('PC 1 (demo data) turns sync on: its records go to the hub', async () => {
    pc1 = await office.openPc();
    await completeSetup(pc1, { demo: true });
    await loginAndWait(pc1, ADMIN.login, ADMIN.password);
    await turnSyncOnChecked(pc1, office.hub.url, '办公室一号机');
  }, 300_000);

  it('PC 2 (a fresh install) turns sync on and receives them', async () => {
    pc2 = await office.openPc();
    await completeSetup(pc2);
    await loginAndWait(pc2, ADMIN.login, ADMIN.password);
    await turnSyncOnChecked(pc2, office.hub.url, '信访股二号机');
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

  it('PC 2 offline registers two letters 待编号; back online they are numbered after PC 1’s, no gap, no duplicate', async () => {
    // online first: PC 2's letter is numbered by the hub at once (and the code of the screens it
    // uses offline is loaded: in the browser mode it comes from the app's server)
    const d = await registerLetter(pc2, '在线丁', '反映金石镇某酒店拖欠工资六千元未付，请求协调（联网登记）');
    await visible(heading(pc2, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 60_000);
    await pc2.context().setOffline(true);
    try {
      await offlineLetters(d);
    } catch (e) {
      await pc2.screenshot({ path: '/tmp/s7num-pc2.png' }).catch(() => undefined);
      throw e;
    } finally {
      await pc2.context().setOffline(false);
    }
  }, 420_000);

  async function offlineLetters(d: string) {
    const a = await registerLetter(
      pc2,
      '离线甲',
      '反映金石镇某工地拖欠工资一万二千元，请求协调（离线登记一）',
    );
    await visible(heading(pc2, /^待编号-/));
    const b = await registerLetter(
      pc2,
      '离线乙',
      '反映金石镇某砖厂拖欠工资八千元未付，请求协调（离线登记二）',
    );
    await visible(heading(pc2, /^待编号-/));

    // meanwhile PC 1, online, registers a letter: it is numbered by the hub at once
    const c = await registerLetter(pc1, '在线丙', '反映金石镇某商铺拖欠工资五千元未付，请求协调（在线登记）');
    await visible(heading(pc1, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 60_000);

    await pc2.context().setOffline(false);
    await go(pc2, `#/petitions/case/${a}`);
    await visible(heading(pc2, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 90_000);
    await go(pc2, `#/petitions/case/${b}`);
    await visible(heading(pc2, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 90_000);

    const claims = await claimsOf(office.hub, 'petition-letter');
    const mine = claims.filter((cl) => [a, b, c, d].includes(cl.id));
    expect(mine.map((cl) => cl.id).sort()).toEqual([a, b, c, d].sort());
    expectConsecutive(mine.map((cl) => cl.seq));
    // PC 2's letters in the order they were registered, after PC 1's
    const seq = (id: string) => mine.find((cl) => cl.id === id)!.seq;
    expect(seq(a)).toBeGreaterThan(seq(c));
    expect(seq(b)).toBe(seq(a) + 1);
    expectConsecutive(claims.map((cl) => cl.seq));
  }
});
