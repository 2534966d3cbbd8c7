// 请假与外出: request forms (leave, trips), records, the 待销假/待汇报 lists; a record opens at
// #/leave/leave/<id> or #/leave/trip/<id>, its print view at .../slip.
import { Anchor, Stack, Tabs, Title } from '@mantine/core';

import { href, navigate, useRoute } from '../../app/router';

import { L } from './labels';
import { DueLists } from './ui/DueLists';
import { LeaveDetail } from './ui/LeaveDetail';
import { LeaveForm } from './ui/LeaveForm';
import { LeaveList } from './ui/LeaveList';
import { TripDetail } from './ui/TripDetail';
import { TripForm } from './ui/TripForm';
import { TripList } from './ui/TripList';

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
      <Tabs value={tab} onChange={(v) => v && navigate('leave', v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="new">{L.tabs.newLeave}</Tabs.Tab>
          <Tabs.Tab value="list">{L.tabs.leaves}</Tabs.Tab>
          <Tabs.Tab value="trip-new">{L.tabs.newTrip}</Tabs.Tab>
          <Tabs.Tab value="trips">{L.tabs.trips}</Tabs.Tab>
          <Tabs.Tab value="due">{L.tabs.due}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="new" pt="md">
          <LeaveForm />
        </Tabs.Panel>
        <Tabs.Panel value="list" pt="md">
          <LeaveList />
        </Tabs.Panel>
        <Tabs.Panel value="trip-new" pt="md">
          <TripForm />
        </Tabs.Panel>
        <Tabs.Panel value="trips" pt="md">
          <TripList />
        </Tabs.Panel>
        <Tabs.Panel value="due" pt="md">
          <DueLists />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
