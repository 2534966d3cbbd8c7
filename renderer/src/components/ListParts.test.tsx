// The list screens' small pieces: what they render (static markup) and the notice wrapper.
import { MantineProvider } from '@mantine/core';
import { notificationsStore } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';

import { DomainError } from '../db/repo';

import { attempt, ExportButton, ListOrEmpty, RowLink, YearPicker } from './ListParts';
import { clearNotices } from './notify';

const html = (n: ReactNode) => renderToStaticMarkup(<MantineProvider>{n}</MantineProvider>);
const messages = () => notificationsStore.getState().notifications.map((n) => String(n.message));

describe('list pieces', () => {
  it('links a row to its record', () => {
    const h = html(<RowLink to={['duty', 'rosters', 'r1']}>春节值班</RowLink>);
    expect(h).toContain('href="#/duty/rosters/r1"');
    expect(h).toContain('春节值班');
  });

  it('offers the years, the chosen one selected', () => {
    const h = html(<YearPicker value="2026" onChange={() => {}} />);
    expect(h).toContain('年度');
    expect(h).toMatch(/<option value="2026"[^>]*selected/);
  });

  it('shows the export button', () => {
    expect(html(<ExportButton onExport={async () => {}} />)).toContain('导出Excel');
  });

  it('shows the empty line only once the rows are read and there are none', () => {
    const list = { head: ['编号'], row: (r: { id: string }) => [r.id] };
    expect(html(<ListOrEmpty loaded empty="没有值班表。" rows={[]} {...list} />)).toContain('没有值班表。');
    expect(html(<ListOrEmpty loaded={false} empty="没有值班表。" rows={undefined} {...list} />)).toContain(
      '<table',
    );
    const h = html(<ListOrEmpty loaded empty="没有值班表。" rows={[{ id: 'x1' }]} {...list} />);
    expect(h).toContain('x1');
    expect(h).not.toContain('没有值班表。');
  });
});

describe('attempt', () => {
  beforeEach(() => clearNotices());

  it('tells success when asked', async () => {
    await attempt(async () => {}, '已通报');
    expect(messages()).toEqual(['已通报']);
  });

  it('shows a refusal as an error notice instead of throwing', async () => {
    await attempt(async () => {
      throw new DomainError('只能撤回审批中的申请');
    }, '已撤回');
    expect(messages()).toEqual(['只能撤回审批中的申请']);
  });
});
