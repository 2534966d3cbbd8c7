import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

import type { LedgerSpec } from '../../../shared/ledger';
import { tooWideForA4 } from '../../../shared/ledger.testing';

import { letterLedger } from './testing';
import { CELL_TEXT_LIMIT, CELL_TRUNCATED_MARK, DEFAULT_FONT_XML, ledgerWorkbook } from './xlsx';

const spec: LedgerSpec = letterLedger({
  columns: [
    { key: 'no', header: '序号', type: 'int' },
    { key: 'regNo', header: '登记编号' },
    { key: 'date', header: '收信日期', type: 'date' },
    { key: 'amount', header: '金额', type: 'money' },
    { key: 'summary', header: '内容摘要' },
  ],
  rows: [
    { no: 1, regNo: '宁信来〔2026〕0001', date: '2026-11-02', amount: 1234.5, summary: '反映征地补偿问题' },
    { no: 2, regNo: '宁信来〔2026〕0002', date: '2026-11-30', amount: null, summary: '' },
  ],
  totals: { no: null, regNo: '合计', amount: 1234.5 },
});

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('ledgerWorkbook', () => {
  it('writes the title row merged across the columns, then the header row beginning 序号', async () => {
    const ws = await read(await ledgerWorkbook([spec], new Date(2026, 10, 26, 10, 30), '周文书'));
    expect(ws.getCell('A1').value).toBe('新宁县信访局来信台帐（2026年11月）');
    expect(ws.getCell('A1').isMerged && ws.getCell('E1').isMerged).toBe(true);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '登记编号',
      '收信日期',
      '金额',
      '内容摘要',
    ]);
  });

  it('writes real dates and numbers, not text', async () => {
    const ws = await read(await ledgerWorkbook([spec], new Date(2026, 10, 26), '周文书'));
    const date = ws.getCell('C3').value as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString().slice(0, 10)).toBe('2026-11-02');
    expect(ws.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('A3').value).toBe(1);
    expect(ws.getCell('D3').value).toBe(1234.5);
    expect(ws.getCell('D3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D4').value).toBeNull();
    expect(ws.getCell('B5').value).toBe('合计');
    expect(ws.getCell('B5').font?.bold).toBe(true);
  });

  it('prints A4 landscape at full size (not shrunk to fit), with the header row repeated and frozen', async () => {
    const ws = await read(await ledgerWorkbook([spec], new Date(2026, 10, 26), '周文书'));
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.scale).toBe(100);
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('ends with the 制表人/审核人 lines and the export time', async () => {
    const ws = await read(await ledgerWorkbook([spec], new Date(2026, 10, 26, 10, 30), '周文书'));
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.some((t) => t.startsWith('制表人：') && t.includes('审核人：'))).toBe(true);
    expect(texts).toContain('导出时间：2026-11-26 10:30    导出人：周文书');
  });

  it('sizes columns for Chinese text', async () => {
    const ws = await read(await ledgerWorkbook([spec], new Date(2026, 10, 26), '周文书'));
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(18); // 8 Chinese characters count double
  });

  it('names 宋体 on every cell it writes, the title larger and bold', async () => {
    const ws = await read(await ledgerWorkbook([spec], new Date(2026, 10, 26), '周文书'));
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.isMerged && c.master !== c) return;
        expect(c.font?.name, c.address).toBe('宋体');
        expect(c.font?.charset, c.address).toBe(134);
        expect(c.font?.size, c.address).toBe(c.address === 'A1' ? 16 : 10);
      }),
    );
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });

  it('gives every row an explicit height, taller for wrapped text', async () => {
    const long = '反映某建筑工地拖欠农民工工资共计十二万元，多次讨要未果，请求督促解决'.repeat(3);
    const ws = await read(
      await ledgerWorkbook(
        [{ ...spec, rows: [...spec.rows, { no: 3, summary: long }] }],
        new Date(2026, 10, 26),
        '周文书',
      ),
    );
    ws.eachRow((row) => expect(row.height, `row ${row.number}`).toBeGreaterThan(0));
    expect(ws.getRow(3).height).toBe(15);
    expect(ws.getRow(5).height).toBeGreaterThanOrEqual(27); // two lines or more
    expect(ws.getCell('E5').alignment?.wrapText).toBe(true);
  });

  it('puts the sheet’s own signature lines and 第N页 共M页 in every page’s footer', async () => {
    const ws = await read(
      await ledgerWorkbook(
        [{ ...spec, signatures: ['考勤员', '分管领导核实', '局长审阅'] }],
        new Date(2026, 10, 26, 10, 30),
        '周文书',
      ),
    );
    const footer = ws.headerFooter.oddFooter ?? '';
    expect(footer).toMatch(/^&L&"宋体,常规"&10考勤员：_+ {2}分管领导核实：_+ {2}局长审阅：_+&R/);
    expect(footer).toContain('第&P页 共&N页');
    expect(footer).toContain('导出时间：2026-11-26 10:30');
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts.some((t) => /^考勤员：_+ +分管领导核实：_+ +局长审阅：_+$/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('制表人'))).toBe(false);
  });

  it('writes a second header row for sub-headers, the other headers spanning both, and repeats both', async () => {
    const days: LedgerSpec = {
      ...spec,
      columns: [
        { key: 'no', header: '序号', type: 'int' },
        { key: 'd1', header: '1日', subHeader: '六', width: 4, minWidth: 4 },
        { key: 'd2', header: '2日', subHeader: '日', width: 4, minWidth: 4 },
      ],
      rows: [{ no: 1, d1: '休', d2: '休' }],
      totals: undefined,
    };
    const ws = await read(await ledgerWorkbook([days], new Date(2026, 10, 26), '周文书'));
    expect((ws.getRow(3).values as unknown[]).slice(2)).toEqual(['六', '日']);
    expect(ws.getCell('A3').isMerged && ws.getCell('A3').master.address).toBe('A2');
    expect(ws.pageSetup.printTitlesRow).toBe('2:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('A4').value).toBe(1);
  });

  it('moves a ledger too wide for A4 to A3', async () => {
    const wide = tooWideForA4(spec);
    const ws = await read(await ledgerWorkbook([wide], new Date(2026, 10, 26), '周文书'));
    expect(ws.pageSetup.paperSize).toBe(8);
    expect(ws.pageSetup.scale).toBe(100);
  });

  it('keeps a column of width 9 (exceljs’s default) in the sheet’s column list', async () => {
    const nine: LedgerSpec = {
      ...spec,
      columns: [{ key: 'x', header: '甲', width: 9, minWidth: 9 }],
      rows: [{ x: '乙' }],
      totals: undefined,
    };
    const zip = await JSZip.loadAsync(await ledgerWorkbook([nine], new Date(2026, 10, 26), '周文书'));
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(
      /<col min="1" max="1" width="9\.05"/,
    );
  });

  it('makes Arial 10 the workbook’s default font, the unit of column widths in every program', async () => {
    const zip = await JSZip.loadAsync(await ledgerWorkbook([spec], new Date(2026, 10, 26), '周文书'));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(/<fonts[^>]*>(<font>.*?<\/font>)/.exec(styles)?.[1]).toBe(DEFAULT_FONT_XML);
  });

  it('cuts a text over Excel’s 32,767-character cell limit, with a visible marker, so the workbook opens', async () => {
    expect(CELL_TEXT_LIMIT).toBe(32767);
    const long = '反映征地补偿问题'.repeat(5000); // 40,000 characters
    const exact = '访'.repeat(32767);
    // an emoji (two UTF-16 units) straddling the cut must not be split in half
    const pair = `${'访'.repeat(32767 - CELL_TRUNCATED_MARK.length - 1)}😀${'访'.repeat(100)}`;
    const ws = await read(
      await ledgerWorkbook(
        [
          {
            ...spec,
            rows: [
              { no: 1, regNo: '宁信来〔2026〕0003', date: '2026-11-03', summary: long },
              { no: 2, regNo: '宁信来〔2026〕0004', date: '2026-11-04', summary: exact },
              { no: 3, regNo: '宁信来〔2026〕0005', date: '2026-11-05', summary: pair },
            ],
            notes: ['注：'.repeat(20000)],
          },
        ],
        new Date(2026, 10, 26),
        '周文书',
      ),
    );
    const cut = String(ws.getCell('E3').value);
    expect(cut.length).toBeLessThanOrEqual(32767);
    expect(cut.endsWith(CELL_TRUNCATED_MARK)).toBe(true);
    expect(long.startsWith(cut.slice(0, -CELL_TRUNCATED_MARK.length))).toBe(true);
    expect(CELL_TRUNCATED_MARK).toContain('超出Excel单元格32767字上限');
    expect(ws.getCell('E4').value).toBe(exact);
    const cutPair = String(ws.getCell('E5').value);
    expect(cutPair.length).toBeLessThanOrEqual(32767);
    expect(cutPair).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    let longest = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        longest = Math.max(longest, String(c.value ?? '').length);
      }),
    );
    expect(longest).toBeLessThanOrEqual(32767);
  });
});
