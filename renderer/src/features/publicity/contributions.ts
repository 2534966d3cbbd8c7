// Start-up contributions of the publicity-reward module: to-dos for the office's review (PUB-2) and
// for reviewed rewards not yet sent to finance.
import { can } from '../../../../shared/permissions';
import { registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';

import { piecesIn } from './core/queries';

registerTodos(async ({ user }) => {
  const out: TodoItem[] = [];
  if (!can(user.roles, 'publicity.review') && !can(user.roles, 'finance.manage')) return out;
  if (can(user.roles, 'publicity.review')) {
    for (const p of await piecesIn('claimed')) {
      if (p.staffId === user.staffId) continue;
      out.push({
        id: p.id,
        module: 'publicity',
        category: '待审核宣传奖励（PUB-2）',
        title: p.title,
        link: href('publicity', 'pieces', p.id),
      });
    }
  }
  const reviewed = (await piecesIn('office_reviewed')).filter((p) => !p.expenseId);
  if (reviewed.length) {
    out.push({
      id: 'publicity-payout',
      module: 'publicity',
      category: '待发放宣传奖励',
      title: `${reviewed.length}篇作品已审核，待转财务报销`,
      link: href('publicity', 'payout'),
    });
  }
  return out;
});
