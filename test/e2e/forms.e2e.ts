// Forms on paper (issue 14): every printed form of the demo bureau opened in its print view and
// saved as the office saves it (print media, the form's own @page), then read back: one page of the
// form's paper (A5 slips, A4 the rest), no blank page, dates written 2026年6月1日 (never
// 2026-06-01), no opinion printed twice (同意。同意。), signature boxes a hand can sign in (≥ 15 mm),
// and the 督办通知 numbered 督〔2026〕N号. FORMS_KEEP=1 keeps the PDFs and their page images
// (pdftoppm -r 60) for looking at.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appPerSuite, go, installClock, visible } from './harness';

const NOW = new Date(2026, 9, 30, 10, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'forms-e2e-'));
const MISSING = spawnSync('pdftotext', ['-v']).error ? 'pdftotext (poppler-utils)' : null;
const MM = 72 / 25.4;
const PAPER = { A4: [210, 297], A5: [148, 210] } as const;

type Form = { name: string; paper: keyof typeof PAPER; open: (page: Page) => Promise<void> };

// The first record of a list whose detail offers the button.
async function firstWith(page: Page, list: string | null, links: string, button: string | RegExp) {
  if (list) await go(page, list);
  const anchors = page.locator(links);
  await visible(anchors.first());
  const hrefs = (await anchors.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter(
    Boolean,
  );
  for (const h of [...new Set(hrefs)].slice(0, 12)) {
    await go(page, h.replace(/^.*#/, '#'));
    // the record's detail has loaded (a loaded machine may take seconds) before its buttons are judged
    await page.getByText('正在读取…').first().waitFor({ state: 'hidden', timeout: 15_000 });
    const b = page.getByRole('button', { name: button });
    // isVisible does not wait: wait up to 3 s for this record's detail to offer the button
    if (
      await b
        .first()
        .waitFor({ state: 'visible', timeout: 3_000 })
        .then(
          () => true,
          () => false,
        )
    ) {
      // a list re-rendering under the pointer: once more
      await b
        .first()
        .click({ timeout: 10_000 })
        .catch(() => b.first().click());
      return;
    }
  }
  throw new Error(`no record in ${list} offers ${button}`);
}

async function slip(page: Page, list: string) {
  await go(page, list);
  const link = page.locator('a[href*="#/leave/"]').filter({ hasText: /\d/ }).first();
  await visible(link);
  const href = (await link.getAttribute('href'))!.replace(/^.*#/, '#');
  await go(page, `${href}/slip`);
}

const FORMS: Form[] = [
  { name: '请假申报条', paper: 'A5', open: (p) => slip(p, '#/leave/list') },
  { name: '外出审批单', paper: 'A5', open: (p) => slip(p, '#/leave/trips') },
  {
    name: '收文处理单',
    paper: 'A4',
    open: (p) => firstWith(p, '#/documents/incoming', 'a[href*="#/documents/incoming/"]', '收文处理单'),
  },
  {
    name: '发文稿纸',
    paper: 'A4',
    open: (p) => firstWith(p, '#/documents/outgoing', 'a[href*="#/documents/outgoing/"]', '发文稿纸'),
  },
  {
    name: '报销审批单',
    paper: 'A4',
    open: (p) => firstWith(p, '#/finance/claims', 'a[href*="#/finance/claims/"]', '报销审批单'),
  },
  {
    name: '信访事项交办单',
    paper: 'A4',
    // a case handed down (已交办), found as the 转送函 below finds a forwarded one
    open: async (page) => {
      await go(page, '#/petitions/list');
      await page.getByLabel('状态').selectOption('handed_down');
      await page.getByRole('button', { name: '查询' }).click();
      await visible(page.getByRole('table').getByText('已交办').first());
      await firstWith(page, null, 'a[href*="#/petitions/case/"]', '打印交办单');
    },
  },
  {
    name: '信访事项转送函',
    paper: 'A4',
    open: async (page) => {
      await go(page, '#/petitions/list');
      await page.getByLabel('状态').selectOption('forwarded');
      await page.getByRole('button', { name: '查询' }).click();
      await visible(page.getByRole('table').getByText('已转送').first());
      await firstWith(page, null, 'a[href*="#/petitions/case/"]', '打印转送函');
    },
  },
  {
    name: '督办通知',
    paper: 'A4',
    open: async (page) => {
      await go(page, '#/petitions/supervise');
      await page.getByRole('button', { name: '打印督办通知' }).first().click();
      await page.getByRole('button', { name: '签发督办通知' }).click();
      await expect.poll(() => page.getByTestId('notice-number').textContent()).toMatch(/^督〔2026〕\d+号$/);
    },
  },
  {
    name: '添置办公用品申报单',
    paper: 'A4',
    open: (p) =>
      firstWith(p, '#/finance/requests', 'a[href*="#/finance/requests/"]', '打印添置办公用品申报单'),
  },
  {
    name: '考勤情况通报',
    paper: 'A4',
    open: async (page) => {
      await go(page, '#/attendance/close/2026-09');
      await page.getByRole('button', { name: '打印通报' }).click();
    },
  },
];

function pdfInfo(path: string): { pages: number; size: [number, number] } {
  const out = spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout;
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), size: [Number(size[1]), Number(size[2])] };
}

const pageText = (path: string, n: number) =>
  spawnSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), path, '-'], { encoding: 'utf8' })
    .stdout;

describe.skipIf(!!MISSING && !process.env.CI)('every form on its paper', () => {
  beforeAll(() => {
    if (MISSING) throw new Error(`${MISSING} is not installed`);
  });
  const app = appPerSuite({ prepare: (a) => installClock(a, NOW), login: 'juzhang', timeout: 600_000 });
  const printed = new Map<string, string>(); // form → pdf

  afterAll(() => {
    if (!process.env.FORMS_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`forms e2e files kept in ${dir}`);
  });

  for (const f of FORMS)
    it(`prints the ${f.name} alone on one ${f.paper} page`, async () => {
      const { page } = app;
      await f.open(page);
      const form = page.locator(`.form-print[data-form="${f.name}"]`);
      await visible(form);
      await expect.poll(() => form.getAttribute('data-paper')).toBe(f.paper);
      await page.emulateMedia({ media: 'print' });
      // signature boxes a hand can sign in
      const boxes = await page
        .locator('.form-print .sign-line, .form-print td.sign-cell')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(boxes.length, `${f.name}: signature boxes`).toBeGreaterThan(0);
      for (const h of boxes)
        expect(h * (25.4 / 96), `${f.name}: a signature box`).toBeGreaterThanOrEqual(14.9);
      const pdf = join(dir, `${f.name}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      printed.set(f.name, pdf);

      const info = pdfInfo(pdf);
      expect(info.pages, `${f.name}: pages`).toBe(1);
      const [w, h] = PAPER[f.paper];
      expect(info.size.map(Math.round), `${f.name}: paper`).toEqual([Math.round(w * MM), Math.round(h * MM)]);
      const text = pageText(pdf, 1);
      expect(text.replace(/\s+/g, ''), `${f.name}: title`).toContain(f.name.replace(/^信访事项/, ''));
      expect(text.trim().length, `${f.name}: a blank page`).toBeGreaterThan(50);
      expect(text, `${f.name}: ISO dates`).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);
      expect(text, `${f.name}: 年月日`).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      const flat = text.replace(/\s+/g, '');
      expect(flat, `${f.name}: an opinion printed twice`).not.toMatch(
        /(同意|不同意|退回)[。：:，,]?\1(?![^。：:，,])/,
      );
      expect(flat, `${f.name}: an opinion printed twice`).not.toMatch(/同意[。：:]同意/);
      // nothing of the app around it
      expect(flat).not.toContain('退出登录');
      expect(flat).not.toContain('主导航');
      if (process.env.FORMS_KEEP) spawnSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')]);
    }, 120_000);

  it('numbers the 督办通知 once: the same notice keeps its number and the foot its date of issue', async () => {
    const { page } = app;
    await go(page, '#/petitions/supervise');
    await page.getByRole('button', { name: '打印督办通知' }).first().click();
    await expect.poll(() => page.getByTestId('notice-number').textContent()).toMatch(/^督〔2026〕1号$/);
    expect(await page.getByRole('button', { name: '签发督办通知' }).count()).toBe(0);
    expect(pageText(printed.get('督办通知')!, 1)).toContain('2026年10月30日');
  });
});
