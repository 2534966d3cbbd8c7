import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';

import { L } from './labels';
import { GiftsTab } from './ui/GiftsTab';
import { PledgesTab } from './ui/PledgesTab';

const TABS: RouteTab[] = [
  { value: 'gifts', label: L.tabGifts },
  { value: 'pledges', label: L.tabPledges },
];

export default function IntegrityPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="integrity" tabs={TABS}>
        {(tab) => (tab === 'gifts' ? <GiftsTab /> : <PledgesTab />)}
      </RouteTabs>
    </Stack>
  );
}
