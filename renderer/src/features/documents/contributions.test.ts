// The 工作台 to-dos and SUP-4 deadlines of 公文, 印章, 会议, 学习: what each person sees, and when.
import { describe, expect, it } from 'vitest';

import { BUNDLED_CALENDAR, mergeCalendars } from '../../../../shared/rules';
import { collectDeadlines, collectTodos } from '../../app/registry';
import type { ProviderContext } from '../../app/registry';
import { pinClock } from '../../db/clock';
import { db } from '../../db/db';
import type { Staff } from '../../db/schema/core';
import { sessionUserOf, withSeededOrg } from '../../db/testing';
import '../meetings/contributions';
import { createMeeting } from '../meetings';
import '../seals/contributions';
import '../study/contributions';

import {
  circulate,
  proposeHandling,
  recordDecision,
  registerIncoming,
  reportOutcome,
  markCirculationDone,
} from './core/incoming';
import { requestLoan } from './core/loans';
import './contributions';
import { incomingInput } from './core/testing';

const cal = mergeCalendars(...Object.values(BUNDLED_CALENDAR));
const org = withSeededOrg('2026-11-20T09:00:00');

function ctx(s: Staff, today: string): ProviderContext {
  return { user: sessionUserOf(s), today, cal };
}

async function incoming(receivedOn: string, title: string) {
  const d = await registerIncoming(incomingInput({ receivedOn, title }), org.actor(org.clerk));
  await proposeHandling(d.id, '阅', org.actor(org.clerk));
  await recordDecision(d.id, '阅', org.director.id, org.actor(org.clerk));
  const cs = await circulate(d.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk));
  return { d, c: cs[0] };
}

describe('待阅公文 and the office’s chase list', () => {
  it('shows the reader their document, and the office the late ones', async () => {
    const { c } = await incoming('2026-11-02', '逾期未阅的文');
    await incoming('2026-11-19', '新到的文');
    const mine = (await collectTodos(ctx(org.staff, '2026-11-20'))).filter((t) => t.category === '待阅公文');
    expect(mine.map((t) => [t.title, t.state])).toEqual([
      ['逾期未阅的文（传阅）', 'overdue'],
      ['新到的文（传阅）', 'running'],
    ]);
    const office = await collectTodos(ctx(org.clerk, '2026-11-20'));
    expect(office.filter((t) => t.category === '传阅逾期（督促）').map((t) => t.title)).toEqual([
      '逾期未阅的文：钱科员未阅',
    ]);
    // Someone else sees neither.
    expect(
      (await collectTodos(ctx(org.head, '2026-11-20'))).filter((t) => t.category === '待阅公文'),
    ).toEqual([]);
    await markCirculationDone(c.id, '', org.actor(org.staff));
    const after = (await collectTodos(ctx(org.staff, '2026-11-20'))).filter((t) => t.category === '待阅公文');
    expect(after.map((t) => t.title)).toEqual(['新到的文（传阅）']);
  });

  it('lists each open circulation and loan in the SUP-4 view', async () => {
    await incoming('2026-11-16', '待传阅');
    const loan = await requestLoan(
      {
        docTitle: '档案第1卷',
        borrowerId: org.staff.id,
        purpose: '查阅',
        borrowedOn: '2026-11-10',
        returnDue: '2026-11-13',
      },
      org.actor(org.staff),
    );
    const { decide } = await import('../../approvals/engine');
    await decide({ requestId: loan.approvalId!, decision: 'approved' }, org.actor(org.deputy));
    const ds = await collectDeadlines(ctx(org.clerk, '2026-11-20'));
    expect(ds.filter((d) => d.kind === '公文传阅').map((d) => [d.due, d.state, d.owner])).toEqual([
      ['2026-11-23', 'due_soon', '钱科员'],
    ]);
    expect(ds.filter((d) => d.kind === '借阅归还').map((d) => [d.due, d.state])).toEqual([
      ['2026-11-13', 'overdue'],
    ]);
    const todos = await collectTodos(ctx(org.staff, '2026-11-20'));
    expect(todos.filter((t) => t.category === '借阅逾期未还').map((t) => t.title)).toEqual([
      '档案第1卷（钱科员）',
    ]);
  });
});

describe('the archive warning (DOC-6)', () => {
  it('appears for the office from 1 February for last year’s documents not filed', async () => {
    pinClock(new Date('2025-12-10T09:00:00'));
    const { d, c } = await incoming('2025-12-01', '去年的文');
    await markCirculationDone(c.id, '', org.actor(org.staff));
    await reportOutcome(d.id, '已阅', '2025-12-05', org.actor(org.clerk));
    const warn = async (today: string) =>
      (await collectTodos(ctx(org.clerk, today)))
        .filter((t) => t.category === '归档提醒')
        .map((t) => t.state);
    expect(await warn('2026-01-31')).toEqual([]);
    expect(await warn('2026-02-01')).toEqual(['due_soon']);
    expect(await warn('2026-04-01')).toEqual(['overdue']);
    expect((await collectTodos(ctx(org.staff, '2026-02-01'))).some((t) => t.category === '归档提醒')).toBe(
      false,
    );
    const ds = await collectDeadlines(ctx(org.clerk, '2026-02-01'));
    expect(ds.filter((x) => x.kind === '归档').map((x) => x.due)).toEqual(['2026-03-31']);
  });
});

describe('meeting reminders (MTG-1..3)', () => {
  it('reminds the office of a month without a 局长办公会 and of missing section reports near the 28th', async () => {
    const cats = async (today: string, who = org.clerk) =>
      (await collectTodos(ctx(who, today))).map((t) => t.title);
    expect((await cats('2026-11-10')).some((t) => t.startsWith('11月尚未召开局长办公会'))).toBe(true);
    expect((await cats('2026-11-10')).some((t) => t.includes('工作情况和下月计划未报送'))).toBe(false);
    const near = await cats('2026-11-21');
    expect(near.filter((t) => t.includes('未报送'))).toEqual([
      '办信股：11月工作情况和下月计划未报送（MTG-3）',
      '办公室：11月工作情况和下月计划未报送（MTG-3）',
    ]);
    // A section head sees only their own section; an ordinary member none.
    expect((await cats('2026-11-21', org.head)).filter((t) => t.includes('未报送'))).toEqual([
      '办信股：11月工作情况和下月计划未报送（MTG-3）',
    ]);
    expect((await cats('2026-11-21', org.staff)).filter((t) => t.includes('未报送'))).toEqual([]);
    await createMeeting(
      {
        kind: 'director_office',
        date: '2026-11-12',
        chairId: org.director.id,
        attendeeIds: [org.director.id],
        absences: [],
        agenda: [{ category: '其他', title: '研究' }],
      },
      org.actor(org.clerk),
    );
    expect((await cats('2026-11-21')).some((t) => t.startsWith('11月尚未召开局长办公会'))).toBe(false);
    expect(await db.meetings.count()).toBe(1);
  });
});
