import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';

import { L } from './labels';
import { BillsTab } from './ui/BillsTab';
import { ClaimForm } from './ui/ClaimForm';
import { ClaimsTab } from './ui/ClaimsTab';
import { LedgerTab } from './ui/LedgerTab';
import { RequestsTab } from './ui/RequestsTab';

const TABS: RouteTab[] = [
  { value: 'claims', label: L.tabClaims },
  { value: 'new', label: L.tabNew },
  { value: 'bills', label: L.tabBills },
  { value: 'requests', label: L.tabRequests },
  { value: 'ledger', label: L.tabLedger },
];

export default function FinancePage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="finance" tabs={TABS}>
        {(tab, [id]) =>
          tab === 'claims' ? (
            <ClaimsTab id={id} />
          ) : tab === 'new' ? (
            <ClaimForm key={id ?? 'new'} draftId={id} />
          ) : tab === 'bills' ? (
            <BillsTab />
          ) : tab === 'requests' ? (
            <RequestsTab id={id} />
          ) : (
            <LedgerTab />
          )
        }
      </RouteTabs>
    </Stack>
  );
}
