// 系统 at start-up: the desktop app's automatic daily backup, and to-dos on 工作台 (a temporary
// password to change; no backup for a week). Light: the backup code loads only when it runs.
import { can } from '../../../../shared/permissions';
import { registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { startAutoBackup } from '../../backup/schedule';
import { now } from '../../db/clock';
import { getSetting } from '../../db/settings';

import { getAccount } from './core/accounts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

if (typeof window !== 'undefined' && typeof indexedDB !== 'undefined') startAutoBackup();

registerTodos(async ({ user }) => {
  const items: TodoItem[] = [];
  const account = await getAccount(user.accountId);
  if (account?.mustChangePassword) {
    items.push({
      id: 'system-password',
      module: 'system',
      category: '账户安全',
      title: '您正在使用管理员设置的临时密码，请修改密码',
      link: href('system', 'account'),
    });
  }
  if (can(user.roles, 'system.backup')) {
    const last = await getSetting<{ at: string } | null>('lastBackup', null);
    const age = last ? now().getTime() - Date.parse(last.at) : Infinity;
    if (age > WEEK_MS) {
      items.push({
        id: 'system-backup',
        module: 'system',
        category: '数据备份',
        title: last ? `已超过${Math.floor(age / 86_400_000)}天没有备份数据` : '尚未做过数据备份',
        detail: '请到“系统—备份与恢复”立即备份，并把备份文件另存到U盘等其他介质。',
        link: href('system', 'backup'),
      });
    }
  }
  return items;
});
