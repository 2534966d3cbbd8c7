import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';

import { L } from './labels';
import { BillsTab } from './ui/BillsTab';
import { ClaimForm } from './ui/ClaimForm';
import { ClaimsTab } from './ui/ClaimsTab';
import { LedgerTab } from './ui/LedgerTab';
import { RequestsTab } from './ui/RequestsTab';

const TABS: ModuleTab<'finance'>[] = [
  { value: 'claims', label: L.tabClaims, render: ([id]) => <ClaimsTab id={id} /> },
  { value: 'new', label: L.tabNew, render: ([id]) => <ClaimForm key={id ?? 'new'} draftId={id} /> },
  { value: 'bills', label: L.tabBills, render: () => <BillsTab /> },
  { value: 'requests', label: L.tabRequests, render: ([id]) => <RequestsTab id={id} /> },
  { value: 'ledger', label: L.tabLedger, render: () => <LedgerTab /> },
];

export default function FinancePage() {
  return <ModulePage module="finance" title={L.title} tabs={TABS} />;
}
