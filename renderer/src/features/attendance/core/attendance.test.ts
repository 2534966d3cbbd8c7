import { describe, expect, it } from 'vitest';

import type { MonthMarkRow } from '../../../../../shared/ledgers/attendance';
import { monthSheetSpec } from '../../../../../shared/ledgers/attendance';
import { collectTodos } from '../../../app/registry';
import { decide } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { SYSTEM_ACTOR } from '../../../db/repo';
import { refusal, sessionUserOf, withSeededOrg } from '../../../db/testing';
import { submitLeave } from '../../leave';
import '../../leave/contributions';

import { amendMonth, announceMonth, compileMonth, monthStatus } from './close';
import '../contributions';
import { saveAttendanceSettings } from './settings';
import { bulkAddSignIns, saveSignIn, signInSelf } from './signins';
import type { SignInChange } from './signins';
import { countedMonths, liveMonth, officialMonthRows, sessionsCome, yearRows } from './tally';

const org = withSeededOrg('2026-06-10T09:00:00'); // Wednesday 10 June 2026, 09:00.

// The office clerk registers a time of org.staff.
const sign = (date: string, half: SignInChange['half'], field: SignInChange['field'], value: string) =>
  saveSignIn({ staffId: org.staff.id, date, half, field, value }, org.actor(org.clerk));

// org.staff asks for 事假 from the morning of `from` to the morning of `to` (1.5 days).
const personalLeave = (from: string, to: string, reason: string) =>
  submitLeave(
    {
      staffId: org.staff.id,
      leaveType: 'personal',
      startDate: from,
      startHalf: 'am',
      endDate: to,
      endHalf: 'am',
      reason,
    },
    org.actor(org.staff),
  );

const rowOf = async (staffId: string) => (await liveMonth(2026, 6)).rows.find((r) => r.staffId === staffId)!;

describe('the daily register', () => {
  it('derives 迟 from a sign-in 16 minutes late and takes 0.5 off the month score (ATT-2, ATT-3)', async () => {
    await sign('2026-06-08', 'am', 'at', '08:15');
    await sign('2026-06-08', 'pm', 'at', '14:25');
    const onTime = await rowOf(org.staff.id);
    expect(onTime.codes[7]).toBe('√/√');
    await sign('2026-06-08', 'am', 'at', '08:16');
    const late = await rowOf(org.staff.id);
    expect(late.codes[7]).toBe('迟/√');
    expect(late.late).toBe(1);
    expect(late.score).toBe(onTime.score - 0.5);
  });

  it('records early leave and derives 早 only from 20 minutes before the end (ATT-4)', async () => {
    await sign('2026-06-08', 'pm', 'at', '14:30');
    await sign('2026-06-08', 'pm', 'leftAt', '17:11');
    expect((await rowOf(org.staff.id)).codes[7]).toBe('旷/√');
    await sign('2026-06-08', 'pm', 'leftAt', '17:10');
    expect((await rowOf(org.staff.id)).codes[7]).toBe('旷/早');
  });

  it('counts a session without sign-in, leave or trip as half a day of 旷工 (ATT-5), also one marked absent', async () => {
    await sign('2026-06-09', 'am', 'at', '08:00');
    await sign('2026-06-09', 'am', 'at', 'absent');
    const r = await rowOf(org.staff.id);
    expect(r.codes[8]).toBe('旷/旷');
    // 1–9 June: 7 working days absent, and the 10th's morning (at 09:00 its on-time window is over);
    // the 10th's afternoon has not come yet.
    expect(r.absentDays).toBe(7.5);
    expect(r.codes[9]).toBe('旷/');
    expect(r.codes[10]).toBe(''); // 11 June has not come yet
  });

  it('refuses bad input with Chinese messages at the cell', async () => {
    const bad = await refusal(sign('2026-06-08', 'am', 'at', '25:00'));
    expect(bad.message).toContain('时间无效');
    expect(bad.field).toBe('am.at');
    expect((await refusal(sign('2026-06-06', 'am', 'at', '08:00'))).message).toBe('该日为休息日，无需签到');
    expect((await refusal(sign('2026-06-11', 'am', 'at', '08:00'))).message).toBe('不能登记今天以后的签到');
    expect((await refusal(sign('2026-06-08', 'pm', 'leftAt', '16:00'))).message).toBe(
      '请先填写该时段的签到时间',
    );
    await sign('2026-06-08', 'pm', 'at', '14:40');
    expect((await refusal(sign('2026-06-08', 'pm', 'leftAt', '14:00'))).message).toBe(
      '离岗时间不能早于签到时间',
    );
    // Only the office registers for others.
    expect(
      (
        await refusal(
          saveSignIn(
            { staffId: org.head.id, date: '2026-06-08', half: 'am', field: 'at', value: '08:00' },
            org.actor(org.staff),
          ),
        )
      ).message,
    ).toBe('没有权限：登记考勤');
  });

  it('lets a person sign in themselves with the PC clock, once per session', async () => {
    pinClock(new Date('2026-06-10T08:05:00'));
    const me = org.actor(org.staff);
    expect(await signInSelf(me)).toEqual({ half: 'am', at: '08:05' });
    const again = await refusal(signInSelf(me));
    expect(again.message).toBe('上午已签到（08:05）');
    const rec = await db.signIns.where('[staffId+date]').equals([org.staff.id, '2026-06-10']).first();
    expect(rec?.am).toMatchObject({ at: '08:05', source: 'self' });
    pinClock(new Date('2026-06-10T14:50:00'));
    expect(await signInSelf(me)).toEqual({ half: 'pm', at: '14:50' });
    expect((await rowOf(org.staff.id)).codes[9]).toBe('√/迟');
    pinClock(new Date('2026-06-13T08:00:00'));
    expect((await refusal(signInSelf(me))).message).toBe('该日为休息日，无需签到');
  });

  it('uses the winter schedule set by the office', async () => {
    const winter = { amStart: '08:30', amEnd: '12:00', pmStart: '14:00', pmEnd: '17:30' };
    await saveAttendanceSettings(
      {
        summer: { amStart: '08:00', amEnd: '12:00', pmStart: '14:30', pmEnd: '17:30' },
        winter,
        summerStart: '06-09',
        summerEnd: '09-30',
      },
      100,
      org.actor(org.clerk),
    );
    const clerk = org.actor(org.clerk);
    await sign('2026-06-08', 'am', 'at', '08:40'); // winter: on time
    await sign('2026-06-09', 'am', 'at', '08:40'); // summer: late
    const r = await rowOf(org.staff.id);
    expect(r.codes[7].startsWith('√')).toBe(true);
    expect(r.codes[8].startsWith('迟')).toBe(true);
    const e = await refusal(
      saveAttendanceSettings(
        { summer: winter, winter: { ...winter, amEnd: '08:00' }, summerStart: '05-01', summerEnd: '09-30' },
        100,
        clerk,
      ),
    );
    expect(e.message).toBe('冬季上午下班时间须晚于上班时间');
  });
});

describe('the official rows of a month', () => {
  it('come with the unit’s name and the office’s base score, read in the same transaction as the tally', async () => {
    const before = await officialMonthRows(2026, 6);
    expect(before.unit).toBe('新宁县信访局');
    expect(before.rows.find((r) => r.staffId === org.staff.id)!.base).toBe(100);
    await saveAttendanceSettings(
      {
        summer: { amStart: '08:00', amEnd: '12:00', pmStart: '14:30', pmEnd: '17:30' },
        winter: { amStart: '08:30', amEnd: '12:00', pmStart: '14:00', pmEnd: '17:30' },
        summerStart: '05-01',
        summerEnd: '09-30',
      },
      90,
      org.actor(org.clerk),
    );
    const after = await officialMonthRows(2026, 6);
    expect(after.unit).toBe('新宁县信访局');
    expect(after.rows.find((r) => r.staffId === org.staff.id)!.base).toBe(90);
  });
});

describe('leave and trips in the month (LV-5, TRIP-5)', () => {
  it('counts after-the-fact leave as 旷 until approved, then as 事', async () => {
    const leave = await personalLeave('2026-06-03', '2026-06-04', '家中急事');
    expect(leave.afterTheFact).toBe(true);
    expect(leave.ruleIds).toEqual(['LV-3', 'LV-5']);
    expect((await rowOf(org.staff.id)).codes[2]).toBe('旷/旷');
    await decide({ requestId: leave.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    await decide({ requestId: leave.approvalId!, decision: 'approved' }, org.actor(org.director));
    const r = await rowOf(org.staff.id);
    expect(r.codes[2]).toBe('事/事');
    expect(r.codes[3]).toBe('事/旷');
    expect(r.personalLeaveDays).toBe(1.5);
  });
});

// The codes of a 考勤表 row counted mark by mark, beside the row's totals: they must always agree.
function codesAndTotals(r: MonthMarkRow) {
  const codes = r.codes.filter((c) => c !== '休').join('');
  const n = (mark: string) => codes.split(mark).length - 1;
  return {
    codes: {
      late: n('迟'),
      early: n('早'),
      absent: n('旷') / 2,
      personal: n('事') / 2,
      sick: n('病') / 2,
      trip: n('公') / 2,
    },
    totals: {
      late: r.late,
      early: r.early,
      absent: r.absentDays,
      personal: r.personalLeaveDays,
      sick: r.sickLeaveDays,
      trip: r.tripDays,
    },
  };
}

describe('one cut-off for the codes and the totals (issue 13.5)', () => {
  it('shows leave approved for later days neither in the codes nor in 事假(天) until they come, on screen and in the export alike', async () => {
    const leave = await personalLeave('2026-06-15', '2026-06-16', '家中有事');
    await decide({ requestId: leave.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    await decide({ requestId: leave.approvalId!, decision: 'approved' }, org.actor(org.director));
    expect((await db.leaves.get(leave.id))!.status).toBe('approved');

    // 10 June: the leave is three half-days ahead; the sheet (and so the export, built from the same rows) shows none of it.
    const before = await rowOf(org.staff.id);
    expect(before.codes[14]).toBe('');
    expect(before.codes[15]).toBe('');
    expect(before.personalLeaveDays).toBe(0);
    const official = await officialMonthRows(2026, 6);
    for (const r of official.rows) expect(codesAndTotals(r).codes, r.name).toEqual(codesAndTotals(r).totals);
    const spec = monthSheetSpec({ unitName: 'x', year: 2026, month: 6, rows: official.rows });
    const staffRow = spec.rows.find((r) => r.name === '钱科员')!;
    expect([staffRow.d15, staffRow.d16, staffRow.personal]).toEqual(['', '', 0]);

    // The afternoon of the 16th: the leave has come and is counted as it is shown.
    pinClock(new Date('2026-06-16T15:00:00'));
    const during = await rowOf(org.staff.id);
    expect(during.codes[14]).toBe('事/事');
    expect(during.codes[15]).toBe('事/旷');
    expect(during.personalLeaveDays).toBe(1.5);
    for (const r of (await liveMonth(2026, 6)).rows)
      expect(codesAndTotals(r).codes, r.name).toEqual(codesAndTotals(r).totals);
  });
});

describe('the month close (ATT-7)', () => {
  it('is refused before the month’s last working day, with the clause and the day; a preview is all there is until then (issue 13.6)', async () => {
    const clerk = org.actor(org.clerk);
    const early = await refusal(compileMonth(2026, 6, clerk));
    expect(early.ruleId).toBe('ATT-7');
    expect(early.field).toBe('month');
    expect(early.message).toBe(
      '考勤每月底汇总（制度 二、(一)2）：2026年6月尚未结束，最后一个工作日是6月30日，此前不能汇总，只能查看预览（非正式）',
    );
    pinClock(new Date('2026-06-29T17:40:00'));
    expect((await refusal(compileMonth(2026, 6, clerk))).ruleId).toBe('ATT-7');
    // Nothing was written: no snapshot, no approval to verify or review, nothing to announce.
    expect(await db.attendanceMonths.count()).toBe(0);
    expect(await db.approvals.where('kind').equals('attendance_month').count()).toBe(0);
    expect((await refusal(announceMonth(2026, 6, clerk))).message).toContain('局长审阅后');
    expect((await monthStatus(2026, 6)).stage).toBe('open');
    expect((await officialMonthRows(2026, 6)).locked).toBe(false);
    // The last working day: compiled.
    pinClock(new Date('2026-06-30T17:40:00'));
    await compileMonth(2026, 6, clerk);
    expect((await monthStatus(2026, 6)).stage).toBe('submitted');
  });

  it('puts the month in progress on the clerk’s to-do list from its last working day on, not before', async () => {
    const cal = await loadCalendar();
    const user = sessionUserOf(org.clerk);
    const june = async (today: string) =>
      (await collectTodos({ user, today, cal })).filter((t) => t.id === 'att-month-2026-6');
    expect(await june('2026-06-29')).toHaveLength(0);
    expect(await june('2026-06-30')).toMatchObject([
      { title: '2026年6月考勤：未汇总', link: '#/attendance/close/2026-06' },
    ]);
    expect(await june('2026-07-01')).toHaveLength(1);
  });

  it('goes clerk → deputy → director → announced, then refuses sign-in edits; an amendment needs a reason and keeps both versions', async () => {
    const clerk = org.actor(org.clerk);
    await sign('2026-06-08', 'am', 'at', '08:30');
    expect((await refusal(compileMonth(2026, 6, org.actor(org.staff)))).ruleId).toBe('ATT-7');
    pinClock(new Date('2026-06-30T17:40:00'));
    await compileMonth(2026, 6, clerk);
    let st = await monthStatus(2026, 6);
    expect(st.stage).toBe('submitted');
    expect(st.approval?.steps.map((s) => s.approverId)).toEqual([org.deputy.id, org.director.id]);
    // The director cannot verify in the deputy's place.
    await expect(
      decide({ requestId: st.approval!.id, decision: 'approved' }, org.actor(org.director)),
    ).rejects.toThrow(/陈副局长/);
    await decide(
      { requestId: st.approval!.id, decision: 'approved', comment: '核实无误' },
      org.actor(org.deputy),
    );
    expect((await monthStatus(2026, 6)).stage).toBe('verified');
    expect((await refusal(announceMonth(2026, 6, clerk))).message).toContain('局长审阅后');
    await decide({ requestId: st.approval!.id, decision: 'approved' }, org.actor(org.director));
    expect((await monthStatus(2026, 6)).stage).toBe('reviewed');
    await announceMonth(2026, 6, clerk);
    st = await monthStatus(2026, 6);
    expect(st.stage).toBe('announced');

    const locked = await refusal(sign('2026-06-08', 'am', 'at', '08:00'));
    expect(locked.ruleId).toBe('ATT-7');
    const official = await officialMonthRows(2026, 6);
    expect(official.locked).toBe(true);
    const before = official.rows.find((r) => r.staffId === org.staff.id)!;
    expect(before.codes[7]).toBe('迟/旷');

    expect((await refusal(amendMonth(2026, 6, { reason: ' ', change: null }, clerk))).message).toBe(
      '请填写更正理由',
    );
    const am = await amendMonth(
      2026,
      6,
      {
        reason: '签到表漏记，经核实当日08:00到岗',
        change: { staffId: org.staff.id, date: '2026-06-08', half: 'am', field: 'at', value: '08:00' },
      },
      clerk,
    );
    expect(am.before.find((r) => r.staffId === org.staff.id)!.codes[7]).toBe('迟/旷');
    expect(am.after.find((r) => r.staffId === org.staff.id)!.codes[7]).toBe('√/旷');
    expect(am.changes.join()).toContain('钱科员');
    const after = (await officialMonthRows(2026, 6)).rows.find((r) => r.staffId === org.staff.id)!;
    expect(after.score).toBe(before.score + 0.5);
    expect((await db.attendanceMonths.toArray())[0].version).toBe(2);
  });

  it('can be sent back and compiled again', async () => {
    const clerk = org.actor(org.clerk);
    pinClock(new Date('2026-06-30T17:40:00'));
    await compileMonth(2026, 6, clerk);
    expect((await refusal(compileMonth(2026, 6, clerk))).message).toContain('不能重复汇总');
    const st = await monthStatus(2026, 6);
    await decide(
      { requestId: st.approval!.id, decision: 'rejected', comment: '请补记外出' },
      org.actor(org.deputy),
    );
    expect((await monthStatus(2026, 6)).stage).toBe('returned');
    await compileMonth(2026, 6, clerk);
    expect((await monthStatus(2026, 6)).stage).toBe('submitted');
    expect((await refusal(compileMonth(2026, 7, clerk))).message).toContain('2026年7月尚未开始');
  });
});

describe('sessionsCome', () => {
  const times = { amStart: '08:00', amEnd: '12:00', pmStart: '14:30', pmEnd: '17:30' };
  it.each([
    ['2026-06-10T08:15:00', '2026-06-09', 'pm'],
    ['2026-06-10T08:16:00', '2026-06-10', 'am'],
    ['2026-06-10T14:45:00', '2026-06-10', 'am'],
    ['2026-06-10T14:46:00', '2026-06-10', 'pm'],
  ])(
    'counts a session once its on-time window (ATT-2) is over: at %s, until %s %s',
    (at, until, untilHalf) => {
      expect(sessionsCome(times, new Date(at))).toEqual({ until, untilHalf });
    },
  );
});

describe('the year (ATT-8) and bulk loading', () => {
  it('counts complete months only: the month in progress and those after it are left out', () => {
    expect(countedMonths(2026)).toEqual([1, 2, 3, 4, 5]);
    expect(countedMonths(2026, '2026-12-06')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(countedMonths(2026, '2027-01-01')).toHaveLength(12);
    expect(countedMonths(2027)).toEqual([]);
  });

  it('lists each person’s eligibility with every reason', async () => {
    // 3 days absent in May for the staff member; everybody else signs in every working day.
    const recs = [];
    for (const s of [org.staff, org.head]) {
      for (let d = 1; d <= 31; d++) {
        const date = `2026-05-${String(d).padStart(2, '0')}`;
        if (s === org.staff && (d === 6 || d === 7 || d === 8)) continue;
        const e = { at: '08:00', source: 'import' as const, byId: 'system' };
        recs.push({ staffId: s.id, date, am: e, pm: { ...e, at: '14:30' } });
      }
    }
    expect(await bulkAddSignIns(recs, SYSTEM_ACTOR, undefined, 20)).toBe(recs.length);
    const rows = await yearRows(2026);
    const staff = rows.find((r) => r.staffId === org.staff.id)!;
    expect(staff.tally.absentDays).toBeGreaterThanOrEqual(3);
    expect(staff.eligible).toBe(false);
    expect(staff.bars).toContain('absent_3_days');
    expect(staff.monthScores[4]).toBe(100 - 45);
    // June is in progress (today is 10 June): it does not count yet (issue 13.6).
    expect(staff.monthScores[5]).toBeNull();
    expect(staff.monthScores[6]).toBeNull();
  });
});
