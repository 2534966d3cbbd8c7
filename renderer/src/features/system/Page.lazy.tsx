import type { ComponentType } from 'react';

import { can } from '../../../../shared/permissions';
import { ModulePage } from '../../app/ModulePage';
import { useSession } from '../../auth/session';

import type { SystemTab } from './labels';
import { TABS } from './labels';
import { AccountTab } from './ui/AccountTab';
import { AuditTab } from './ui/AuditTab';
import { BackupTab } from './ui/BackupTab';
import { CalendarTab } from './ui/CalendarTab';
import { ConflictsTab } from './ui/ConflictsTab';
import { DeletedTab } from './ui/DeletedTab';
import { OrgTab } from './ui/OrgTab';
import { SettingsTab } from './ui/SettingsTab';
import { SyncTab } from './ui/SyncTab';
import { UnitsTab } from './ui/UnitsTab';
import { UsersTab } from './ui/UsersTab';

const PANELS: Record<SystemTab, ComponentType> = {
  users: UsersTab,
  org: OrgTab,
  units: UnitsTab,
  calendar: CalendarTab,
  settings: SettingsTab,
  backup: BackupTab,
  sync: SyncTab,
  conflicts: ConflictsTab,
  audit: AuditTab,
  deleted: DeletedTab,
  account: AccountTab,
};

export default function SystemPage() {
  const roles = useSession((s) => s.user?.roles ?? []);
  // Only the tabs the user's roles allow; the commands refuse the rest again.
  const tabs = TABS.filter((t) => !t.perm || can(roles, t.perm)).map((t) => {
    const View = PANELS[t.key];
    return { value: t.key, label: t.label, render: () => <View /> };
  });
  return <ModulePage module="system" title="系统" tabs={tabs} />;
}
