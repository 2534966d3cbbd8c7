import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { resetDb, seedFirstRun } from '../../../db/testing';
import { loadDemoData } from '../../../demo/demo';
import { DEMO_MODULES } from '../../../demo/modules';
import { leaveDemo } from '../../leave';
import '../../leave/contributions';

import { monthStatus } from './close';
import { attendanceDemo } from './demo';
import '../contributions';

beforeEach(async () => {
  await resetDb();
  pinClock(new Date('2026-06-30T10:00:00'));
});
afterEach(() => pinClock(null));

describe('demo data of attendance, leave and trips', () => {
  it('writes a year through the repository and the engine, in every state', async () => {
    await seedFirstRun();
    DEMO_MODULES.splice(0, DEMO_MODULES.length, leaveDemo, attendanceDemo);
    // its speed is the bench's 载入演示数据 scenario, not a timed unit test
    await loadDemoData();

    const leaves = await db.leaves.toArray();
    expect(leaves.length).toBe(60);
    const states = new Set(leaves.map((l) => l.status));
    for (const s of ['pending', 'approved', 'closed', 'rejected']) expect(states).toContain(s);
    expect(leaves.some((l) => l.closedLate && l.closeNote)).toBe(true);
    expect(leaves.some((l) => l.afterTheFact)).toBe(true);
    // Every approved leave went through its approval request.
    for (const l of leaves.filter((x) => x.status === 'approved' || x.status === 'closed')) {
      expect((await db.approvals.get(l.approvalId!))!.status).toBe('approved');
    }
    const trips = await db.trips.toArray();
    expect(trips.length).toBe(30);
    expect(new Set(trips.map((t) => t.status))).toContain('reported');
    // The e2e person keeps the last week free.
    const qian = (await db.staff.where('name').equals('钱雪').first())!;
    expect(leaves.concat().filter((l) => l.staffId === qian.id && l.endDate > '2026-06-22')).toHaveLength(0);
    expect(trips.filter((t) => t.staffId === qian.id && t.endDate > '2026-06-22')).toHaveLength(0);

    // Twelve months of sign-ins, up to yesterday, none on a covered session.
    expect(await db.signIns.count()).toBeGreaterThan(6000);
    expect(await db.signIns.where('date').equals('2026-06-30').count()).toBe(0);
    expect(await db.signIns.where('date').equals('2026-06-29').count()).toBeGreaterThan(20);
    expect((await monthStatus(2026, 5)).stage).toBe('verified');
    expect((await monthStatus(2026, 4)).stage).toBe('announced');
    expect((await monthStatus(2025, 7)).stage).toBe('announced');
    expect((await monthStatus(2026, 6)).stage).toBe('open');
  }, 60_000);
});
