import { describe, expect, it } from 'vitest';

import {
  BODY_PT,
  breakUnits,
  cellText,
  COLUMN_PT,
  displayWidth,
  fitWidths,
  ledgerLayout,
  ledgerSignatures,
  lineCount,
  MAX_ROW_PT,
  measureColumn,
  MIN_PRINT_PT,
  printableWidthPt,
  rowHeightPt,
  rowLines,
  signatureLine,
  signatureLineFor,
  widthForText,
} from './ledger';
import type { ColumnMeasure, LedgerColumn, LedgerRow, LedgerSpec } from './ledger';
import { monthScoreSpec, monthSheetSpec, yearSpec } from './ledgers/attendance';
import type { MonthMarkRow } from './ledgers/attendance';
import { expenseLedger } from './ledgers/finance';
import { incomingRegisterSpec } from './ledgers/office';
import { letterLedgerSpec } from './ledgers/petitions';

// Excel's text area of a column (Excel and WPS at 96 dpi): 7 px a unit, less 5 px of padding.
const excelTextPt = (w: number) => w * 5.25 - 3.75;

describe('widths', () => {
  it('counts CJK characters double in the display width', () => {
    expect(displayWidth('来信台帐')).toBe(8);
    expect(displayWidth('2026-05-06')).toBe(10);
    expect(displayWidth('宁信来〔2026〕0001')).toBe(18);
  });

  it('gives a text the width that holds it on one line in Excel (SimSun) and in LibreOffice’s fallback fonts', () => {
    const w = widthForText('反映征地补偿问题'); // 8 CJK characters at 10 pt: 80 pt
    expect(excelTextPt(w)).toBeGreaterThanOrEqual(80 * 1.02);
    expect(w).toBeLessThan(18); // not the old 2 × 8 + 2
    // a date: ½ em a digit in SimSun, but DejaVu's digits are 0.64 em
    const d = widthForText('2026-05-06');
    expect(d * 5.55 - 3).toBeGreaterThanOrEqual(10 * (8 * 0.64 + 2 * 0.42));
    expect(d).toBeLessThan(12);
    expect(widthForText('')).toBe(0);
    expect(widthForText('来信', 16)).toBeGreaterThan(widthForText('来信'));
  });

  it('keeps closing punctuation with the character before it, an opening bracket with the one after, ASCII runs whole', () => {
    expect(breakUnits('一二').length).toBe(2);
    expect(breakUnits('一，二').length).toBe(2);
    expect(breakUnits('（一）').length).toBe(1);
    expect(breakUnits('13807390001').length).toBe(1);
    expect(breakUnits('ab cd').length).toBe(2);
    expect(breakUnits('宁信来〔2026〕0001').length).toBe(5); // 宁 信 来 〔2026〕 0001
  });
});

describe('lineCount', () => {
  it('is one line for a text that fits, and for an empty one', () => {
    expect(lineCount('反映征地补偿问题', widthForText('反映征地补偿问题'))).toBe(1);
    expect(lineCount('', 4)).toBe(1);
  });

  it('wraps CJK text at the characters a line holds', () => {
    const nine = widthForText('一二三四五六七八九'); // a column holding nine characters
    expect(lineCount('一'.repeat(9), nine)).toBe(1);
    expect(lineCount('一'.repeat(10), nine)).toBe(2);
    expect(lineCount('一'.repeat(31), nine)).toBe(4);
  });

  it('counts each paragraph on its own lines', () => {
    expect(lineCount('一\n二\n三', 10)).toBe(3);
  });

  it('moves a character to the next line rather than start a line with a comma', () => {
    const four = widthForText('一二三四');
    expect(lineCount('一二三四五', four)).toBe(2);
    expect(lineCount('一二三四，五', four)).toBe(2); // 一二三 / 四，五
    expect(lineCount('一二三四，五六七', four)).toBe(3); // 一二三 / 四，五六 / 七
  });

  it('cuts an unbreakable run longer than the line', () => {
    expect(lineCount('430528197003150123', widthForText('43052819'))).toBe(3);
  });

  it('wraps a Latin run where it would not fit in the fallback font, though it would in SimSun', () => {
    const w = widthForText('一二三四五六'); // 6 em in SimSun: 11 digits are 5.9 em there, 7 em in DejaVu
    expect(lineCount('13807390001', w)).toBe(2);
  });
});

describe('rowHeightPt', () => {
  it('is 1.2 lines of the font a line, and a little padding, up to Excel’s limit', () => {
    expect(rowHeightPt(1)).toBe(15);
    expect(rowHeightPt(3)).toBe(39);
    expect(rowHeightPt(1, 16)).toBe(22.5);
    expect(rowHeightPt(100)).toBe(MAX_ROW_PT);
  });
});

describe('cellText', () => {
  const col = (type: LedgerColumn['type']): LedgerColumn => ({ key: 'x', header: 'x', type });
  it('formats numbers as the sheet shows them', () => {
    expect(cellText(col('money'), 1234567.5)).toBe('1,234,567.50');
    expect(cellText(col('money'), -12.5)).toBe('-12.50');
    expect(cellText(col('number'), 100)).toBe('100.0');
    expect(cellText(col('number'), 99.25)).toBe('99.25');
    expect(cellText(col('int'), 7)).toBe('7');
    expect(cellText(col('date'), '2026-05-06')).toBe('2026-05-06');
    expect(cellText(col('text'), null)).toBe('');
  });
});

describe('measureColumn', () => {
  const rows = (key: string, ...v: (string | number)[]): LedgerRow[] => v.map((x) => ({ [key]: x }));

  it('sizes a date column to its dates, never narrower', () => {
    const m = measureColumn({ key: 'd', header: '收信日期', type: 'date' }, rows('d', '2026-05-06'));
    expect(m.min).toBe(m.ideal);
    expect(m.ideal).toBe(widthForText('2026-05-06'));
  });

  it('keeps a no-wrap code column as wide as its widest code', () => {
    const m = measureColumn({ key: 'n', header: '登记编号', wrap: false }, rows('n', '宁信来〔2026〕0001'));
    expect(m.min).toBe(widthForText('宁信来〔2026〕0001'));
  });

  it('caps a text column at its width; it may be narrowed to half that', () => {
    const long = '反映某建筑工地拖欠农民工工资共计十二万元，多次讨要未果，请求督促解决';
    const m = measureColumn({ key: 's', header: '内容摘要', width: 40 }, rows('s', long));
    expect(m.ideal).toBe(40);
    expect(m.full).toBe(widthForText(long));
    expect(m.min).toBe(20);
  });

  it('is as narrow as what a text column holds (否 is not 48 characters wide)', () => {
    const m = measureColumn({ key: 'l', header: '逾期报销(FIN-2)', width: 16 }, rows('l', '否', '否'));
    expect(m.ideal).toBeLessThanOrEqual(10); // the header, on two lines
    expect(lineCount('逾期报销(FIN-2)', m.ideal)).toBeLessThanOrEqual(2);
  });

  it('keeps a column left for a hand at its minWidth, and fixes one whose minWidth is its width', () => {
    expect(measureColumn({ key: 's', header: '签字', width: 12, minWidth: 12 }, rows('s', '')).ideal).toBe(
      12,
    );
    const day = measureColumn(
      { key: 'd1', header: '15日', subHeader: '一', width: 4, minWidth: 4 },
      rows('d1', '√/√'),
    );
    expect(day).toEqual({ min: 4, ideal: 4, full: 4, fixed: true });
  });

  it('measures the bold 合计 row bold (its figures are wider: a column too narrow shows ###)', () => {
    const col: LedgerColumn = { key: 'a', header: '金额', type: 'money' };
    const body = measureColumn(col, rows('a', 50402.6));
    const withTotal = measureColumn(col, rows('a', 50402.6), rows('a', 50402.6));
    expect(withTotal.min).toBe(widthForText('50,402.60', BODY_PT, true));
    expect(withTotal.min).toBeGreaterThan(body.min);
  });

  it('never narrows below the widest unbreakable piece', () => {
    const m = measureColumn({ key: 'p', header: '电话', width: 30 }, rows('p', '联系：13807390001'));
    expect(m.min).toBeGreaterThanOrEqual(widthForText('13807390001'));
  });
});

describe('fitWidths', () => {
  const m = (min: number, ideal: number, full = ideal, fixed = false): ColumnMeasure => ({
    min,
    ideal,
    full,
    fixed,
  });

  it('gives the room left to the columns that would wrap, then widens the table to the page (by half at most)', () => {
    expect(fitWidths([m(8, 10, 14), m(5, 5)], 17)).toEqual([12, 5]);
    expect(fitWidths([m(8, 10, 12), m(5, 5)], 100)).toEqual([18, 7.5]);
    expect(fitWidths([m(4, 4, 4, true), m(5, 5)], 12)).toEqual([4, 7.5]);
  });

  it('narrows the widest wrapping columns first, to one width, and leaves the short ones', () => {
    expect(fitWidths([m(10, 40), m(8, 20), m(6, 6), m(12, 12)], 50)).toEqual([16, 16, 6, 12]);
  });

  it('refuses a page narrower than the narrowest columns', () => {
    expect(fitWidths([m(10, 40), m(12, 12)], 20)).toBeNull();
  });
});

// A letter as the demo bureau's are.
const letter = (i: number) => ({
  informant: false,
  name: '王大明',
  phone: '13807390001',
  address: '黄家村3组',
  regNo: `宁信来〔2026〕${String(i).padStart(4, '0')}`,
  receivedOn: '2026-05-06',
  township: '金石镇',
  source: '上级交办（省信访局）',
  category: '劳动社保',
  summary: '反映某建筑工地拖欠农民工工资共计十二万元，多次讨要未果，请求督促解决'.slice(0, 12 + (i % 20)),
  handling: '交办',
  unitName: '县人力资源和社会保障局',
  handedOn: '2026-05-07',
  dueOn: '2026-07-06',
  concludedOn: '2026-06-30',
  outcome: '解释疏导',
  nationalNo: '43052800202600040',
  state: '已办结',
  remarks: i % 7 ? '' : '并入宁信访（2025）0007（同一信访人就同一事项再次反映）',
});

// A month of the 考勤表 as the demo bureau's: weekends 休, the other days signed both sessions.
const markRows: MonthMarkRow[] = Array.from({ length: 30 }, (_, i) => ({
  staffId: `s${i}`,
  name: '欧阳晓燕',
  section: '复查复核办',
  codes: Array.from({ length: 31 }, (_, d) => ((d + 1) % 7 < 2 ? '休' : d === i ? '迟/√' : '√/√')),
  late: 1,
  early: 0,
  absentDays: 0,
  personalLeaveDays: 0,
  sickLeaveDays: 0,
  otherLeaveDays: 0,
  tripDays: 0,
  presentDays: 21,
  deductions: { late: 0.5, early: 0, absent: 0, total: 0.5 },
  base: 100,
  score: 99.5,
}));

describe('ledgerLayout', () => {
  const small: LedgerSpec = {
    unitName: '新宁县信访局',
    ledgerName: '礼品登记',
    period: '2026年',
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'd', header: '日期', type: 'date' },
      { key: 't', header: '名称' },
    ],
    rows: [{ no: 1, d: '2026-01-02', t: '茶叶两盒' }],
  };

  it('prints a narrow ledger on A4 landscape at full size, or portrait where it prefers that', () => {
    expect(ledgerLayout(small)).toMatchObject({
      paper: 'A4',
      orientation: 'landscape',
      scale: 1,
      printPt: BODY_PT,
    });
    expect(ledgerLayout({ ...small, orientation: 'portrait' })).toMatchObject({
      paper: 'A4',
      orientation: 'portrait',
    });
    expect(ledgerLayout({ ...small, paper: 'A3' })).toMatchObject({ paper: 'A3', orientation: 'landscape' });
  });

  it('moves a ledger too wide for A4 to A3, keeping its text at full size (来信台帐: 18 columns)', () => {
    const spec = letterLedgerSpec(
      Array.from({ length: 40 }, (_, i) => letter(i + 1)),
      { unitName: '新宁县信访局', period: '2026年' },
    );
    expect(spec.paper).toBe('A3'); // its default
    const l = ledgerLayout({ ...spec, paper: undefined }); // and where it would go on its own
    expect(l.paper).toBe('A3');
    expect(l.printPt).toBeGreaterThanOrEqual(MIN_PRINT_PT);
    const widthPt = l.widths.reduce((a, b) => a + b, 0) * COLUMN_PT * l.scale;
    expect(widthPt).toBeLessThanOrEqual(printableWidthPt('A3', 'landscape'));
    // the long text wraps; the codes and dates keep one line
    const at = (key: string) => l.widths[spec.columns.findIndex((c) => c.key === key)];
    expect(lineCount(String(spec.rows[0].regNo), at('regNo'))).toBe(1);
    expect(lineCount('2026-05-06', at('receivedOn'))).toBe(1);
  });

  it('lays out the month’s 考勤表 on A3 with a column a day, two lines a cell, and the 月考核分汇总 on A4 portrait', () => {
    const sheet = monthSheetSpec({ unitName: '新宁县信访局', year: 2026, month: 8, rows: markRows });
    const l = ledgerLayout(sheet);
    expect(l).toMatchObject({ paper: 'A3', orientation: 'landscape' });
    expect(l.printPt).toBeGreaterThanOrEqual(MIN_PRINT_PT);
    expect(new Set(l.widths.slice(3, 34))).toEqual(new Set([4]));
    expect(lineCount('√/√', 4)).toBe(2);
    const score = ledgerLayout(
      monthScoreSpec({ unitName: '新宁县信访局', year: 2026, month: 8, rows: markRows }),
    );
    expect(score).toMatchObject({ paper: 'A4', orientation: 'portrait', scale: 1 });
  });

  it('keeps every ledger’s body text at 9 pt or more on paper', () => {
    const specs: LedgerSpec[] = [
      yearSpec({
        unitName: '新宁县信访局',
        year: 2026,
        rows: markRows.map((r) => ({
          staffId: r.staffId,
          name: r.name,
          section: r.section,
          monthScores: Array.from({ length: 12 }, () => 100),
          tally: {
            late: 10,
            early: 2,
            absentDays: 3.5,
            sickLeaveWorkdays: 12.5,
            personalLeaveWorkdays: 20,
          } as never,
          eligible: false,
          bars: ['absence', 'lateEarly'] as never,
        })),
      }),
      incomingRegisterSpec({
        unitName: '新宁县信访局',
        year: 2026,
        rows: Array.from({ length: 20 }, (_, i) => ({
          regNo: `收文〔2026〕${i + 1}号`,
          receivedOn: '2026-01-04',
          issuer: '中共新宁县委办公室',
          issuerNumber: '新办发〔2026〕102号',
          title: '关于开展信访工作示范县创建活动的通知',
          kind: '公文',
          urgency: '普通',
          secrecy: '无',
          proposal: '拟请局长阅示，由办公室按要求报送材料',
          decision: '请王丽娟同志牵头，相关股室落实',
          circulation: '传阅：陈志华√、王丽娟√；承办：李红梅√',
          due: '2026-01-09',
          outcome: '已按时报送，待归档',
          status: '已反馈，待归档',
          archivedOn: null,
          archiveRef: '',
        })),
      }),
      expenseLedger('新宁县信访局', '2026年度', [
        {
          number: '报销（2026）1号',
          claimedOn: '2026-01-04',
          expenseOn: '2025-12-18',
          claimant: '华丽',
          category: '差旅费',
          purpose: '赴省信访局汇报重点信访事项差旅费',
          amountFen: 104950,
          late: true,
          lateReason: '长期下乡驻村开展信访积案化解，未能及时报账',
          decision: '局长办公会决定〔2026〕4号',
          state: '已付款',
          paidOn: '2026-01-12',
        },
      ]),
    ];
    for (const s of specs) expect(ledgerLayout(s).printPt, s.ledgerName).toBeGreaterThanOrEqual(MIN_PRINT_PT);
  });

  it('prints even the widest ledger on A3 at the scale that fits, its columns at their narrowest', () => {
    const wide: LedgerSpec = {
      ...small,
      columns: Array.from({ length: 60 }, (_, i) => ({
        key: `c${i}`,
        header: `${i}`,
        type: 'date' as const,
      })),
      rows: [Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`c${i}`, '2026-01-01']))],
    };
    const l = ledgerLayout(wide);
    expect(l.paper).toBe('A3');
    expect(l.scale).toBeLessThan(0.9);
    expect(l.printPt).toBeCloseTo(BODY_PT * l.scale);
  });
});

describe('rowLines', () => {
  it('is the line count of the row’s tallest wrapping cell', () => {
    const columns: LedgerColumn[] = [
      { key: 'a', header: 'a' },
      { key: 'b', header: 'b', wrap: false },
      { key: 'n', header: 'n', type: 'int' },
    ];
    const w = widthForText('一二三四');
    expect(
      rowLines(columns, [w, w, w], { a: '一二三四五六七八九', b: '一二三四五六七八九十一二三', n: 5 }),
    ).toBe(3);
    expect(rowLines(columns, [w, w, w], { a: null, b: '', n: null })).toBe(1);
  });
});

describe('signatures', () => {
  it('are 制表人 and 审核人 unless the ledger names its own', () => {
    expect(ledgerSignatures({})).toEqual(['制表人', '审核人']);
    expect(ledgerSignatures({ signatures: ['考勤员', '分管领导核实', '局长审阅'] })).toEqual([
      '考勤员',
      '分管领导核实',
      '局长审阅',
    ]);
    expect(signatureLine({ signatures: ['登记人'] }, '__', ' ')).toBe('登记人：__');
  });

  it('shorten their blanks to keep to one line under a narrow table', () => {
    const spec = { signatures: ['制表人', '办公室主任', '分管领导'] };
    expect(signatureLineFor(spec, 200)).toBe(signatureLine(spec));
    const narrow = signatureLineFor(spec, 70);
    expect(narrow.length).toBeLessThan(signatureLine(spec).length);
    expect(lineCount(narrow, 70)).toBe(1);
    expect(signatureLineFor(spec, 20)).toBe(signatureLine(spec, '________', '    ')); // wraps, the blanks short
  });
});
