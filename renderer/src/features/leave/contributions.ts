// Start-up registration of the leave and trips module: approval handlers, 工作台 to-dos (待销假,
// 待汇报) and SUP-4 deadlines (销假, 外出汇报). Light: index queries only.
import { leaveCloseDue, leaveCloseOverdue, spanText } from '../../../../shared/rules';
import type { ISODate } from '../../../../shared/rules';
import { registerDeadlines, registerTodos } from '../../app/registry';
import type { DeadlineItem, DueState, TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerApprovalHandler } from '../../approvals/engine';
import { db } from '../../db/db';
import { registerNumbering } from '../../sync/numbers';

import { leaveNumbering, tripNumbering } from './core/hubNumbers';
import { onLeaveApprovalFinished } from './core/leave';
import { approvedRequests, personEndedBefore, reportDue, tripsAwaitingCountyReport } from './core/queries';
import { onTripApprovalFinished } from './core/trips';

registerApprovalHandler('leave', { tables: () => [db.leaves], onFinished: onLeaveApprovalFinished });
registerApprovalHandler('trip', { tables: () => [db.trips], onFinished: onTripApprovalFinished });
// several PCs: numbers from the hub (core/hubNumbers.ts)
registerNumbering(leaveNumbering.numbering);
registerNumbering(tripNumbering.numbering);

function stateOf(endDate: ISODate, due: ISODate, today: ISODate): DueState {
  if (today > due) return 'overdue';
  return today >= endDate ? 'due_soon' : 'running';
}

registerTodos(async ({ user, today, cal }) => {
  const items: TodoItem[] = [];
  const { leaves, trips } = await personEndedBefore(user.staffId, today);
  for (const l of leaves) {
    const due = leaveCloseDue(l.endDate, cal);
    const overdue = leaveCloseOverdue(l.endDate, today, cal);
    items.push({
      id: `leave-close-${l.id}`,
      module: 'leave',
      category: '待销假',
      title: `${l.number} ${spanText(l)}`,
      detail: overdue ? '已逾期，销假时须说明情况（LV-7）' : `请于${due}前到办公室销假（LV-7）`,
      due,
      state: overdue ? 'overdue' : 'due_soon',
      link: href('leave', 'leave', l.id),
    });
  }
  for (const t of trips) {
    const due = reportDue(t.endDate, cal);
    items.push({
      id: `trip-report-${t.id}`,
      module: 'leave',
      category: '外出待汇报',
      title: `${t.number} ${t.destination}`,
      detail: '回来后向分管或主要领导汇报（TRIP-4）',
      due,
      state: stateOf(t.endDate, due, today),
      link: href('leave', 'trip', t.id),
    });
  }
  // TRIP-3: after the 局长 agrees, reporting a study trip to the county leaders is the office's step.
  if (user.roles.includes('office')) {
    for (const { trip: t, approval } of await tripsAwaitingCountyReport()) {
      const agreed = approval.steps[approval.currentStep - 1]?.decidedAt?.slice(0, 10);
      items.push({
        id: `trip-county-${t.id}`,
        module: 'leave',
        category: '待报县领导',
        title: `${t.number} ${t.staffName} 赴${t.destination}学习考察`,
        detail: `${agreed ? `局长已于${agreed}同意；` : ''}请按干部管理权限报告县委、县政府领导，并在外出记录中登记报告情况（TRIP-3）`,
        link: href('leave', 'trip', t.id),
      });
    }
  }
  return items;
});

registerDeadlines(async ({ today, cal }) => {
  const { leaves, trips } = await approvedRequests();
  const out: DeadlineItem[] = [];
  for (const l of leaves) {
    const due = leaveCloseDue(l.endDate, cal);
    out.push({
      id: l.id,
      kind: '销假',
      title: `${l.staffName} ${l.number}`,
      due,
      state: stateOf(l.endDate, due, today),
      owner: l.staffName,
      link: href('leave', 'leave', l.id),
    });
  }
  for (const t of trips) {
    const due = reportDue(t.endDate, cal);
    out.push({
      id: t.id,
      kind: '外出汇报',
      title: `${t.staffName} ${t.number} ${t.destination}`,
      due,
      state: stateOf(t.endDate, due, today),
      owner: t.staffName,
      link: href('leave', 'trip', t.id),
    });
  }
  return out;
});
