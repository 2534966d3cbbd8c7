// Start-up registration of the seals module: the 'seal' approval handler and the keeper's to-do.
import { can } from '../../../../shared/permissions';
import { registerTodos } from '../../app/registry';
import { href } from '../../app/router';
import { registerApprovalHandler } from '../../approvals/engine';
import { db } from '../../db/db';

import { onSealUseFinished } from './core/commands';
import { approvedSealUses, sealsById } from './core/queries';

registerApprovalHandler('seal', { tables: () => [db.sealUses], onFinished: onSealUseFinished });

registerTodos(async ({ user }) => {
  if (!can(user.roles, 'seals.keep')) return [];
  const ready = await approvedSealUses();
  const seals = await sealsById();
  return ready
    .filter((u) => seals.get(u.sealId)?.keeperId === user.staffId || user.roles.includes('director'))
    .map((u) => ({
      id: `seal-${u.id}`,
      module: 'seals',
      category: '待用印',
      title: `${seals.get(u.sealId)?.name ?? ''}：${u.document}（${u.copies}份）`,
      link: href('seals', 'uses'),
    }));
});
