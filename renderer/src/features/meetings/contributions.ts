// 工作台 reminders of the meetings module (light: index queries only).
import { can } from '../../../../shared/permissions';
import {
  compareDates,
  daysInMonth,
  deadlineState,
  formatISODate,
  monthHasDirectorMeeting,
  parseISODate,
  sectionReportDue,
  staffMeetingDay,
} from '../../../../shared/rules';
import { registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerNumbering } from '../../sync/numbers';

import { decisionNumbering, meetingNumbering } from './core/hubNumbers';
import { decisionsOwnedBy, liveSections, meetingsOfYear, sectionReportsOf } from './core/queries';
import { FOLLOW_UP_LABELS } from './labels';

// How many days before the 27th the dashboard starts to remind of missing section reports.
const REPORT_REMINDER_DAYS = 7;

// several PCs: meeting and decision numbers from the hub (core/hubNumbers.ts)
registerNumbering(meetingNumbering.numbering);
registerNumbering(decisionNumbering.numbering);

registerTodos(async ({ user, today, cal }) => {
  const out: TodoItem[] = [];
  const { year, month, day } = parseISODate(today);
  const manager = can(user.roles, 'meetings.manage');
  if (manager) {
    const dates = (await meetingsOfYear('director_office', year)).map((m) => m.date);
    if (!monthHasDirectorMeeting(dates, year, month)) {
      const due = formatISODate(year, month, daysInMonth(year, month));
      out.push({
        id: `mtg-director-${year}-${month}`,
        module: 'meetings',
        category: '会议提醒',
        title: `${month}月尚未召开局长办公会（MTG-1 原则上每月一次）`,
        due,
        state: deadlineState(due, today, cal, 5),
        link: href('meetings', 'director'),
      });
    }
    const staffDay = staffMeetingDay(year, month);
    if (day >= 21) {
      const held = (await meetingsOfYear('staff', year)).some((m) => parseISODate(m.date).month === month);
      if (!held)
        out.push({
          id: `mtg-staff-${year}-${month}`,
          module: 'meetings',
          category: '会议提醒',
          title: `${month}月局务会（一般每月28日召开，MTG-2）`,
          due: staffDay,
          state: deadlineState(staffDay, today, cal),
          link: href('meetings', 'staff'),
        });
    }
  }
  const reportDue = sectionReportDue(year, month);
  if (day >= 27 - REPORT_REMINDER_DAYS) {
    const sections = await liveSections();
    const mine = manager ? sections : sections.filter((s) => s.headId === user.staffId);
    if (mine.length) {
      const reported = new Set((await sectionReportsOf(year, month)).map((r) => r.sectionId));
      for (const s of mine.filter((x) => !reported.has(x.id)))
        out.push({
          id: `mtg-report-${s.id}-${year}-${month}`,
          module: 'meetings',
          category: '股室月度汇报（28日前）',
          title: `${s.name}：${month}月工作情况和下月计划未报送（MTG-3）`,
          due: reportDue,
          state: deadlineState(reportDue, today, cal),
          link: href('meetings', 'reports'),
        });
    }
  }
  const owned = await decisionsOwnedBy(user.staffId);
  for (const d of owned.filter((x) => x.followUp !== 'done'))
    out.push({
      id: `mtg-decision-${d.id}`,
      module: 'meetings',
      category: '待落实的会议决定',
      title: `${d.number}：${d.text}（${FOLLOW_UP_LABELS[d.followUp]}）`,
      due: d.dueDate ?? undefined,
      state: d.dueDate ? deadlineState(d.dueDate, today, cal) : undefined,
      link: href('meetings', 'decisions', d.id),
    });
  return out.sort((a, b) => (a.due && b.due ? compareDates(a.due, b.due) : 0));
});
