import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { collectDeadlines } from '../../../app/registry';
import { loadCalendar } from '../../../calendar/calendar';
import { pinClock, today } from '../../../db/clock';
import { db } from '../../../db/db';
import { resetDb, seedFirstRun } from '../../../db/testing';
import { loadDemoData } from '../../../demo/demo';
import { DEMO_MODULES } from '../../../demo/modules';
import { assessmentDemo } from '../../assessment';
import '../../assessment/contributions';
import { dutyDemo } from '../../duty/core/demo';
import '../../duty/contributions';
import { integrityDemo } from '../../integrity/core/demo';
import '../../integrity/contributions';
import { publicityDemo } from '../../publicity/core/demo';
import '../../publicity/contributions';

import { financeDemo } from './demo';
import '../contributions';

beforeEach(async () => {
  await resetDb();
  pinClock(new Date('2026-11-26T10:00:00'));
});
afterEach(() => pinClock(null));

describe('demo data of publicity, finance, integrity, assessment and duty', () => {
  it('writes a year through the repositories and the engine, in every state', async () => {
    await seedFirstRun();
    DEMO_MODULES.splice(
      0,
      DEMO_MODULES.length,
      publicityDemo,
      financeDemo,
      integrityDemo,
      assessmentDemo,
      dutyDemo,
    );
    // its speed is the bench's 载入演示数据 scenario, not a timed unit test
    await loadDemoData();

    const pieces = await db.publicityPieces.toArray();
    expect(pieces.length).toBeGreaterThanOrEqual(38);
    expect(new Set(pieces.map((p) => p.claimState))).toEqual(new Set(['claimed', 'office_reviewed', 'paid']));

    const expenses = await db.expenses.toArray();
    expect(expenses.length).toBeGreaterThanOrEqual(60);
    const states = new Set(expenses.map((e) => e.status));
    for (const s of ['draft', 'pending', 'approved', 'paid', 'rejected', 'withdrawn'])
      expect(states).toContain(s);
    expect(expenses.some((e) => e.late && e.lateReason)).toBe(true);
    expect(expenses.some((e) => e.category === 'publicity_reward' && e.status === 'paid')).toBe(true);
    expect(expenses.some((e) => e.category === 'signed_bills' && e.status === 'paid')).toBe(true);
    expect(expenses.some((e) => e.requestId)).toBe(true);
    // Numbers run in date order within a year.
    const y = expenses.filter((e) => e.year === 2026 && e.claimedOn).sort((a, b) => a.seq - b.seq);
    expect(y.map((e) => e.claimedOn)).toEqual([...y.map((e) => e.claimedOn)].sort());

    expect(
      await db.signedBills.where('[status+settleBy]').between(['open', ''], ['open', today()]).count(),
    ).toBeGreaterThan(0);
    expect((await db.gifts.toArray()).some((g) => g.status === 'handed_over')).toBe(true);
    expect(await db.pledges.count()).toBeGreaterThan(50);
    const assessments = await db.assessments
      .where('[year+staffId]')
      .between([2025, ''], [2025, '\uffff'])
      .toArray();
    expect(assessments.length).toBe(30);
    expect(assessments.every((a) => a.status === 'announced')).toBe(true);
    expect(assessments.some((a) => a.grade === 'basic')).toBe(true);
    expect(await db.staffComplaints.count()).toBe(6);
    expect((await db.powerRecords.toArray()).some((r) => r.status === 'open')).toBe(true);
    expect(await db.inspections.count()).toBe(2);
    const rosters = await db.dutyRosters.toArray();
    expect(rosters.length).toBeGreaterThanOrEqual(7);
    const trips = await db.vehicleTrips.toArray();
    expect(trips.length).toBeGreaterThanOrEqual(35);
    expect(trips.some((t) => t.status === 'returned' && (t.mileage ?? 0) > 0)).toBe(true);

    // The deadline providers list overdue claims and the overdue signed bill.
    const cal = await loadCalendar();
    const staff = (await db.staff.toArray())[0];
    const items = await collectDeadlines({
      user: {
        staffId: staff.id,
        accountId: '',
        name: '',
        loginName: '',
        roles: ['director'],
        sectionId: null,
        rank: 'director',
      },
      today: today(),
      cal,
    });
    expect(items.some((d) => d.kind.startsWith('报销') && d.state === 'overdue')).toBe(true);
    expect(items.some((d) => d.kind.startsWith('签单') && d.state === 'overdue')).toBe(true);
    console.log(
      `demo: ${expenses.length} claims, ${pieces.length} pieces, ${trips.length} trips, ${rosters.length} rosters`,
    );
  }, 60_000);
});
