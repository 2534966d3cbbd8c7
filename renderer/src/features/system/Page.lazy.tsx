import { Stack, Tabs, Title } from '@mantine/core';

import { can } from '../../../../shared/permissions';
import { navigate, useRoute } from '../../app/router';
import { useSession } from '../../auth/session';

import { AccountTab } from './AccountTab';
import { AuditTab } from './AuditTab';
import { BackupTab } from './BackupTab';
import { CalendarTab } from './CalendarTab';
import { DeletedTab } from './DeletedTab';
import type { SystemTab } from './labels';
import { TABS } from './labels';
import { OrgTab } from './OrgTab';
import { SettingsTab } from './SettingsTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

const PANELS: Record<SystemTab, () => React.ReactNode> = {
  users: () => <UsersTab />,
  org: () => <OrgTab />,
  units: () => <UnitsTab />,
  calendar: () => <CalendarTab />,
  settings: () => <SettingsTab />,
  backup: () => <BackupTab />,
  audit: () => <AuditTab />,
  deleted: () => <DeletedTab />,
  account: () => <AccountTab />,
};

export default function SystemPage() {
  const route = useRoute();
  const roles = useSession((s) => s.user?.roles ?? []);
  // Only the tabs the user's roles allow; the repository functions refuse the rest again.
  const tabs = TABS.filter((t) => !t.perm || can(roles, t.perm));
  const current = tabs.find((t) => t.key === route[1]) ?? tabs[0];
  return (
    <Stack>
      <Title order={2}>系统</Title>
      <Tabs value={current.key} onChange={(v) => v && navigate('system', v)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.key} value={t.key}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.key} value={t.key} pt="md">
            {t.key === current.key && PANELS[t.key]()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
