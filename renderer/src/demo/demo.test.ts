// 载入演示数据's progress (the setup screen's bar) and its fast path (demoCore): the same records and
// audit trail as plain writes, a refused transaction leaves nothing behind, a failed write is reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { verifyAuditChain } from '../db/audit';
import { db } from '../db/db';
import { insert, SYSTEM_ACTOR, update, writeTx } from '../db/repo';
import { resetDb, seedFirstRun } from '../db/testing';

import { loadDemoData } from './demo';
import { withDemoCore } from './fastCore';
import { DEMO_MODULES } from './modules';
import type { DemoModule } from './modules';

describe('载入演示数据: progress', () => {
  const kept = [...DEMO_MODULES];
  beforeEach(async () => {
    await resetDb();
    await seedFirstRun();
  });
  afterEach(() => {
    DEMO_MODULES.splice(0, DEMO_MODULES.length, ...kept);
  });

  it('names every module in order, moves forward only and ends at 1', async () => {
    const ran: string[] = [];
    const stubs: DemoModule[] = kept.map((m) => ({
      label: m.label,
      load: async ({ progress }) => {
        ran.push(m.label);
        progress(`${m.label}（一半）`);
      },
    }));
    DEMO_MODULES.splice(0, DEMO_MODULES.length, ...stubs);
    const seen: [string, number | undefined][] = [];
    await loadDemoData((message, fraction) => seen.push([message, fraction]));
    expect(ran).toEqual(kept.map((m) => m.label));
    for (const m of kept) expect(seen.some(([msg]) => msg === `正在生成演示数据：${m.label}…`)).toBe(true);
    const fractions = seen.map(([, f]) => f).filter((f): f is number => f !== undefined);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(seen.at(-1)).toEqual(['演示数据已载入', 1]);
    // the people were made before the modules ran, with demoCore on
    expect(await db.staff.count()).toBeGreaterThan(25);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe('载入演示数据: demoCore', () => {
  beforeEach(async () => {
    await resetDb();
  });

  it('writes the last value of a record changed several times, with every audit entry', async () => {
    const id = await withDemoCore(db, async (check) => {
      const r = await writeTx([db.units], async () => {
        const u = await insert(
          db.units,
          { name: '甲', kind: 'township' as const, active: true },
          SYSTEM_ACTOR,
        );
        await update(db.units, u.id, { name: '乙' }, SYSTEM_ACTOR);
        await update(db.units, u.id, { name: '丙' }, SYSTEM_ACTOR);
        // an index read in the same transaction sees the held-back write
        expect(await db.units.where('name').equals('丙').count()).toBe(1);
        return u.id;
      });
      check();
      return r;
    });
    expect((await db.units.get(id))?.name).toBe('丙');
    expect(await db.audit.where('[table+recordId]').equals(['units', id]).count()).toBe(3);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('keeps nothing of a transaction that was refused', async () => {
    await withDemoCore(db, async (check) => {
      const u = await writeTx([db.units], () =>
        insert(db.units, { name: '甲', kind: 'township' as const, active: true }, SYSTEM_ACTOR),
      );
      await expect(
        writeTx([db.units], async () => {
          await update(db.units, u.id, { name: '乙' }, SYSTEM_ACTOR);
          throw new Error('拒绝');
        }),
      ).rejects.toThrow('拒绝');
      expect((await db.units.get(u.id))?.name).toBe('甲');
      check();
    });
    expect((await db.units.toArray()).map((u) => u.name)).toEqual(['甲']);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('reports a write the database refused', async () => {
    const unit = { id: 'u1', name: '甲', kind: 'township' as const, active: true };
    await withDemoCore(db, async (check) => {
      await writeTx([db.units], () => insert(db.units, unit, SYSTEM_ACTOR));
      // a second add of the same key: refused by IndexedDB, not by the code that sent it
      await writeTx([db.units], () => insert(db.units, unit, SYSTEM_ACTOR)).catch(() => undefined);
      expect(check).toThrow();
    });
    expect(await db.units.count()).toBe(1);
  });
});
