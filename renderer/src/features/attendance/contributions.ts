// Start-up registration of the attendance module: the month's approval handler (ATT-7) and the
// clerk's to-do for the month-close step waiting. Light: index queries only.
import { can } from '../../../../shared/permissions';
import { monthCompilable } from '../../../../shared/rules';
import { registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerApprovalHandler } from '../../approvals/engine';
import { db } from '../../db/db';

import { monthStatus, onMonthApprovalFinished } from './core/close';
import { STAGE_LABELS } from './labels';

registerApprovalHandler('attendance_month', {
  tables: () => [db.attendanceMonths],
  onFinished: onMonthApprovalFinished,
});

registerTodos(async ({ user, today, cal }) => {
  if (!can(user.roles, 'attendance.close')) return [];
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const prev = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
  const items: TodoItem[] = [];
  for (const { year, month } of [prev, { year: y, month: m }]) {
    const { stage } = await monthStatus(year, month);
    const current = year === y && month === m;
    // The month in progress waits for compiling from its last working day on (ATT-7).
    const waiting =
      stage === 'returned' ||
      stage === 'reviewed' ||
      (stage === 'open' && (!current || monthCompilable(year, month, today, cal).ok));
    if (!waiting) continue;
    items.push({
      id: `att-month-${year}-${month}`,
      module: 'attendance',
      category: '月度考勤',
      title: `${year}年${month}月考勤：${STAGE_LABELS[stage]}`,
      detail: stage === 'reviewed' ? '请全局通报（ATT-7）' : '请汇总并提交分管领导核实（ATT-7）',
      state: 'due_soon',
      link: href('attendance', 'close', `${year}-${String(month).padStart(2, '0')}`),
    });
  }
  return items;
});
