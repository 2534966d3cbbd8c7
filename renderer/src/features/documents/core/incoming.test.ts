import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { loadCalendar } from '../../../calendar/calendar';
import { db } from '../../../db/db';
import { insert, softDelete, SYSTEM_ACTOR, update } from '../../../db/repo';
import { withSeededOrg } from '../../../db/testing';

import {
  archiveIncoming,
  chaseCirculation,
  circulate,
  circulationsOf,
  formatProposalBy,
  listIncoming,
  markCirculationDone,
  myPendingCirculations,
  overdueCirculations,
  proposalBy,
  proposeHandling,
  recordDecision,
  registerIncoming,
  reportOutcome,
} from './incoming';
import type { IncomingInput } from './incoming';

const org = withSeededOrg('2026-11-20T09:00:00');

const doc = (over: Partial<IncomingInput> = {}): IncomingInput => ({
  kind: 'document',
  receivedOn: '2026-09-28',
  issuer: '邵阳市信访局',
  issuerNumber: '邵信发〔2026〕21号',
  title: '关于做好国庆期间信访工作的通知',
  urgency: 'normal',
  secrecy: 'none',
  copies: 1,
  ...over,
});

async function throughDecision(input: IncomingInput) {
  const d = await registerIncoming(input, org.actor(org.clerk));
  await proposeHandling(d.id, '请刘局长阅示，送各股室传阅', org.actor(org.clerk));
  await recordDecision(d.id, '请各股室认真落实', org.director.id, org.actor(org.clerk));
  return d;
}

describe('registerIncoming (DOC-1)', () => {
  it('gives a running number per year', async () => {
    const a = await registerIncoming(doc(), org.actor(org.clerk));
    const b = await registerIncoming(doc({ receivedOn: '2026-10-09' }), org.actor(org.clerk));
    const c = await registerIncoming(doc({ receivedOn: '2025-12-30' }), org.actor(org.clerk));
    expect([a.regNo, b.regNo, c.regNo]).toEqual(['收文〔2026〕1号', '收文〔2026〕2号', '收文〔2025〕1号']);
    expect(a.holder).toBe('办公室（周文书）');
  });

  it('refuses missing fields at the field, and a date in the future', async () => {
    await expect(registerIncoming(doc({ title: ' ' }), org.actor(org.clerk))).rejects.toMatchObject({
      field: 'title',
    });
    await expect(registerIncoming(doc({ issuer: '' }), org.actor(org.clerk))).rejects.toMatchObject({
      field: 'issuer',
    });
    await expect(
      registerIncoming(doc({ receivedOn: '2026-13-01' }), org.actor(org.clerk)),
    ).rejects.toMatchObject({ field: 'receivedOn' });
    await expect(
      registerIncoming(doc({ receivedOn: '2026-11-21' }), org.actor(org.clerk)),
    ).rejects.toMatchObject({
      message: '收文日期不能晚于今天',
    });
    await expect(registerIncoming(doc({ copies: 0 }), org.actor(org.clerk))).rejects.toMatchObject({
      field: 'copies',
    });
  });

  it('is the office’s work', async () => {
    await expect(registerIncoming(doc(), org.actor(org.staff))).rejects.toMatchObject({
      field: 'permission',
    });
  });

  it('keeps the steps in order: no 批办 before 拟办, no circulation before 批办', async () => {
    const d = await registerIncoming(doc(), org.actor(org.clerk));
    await expect(recordDecision(d.id, '同意', org.director.id, org.actor(org.clerk))).rejects.toMatchObject({
      ruleId: 'DOC-1',
    });
    await expect(
      circulate(d.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk)),
    ).rejects.toMatchObject({ ruleId: 'DOC-1' });
    await proposeHandling(d.id, '拟请局长阅', org.actor(org.clerk));
    // 批办 is the 局长's
    await expect(recordDecision(d.id, '同意', org.deputy.id, org.actor(org.clerk))).rejects.toMatchObject({
      field: 'decidedById',
    });
    const decided = await recordDecision(d.id, '同意', org.director.id, org.actor(org.director));
    expect(decided.status).toBe('decided');
    expect(decided.trail.map((t) => t.action)).toEqual([
      '签收登记',
      '办公室主任拟办，送局长批办',
      '局长（刘局长）批办，退办公室分送',
    ]);
  });
});

describe('circulation (DOC-2)', () => {
  it('is due 5 days after receipt, moved past the National Day holiday', async () => {
    const d = await throughDecision(doc({ receivedOn: '2026-09-28' }));
    const [c] = await circulate(d.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk));
    // 2026-10-03 falls in the 10-01..10-07 holiday: the period ends on the next working day.
    expect(c.due).toBe('2026-10-08');
  });

  it('is due the same day for an urgent document, even before a holiday', async () => {
    const d = await throughDecision(doc({ receivedOn: '2026-09-30', urgency: 'urgent' }));
    const [c] = await circulate(d.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk));
    expect(c.due).toBe('2026-09-30');
  });

  it('moves a due date on a Saturday holiday to Monday', async () => {
    const d = await throughDecision(doc({ receivedOn: '2026-06-15' }));
    const [c] = await circulate(
      d.id,
      { readers: [org.staff.id], handlers: [] },
      org.actor(org.clerk),
      await loadCalendar(),
    );
    expect(c.due).toBe('2026-06-22');
  });

  it('runs register → circulate → read by two people → report → archive, and shows who holds it', async () => {
    const d = await throughDecision(doc({ receivedOn: '2026-11-18' }));
    await circulate(d.id, { readers: [org.staff.id], handlers: [org.head.id] }, org.actor(org.clerk));
    let cur = (await db.incomingDocs.get(d.id))!;
    expect(cur.holder).toBe('传阅中：钱科员、孙股长');
    expect((await circulationsOf(d.id)).map((c) => [c.staffId, c.role])).toEqual([
      [org.staff.id, 'read'],
      [org.head.id, 'handle'],
    ]);
    expect(cur.circulationDue).toBe('2026-11-23');
    const mine = await myPendingCirculations(org.staff.id);
    expect(mine.map((c) => c.doc.title)).toEqual([d.title]);
    // Only the reader may mark it read.
    await expect(markCirculationDone(mine[0].id, '', org.actor(org.head))).rejects.toMatchObject({
      field: 'staffId',
    });
    await markCirculationDone(mine[0].id, '已阅', org.actor(org.staff));
    cur = (await db.incomingDocs.get(d.id))!;
    expect(cur.holder).toBe('传阅中：孙股长');
    expect(cur.status).toBe('circulating');
    const [h] = await myPendingCirculations(org.head.id);
    await expect(markCirculationDone(h.id, '', org.actor(org.head))).rejects.toMatchObject({ field: 'note' });
    await markCirculationDone(h.id, '已按要求落实', org.actor(org.head));
    cur = (await db.incomingDocs.get(d.id))!;
    expect(cur.status).toBe('done');
    expect(await myPendingCirculations(org.staff.id)).toEqual([]);
    await expect(
      archiveIncoming(d.id, '2026-文书-1', '2026-11-20', org.actor(org.clerk)),
    ).rejects.toMatchObject({ ruleId: 'DOC-1' });
    await reportOutcome(d.id, '已落实，报局长', '2026-11-20', org.actor(org.clerk));
    const archived = await archiveIncoming(d.id, '2026-文书-1', '2026-11-20', org.actor(org.clerk));
    expect(archived.archived).toBe(1);
    expect(archived.holder).toBe('档案室（2026-文书-1）');
  });

  it('lists late readers for the office to chase', async () => {
    const d = await throughDecision(doc({ receivedOn: '2026-11-02' }));
    const [c] = await circulate(d.id, { readers: [org.staff.id], handlers: [] }, org.actor(org.clerk));
    expect(c.due).toBe('2026-11-09');
    expect((await overdueCirculations('2026-11-09')).length).toBe(0);
    expect((await overdueCirculations('2026-11-10')).map((x) => x.id)).toEqual([c.id]);
    const chased = await chaseCirculation(c.id, org.actor(org.clerk));
    expect(chased.chaseCount).toBe(1);
  });

  it('refuses the same person twice and an empty list', async () => {
    const d = await throughDecision(doc());
    await expect(circulate(d.id, { readers: [], handlers: [] }, org.actor(org.clerk))).rejects.toMatchObject({
      field: 'readers',
    });
    await expect(
      circulate(d.id, { readers: [org.staff.id], handlers: [org.staff.id] }, org.actor(org.clerk)),
    ).rejects.toMatchObject({
      field: 'handlers',
    });
  });
});

describe('listIncoming (the 收文 list)', () => {
  // Three 2025 documents and five 2026 ones; 2026 numbers 2 and 4 are 拟办, number 3 is deleted.
  async function ledger() {
    const a = org.actor(org.clerk);
    for (const on of ['2025-03-01', '2025-06-01', '2025-09-01'])
      await proposeHandling((await registerIncoming(doc({ receivedOn: on }), a)).id, '拟办', a);
    const d26 = [];
    for (const on of ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05'])
      d26.push(await registerIncoming(doc({ receivedOn: on }), a));
    await proposeHandling(d26[1].id, '拟办', a);
    await proposeHandling(d26[3].id, '拟办', a);
    await softDelete(db.incomingDocs, d26[2].id, a, '登记错误');
    return d26;
  }
  const seqs = (rows: { year: number; seq: number }[]) => rows.map((d) => `${d.year}-${d.seq}`);

  it('reads one year, newest number first, limit + 1 rows, without deleted ones', async () => {
    await ledger();
    expect(seqs(await listIncoming(2026, '', 10))).toEqual(['2026-5', '2026-4', '2026-2', '2026-1']);
    expect(seqs(await listIncoming(2026, '', 2))).toEqual(['2026-5', '2026-4', '2026-2']);
    expect(seqs(await listIncoming(2025, '', 10))).toEqual(['2025-3', '2025-2', '2025-1']);
  });

  it('lists those still 待编号 (sync on, offline: negative seqs) first, newest first', async () => {
    await ledger();
    const a = org.actor(org.clerk);
    const waiting: string[] = [];
    for (const [seq, at] of [
      [-900, '2026-06-01T09:00:00.000Z'],
      [-7, '2026-06-01T10:00:00.000Z'],
    ] as const) {
      const d = await registerIncoming(doc({ receivedOn: '2026-06-01' }), a);
      await db.incomingDocs.update(d.id, { seq, regNo: '待编号', createdAt: at });
      waiting.unshift(d.id);
    }
    const rows = await listIncoming(2026, '', 10);
    expect(rows.slice(0, 2).map((d) => d.id)).toEqual(waiting);
    expect(seqs(rows.slice(2))).toEqual(['2026-5', '2026-4', '2026-2', '2026-1']);
    expect((await listIncoming(2026, '', 1)).map((d) => d.id)).toEqual(waiting);
    expect((await listIncoming(2026, 'registered', 10)).map((d) => d.id)).toEqual([
      ...waiting,
      ...(await listIncoming(2026, 'registered', 10)).slice(2).map((d) => d.id),
    ]);
    expect(seqs((await listIncoming(2026, 'registered', 10)).slice(2))).toEqual(['2026-5', '2026-1']);
  });

  it('with a status reads that status of that year only, through [status+year+seq]', async () => {
    await ledger();
    expect(seqs(await listIncoming(2026, 'proposed', 10))).toEqual(['2026-4', '2026-2']);
    expect(seqs(await listIncoming(2026, 'proposed', 1))).toEqual(['2026-4', '2026-2']);
    expect(seqs(await listIncoming(2025, 'proposed', 1))).toEqual(['2025-3', '2025-2']);
    expect(seqs(await listIncoming(2026, 'registered', 10))).toEqual(['2026-5', '2026-1']);
    expect(await listIncoming(2024, 'proposed', 10)).toEqual([]);
    // The other years' documents of that status are not even read: the index range holds one year.
    const range = db.incomingDocs
      .where('[status+year+seq]')
      .between(['proposed', 2026, Dexie.minKey], ['proposed', 2026, Dexie.maxKey]);
    expect(await range.count()).toBe(2);
  });
});

describe('拟办意见 (DOC-1): the office director’s, or recorded for them (代录)', () => {
  // The clerk is not the office director here: 李主任 heads 办公室.
  async function withOfficeDirector() {
    const head = await insert(
      db.staff,
      {
        name: '李主任',
        rank: 'section_head',
        roles: ['section_head', 'office'],
        sectionId: org.officeSectionId,
        title: '办公室主任',
        active: true,
      },
      SYSTEM_ACTOR,
    );
    await update(db.sections, org.officeSectionId, { headId: head.id }, SYSTEM_ACTOR);
    await update(db.staff, org.clerk.id, { title: '文书' }, SYSTEM_ACTOR);
    return head;
  }

  it('refuses the clerk’s own 拟办意见, and records it as 代录 with the office director as the author', async () => {
    const head = await withOfficeDirector();
    const d = await registerIncoming(doc(), org.actor(org.clerk));
    await expect(proposeHandling(d.id, '拟请刘局长阅示', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'onBehalfOf',
      ruleId: 'DOC-1',
      message: expect.stringContaining('办公室主任（李主任）'),
    });
    expect((await db.incomingDocs.get(d.id))!.status).toBe('registered');
    const p = await proposeHandling(d.id, '拟请刘局长阅示', org.actor(org.clerk), { onBehalfOf: head.id });
    expect(p.proposedById).toBe(head.id);
    expect(p.proposalRecordedById).toBe(org.clerk.id);
    expect(p.trail.at(-1)!.action).toBe('周文书代录办公室主任（李主任）拟办意见，送局长批办');
    // what the 收文处理单 and the screen print: the author with their own title, and who typed it in
    const by = formatProposalBy((await proposalBy(p))!);
    expect(by).toBe('拟办人：李主任（办公室主任）　周文书代录');
    expect(by).not.toContain('周文书（');
  });

  it('the office director records their own; nobody else may record it for them', async () => {
    const head = await withOfficeDirector();
    const d = await registerIncoming(doc(), org.actor(org.clerk));
    // someone without documents.manage cannot type it in for the director
    await expect(
      proposeHandling(d.id, '拟办', org.actor(org.staff), { onBehalfOf: head.id }),
    ).rejects.toMatchObject({ field: 'permission' });
    // naming someone else as the author is refused
    await expect(
      proposeHandling(d.id, '拟办', org.actor(org.clerk), { onBehalfOf: org.deputy.id }),
    ).rejects.toMatchObject({ field: 'onBehalfOf' });
    const p = await proposeHandling(d.id, '拟请刘局长阅示', org.actor(head));
    expect(p.proposedById).toBe(head.id);
    expect(p.proposalRecordedById).toBeNull();
    expect(formatProposalBy((await proposalBy(p))!)).toBe('拟办人：李主任（办公室主任）');
  });

  it('names the office director without a title as 办公室主任, and refuses while none is set', async () => {
    // in the test bureau the clerk heads 办公室 and has no title
    const d = await registerIncoming(doc(), org.actor(org.clerk));
    const p = await proposeHandling(d.id, '拟办', org.actor(org.clerk));
    expect(formatProposalBy((await proposalBy(p))!)).toBe('拟办人：周文书（办公室主任）');
    await update(db.sections, org.officeSectionId, { headId: null }, SYSTEM_ACTOR);
    const e = await registerIncoming(doc(), org.actor(org.clerk));
    await expect(proposeHandling(e.id, '拟办', org.actor(org.clerk))).rejects.toMatchObject({
      field: 'proposal',
      message: expect.stringContaining('设置办公室负责人'),
    });
    expect(await proposalBy(e)).toBeNull();
  });
});
