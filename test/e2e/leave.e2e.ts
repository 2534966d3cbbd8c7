// 请假与外出 end to end: a staff member asks for 1.5 days of 事假; the route (分管领导 then 局长) shows
// before submitting; bad input is refused in Chinese at the field and nothing typed is lost; the
// deputy and the director approve; the printed 请假申报条 carries both names and dates; the
// month's 考勤表 shows 事 on those sessions, on screen and in the downloaded workbook.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { appPerSuite, containsText, installClock, logout, openModule, signInAs, visible } from './harness';
import { pdfText, readWithExcelJS, readWithOpenpyxl } from './readers';

// Tuesday 30 June 2026, 09:30 local time: the last working day of the month.
const NOW = new Date(2026, 5, 30, 9, 30, 0);
const dir = mkdtempSync(join(tmpdir(), 'leave-e2e-'));

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function fillSpan(page: Page, start: string, startHalf: string, end: string, endHalf: string) {
  await page.getByLabel('开始', { exact: true }).fill(start);
  await page.getByLabel('开始时段').selectOption({ label: startHalf });
  await page.getByLabel('结束', { exact: true }).fill(end);
  await page.getByLabel('结束时段').selectOption({ label: endHalf });
}

describe('leave: request, route, approval, slip, sheet', () => {
  const app = appPerSuite({ prepare: (a) => installClock(a, NOW), timeout: 180_000 });
  let leaveUrl = '';

  it('shows length and route before submitting and refuses bad input at the field, keeping what was typed', async () => {
    const { page } = app;
    await signInAs(page, 'keyuan');
    await openModule(page, '请假与外出');
    await visible(page.getByRole('heading', { name: '请假与外出' }));
    await pickOption(page, '请假类型', '事假');

    // End before start.
    await fillSpan(page, '2026-06-26', '上午', '2026-06-25', '下午');
    await visible(page.getByText('结束时间不能早于开始时间'));
    // Only non-working days (Saturday and Sunday).
    await fillSpan(page, '2026-06-27', '上午', '2026-06-28', '下午');
    await visible(page.getByText('请假时段内没有工作日（休息日、节假日无需请假）'));

    // 1.5 days: Thursday morning to Friday morning.
    await fillSpan(page, '2026-06-25', '上午', '2026-06-26', '上午');
    await containsText(page.getByTestId('leave-route'), '分管领导审批（王丽娟） → 局长审批（刘建国）');
    await visible(page.getByText('时长：'));
    await containsText(page.getByText(/^时长：/), '1.5天');
    await visible(page.getByText(/^LV-3[ ：]/));
    await visible(page.getByText(/事后补办（LV-5）/));

    // Missing reason: refused at the field; the dates stay as typed.
    await page.getByRole('button', { name: '提交' }).click();
    await visible(page.getByText('请填写事由'));
    expect(await page.getByLabel('开始', { exact: true }).inputValue()).toBe('2026-06-25');
    expect(await page.getByLabel('结束', { exact: true }).inputValue()).toBe('2026-06-26');

    await page.getByLabel('事由').fill('老家房屋修缮，需回乡处理');
    await page.getByRole('button', { name: '提交' }).click();
    await visible(page.getByRole('heading', { name: /请〔2026〕\d+号 钱雪 事假/ }));
    leaveUrl = page.url();
    await page.screenshot({ path: '/tmp/leave-detail.png', fullPage: true });

    // An overlapping request of the same person is refused; what was typed stays.
    await page.goto(leaveUrl.replace(/#.*$/, '#/leave/new'));
    await pickOption(page, '请假类型', '病假');
    await fillSpan(page, '2026-06-26', '上午', '2026-06-26', '下午');
    await page.getByLabel('事由').fill('看病');
    await visible(page.getByText(/与已有请假 请〔2026〕\d+号（2026-06-25上午至2026-06-26上午）时间重叠/));
    await page.getByRole('button', { name: '提交' }).click();
    expect(await page.getByLabel('事由').inputValue()).toBe('看病');
    await page.screenshot({ path: '/tmp/leave-form-errors.png', fullPage: true });
    await logout(page);
  });

  it('is approved by the deputy and then the director', async () => {
    const { page } = app;
    for (const who of ['fujuzhang2', 'juzhang']) {
      await signInAs(page, who);
      await page.goto(leaveUrl);
      await visible(page.getByRole('button', { name: '同意' }));
      await page.getByRole('button', { name: '同意' }).click();
      await visible(page.getByText('已同意'));
      await logout(page);
    }
    await signInAs(page, 'keyuan');
    await page.goto(leaveUrl);
    await containsText(page.locator('.mantine-Badge-root').first(), '已批准');
  });

  it('prints the 请假申报条 with both approvers’ names and dates', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '打印请假申报条' }).click();
    await visible(page.locator('.print-area'));
    const area = page.locator('.print-area');
    await containsText(area, '王丽娟');
    await containsText(area, '刘建国');
    await page.screenshot({ path: '/tmp/leave-slip.png', fullPage: true });
    const pdf = join(dir, 'slip.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('请假申报条');
    expect(text).toMatch(/请〔2026〕\d+号/);
    expect(text).toContain('钱雪');
    expect(text).toContain('办信股');
    expect(text).toContain('事假');
    expect(text).toContain('1.5天');
    // a formal form writes dates as 2026年6月25日 (issue 14)
    expect(text).toMatch(/自 2026年6月25日 上午 至 2026年6月26日 上午/);
    expect(text).toContain('LV-3');
    expect(text).toMatch(/分管领导意见 (同意 )?审批人：王丽娟 签字： 2026年6月30日/);
    expect(text).toMatch(/局长意见 (同意 )?审批人：刘建国 签字： 2026年6月30日/);
    // each opinion printed once (issue 14: no “同意。同意。”)
    expect(text.match(/同意/g)).toHaveLength(2);
    expect(text).toContain('销假日期');
    // Printing records the printed state (LV-6).
    await page.getByRole('button', { name: '打印' }).click();
    await visible(page.getByText(/^已打印 2026-06-30/));
    await logout(page);
  });

  it('shows 事 on those sessions in the month’s 考勤表, on screen and in the downloaded workbook', async () => {
    const { page } = app;
    await signInAs(page, 'kaoqin');
    await openModule(page, '考勤');
    await page.getByRole('tab', { name: '月度考勤表' }).click();
    await page.getByLabel('月份').fill('2026-06');
    const row = page.getByRole('table', { name: '考勤表' }).getByRole('row').filter({ hasText: '钱雪' });
    await visible(row);
    const cells = row.getByRole('cell');
    // 序号, 姓名, 股室, then day 1 … : day 25 is the 28th cell (index 27).
    await containsText(cells.nth(3 + 24), '事/事');
    expect(await cells.nth(3 + 25).textContent()).toMatch(/^事\//);
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出Excel' }).click();
    const file = join(dir, 'sheet.xlsx');
    await (await dl).saveAs(file);
    const wb = await readWithExcelJS(file);
    const ws = wb.getWorksheet('考勤表')!;
    const header = ws.getRow(2).values as unknown[];
    const col25 = header.indexOf('25日');
    const colPersonal = header.indexOf('事假(天)');
    let qian: unknown[] = [];
    ws.eachRow((r) => {
      if ((r.values as unknown[]).includes('钱雪')) qian = r.values as unknown[];
    });
    expect(qian[col25]).toBe('事/事');
    expect(String(qian[col25 + 1])).toMatch(/^事\//);
    const personalMarks =
      (qian.slice(header.indexOf('1日'), header.indexOf('30日') + 1) as string[]).join('').split('事')
        .length - 1;
    expect(qian[colPersonal]).toBe(personalMarks / 2);
    const py = readWithOpenpyxl(file).find((s) => s.name === '考勤表')!;
    const pyRow = py.rows.find((r) => r.includes('钱雪'))!;
    expect(pyRow[py.rows[1].indexOf('25日')]).toBe('事/事');
  });
});
