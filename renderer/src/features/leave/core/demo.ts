// 演示数据: about 60 leaves and 30 trips over the last twelve months, each through the repository
// and the approval engine on its own day (the clock is pinned to the day it happened), in every
// state: approved and closed, closed late with an explanation, rejected, withdrawn, waiting,
// approved but not yet closed or reported.
import type { Half, ISODate, LeaveType } from '../../../../../shared/rules';
import { addCalendarDays, isWorkday } from '../../../../../shared/rules';
import { decide, withdraw } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { today, withClockAt } from '../../../db/clock';
import { db } from '../../../db/db';
import type { Actor } from '../../../db/repo';
import type { TripKind } from '../../../db/schema/attendance';
import type { Staff } from '../../../db/schema/core';
import type { DemoModule } from '../../../demo/modules';
import { seededRandom } from '../../attendance';

import type { LeaveDraft, TripDraft } from '.';
import {
  closeLeave,
  directorOfficeDecisions,
  markSlipFiled,
  markSlipPrinted,
  reportTrip,
  submitLeave,
  submitTrip,
} from '.';

// The person the end-to-end tests use keeps the last week free of demo leave and trips.
const KEEP_FREE = '钱雪';

export function onDay<T>(date: ISODate, hhmm: string, fn: () => Promise<T>): Promise<T> {
  return withClockAt(new Date(`${date}T${hhmm}:00`), fn);
}

const actor = (s: Staff): Actor => ({ id: s.id, name: s.name });

const LEAVE_REASONS: Record<LeaveType, string[]> = {
  personal: ['家中有事需处理', '孩子学校开家长会', '办理房产过户手续', '陪同家人就医', '老家房屋修缮'],
  sick: ['感冒发烧，需就医休息', '腰椎间盘突出复查', '牙科手术', '肠胃炎就诊'],
  annual: ['休年休假', '年休假探望父母'],
  marriage: ['本人结婚'],
  bereavement: ['直系亲属去世，回乡料理后事'],
  maternity: ['配偶生育，休陪产假'],
  family_visit: ['探望异地父母'],
  other: ['参加职称考试'],
};
const TYPES: LeaveType[] = [
  'personal',
  'personal',
  'personal',
  'sick',
  'sick',
  'annual',
  'annual',
  'personal',
  'sick',
  'family_visit',
  'bereavement',
  'marriage',
];
const DESTINATIONS = [
  '邵阳市信访局',
  '金石镇',
  '回龙镇',
  '高桥镇',
  '县委党校',
  '长沙市',
  '县人民政府',
  '崀山镇',
  '白沙镇',
  '县自然资源局',
];
const TRIP_KINDS: TripKind[] = [
  'business',
  'countryside',
  'countryside',
  'meeting',
  'errand',
  'meeting',
  'countryside',
];
const TRIP_PURPOSES: Record<TripKind, string[]> = {
  business: ['参加全市信访业务培训', '赴市局汇报重点信访案件办理情况'],
  countryside: ['下乡核查信访事项', '到乡镇督办信访积案', '陪同群众现场调处矛盾纠纷'],
  meeting: ['参加县维稳工作会议', '参加全县信访工作联席会议'],
  errand: ['到县财政局办理经费手续', '到县档案馆移交档案'],
  study: ['赴外地学习信访工作经验'],
};

export const leaveDemo: DemoModule = {
  label: '请假与外出',
  async load(ctx) {
    const cal = await loadCalendar();
    const t = today();
    const rand = seededRandom(20260601);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const byName = (n: string) => ctx.staff.find((s) => s.name === n);
    const clerk = byName('周晓燕') ?? ctx.staff.find((s) => s.roles.includes('office'))!;
    const people = ctx.staff.filter((s) => s.rank !== 'director');
    const workdays: ISODate[] = [];
    for (let d = addCalendarDays(t, -360); d <= addCalendarDays(t, 12); d = addCalendarDays(d, 1))
      if (isWorkday(d, cal)) workdays.push(d);
    const past = workdays.filter((d) => d <= addCalendarDays(t, -9));
    const workdayAfter = (d: ISODate, n = 1) => {
      let x = d;
      for (let i = 0; i < n;) {
        x = addCalendarDays(x, 1);
        if (isWorkday(x, cal)) i++;
      }
      return x;
    };
    const workdayBefore = (d: ISODate) => {
      let x = addCalendarDays(d, -1);
      while (!isWorkday(x, cal)) x = addCalendarDays(x, -1);
      return x;
    };
    // End of a span of n working half-days from (date, half).
    const spanEnd = (date: ISODate, half: Half, n: number): { date: ISODate; half: Half } => {
      let d = date;
      let h = half;
      for (let i = 1; i < n; i++) {
        if (h === 'am') h = 'pm';
        else {
          d = workdayAfter(d);
          h = 'am';
        }
      }
      return { date: d, half: h };
    };
    const deciders = async (approvalId: string | null, on: ISODate, reject = false) => {
      if (!approvalId) return;
      for (let i = 0; i < 4; i++) {
        const req = await db.approvals.get(approvalId);
        if (!req || req.status !== 'pending') return;
        const step = req.steps[req.currentStep];
        const who = step.external ? clerk : ctx.staff.find((s) => s.id === step.approverId);
        if (!who) return;
        await onDay(on, '10:30', () =>
          decide(
            {
              requestId: approvalId,
              decision: reject ? 'rejected' : 'approved',
              comment: reject ? '工作任务较重，请调整时间' : step.external ? '已电话报告县领导' : '同意',
            },
            actor(who),
          ),
        );
        if (reject) return;
      }
    };

    // ---- leaves
    let made = 0;
    for (let i = 0; made < 60 && i < 200; i++) {
      const recent = made >= 54; // the last few: waiting, or approved and not yet closed
      const p = pick(recent ? people.filter((s) => s.name !== KEEP_FREE) : people);
      const type = pick(TYPES);
      const halves =
        type === 'marriage' || type === 'bereavement'
          ? 6 + Math.floor(rand() * 4)
          : 1 + Math.floor(rand() * (rand() < 0.3 ? 8 : 4));
      const startDate = recent ? pick(workdays.filter((d) => d > addCalendarDays(t, -6))) : pick(past);
      const startHalf: Half = rand() < 0.3 ? 'pm' : 'am';
      const end = spanEnd(startDate, startHalf, halves);
      if (!recent && end.date > addCalendarDays(t, -8)) continue;
      const afterTheFact = !recent && rand() < 0.1;
      const submitOn = afterTheFact ? workdayAfter(startDate) : startDate > t ? t : workdayBefore(startDate);
      if (submitOn > t) continue;
      const d: LeaveDraft = {
        staffId: p.id,
        leaveType: type,
        startDate,
        startHalf,
        endDate: end.date,
        endHalf: end.half,
        reason: pick(LEAVE_REASONS[type]),
        afterTheFact,
      };
      const oral = halves <= 2 && rand() < 0.3;
      let leave;
      try {
        leave = await onDay(submitOn, '16:20', () => submitLeave(d, oral ? actor(clerk) : actor(p)));
      } catch {
        continue; // overlaps an earlier demo leave of the same person
      }
      made++;
      const r = rand();
      if (recent && startDate > t) continue; // waiting for approval
      if (r < 0.06) {
        await deciders(leave.approvalId, submitOn, true);
        continue;
      }
      if (r < 0.1 && !oral && leave.approvalId) {
        await onDay(submitOn, '17:00', () => withdraw(leave.approvalId!, actor(p)));
        continue;
      }
      await deciders(leave.approvalId, submitOn);
      if (leave.form === 'written') {
        await onDay(submitOn, '17:10', () => markSlipPrinted(leave.id, actor(p)));
        await onDay(submitOn, '17:20', () => markSlipFiled(leave.id, actor(clerk))).catch(() => undefined);
      }
      if (recent || rand() < 0.04) continue; // approved, not closed yet (待销假)
      const late = rand() < 0.1;
      const closeOn = workdayAfter(end.date, late ? 3 : 1);
      await onDay(closeOn, '08:40', () =>
        closeLeave(leave.id, late ? '返岗当日外出办案，次日补办销假' : '', actor(p)),
      ).catch(() => undefined);
    }

    // ---- trips
    const decisions = await directorOfficeDecisions(20);
    let trips = 0;
    for (let i = 0; trips < 30 && i < 120; i++) {
      const recent = trips >= 27;
      const p = pick(recent ? people.filter((s) => s.name !== KEEP_FREE) : people);
      const study = !recent && decisions.length > 0 && trips % 12 === 5;
      const kind: TripKind = study ? 'study' : pick(TRIP_KINDS);
      const halves = study
        ? 6
        : kind === 'business'
          ? 2 + Math.floor(rand() * 5)
          : 1 + Math.floor(rand() * 2);
      const startDate = recent ? pick(workdays.filter((d) => d > addCalendarDays(t, -6))) : pick(past);
      const end = spanEnd(startDate, 'am', halves);
      if (!recent && end.date > addCalendarDays(t, -8)) continue;
      const submitOn = startDate > t ? t : workdayBefore(startDate);
      const d: TripDraft = {
        staffId: p.id,
        tripKind: kind,
        destination: study ? '浙江省杭州市' : pick(DESTINATIONS),
        purpose: pick(TRIP_PURPOSES[kind]),
        startDate,
        startHalf: 'am',
        endDate: end.date,
        endHalf: end.half,
        decisionId: study ? decisions[0].id : null,
      };
      let trip;
      try {
        trip = await onDay(submitOn, '15:00', () => submitTrip(d, actor(p)));
      } catch {
        continue;
      }
      trips++;
      if (recent && startDate > t) continue;
      if (rand() < 0.05) {
        await deciders(trip.approvalId, submitOn, true);
        continue;
      }
      await deciders(trip.approvalId, submitOn);
      if (recent || rand() < 0.05) continue; // 待汇报
      const section = p.sectionId ? await db.sections.get(p.sectionId) : undefined;
      const leader =
        ctx.staff.find((s) => s.id === section?.deputyId) ?? ctx.staff.find((s) => s.rank === 'director')!;
      const to = leader.id === p.id ? ctx.staff.find((s) => s.rank === 'director')! : leader;
      const on = workdayAfter(end.date);
      await onDay(on, '09:00', () =>
        reportTrip(
          trip.id,
          { reportedOn: on, reportToId: to.id, text: `${d.purpose}，情况已当面汇报` },
          actor(p),
        ),
      ).catch(() => undefined);
    }
    ctx.progress(`已生成请假 ${made} 条、外出 ${trips} 条`);
  },
};
