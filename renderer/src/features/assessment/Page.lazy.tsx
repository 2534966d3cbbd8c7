// 考核与监督: the yearly assessment (ASM-1..4), complaints about staff (SUP-3), power-operation records
// (SUP-2), the half-year inspection (SUP-1), the risk register and the bureau's deadlines (SUP-4).
import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import { thisYear } from '../../components/dates';

import { L } from './labels';
import { AssessTab } from './ui/AssessTab';
import { ComplaintsTab } from './ui/ComplaintsTab';
import { DeadlinesTab } from './ui/DeadlinesTab';
import { InspectTab } from './ui/InspectTab';
import { PowerTab } from './ui/PowerTab';
import { RisksTab } from './ui/RisksTab';

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
            <AssessTab id={id} defaultYear={thisYear()} />
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
