import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import { currentYear } from '../finance/ui';

import { AssessTab } from './AssessTab';
import { ComplaintsTab } from './ComplaintsTab';
import { L } from './labels';
import { DeadlinesTab, InspectTab, PowerTab, RisksTab } from './SupervisionTabs';

const TABS: RouteTab[] = [
  { value: 'assess', label: L.tabAssess },
  { value: 'complaints', label: L.tabComplaints },
  { value: 'power', label: L.tabPower },
  { value: 'inspect', label: L.tabInspect },
  { value: 'risks', label: L.tabRisks },
  { value: 'deadlines', label: L.tabDeadlines },
];

export default function AssessmentPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="assessment" tabs={TABS}>
        {(tab, [id]) =>
          tab === 'assess' ? (
            <AssessTab id={id} defaultYear={currentYear()} />
          ) : tab === 'complaints' ? (
            <ComplaintsTab id={id} />
          ) : tab === 'power' ? (
            <PowerTab id={id} />
          ) : tab === 'inspect' ? (
            <InspectTab />
          ) : tab === 'risks' ? (
            <RisksTab />
          ) : (
            <DeadlinesTab />
          )
        }
      </RouteTabs>
    </Stack>
  );
}
