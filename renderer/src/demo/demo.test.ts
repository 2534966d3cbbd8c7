// 载入演示数据's progress (the setup screen's bar) and its fast path (demoCore): the same records and
// audit trail as plain writes, a refused transaction leaves nothing behind, a failed write is reported.
import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { verifyAuditChain } from '../db/audit';
import { pinClock } from '../db/clock';
import { db } from '../db/db';
import { DomainError, insert, SYSTEM_ACTOR, update, writeTx } from '../db/repo';
import { resetDb, seedFirstRun } from '../db/testing';

import { loadDemoData } from './demo';
import { copy, withDemoCore } from './fastCore';
import { DEMO_MODULES } from './modules';
import type { DemoModule } from './modules';

// A fresh first run for each test; the tests replace the modules' generators, put back afterwards.
function stubbedModules(): DemoModule[] {
  const kept = [...DEMO_MODULES];
  beforeEach(async () => {
    await resetDb();
    await seedFirstRun();
  });
  afterEach(() => {
    DEMO_MODULES.splice(0, DEMO_MODULES.length, ...kept);
  });
  return kept;
}

// The demo's only module for a test: a generator labelled 测试.
function onlyModule(load: DemoModule['load']): void {
  DEMO_MODULES.splice(0, DEMO_MODULES.length, { label: '测试', load });
}

describe('载入演示数据: progress', () => {
  const kept = stubbedModules();

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

describe('载入演示数据: one transaction per module', () => {
  stubbedModules();
  const unit = (name: string) => ({ name, kind: 'township' as const, active: true });

  it("runs a generator's commands in one transaction", async () => {
    const seen: (IDBTransaction | null)[] = [];
    const txOf = () => (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction } | null)?.idbtrans ?? null;
    onlyModule(async () => {
      for (const name of ['甲', '乙']) {
        await writeTx([db.units], async () => {
          seen.push(txOf());
          await insert(db.units, unit(name), SYSTEM_ACTOR);
        });
      }
    });
    await loadDemoData();
    expect(seen[0]).not.toBeNull();
    expect(seen[1]).toBe(seen[0]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("joins a command to the module's one transaction as it is, without a nested one of its own", async () => {
    const seen: unknown[] = [];
    onlyModule(async () => {
      seen.push(Dexie.currentTransaction);
      await writeTx([db.units], async () => {
        seen.push(Dexie.currentTransaction);
        await insert(db.units, unit('甲'), SYSTEM_ACTOR);
      });
    });
    await loadDemoData();
    expect(seen[0]).toBeTruthy();
    expect(seen[1]).toBe(seen[0]);
    expect(await db.units.where('name').equals('甲').count()).toBe(1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('runs a generator again on its own transactions when a command refused inside its one transaction', async () => {
    let runs = 0;
    onlyModule(async () => {
      runs++;
      await writeTx([db.units], () => insert(db.units, unit('甲'), SYSTEM_ACTOR));
      // refused, and the generator goes on (as the leave demo does with an overlapping leave)
      await writeTx([db.units], async () => {
        await insert(db.units, unit('废'), SYSTEM_ACTOR);
        throw new DomainError('拒绝');
      }).catch(() => undefined);
      await writeTx([db.units], () => insert(db.units, unit('乙'), SYSTEM_ACTOR));
    });
    await loadDemoData();
    expect(runs).toBe(2);
    const mine = await db.units.where('name').anyOf(['甲', '乙', '废']).toArray();
    expect(mine.map((u) => u.name).sort()).toEqual(['乙', '甲']);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe('载入演示数据: a command outside the module\'s transaction', () => {
  stubbedModules();

  it('is refused, so the generator run again does not write its record twice', async () => {
    let runs = 0;
    onlyModule(async () => {
      runs++;
      await writeTx([db.units], () => insert(db.units, { name: '甲', kind: 'township', active: true }, SYSTEM_ACTOR));
      // as a command that lost Dexie's zone: a write transaction of its own
      await Dexie.ignoreTransaction(() =>
        writeTx([db.units], () => insert(db.units, { name: '外', kind: 'township', active: true }, SYSTEM_ACTOR)),
      );
    });
    await loadDemoData();
    expect(runs).toBe(2);
    expect(await db.units.where('name').equals('外').count()).toBe(1);
    expect(await db.units.where('name').equals('甲').count()).toBe(1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});

describe('载入演示数据: demoCore', () => {
  beforeEach(async () => {
    await resetDb();
  });
  afterEach(() => pinClock(null));

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

  it('tells live queries of what the demo wrote, and watches for writes again afterwards', async () => {
    const seen: number[] = [];
    const sub = liveQuery(() => db.units.count()).subscribe((n) => seen.push(n));
    const until = async (n: number) => {
      for (let i = 0; i < 100 && seen.at(-1) !== n; i++) await new Promise((ok) => setTimeout(ok, 10));
      return seen.at(-1);
    };
    try {
      expect(await until(0)).toBe(0);
      await withDemoCore(db, () =>
        writeTx([db.units], () =>
          insert(db.units, { name: '甲', kind: 'township' as const, active: true }, SYSTEM_ACTOR),
        ),
      );
      expect(await until(1)).toBe(1);
      await writeTx([db.units], () =>
        insert(db.units, { name: '乙', kind: 'township' as const, active: true }, SYSTEM_ACTOR),
      );
      expect(await until(2)).toBe(2);
    } finally {
      sub.unsubscribe();
    }
  });

  it('copies a record as IndexedDB would give it: nothing shared, Blobs and dates kept', () => {
    const blob = new Blob(['甲']);
    const r = { a: { b: [1, { c: '乙' }] }, at: new Date(0), file: blob, none: undefined, n: null };
    const c = copy(r);
    expect(c).toEqual(r);
    expect(c.a).not.toBe(r.a);
    expect(c.a.b[1]).not.toBe(r.a.b[1]);
    expect(c.at).toBeInstanceOf(Date);
    expect(c.at).not.toBe(r.at);
    expect(c.file).toBeInstanceOf(Blob);
    expect(Object.keys(c)).toEqual(Object.keys(r));
  });

  it('answers an index read again only while its table has not changed', async () => {
    const named = (name: string) => db.units.where('name').equals(name).count();
    const add = (name: string) =>
      writeTx([db.units], () => insert(db.units, { name, kind: 'township' as const, active: true }, SYSTEM_ACTOR));
    await withDemoCore(db, async (check) => {
      await add('甲');
      expect(await named('甲')).toBe(1);
      expect(await named('甲')).toBe(1);
      await add('甲'); // another transaction
      expect(await named('甲')).toBe(2);
      await writeTx([db.units], async () => {
        expect(await named('甲')).toBe(2);
        await insert(db.units, { name: '甲', kind: 'township' as const, active: true }, SYSTEM_ACTOR);
        expect(await named('甲')).toBe(3); // its own write
        await update(db.units, (await db.units.where('name').equals('甲').first())!.id, { name: '乙' }, SYSTEM_ACTOR);
        expect(await named('甲')).toBe(2);
      });
      expect(await named('甲')).toBe(2);
      expect(await db.units.where('name').equals('乙').toArray()).toHaveLength(1);
      // a refused transaction: its writes gone, the read after it sees the table as before
      await writeTx([db.units], async () => {
        await insert(db.units, { name: '乙', kind: 'township' as const, active: true }, SYSTEM_ACTOR);
        expect(await db.units.where('name').equals('乙').toArray()).toHaveLength(2);
        throw new DomainError('拒绝');
      }).catch(() => undefined);
      expect(await db.units.where('name').equals('乙').toArray()).toHaveLength(1);
      check();
    });
  });

  it('answers index reads of a table it knows whole as IndexedDB does', async () => {
    type Trip = { id: string; year?: number; seq?: number; vehicleId?: string | null; plannedStart?: string; status: string };
    const trips = db.vehicleTrips as unknown as Dexie.Table<Trip, string>;
    const reads = async () => [
      await trips.where('[year+seq]').between([2026, Dexie.minKey], [2026, Dexie.maxKey]).last(),
      await trips.where('year').equals(2026).toArray(), // a prefix of [year+seq]
      await trips.where('vehicleId').equals('v1').toArray(),
      await trips.where('vehicleId').equals('v1').primaryKeys(),
      await trips.where('vehicleId').equals('v1').count(),
      await trips.where('plannedStart').between('2026-02-01', '2026-05-01', true, false).toArray(),
      await trips.where('plannedStart').above('2026-03-01').reverse().limit(2).toArray(),
      await trips.orderBy('plannedStart').toArray(),
      await trips.where('status').equals('pending').count(),
      await trips.where(':id').between('t2', 't5').primaryKeys(),
      await trips.get('t9'),
    ];
    const write = async () => {
      const rows: Trip[] = [
        { id: 't1', year: 2026, seq: 2, vehicleId: 'v1', plannedStart: '2026-03-01', status: 'pending' },
        { id: 't2', year: 2026, seq: 1, vehicleId: 'v2', plannedStart: '2026-02-01', status: 'pending' },
        { id: 't3', year: 2025, seq: 9, vehicleId: 'v1', plannedStart: '2025-12-30', status: 'done' },
        { id: 't4', year: 2026, seq: 3, vehicleId: null, plannedStart: '2026-05-01', status: 'pending' },
        { id: 't5', vehicleId: 'v1', plannedStart: '2026-03-01', status: 'draft' }, // no number yet
        { id: 't6', year: 2026, seq: 4, vehicleId: 'v1', plannedStart: '2026-04-02', status: 'pending' },
      ];
      for (const r of rows) await writeTx([trips], () => insert(trips as never, r as never, SYSTEM_ACTOR));
      await writeTx([trips], async () => {
        await update(trips as never, 't6', { plannedStart: '2026-01-15', vehicleId: 'v2' } as never, SYSTEM_ACTOR);
        await update(trips as never, 't2', { status: 'done' } as never, SYSTEM_ACTOR);
      });
    };
    let inMemory: unknown[] = [];
    pinClock(new Date('2026-06-01T10:00:00')); // the update done again below, at the same time
    await withDemoCore(db, async (check) => {
      await write();
      inMemory = await reads();
      // and within the transaction that writes
      await writeTx([trips], async () => {
        await update(trips as never, 't1', { seq: 7, plannedStart: '2026-04-30' } as never, SYSTEM_ACTOR);
        inMemory.push(...(await reads()));
        throw new DomainError('拒绝'); // rolled back: the reads after it see the table as before
      }).catch(() => undefined);
      inMemory.push(...(await reads()));
      check();
    });
    const fromDb = await reads();
    expect(inMemory.slice(0, fromDb.length)).toEqual(fromDb);
    expect(inMemory.slice(2 * fromDb.length)).toEqual(fromDb);
    // the rolled-back update as IndexedDB saw it
    await writeTx([trips], () => update(trips as never, 't1', { seq: 7, plannedStart: '2026-04-30' } as never, SYSTEM_ACTOR));
    expect(inMemory.slice(fromDb.length, 2 * fromDb.length)).toEqual(await reads());
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

// The e2e suite's browser clock (2026-12-04 10:00, a Friday): the duty demo's car for today is
// booked, its request refused and caught inside the module's one transaction, which that refusal
// rolled back. The generator ran on meanwhile; the demo must still end with every record once.
describe('载入演示数据: every module, on the dates that failed', () => {
  beforeEach(async () => {
    await resetDb();
    await seedFirstRun();
  });
  afterEach(() => pinClock(null));

  for (const at of ['2026-12-04T10:00:00', '2026-12-07T10:00:00']) {
    it(`loads once, without a record twice, at ${at}`, async () => {
      pinClock(new Date(at));
      await loadDemoData();
      const expenses = await db.expenses.toArray();
      const once = new Set(expenses.map((e) => `${e.claimantId}|${e.purpose}|${e.expenseOn}|${e.amountFen}`));
      expect(expenses.length).toBeGreaterThanOrEqual(60);
      expect(once.size).toBe(expenses.length);
      expect(await db.signedBills.count()).toBe(22);
      const trips = await db.vehicleTrips.toArray();
      expect(new Set(trips.map((t) => `${t.vehicleId}|${t.plannedStart}|${t.destination}`)).size).toBe(trips.length);
      expect(trips.some((t) => t.plannedStart === at.slice(0, 10))).toBe(true);
      expect((await verifyAuditChain()).ok).toBe(true);
    }, 120_000);
  }
});

// A module whose one transaction a refused command rolled back is run a second time (a whole try
// lost): the generators check the rules their commands would refuse on before calling them.
describe('载入演示数据: every module runs once', () => {
  const kept = stubbedModules();
  afterEach(() => pinClock(null));

  for (const at of ['2026-12-04T10:00:00', '2026-12-07T10:00:00']) {
    it(`no generator is run again at ${at}`, async () => {
      pinClock(new Date(at));
      const runs = new Map<string, number>();
      DEMO_MODULES.splice(
        0,
        DEMO_MODULES.length,
        ...kept.map((m) => ({
          ...m,
          load: (ctx: Parameters<DemoModule['load']>[0]) => {
            runs.set(m.label, (runs.get(m.label) ?? 0) + 1);
            return m.load(ctx);
          },
        })),
      );
      await loadDemoData();
      expect(Object.fromEntries(runs)).toEqual(Object.fromEntries(kept.map((m) => [m.label, 1])));
      expect((await verifyAuditChain()).ok).toBe(true);
    }, 120_000);
  }
});
