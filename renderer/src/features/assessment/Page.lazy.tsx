// 考核与监督: the yearly assessment (ASM-1..4), complaints about staff (SUP-3), power-operation records
// (SUP-2), the half-year inspection (SUP-1), the risk register and the bureau's deadlines (SUP-4).
import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';
import { thisYear } from '../../components/dates';

import { L } from './labels';
import { AssessTab } from './ui/AssessTab';
import { ComplaintsTab } from './ui/ComplaintsTab';
import { DeadlinesTab } from './ui/DeadlinesTab';
import { InspectTab } from './ui/InspectTab';
import { PowerTab } from './ui/PowerTab';
import { RisksTab } from './ui/RisksTab';

const TABS: ModuleTab<'assessment'>[] = [
  { value: 'assess', label: L.tabAssess, render: ([id]) => <AssessTab id={id} defaultYear={thisYear()} /> },
  { value: 'complaints', label: L.tabComplaints, render: ([id]) => <ComplaintsTab id={id} /> },
  { value: 'power', label: L.tabPower, render: ([id]) => <PowerTab id={id} /> },
  { value: 'inspect', label: L.tabInspect, render: () => <InspectTab /> },
  { value: 'risks', label: L.tabRisks, render: () => <RisksTab /> },
  { value: 'deadlines', label: L.tabDeadlines, render: () => <DeadlinesTab /> },
];

export default function AssessmentPage() {
  return <ModulePage module="assessment" title={L.title} tabs={TABS} />;
}
