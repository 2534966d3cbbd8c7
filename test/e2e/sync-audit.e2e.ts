// Several PCs (系统 › 多机同步): each PC's audit chain goes to the hub as its own chain, anchored
// there; 校验审计链 on one PC checks every PC's chain (renderer/src/sync/auditChain.ts).

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { ADMIN, completeSetup, containsText, loginAndWait, openTab, visible } from './harness';
import { officeSuite, turnSyncOn } from './sync-harness';

// 校验审计链, again until every PC's chain has arrived (replication runs in the background).
async function checkChains(page: Page, expected: RegExp[]): Promise<string> {
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

describe('several PCs: every PC’s audit chain verifies on each PC', () => {
  const office = officeSuite();
  let pc1: Page;
  let pc2: Page;

  it('two PCs turn sync on (an audited setting on each) and exchange their records', async () => {
    pc1 = await office.openPc();
    await completeSetup(pc1);
    await loginAndWait(pc1, ADMIN.login, ADMIN.password);
    await turnSyncOn(pc1, office.hub.url, '办公室一号机');
    pc2 = await office.openPc();
    await completeSetup(pc2);
    await loginAndWait(pc2, ADMIN.login, ADMIN.password);
    await turnSyncOn(pc2, office.hub.url, '信访股二号机');
  }, 300_000);

  it('校验审计链 on PC 2 reports both PCs’ chains 完整', async () => {
    await openTab(pc2, '审计日志');
    const text = await checkChains(pc2, [/「信访股二号机」（本机）：完整/, /「办公室一号机」：完整/]);
    expect(text).toMatch(/「信访股二号机」（本机）：完整，已校验 \d+ 条，末端与同步中心上的锚点/);
    expect(text).toMatch(/「办公室一号机」：完整，已校验 \d+ 条，末端与同步中心上的锚点/);
    await visible(pc2.getByText('各机审计链完整（2 台）'));
    // the log shows another PC's entries too, chosen by PC
    await pc2.getByRole('combobox', { name: '电脑' }).click();
    await pc2.getByRole('option', { name: '办公室一号机', exact: true }).click();
    await containsText(pc2.getByRole('table'), '开启多机同步（本机：办公室一号机）');
    expect(await pc2.getByRole('table').innerText()).not.toContain('开启多机同步（本机：信访股二号机）');
  }, 300_000);

  it('and on PC 1 too', async () => {
    await openTab(pc1, '审计日志');
    const text = await checkChains(pc1, [/「办公室一号机」（本机）：完整/, /「信访股二号机」：完整/]);
    expect(text).toMatch(/「信访股二号机」：完整/);
    expect(text).toMatch(/「办公室一号机」（本机）：完整/);
  }, 300_000);
});
