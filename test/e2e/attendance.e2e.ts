// 考勤 end to end: the clerk's register by keyboard only (a bad time refused in Chinese, nothing
// typed lost), a sign-in 16 minutes late shows 迟 and costs 0.5, the person's own 签到 with the PC
// clock, the month closed through its three steps and then read-only, and the downloaded 考勤表
// opened again (exceljs and openpyxl) with its codes and totals checked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  appPerSuite,
  containsText,
  installClock,
  logout,
  openModule,
  signInAs,
  signInAtWork,
  visible,
} from './harness';
import { readWithExcelJS, readWithOpenpyxl } from './readers';

// Tuesday 30 June 2026, 08:05 local time.
const NOW = new Date(2026, 5, 30, 8, 5, 0);
const dir = mkdtempSync(join(tmpdir(), 'attendance-e2e-'));

async function monthScore(page: Page, name: string): Promise<number> {
  await page.goto(page.url().replace(/#.*$/, '#/attendance/month/2026-06'));
  const row = page.getByRole('table', { name: '考勤表' }).getByRole('row').filter({ hasText: name });
  await visible(row);
  return Number(await row.getByRole('cell').last().textContent());
}

describe('attendance: register, late, month close, export', () => {
  const app = appPerSuite({ prepare: (a) => installClock(a, NOW), timeout: 180_000 });

  it('lets a person sign in with the PC clock, once per session', async () => {
    const { page } = app;
    await signInAtWork(app, 'keyuan', NOW);
    await visible(page.getByText('上午签到时间 08:05'));
    await visible(page.getByText('上午：已签到 08:05（本人签到）'));
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await visible(page.getByText('上午已签到（08:05）（ATT-1，制度 二、(一)1）'));
    await logout(page);
  });

  it('enters a day with the keyboard alone; a bad time is refused in Chinese and kept', async () => {
    const { page } = app;
    await signInAs(page, 'kaoqin');
    await openModule(page, '考勤');
    await visible(page.getByRole('tab', { name: '每日登记', selected: true }));
    await visible(page.getByLabel('登记日期'));
    expect(await page.getByLabel('登记日期').inputValue()).toBe('2026-06-30');
    const first = page.locator('input[aria-label$=" 上午签到"]').first();
    await visible(first);
    // The cursor starts in the first cell: type, Enter saves and moves down.
    const names = await page
      .locator('input[aria-label$=" 上午签到"]')
      .evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('aria-label')!.split(' ')[0]));
    const times = ['0752', '758', '08:01', '0816', '25:00'];
    for (const t of times) {
      await page.keyboard.type(t);
      await page.keyboard.press('Enter');
    }
    // 25:00 is refused at the cell and stays as typed; the cursor stays there.
    await visible(
      page.getByRole('alert').filter({ hasText: '时间无效：请输入00:00至23:59之间的时间，如 0812 或 08:12' }),
    );
    expect(await page.getByLabel(`${names[4]} 上午签到`).inputValue()).toBe('25:00');
    // Correct it, then go right into the afternoon column with the arrow keys and type a time.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0805');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('1431');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('1500');
    await page.keyboard.press('Enter');
    await page.screenshot({ path: '/tmp/attendance-register.png', fullPage: true });

    // The results are derived by the rules: 08:16 is late, 15:00 is late for 14:30.
    await containsText(page.getByTestId(`result-${names[3]}`), '迟 /');
    await containsText(page.getByTestId(`result-${names[0]}`), '√ /');
    // Reload: everything typed was saved.
    await page.reload();
    await signInAs(page, 'kaoqin');
    await page.goto(page.url().replace(/#.*$/, '#/attendance/register/2026-06-30'));
    await visible(page.getByLabel(`${names[0]} 上午签到`));
    const values = [];
    for (const n of names) values.push(await page.getByLabel(`${n} 上午签到`).inputValue());
    expect(values).toEqual(['07:52', '07:58', '08:01', '08:16', '08:05']);
    expect(await page.getByLabel(`${names[4]} 下午签到`).inputValue()).toBe('14:31');
    expect(await page.getByLabel(`${names[3]} 下午签到`).inputValue()).toBe('15:00');
    await containsText(page.getByTestId(`result-${names[3]}`), '迟 / 迟');
  });

  it('shows a sign-in 16 minutes late as 迟 and takes 0.5 off the month score', async () => {
    const { page } = app;
    await page.goto(page.url().replace(/#.*$/, '#/attendance/register/2026-06-29'));
    const cell = page.getByLabel('钱雪 上午签到');
    await visible(cell);
    await cell.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0800');
    await page.keyboard.press('Enter');
    await containsText(page.getByTestId('result-钱雪'), '√ /');
    const onTime = await monthScore(page, '钱雪');
    await page.goto(page.url().replace(/#.*$/, '#/attendance/register/2026-06-29'));
    await page.getByLabel('钱雪 上午签到').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0816');
    await page.keyboard.press('Enter');
    await containsText(page.getByTestId('result-钱雪'), '迟 /');
    const late = await monthScore(page, '钱雪');
    expect(late).toBe(onTime - 0.5);
    const row = page.getByRole('table', { name: '考勤表' }).getByRole('row').filter({ hasText: '钱雪' });
    expect(
      await row
        .getByRole('cell')
        .nth(3 + 28)
        .textContent(),
    ).toMatch(/^迟\//);
    await page.screenshot({ path: '/tmp/attendance-month.png', fullPage: true });
    await logout(page);
  });

  it('closes the month: clerk → 分管领导 → 局长 → announced, then the register is read-only', async () => {
    const { page } = app;
    // The clerk compiles at the end of the month's last day.
    await app.context.clock.setSystemTime(new Date(2026, 5, 30, 17, 40, 0));
    await signInAs(page, 'kaoqin');
    await page.goto(page.url().replace(/#.*$/, '#/attendance/close/2026-06'));
    await page.getByRole('button', { name: '汇总并提交核实' }).click();
    await visible(page.getByText('已汇总，待分管领导核实'));
    await logout(page);

    for (const [who, stage] of [
      ['fujuzhang1', '已核实，待局长审阅'],
      ['juzhang', '已审阅，待通报'],
    ]) {
      await signInAs(page, who);
      await page.goto(page.url().replace(/#.*$/, '#/attendance/close/2026-06'));
      await page.getByRole('button', { name: '同意' }).click();
      await visible(page.getByText(stage));
      await logout(page);
    }

    await signInAs(page, 'kaoqin');
    await page.goto(page.url().replace(/#.*$/, '#/attendance/close/2026-06'));
    await page.getByRole('button', { name: '全局通报', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通报' }).click();
    await visible(page.getByText('已通报（锁定）'));
    await page.screenshot({ path: '/tmp/attendance-close.png', fullPage: true });

    await page.goto(page.url().replace(/#.*$/, '#/attendance/register/2026-06-29'));
    await visible(page.getByText('该月考勤已通报并锁定（ATT-7）'));
    const cell = page.getByLabel('钱雪 上午签到');
    expect(await cell.getAttribute('readonly')).not.toBeNull();
    await cell.click();
    await page.keyboard.type('0800');
    expect(await cell.inputValue()).toBe('08:16');
  });

  it('exports the 考勤表: codes and totals read back by exceljs and openpyxl', async () => {
    const { page } = app;
    await page.goto(page.url().replace(/#.*$/, '#/attendance/month/2026-06'));
    await visible(page.getByText('已通报（第1版，锁定）'));
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出Excel' }).click();
    const file = join(dir, '考勤表.xlsx');
    await (await dl).saveAs(file);

    const wb = await readWithExcelJS(file);
    const ws = wb.getWorksheet('考勤表')!;
    expect(String(ws.getCell('A1').value)).toBe('新宁县信访局考勤表（2026年6月）');
    const header = (ws.getRow(2).values as unknown[]).map((v) => (v == null ? '' : String(v)));
    const at = (h: string) => header.indexOf(h);
    expect(header.slice(1, 4)).toEqual(['序号', '姓名', '股室']);
    expect(header.slice(-7)).toEqual([
      '迟到',
      '早退',
      '旷工(天)',
      '事假(天)',
      '病假(天)',
      '公出(天)',
      '月考核分',
    ]);
    let rows = 0;
    ws.eachRow((r, n) => {
      const v = r.values as unknown[];
      if (n < 3 || typeof v[1] !== 'number') return;
      rows++;
      const codes = v.slice(at('1日'), at('30日') + 1).map((c) => String(c ?? ''));
      const count = (mark: string) => codes.join('').split(mark).length - 1;
      // Totals agree with the codes (weekends show 休) and the score with ATT-3..6.
      expect(v[at('迟到')]).toBe(count('迟'));
      expect(v[at('早退')]).toBe(count('早'));
      expect(v[at('旷工(天)')]).toBe(count('旷') / 2);
      expect(v[at('事假(天)')]).toBe(count('事') / 2);
      expect(v[at('公出(天)')]).toBe(count('公') / 2);
      expect(v[at('月考核分')]).toBe(100 - 0.5 * count('迟') - 0.5 * count('早') - 7.5 * count('旷'));
      expect(codes[5]).toBe('休'); // Saturday 6 June
      expect(codes[18]).toBe('休'); // 端午 19 June
      if (v[at('姓名')] === '钱雪') expect(codes[28]).toMatch(/^迟\//);
    });
    expect(rows).toBeGreaterThanOrEqual(30);
    const score = wb.getWorksheet('月考核分汇总')!;
    expect(String(score.getCell('A1').value)).toContain('月考核分汇总');

    const py = readWithOpenpyxl(file);
    const sheet = py.find((s) => s.name === '考勤表')!;
    expect(sheet.orientation).toBe('landscape');
    const pyHeader = sheet.rows[1];
    const qian = sheet.rows.find((r) => r[pyHeader.indexOf('姓名')] === '钱雪')!;
    expect(String(qian[pyHeader.indexOf('29日')])).toMatch(/^迟\//);
    expect(typeof qian[pyHeader.indexOf('月考核分')]).toBe('number');
    const sig = sheet.rows.flat().find((c) => typeof c === 'string' && c.includes('考勤员'));
    expect(sig).toContain('分管领导核实');
    expect(sig).toContain('局长审阅');
  });
});

// Issue 13 (5, 6, 15): a month in progress, 4 December 2026 at 10:00 (a Friday).
const DEC = new Date(2026, 11, 4, 10, 0, 0);
// Same-document navigation to a route, whether or not the address has a route yet.
const go = (page: Page, route: string) => page.goto(`${page.url().replace(/#.*$/, '')}#/attendance/${route}`);

describe('attendance: a month in progress is a preview; every module has an error boundary', () => {
  // a year of demo data on a busy machine
  const app = appPerSuite({ prepare: (a) => installClock(a, DEC), timeout: 300_000 });
  const errors: string[] = [];
  beforeAll(() => {
    app.page.on('pageerror', (e) => errors.push(e.message));
  });

  it('switches 月度考勤表 from 2026-12 to 2026-11 and still shows the sheet, with November’s 30 days', async () => {
    const { page } = app;
    await signInAs(page, 'kaoqin');
    await go(page, 'month/2026-12');
    const sheet = page.getByRole('table', { name: '考勤表' });
    await visible(sheet.getByRole('row').filter({ hasText: '钱雪' }));
    expect(await sheet.locator('thead th').count()).toBe(3 + 31 + 7);

    await page.getByLabel('月份').fill('2026-11');
    await page.waitForURL(/#\/attendance\/month\/2026-11$/);
    await visible(sheet.getByRole('row').filter({ hasText: '钱雪' }));
    await visible(page.getByRole('tab', { name: '月度考勤表', selected: true }));
    const deadline = Date.now() + 15_000;
    while ((await sheet.locator('thead th').count()) !== 3 + 30 + 7 && Date.now() < deadline)
      await page.waitForTimeout(100);
    expect(await sheet.locator('thead th').count()).toBe(3 + 30 + 7);
    expect(await page.getByText('出错了').count()).toBe(0);
    expect(errors).toEqual([]);
    // The codes of every row agree with its totals (here for one person: 迟 and 旷 against 迟到 and 旷工).
    const row = sheet.getByRole('row').filter({ hasText: '钱雪' });
    const cells = await row.getByRole('cell').allTextContents();
    const codes = cells.slice(3, 33).join('');
    const count = (m: string) => codes.split(m).length - 1;
    expect(Number(cells[33])).toBe(count('迟'));
    expect(Number(cells[35])).toBe(count('旷') / 2);
    expect(Number(cells[36])).toBe(count('事') / 2);
    await page.screenshot({ path: '/tmp/attendance-month-switched.png', fullPage: true });
  });

  it('refuses to compile December before its last working day, with the rule’s message; the preview is there', async () => {
    const { page } = app;
    // The 考勤表 of December is a preview up to today, and says so.
    await go(page, 'month/2026-12');
    await visible(page.getByText('预览（非正式，截至12月4日）'));
    await visible(page.getByRole('table', { name: '考勤表' }).getByRole('row').filter({ hasText: '钱雪' }));
    await page.screenshot({ path: '/tmp/attendance-month-preview.png', fullPage: true });

    await go(page, 'close/2026-12');
    await visible(page.getByText('未汇总'));
    const alert = page.getByRole('alert').filter({ hasText: '尚未到汇总时间' });
    await containsText(
      alert,
      '考勤每月底汇总（制度 二、(一)2）：2026年12月尚未结束，最后一个工作日是12月31日，此前不能汇总，只能查看预览（非正式）（ATT-7）',
    );
    expect(await page.getByRole('button', { name: '汇总并提交核实' }).isDisabled()).toBe(true);
    await visible(page.getByRole('heading', { name: '预览（非正式，截至12月4日）' }));
    await page.screenshot({ path: '/tmp/attendance-close-refused.png', fullPage: true });
  });

  it('leaves December out of the year (ATT-8) and says so', async () => {
    const { page } = app;
    await go(page, 'year/2026');
    await visible(page.getByText('只统计已结束的月份（ATT-8）：2026年12月尚未结束，未计入。'));
    const table = page.getByRole('table', { name: '年度考勤汇总' });
    const row = table.getByRole('row').filter({ hasText: '钱雪' });
    await visible(row);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[3 + 10]).not.toBe(''); // November counts
    expect(cells[3 + 11]).toBe(''); // December does not
    await page.screenshot({ path: '/tmp/attendance-year.png', fullPage: true });
  });

  it('shows 出错了 with a way back when a module’s page fails, not a blank window', async () => {
    const { page } = app;
    // The 印章 module's code cannot be loaded (not opened yet in this session): its page fails.
    await page.route(/\.js($|\?)/, (r) => r.abort());
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '印章', exact: true })
      .click();
    const alert = page.getByRole('alert').filter({ hasText: '出错了' });
    await containsText(alert, '「印章」页面遇到意外错误，暂时无法显示');
    await visible(page.locator('details summary', { hasText: '错误详情' }));
    await visible(page.getByRole('navigation', { name: '主导航' }));
    await page.screenshot({ path: '/tmp/error-boundary.png', fullPage: true });
    await page.unroute(/\.js($|\?)/);
    await page.getByRole('button', { name: '返回工作台' }).click();
    await page.waitForURL(/#\/dashboard$/);
    expect(await page.getByText('出错了').count()).toBe(0);
  });
});
