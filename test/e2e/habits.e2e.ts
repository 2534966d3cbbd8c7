// A Chinese office's habits on a PC whose Windows is in English (issue 15): the browser runs with
// the en-US locale at 1366×768. People are found by pinyin and listed in the office's order, dates
// and months are Chinese, buttons are not the urgent red, icon buttons have Chinese names, a
// refusal cites its clause, and a dozen petitions fit on the screen.
import { pinyin } from 'pinyin-pro';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import {
  ADMIN,
  appPerSuite,
  go,
  loginAndWait,
  logout,
  openModule,
  openTab,
  screenshots,
  signInAs,
  signInAtWork,
  visible,
} from './harness';

const NOW = new Date(2026, 5, 30, 8, 5, 0); // a Tuesday, in the morning sign-in window
const shot = screenshots(process.env.HABITS_SHOTS, 'habits-', false); // HABITS_SHOTS: a folder for screenshots of the screens on the way
const ENGLISH =
  /mm\/dd\/yyyy|\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo|Tu|We|Th|Fr|Sa|Su)\b/;

// What the options of the open picker say, in order.
async function optionNames(page: Page): Promise<string[]> {
  const options = page.getByRole('listbox').getByRole('option');
  await options.first().waitFor();
  return (await options.allTextContents()).map((t) => t.trim());
}

describe('a Chinese office’s habits on an English Windows', () => {
  const app = appPerSuite({
    locale: 'en-US',
    viewport: { width: 1366, height: 768 },
    prepare: (a) => a.context.clock.install({ time: NOW }),
    timeout: 300_000,
  });

  it('names the password eye in Chinese (a toggle: aria-pressed says whether it shows)', async () => {
    const { page } = app;
    const eye = page.getByRole('button', { name: '显示密码' });
    await visible(eye);
    expect(await eye.getAttribute('aria-pressed')).toBe('false');
    await shot(page, 'login');
  });

  it('shows at least 12 petitions at 1366×768, and buttons in a colour other than the urgent red', async () => {
    const { page } = app;
    await signInAs(page, 'keyuan');
    await openModule(page, '信访');
    await openTab(page, '信访件');
    const rows = page.getByRole('table', { name: '信访件列表' }).locator('tbody tr');
    await rows.nth(11).waitFor();
    const boxes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().bottom));
    const onScreen = boxes.filter((bottom) => bottom <= 768).length;
    await shot(page, 'petitions-list');
    expect(onScreen).toBeGreaterThanOrEqual(12);

    const primary = await page
      .locator('button.mantine-Button-root[data-variant="filled"]:not(:disabled)')
      .first()
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    const urgent = await page.evaluate(() => {
      const mark = [...document.querySelectorAll('span')].find((s) => s.textContent === '【急】');
      const probe =
        mark ??
        Object.assign(document.body.appendChild(document.createElement('span')), {
          style: 'color: var(--mantine-color-red-text)',
        });
      return getComputedStyle(probe).color;
    });
    expect(primary).not.toBe(urgent);
    // not a red at all: red channel not dominant
    const [r, g, b] = primary.match(/\d+/g)!.map(Number);
    expect(b).toBeGreaterThan(r);
    expect(g + b).toBeGreaterThan(r);
  });

  it('finds a colleague by pinyin initials and full pinyin, listed in the office’s order', async () => {
    const { page } = app;
    await signInAs(page, 'bangongshi');
    await openModule(page, '考核与监督');
    await openTab(page, '投诉举报');
    const input = page.getByLabel('被投诉人', { exact: true }).first();
    await input.click();
    const all = await optionNames(page);
    expect(all.length).toBeGreaterThan(10);
    const names = all.map((t) => t.replace(/（.*$/, ''));
    // not code-point order (严明, 何勇, 冯涛, 刘建国 …): the office's, by rank then by pinyin
    expect(names).not.toEqual([...names].sort());
    expect(names[0]).toBe('刘建国');
    await shot(page, 'picker-open');

    for (const q of ['jf', 'jiangfang', '蒋f', 'JF']) {
      await input.fill(q);
      await visible(page.getByRole('option', { name: /^蒋芳/ }));
      expect((await optionNames(page)).length).toBeLessThan(all.length);
    }
    await input.fill('jiangf');
    await shot(page, 'picker-pinyin');
    await page.getByRole('option', { name: /^蒋芳/ }).click();
    expect(await input.inputValue()).toBe('蒋芳（科员）');
  });

  it('finds a petitioner in the 信访件 list by pinyin: initials, full, spaced and mixed with a character', async () => {
    const { page } = app;
    await signInAs(page, 'keyuan');
    await openModule(page, '信访');
    await openTab(page, '信访件');
    const rows = page.getByRole('table', { name: '信访件列表' }).locator('tbody tr');
    await rows.first().waitFor();
    const shown = () =>
      rows.evaluateAll((trs) =>
        trs.map((tr) => {
          const td = [...tr.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '');
          return { regNo: td[0], name: td[3].replace(/等\d+人$/, '') };
        }),
      );
    // a petitioner of the demo data, named in characters (not an informant masked as ***)
    const target = (await shown()).find((r) => /^[\u4e00-\u9fff]{2,4}$/.test(r.name) && r.name !== '匿名')!;
    expect(target).toBeTruthy();
    const spell = (n: string) => pinyin(n, { toneType: 'none', type: 'array', surname: 'head', v: true });
    const syl = spell(target.name);
    const initials = syl.map((s) => s[0]).join('');
    const cases: [string, (n: string) => boolean][] = [
      [
        initials,
        (n) =>
          spell(n)
            .map((s) => s[0])
            .join('')
            .startsWith(initials),
      ],
      [syl.join(''), (n) => spell(n).join('').startsWith(syl.join(''))],
      [syl.join(' ').toUpperCase(), (n) => spell(n).join('').startsWith(syl.join(''))],
      [target.name[0] + initials.slice(1), (n) => n.startsWith(target.name[0])],
    ];
    const field = page.getByLabel('姓名', { exact: true });
    for (const [q, fits] of cases) {
      await field.fill(q);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await expect
        .poll(
          async () => {
            const found = await shown();
            return found.some((r) => r.regNo === target.regNo) && found.every((r) => fits(r.name));
          },
          { timeout: 15_000 },
        )
        .toBe(true);
    }
    await shot(page, 'petitions-pinyin');
    await page.getByRole('button', { name: '重置', exact: true }).click();
  });

  it('shows dates as 2026-06-30 and a Chinese calendar, never mm/dd/yyyy or English month names', async () => {
    const { page } = app;
    await signInAs(page, 'bangongshi');
    await openModule(page, '会议');
    await go(page, '#/meetings/director/new');
    const date = page.getByLabel('会议日期', { exact: true });
    await visible(date);
    expect(await page.locator('input[type="date"], input[type="month"]').count()).toBe(0);
    expect((await date.getAttribute('placeholder')) ?? '').not.toMatch(ENGLISH);
    await date.fill('2026-12-01');
    await date.press('Tab');
    expect(await date.inputValue()).toBe('2026-12-01');
    await date.fill('2026年7月3日');
    await date.press('Tab');
    expect(await date.inputValue()).toBe('2026-07-03');
    await date.click();
    const calendar = page.locator('[data-dates-dropdown]');
    await visible(calendar);
    const text = (await calendar.textContent()) ?? '';
    expect(text).not.toMatch(ENGLISH);
    expect(text).toMatch(/2026年7月|七月/);
    expect(text).toMatch(/一.*二.*三/);
    await shot(page, 'date-calendar');
    await page.keyboard.press('Escape');

    // the chair is picked among the director's role holders only
    await page.getByLabel('主持人', { exact: true }).first().click();
    expect(await optionNames(page)).toEqual(['刘建国（局长）']);
    await page.keyboard.press('Escape');
  });

  it('shows the month as 2026-06 with Chinese month names in its picker', async () => {
    const { page } = app;
    await signInAs(page, 'kaoqin');
    await openModule(page, '考勤');
    await page.getByRole('tab', { name: '月度考勤表' }).click();
    const month = page.getByLabel('月份', { exact: true });
    await visible(month);
    expect(await month.inputValue()).toMatch(/^\d{4}-\d{2}$/);
    await month.fill('2026年5月');
    await month.press('Tab');
    expect(await month.inputValue()).toBe('2026-05');
    await month.click();
    const picker = page.locator('.mantine-Popover-dropdown').filter({ has: page.locator('table') });
    await visible(picker);
    const text = (await picker.textContent()) ?? '';
    expect(text).not.toMatch(ENGLISH);
    expect(text).toMatch(/1月|一月/);
    expect(text).toMatch(/12月|十二月/);
    await shot(page, 'month-picker');
    await page.keyboard.press('Escape');
  });

  it('names a dialog’s close button 关闭', async () => {
    const { page } = app;
    await logout(page);
    await loginAndWait(page, ADMIN.login, ADMIN.password);
    await openModule(page, '系统');
    await openTab(page, '股室与人员');
    await page.getByRole('button', { name: '新增人员' }).click();
    const dlg = page.getByRole('dialog', { name: '新增人员' });
    await visible(dlg.getByRole('button', { name: '关闭', exact: true }));
    await shot(page, 'dialog');
    await dlg.getByRole('button', { name: '关闭', exact: true }).click();
    await dlg.waitFor({ state: 'hidden' });
  });

  it('cites the clause with a refusal’s rule', async () => {
    const { page } = app;
    await signInAtWork(app, 'keyuan', NOW);
    await visible(page.getByText('上午签到时间 08:05'));
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await visible(page.getByText('上午已签到（08:05）（ATT-1，制度 二、(一)1）'));
    await shot(page, 'refusal');
  });
});
