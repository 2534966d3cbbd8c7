// 演示数据: twelve months of sign-ins for everyone (a few late, early or absent; none where leave
// or a trip was approved), and the monthly flow (ATT-7): every month announced except the last
// one, which waits for the 局长's review.
import type { ISODate } from '../../../../../shared/rules';
import { addCalendarDays, HALVES, leaveSessions } from '../../../../../shared/rules';
import { decide } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { today } from '../../../db/clock';
import { db } from '../../../db/db';
import type { Actor } from '../../../db/repo';
import { SYSTEM_ACTOR } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import type { DemoModule } from '../../../demo/modules';
import { director, officeDeputy } from '../../../org/org';
import { onDay } from '../../leave';

import { announceMonth, compileMonth, monthStatus } from './close';
import { makeSignIns, seededRandom } from './signInGen';
import { bulkAddSignIns } from './signins';
import { keepsAttendance } from './tally';

const actor = (s: Staff): Actor => ({ id: s.id, name: s.name });

export const attendanceDemo: DemoModule = {
  label: '考勤',
  async load(ctx) {
    const cal = await loadCalendar();
    const t = today();
    const y = Number(t.slice(0, 4));
    const m = Number(t.slice(5, 7));
    // From the first day of the month eleven months back to yesterday.
    const fromMonth = m === 12 ? { year: y, month: 1 } : { year: y - 1, month: m + 1 };
    const from = `${fromMonth.year}-${String(fromMonth.month).padStart(2, '0')}-01`;
    const to = addCalendarDays(t, -1);

    // Sessions covered by approved leave or trips get no sign-in.
    const covered = new Set<string>();
    for (const l of await db.leaves.where('endDate').aboveOrEqual(from).toArray()) {
      if (l.status !== 'approved' && l.status !== 'closed') continue;
      for (const s of leaveSessions(
        { date: l.startDate, half: l.startHalf },
        { date: l.endDate, half: l.endHalf },
        cal,
      )) {
        covered.add(`${l.staffId}|${s.date}|${s.half}`);
      }
    }
    for (const tr of await db.trips.where('endDate').aboveOrEqual(from).toArray()) {
      if (tr.status !== 'approved' && tr.status !== 'reported') continue;
      for (let d = tr.startDate; d <= tr.endDate; d = addCalendarDays(d, 1)) {
        for (const h of HALVES) {
          if (
            (d === tr.startDate && tr.startHalf === 'pm' && h === 'am') ||
            (d === tr.endDate && tr.endHalf === 'am' && h === 'pm')
          )
            continue;
          covered.add(`${tr.staffId}|${d}|${h}`);
        }
      }
    }
    const staffIds = ctx.staff.filter(keepsAttendance).map((s) => s.id);
    const records = makeSignIns(staffIds, from, to, {
      cal,
      rand: seededRandom(20250701),
      skip: (staffId, date, half) => covered.has(`${staffId}|${date}|${half}`),
    });
    await bulkAddSignIns(records, SYSTEM_ACTOR, (done, total) =>
      ctx.progress(`正在生成演示数据：考勤签到 ${done}/${total}…`),
    );

    // ATT-7 for each past month: compiled on the 2nd of the next month, verified, reviewed, announced.
    const clerk =
      ctx.staff.find((s) => s.name === '周晓燕') ?? ctx.staff.find((s) => s.roles.includes('office'));
    const [deputy, head] = await Promise.all([officeDeputy(), director()]);
    if (!clerk || !deputy || !head) return;
    let { year, month } = fromMonth;
    while (year < y || (year === y && month < m)) {
      const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
      const on = `${next.year}-${String(next.month).padStart(2, '0')}-02` as ISODate;
      const last = next.year === y && next.month === m;
      if (on <= t) {
        await onDay(on, '09:00', () => compileMonth(year, month, actor(clerk)));
        const { approval } = await monthStatus(year, month);
        if (approval) {
          await onDay(on, '15:00', () =>
            decide({ requestId: approval.id, decision: 'approved', comment: '已核实' }, actor(deputy)),
          );
          if (!last) {
            await onDay(addCalendarDays(on, 1), '10:00', () =>
              decide({ requestId: approval.id, decision: 'approved', comment: '已阅' }, actor(head)),
            );
            await onDay(addCalendarDays(on, 2), '09:00', () => announceMonth(year, month, actor(clerk)));
          }
        }
      }
      ({ year, month } = next);
    }
  },
};
