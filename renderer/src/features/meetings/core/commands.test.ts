import { beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, softDelete, SYSTEM_ACTOR } from '../../../db/repo';
import { withSeededOrg } from '../../../db/testing';
import { AGENDA_CATEGORIES } from '../labels';

import { addDecision, createMeeting, setFollowUp, submitSectionReport, updateMeeting } from './commands';
import type { MeetingInput } from './commands';
import {
  decisionLabel,
  directorDecisions,
  findDecision,
  findDirectorDecision,
  monthsWithoutDirectorMeeting,
  sectionReportTable,
  sectionsMissingReport,
} from './queries';

const org = withSeededOrg();

function meeting(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    kind: 'director_office',
    date: '2026-03-10',
    chairId: org.director.id,
    recorderId: org.clerk.id,
    attendeeIds: [org.director.id, org.deputy.id, org.clerk.id],
    absences: [{ staffId: org.head.id, reason: '出差' }],
    agenda: [{ category: AGENDA_CATEGORIES.director_office[4], title: '赴外地学习考察' }],
    minutes: '会议研究了……',
    ...over,
  };
}

// a 全体干部职工会 on `date` with one item of its first category
const staffMeetingOn = (date: string, title: string) =>
  meeting({ kind: 'staff', date, agenda: [{ category: AGENDA_CATEGORIES.staff[0], title }] });

describe('createMeeting (MTG-1, MTG-2)', () => {
  it('numbers meetings per kind per year', async () => {
    pinClock(new Date('2027-01-08T10:00:00')); // a meeting is recorded once held
    const a = await createMeeting(meeting(), org.actor(org.clerk));
    const b = await createMeeting(meeting({ date: '2026-04-08' }), org.actor(org.clerk));
    const c = await createMeeting(staffMeetingOn('2026-04-28', '呈报事项'), org.actor(org.clerk));
    const d = await createMeeting(meeting({ date: '2027-01-08' }), org.actor(org.clerk));
    expect([a.seq, b.seq, c.seq, d.seq]).toEqual([1, 2, 1, 1]);
    expect(a.year).toBe(2026);
  });

  it('refuses a chair who is not the 局长 or 书记', async () => {
    await expect(
      createMeeting(meeting({ chairId: org.deputy.id }), org.actor(org.clerk)),
    ).rejects.toMatchObject({
      field: 'chairId',
      ruleId: 'MTG-1',
    });
  });

  it('refuses an absence without a reason, at the field', async () => {
    await expect(
      createMeeting(meeting({ absences: [{ staffId: org.head.id, reason: '  ' }] }), org.actor(org.clerk)),
    ).rejects.toMatchObject({ message: '请填写缺席原因', field: 'absences.0.reason' });
  });

  it('refuses someone both present and absent', async () => {
    await expect(
      createMeeting(meeting({ absences: [{ staffId: org.clerk.id, reason: '病假' }] }), org.actor(org.clerk)),
    ).rejects.toMatchObject({ field: 'absences.0.staffId' });
  });

  it('refuses an agenda category the regulations do not list', async () => {
    await expect(
      createMeeting(meeting({ agenda: [{ category: '聚餐', title: 'x' }] }), org.actor(org.clerk)),
    ).rejects.toMatchObject({ field: 'agenda.0.category' });
  });

  it('refuses a person without the meetings permission', async () => {
    await expect(createMeeting(meeting(), org.actor(org.staff))).rejects.toMatchObject({
      field: 'permission',
    });
  });
});

describe('decisions (MTG-1, cited by TRIP-3 and FIN-5)', () => {
  it('numbers decisions per kind per year and never reuses a revoked number', async () => {
    const m = await createMeeting(meeting(), org.actor(org.clerk));
    const d1 = await addDecision(
      m.id,
      { text: '同意赴外地学习考察', ownerId: org.head.id },
      org.actor(org.clerk),
    );
    const d2 = await addDecision(m.id, { text: '同意采购电脑3台，共1.2万元' }, org.actor(org.clerk));
    expect(d1.number).toBe('局长办公会决定〔2026〕1号');
    expect(d2.number).toBe('局长办公会决定〔2026〕2号');
    await softDelete(db.meetingDecisions, d2.id, org.actor(org.clerk), '撤销');
    const d3 = await addDecision(m.id, { text: '另一项' }, org.actor(org.clerk));
    expect(d3.seq).toBe(3);
    const staffMeeting = await createMeeting(
      meeting({
        kind: 'staff',
        date: '2026-03-28',
        agenda: [{ category: AGENDA_CATEGORIES.staff[1], title: '人员调整' }],
      }),
      org.actor(org.clerk),
    );
    const s1 = await addDecision(staffMeeting.id, { text: '人员调整' }, org.actor(org.clerk));
    expect(s1.number).toBe('局务会决定〔2026〕1号');
  });

  it('can be looked up by id, and a revoked one cannot', async () => {
    const m = await createMeeting(meeting(), org.actor(org.clerk));
    const d = await addDecision(m.id, { text: '同意赴浙江学习考察' }, org.actor(org.clerk));
    const found = await findDecision(d.id);
    expect(found?.number).toBe('局长办公会决定〔2026〕1号');
    expect(found && decisionLabel(found)).toBe('局长办公会决定〔2026〕1号 同意赴浙江学习考察');
    expect((await findDirectorDecision(d.id))?.id).toBe(d.id);
    expect(await findDecision('no-such-id')).toBeUndefined();
    expect(await findDecision(null)).toBeUndefined();
    await softDelete(db.meetingDecisions, d.id, org.actor(org.clerk));
    expect(await findDecision(d.id)).toBeUndefined();
  });

  it('lists only 局长办公会 decisions for the picker, newest first', async () => {
    const m1 = await createMeeting(meeting({ date: '2026-01-09' }), org.actor(org.clerk));
    const m2 = await createMeeting(meeting({ date: '2026-02-06' }), org.actor(org.clerk));
    const st = await createMeeting(staffMeetingOn('2026-02-28', 'x'), org.actor(org.clerk));
    await addDecision(m1.id, { text: '一月决定' }, org.actor(org.clerk));
    await addDecision(m2.id, { text: '二月决定' }, org.actor(org.clerk));
    const staffDecision = await addDecision(st.id, { text: '局务会决定' }, org.actor(org.clerk));
    const list = await directorDecisions();
    expect(list.map((d) => d.text)).toEqual(['二月决定', '一月决定']);
    expect(await findDirectorDecision(staffDecision.id)).toBeUndefined();
    expect((await directorDecisions('2026-02-01')).map((d) => d.text)).toEqual(['二月决定']);
  });

  it('records the follow-up; done needs a date; the owner may record it', async () => {
    const m = await createMeeting(meeting(), org.actor(org.clerk));
    const d = await addDecision(m.id, { text: '落实事项', ownerId: org.staff.id }, org.actor(org.clerk));
    await expect(setFollowUp(d.id, { followUp: 'done' }, org.actor(org.staff))).rejects.toMatchObject({
      field: 'doneOn',
    });
    const done = await setFollowUp(
      d.id,
      { followUp: 'done', doneOn: '2026-03-20', note: '已完成' },
      org.actor(org.staff),
    );
    expect(done.followUp).toBe('done');
    await expect(setFollowUp(d.id, { followUp: 'open' }, org.actor(org.head))).rejects.toMatchObject({
      field: 'permission',
    });
  });

  it('moves the decisions with the meeting date, but not to another year', async () => {
    const m = await createMeeting(meeting(), org.actor(org.clerk));
    const d = await addDecision(m.id, { text: 'x' }, org.actor(org.clerk));
    await updateMeeting(m.id, meeting({ date: '2026-03-12' }), org.actor(org.clerk));
    expect((await findDecision(d.id))?.meetingDate).toBe('2026-03-12');
    pinClock(new Date('2027-01-05T10:00:00'));
    await expect(
      updateMeeting(m.id, meeting({ date: '2027-01-05' }), org.actor(org.clerk)),
    ).rejects.toMatchObject({
      field: 'date',
    });
  });

  it('reports the months without a 局长办公会', async () => {
    await createMeeting(meeting({ date: '2026-01-09' }), org.actor(org.clerk));
    await createMeeting(meeting({ date: '2026-03-09' }), org.actor(org.clerk));
    expect(await monthsWithoutDirectorMeeting(2026, 4)).toEqual([2, 4]);
  });
});

describe('section reports (MTG-3)', () => {
  it('lists who has not reported, and a report after the 27th as late', async () => {
    const third = await insert(
      db.sections,
      { name: '接访股', order: 2, headId: null, deputyId: null },
      SYSTEM_ACTOR,
    );
    await submitSectionReport(
      {
        sectionId: org.sectionId,
        year: 2026,
        month: 3,
        submittedOn: '2026-03-27',
        reporterId: org.head.id,
        workSummary: '办信120件',
        nextPlan: '继续',
      },
      org.actor(org.head),
    );
    await submitSectionReport(
      {
        sectionId: org.officeSectionId,
        year: 2026,
        month: 3,
        submittedOn: '2026-03-28',
        reporterId: org.clerk.id,
        workSummary: '收文30件',
        nextPlan: '归档',
      },
      org.actor(org.clerk),
    );
    const table = await sectionReportTable(2026, 3);
    expect(table.map((r) => [r.section.name, r.state])).toEqual([
      ['办信股', 'on_time'],
      ['办公室', 'late'],
      ['接访股', 'missing'],
    ]);
    expect(table[0].due).toBe('2026-03-27');
    expect((await sectionsMissingReport(2026, 3)).map((s) => s.id)).toEqual([third.id]);
    expect((await sectionsMissingReport(2026, 4)).length).toBe(3);
  });

  it('keeps one report per section and month, and refuses empty text at the field', async () => {
    const input = {
      sectionId: org.sectionId,
      year: 2026,
      month: 5,
      submittedOn: '2026-05-20',
      reporterId: org.head.id,
      workSummary: 'a',
      nextPlan: 'b',
    };
    await submitSectionReport(input, org.actor(org.head));
    await submitSectionReport({ ...input, workSummary: 'a2' }, org.actor(org.head));
    const all = await db.sectionReports.where('[year+month]').equals([2026, 5]).toArray();
    expect(all.map((r) => r.workSummary)).toEqual(['a2']);
    await expect(submitSectionReport({ ...input, nextPlan: ' ' }, org.actor(org.head))).rejects.toMatchObject(
      {
        field: 'nextPlan',
        ruleId: 'MTG-3',
      },
    );
    // Someone else's section: refused.
    await expect(
      submitSectionReport({ ...input, sectionId: org.officeSectionId }, org.actor(org.head)),
    ).rejects.toMatchObject({
      field: 'permission',
    });
  });
});

describe('act dates are never in the future', () => {
  beforeEach(() => pinClock(new Date('2026-03-16T10:00:00')));

  it('refuses a meeting held after today at its date', async () => {
    await expect(createMeeting(meeting({ date: '2026-03-17' }), org.actor(org.clerk))).rejects.toMatchObject({
      field: 'date',
      message: '会议日期不能晚于今天',
    });
    expect((await createMeeting(meeting({ date: '2026-03-16' }), org.actor(org.clerk))).date).toBe(
      '2026-03-16',
    );
  });
});
