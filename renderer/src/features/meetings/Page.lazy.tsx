// 会议: 局长办公会 and 局务会 (attendance, agenda by the regulations' categories, minutes, numbered
// decisions with an owner and follow-up), the decisions register, and the sections' monthly
// reports before the 28th (MTG-1..3).
import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';
import type { MeetingKind } from '../../db/schema/meetings';

import { L } from './labels';
import { DecisionsTab } from './ui/DecisionsTab';
import { MeetingDetail } from './ui/MeetingDetail';
import { MeetingForm } from './ui/MeetingForm';
import { MeetingList } from './ui/MeetingList';
import { ReportsTab } from './ui/ReportsTab';

const TABS: RouteTab[] = [
  { value: 'director', label: L.tabs.director },
  { value: 'staff', label: L.tabs.staff },
  { value: 'decisions', label: L.tabs.decisions },
  { value: 'reports', label: L.tabs.reports },
];
const KIND_OF_TAB: Record<string, MeetingKind> = { director: 'director_office', staff: 'staff' };

function MeetingsTab({ tab, rest }: { tab: string; rest: string[] }) {
  const kind = KIND_OF_TAB[tab];
  if (rest[0] === 'new') return <MeetingForm kind={kind} tab={tab} />;
  if (rest[0] && rest[1] === 'edit') return <MeetingForm kind={kind} tab={tab} id={rest[0]} />;
  if (rest[0]) return <MeetingDetail id={rest[0]} tab={tab} />;
  return <MeetingList kind={kind} tab={tab} />;
}

export default function MeetingsPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="meetings" tabs={TABS}>
        {(tab, rest) =>
          tab === 'decisions' ? (
            <DecisionsTab focus={rest[0]} />
          ) : tab === 'reports' ? (
            <ReportsTab />
          ) : (
            <MeetingsTab tab={tab} rest={rest} />
          )
        }
      </RouteTabs>
    </Stack>
  );
}
