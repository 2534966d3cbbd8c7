// 会议: 局长办公会 and 局务会 (attendance, agenda by the regulations' categories, minutes, numbered
// decisions with an owner and follow-up), the decisions register, and the sections' monthly
// reports before the 28th (MTG-1..3).
import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';
import type { TabOf } from '../../app/routes';
import type { MeetingKind } from '../../db/schema/meetings';

import { L } from './labels';
import { DecisionsTab } from './ui/DecisionsTab';
import { MeetingDetail } from './ui/MeetingDetail';
import { MeetingForm } from './ui/MeetingForm';
import { MeetingList } from './ui/MeetingList';
import { ReportsTab } from './ui/ReportsTab';

function MeetingsTab({ tab, kind, rest }: { tab: TabOf<'meetings'>; kind: MeetingKind; rest: string[] }) {
  if (rest[0] === 'new') return <MeetingForm kind={kind} tab={tab} />;
  if (rest[0] && rest[1] === 'edit') return <MeetingForm kind={kind} tab={tab} id={rest[0]} />;
  if (rest[0]) return <MeetingDetail id={rest[0]} tab={tab} />;
  return <MeetingList kind={kind} tab={tab} />;
}

const TABS: ModuleTab<'meetings'>[] = [
  {
    value: 'director',
    label: L.tabs.director,
    render: (rest) => <MeetingsTab tab="director" kind="director_office" rest={rest} />,
  },
  {
    value: 'staff',
    label: L.tabs.staff,
    render: (rest) => <MeetingsTab tab="staff" kind="staff" rest={rest} />,
  },
  { value: 'decisions', label: L.tabs.decisions, render: ([focus]) => <DecisionsTab focus={focus} /> },
  { value: 'reports', label: L.tabs.reports, render: () => <ReportsTab /> },
];

export default function MeetingsPage() {
  return <ModulePage module="meetings" title={L.title} tabs={TABS} />;
}
