// 公文: 收文, 发文, 借阅, 查阅资料, 归档, 销毁 (DOC-1..7).
import { Stack, Title } from '@mantine/core';

import { ArchiveTab } from './ArchiveTab';
import { DestructionTab } from './DestructionTab';
import { IncomingTab } from './IncomingTab';
import { L } from './labels';
import { DataRequestsTab, LoansTab } from './LoansTab';
import { OutgoingTab } from './OutgoingTab';
import { RouteTabs } from './ui';

const TABS: [string, string][] = [
  ['incoming', L.tabs.incoming],
  ['outgoing', L.tabs.outgoing],
  ['loans', L.tabs.loans],
  ['data', L.tabs.dataRequests],
  ['archive', L.tabs.archive],
  ['destruction', L.tabs.destruction],
];

export default function DocumentsPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="documents" tabs={TABS} fallback="incoming">
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
