// A module's page: its title over its RouteTabs, the tabs given as data — each tab's `render` gets the
// route parts after the tab (the record's id, a date, …) and returns the tab's content.
import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import { RouteTabs } from './RouteTabs';
import type { RouteTab } from './RouteTabs';

export type ModuleTab = RouteTab & { render: (rest: string[]) => ReactNode };

export function ModulePage({
  module,
  title,
  tabs,
  defaultTab,
}: {
  module: string;
  title: ReactNode;
  tabs: readonly ModuleTab[];
  /** the tab shown when the route names none (default: the first) */
  defaultTab?: string;
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
