// The SUP-4 view: overdue first, the 工作台's summary cut to its most urgent rows with the counts of
// all and a link to the whole view; the whole view says how many it left out.
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

import type { DeadlineItem } from '../app/registry';

import { deadlineCounts, DeadlineView } from './DeadlineView';

vi.mock('../calendar/calendar', () => ({
  useCalendar: () => ({ holidays: [], workdays: [] }),
}));

const item = (i: number, state: DeadlineItem['state']): DeadlineItem => ({
  id: `d${i}`,
  kind: '信访办理',
  title: `事项${i}号`,
  due: `2026-${String(1 + (i % 12)).padStart(2, '0')}-10`,
  state,
  owner: '办公室',
  link: `#/petitions/case/d${i}`,
});

const render = (el: React.ReactElement) => renderToStaticMarkup(<MantineProvider>{el}</MantineProvider>);
const rows = (html: string) => (html.match(/<tr/g) ?? []).length - 1; // less the header row

describe('DeadlineView', () => {
  // 25 running, then 3 overdue and 2 due soon at the end of the list
  const items = [
    ...Array.from({ length: 25 }, (_, i) => item(i, 'running')),
    item(100, 'overdue'),
    item(101, 'overdue'),
    item(102, 'overdue'),
    item(103, 'due_soon'),
    item(104, 'due_soon'),
  ];

  it('counts each state', () => {
    expect(deadlineCounts(items)).toEqual({ overdue: 3, due_soon: 2, running: 25 });
  });

  it('the 工作台 summary lists the most urgent rows, the counts of all, and links the whole view', () => {
    const html = render(<DeadlineView items={items} limit={20} summary />);
    expect(rows(html)).toBe(20);
    for (const t of ['事项100号', '事项101号', '事项102号', '事项103号', '事项104号']) expect(html).toContain(t);
    expect(html.indexOf('事项100号')).toBeLessThan(html.indexOf('事项103号'));
    expect(html.indexOf('事项103号')).toBeLessThan(html.indexOf('事项0号'));
    expect(html).toContain('已逾期 3');
    expect(html).toContain('进行中 25');
    expect(html).toContain('另有 10 项');
    expect(html).toContain('href="#/assessment/deadlines"');
  });

  it('the whole view lists up to its limit and says how many it left out', () => {
    const many = Array.from({ length: 230 }, (_, i) => item(i, 'running'));
    const html = render(<DeadlineView items={many} />);
    expect(rows(html)).toBe(200);
    expect(html).toContain('另有 30 项未列出');
    expect(html).not.toContain('#/assessment/deadlines');
  });

  it('says so when nothing runs', () => {
    const html = render(<DeadlineView items={[]} summary limit={20} />);
    expect(html).toContain('当前没有进行中的期限');
    expect(html).not.toContain('<tr');
  });
});
