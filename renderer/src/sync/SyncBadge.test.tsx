// The header's sync status: absent on a one-PC install, otherwise the status in Chinese with its
// colour, linking to 系统 › 多机同步.
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { SyncStatus } from './status';
import { SyncBadgeView } from './SyncBadge';

const render = (status: SyncStatus, conflicts = 0, denied = 0) =>
  renderToStaticMarkup(
    <MantineProvider>
      <SyncBadgeView status={status} conflicts={conflicts} denied={denied} />
    </MantineProvider>,
  );

describe('SyncBadge', () => {
  it('shows nothing while sync is off', () => {
    expect(render({ phase: 'off', pending: 0 })).not.toContain('多机同步');
  });

  it.each([
    [{ phase: 'synced', pending: 0 }, '多机同步：已同步'],
    [{ phase: 'syncing', pending: 3 }, '多机同步：同步中（3 条待发送）'],
    [{ phase: 'syncing', pending: 0 }, '多机同步：同步中（正在与同步中心交换记录）'],
    [{ phase: 'offline', pending: 2, since: '09:30' }, '多机同步：离线（自 09:30）'],
    [{ phase: 'error', pending: 0, reason: '用户名或密码不正确' }, '多机同步：出错（用户名或密码不正确）'],
  ] as [SyncStatus, string][])('shows %j as %s, linking to the sync tab', (status, text) => {
    const html = render(status);
    expect(html).toContain(text);
    expect(html).toContain('href="#/system/sync"');
  });

  it('counts the conflicts waiting, linking to 同步冲突', () => {
    const html = render({ phase: 'synced', pending: 0 }, 2);
    expect(html).toContain('多机同步：已同步 · 2 项冲突待处理');
    expect(html).toContain('href="#/system/conflicts"');
  });

  it('counts this PC’s changes the hub refused, after the conflicts, linking to 同步冲突; the phase stays its own', () => {
    const html = render({ phase: 'synced', pending: 0 }, 0, 1);
    expect(html).toContain('多机同步：已同步 · 1 项修改被同步中心拒绝');
    expect(html).not.toContain('出错');
    expect(html).toContain('href="#/system/conflicts"');
    expect(render({ phase: 'syncing', pending: 2 }, 2, 1)).toContain(
      '多机同步：同步中（2 条待发送） · 2 项冲突待处理 · 1 项修改被同步中心拒绝',
    );
  });
});
