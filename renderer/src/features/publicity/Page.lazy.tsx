import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';

import { L } from './labels';
import { PayoutTab } from './ui/PayoutTab';
import { PieceDetail } from './ui/PieceDetail';
import { PieceForm } from './ui/PieceForm';
import { PieceList } from './ui/PieceList';
import { RewardTable } from './ui/RewardTable';

const TABS: ModuleTab<'publicity'>[] = [
  { value: 'pieces', label: L.tabPieces, render: ([id]) => (id ? <PieceDetail id={id} /> : <PieceList />) },
  { value: 'new', label: L.tabNew, render: () => <PieceForm /> },
  { value: 'payout', label: L.tabPayout, render: () => <PayoutTab /> },
  { value: 'table', label: L.tabTable, render: () => <RewardTable /> },
];

export default function PublicityPage() {
  return <ModulePage module="publicity" title={L.title} tabs={TABS} />;
}
