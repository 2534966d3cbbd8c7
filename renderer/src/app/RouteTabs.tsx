// Mantine tabs synced to the hash route '#/<module>/<tab>/...': the second part picks the tab (the
// default tab — the first unless `defaultTab` names another — when it names none of them), the parts
// after it go to the tab's content.
import { Tabs } from '@mantine/core';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

import { navigate, useRoute } from './router';
import type { ModuleId, Route, TabOf } from './routes';

// `sameScreen`: the parts after the tab are a setting the tab navigates itself (a date, a month), not
// another record: the content stays mounted (keeps its focus and state) when they change.
export type RouteTab<T extends string = string> = { value: T; label: string; sameScreen?: boolean };

// The tab a route shows, and the route parts after the tab.
export function tabOfRoute(
  route: readonly string[],
  module: string,
  tabs: readonly RouteTab[],
  defaultTab?: string,
): { tab: string; rest: string[] } {
  const named = route[0] === module && tabs.some((t) => t.value === route[1]);
  const fallback = tabs.some((t) => t.value === defaultTab) ? defaultTab! : tabs[0].value;
  return { tab: named ? route[1] : fallback, rest: route.slice(2) };
}

export function RouteTabs<M extends ModuleId>({
  module,
  tabs,
  defaultTab,
  children,
}: {
  module: M;
  tabs: readonly RouteTab<TabOf<M>>[];
  /** the tab shown when the route names none (default: the first) */
  defaultTab?: TabOf<M>;
  children: (tab: TabOf<M>, rest: string[]) => ReactNode;
}) {
  const { tab, rest } = tabOfRoute(useRoute(), module, tabs, defaultTab);
  return (
    <Tabs value={tab} onChange={(t) => t && navigate(...([module, t] as Route))} keepMounted={false}>
      <Tabs.List mb="md">
        {tabs.map((t) => (
          <Tabs.Tab key={t.value} value={t.value}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((t) => (
        <Tabs.Panel key={t.value} value={t.value}>
          {/* keyed by the rest of the route: a detail opened for another record is a new screen (its
              live reads and its own state start afresh), never the last record's shown under the
              new address for a moment */}
          {tab === t.value && (
            <Fragment key={t.sameScreen ? '' : rest.join('/')}>{children(t.value, rest)}</Fragment>
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
