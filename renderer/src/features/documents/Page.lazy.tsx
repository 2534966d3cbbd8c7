// 公文: 收文, 发文, 借阅, 查阅资料, 归档, 销毁 (DOC-1..7).
import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';

import { L } from './labels';
import { ArchiveTab } from './ui/ArchiveTab';
import { DestructionTab } from './ui/DestructionTab';
import { IncomingTab } from './ui/IncomingTab';
import { DataRequestsTab, LoansTab } from './ui/LoansTab';
import { OutgoingTab } from './ui/OutgoingTab';

const TABS: RouteTab[] = [
  { value: 'incoming', label: L.tabs.incoming },
  { value: 'outgoing', label: L.tabs.outgoing },
  { value: 'loans', label: L.tabs.loans },
  { value: 'data', label: L.tabs.dataRequests },
  { value: 'archive', label: L.tabs.archive },
  { value: 'destruction', label: L.tabs.destruction },
];

export default function DocumentsPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="documents" tabs={TABS}>
        {(tab, rest) =>
          tab === 'incoming' ? (
            <IncomingTab rest={rest} />
          ) : tab === 'outgoing' ? (
            <OutgoingTab rest={rest} />
          ) : tab === 'loans' ? (
            <LoansTab />
          ) : tab === 'data' ? (
            <DataRequestsTab />
          ) : tab === 'archive' ? (
            <ArchiveTab />
          ) : (
            <DestructionTab />
          )
        }
      </RouteTabs>
    </Stack>
  );
}
