import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { LETTER_LEDGER_HEADERS } from '../../shared/ledgers/headers.testing';

import { appPerSuite, containsText, exportExcel, openModule, openTab, screenshots, visible } from './harness';
import { currentRegNo, infoRow, saveAsNew } from './petition-steps';
import { openpyxlAvailable, readWithExcelJS, readWithOpenpyxl } from './readers';

const SHOTS = process.env.PETITION_SHOTS === '1';
const shot = screenshots(SHOTS ? '/tmp' : undefined, 'petitions-');

// A valid ID number (GB 11643 check character) so the test does not depend on demo data.
function idNo(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
function tomorrow(): string {
  const d = new Date(Date.now() + 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function selectOptionContaining(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

describe('petitions: register, duplicates, forward, PET-6, conclude, 来信台帐', () => {
  const app = appPerSuite({ login: 'keyuan', timeout: 180_000 });
  let first = '';
  let second = '';
  const dir = mkdtempSync(join(tmpdir(), 'petitions-e2e-'));
  const summary = '反映金石镇某砂石场深夜运输车辆严重超载，压坏新修的通村水泥路，要求依法查处并修复道路';

  it('shows clear Chinese messages at the field for bad input and keeps what was typed', async () => {
    const { page } = app;
    await openModule(page, '信访');
    await visible(page.getByRole('heading', { name: '信访', exact: true }));
    await shot(page, 'list');
    await openTab(page, '来信登记');
    const badId =
      idNo('43052819800101123').slice(0, 17) + (idNo('43052819800101123').endsWith('0') ? '1' : '0');
    await page.getByLabel('收信日期').fill(tomorrow());
    await page.getByLabel('身份证号').fill(badId);
    await page.getByLabel('内容摘要').fill(summary);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await visible(page.getByText('日期不能晚于今天'));
    await visible(page.getByText('请填写信访人姓名'));
    await visible(page.getByText('身份证号校验不通过'));
    await visible(page.getByText('请选择所属乡镇'));
    expect(await page.getByLabel('身份证号').inputValue()).toBe(badId);
    expect(await page.getByLabel('内容摘要').inputValue()).toBe(summary);
    await shot(page, 'errors');
  });

  it('registers a letter', async () => {
    const { page } = app;
    await page.getByLabel('收信日期').fill(localToday());
    await page.getByLabel('来信人').fill('欧阳测试');
    await page.getByLabel('身份证号').fill(idNo('43052819800101123'));
    await page.getByLabel('联系电话').fill('13973900001');
    await page.getByLabel('住址').fill('金石镇黄家村5组');
    await page.getByLabel('所属乡镇').selectOption('金石镇');
    await page.getByLabel('问题类别').selectOption('劳动社保');
    await saveAsNew(page);
    first = await currentRegNo(page);
    await containsText(page.getByText('下一期限').locator('..'), '受理告知期限');
    await shot(page, 'case');
  });

  it('warns of the duplicate on a second similar letter and links it', async () => {
    const { page } = app;
    await openTab(page, '来信登记');
    await page.getByLabel('来信人').fill('司马另一人');
    await page.getByLabel('所属乡镇').selectOption('金石镇');
    await page.getByLabel('问题类别').selectOption('劳动社保');
    await page
      .getByLabel('内容摘要')
      .fill('反映金石镇某砂石场深夜运输车辆超载，压坏新修的通村水泥路，请求依法查处');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const dup = page.getByRole('region', { name: '重复件检查' });
    await visible(dup);
    await containsText(dup, first);
    await shot(page, 'duplicate');
    await page.getByLabel('重复件说明').fill('同一事项，其他村民来信');
    await dup
      .getByRole('row')
      .filter({ hasText: first })
      .getByRole('button', { name: '作为重复件关联' })
      .click();
    await page.waitForURL(/#\/petitions\/case\//);
    second = await currentRegNo(page);
    expect(second).not.toBe(first);
    await visible(page.getByText('重复件，并入'));
    await page.getByRole('link', { name: first }).click();
    await containsText(page.getByRole('heading', { level: 3 }).first(), first);
    await visible(page.getByRole('link', { name: new RegExp(second.replace(/[〔〕]/g, '.')) }));
  });

  it('forwards the case as a whole to the suggested unit', async () => {
    const { page } = app;
    await page.getByLabel('处理方式').selectOption({ label: '转送' });
    const unit = page.getByLabel('责任单位', { exact: true });
    await expect.poll(async () => unit.locator('option:checked').textContent()).toContain('按乡镇×类别建议');
    await page.getByRole('button', { name: '确定', exact: true }).click();
    await visible(page.getByText('已转送').first());
    await containsText(infoRow(page, '处理方式'), '县人社局');
  });

  it('refuses to forward an informant case to the accused unit', async () => {
    const { page } = app;
    await openTab(page, '来信登记');
    await page.getByLabel('来信人').fill('检举人测试');
    await page.getByLabel('联系电话').fill('13973900002');
    await page.getByLabel('所属乡镇').selectOption('金石镇');
    await page.getByLabel('问题类别').selectOption('劳动社保');
    await page.getByLabel('内容摘要').fill('检举县人社局某股室负责人在审核工伤认定材料时多次收受当事人财物');
    await page.getByLabel('是否检举揭发').check();
    await page.getByRole('combobox', { name: '被检举单位' }).click();
    await page.getByRole('option', { name: '县人社局' }).click();
    await page.keyboard.press('Escape');
    await saveAsNew(page);
    // keyuan (信访业务) may not see an informant's identity (PET-6)
    await containsText(infoRow(page, '信访人'), '***');
    await page.getByLabel('处理方式').selectOption({ label: '转送' });
    await selectOptionContaining(page, '责任单位', '县人社局');
    await page.getByRole('button', { name: '确定', exact: true }).click();
    await visible(page.getByText(/不得转送、交办给被检举单位/).first());
    await visible(page.getByText('待处理').first());
    await shot(page, 'pet6');
  });

  it('concludes the first case', async () => {
    const { page } = app;
    await openTab(page, '信访件');
    await page.getByLabel('登记编号').fill(first);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: first }).click();
    await page.getByRole('button', { name: '办结' }).first().click();
    await page.getByLabel('处理意见').fill('已督促砂石场停运整改并修复道路');
    await page
      .locator('form')
      .filter({ has: page.getByLabel('处理意见') })
      .getByRole('button', { name: '办结' })
      .click();
    await visible(page.getByText('已办结').first());
    await containsText(page.getByText('下一期限').locator('..'), '无进行中的期限');
  });

  it('exports the 来信台帐 and reads the cells back with exceljs and openpyxl', async () => {
    const { page } = app;
    await openTab(page, '台帐');
    const { path, suggested } = await exportExcel(page, dir);
    expect(suggested).toMatch(/^来信台帐_\d{4}年\d{1,2}月\.xlsx$/);
    // Written in the export worker, off the interface thread.
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/xlsx\.worker-[\w-]+\.js$/)]);

    const wb = await readWithExcelJS(path);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/^新宁县信访局来信台帐（\d{4}年\d{1,2}月）$/);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(LETTER_LEDGER_HEADERS);
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 2) rows.push((r.values as unknown[]).slice(1));
    });
    const row1 = rows.find((r) => r[1] === first)!;
    expect(row1).toBeTruthy();
    expect(row1[2]).toBeInstanceOf(Date);
    expect((row1[2] as Date).toISOString().slice(0, 10)).toBe(localToday());
    expect(row1[3]).toBe('欧阳测试');
    expect(row1[5]).toBe('金石镇黄家村5组/金石镇');
    expect(row1[9]).toBe('转送');
    expect(row1[10]).toBe('县人社局');
    expect(row1[13]).toBeInstanceOf(Date);
    expect(row1[14]).toBe('已解决');
    expect(row1[16]).toBe('已办结');
    const row2 = rows.find((r) => r[1] === second)!;
    expect(row2[9]).toBe('重复件');
    const informant = rows.find((r) => r[3] === '***');
    expect(informant).toBeTruthy();
    expect(rows.some((r) => r[3] === '检举人测试')).toBe(false);
    expect(typeof row1[0]).toBe('number');

    // the independent second reader
    expect(openpyxlAvailable()).toBe(true);
    const [sheet] = readWithOpenpyxl(path);
    expect(sheet.rows[1]).toEqual(LETTER_LEDGER_HEADERS);
    const r1 = sheet.rows.find((r) => r[1] === first)!;
    expect(r1[2]).toBe(localToday()); // a real date cell
    expect(r1[3]).toBe('欧阳测试');
    expect(r1[9]).toBe('转送');
    expect(r1[16]).toBe('已办结');
    expect(sheet.rows.some((r) => r[3] === '***')).toBe(true);
    expect(sheet.merged).toContain('A1:R1');
    expect(sheet.orientation).toBe('landscape');
    expect(String(sheet.printTitleRows)).toMatch(/2:\$?2/);
  });

  it('opens the same ledger as a print view', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '打印预览' }).click();
    await visible(page.getByRole('button', { name: '打印' }));
    await containsText(page.locator('.print-area'), first);
    await shot(page, 'ledger-print');
  });

  it('corrects a registered letter’s address: the case, the list and the history show it', async () => {
    const { page } = app;
    await openTab(page, '信访件');
    await page.getByLabel('登记编号').fill(first);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: first }).click();
    await page.getByRole('button', { name: '更正登记信息' }).click();
    const dialog = page.getByRole('dialog', { name: /更正登记信息/ });
    await visible(dialog);
    const address = dialog.getByLabel('住址', { exact: true });
    expect(await address.inputValue()).toBe('金石镇黄家村5组');
    await address.fill('金石镇黄家村7组');
    await dialog.getByLabel('更正原因').fill('来信人住址组别抄错');
    await shot(page, 'correct');
    await dialog.getByRole('button', { name: '保存更正' }).click();
    await visible(page.getByText('住址：金石镇黄家村5组 → 金石镇黄家村7组', { exact: false }));
    await containsText(infoRow(page, '住址/所属乡镇'), '金石镇黄家村7组');
    await visible(page.getByText('登记信息更正：来信人住址组别抄错'));
    await openTab(page, '信访件');
    await page.getByLabel('登记编号').fill(first);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('table', { name: '信访件列表' }).getByRole('row').filter({ hasText: first });
    await containsText(row, '金石镇黄家村7组');
  });

  it('links a leader’s reception day to a visit case of the day: the list links the case, the case names the day', async () => {
    const { page } = app;
    await openTab(page, '来访登记');
    await page.getByLabel('来访人').fill('上官接访');
    await page.getByLabel('联系电话').fill('13973900009');
    await page.getByLabel('所属乡镇').selectOption('金石镇');
    await page.getByLabel('问题类别').selectOption('劳动社保');
    await page.getByLabel('内容摘要').fill('反映金石镇某工地拖欠十二名务工人员工资两年未结清，请求领导协调');
    const receptionist = page.getByLabel('接待人', { exact: true });
    await receptionist.selectOption({ index: 1 });
    await saveAsNew(page);
    const h = page.getByRole('heading', { level: 3 }).filter({ hasText: /宁信访〔\d{4}〕\d{4}/ });
    await visible(h);
    const visit = ((await h.first().textContent()) ?? '').trim();

    await openTab(page, '接访与上访');
    const form = page.getByRole('form', { name: '领导接访登记' });
    await visible(form);
    expect(await form.getByLabel('接访日期').inputValue()).toBe(localToday());
    const leader = form.getByLabel('接访领导');
    await leader.selectOption({ index: 1 });
    const leaderName = ((await leader.locator('option:checked').textContent()) ?? '').trim();
    await form.getByRole('textbox', { name: '主题' }).fill('县领导公开接访');
    await form.getByRole('combobox', { name: '关联来访件' }).click();
    await page.keyboard.type(visit.slice(-4));
    const option = page.getByRole('option', { name: new RegExp(visit.replace(/[〔〕]/g, '.')) });
    await visible(option);
    await containsText(option, '上官接访');
    await shot(page, 'reception-picker');
    if (SHOTS) await form.locator('..').screenshot({ path: '/tmp/petitions-reception-form.png' });
    await option.click();
    await page.keyboard.press('Escape');
    expect(await form.getByLabel('案件数').inputValue()).toBe('1');
    // another date drops the picked case (it was not registered on that day), with a notice
    const yesterday = new Date(Date.now() - 86400000);
    await form
      .getByLabel('接访日期')
      .fill(
        `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`,
      );
    await visible(page.getByText('已移除1件不是', { exact: false }));
    expect(await form.getByLabel('案件数').isEnabled()).toBe(true);
    await form.getByLabel('接访日期').fill(localToday());
    await form.getByRole('combobox', { name: '关联来访件' }).click();
    await page.keyboard.type(visit.slice(-4));
    await option.click();
    await page.keyboard.press('Escape');
    expect(await form.getByLabel('案件数').inputValue()).toBe('1');
    await form.getByRole('button', { name: '登记接访' }).click();
    const list = page.getByRole('table', { name: '领导接访列表' });
    const link = list.getByRole('link', { name: visit });
    await visible(link);
    await containsText(
      list.getByRole('row').filter({ has: page.getByRole('link', { name: visit }) }),
      leaderName,
    );
    await shot(page, 'reception-list');
    await link.click();
    await page.waitForURL(/#\/petitions\/case\//);
    await containsText(page.getByRole('heading', { level: 3 }).first(), visit);
    await containsText(infoRow(page, '领导接访'), `${localToday()} ${leaderName}（县人民来访接待中心）`);
  });

  it('opens a case’s attachments without window.open: an image in the page, a PDF as a download', async () => {
    const { page } = app;
    await openTab(page, '信访件');
    await page.getByLabel('登记编号').fill(first);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('table', { name: '信访件列表' }).getByRole('link', { name: first }).click();
    await page.waitForURL(/#\/petitions\/case\//);
    await page.getByRole('button', { name: '全国系统录入编号与附件' }).click();
    // a 320×200 PNG drawn by the page itself, and a minimal PDF
    const png = Buffer.from(
      await page.evaluate(() => {
        const c = document.createElement('canvas');
        c.width = 320;
        c.height = 200;
        const g = c.getContext('2d')!;
        g.fillStyle = '#dfe8f5';
        g.fillRect(0, 0, 320, 200);
        g.fillStyle = '#1c3d6e';
        g.font = '28px sans-serif';
        g.fillText('现场照片', 100, 110);
        return c.toDataURL('image/png').split(',')[1];
      }),
      'base64',
    );
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('扫描件').click();
    await (
      await chooser
    ).setFiles([
      { name: '现场照片.png', mimeType: 'image/png', buffer: png },
      { name: '来信扫描件.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await page.getByRole('button', { name: '添加附件' }).click();
    const row = infoRow(page, '附件');
    await visible(row.getByRole('button', { name: '现场照片.png' }));
    const pages = app.context.pages().length;
    await row.getByRole('button', { name: '现场照片.png' }).click();
    const viewer = page.getByRole('dialog', { name: '现场照片.png' });
    const img = viewer.getByRole('img', { name: '现场照片.png' });
    await visible(img);
    expect(await img.evaluate((e: HTMLImageElement) => e.naturalWidth)).toBe(320);
    if (SHOTS) await page.screenshot({ path: '/tmp/petitions-attachment-image.png' });
    await viewer.getByRole('button', { name: '下载' }).waitFor();
    await page.keyboard.press('Escape');
    const dl = page.waitForEvent('download');
    await row.getByRole('button', { name: '来信扫描件.pdf' }).click();
    expect((await dl).suggestedFilename()).toBe('来信扫描件.pdf');
    expect(app.context.pages().length).toBe(pages); // no window was opened
  });
});
