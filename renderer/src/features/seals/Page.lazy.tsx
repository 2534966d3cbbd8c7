// 印章: 用印登记 (requests with the 局长's consent, logged by the keeper) and 印章管理 (seals, keepers,
// void seals). SEAL-1..3.
import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';

import { L } from './labels';
import { SealsTab } from './ui/SealsTab';
import { UsesTab } from './ui/UsesTab';

const TABS: RouteTab[] = [
  { value: 'uses', label: L.tabs.uses },
  { value: 'seals', label: L.tabs.seals },
];

export default function SealsPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="seals" tabs={TABS}>
        {(tab) => (tab === 'uses' ? <UsesTab /> : <SealsTab />)}
      </RouteTabs>
    </Stack>
  );
}
