// A module's page: its title over its RouteTabs, the tabs given as data — each tab's `render` gets the
// route parts after the tab (the record's id, a date, …) and returns the tab's content.
import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import type { ModuleId, TabOf } from './routes';
import { RouteTabs } from './RouteTabs';
import type { RouteTab } from './RouteTabs';

// a tab of module M: only M's tabs of app/routes.ts
export type ModuleTab<M extends ModuleId> = RouteTab<TabOf<M>> & { render: (rest: string[]) => ReactNode };

export function ModulePage<M extends ModuleId>({
  module,
  title,
  tabs,
  defaultTab,
}: {
  module: M;
  title: ReactNode;
  tabs: readonly ModuleTab<M>[];
  /** the tab shown when the route names none (default: the first) */
  defaultTab?: TabOf<M>;
}) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <RouteTabs module={module} tabs={tabs} defaultTab={defaultTab}>
        {(tab, rest) => tabs.find((t) => t.value === tab)?.render(rest)}
      </RouteTabs>
    </Stack>
  );
}
