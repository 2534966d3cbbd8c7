// 请假与外出: request forms (leave, trips), records, the 待销假/待汇报 lists; a record opens at
// #/leave/leave/<id> or #/leave/trip/<id>, its print view at .../slip.
import { Anchor, Stack, Title } from '@mantine/core';

import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';
import { href, useRoute } from '../../app/router';

import { L } from './labels';
import { DueLists } from './ui/DueLists';
import { LeaveDetail } from './ui/LeaveDetail';
import { LeaveForm } from './ui/LeaveForm';
import { LeaveList } from './ui/LeaveList';
import { TripDetail } from './ui/TripDetail';
import { TripForm } from './ui/TripForm';
import { TripList } from './ui/TripList';

const TABS: ModuleTab<'leave'>[] = [
  { value: 'new', label: L.tabs.newLeave, render: () => <LeaveForm /> },
  { value: 'list', label: L.tabs.leaves, render: () => <LeaveList /> },
  { value: 'trip-new', label: L.tabs.newTrip, render: () => <TripForm /> },
  { value: 'trips', label: L.tabs.trips, render: () => <TripList /> },
  { value: 'due', label: L.tabs.due, render: () => <DueLists /> },
];

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

  return <ModulePage module="leave" title={L.title} tabs={TABS} />;
}
