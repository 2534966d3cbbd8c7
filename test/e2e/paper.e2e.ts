// 台帐 on paper (issue 14): every ledger exported from the demo bureau, opened as the office opens it
// (LibreOffice, headless, to PDF), and the PDF's words measured: body text at 9 pt or more, no two
// lines of text on top of each other (a row too short for its wrapped text), every word on the
// page, every cell's text printed (nothing cut off), the header row on every page, and each page's
// footer with 第N页 共M页 and the sheet's own signature lines. The workbooks are also read back
// (exceljs; openpyxl where installed) for what the PDF cannot show: 宋体 named on every cell, row
// heights, print titles, the paper.
//
// Font size from a word box: pdftotext's box is the font's ascent + descent, a fixed multiple of the
// size for a given font. The multiple is measured in the same run on a calibration sheet (宋体 at
// exactly 10 pt, 100 %, CJK and Latin words), converted together with the ledgers, so the
// conversion holds for whichever fonts LibreOffice substitutes on this machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appPerSuite, go as goTo, installClock, visible } from './harness';
import { openpyxlAvailable, readPaperWithOpenpyxl, readWithExcelJS } from './readers';

const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error ? null : 'pdftotext';
// Friday 30 October 2026: ten months of the demo year behind, a complete 31-day August to print.
const NOW = new Date(2026, 9, 30, 10, 0, 0);
const MIN_PT = 9;
const dir = mkdtempSync(join(tmpdir(), 'paper-e2e-'));

type Word = { x0: number; y0: number; x1: number; y1: number; text: string };
type PdfPage = { width: number; height: number; words: Word[] };

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function pdfWords(path: string): PdfPage[] {
  const r = spawnSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${path}: ${r.stderr}`);
  const pages: PdfPage[] = [];
  const re =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of r.stdout.matchAll(re)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else
      pages[pages.length - 1].words.push({
        x0: Number(m[3]),
        y0: Number(m[4]),
        x1: Number(m[5]),
        y1: Number(m[6]),
        text: unescapeXml(m[7]),
      });
  }
  return pages;
}

const chars = (s: string) => [...s.replace(/\s+/g, '')];

function bag(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of chars(s)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

// What of `want` (as a bag of characters) `have` lacks, as a string ('' when nothing).
function missing(want: string, have: string): string {
  const h = bag(have);
  let out = '';
  for (const [c, n] of bag(want)) if ((h.get(c) ?? 0) < n) out += c.repeat(n - (h.get(c) ?? 0));
  return out;
}

// Two words on top of each other: boxes crossing by more than a sliver across, and by more than a
// third of the lower one's height down. (A wrapped cell's lines sit closer than their boxes are
// tall — LibreOffice's line pitch is under ascent + descent — so lines of one cell overlap by a
// few percent: that is not text on text.)
function overlaps(a: Word, b: Word): boolean {
  const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return dx > 0.5 && dy > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3;
}

function overlapping(words: Word[]): [Word, Word] | null {
  const sorted = [...words].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j].y0 < sorted[i].y1; j++)
      if (overlaps(sorted[i], sorted[j])) return [sorted[i], sorted[j]];
  return null;
}

// The header row's text at the top of a page (after the title on the first): the words from the
// top, in reading order, until as many characters as the header has — all of the header's, no
// others. (Rows never overlap, so the header's words all come before the first row's.) '' when so.
function headerBand(p: PdfPage, header: string, title = ''): string {
  const words = [...p.words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  let i = 0;
  let got = '';
  while (chars(got).length < chars(title).length && i < words.length) got += words[i++].text;
  let band = '';
  while (chars(band).length < chars(header).length && i < words.length) band += words[i++].text;
  return missing(header, band) + missing(band, header);
}

// The calibration sheet: 宋体 10 pt at 100 %, no fit, a CJK word and a Latin word.
async function writeCalibration(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('calibration', {
    pageSetup: { paperSize: 9, orientation: 'portrait', scale: 100 },
  });
  ws.columns = [{ width: 40 }, { width: 40 }];
  const row = ws.addRow(['宋体十磅校准', 'Calibration 0123456789']);
  row.height = 30;
  row.eachCell((c) => (c.font = { name: '宋体', size: 10, charset: 134 }));
  await wb.xlsx.writeFile(path);
}

type Ledger = { file: string; name: string; open: (page: Page) => Promise<void> };

const go = (hash: string) => (page: Page) => goTo(page, hash);

async function petitionLedger(page: Page, kind: string) {
  await go('#/petitions/ledger')(page);
  await page.getByLabel('台帐种类').getByText(kind, { exact: true }).click();
  await page.getByText('按期间', { exact: true }).click();
  await page.getByLabel('起始日期').fill('2026-01-01');
  await page.getByLabel('截止日期').fill('2026-10-30');
}

const LEDGERS: Ledger[] = [
  { file: 'laixin.xlsx', name: '来信台帐', open: (p) => petitionLedger(p, '来信台帐') },
  { file: 'laifang.xlsx', name: '来访台帐', open: (p) => petitionLedger(p, '来访台帐') },
  {
    file: 'shangfang.xlsx',
    name: '到县到市赴省进京上访台账',
    open: (p) => petitionLedger(p, '到县到市赴省进京上访台账'),
  },
  { file: 'kaoqin.xlsx', name: '考勤表', open: go('#/attendance/month/2026-08') },
  { file: 'kaoqin-year.xlsx', name: '年度考勤汇总', open: go('#/attendance/year/2026') },
  { file: 'shouwen.xlsx', name: '收文登记簿', open: go('#/documents/incoming') },
  { file: 'fawen.xlsx', name: '发文登记簿', open: go('#/documents/outgoing') },
  { file: 'jieyue.xlsx', name: '借阅登记', open: go('#/documents/loans') },
  { file: 'yinzhang.xlsx', name: '印章使用登记', open: go('#/seals/uses') },
  { file: 'jueding.xlsx', name: '会议决定落实台帐', open: go('#/meetings/decisions') },
  { file: 'xuexi.xlsx', name: '集中学习考勤登记', open: go('#/study/sessions') },
  { file: 'lunwen.xlsx', name: '学习心得论文登记', open: go('#/study/papers') },
  { file: 'baoxiao.xlsx', name: '报销登记', open: go('#/finance/ledger') },
  {
    file: 'qiandan.xlsx',
    name: '季末签单结算清单',
    open: async (page) => {
      await go('#/finance/bills')(page);
      await page.getByLabel('季度').selectOption('3');
    },
  },
  { file: 'xuanchuan.xlsx', name: '宣传奖励发放表', open: go('#/publicity/payout') },
  {
    file: 'kaohe.xlsx',
    name: '年度考核结果',
    open: async (page) => {
      await go('#/assessment/assess')(page);
      await page.getByLabel('年度', { exact: true }).selectOption({ label: '2025年' });
      await visible(page.getByText('已通报').first());
    },
  },
  { file: 'cheliang.xlsx', name: '车辆使用登记', open: go('#/duty/vehicles') },
  { file: 'liping.xlsx', name: '礼品登记', open: go('#/integrity/gifts') },
  {
    file: 'zhiban.xlsx',
    name: '值班表',
    open: async (page) => {
      await go('#/duty/rosters')(page);
      await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
    },
  },
];

// A developer PC without LibreOffice skips this file, saying so; CI (which installs it) fails instead.
const MISSING = !SOFFICE ? 'LibreOffice (soffice)' : !PDFTOTEXT ? 'pdftotext (poppler-utils)' : null;
if (MISSING && !process.env.CI)
  console.warn(
    `paper.e2e.ts skipped: ${MISSING} is not installed (apt-get install libreoffice-calc poppler-utils)`,
  );

describe.skipIf(!!MISSING && !process.env.CI)('every ledger on paper (LibreOffice → PDF)', () => {
  beforeAll(() => {
    if (MISSING) throw new Error(`${MISSING} is not installed: .ci/run installs it`);
  });
  const app = appPerSuite({ prepare: (a) => installClock(a, NOW), login: 'juzhang', timeout: 600_000 });
  const files = new Map<string, string>(); // name → .xlsx
  const pdfs = new Map<string, PdfPage[]>(); // name → pages
  let ratio = 1.3; // word box height per point of font size, measured below

  afterAll(() => {
    if (!process.env.PAPER_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`paper e2e files kept in ${dir}`);
  });

  it('exports each ledger from its 导出Excel button', async () => {
    const { page } = app;
    for (const l of LEDGERS) {
      await l.open(page);
      const button = page.getByRole('button', { name: '导出Excel' });
      await visible(button);
      const dl = page.waitForEvent('download', { timeout: 60_000 });
      await button.first().click();
      const path = join(dir, l.file);
      await (await dl).saveAs(path);
      files.set(l.name, path);
    }
    expect([...files.keys()]).toEqual(LEDGERS.map((l) => l.name));
  }, 600_000);

  it('converts them all to PDF in one LibreOffice run', () => {
    const calibration = join(dir, 'calibration.xlsx');
    return writeCalibration(calibration).then(() => {
      const profile = mkdtempSync(join(tmpdir(), 'lo-'));
      const r = spawnSync(
        SOFFICE!,
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          calibration,
          ...files.values(),
        ],
        { encoding: 'utf8', timeout: 500_000 },
      );
      rmSync(profile, { recursive: true, force: true });
      expect(r.status, r.stderr).toBe(0);
      const cal = pdfWords(calibration.replace(/\.xlsx$/, '.pdf'))[0].words;
      expect(cal.map((w) => w.text).join(' ')).toContain('宋体十磅校准');
      ratio = Math.max(...cal.map((w) => (w.y1 - w.y0) / 10));
      expect(ratio).toBeGreaterThan(1);
      for (const [name, xlsx] of files) {
        const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
        expect(existsSync(pdf), `${basename(pdf)} written`).toBe(true);
        pdfs.set(name, pdfWords(pdf));
      }
      console.log(readdirSync(dir).join(' '));
    });
  }, 600_000);

  it('prints body text at 9 pt or more, every word on the page', () => {
    for (const [name, pages] of pdfs) {
      expect(pages.length, name).toBeGreaterThan(0);
      pages.forEach((p, i) => {
        for (const w of p.words) {
          const pt = (w.y1 - w.y0) / ratio;
          expect(pt, `${name} p.${i + 1} “${w.text}” at ${pt.toFixed(1)} pt`).toBeGreaterThanOrEqual(
            MIN_PT - 0.05,
          );
          const inside = w.x0 >= 0 && w.y0 >= 0 && w.x1 <= p.width && w.y1 <= p.height;
          expect(inside, `${name} p.${i + 1} “${w.text}” off the page`).toBe(true);
          expect(w.text, `${name}: a number too wide for its column`).not.toMatch(/^#+$/);
        }
      });
    }
  });

  it('puts no line of text on top of another', () => {
    for (const [name, pages] of pdfs)
      pages.forEach((p, i) => {
        const hit = overlapping(p.words);
        expect(hit && `${name} p.${i + 1}: “${hit[0].text}” and “${hit[1].text}” overlap`).toBeNull();
      });
  });

  it('prints every cell’s text, the header row on every page, and each page’s footer', async () => {
    for (const [name, xlsx] of files) {
      const pages = pdfs.get(name)!;
      const wb = await readWithExcelJS(xlsx);
      let cells = '';
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (typeof c.value === 'string' && !c.isMerged) cells += c.value;
            else if (typeof c.value === 'string' && c.master === c) cells += c.value;
          }),
        );
      const all = pages.flatMap((p) => p.words.map((w) => w.text)).join('');
      expect(missing(cells, all), `${name}: text missing from the PDF (cut off)`).toBe('');

      // The sheets of the file one after another: each sheet's pages begin with its title.
      let at = 0;
      for (const ws of wb.worksheets) {
        const title = String(ws.getCell(1, 1).value);
        const headerRows = Number(/^2:(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? '')?.[1] ?? 2) - 1;
        let header = '';
        for (let r = 2; r <= 1 + headerRows; r++)
          ws.getRow(r).eachCell((c) => {
            if (c.master === c && typeof c.value === 'string') header += c.value;
          });
        const footer = /&L(?:&"[^"]*")?(?:&\d+)?(.*?)&[CR]/.exec(ws.headerFooter.oddFooter ?? '')?.[1] ?? '';
        const signatures = [...footer.matchAll(/(\S+)：/g)].map((m) => m[1]);
        expect(signatures.length, `${name}/${ws.name}: signatures in the footer`).toBeGreaterThan(0);
        const first = at;
        expect(
          pages[first]?.words.map((w) => w.text).join(''),
          `${name}: ${ws.name} begins a page`,
        ).toContain(title.replace(/\s+/g, ''));
        do {
          const p = pages[at];
          expect(
            headerBand(p, header, at === first ? title : ''),
            `${name}/${ws.name} p.${at + 1}: header row`,
          ).toBe('');
          const foot = p.words.filter((w) => w.y0 > p.height - 72).map((w) => w.text);
          for (const s of signatures)
            expect(
              foot.some((t) => t.startsWith(`${s}：`)),
              `${name} p.${at + 1}: ${s} in the footer`,
            ).toBe(true);
          expect(foot.join(' '), `${name} p.${at + 1}: page number`).toMatch(/第\d+页/);
          expect(foot.join(' ')).toMatch(/共\d+页/);
          at++;
        } while (
          at < pages.length &&
          !pages[at].words
            .map((w) => w.text)
            .join('')
            .includes(
              String(wb.worksheets[wb.worksheets.indexOf(ws) + 1]?.getCell(1, 1).value ?? '\u0000').replace(
                /\s+/g,
                '',
              ),
            )
        );
      }
      expect(at, `${name}: every page accounted for`).toBe(pages.length);
    }
  });

  it('names 宋体 on every cell, gives every row a height, repeats the header, and says the paper', async () => {
    for (const [name, xlsx] of files) {
      const wb = await readWithExcelJS(xlsx);
      for (const ws of wb.worksheets) {
        expect(ws.pageSetup.printTitlesRow, name).toMatch(/^2:[23]$/);
        expect([8, 9], name).toContain(ws.pageSetup.paperSize);
        expect(ws.headerFooter.oddFooter, name).toMatch(/第&P页 共&N页/);
        ws.eachRow((row) => {
          expect(row.height, `${name} row ${row.number} height`).toBeGreaterThan(0);
          row.eachCell((c) => {
            if (c.value !== null && c.value !== undefined && (!c.isMerged || c.master === c))
              expect(c.font?.name, `${name} ${c.address} font`).toBe('宋体');
          });
        });
      }
    }
    if (openpyxlAvailable()) {
      for (const [name, xlsx] of files)
        for (const s of readPaperWithOpenpyxl(xlsx)) {
          expect(s.printTitleRows, name).toMatch(/^\$?2:\$?[23]$/);
          expect(s.fonts, name).toEqual(['宋体']);
          expect(s.rowsWithoutHeight, name).toEqual([]);
          expect(s.footer, name).toMatch(/第.*页/);
        }
    }
  });

  it('prints the 来信台帐 from 打印预览 as its sheet: A3, 9 pt or more, the header and 第N页 共M页 on every page', async () => {
    const { page } = app;
    // Chromium's fonts, measured as LibreOffice's were: 宋体 at 10 pt.
    const cal = await app.context.newPage();
    await cal.setContent(
      `<p style="font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 10pt">宋体十磅校准 Calibration 0123456789</p>`,
    );
    const calPdf = join(dir, 'chromium-calibration.pdf');
    await cal.pdf({ path: calPdf });
    await cal.close();
    const chromiumRatio = Math.max(...pdfWords(calPdf)[0].words.map((w) => (w.y1 - w.y0) / 10));

    await petitionLedger(page, '来信台帐');
    await page.getByRole('button', { name: '打印预览' }).click();
    await visible(page.locator('.ledger-print'));
    // PAPER_SHOTS=/some/dir saves the preview as the screen shows it (for looking at, not asserted).
    if (process.env.PAPER_SHOTS)
      await page.screenshot({ path: join(process.env.PAPER_SHOTS, 'ledger-preview.png') });
    await page.emulateMedia({ media: 'print' });
    const pdf = join(dir, 'laixin-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '返回台帐' }).click();

    const pages = pdfWords(pdf);
    const sheet = (await readWithExcelJS(files.get('来信台帐')!)).worksheets[0];
    const header = (sheet.getRow(2).values as unknown[]).slice(1).join('');
    const title = String(sheet.getCell(1, 1).value);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(pdfs.get('来信台帐')!.length + 2);
    pages.forEach((p, i) => {
      expect([Math.round(p.width), Math.round(p.height)], `p.${i + 1}: A3 landscape`).toEqual([1191, 842]);
      for (const w of p.words) {
        const pt = (w.y1 - w.y0) / chromiumRatio;
        expect(pt, `打印预览 p.${i + 1} “${w.text}” at ${pt.toFixed(1)} pt`).toBeGreaterThanOrEqual(
          MIN_PT - 0.05,
        );
        expect(
          w.x0 >= 0 && w.y0 >= 0 && w.x1 <= p.width && w.y1 <= p.height,
          `“${w.text}” off the page`,
        ).toBe(true);
      }
      // Chromium draws bold CJK (synthetic: the font has no bold) as Type 3 glyphs, whose boxes pdftotext
      // reports at more than twice the font's height: those words (the header, the title) are left out
      // here; headerBand checks the header's text.
      const regular = p.words.filter((w) => w.y1 - w.y0 < 1.5 * 10 * chromiumRatio);
      const hit = overlapping(regular);
      expect(hit && `打印预览 p.${i + 1}: “${hit[0].text}” and “${hit[1].text}” overlap`).toBeNull();
      expect(headerBand(p, header, i === 0 ? title : ''), `打印预览 p.${i + 1}: header row`).toBe('');
      const foot = p.words.filter((w) => w.y0 > p.height - 60).map((w) => w.text);
      expect(foot, `打印预览 p.${i + 1}: page number`).toEqual(
        expect.arrayContaining([
          `第${i + 1}页`,
          `共${pages.length}页`,
          '制表人：__________',
          '审核人：__________',
        ]),
      );
    });
    const all = pages.flatMap((p) => p.words.map((w) => w.text)).join('');
    let cells = '';
    sheet.eachRow((row, n) => {
      if (n > 1) row.eachCell((c) => void (typeof c.value === 'string' && !c.isMerged && (cells += c.value)));
    });
    expect(missing(cells, all), '打印预览: text missing').toBe('');
  });

  it('writes the weekday under each day of the 考勤表, and its own signatures under the table and in the footer', async () => {
    const wb = await readWithExcelJS(files.get('考勤表')!);
    const ws = wb.getWorksheet('考勤表')!;
    const header = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    const weekdays = (ws.getRow(3).values as unknown[]).slice(
      header.indexOf('1日'),
      header.indexOf('31日') + 1,
    );
    expect(weekdays.slice(0, 8)).toEqual(['六', '日', '一', '二', '三', '四', '五', '六']); // 1 August 2026 a Saturday
    const lines: string[] = [];
    ws.eachRow((r) => lines.push(String(r.getCell(1).value ?? '')));
    const under = lines.find((t) => t.startsWith('考勤员：'))!;
    expect(under).toMatch(/^考勤员：_+ +分管领导核实：_+ +局长审阅：_+$/);
    expect(ws.headerFooter.oddFooter).toMatch(/考勤员：_+ +分管领导核实：_+ +局长审阅：_+/);
    expect(ws.headerFooter.oddFooter).not.toContain('制表人');
    // and on paper, under the day numbers
    const first = pdfs.get('考勤表')![0].words;
    const day1 = first.find((w) => w.text === '1日')!;
    const below = first.filter(
      (w) => w.y0 > day1.y1 - 1 && w.y0 < day1.y1 + 20 && w.x0 < day1.x1 && w.x1 > day1.x0,
    );
    expect(below.map((w) => w.text)).toContain('六');
  });

  it('sums the 报销登记 and keeps its FIN-2 column narrow', async () => {
    const wb = await readWithExcelJS(files.get('报销登记')!);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push(r.values as unknown[]));
    const sum = rows.find((r) => r.includes('合计'))!;
    const amount = header.indexOf('金额(元)');
    const total = rows
      .filter((r) => typeof r[1] === 'number')
      .reduce((n, r) => n + (typeof r[amount] === 'number' ? (r[amount] as number) : 0), 0);
    expect(sum[amount]).toBeCloseTo(total, 2);
    expect(ws.getColumn(header.indexOf('逾期报销(FIN-2)')).width).toBeLessThanOrEqual(16);
  });
});
