import { describe, expect, it } from 'vitest';

import { collectDeadlines, collectTodos } from '../../../app/registry';
import { decide, withdraw } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import { refusal, sessionUserOf, withSeededOrg } from '../../../db/testing';
import { liveMonth } from '../../attendance';

import '../contributions';
import type { LeaveDraft } from './leave';
import { closeLeave, markSlipFiled, markSlipPrinted, previewLeave, submitLeave } from './leave';
import type { TripDraft } from './trips';
import { previewTrip, reportTrip, submitTrip } from './trips';

const org = withSeededOrg('2026-06-10T09:00:00');

const draft = (over: Partial<LeaveDraft> = {}): LeaveDraft => ({
  staffId: org.staff.id,
  leaveType: 'personal',
  startDate: '2026-06-11',
  startHalf: 'am',
  endDate: '2026-06-12',
  endHalf: 'am',
  reason: '家中有事',
  ...over,
});

describe('leave requests', () => {
  it('routes 1.5 days of a staff member to the deputy then the director (LV-3) and numbers it', async () => {
    const p = await previewLeave(draft());
    expect(p.days).toBe(1.5);
    expect(p.ruleIds).toEqual(['LV-3']);
    expect(p.routeText).toBe('分管领导审批（陈副局长） → 局长审批（刘局长）');
    const leave = await submitLeave(draft(), org.actor(org.staff));
    expect(leave).toMatchObject({
      number: '请〔2026〕1号',
      status: 'pending',
      form: 'written',
      days: 1.5,
      afterTheFact: false,
    });
    await decide({ requestId: leave.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    expect((await db.leaves.get(leave.id))!.status).toBe('pending');
    await decide({ requestId: leave.approvalId!, decision: 'approved' }, org.actor(org.director));
    expect((await db.leaves.get(leave.id))!.status).toBe('approved');
    const second = await submitLeave(
      draft({ startDate: '2026-06-15', endDate: '2026-06-15', endHalf: 'pm' }),
      org.actor(org.staff),
    );
    expect(second.number).toBe('请〔2026〕2号');
    expect(second.ruleIds).toEqual(['LV-2']);
  });

  it('moves a step off the applicant: a section head’s half day goes to the deputy (LV-1, LV-4)', async () => {
    const p = await previewLeave(draft({ staffId: org.head.id, endDate: '2026-06-11', endHalf: 'am' }));
    expect(p.days).toBe(0.5);
    expect(p.ruleIds).toEqual(['LV-1', 'LV-4']);
    expect(p.steps?.map((s) => s.approverId)).toEqual([org.deputy.id]);
  });

  it('counts working half-days only: Friday afternoon to Monday morning is 1 day', async () => {
    const p = await previewLeave(
      draft({ startDate: '2026-06-12', startHalf: 'pm', endDate: '2026-06-15', endHalf: 'am' }),
    );
    expect(p.days).toBe(1);
  });

  it('refuses bad input field by field in Chinese', async () => {
    const me = org.actor(org.staff);
    let e = await refusal(submitLeave(draft({ endDate: '2026-06-10' }), me));
    expect([e.field, e.message]).toEqual(['end', '结束时间不能早于开始时间']);
    e = await refusal(
      submitLeave(draft({ startDate: '2026-06-13', endDate: '2026-06-14', endHalf: 'pm' }), me),
    );
    expect([e.field, e.message]).toEqual(['end', '请假时段内没有工作日（休息日、节假日无需请假）']);
    e = await refusal(submitLeave(draft({ reason: '  ' }), me));
    expect([e.field, e.message]).toEqual(['reason', '请填写事由']);
    await submitLeave(draft(), me);
    e = await refusal(
      submitLeave(
        draft({ startDate: '2026-06-12', endDate: '2026-06-12', endHalf: 'pm', leaveType: 'sick' }),
        me,
      ),
    );
    expect(e.field).toBe('start');
    expect(e.message).toBe('与已有请假 请〔2026〕1号（2026-06-11上午至2026-06-12上午）时间重叠');
    // The afternoon of the 12th does not overlap.
    await submitLeave(
      draft({ startDate: '2026-06-12', startHalf: 'pm', endDate: '2026-06-12', endHalf: 'pm' }),
      me,
    );
  });

  it('lets a withdrawn or rejected leave free its time', async () => {
    const me = org.actor(org.staff);
    const l = await submitLeave(draft(), me);
    await withdraw(l.approvalId!, me);
    expect((await db.leaves.get(l.id))!.status).toBe('withdrawn');
    await submitLeave(draft(), me);
  });

  it('records oral requests for others only with leave.recordOral', async () => {
    const e = await refusal(submitLeave(draft({ staffId: org.head.id }), org.actor(org.staff)));
    expect(e.message).toContain('代录');
    const l = await submitLeave(draft({ endDate: '2026-06-11', endHalf: 'am' }), org.actor(org.clerk));
    expect(l).toMatchObject({ recordedById: org.clerk.id, recordedByName: '周文书', form: 'oral' });
  });

  it('closes leave (销假), asking for an explanation when late (LV-7), and shows it as a to-do and a deadline', async () => {
    const me = org.actor(org.staff);
    const l = await submitLeave(draft({ startDate: '2026-06-08', endDate: '2026-06-08', endHalf: 'pm' }), me);
    await decide({ requestId: l.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    const cal = await loadCalendar();
    const user = sessionUserOf(org.staff);
    const todos = await collectTodos({ user, today: '2026-06-10', cal });
    expect(todos.filter((t) => t.category === '待销假')).toHaveLength(1);
    expect(todos[0]).toMatchObject({ state: 'overdue', due: '2026-06-09' });
    const deadlines = await collectDeadlines({ user, today: '2026-06-10', cal });
    expect(deadlines.find((d) => d.kind === '销假')).toMatchObject({ state: 'overdue', owner: '钱科员' });
    const e = await refusal(closeLeave(l.id, '', me));
    expect([e.field, e.ruleId]).toEqual(['closeNote', 'LV-7']);
    const closed = await closeLeave(l.id, '回来后忘记销假', me);
    expect(closed).toMatchObject({ status: 'closed', closedLate: true, closedOn: '2026-06-10' });
    expect(await collectTodos({ user, today: '2026-06-10', cal })).toHaveLength(0);
  });

  it('records the slip printed and filed (LV-6)', async () => {
    const l = await submitLeave(draft(), org.actor(org.staff));
    await markSlipPrinted(l.id, org.actor(org.staff));
    expect((await db.leaves.get(l.id))!.printedAt).toBeTruthy();
    expect((await refusal(markSlipFiled(l.id, org.actor(org.clerk)))).message).toBe('请假批准后才能存档');
    await decide({ requestId: l.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    await decide({ requestId: l.approvalId!, decision: 'approved' }, org.actor(org.director));
    expect((await refusal(markSlipFiled(l.id, org.actor(org.staff)))).ruleId).toBe('LV-6');
    expect((await markSlipFiled(l.id, org.actor(org.clerk))).filedAt).toBeTruthy();
  });
});

const trip = (over: Partial<TripDraft> = {}): TripDraft => ({
  staffId: org.staff.id,
  tripKind: 'business',
  destination: '邵阳市',
  purpose: '参加全市信访业务培训',
  startDate: '2026-06-11',
  startHalf: 'am',
  endDate: '2026-06-12',
  endHalf: 'pm',
  decisionId: null,
  ...over,
});

describe('official trips', () => {
  it('routes a staff member’s 2-day trip to the director (TRIP-1) with the allowance days', async () => {
    const p = await previewTrip(trip());
    expect(p).toMatchObject({ days: 2, allowanceDays: 2, ruleIds: ['TRIP-1'] });
    expect(p.steps?.map((s) => s.approverId)).toEqual([org.director.id]);
  });

  it('registers a deputy’s half-day trip with the office only (TRIP-2)', async () => {
    const t = await submitTrip(
      trip({ staffId: org.deputy.id, endDate: '2026-06-11', endHalf: 'am' }),
      org.actor(org.deputy),
    );
    expect(t.ruleIds).toEqual(['TRIP-2']);
    expect((await db.trips.get(t.id))!.status).toBe('approved');
  });

  it('refuses a study trip without a 局长办公会 decision (TRIP-3) and cites one when given', async () => {
    const e = await refusal(submitTrip(trip({ tripKind: 'study' }), org.actor(org.staff)));
    expect([e.field, e.ruleId]).toEqual(['decisionId', 'TRIP-3']);
    const base = {
      meetingId: 'm',
      meetingDate: '2026-06-01',
      year: 2026,
      text: '同意赴外地学习',
      followUp: 'open' as const,
    };
    const staffMeeting = await insert(
      db.meetingDecisions,
      { ...base, meetingKind: 'staff', seq: 1, number: '局务会〔2026〕1号' },
      SYSTEM_ACTOR,
    );
    expect(
      (
        await refusal(
          submitTrip(trip({ tripKind: 'study', decisionId: staffMeeting.id }), org.actor(org.staff)),
        )
      ).ruleId,
    ).toBe('TRIP-3');
    const dec = await insert(
      db.meetingDecisions,
      { ...base, meetingKind: 'director_office', seq: 2, number: '局长办公会决定〔2026〕2号' },
      SYSTEM_ACTOR,
    );
    const t = await submitTrip(
      trip({ tripKind: 'study', decisionId: dec.id, startDate: '2026-06-15', endDate: '2026-06-15' }),
      org.actor(org.staff),
    );
    expect(t).toMatchObject({
      decisionNumber: '局长办公会决定〔2026〕2号',
      reportToCounty: true,
      form: 'written',
      ruleIds: ['TRIP-3'],
    });
    const req = await db.approvals.get(t.approvalId!);
    expect(req!.steps.map((s) => s.key)).toEqual(['director', 'county']);
  });

  it('stays open until the report back is recorded (TRIP-4)', async () => {
    const me = org.actor(org.staff);
    const t = await submitTrip(trip({ startDate: '2026-06-08', endDate: '2026-06-09' }), me);
    await decide({ requestId: t.approvalId!, decision: 'approved' }, org.actor(org.director));
    const cal = await loadCalendar();
    const user = sessionUserOf(org.staff);
    expect((await collectTodos({ user, today: '2026-06-10', cal })).map((x) => x.category)).toContain(
      '外出待汇报',
    );
    let e = await refusal(
      reportTrip(t.id, { reportedOn: '2026-06-07', reportToId: org.deputy.id, text: '已汇报' }, me),
    );
    expect(e.field).toBe('reportedOn');
    e = await refusal(
      reportTrip(t.id, { reportedOn: '2026-06-10', reportToId: org.deputy.id, text: '' }, me),
    );
    expect(e.message).toBe('请填写汇报情况');
    const done = await reportTrip(
      t.id,
      { reportedOn: '2026-06-10', reportToId: org.deputy.id, text: '培训情况已向分管领导汇报' },
      me,
    );
    expect(done).toMatchObject({ status: 'reported', reportToName: '陈副局长' });
  });

  it('refuses overlapping trips of the same person', async () => {
    await submitTrip(trip(), org.actor(org.staff));
    const e = await refusal(
      submitTrip(trip({ startDate: '2026-06-12', endDate: '2026-06-12' }), org.actor(org.staff)),
    );
    expect(e.message).toContain('时间重叠');
  });
});

describe('after-the-fact trips (TRIP-1, like LV-5)', () => {
  it('marks a trip dated before the day it is submitted 事后补办, not as if approved beforehand', async () => {
    const p = await previewTrip(trip({ startDate: '2026-06-08', endDate: '2026-06-09' }));
    expect(p).toMatchObject({ afterTheFact: true, ruleIds: ['TRIP-1', 'LV-5'] });
    const t = await submitTrip(
      trip({ startDate: '2026-06-08', endDate: '2026-06-09' }),
      org.actor(org.staff),
    );
    expect(t).toMatchObject({ afterTheFact: true, ruleIds: ['TRIP-1', 'LV-5'], status: 'pending' });
    const req = (await db.approvals.get(t.approvalId!))!;
    expect(req.title.startsWith('【事后补办】')).toBe(true);
    expect(req.ruleIds).toEqual(['TRIP-1', 'LV-5']);
    const audit = await db.audit.where('[table+recordId]').equals(['trips', t.id]).toArray();
    expect(audit.some((a) => a.summary === '事后补办外出申请 外〔2026〕1号')).toBe(true);
  });

  it('does not mark a trip starting today or later, unless the traveller says it could not be asked before', async () => {
    expect(
      (await submitTrip(trip({ startDate: '2026-06-10', endDate: '2026-06-10' }), org.actor(org.staff)))
        .afterTheFact,
    ).toBe(false);
    expect((await submitTrip(trip(), org.actor(org.staff))).afterTheFact).toBe(false);
    const marked = await submitTrip(
      trip({ startDate: '2026-06-15', endDate: '2026-06-15', afterTheFact: true }),
      org.actor(org.staff),
    );
    expect(marked).toMatchObject({ afterTheFact: true, ruleIds: ['TRIP-1', 'LV-5'] });
  });

  it('counts its sessions as 旷工 until approved, then 公出 (TRIP-5)', async () => {
    const t = await submitTrip(
      trip({ startDate: '2026-06-08', endDate: '2026-06-08' }),
      org.actor(org.staff),
    );
    const mark = async () =>
      (await liveMonth(2026, 6, [org.staff.id])).sheets
        .get(org.staff.id)!
        .days.find((d) => d.date === '2026-06-08')!.am.code;
    expect(await mark()).toBe('旷');
    await decide({ requestId: t.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    expect(await mark()).toBe('公');
  });
});

describe('study trips waiting for the report to the county leaders (TRIP-3)', () => {
  it('shows the office a to-do once the 局长 has agreed, until the office records the report', async () => {
    const dec = await insert(
      db.meetingDecisions,
      {
        meetingId: 'm',
        meetingDate: '2026-06-01',
        year: 2026,
        text: '同意赴外地学习',
        followUp: 'open',
        meetingKind: 'director_office',
        seq: 1,
        number: '局长办公会决定〔2026〕1号',
      },
      SYSTEM_ACTOR,
    );
    const t = await submitTrip(
      trip({ tripKind: 'study', decisionId: dec.id, destination: '长沙市' }),
      org.actor(org.staff),
    );
    const cal = await loadCalendar();
    const clerk = sessionUserOf(org.clerk);
    const county = async () =>
      (await collectTodos({ user: clerk, today: '2026-06-10', cal })).filter(
        (x) => x.category === '待报县领导',
      );
    expect(await county()).toEqual([]); // the 局长 has not agreed yet
    await decide({ requestId: t.approvalId!, decision: 'approved' }, org.actor(org.director));
    expect((await db.trips.get(t.id))!.status).toBe('pending');
    const items = await county();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      module: 'leave',
      link: `#/leave/trip/${t.id}`,
      title: '外〔2026〕1号 钱科员 赴长沙市学习考察',
    });
    expect(items[0].detail).toContain('局长已于2026-06-10同意');
    // Only the office is told: the traveller is not.
    const traveller = { ...clerk, staffId: org.staff.id, roles: org.staff.roles };
    expect(
      (await collectTodos({ user: traveller, today: '2026-06-10', cal })).filter(
        (x) => x.category === '待报县领导',
      ),
    ).toEqual([]);
    await decide(
      { requestId: t.approvalId!, decision: 'approved', comment: '已电话报告县领导' },
      org.actor(org.clerk),
    );
    expect((await db.trips.get(t.id))!.status).toBe('approved');
    expect(await county()).toEqual([]);
  });
});

describe('the report back is dated no later than today', () => {
  it('refuses a report dated tomorrow at the field', async () => {
    const me = org.actor(org.staff);
    const t = await submitTrip(trip({ startDate: '2026-06-08', endDate: '2026-06-09' }), me);
    await decide({ requestId: t.approvalId!, decision: 'approved' }, org.actor(org.director));
    const e = await refusal(
      reportTrip(t.id, { reportedOn: '2026-06-11', reportToId: org.deputy.id, text: '已汇报' }, me),
    );
    expect([e.field, e.message, e.ruleId]).toEqual(['reportedOn', '汇报日期不能晚于今天', 'TRIP-4']);
  });
});
