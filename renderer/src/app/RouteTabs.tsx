// Mantine tabs synced to the hash route '#/<module>/<tab>/...': the second part picks the tab (the
// first tab when it names none of them), the parts after it go to the tab's content.
import { Tabs } from '@mantine/core';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

import { navigate, useRoute } from './router';

export type RouteTab = { value: string; label: string };

// The tab a route shows, and the route parts after the tab.
export function tabOfRoute(
  route: readonly string[],
  module: string,
  tabs: readonly RouteTab[],
): { tab: string; rest: string[] } {
  const named = route[0] === module && tabs.some((t) => t.value === route[1]);
  return { tab: named ? route[1] : tabs[0].value, rest: route.slice(2) };
}

export function RouteTabs({
  module,
  tabs,
  children,
}: {
  module: string;
  tabs: readonly RouteTab[];
  children: (tab: string, rest: string[]) => ReactNode;
}) {
  const { tab, rest } = tabOfRoute(useRoute(), module, tabs);
  return (
    <Tabs value={tab} onChange={(t) => t && navigate(module, t)} keepMounted={false}>
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
          {tab === t.value && <Fragment key={rest.join('/')}>{children(t.value, rest)}</Fragment>}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
