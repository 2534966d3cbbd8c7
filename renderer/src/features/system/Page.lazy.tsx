import { Stack, Title } from '@mantine/core';

import { can } from '../../../../shared/permissions';
import { RouteTabs } from '../../app/RouteTabs';
import { useSession } from '../../auth/session';

import type { SystemTab } from './labels';
import { TABS } from './labels';
import { AccountTab } from './ui/AccountTab';
import { AuditTab } from './ui/AuditTab';
import { BackupTab } from './ui/BackupTab';
import { CalendarTab } from './ui/CalendarTab';
import { DeletedTab } from './ui/DeletedTab';
import { OrgTab } from './ui/OrgTab';
import { SettingsTab } from './ui/SettingsTab';
import { SyncTab } from './ui/SyncTab';
import { UnitsTab } from './ui/UnitsTab';
import { UsersTab } from './ui/UsersTab';

const PANELS: Record<SystemTab, () => React.ReactNode> = {
  users: () => <UsersTab />,
  org: () => <OrgTab />,
  units: () => <UnitsTab />,
  calendar: () => <CalendarTab />,
  settings: () => <SettingsTab />,
  backup: () => <BackupTab />,
  sync: () => <SyncTab />,
  audit: () => <AuditTab />,
  deleted: () => <DeletedTab />,
  account: () => <AccountTab />,
};

export default function SystemPage() {
  const roles = useSession((s) => s.user?.roles ?? []);
  // Only the tabs the user's roles allow; the commands refuse the rest again.
  const tabs = TABS.filter((t) => !t.perm || can(roles, t.perm)).map((t) => ({
    value: t.key,
    label: t.label,
  }));
  return (
    <Stack>
      <Title order={2}>系统</Title>
      <RouteTabs module="system" tabs={tabs}>
        {(tab) => PANELS[tab as SystemTab]()}
      </RouteTabs>
    </Stack>
  );
}
