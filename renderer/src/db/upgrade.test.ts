// Upgrading a database created by schema version 1 to the current version (migration0020), and
// each later version from the one before it.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { buildBackup } from '../backup/backup';
import { inspectBackup } from '../backup/restore';
import { petitionNameKeys } from '../features/petitions/core/pinyinKeys';

import { AUDIT_GENESIS, auditHash } from './audit';
import { createDb, SCHEMA_VERSION, storesV2, storesV3, storesV4 } from './db';
import { NAME_KEYS_BATCH, NAME_KEYS_DUE } from './migrations/0030-petition-name-keys';
import { coreStoresV1 } from './schema/core';

describe('schema version 1 → current', () => {
  it('keeps the v1 data and runs migration0020 (staff.active, accounts.failedAttempts, idleLockMinutes)', async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(coreStoresV1);
    await v1.open();
    const at = '2025-06-01T00:00:00.000Z';
    const base = { createdAt: at, updatedAt: at, createdBy: 'system', deletedAt: null };
    await v1.table('sections').add({ ...base, id: 'sec1', name: '办信股', order: 0, headId: 's1', deputyId: null });
    await v1.table('staff').bulkAdd([
      { ...base, id: 's1', name: '甲', sectionId: 'sec1', rank: 'section_head', roles: ['section_head', 'petition'] },
      { ...base, id: 's2', name: '乙', sectionId: 'sec1', rank: 'staff', roles: ['petition'], active: false },
    ]);
    await v1.table('accounts').bulkAdd([
      { ...base, id: 'a1', staffId: 's1', loginName: 'jia', passwordHash: 'h', salt: 's', iterations: 1 },
      { ...base, id: 'a2', staffId: 's2', loginName: 'yi', passwordHash: 'h', salt: 's', iterations: 1, failedAttempts: 3 },
    ]);
    await v1.table('settings').add({ id: 'unitName', value: '某县信访局', updatedAt: at, updatedBy: 'system' });
    await v1.table('calendars').add({ ...base, id: 'c1', year: 2025, holidays: ['2025-01-01'], workdays: [], source: 'x' });
    await v1.table('audit').add({ at, actorId: 'system', actorName: '系统', table: 'staff', recordId: 's1', action: 'create', prevHash: '0', hash: '1' });
    v1.close();

    const d = createDb(name);
    await d.open();
    expect(d.verno).toBe(SCHEMA_VERSION);
    expect(d.tables.length).toBeGreaterThan(Object.keys(coreStoresV1).length - 1);
    const s1 = await d.staff.get('s1');
    expect(s1).toMatchObject({ name: '甲', sectionId: 'sec1', roles: ['section_head', 'petition'], active: true });
    expect((await d.staff.get('s2'))!.active).toBe(false); // an explicit value is kept
    expect((await d.accounts.get('a1'))!.failedAttempts).toBe(0);
    expect((await d.accounts.get('a2'))!.failedAttempts).toBe(3);
    expect((await d.settings.get('idleLockMinutes'))!.value).toBe(15);
    expect((await d.settings.get('unitName'))!.value).toBe('某县信访局');
    expect((await d.calendars.where('year').equals(2025).first())!.holidays).toEqual(['2025-01-01']);
    expect(await d.audit.count()).toBe(1);
    expect(await d.accounts.where('loginName').equals('jia').count()).toBe(1); // indexes still work
    // New tables of later versions exist and are empty.
    for (const t of d.tables) if (!(t.name in coreStoresV1)) expect(await t.count()).toBe(0);
    d.close();
  });

  it('keeps an idle-lock setting that already exists', async () => {
    const name = `upgrade2-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(coreStoresV1);
    await v1.open();
    await v1.table('settings').add({ id: 'idleLockMinutes', value: 30, updatedAt: 'x', updatedBy: 'a' });
    v1.close();
    const d = createDb(name);
    await d.open();
    expect((await d.settings.get('idleLockMinutes'))!.value).toBe(30);
    d.close();
  });
});

describe('schema version 2 → 3', () => {
  it('adds list indexes only and builds them over the rows already there', async () => {
    // Version 3 adds to version 2's tables only indexes: no table is dropped or added.
    expect(Object.keys(storesV3).sort()).toEqual(Object.keys(storesV2).sort());
    for (const [t, spec] of Object.entries(storesV2))
      for (const ix of spec.split(',').map((x) => x.trim())) expect(storesV3[t as keyof typeof storesV3]).toContain(ix);

    const name = `upgrade3-${Date.now()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(coreStoresV1);
    v2.version(2).stores(storesV2);
    await v2.open();
    const at = '2025-06-01T00:00:00.000Z';
    const base = { createdAt: at, updatedAt: at, createdBy: 'system', deletedAt: null };
    await v2.table('incomingDocs').bulkAdd([
      { ...base, id: 'i1', year: 2025, seq: 1, status: 'archived', archived: 1 },
      { ...base, id: 'i2', year: 2026, seq: 1, status: 'archived', archived: 1 },
      { ...base, id: 'i3', year: 2026, seq: 2, status: 'registered', archived: 0 },
    ]);
    await v2.table('expenses').bulkAdd([
      { ...base, id: 'e1', year: 2025, seq: 1, status: 'paid', claimantId: 's1', expenseOn: '2025-01-02' },
      { ...base, id: 'e2', year: 2026, seq: 1, status: 'paid', claimantId: 's1', expenseOn: '2026-01-02' },
    ]);
    await v2.table('leaves').add({ ...base, id: 'l1', staffId: 's1', status: 'closed', startDate: '2026-03-02', endDate: '2026-03-03', year: 2026, seq: 1 });
    await v2.table('meetingDecisions').add({ ...base, id: 'd1', meetingId: 'm1', year: 2026, seq: 1, ownerId: 's1', meetingDate: '2026-02-01' });
    v2.close();

    const d = createDb(name);
    await d.open();
    expect(d.verno).toBe(SCHEMA_VERSION);
    expect((await d.incomingDocs.where('[status+year+seq]').equals(['archived', 2026, 1]).toArray()).map((x) => x.id)).toEqual(['i2']);
    expect(await d.expenses.where('[claimantId+year+seq]').equals(['s1', 2026, 1]).primaryKeys()).toEqual(['e2']);
    expect(await d.expenses.where('[status+year+seq]').equals(['paid', 2025, 1]).primaryKeys()).toEqual(['e1']);
    expect(await d.leaves.where('[status+startDate]').equals(['closed', '2026-03-02']).primaryKeys()).toEqual(['l1']);
    expect(await d.meetingDecisions.where('[ownerId+year]').equals(['s1', 2026]).primaryKeys()).toEqual(['d1']);
    d.close();
  });
});

describe("schema version 3 → 4 (migration0030: the petitions' nameKeys)", () => {
  const at = '2025-06-01T00:00:00.000Z';
  const base = { createdAt: at, updatedAt: at, createdBy: 'system', deletedAt: null };
  const NAMES = ['张三', '吕布', '单田芳', '钱检举', '李四'];
  const petition = (i: number) => ({
    ...base,
    id: `p${String(i).padStart(5, '0')}`,
    regNo: `R${i}`,
    receivedOn: '2025-05-01',
    name: NAMES[i % NAMES.length],
    terms: [],
  });

  async function v3With(name: string, n: number): Promise<void> {
    const v3 = new Dexie(name);
    v3.version(1).stores(coreStoresV1);
    v3.version(2).stores(storesV2);
    v3.version(3).stores(storesV3);
    await v3.open();
    await v3.table('petitions').bulkAdd(Array.from({ length: n }, (_, i) => petition(i)));
    v3.close();
  }

  it("adds the index only, and fills every case's keys in batches once the database is open", async () => {
    for (const [t, spec] of Object.entries(storesV3))
      for (const ix of spec.split(',').map((x) => x.trim()))
        expect(storesV4[t as keyof typeof storesV4]).toContain(ix);
    expect(storesV4.petitions).toContain('*nameKeys');

    const name = `upgrade4-${Date.now()}`;
    const n = NAME_KEYS_BATCH * 2 + 7; // three batches, the last one short
    await v3With(name, n);
    const d = createDb(name);
    await d.open();
    expect(d.verno).toBe(SCHEMA_VERSION);
    const rows = await d.petitions.toArray();
    expect(rows).toHaveLength(n);
    for (const r of rows) expect(r.nameKeys).toEqual(petitionNameKeys(r.name));
    expect(rows[0]).toMatchObject({ ...petition(0), nameKeys: petitionNameKeys('张三') }); // nothing else changed
    expect(await d.settings.get(NAME_KEYS_DUE)).toBeUndefined(); // done
    expect(await d.petitions.where('nameKeys').equals('zs').count()).toBe(Math.ceil(n / NAMES.length));
    expect(new Set(await d.petitions.where('nameKeys').startsWith('shant').primaryKeys()).size).toBe(
      Math.floor((n - 3) / NAMES.length) + 1,
    );
    d.close();
  });

  it('a fill cut short goes on from the last case done at the next open', async () => {
    const name = `upgrade4b-${Date.now()}`;
    const d0 = createDb(name);
    await d0.open();
    // as a fill interrupted after its first batch leaves it: the mark holds the last case done
    await d0.petitions.bulkAdd(Array.from({ length: 20 }, (_, i) => petition(i)) as never[]);
    await d0.settings.put({ id: NAME_KEYS_DUE, value: 'p00009', updatedAt: at, updatedBy: 'system' });
    d0.close();
    const d = createDb(name);
    await d.open();
    const rows = await d.petitions.toArray();
    expect(rows.filter((r) => r.nameKeys).map((r) => r.id)).toEqual(rows.slice(10).map((r) => r.id));
    expect(await d.settings.get(NAME_KEYS_DUE)).toBeUndefined();
    d.close();
  });

  it('an empty database has nothing to fill', async () => {
    const name = `upgrade4c-${Date.now()}`;
    await v3With(name, 0);
    const d = createDb(name);
    await d.open();
    expect(await d.settings.get(NAME_KEYS_DUE)).toBeUndefined();
    d.close();
  });

  it('a backup of the upgraded database still matches its audit trail (the keys are derived)', async () => {
    const name = `upgrade4d-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(coreStoresV1);
    v3.version(2).stores(storesV2);
    v3.version(3).stores(storesV3);
    await v3.open();
    const p = petition(0);
    await v3.table('petitions').add(p);
    const entry = {
      at,
      actorId: 'system',
      actorName: '系统',
      table: 'petitions',
      recordId: p.id,
      action: 'create' as const,
      after: p,
      prevHash: AUDIT_GENESIS,
    };
    await v3.table('audit').add({ ...entry, hash: auditHash(entry) });
    v3.close();
    const d = createDb(name);
    await d.open();
    expect((await d.petitions.get(p.id))!.nameKeys).toContain('zs');
    const { bytes } = await buildBackup(undefined, d);
    const checked = await inspectBackup(bytes, SCHEMA_VERSION);
    expect(checked.trail.compared).toBe(1);
    expect(checked.trail.findings).toEqual([]);
    d.close();
  });
});
