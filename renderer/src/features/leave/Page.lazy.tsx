// 请假与外出: request forms (leave, trips), records, the 待销假/待汇报 lists; a record opens at
// #/leave/leave/<id> or #/leave/trip/<id>, its print view at .../slip.
import { Anchor, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import { href, useRoute } from '../../app/router';
import { RouteTabs } from '../../app/RouteTabs';

import { L } from './labels';
import { DueLists } from './ui/DueLists';
import { LeaveDetail } from './ui/LeaveDetail';
import { LeaveForm } from './ui/LeaveForm';
import { LeaveList } from './ui/LeaveList';
import { TripDetail } from './ui/TripDetail';
import { TripForm } from './ui/TripForm';
import { TripList } from './ui/TripList';

const TABS = [
  { value: 'new', label: L.tabs.newLeave },
  { value: 'list', label: L.tabs.leaves },
  { value: 'trip-new', label: L.tabs.newTrip },
  { value: 'trips', label: L.tabs.trips },
  { value: 'due', label: L.tabs.due },
];

const PANELS: Record<string, ReactNode> = {
  new: <LeaveForm />,
  list: <LeaveList />,
  'trip-new': <TripForm />,
  trips: <TripList />,
  due: <DueLists />,
};

export default function LeavePage() {
  const route = useRoute();
  const tab = route[1] ?? 'new';
  const id = route[2];
  const slip = route[3] === 'slip';

  if ((tab === 'leave' || tab === 'trip') && id) {
    return (
      <Stack>
        <Title order={2} className="no-print">
          {L.title}
        </Title>
        {!slip && (
          <Anchor href={href('leave', tab === 'leave' ? 'list' : 'trips')} className="no-print" size="sm">
            ← 返回列表
          </Anchor>
        )}
        {tab === 'leave' ? <LeaveDetail id={id} slip={slip} /> : <TripDetail id={id} slip={slip} />}
      </Stack>
    );
  }

  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="leave" tabs={TABS}>
        {(t) => PANELS[t]}
      </RouteTabs>
    </Stack>
  );
}
