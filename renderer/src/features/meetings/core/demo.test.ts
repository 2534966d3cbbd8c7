// The demo of 会议/学习 and 公文/印章 loads through the repositories (every rule holds) in a few
// seconds, with the shapes the other modules and the end-to-end tests rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BUNDLED_CALENDAR, parseDocNumber } from '../../../../../shared/rules';
import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import { resetDb } from '../../../db/testing';
import { loadDemoData } from '../../../demo/demo';
import { DEMO_MODULES } from '../../../demo/modules';
import { documentsDemo } from '../../documents';
import '../../documents/contributions';
import '../../seals/contributions';

import { meetingsDemo } from './demo';

describe('demo data of 公文, 印章, 会议, 学习', () => {
  beforeAll(async () => {
    pinClock(new Date('2026-11-26T10:00:00'));
    await resetDb();
    for (const [year, cal] of Object.entries(BUNDLED_CALENDAR))
      await insert(
        db.calendars,
        { year: Number(year), holidays: cal.holidays, workdays: cal.workdays, source: 'test' },
        SYSTEM_ACTOR,
      );
    const names = ['联席办', '复查复核办', '办信股', '办公室', '接访股', '党支部办公室'];
    for (let i = 0; i < names.length; i++)
      await insert(db.sections, { name: names[i], order: i, headId: null, deputyId: null }, SYSTEM_ACTOR);
    DEMO_MODULES.splice(0, DEMO_MODULES.length, meetingsDemo, documentsDemo);
    // its speed is the bench's 载入演示数据 scenario, not a timed unit test
    await loadDemoData();
  }, 120_000);
  afterAll(() => pinClock(null));


  it('has twelve 局长办公会 with decisions, some about study trips and purchases', async () => {
    const meetings = (await db.meetings.where('kind').equals('director_office').toArray()).filter(
      (m) => !m.deletedAt,
    );
    expect(meetings.length).toBe(12);
    const decisions = await db.meetingDecisions.toArray();
    expect(decisions.filter((d) => d.meetingKind === 'director_office').length).toBeGreaterThanOrEqual(24);
    expect(decisions.some((d) => d.text.includes('学习'))).toBe(true);
    expect(decisions.some((d) => /采购.*元/.test(d.text))).toBe(true);
    expect(await db.meetings.where('kind').equals('staff').count()).toBeGreaterThanOrEqual(10);
  });

  it('has about 150 incoming and 80 outgoing documents, numbered without gaps per year', async () => {
    const inc = await db.incomingDocs.count();
    expect(inc).toBeGreaterThan(140);
    const out = await db.outgoingDocs.toArray();
    expect(out.length).toBeGreaterThan(75);
    const numbers = await db.docNumbers.where('[prefix+year]').equals(['宁信发', 2026]).toArray();
    const seqs = numbers.map((n) => n.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(out.filter((d) => d.docNumber).every((d) => parseDocNumber(d.docNumber!) !== null)).toBe(true);
    expect(out.some((d) => d.status === 'in_approval')).toBe(true);
    expect(out.some((d) => d.status === 'rejected')).toBe(true);
    expect(out.some((d) => d.status === 'withdrawn')).toBe(true);
    // Last year's documents are filed.
    expect(await db.incomingDocs.where('[year+archived]').equals([2025, 0]).count()).toBe(0);
    // Some readers are still to read, some late.
    expect(
      await db.docCirculations.where('[done+due]').between([0, ''], [0, '2026-11-26']).count(),
    ).toBeGreaterThan(0);
  });

  it('has every 拟办意见 written by the office director (李红梅), some typed in by the clerk (代录)', async () => {
    const byName = new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
    const proposed = (await db.incomingDocs.toArray()).filter((d) => d.proposedById);
    expect(proposed.length).toBeGreaterThan(140);
    expect(new Set(proposed.map((d) => byName.get(d.proposedById!)))).toEqual(new Set(['李红梅']));
    const typedIn = proposed.filter((d) => d.proposalRecordedById);
    expect(typedIn.length).toBeGreaterThan(20);
    expect(new Set(typedIn.map((d) => byName.get(d.proposalRecordedById!)))).toEqual(new Set(['周晓燕']));
  });

  it('has two seals, one void, with uses, loans (some overdue) and destructions with two witnesses', async () => {
    const seals = await db.seals.toArray();
    expect(seals.map((s) => s.status).sort()).toEqual(['active', 'void']);
    expect(await db.sealUses.where('status').equals('used').count()).toBeGreaterThan(20);
    expect(await db.docLoans.where('status').equals('approved').count()).toBeGreaterThanOrEqual(2);
    const destroyed = (await db.docDestructions.toArray()).filter((d) => d.status === 'destroyed');
    expect(destroyed.every((d) => d.witnesses.length === 2)).toBe(true);
  });

  it('has Friday study, study-group meetings, papers and tuition claims', async () => {
    expect(await db.studySessions.where('[kind+year]').equals(['friday', 2026]).count()).toBeGreaterThan(35);
    expect(await db.studySessions.where('[kind+year]').equals(['group', 2026]).count()).toBe(11);
    expect(await db.studyPapers.where('year').equals(2026).count()).toBeGreaterThan(15);
    expect((await db.tuitionClaims.toArray()).map((c) => c.status)).toEqual([
      'submitted',
      'submitted',
      'submitted',
    ]);
  });
});
