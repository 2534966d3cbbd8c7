// 公文: 收文, 发文, 借阅, 查阅资料, 归档, 销毁 (DOC-1..7).
import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';

import { L } from './labels';
import { ArchiveTab } from './ui/ArchiveTab';
import { DestructionTab } from './ui/DestructionTab';
import { IncomingTab } from './ui/IncomingTab';
import { DataRequestsTab, LoansTab } from './ui/LoansTab';
import { OutgoingTab } from './ui/OutgoingTab';

const TABS: ModuleTab<'documents'>[] = [
  { value: 'incoming', label: L.tabs.incoming, render: (rest) => <IncomingTab rest={rest} /> },
  { value: 'outgoing', label: L.tabs.outgoing, render: (rest) => <OutgoingTab rest={rest} /> },
  { value: 'loans', label: L.tabs.loans, render: () => <LoansTab /> },
  { value: 'data', label: L.tabs.dataRequests, render: () => <DataRequestsTab /> },
  { value: 'archive', label: L.tabs.archive, render: () => <ArchiveTab /> },
  { value: 'destruction', label: L.tabs.destruction, render: () => <DestructionTab /> },
];

export default function DocumentsPage() {
  return <ModulePage module="documents" title={L.title} tabs={TABS} />;
}
