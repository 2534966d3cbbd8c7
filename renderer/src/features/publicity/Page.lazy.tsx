import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';

import { L } from './labels';
import { PayoutTab } from './ui/PayoutTab';
import { PieceDetail } from './ui/PieceDetail';
import { PieceForm } from './ui/PieceForm';
import { PieceList } from './ui/PieceList';
import { RewardTable } from './ui/RewardTable';

const TABS: RouteTab[] = [
  { value: 'pieces', label: L.tabPieces },
  { value: 'new', label: L.tabNew },
  { value: 'payout', label: L.tabPayout },
  { value: 'table', label: L.tabTable },
];

export default function PublicityPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="publicity" tabs={TABS}>
        {(tab, [id]) =>
          tab === 'pieces' ? (
            id ? (
              <PieceDetail id={id} />
            ) : (
              <PieceList />
            )
          ) : tab === 'new' ? (
            <PieceForm />
          ) : tab === 'payout' ? (
            <PayoutTab />
          ) : (
            <RewardTable />
          )
        }
      </RouteTabs>
    </Stack>
  );
}
