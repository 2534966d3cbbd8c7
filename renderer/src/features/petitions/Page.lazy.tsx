// 信访 (petitions): registration of letters, visits, online and handed-down matters with the
// duplicate check, the handling flow of each case, 督办, urgent matters, ledgers, statistics,
// reception days, import and settings. Tabs follow the hash route #/petitions/<tab>/<id>; a case
// opens at #/petitions/case/<id> under the list tab.
import type { ReactNode } from 'react';

import { ModulePage } from '../../app/ModulePage';
import { useRoute } from '../../app/router';
import { useCan } from '../../auth/session';

import { MODULE_TITLE, TAB_LABELS } from './labels';
import type { TabKey } from './labels';
import { CaseView } from './ui/case/CaseView';
import { ImportView } from './ui/ImportView';
import { LedgerView } from './ui/LedgerView';
import { ListView } from './ui/ListView';
import { ReceptionView } from './ui/ReceptionView';
import { RegisterForm } from './ui/RegisterForm';
import { SettingsView } from './ui/SettingsView';
import { StatsView } from './ui/StatsView';
import { SuperviseView, UrgentView } from './ui/WorkViews';

const REGISTER_TABS: readonly TabKey[] = ['letter', 'visit', 'other', 'import'];

const VIEWS: Record<TabKey, () => ReactNode> = {
  list: () => <ListView />,
  letter: () => <RegisterForm key="letter" kind="letter" />,
  visit: () => <RegisterForm key="visit" kind="visit" />,
  other: () => <RegisterForm key="other" kind="other" />,
  supervise: () => <SuperviseView />,
  urgent: () => <UrgentView />,
  ledger: () => <LedgerView />,
  stats: () => <StatsView />,
  reception: () => <ReceptionView />,
  import: () => <ImportView />,
  settings: () => <SettingsView />,
};

export default function PetitionsPage() {
  const route = useRoute();
  const canRegister = useCan('petition.register');
  const caseId = route[0] === 'petitions' && route[1] === 'case' ? route[2] : undefined;
  // a case opens under the list tab (the route names no tab): its parts after 'case' key the screen
  const tabs = (Object.keys(TAB_LABELS) as TabKey[])
    .filter((k) => canRegister || !REGISTER_TABS.includes(k))
    .map((k) => ({
      value: k,
      label: TAB_LABELS[k],
      render: caseId ? () => <CaseView id={caseId} /> : VIEWS[k],
    }));
  return <ModulePage module="petitions" title={MODULE_TITLE} tabs={tabs} />;
}
