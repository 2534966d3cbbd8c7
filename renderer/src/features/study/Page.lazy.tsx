// 学习: Friday collective study and the study group with attendance (STU-1, STU-2), the quarterly
// notes check (STU-3), papers per person per year with the year-end list (STU-4), tuition and
// exam-cost claims at 2/3 (STU-5).
import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';

import { L } from './labels';
import { NotesTab } from './ui/NotesTab';
import { PapersTab } from './ui/PapersTab';
import { SessionsTab } from './ui/SessionsTab';
import { TuitionTab } from './ui/TuitionTab';

const TABS: ModuleTab<'study'>[] = [
  { value: 'sessions', label: L.tabs.sessions, render: () => <SessionsTab /> },
  { value: 'notes', label: L.tabs.notes, render: () => <NotesTab /> },
  { value: 'papers', label: L.tabs.papers, render: () => <PapersTab /> },
  { value: 'tuition', label: L.tabs.tuition, render: () => <TuitionTab /> },
];

export default function StudyPage() {
  return <ModulePage module="study" title={L.title} tabs={TABS} />;
}
