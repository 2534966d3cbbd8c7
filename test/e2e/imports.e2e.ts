// Imports tried with bad files (issue 13, points 21–25), through the 信访 → 导入 screen in Chromium:
// a file with one bad row imports nothing, the same file twice shows every row as a likely
// duplicate and does not double the records, formulas and a renamed zip are refused plainly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { appPerSuite, containsText, openModule, openTab, screenshots, visible } from './harness';

const shot = screenshots(process.env.IMPORT_SHOTS === '1' ? '/tmp' : undefined, 'imports-');
const HEAD = ['收信日期', '来信人', '联系电话', '住址', '所属乡镇', '问题类别', '内容摘要'];

function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const GOOD = [
  [
    daysAgo(3),
    '欧阳导入甲',
    '13973911001',
    '金石镇黄家村2组',
    '金石镇',
    '劳动社保',
    '反映导入测试甲所在工地老板拖欠二十名农民工工资共计十五万元，春节前仍未兑现',
  ],
  [
    daysAgo(2),
    '欧阳导入乙',
    '13973911002',
    '回龙镇石门村5组',
    '回龙镇',
    '国土资源',
    '反映导入测试乙的承包地被邻村强行占用修建养殖场，多次协调未果，请求依法处理',
  ],
  [
    daysAgo(1),
    '欧阳导入丙',
    '13973911003',
    '高桥镇新华村1组',
    '高桥镇',
    '城乡建设',
    '反映导入测试丙小区电梯长期故障无人维修，老人上下楼困难，物业推诿不管',
  ],
];

async function xlsx(dir: string, name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导出');
  for (const r of rows) ws.addRow(r);
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

// A zip that holds no workbook (stored entries), renamed to .xlsx.
function renamedZip(dir: string): string {
  const name = new TextEncoder().encode('readme.txt');
  const data = new TextEncoder().encode('not a workbook');
  const crc = 0; // readers that check the CRC would refuse it too: the file is still no workbook
  const local = Buffer.alloc(30 + name.length + data.length);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  local.set(name, 30);
  local.set(data, 30 + name.length);
  const central = Buffer.alloc(46 + name.length);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.set(name, 46);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  const path = join(dir, '照片压缩包.xlsx');
  writeFileSync(path, Buffer.concat([local, central, end]));
  return path;
}

async function petitionCount(page: Page): Promise<number> {
  await openTab(page, '信访件');
  const count = page.getByTestId('petition-count');
  await containsText(count, /共 \d+ 件/);
  return Number(/共 (\d+) 件/.exec((await count.textContent()) ?? '')![1]);
}

async function choose(page: Page, path: string) {
  await openTab(page, '导入');
  // a new choice replaces the last one (clear it first, so choosing the same file again reads it again)
  const clear = page.locator('.mantine-FileInput-section button, button[aria-label="清除"]');
  if (
    await clear
      .first()
      .isVisible()
      .catch(() => false)
  )
    await clear.first().click();
  await page.locator('input[type="file"]').setInputFiles(path);
}

const preview = (page: Page) => page.getByRole('table', { name: '导入预览' });
const confirmButton = (page: Page) => page.getByRole('button', { name: /^确认导入/ });

describe('imports tried with bad files (issue 13, points 21–25)', () => {
  const app = appPerSuite({ login: 'keyuan', timeout: 180_000 });
  let before = 0;
  const dir = mkdtempSync(join(tmpdir(), 'imports-e2e-'));

  beforeAll(async () => {
    await openModule(app.page, '信访');
    before = await petitionCount(app.page);
  });

  it('imports nothing from a file with one bad row of three (all or nothing)', async () => {
    const { page } = app;
    const path = await xlsx(dir, '一行有误.xlsx', [
      HEAD,
      GOOD[0],
      [daysAgo(2), '', '13973911009', '', '回龙镇', '国土资源', '缺少姓名的一行'],
      GOOD[2],
    ]);
    await choose(page, path);
    await visible(preview(page));
    await containsText(page.getByText(/拒绝 \d+ 行/).first(), '拒绝 1 行');
    await visible(page.getByText('有不合格的行，整份文件都不能导入'));
    await visible(page.getByText(/拒绝：缺少信访人（来信人）（PET-1）/));
    expect(await confirmButton(page).isDisabled()).toBe(true);
    expect(await confirmButton(page).textContent()).toBe('确认导入');
    await shot(page, 'refused');
    expect(await petitionCount(page)).toBe(before);
  });

  it('refuses formula cells with their address, and a zip renamed to .xlsx', async () => {
    const { page } = app;
    const formulas = await xlsx(dir, '公式.xlsx', [
      HEAD,
      [
        GOOD[0][0],
        { formula: 'HYPERLINK("http://example.com/p/1","李四")', result: '李四' },
        ...GOOD[0].slice(2),
      ],
    ]);
    await choose(page, formulas);
    await visible(page.getByText(/单元格 B2 是公式“=HYPERLINK\(/));
    expect(await confirmButton(page).isDisabled()).toBe(true);

    await choose(page, renamedZip(dir));
    await visible(page.getByText('该文件不是Excel工作簿（.xlsx）', { exact: false }));
    expect(await page.getByText('工作簿中没有工作表').count()).toBe(0);
    await shot(page, 'not-a-workbook');
  });

  it('imports a good file once; the same file again shows every row as a likely duplicate and does not double', async () => {
    const { page } = app;
    const path = await xlsx(dir, '全国系统导出.xlsx', [['全国信访信息系统导出'], HEAD, ...GOOD]);
    await choose(page, path);
    await visible(preview(page));
    await containsText(page.getByText(/通过 \d+ 行/).first(), '通过 3 行');
    await confirmButton(page).click();
    await visible(page.getByText('已导入 3 件信访件。'));
    expect(await petitionCount(page)).toBe(before + 3);

    await choose(page, path);
    await visible(preview(page));
    await visible(page.getByText('发现可能重复的信访件（PET-10）'));
    await containsText(page.getByText(/可能重复 \d+ 行/).first(), '可能重复 3 行（待选择 3 行）');
    expect(await page.getByText(/^可能重复：宁信来〔\d{4}〕\d+/).count()).toBe(3);
    expect(await confirmButton(page).isDisabled()).toBe(true);
    await visible(page.getByText('还有 3 行可能重复的未选择处理方式。'));
    await shot(page, 'duplicates');

    // row 3: linked as 重复件 to the case it repeats; the others skipped
    await page.getByRole('combobox', { name: '第3行的处理' }).click();
    await page
      .getByRole('option', { name: /^作为重复件关联到 宁信来/ })
      .first()
      .click();
    for (const r of [4, 5]) {
      await page.getByRole('combobox', { name: `第${r}行的处理` }).click();
      await page.getByRole('option', { name: '跳过（不导入）' }).click();
    }
    await containsText(confirmButton(page), '确认导入 1 行');
    await shot(page, 'decided');
    await confirmButton(page).click();
    await visible(page.getByText('已导入 1 件信访件，其中 1 件作为重复件关联；跳过 2 行。'));
    expect(await petitionCount(page)).toBe(before + 4);
  });
});
