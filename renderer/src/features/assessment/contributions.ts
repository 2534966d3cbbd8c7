// Start-up registration of the assessment and supervision module: power-operation steps waiting for
// my confirmation (SUP-2), complaints to answer (SUP-3), and the SUP-1 half-year inspection deadline.
import { can } from '../../../../shared/permissions';
import { deadlineState } from '../../../../shared/rules';
import { registerDeadlines, registerTodos } from '../../app/registry';
import type { DeadlineItem, TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerNumbering } from '../../sync/numbers';

import { powerRecordNumbering } from './core/hubNumbers';
import { inspectionStatus, openComplaints, powerRecordsWaitingFor } from './core/queries';

// several PCs: 权力运行记录 numbers from the hub (core/hubNumbers.ts)
registerNumbering(powerRecordNumbering.numbering);

registerTodos(async ({ user }) => {
  const out: TodoItem[] = [];
  const steps = await powerRecordsWaitingFor(user.staffId);
  for (const r of steps) {
    if (r.status !== 'open') continue;
    const step = r.steps.find((s) => !s.confirmedAt);
    out.push({
      id: r.id,
      module: 'assessment',
      category: '待我确认的权力运行环节（SUP-2）',
      title: `${r.number} ${r.title}：${step?.label ?? ''}`,
      link: href('assessment', 'power', r.id),
    });
  }
  if (can(user.roles, 'assessment.manage')) {
    for (const c of await openComplaints())
      out.push({
        id: c.id,
        module: 'assessment',
        category: '待办投诉举报（SUP-3）',
        title: `${c.receivedOn} ${c.content.slice(0, 30)}`,
        link: href('assessment', 'complaints', c.id),
      });
  }
  return out;
});

registerDeadlines(async ({ today, cal }) => {
  const out: DeadlineItem[] = [];
  for (const { year: y, half: h, due, done } of await inspectionStatus(today)) {
    if (done) continue;
    out.push({
      id: `inspection-${y}-${h}`,
      kind: '权力运行半年检查（SUP-1）',
      title: `${y}年${h === 1 ? '上' : '下'}半年权力运行全面检查`,
      due,
      state: deadlineState(due, today, cal),
      owner: '办公室',
      link: href('assessment', 'inspect'),
    });
  }
  return out;
});
