// Several PCs (系统 › 多机同步): a CouchDB-compatible hub on loopback (scripts/hub.mjs) and three
// browser contexts, each with its own IndexedDB, as three PCs of one office (issue 18's 'done
// when'): a letter registered on PC 1 appears on PC 2 with its scan; a leave asked on PC 1 is
// approved on PC 2 and its slip prints on PC 3 with both names; PC 3 goes offline, registers two
// letters (待编号) and decides a claim's step, comes back: everything converges, the letters get
// numbers with no gap or duplicate (sync/numbers.ts), every PC's audit chain verifies on every PC;
// two PCs signing a 发文 at the same moment get n and n+1. PC 2 is set up on its own, then turns
// sync on (its records merge with the office's, its administrator is kept aside); PC 3 joins the
// office at its first run (加入已有单位: refused while the hub holds no office, then the catch-up,
// closed midway and resumed) and its people sign in with the office's accounts.

import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

import type { Hub } from '../../scripts/hub.mjs';

import {
  ADMIN,
  completeSetup,
  DEMO_PASSWORD,
  containsText,
  go,
  loginAndWait,
  logout,
  openModule,
  openTab,
  screenshots,
  signInAs,
  visible,
} from './harness';
import { infoRow, saveAsNew } from './petition-steps';
import {
  caughtUp,
  checkChains,
  fillJoinForm,
  joined,
  joinOffice,
  officeSuite,
  turnSyncOn,
} from './sync-harness';

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

// Every document on the hub.
async function hubDocs(hub: Hub): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${hub.url}/xinfang/_all_docs?include_docs=true`);
  const body = (await res.json()) as { rows: { doc: Record<string, unknown> }[] };
  return body.rows.map((r) => r.doc);
}

function expectConsecutive(seqs: number[]) {
  const sorted = [...seqs].sort((a, b) => a - b);
  expect(new Set(sorted).size).toBe(sorted.length);
  expect(sorted[sorted.length - 1] - sorted[0]).toBe(sorted.length - 1);
}

describe('several PCs: one office on three PCs shares its records, numbers and approvals', () => {
  const office = officeSuite();
  let pc1: Page;
  let pc2: Page;
  let pc3: Page;
  // a failed step leaves each PC's screen (SYNC_SHOTS or the temporary folder)
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const dir = process.env.SYNC_SHOTS ?? tmpdir();
    for (const [i, pc] of [pc1, pc2, pc3].entries())
      await pc?.screenshot({ path: join(dir, `sync-failed-pc${i + 1}.png`) }).catch(() => undefined);
  });

  it('a fresh PC cannot join a hub that holds no office yet: it is told so and offered 新建单位', async () => {
    pc3 = await office.openPc();
    const answer = await fillJoinForm(pc3, office.hub.url, '局长室三号机');
    expect(answer).toContain('没有可加入的单位');
    await visible(pc3.getByRole('button', { name: '改为新建单位' }));
    // nothing made on the hub by the test: the first PC turning sync on creates its database
    expect((await fetch(`${office.hub.url}/xinfang`)).status).toBe(404);
  }, 120_000);

  it('PC 1 (demo data) turns sync on: its records go to the hub', async () => {
    pc1 = await office.openPc();
    await completeSetup(pc1, { demo: true });
    await loginAndWait(pc1, ADMIN.login, ADMIN.password);
    await turnSyncOnChecked(pc1, office.hub.url, '办公室一号机');
  }, 600_000);

  it('PC 2 (set up on its own) turns sync on and PC 3 joins the office (加入已有单位): both receive the records', async () => {
    pc2 = await office.openPc();
    await completeSetup(pc2);
    await loginAndWait(pc2, ADMIN.login, ADMIN.password);
    // both at once (each catches up the office's records on its own)
    await Promise.all([turnSyncOnChecked(pc2, office.hub.url, '信访股二号机'), joinPc3(pc3)]);
    await caughtUp(pc2);
    // PC 1's own administrator account has the same login name as PC 2's: kept aside, not merged
    await visible(pc2.getByText(/条记录与本机记录编号或名称相同/), 60_000);
    // PC 3 sent no record of its own (no administrator, no 办公室, no calendar): only its audit chain
    const own = (await hubDocs(office.hub)).filter((d) => d.pcName === '局长室三号机');
    expect(own.filter((d) => d.table)).toEqual([]);
    // its people sign in with their own accounts
    await loginAndWait(pc3, 'keyuan', DEMO_PASSWORD);
    await caughtUp(pc3);
  }, 1_200_000);

  // 加入已有单位 on PC 3: 测试连接, 加入, the catch-up with its progress; the window closed midway
  // (a reload) comes back at the catch-up, which goes on to the login screen.
  async function joinPc3(pc: Page) {
    await pc.getByRole('button', { name: '返回选择' }).click();
    expect(await fillJoinForm(pc, office.hub.url, '局长室三号机')).toMatch(/^连接成功/);
    await joinOffice(pc);
    await containsText(pc.getByTestId('join-progress'), /已写入本机 [1-9]\d* 条记录/, 300_000);
    await shot(pc, '局长室三号机-加入中');
    await pc.reload();
    await visible(pc.getByRole('heading', { name: '正在加入单位' }), 60_000);
    expect(await pc.getByRole('button', { name: '新建单位', exact: true }).count()).toBe(0);
    await joined(pc);
    await containsText(pc.getByRole('heading', { level: 2 }), ADMIN.unit);
  }

  it('a letter registered on PC 1 with its scan appears in PC 2’s 信访 list, the scan with it', async () => {
    await signInAs(pc1, 'keyuan');
    await openModule(pc1, '信访');
    await openTab(pc1, '来信登记');
    await pc1.getByLabel('来信人').fill('欧阳同步');
    await pc1.getByLabel('所属乡镇').selectOption('金石镇');
    await pc1.getByLabel('问题类别').selectOption('劳动社保');
    await pc1
      .getByLabel('内容摘要')
      .fill('反映金石镇某企业拖欠工资，经多次协商未果，请求协调解决（多机同步测试）');
    const scan = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const chooser = pc1.waitForEvent('filechooser');
    await pc1.getByLabel('附件（扫描件）').click();
    await (await chooser).setFiles([{ name: '来信扫描件.pdf', mimeType: 'application/pdf', buffer: scan }]);
    await saveAsNew(pc1);
    const letter = new URL(pc1.url()).hash;

    // PC 2 has PC 1's people and accounts now: the same clerk signs in there
    await signInAs(pc2, 'keyuan');
    await openModule(pc2, '信访');
    await visible(pc2.getByText('欧阳同步'), 60_000);
    // the scan came with the letter: its link opens the same bytes (the browser mode downloads a PDF)
    await go(pc2, letter);
    const link = infoRow(pc2, '附件').getByRole('button', { name: '来信扫描件.pdf' });
    await visible(link, 60_000);
    const download = pc2.waitForEvent('download');
    await link.click();
    expect(await readFile((await (await download).path())!)).toEqual(scan);
  }, 300_000);

  let leave = '';
  it('a leave asked on PC 1 is approved on PC 2 by the deputy and the director', async () => {
    await openModule(pc1, '请假与外出');
    await pc1.getByRole('combobox', { name: '请假类型' }).click();
    await pc1.getByRole('option', { name: '事假', exact: true }).click();
    await pc1.getByLabel('开始', { exact: true }).fill(`${YEAR}-12-16`);
    await pc1.getByLabel('开始时段').selectOption({ label: '上午' });
    await pc1.getByLabel('结束', { exact: true }).fill(`${YEAR}-12-17`);
    await pc1.getByLabel('结束时段').selectOption({ label: '上午' });
    await containsText(pc1.getByTestId('leave-route'), '分管领导审批（王丽娟） → 局长审批（刘建国）');
    await pc1.getByLabel('事由').fill('老家房屋修缮，需回乡处理（多机同步）');
    await pc1.getByRole('button', { name: '提交' }).click();
    await visible(pc1.getByRole('heading', { name: /钱雪 事假/ }));
    leave = new URL(pc1.url()).hash;

    for (const who of ['fujuzhang2', 'juzhang']) {
      await signInAs(pc2, who);
      await go(pc2, leave);
      await visible(pc2.getByRole('button', { name: '同意' }), 60_000);
      await pc2.getByRole('button', { name: '同意' }).click();
      await visible(pc2.getByText('已同意'));
    }
  }, 300_000);

  it('on PC 3 the 请假申报条 prints with both approvers’ names', async () => {
    await signInAs(pc3, 'keyuan');
    await go(pc3, leave);
    await containsText(pc3.getByRole('main').locator('.mantine-Badge-root').first(), '已批准', 60_000);
    await pc3.getByRole('button', { name: '打印请假申报条' }).click();
    const area = pc3.locator('.print-area');
    await visible(area);
    await containsText(area, '钱雪');
    await containsText(area, '王丽娟');
    await containsText(area, '刘建国');
    await containsText(area, /审批人：王丽娟/);
    await containsText(area, /审批人：刘建国/);
  }, 300_000);

  let claim = '';
  it('a claim filed on PC 1 reaches PC 3', async () => {
    await openModule(pc1, '财务');
    await openTab(pc1, '填报报销单');
    await pc1.getByLabel('用途').fill('购买信访接待登记簿（多机同步）');
    await pc1.getByLabel('票据类型', { exact: true }).selectOption({ label: '增值税普通发票' });
    await pc1.getByLabel('金额（元）', { exact: true }).fill('120');
    await pc1.getByRole('button', { name: '提交报销' }).click();
    await visible(pc1.getByText('审批中'));
    claim = new URL(pc1.url()).hash;
    await signInAs(pc3, 'caiwu');
    await go(pc3, claim);
    await visible(pc3.getByRole('button', { name: '同意' }), 60_000);
  }, 300_000);

  it('PC 3 offline registers two letters 待编号 and decides the claim; back online everything converges, the letters numbered after PC 1’s, no gap, no duplicate', async () => {
    // online first: PC 3's letter is numbered by the hub at once (and the code of the screens it
    // uses offline is loaded: in the browser mode it comes from the app's server)
    await signInAs(pc3, 'keyuan');
    const d = await registerLetter(pc3, '在线丁', '反映金石镇某酒店拖欠工资六千元未付，请求协调（联网登记）');
    await visible(heading(pc3, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 60_000);
    await pc3.context().setOffline(true);
    try {
      await offline(d);
    } finally {
      await pc3.context().setOffline(false);
    }
  }, 420_000);

  async function offline(d: string) {
    const a = await registerLetter(
      pc3,
      '离线甲',
      '反映金石镇某工地拖欠工资一万二千元，请求协调（离线登记一）',
    );
    await visible(heading(pc3, /^待编号-/));
    const b = await registerLetter(
      pc3,
      '离线乙',
      '反映金石镇某砖厂拖欠工资八千元未付，请求协调（离线登记二）',
    );
    await visible(heading(pc3, /^待编号-/));
    // the finance officer decides the claim's check step on PC 3, offline
    await signInAs(pc3, 'caiwu');
    await go(pc3, claim);
    await pc3.getByLabel('证明人').fill('郑小军');
    await pc3.getByRole('button', { name: '同意' }).click();
    await visible(pc3.getByText('已同意'));

    // meanwhile PC 1, online, registers a letter: it is numbered by the hub at once
    const c = await registerLetter(pc1, '在线丙', '反映金石镇某商铺拖欠工资五千元未付，请求协调（在线登记）');
    await visible(heading(pc1, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 60_000);

    await pc3.context().setOffline(false);
    await caughtUp(pc3, 300_000);
    await go(pc3, `#/petitions/case/${a}`);
    await visible(heading(pc3, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 90_000);
    await go(pc3, `#/petitions/case/${b}`);
    await visible(heading(pc3, new RegExp(`^宁信来〔${YEAR}〕\\d+$`)), 90_000);

    const claims = await claimsOf(office.hub, 'petition-letter');
    const mine = claims.filter((cl) => [a, b, c, d].includes(cl.id));
    expect(mine.map((cl) => cl.id).sort()).toEqual([a, b, c, d].sort());
    expectConsecutive(mine.map((cl) => cl.seq));
    // PC 3's letters in the order they were registered, after PC 1's
    const seq = (id: string) => mine.find((cl) => cl.id === id)!.seq;
    expect(seq(a)).toBeGreaterThan(seq(c));
    expect(seq(b)).toBe(seq(a) + 1);
    expectConsecutive(claims.map((cl) => cl.seq));

    // PC 1 and PC 2 have PC 3's letters, numbered, and the claim's decision
    for (const pc of [pc1, pc2]) {
      for (const id of [a, b]) {
        await go(pc, `#/petitions/case/${id}`);
        await visible(heading(pc, new RegExp(`^宁信来〔${YEAR}〕0*${seq(id)}$`)), 90_000);
      }
    }
    await go(pc1, claim);
    const chain = pc1.locator('table').filter({ hasText: '纪检监察领导初审' }).first();
    await containsText(chain, '证明人：郑小军', 90_000);
  }

  it('every PC’s audit chain verifies, on every PC', async () => {
    const pcs = [
      [pc1, '办公室一号机'],
      [pc2, '信访股二号机'],
      [pc3, '局长室三号机'],
    ] as const;
    for (const [pc, name] of pcs) {
      // each PC's own administrator
      await logout(pc);
      await loginAndWait(pc, ADMIN.login, ADMIN.password);
      await openModule(pc, '系统');
      await openTab(pc, '审计日志');
      const text = await checkChains(
        pc,
        pcs.map(([, n]) => new RegExp(`「${n}」${n === name ? '（本机）' : ''}：完整`)),
      );
      for (const [, n] of pcs)
        expect(text).toMatch(new RegExp(`「${n}」${n === name ? '（本机）' : ''}：完整`));
      await visible(pc.getByText('各机审计链完整（3 台）'));
    }
    // the log shows another PC's entries too, chosen by PC
    await pc2.getByRole('combobox', { name: '电脑' }).click();
    await pc2.getByRole('option', { name: '办公室一号机', exact: true }).click();
    await containsText(pc2.getByRole('table'), '开启多机同步（本机：办公室一号机）');
    expect(await pc2.getByRole('table').innerText()).not.toContain('开启多机同步（本机：信访股二号机）');
  }, 420_000);
  it('two PCs signing a 发文 at the same moment: one gets n, the other n+1', async () => {
    const drafts: string[] = [];
    await signInAs(pc1, 'keyuan');
    for (const title of ['关于多机同步发文编号的报告（一）', '关于多机同步发文编号的报告（二）']) {
      await go(pc1, '#/documents/outgoing');
      await pc1.getByRole('button', { name: '发文拟稿' }).click();
      await pc1.getByLabel('标题').fill(title);
      await pc1.getByLabel('主送').fill('县委、县人民政府');
      await pc1.getByRole('button', { name: '保存' }).click();
      await visible(pc1.getByTestId('outgoing-title'));
      drafts.push(caseId(pc1));
      await pc1.getByRole('button', { name: '提交审核' }).click();
      await visible(pc1.getByText('当前：分管领导审核', { exact: false }));
    }
    for (const [login, next] of [
      ['fujuzhang2', '当前：办公室核稿'],
      ['bangongshi', '当前：分管办公室领导定稿'],
      ['fujuzhang1', '当前：局长签发'],
    ]) {
      await signInAs(pc1, login);
      for (const id of drafts) {
        await go(pc1, `#/documents/outgoing/${id}`);
        await visible(pc1.getByTestId('outgoing-title'));
        await pc1.getByRole('button', { name: '同意' }).click();
        await visible(pc1.getByText(next, { exact: false }));
      }
    }
    const [one, two] = drafts;
    await signInAs(pc1, 'juzhang');
    await go(pc1, `#/documents/outgoing/${one}`);
    await visible(pc1.getByText('当前：局长签发', { exact: false }));
    await signInAs(pc2, 'juzhang');
    await go(pc2, `#/documents/outgoing/${two}`);
    await visible(pc2.getByText('当前：局长签发', { exact: false }), 120_000);

    await Promise.all([
      pc1.getByRole('button', { name: '同意' }).click(),
      pc2.getByRole('button', { name: '同意' }).click(),
    ]);
    const number = new RegExp(`^宁信发〔${YEAR}〕(\\d+)号$`);
    await visible(heading(pc1, number), 90_000);
    await visible(heading(pc2, number), 90_000);
    const n1 = Number(number.exec((await heading(pc1, number).textContent()) ?? '')![1]);
    const n2 = Number(number.exec((await heading(pc2, number).textContent()) ?? '')![1]);
    expect(Math.abs(n1 - n2)).toBe(1);
    const claims = (await claimsOf(office.hub, '宁信发')).filter((cl) => drafts.includes(cl.id));
    expect(claims.map((cl) => [cl.id, cl.seq]).sort()).toEqual(
      [
        [one, n1],
        [two, n2],
      ].sort(),
    );
    expectConsecutive(claims.map((cl) => cl.seq));
  }, 600_000);
});
