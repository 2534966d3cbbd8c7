// ModulePage: the title, the tabs, and the route's tab rendered from its entry with the parts after it.
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

import { ModulePage } from './ModulePage';
import type { ModuleTab } from './ModulePage';
import type { TabOf } from './routes';

const route = vi.hoisted(() => ({ parts: [] as string[] }));
vi.mock('./router', () => ({ useRoute: () => route.parts, navigate: vi.fn() }));

const TABS: ModuleTab<'finance'>[] = [
  { value: 'claims', label: '列表', render: ([id]) => <p>{id ? `记录${id}` : '全部'}</p> },
  { value: 'new', label: '新建', render: () => <p>表单</p> },
];

function render(parts: string[], defaultTab?: TabOf<'finance'>): string {
  route.parts = parts;
  return renderToStaticMarkup(
    <MantineProvider>
      <ModulePage module="finance" title="事项" tabs={TABS} defaultTab={defaultTab} />
    </MantineProvider>,
  );
}

describe('ModulePage', () => {
  it.each([
    [['finance', 'claims', 'x1'], undefined, '<p>记录x1</p>'],
    [['finance', 'new'], undefined, '<p>表单</p>'],
    [['finance'], undefined, '<p>全部</p>'],
    [['finance'], 'new', '<p>表单</p>'],
  ] as [string[], TabOf<'finance'> | undefined, string][])(
    'route %j (default tab %s) shows %s',
    (parts, defaultTab, shown) => {
      const html = render(parts, defaultTab);
      expect(html).toContain('<h2');
      expect(html).toContain('事项</h2>');
      expect(html).toContain(shown);
      expect(html.match(/<p>/g)).toHaveLength(1);
    },
  );
});
