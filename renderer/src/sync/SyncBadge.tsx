// The sync status in the header, on every screen while 多机同步 is on (issue 18: "status always
// visible"): 已同步 / 同步中（N 条待发送）/ 离线（自 HH:mm）/ 出错（原因）, linking to 系统 › 多机同步.
// Nothing shows on a PC that does not share its records.
import { Badge } from '@mantine/core';

import { href } from '../app/router';

import { statusColor, statusText, useSyncStatus } from './status';
import type { SyncStatus } from './status';

export function SyncBadgeView({ status }: { status: SyncStatus }) {
  if (status.phase === 'off') return null;
  const text = `多机同步：${statusText(status)}`;
  return (
    <Badge
      component="a"
      href={href('system', 'sync')}
      color={statusColor(status)}
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
  return <SyncBadgeView status={useSyncStatus()} />;
}
