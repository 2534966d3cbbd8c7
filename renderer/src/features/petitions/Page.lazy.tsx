// 信访 (petitions): registration of letters, visits, online and handed-down matters with the
// duplicate check, the handling flow of each case, 督办, urgent matters, ledgers, statistics,
// reception days, import and settings. Tabs follow the hash route #/petitions/<tab>/<id>.
import { Stack, Tabs, Title } from '@mantine/core';

import { navigate, useRoute } from '../../app/router';
import { useCan } from '../../auth/session';

import { CaseView } from './CaseView';
import { ImportView } from './ImportView';
import { MODULE_TITLE, TAB_LABELS } from './labels';
import type { TabKey } from './labels';
import { LedgerView } from './LedgerView';
import { ListView } from './ListView';
import { ReceptionView } from './ReceptionView';
import { RegisterForm } from './RegisterForm';
import { SettingsView } from './SettingsView';
import { StatsView } from './StatsView';
import { SuperviseView, UrgentView } from './WorkViews';

export default function PetitionsPage() {
  const route = useRoute();
  const canRegister = useCan('petition.register');
  const sub = route[1];
  const tabs = (Object.keys(TAB_LABELS) as TabKey[]).filter(
    (k) => canRegister || !['letter', 'visit', 'other', 'import'].includes(k),
  );
  const isCase = sub === 'case' && !!route[2];
  const tab: string | null = isCase ? null : tabs.includes(sub as TabKey) ? sub : 'list';
  return (
    <Stack>
      <Title order={2}>{MODULE_TITLE}</Title>
      <Tabs value={tab} onChange={(v) => v && navigate('petitions', v)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {TAB_LABELS[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {isCase && <CaseView id={route[2]} />}
      {tab === 'list' && <ListView />}
      {tab === 'letter' && <RegisterForm key="letter" kind="letter" />}
      {tab === 'visit' && <RegisterForm key="visit" kind="visit" />}
      {tab === 'other' && <RegisterForm key="other" kind="other" />}
      {tab === 'supervise' && <SuperviseView />}
      {tab === 'urgent' && <UrgentView />}
      {tab === 'ledger' && <LedgerView />}
      {tab === 'stats' && <StatsView />}
      {tab === 'reception' && <ReceptionView />}
      {tab === 'import' && <ImportView />}
      {tab === 'settings' && <SettingsView />}
    </Stack>
  );
}
