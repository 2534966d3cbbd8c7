// RouteTabs: which tab a hash route shows, and what the tabs render (static markup; the router is
// replaced by a fixed route, since unit tests run without a browser window).
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { TabOf } from './routes';
import { RouteTabs, tabOfRoute } from './RouteTabs';
import type { RouteTab } from './RouteTabs';

const route = vi.hoisted(() => ({ parts: [] as string[] }));
vi.mock('./router', () => ({ useRoute: () => route.parts, navigate: vi.fn() }));

const TABS: RouteTab<TabOf<'documents'>>[] = [
  { value: 'incoming', label: '收文' },
  { value: 'outgoing', label: '发文' },
  { value: 'loans', label: '借阅' },
];

describe('tabOfRoute', () => {
  it('shows the tab the route names, and passes the parts after it on', () => {
    expect(tabOfRoute(['documents', 'outgoing', 'x1', 'edit'], 'documents', TABS)).toEqual({
      tab: 'outgoing',
      rest: ['x1', 'edit'],
    });
    expect(tabOfRoute(['documents', 'loans'], 'documents', TABS)).toEqual({ tab: 'loans', rest: [] });
  });

  it('falls back to the first tab when the route names none of them', () => {
    expect(tabOfRoute(['documents'], 'documents', TABS).tab).toBe('incoming');
    expect(tabOfRoute([], 'documents', TABS).tab).toBe('incoming');
    expect(tabOfRoute(['documents', 'nosuch', 'x1'], 'documents', TABS)).toEqual({
      tab: 'incoming',
      rest: ['x1'],
    });
    expect(tabOfRoute(['finance', 'outgoing'], 'documents', TABS).tab).toBe('incoming');
  });

  it('falls back to the default tab when one is given (and is one of the tabs)', () => {
    expect(tabOfRoute(['documents'], 'documents', TABS, 'loans').tab).toBe('loans');
    expect(tabOfRoute(['documents', 'nosuch'], 'documents', TABS, 'loans').tab).toBe('loans');
    expect(tabOfRoute(['documents', 'outgoing'], 'documents', TABS, 'loans').tab).toBe('outgoing');
    expect(tabOfRoute(['documents'], 'documents', TABS, 'gone').tab).toBe('incoming');
  });
});

describe('RouteTabs', () => {
  beforeEach(() => {
    route.parts = [];
  });

  function render(): string {
    return renderToStaticMarkup(
      <MantineProvider>
        <RouteTabs module="documents" tabs={TABS}>
          {(tab, rest) => <p data-content="">{`${tab}:${rest.join('/')}`}</p>}
        </RouteTabs>
      </MantineProvider>,
    );
  }

  const tabs = (html: string) =>
    [...html.matchAll(/<button[^>]*role="tab"[^>]*aria-selected="(true|false)"[^>]*>.*?<\/button>/g)].map(
      (m) => `${m[1] === 'true' ? '*' : ''}${m[0].replace(/<[^>]+>/g, '')}`,
    );

  it('renders one tab per entry, by role, with the route’s tab selected', () => {
    route.parts = ['documents', 'outgoing', 'x1'];
    const html = render();
    expect(tabs(html)).toEqual(['收文', '*发文', '借阅']);
    expect(html.match(/role="tabpanel"/g)).toHaveLength(3);
    expect(html.match(/data-content=""/g)).toHaveLength(1);
    expect(html).toContain('>outgoing:x1</p>');
  });

  it('shows the first tab when the route names none', () => {
    route.parts = ['documents'];
    const html = render();
    expect(tabs(html)).toEqual(['*收文', '发文', '借阅']);
    expect(html).toContain('>incoming:</p>');
  });
});
