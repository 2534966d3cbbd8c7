import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import { resetDb, seedOrg } from '../../../db/testing';

import { loadPetitionDemo } from './demo';

beforeEach(async () => {
  pinClock(new Date(2026, 10, 20, 9, 0, 0));
  await resetDb();
  await seedOrg();
});
afterEach(() => pinClock(null));

describe('petition demo data', () => {
  it('writes ~300 petitions in every state through the repository, with steps', async () => {
    const staff: Staff[] = [];
    for (const [name, roles] of [
      ['刘建国', ['director']],
      ['钱雪', ['petition']],
      ['孙立新', ['section_head', 'petition']],
      ['韩冰', ['section_head', 'petition']],
    ] as const) {
      staff.push(
        await insert(
          db.staff,
          { name, rank: 'staff', roles: [...roles], sectionId: null, active: true },
          SYSTEM_ACTOR,
        ),
      );
    }
    const towns = ['金石镇', '回龙镇', '高桥镇'];
    const depts = ['县人社局', '县自然资源局', '县住建局', '县公安局'];
    const tIds = [];
    for (const t of towns)
      tIds.push(
        (await insert(db.units, { name: `${t}人民政府`, kind: 'township', active: true }, SYSTEM_ACTOR)).id,
      );
    const dIds = [];
    for (const d of depts)
      dIds.push((await insert(db.units, { name: d, kind: 'department', active: true }, SYSTEM_ACTOR)).id);
    for (let t = 0; t < towns.length; t++)
      for (const [s, subject] of ['劳动社保', '国土资源', '城乡建设', '政法'].entries())
        await insert(
          db.responsibleRoutes,
          { township: towns[t], subject, unitId: s === 1 ? tIds[t] : dIds[s] },
          SYSTEM_ACTOR,
        );

    await loadPetitionDemo(staff, 300);
    const all = await db.petitions.toArray();
    expect(all).toHaveLength(300);
    const states = new Set(all.map((p) => p.state));
    for (const s of [
      'registered',
      'forwarded',
      'handed_down',
      'accepted',
      'concluded',
      'archived',
      'duplicate',
    ])
      expect(states).toContain(s);
    expect(all.some((p) => p.urgent)).toBe(true);
    expect(await db.petitions.where('urgentOpen').equals(1).count()).toBeGreaterThanOrEqual(2); // for the dashboard (PET-7)
    expect(all.some((p) => p.informant)).toBe(true);
    expect(all.some((p) => p.dueOn && p.dueOn < '2026-11-20')).toBe(true); // overdue ones for 督办
    expect(
      all.some(
        (p) => p.channel === 'visit' && (p.visitors ?? 1) > 5 && (p.representatives?.length ?? 0) >= 1,
      ),
    ).toBe(true);
    // PET-6 holds in the data too
    for (const p of all) if (p.informant && p.unitId) expect(p.accusedUnitIds).not.toContain(p.unitId);
    expect(await db.petitionSteps.count()).toBeGreaterThan(600);
    expect(await db.receptionDays.count()).toBeGreaterThan(10);
    expect(await db.higherVisits.count()).toBe(40);
  }, 60000);
});
