import { Stack, Tabs, Title } from '@mantine/core';

import { useRoute } from '../../app/router';
import { RouteTabs } from '../finance/ui';

import { L } from './labels';
import { RostersTab } from './RostersTab';
import { FleetTab, VehiclesTab } from './VehiclesTab';

export default function DutyPage() {
  const route = useRoute();
  const id = route[2];
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs
        module="duty"
        tabs={[
          { value: 'rosters', label: L.tabRosters },
          { value: 'vehicles', label: L.tabVehicles },
          { value: 'fleet', label: L.tabFleet },
        ]}
      >
        <Tabs.Panel value="rosters">
          <RostersTab id={id} />
        </Tabs.Panel>
        <Tabs.Panel value="vehicles">
          <VehiclesTab id={id} />
        </Tabs.Panel>
        <Tabs.Panel value="fleet">
          <FleetTab />
        </Tabs.Panel>
      </RouteTabs>
    </Stack>
  );
}
