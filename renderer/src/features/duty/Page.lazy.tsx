import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';

import { L } from './labels';
import { FleetTab } from './ui/FleetTab';
import { RostersTab } from './ui/RostersTab';
import { VehiclesTab } from './ui/VehiclesTab';

const TABS: RouteTab[] = [
  { value: 'rosters', label: L.tabRosters },
  { value: 'vehicles', label: L.tabVehicles },
  { value: 'fleet', label: L.tabFleet },
];

export default function DutyPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="duty" tabs={TABS}>
        {(tab, [id]) =>
          tab === 'rosters' ? (
            <RostersTab id={id} />
          ) : tab === 'vehicles' ? (
            <VehiclesTab id={id} />
          ) : (
            <FleetTab />
          )
        }
      </RouteTabs>
    </Stack>
  );
}
