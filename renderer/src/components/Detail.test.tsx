// The record page kit and the list table: what they render (static markup).
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { BackLink, DetailCard, InfoLine, InfoRows, StatusBadge } from './Detail';
import { labelOptions, ListTable, MoreButton } from './ListTable';

const html = (n: ReactNode) => renderToStaticMarkup(<MantineProvider>{n}</MantineProvider>);
const text = (h: string) =>
  h
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .trim();

describe('record page kit', () => {
  it('links back to a tab', () => {
    const h = html(<BackLink to={['finance', 'claims']}>返回报销列表</BackLink>);
    expect(h).toContain('href="#/finance/claims"');
    expect(text(h)).toBe('← 返回报销列表');
  });

  it('shows the title and the status badge from the label table', () => {
    const h = html(
      <DetailCard
        title="报销〔2026〕1号 差旅"
        badge={
          <StatusBadge value="paid" labels={{ paid: '已付款', draft: '草稿' }} colors={{ paid: 'green' }} />
        }
      >
        <p>正文</p>
      </DetailCard>,
    );
    expect(h).toMatch(/<h4[^>]*>报销〔2026〕1号 差旅<\/h4>/);
    expect(text(h)).toContain('已付款');
    expect(text(h)).toContain('正文');
  });

  it('joins label/value pairs, leaving out the empty ones', () => {
    expect(text(html(<InfoLine items={[['申报人', '张三'], false, ['申报日期', '2026-05-01'], '']} />))).toBe(
      '申报人：张三 · 申报日期：2026-05-01',
    );
    const rows = html(<InfoRows rows={[['经办人', '李四'], null, ['金额', '12.00']]} />);
    expect(rows.match(/<tr[ >]/g)).toHaveLength(2);
    expect(text(rows)).toBe('经办人李四金额12.00');
  });
});

describe('list table', () => {
  it('renders the header and one row per record, amounts right-aligned', () => {
    const h = html(
      <ListTable
        rows={[
          { id: 'a', n: '甲', fen: '1.00' },
          { id: 'b', n: '乙', fen: '2.00' },
        ]}
        head={['名称', { label: '金额', right: true }]}
        row={(r) => [r.n, r.fen]}
      />,
    );
    expect(h.match(/<th[ >]/g)).toHaveLength(2);
    expect(h.match(/<tbody[\s\S]*<\/tbody>/)![0].match(/<tr[ >]/g)).toHaveLength(2);
    expect(text(h)).toBe('名称金额甲1.00乙2.00');
    expect(h.match(/text-align:right/g)).toHaveLength(3);
  });

  it('keeps a column on one line, adds a row after a record, and says when there is none', () => {
    const rows = [{ id: 'a', n: '甲', d: '2026-01-02' }];
    const h = html(
      <ListTable
        rows={rows}
        head={['名称', { label: '日期', ws: 'nowrap' }]}
        row={(r) => [r.n, r.d]}
        rowProps={(r) => ({ title: `行${r.n}` })}
        after={(r) => (
          <tr>
            <td colSpan={2}>审批{r.n}</td>
          </tr>
        )}
        empty="没有记录。"
      />,
    );
    expect(h.match(/white-space:nowrap/g)).toHaveLength(1);
    expect(h).toContain('title="行甲"');
    expect(text(h)).toBe('名称日期甲2026-01-02审批甲');
    const none = html(<ListTable rows={[]} head={['名称']} row={() => []} empty="没有记录。" />);
    expect(text(none)).toBe('名称没有记录。');
  });

  it('shows the more button only while there is more', () => {
    expect(html(<MoreButton more={false} onMore={() => {}} />)).not.toContain('加载更多');
    expect(text(html(<MoreButton more onMore={() => {}} />))).toBe('加载更多');
  });

  it('makes select options from a label table, optionally headed by 全部', () => {
    expect(labelOptions({ a: '甲', b: '乙' })).toEqual([
      { value: 'a', label: '甲' },
      { value: 'b', label: '乙' },
    ]);
    expect(labelOptions({ a: '甲' }, '全部')[0]).toEqual({ value: '', label: '全部' });
  });
});
