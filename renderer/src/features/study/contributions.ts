// Start-up registration of the study module: the office's reminders (STU-1 Friday study not
// recorded, STU-2 study group not met this month, STU-4 papers at year end). Light.
import { can } from '../../../../shared/permissions';
import { daysInMonth, deadlineState, formatISODate, parseISODate } from '../../../../shared/rules';
import { registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';

import { fridaysWithoutSession, groupMonthsMissing } from './core/queries';

registerTodos(async ({ user, today, cal }) => {
  if (!can(user.roles, 'study.manage')) return [];
  const { year, month, day } = parseISODate(today);
  const out: TodoItem[] = [];
  for (const d of await fridaysWithoutSession(year, month, cal, today))
    out.push({
      id: `stu-friday-${d}`,
      module: 'study',
      category: '学习提醒',
      title: `${d} 周五集中学习未登记（STU-1）`,
      due: d,
      link: href('study', 'sessions'),
    });
  if ((await groupMonthsMissing(year, month)).includes(month)) {
    const due = formatISODate(year, month, daysInMonth(year, month));
    out.push({
      id: `stu-group-${year}-${month}`,
      module: 'study',
      category: '学习提醒',
      title: `${month}月学习中心组尚未集中学习（STU-2 每月一次）`,
      due,
      state: deadlineState(due, today, cal, 5),
      link: href('study', 'sessions'),
    });
  }
  if (month === 12 && day >= 1)
    out.push({
      id: `stu-papers-${year}`,
      module: 'study',
      category: '学习提醒',
      title: `年底核对${year}年每人至少1篇学习心得或论文（STU-4）`,
      link: href('study', 'papers'),
    });
  return out;
});
