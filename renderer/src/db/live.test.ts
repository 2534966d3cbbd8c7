import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from './db';
import { live } from './live';
import { insert, softDelete, SYSTEM_ACTOR } from './repo';
import { resetDb } from './testing';

// Six sections ordered 0..5; those at 1 and 4 deleted.
beforeEach(async () => {
  await resetDb();
  for (let order = 0; order < 6; order++) {
    const s = await insert(
      db.sections,
      { name: `股${order}`, order, headId: null, deputyId: null },
      SYSTEM_ACTOR,
    );
    if (order === 1 || order === 4) await softDelete(db.sections, s.id, SYSTEM_ACTOR);
  }
});
const orders = (rows: { order: number }[]) => rows.map((r) => r.order);

describe('live(collection)', () => {
  it('reads a range without the deleted records', async () => {
    expect(orders(await live(db.sections.orderBy('order')).toArray())).toEqual([0, 2, 3, 5]);
    expect(orders(await live(db.sections.where('order').between(1, 4, true, true)).toArray())).toEqual([
      2, 3,
    ]);
  });

  it('reads a whole range in one go, not a cursor step per record', async () => {
    const cursors = [
      vi.spyOn(IDBIndex.prototype, 'openCursor'),
      vi.spyOn(IDBObjectStore.prototype, 'openCursor'),
    ];
    try {
      expect(orders(await live(db.sections.orderBy('order')).toArray())).toEqual([0, 2, 3, 5]);
      expect(
        orders(
          await live(db.sections.where('order').above(1))
            .filter((s) => s.order < 5)
            .toArray(),
        ),
      ).toEqual([2, 3]);
      expect(cursors.map((c) => c.mock.calls.length)).toEqual([0, 0]);
    } finally {
      cursors.forEach((c) => c.mockRestore());
    }
  });

  it('counts a limit in live records only, in either direction', async () => {
    expect(orders(await live(db.sections.orderBy('order')).limit(2).toArray())).toEqual([0, 2]);
    expect(orders(await live(db.sections.orderBy('order')).reverse().limit(2).toArray())).toEqual([5, 3]);
    expect(orders(await live(db.sections.orderBy('order')).reverse().toArray())).toEqual([5, 3, 2, 0]);
  });

  it('adds further conditions, and counts and finds among the live', async () => {
    const even = () => live(db.sections.orderBy('order')).filter((s) => s.order % 2 === 0);
    expect(orders(await even().toArray())).toEqual([0, 2]);
    expect(
      orders(
        await even()
          .filter((s) => s.order > 0)
          .toArray(),
      ),
    ).toEqual([2]);
    expect(await even().count()).toBe(2);
    expect(await live(db.sections.orderBy('order')).count()).toBe(4);
    expect((await live(db.sections.where('order').above(0)).first())?.order).toBe(2);
    expect(await live(db.sections.where('order').equals(4)).first()).toBeUndefined();
  });
});
