// Start-up contributions of the integrity module: gifts waiting to be handed to 纪检 (INT-1) and
// integrity pledges not yet signed this year (ASM-1 item 8).
import { can } from '../../../../shared/permissions';
import { registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { activeStaff } from '../../org/org';

import { giftsToHandOver, pledgedStaffIds } from './core/integrity';

registerTodos(async ({ user, today }) => {
  const out: TodoItem[] = [];
  const year = Number(today.slice(0, 4));
  for (const g of await giftsToHandOver()) {
    if (g.staffId !== user.staffId && !can(user.roles, 'integrity.manage')) continue;
    out.push({
      id: g.id,
      module: 'integrity',
      category: '待上交纪检的礼品（INT-1）',
      title: `${g.receivedOn} ${g.description}`,
      link: href('integrity', 'gifts'),
    });
  }
  const signed = await pledgedStaffIds(year);
  if (can(user.roles, 'integrity.manage') || can(user.roles, 'assessment.manage')) {
    const staff = await activeStaff();
    const missing = staff.filter((s) => !signed.has(s.id)).length;
    if (missing > 0) {
      out.push({
        id: `pledges-${year}`,
        module: 'integrity',
        category: '廉政承诺书',
        title: `${year}年度尚有${missing}人未签订廉政承诺书`,
        link: href('integrity', 'pledges'),
      });
    }
  } else if (!signed.has(user.staffId)) {
    out.push({
      id: `pledge-${user.staffId}`,
      module: 'integrity',
      category: '廉政承诺书',
      title: `本人${year}年度廉政承诺书尚未签订`,
      link: href('integrity', 'pledges'),
    });
  }
  return out;
});
