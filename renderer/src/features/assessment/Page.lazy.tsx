import { Stack, Tabs, Title } from '@mantine/core';

import { useRoute } from '../../app/router';
import { currentYear, RouteTabs } from '../finance/ui';

import { AssessTab } from './AssessTab';
import { ComplaintsTab } from './ComplaintsTab';
import { L } from './labels';
import { DeadlinesTab, InspectTab, PowerTab, RisksTab } from './SupervisionTabs';

export default function AssessmentPage() {
  const route = useRoute();
  const id = route[2];
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs
        module="assessment"
        tabs={[
          { value: 'assess', label: L.tabAssess },
          { value: 'complaints', label: L.tabComplaints },
          { value: 'power', label: L.tabPower },
          { value: 'inspect', label: L.tabInspect },
          { value: 'risks', label: L.tabRisks },
          { value: 'deadlines', label: L.tabDeadlines },
        ]}
      >
        <Tabs.Panel value="assess">
          <AssessTab id={id} defaultYear={currentYear()} />
        </Tabs.Panel>
        <Tabs.Panel value="complaints">
          <ComplaintsTab id={id} />
        </Tabs.Panel>
        <Tabs.Panel value="power">
          <PowerTab id={id} />
        </Tabs.Panel>
        <Tabs.Panel value="inspect">
          <InspectTab />
        </Tabs.Panel>
        <Tabs.Panel value="risks">
          <RisksTab />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines">
          <DeadlinesTab />
        </Tabs.Panel>
      </RouteTabs>
    </Stack>
  );
}
