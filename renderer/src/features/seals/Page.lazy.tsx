// 印章: 用印登记 (requests with the 局长's consent, logged by the keeper) and 印章管理 (seals, keepers,
// void seals). SEAL-1..3.
import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';

import { L } from './labels';
import { SealsTab } from './ui/SealsTab';
import { UsesTab } from './ui/UsesTab';

const TABS: ModuleTab<'seals'>[] = [
  { value: 'uses', label: L.tabs.uses, render: () => <UsesTab /> },
  { value: 'seals', label: L.tabs.seals, render: () => <SealsTab /> },
];

export default function SealsPage() {
  return <ModulePage module="seals" title={L.title} tabs={TABS} />;
}
