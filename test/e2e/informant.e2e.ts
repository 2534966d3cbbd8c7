// PET-6 (《信访工作条例》第30条第3款), issue 13: the 局长 registers an informant's letter; the 办信股
// 科员 registers the informant's second letter and links it as 重复件 — the list, the case and the
// exported 来信台帐 do not show the informant to her (point 1); her duplicate check neither shows
// nor confirms who the informant is, and a letter whose petitioner matches becomes a 重复件待核 on
// the 局长's 工作台 (point 2); opening the informant's case is recorded in its audit trail (point 4).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import {
  appPerSuite,
  containsText,
  exportExcel,
  openModule,
  openTab,
  screenshots,
  signInAs,
  visible,
} from './harness';
import { currentRegNo, infoRow, saveLetter } from './petition-steps';
import { readWithExcelJS } from './readers';

const shot = screenshots(process.env.INFORMANT_SHOTS === '1' ? '/tmp' : undefined, 'informant-');
const NAME = '欧阳检举';
const PHONE = '13973900777';
const ADDRESS = '金石镇黄家村9组';
const ACCUSATION = '检举县人社局某股室负责人在审核工伤认定材料时多次收受当事人财物，要求严肃查处';
const SIMILAR = '再次检举县人社局某股室负责人审核工伤认定材料时多次收受当事人财物，请求严肃查处';
const UNRELATED = '要求解决孩子在县城就读小学的入学问题，户籍已迁入但学校不予接收';
const MASK = '***';

async function fillLetter(page: Page, summary: string) {
  await openTab(page, '来信登记');
  await page.getByLabel('来信人').fill(NAME);
  await page.getByLabel('联系电话').fill(PHONE);
  await page.getByLabel('住址').fill(ADDRESS);
  await page.getByLabel('所属乡镇').selectOption('金石镇');
  await page.getByLabel('问题类别').selectOption('劳动社保');
  await page.getByLabel('内容摘要').fill(summary);
}

const re = (regNo: string) => new RegExp(regNo.replace(/[〔〕]/g, '.'));

describe('PET-6: an informant stays hidden from the 办信股 clerk (issue 13)', () => {
  const app = appPerSuite({ login: 'juzhang', timeout: 180_000 });
  let informantNo = '';
  let duplicateNo = '';
  let matchNo = '';
  const dir = mkdtempSync(join(tmpdir(), 'informant-e2e-'));

  it('the 局长 registers an informant’s letter and sees who wrote it', async () => {
    const { page } = app;
    await openModule(page, '信访');
    await fillLetter(page, ACCUSATION);
    await page.getByLabel('是否检举揭发').check();
    await page.getByRole('combobox', { name: '被检举单位' }).click();
    await page.getByRole('option', { name: '县人社局' }).click();
    await page.keyboard.press('Escape');
    if (await saveLetter(page)) await page.getByRole('button', { name: '登记为新件' }).click();
    await page.waitForURL(/#\/petitions\/case\//);
    informantNo = await currentRegNo(page);
    await containsText(infoRow(page, '信访人'), NAME);
    await containsText(infoRow(page, '联系电话'), PHONE);
  });

  it('keyuan links the informant’s second letter as 重复件: the check shows the case masked and does not say it is the same person', async () => {
    const { page } = app;
    await signInAs(page, 'keyuan');
    await openModule(page, '信访');
    await fillLetter(page, SIMILAR);
    const dup = await saveLetter(page);
    expect(dup).not.toBeNull();
    const row = dup!.getByRole('row').filter({ hasText: informantNo });
    await visible(row);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[2]).toBe(MASK); // 信访人
    expect(cells[5]).toBe('—'); // 相同信访人: not compared, neither 是 nor 否
    expect(await dup!.textContent()).not.toContain(NAME);
    await shot(page, 'duplicate-check');
    await page.getByLabel('重复件说明').fill('同一事项再次来信');
    await row.getByRole('button', { name: '作为重复件关联' }).click();
    await page.waitForURL(/#\/petitions\/case\//);
    duplicateNo = await currentRegNo(page);
    // point 1: the letter linked into the informant's case is masked for her at once
    await containsText(infoRow(page, '信访人'), MASK);
    await containsText(infoRow(page, '联系电话'), MASK);
    expect(await infoRow(page, '信访人').textContent()).not.toContain(NAME);
    await visible(page.getByText('检举揭发（并入件）'));
    await shot(page, 'linked-case');
  });

  it('the list does not show the name, and a search by the phone finds neither case', async () => {
    const { page } = app;
    await openTab(page, '信访件');
    const table = page.getByRole('table', { name: '信访件列表' });
    for (const no of [informantNo, duplicateNo]) {
      const row = table.getByRole('row').filter({ hasText: no });
      await visible(row);
      expect(await row.getByRole('cell').nth(3).textContent()).toBe(MASK);
    }
    expect(await table.textContent()).not.toContain(NAME);
    await shot(page, 'list');
    // 电话 is among the less used filters, behind 更多条件 (issue 15: the list shows ≥ 12 rows)
    await page.getByRole('button', { name: /更多条件/ }).click();
    await page.getByLabel('电话').fill(PHONE);
    await page.getByRole('button', { name: '查询' }).click();
    await containsText(page.getByTestId('petition-count'), '共 0 件');
    await page.getByRole('button', { name: '重置' }).click();
  });

  it('the exported 来信台帐 does not show the name, phone or address on either row', async () => {
    const { page } = app;
    await openTab(page, '台帐');
    const { path } = await exportExcel(page, dir);
    const ws = (await readWithExcelJS(path)).worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 2) rows.push((r.values as unknown[]).slice(1));
    });
    for (const no of [informantNo, duplicateNo]) {
      const r = rows.find((x) => x[1] === no)!;
      expect(r).toBeTruthy();
      expect([r[3], r[4], r[5]]).toEqual([MASK, MASK, `${MASK}/金石镇`]); // 来信人, 联系电话, 住址/所属乡镇
    }
    const all = JSON.stringify(rows);
    expect(all).not.toContain(NAME);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain('黄家村9组');
  });

  it('her check for a letter from the same person on another matter tells her nothing, and saves it as an ordinary letter', async () => {
    const { page } = app;
    await fillLetter(page, UNRELATED);
    const dup = await saveLetter(page);
    if (dup) {
      const text = (await dup.textContent()) ?? '';
      expect(text).not.toContain(informantNo);
      expect(text).not.toContain(duplicateNo);
      await page.getByRole('button', { name: '登记为新件' }).click();
      await page.waitForURL(/#\/petitions\/case\//);
    }
    matchNo = await currentRegNo(page);
    await containsText(infoRow(page, '信访人'), NAME); // her own letter: not an informant's
    expect(await page.getByRole('region', { name: '重复件待核' }).count()).toBe(0);
  });

  it('the 局长 gets a 重复件待核 on the 工作台, opens it, and closes it after checking', async () => {
    const { page } = app;
    await signInAs(page, 'juzhang');
    await openModule(page, '工作台');
    await visible(page.getByText(/重复件待核（\d+）/));
    const todo = page.getByRole('link', { name: re(`${matchNo} 与检举揭发件 ${informantNo}`) });
    await visible(todo);
    await shot(page, 'dashboard');
    await todo.click();
    await page.waitForURL(/#\/petitions\/case\//);
    const panel = page.getByRole('region', { name: '重复件待核' });
    await visible(panel);
    const row = panel.getByRole('row').filter({ hasText: informantNo });
    await containsText(row, NAME);
    await containsText(row, PHONE);
    await shot(page, 'review');
    await panel.getByLabel('核对说明').fill('同一人反映子女入学，与检举事项无关，不并入');
    await panel.getByRole('button', { name: '核对完毕，不并入' }).click();
    await page.getByRole('region', { name: '重复件待核' }).waitFor({ state: 'detached' });
  });

  it('opening the informant’s case is recorded in its audit trail (point 4)', async () => {
    const { page } = app;
    await openTab(page, '信访件');
    await page.getByLabel('登记编号').fill(informantNo);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: informantNo }).click();
    await containsText(infoRow(page, '信访人'), NAME);
    await page.getByRole('button', { name: '查看审计记录' }).click();
    await visible(page.getByText(`查看检举人身份（案件详情）：${informantNo}`));
    await shot(page, 'audit');
  });

  it('the 局长 sees who may see informants in the settings', async () => {
    const { page } = app;
    await openTab(page, '设置');
    await visible(page.getByText('检举人身份查看范围', { exact: false }));
    expect(await page.getByRole('checkbox', { name: '局长/书记' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '信访业务' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /承办人可查看/ }).isChecked()).toBe(true);
    await shot(page, 'settings');
  });
});
