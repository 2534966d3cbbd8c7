import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';

import { L } from './labels';
import { GiftsTab } from './ui/GiftsTab';
import { PledgesTab } from './ui/PledgesTab';

const TABS: ModuleTab<'integrity'>[] = [
  { value: 'gifts', label: L.tabGifts, render: () => <GiftsTab /> },
  { value: 'pledges', label: L.tabPledges, render: () => <PledgesTab /> },
];

export default function IntegrityPage() {
  return <ModulePage module="integrity" title={L.title} tabs={TABS} />;
}
