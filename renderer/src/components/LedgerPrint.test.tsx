// LedgerPrint lays a ledger out as its sheet prints (static markup; unit tests run without a window).
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { LedgerSpec } from '../../../shared/ledger';
import { COLUMN_PT, ledgerLayout } from '../../../shared/ledger';
import { tooWideForA4 } from '../../../shared/ledger.testing';

import { LedgerPrint, ledgerPageCss } from './LedgerPrint';

const render = (node: ReactNode) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);

const spec: LedgerSpec = {
  unitName: '新宁县信访局',
  ledgerName: '考勤表',
  period: '2026年8月',
  columns: [
    { key: 'seq', header: '序号', type: 'int' },
    { key: 'unit', header: '责任单位', width: 18 },
    { key: 'd1', header: '1日', subHeader: '六', width: 4, minWidth: 4 },
    { key: 'amount', header: '金额(元)', type: 'money' },
  ],
  rows: [{ seq: 1, unit: '县人力资源和社会保障局', d1: '休', amount: 1049.5 }],
  totals: { unit: '合计', amount: 1049.5 },
  signatures: ['考勤员', '分管领导核实', '局长审阅'],
};

describe('LedgerPrint', () => {
  it('fixes each column at the width of its Excel column, in millimetres', () => {
    const html = render(<LedgerPrint spec={spec} />);
    const widths = [...html.matchAll(/<col style="width:([\d.]+)mm"/g)].map((m) => Number(m[1]));
    const layout = ledgerLayout(spec);
    expect(widths).toEqual(layout.widths.map((w) => Number(((w * COLUMN_PT * 25.4) / 72).toFixed(2))));
    expect(widths[1]).toBeGreaterThan(20); // 责任单位 is not one character wide
    expect(html).toContain('table-layout: fixed');
  });

  it('repeats the header rows in a thead, a sub-header under its column, the others spanning both rows', () => {
    const html = render(<LedgerPrint spec={spec} />);
    expect(html).toMatch(/<thead><tr><th rowSpan="2">序号<\/th><th rowSpan="2">责任单位<\/th><th>1日<\/th>/);
    expect(html).toMatch(/<\/tr><tr><th>六<\/th><\/tr><\/thead>/);
    expect(html).toContain('display: table-header-group');
  });

  it('shows the cells as the sheet does, the 合计 row bold, the signatures under the table', () => {
    const html = render(<LedgerPrint spec={spec} />);
    expect(html).toContain('<td class="num">1,049.50</td>');
    expect(html).toMatch(/<tr class="totals"><td class="num"><\/td><td>合计<\/td>/);
    expect(html).toMatch(/考勤员：<span class="sign-line">.*分管领导核实：.*局长审阅：/);
  });

  it('prints the paper of the sheet, with the signatures and 第N页 共M页 at the foot of every page', () => {
    expect(render(<LedgerPrint spec={spec} />)).toContain('data-paper="A4 landscape"');
    const wide = tooWideForA4(spec);
    expect(render(<LedgerPrint spec={wide} />)).toContain('data-paper="A3 landscape"');
    const page = ledgerPageCss(spec);
    expect(page).toContain('@bottom-right { content: "第" counter(page) "页 共" counter(pages) "页";');
    expect(page).toMatch(/@bottom-left \{ content: "考勤员：_+ {2}分管领导核实：_+ {2}局长审阅：_+";/);
  });
});
