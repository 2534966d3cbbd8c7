// 学习: Friday collective study and the study group with attendance (STU-1, STU-2), the quarterly
// notes check (STU-3), papers per person per year with the year-end list (STU-4), tuition and
// exam-cost claims at 2/3 (STU-5).
import { Stack, Title } from '@mantine/core';

import { RouteTabs } from '../../app/RouteTabs';
import type { RouteTab } from '../../app/RouteTabs';

import { L } from './labels';
import { NotesTab } from './ui/NotesTab';
import { PapersTab } from './ui/PapersTab';
import { SessionsTab } from './ui/SessionsTab';
import { TuitionTab } from './ui/TuitionTab';

const TABS: RouteTab[] = [
  { value: 'sessions', label: L.tabs.sessions },
  { value: 'notes', label: L.tabs.notes },
  { value: 'papers', label: L.tabs.papers },
  { value: 'tuition', label: L.tabs.tuition },
];

const TAB_VIEWS: Record<string, () => React.JSX.Element> = {
  sessions: SessionsTab,
  notes: NotesTab,
  papers: PapersTab,
  tuition: TuitionTab,
};

export default function StudyPage() {
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <RouteTabs module="study" tabs={TABS}>
        {(tab) => {
          const View = TAB_VIEWS[tab] ?? TuitionTab;
          return <View />;
        }}
      </RouteTabs>
    </Stack>
  );
}
