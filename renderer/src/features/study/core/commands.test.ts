import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { BUNDLED_CALENDAR, mergeCalendars } from '../../../../../shared/rules';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { withSeededOrg } from '../../../db/testing';

import { recordNotesCheck, recordPaper, recordSession, submitTuitionClaim } from './commands';
import { fridaysWithoutSession, groupMonthsMissing, notesCheckTable, papersMissing } from './queries';

const cal = mergeCalendars(...Object.values(BUNDLED_CALENDAR));
const org = withSeededOrg();

describe('Friday study (STU-1) and the study group (STU-2)', () => {
  const session = () => ({
    kind: 'friday' as const,
    date: '2026-11-06',
    topic: '学习《信访工作条例》',
    speaker: '李主任',
    attendeeIds: [org.staff.id, org.clerk.id],
    absences: [{ staffId: org.head.id, reason: '下乡接访' }],
  });

  it('records attendance with reasons; refuses a non-Friday or a holiday Friday', async () => {
    const s = await recordSession(session(), cal, org.actor(org.clerk));
    expect(s.absences).toEqual([{ staffId: org.head.id, reason: '下乡接访' }]);
    await expect(
      recordSession({ ...session(), date: '2026-11-05' }, cal, org.actor(org.clerk)),
    ).rejects.toMatchObject({ field: 'date', ruleId: 'STU-1' });
    await expect(
      recordSession({ ...session(), date: '2026-10-02' }, cal, org.actor(org.clerk)),
    ).rejects.toMatchObject({ field: 'date' });
    await expect(recordSession(session(), cal, org.actor(org.clerk))).rejects.toMatchObject({
      message: '该日期已登记过同类学习',
    });
    await expect(
      recordSession(
        { ...session(), date: '2026-11-13', absences: [{ staffId: org.head.id, reason: '' }] },
        cal,
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({ field: 'absences.0.reason', ruleId: 'STU-1' });
  });

  it('lists the Fridays of the month so far without a session', async () => {
    await recordSession(session(), cal, org.actor(org.clerk));
    expect(await fridaysWithoutSession(2026, 11, cal, '2026-11-20')).toEqual(['2026-11-13', '2026-11-20']);
    expect(await fridaysWithoutSession(2026, 11, cal, '2026-11-12')).toEqual([]);
  });

  it('lists months without a study-group meeting', async () => {
    await recordSession({ ...session(), kind: 'group', date: '2026-01-15' }, cal, org.actor(org.clerk));
    await recordSession({ ...session(), kind: 'group', date: '2026-03-10' }, cal, org.actor(org.clerk));
    expect(await groupMonthsMissing(2026, 3)).toEqual([2]);
  });
});

describe('notes check (STU-3)', () => {
  it('keeps one check per person per quarter and shows who is unchecked', async () => {
    const input = {
      staffId: org.staff.id,
      year: 2026,
      quarter: 3,
      checkedOn: '2026-09-25',
      collective: 'good' as const,
      selfStudy: 'adequate' as const,
    };
    await recordNotesCheck(input, org.actor(org.clerk));
    await recordNotesCheck({ ...input, selfStudy: 'good' }, org.actor(org.clerk));
    const table = await notesCheckTable(2026, 3, [org.staff, org.head]);
    expect(table.map((r) => [r.staff.name, r.check?.selfStudy ?? null])).toEqual([
      ['钱科员', 'good'],
      ['孙股长', null],
    ]);
    await expect(recordNotesCheck({ ...input, quarter: 4 }, org.actor(org.clerk))).rejects.toMatchObject({
      field: 'checkedOn',
    });
  });
});

describe('papers (STU-4)', () => {
  it('lists at year end everyone without a paper', async () => {
    await recordPaper(
      { staffId: org.staff.id, writtenOn: '2026-06-30', kind: 'reflection', title: '学习心得' },
      org.actor(org.staff),
    );
    await recordPaper(
      { staffId: org.head.id, writtenOn: '2025-12-30', kind: 'paper', title: '去年的论文' },
      org.actor(org.clerk),
    );
    const missing = await papersMissing(2026, [org.staff, org.head, org.clerk]);
    expect(missing.map((s) => s.name)).toEqual(['孙股长', '周文书']);
    // [whose paper, its title, the field refused] — recorded by org.staff
    for (const [who, title, field] of [
      [org.head, 'x', 'permission'],
      [org.staff, ' ', 'title'],
    ] as const) {
      await expect(
        recordPaper({ staffId: who.id, writtenOn: '2026-06-30', kind: 'paper', title }, org.actor(org.staff)),
      ).rejects.toMatchObject({ field });
    }
  });
});

describe('tuition and exam costs (STU-5)', () => {
  it('reimburses 2/3 of tuition in fen, exam costs in full, as 待报销', async () => {
    const t = await submitTuitionClaim(
      {
        staffId: org.staff.id,
        kind: 'tuition',
        degree: '本科',
        description: '函授本科学费',
        paidFen: 680000,
        submittedOn: '2026-07-01',
      },
      org.actor(org.staff),
    );
    expect([t.paidFen, t.reimbursableFen, t.status]).toEqual([680000, 453333, 'submitted']);
    const e = await submitTuitionClaim(
      {
        staffId: org.staff.id,
        kind: 'exam',
        description: '公开选拔报名费、体检费',
        paidFen: 35050,
        submittedOn: '2026-07-01',
      },
      org.actor(org.staff),
    );
    expect(e.reimbursableFen).toBe(35050);
    expect((await db.tuitionClaims.where('status').equals('submitted').toArray()).length).toBe(2);
  });

  it('refuses tuition below a bachelor’s degree and a zero amount', async () => {
    const base = {
      staffId: org.staff.id,
      kind: 'tuition' as const,
      description: '学费',
      paidFen: 100,
      submittedOn: '2026-07-01',
    };
    await expect(submitTuitionClaim({ ...base, degree: '大专' }, org.actor(org.staff))).rejects.toMatchObject(
      { field: 'degree', ruleId: 'STU-5' },
    );
    await expect(
      submitTuitionClaim({ ...base, degree: '本科', paidFen: 0 }, org.actor(org.staff)),
    ).rejects.toMatchObject({ field: 'paidFen' });
  });
});

describe('act dates are never in the future', () => {
  beforeEach(() => pinClock(new Date('2026-11-10T10:00:00')));
  afterEach(() => pinClock(null));

  it('refuses a session, a notes check, a paper or a claim dated after today, at the field', async () => {
    const session = {
      kind: 'friday' as const,
      date: '2026-11-13',
      topic: '学习',
      attendeeIds: [org.staff.id],
      absences: [],
    };
    await expect(recordSession(session, cal, org.actor(org.clerk))).rejects.toMatchObject({
      field: 'date',
      message: '学习日期不能晚于今天',
      ruleId: 'STU-1',
    });
    expect((await recordSession({ ...session, date: '2026-11-06' }, cal, org.actor(org.clerk))).date).toBe(
      '2026-11-06',
    );
    await expect(
      recordNotesCheck(
        {
          staffId: org.staff.id,
          year: 2026,
          quarter: 4,
          checkedOn: '2026-11-11',
          collective: 'good',
          selfStudy: 'good',
        },
        org.actor(org.clerk),
      ),
    ).rejects.toMatchObject({ field: 'checkedOn', message: '检查日期不能晚于今天' });
    await expect(
      recordPaper(
        { staffId: org.staff.id, writtenOn: '2026-12-01', kind: 'reflection', title: '心得' },
        org.actor(org.staff),
      ),
    ).rejects.toMatchObject({ field: 'writtenOn', message: '完成日期不能晚于今天' });
    await expect(
      submitTuitionClaim(
        {
          staffId: org.staff.id,
          kind: 'exam',
          description: '报名费',
          paidFen: 100,
          submittedOn: '2026-11-11',
        },
        org.actor(org.staff),
      ),
    ).rejects.toMatchObject({ field: 'submittedOn', message: '登记日期不能晚于今天' });
  });
});
