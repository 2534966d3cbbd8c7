import { ModulePage } from '../../app/ModulePage';
import type { ModuleTab } from '../../app/ModulePage';

import { L } from './labels';
import { FleetTab } from './ui/FleetTab';
import { RostersTab } from './ui/RostersTab';
import { VehiclesTab } from './ui/VehiclesTab';

const TABS: ModuleTab<'duty'>[] = [
  { value: 'rosters', label: L.tabRosters, render: ([id]) => <RostersTab id={id} /> },
  { value: 'vehicles', label: L.tabVehicles, render: ([id]) => <VehiclesTab id={id} /> },
  { value: 'fleet', label: L.tabFleet, render: () => <FleetTab /> },
];

export default function DutyPage() {
  return <ModulePage module="duty" title={L.title} tabs={TABS} />;
}
