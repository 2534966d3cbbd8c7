// The sync status in the header, on every screen while 多机同步 is on (issue 18: "status always
// visible"): 已同步 / 同步中（N 条待发送）/ 离线（自 HH:mm）/ 出错（原因）, linking to 系统 › 多机同步;
// with conflicts or changes the hub refused waiting (… · 2 项冲突待处理 · 1 项修改被同步中心拒绝),
// linking to 系统 › 同步冲突.
// Nothing shows on a PC that does not share its records.
import { Badge } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { href } from '../app/router';

import { conflictCount } from './conflicts';
import { deniedCount } from './denied';
import { statusColor, statusText, useSyncStatus, withConflicts } from './status';
import type { SyncStatus } from './status';

export function SyncBadgeView({
  status,
  conflicts = 0,
  denied = 0,
}: {
  status: SyncStatus;
  conflicts?: number;
  denied?: number;
}) {
  if (status.phase === 'off') return null;
  const text = withConflicts(`多机同步：${statusText(status)}`, conflicts, denied);
  const color = statusColor(status);
  const waiting = conflicts + denied > 0;
  return (
    <Badge
      component="a"
      href={waiting ? href('system', 'conflicts') : href('system', 'sync')}
      color={waiting && color !== 'red' ? 'orange' : color}
      variant="light"
      size="lg"
      title={text}
      style={{ cursor: 'pointer', textTransform: 'none' }}
      data-testid="sync-badge"
    >
      {text}
    </Badge>
  );
}

export function SyncBadge() {
  const status = useSyncStatus();
  const waiting = useLiveQuery(
    async () =>
      status.phase === 'off' ? null : { conflicts: await conflictCount(), denied: await deniedCount() },
    [status.phase],
  );
  return <SyncBadgeView status={status} conflicts={waiting?.conflicts ?? 0} denied={waiting?.denied ?? 0} />;
}
