// The 工作台's baseline replays the reads Dexie made, raw: it must be the same reads, or the ratio
// compares against other work.
import { beforeEach, describe, expect, it } from 'vitest';

import { db } from '../db/db';
import { resetDb } from '../db/testing';

import { openRaw, recordReads, replayRaw } from './rawReads';

const at = '2026-01-01T00:00:00.000Z';
const base = { createdAt: at, updatedAt: at, createdBy: 'test', deletedAt: null };

beforeEach(async () => {
  await resetDb();
  await db.docLoans.bulkAdd(
    Array.from({ length: 12 }, (_, i) => ({
      ...base,
      id: `loan-${String(i).padStart(2, '0')}`,
      status: i % 3 === 0 ? 'approved' : 'returned',
      returnDue: `2026-02-${String(i + 1).padStart(2, '0')}`,
      borrowerId: `s${i % 4}`,
      year: 2026,
    })) as never,
  );
});

describe('recordReads / replayRaw', () => {
  it('replays each read Dexie made and gets the same records', async () => {
    const [dexieResults, reads] = await recordReads(db, () =>
      Promise.all([
        db.docLoans.where('status').equals('approved').toArray(),
        db.docLoans.where('[status+returnDue]').between(['returned', ''], ['returned', '2026-02-08']).toArray(),
        db.docLoans.orderBy('[status+returnDue]').reverse().limit(3).toArray(),
        db.docLoans.where('borrowerId').equals('s1').count(),
        db.docLoans.get('loan-05'),
        db.docLoans.bulkGet(['loan-01', 'loan-02', 'nope']),
        db.docLoans.where('year').equals(2026).filter((l) => l.borrowerId === 's2').first(),
      ]),
    );
    expect(reads.map((r) => `${r.kind}:${r.table}`)).toEqual([
      'query:docLoans',
      'query:docLoans',
      'query:docLoans',
      'count:docLoans',
      'get:docLoans',
      'getMany:docLoans',
      'cursor:docLoans',
    ]);
    const idb = await openRaw(db.name);
    try {
      const raw = await replayRaw(idb, reads);
      const ids = (x: unknown) => (x as { id: string }[]).map((r) => r.id);
      expect(ids(raw[0])).toEqual(ids(dexieResults[0]));
      expect(ids(raw[1])).toEqual(ids(dexieResults[1]));
      // newest first, as far as the limit (one request with IndexedDB 3's options, else a cursor)
      if (Array.isArray(raw[2])) expect(ids(raw[2])).toEqual(ids(dexieResults[2]));
      else expect(raw[2]).toBe(3);
      expect(raw[3]).toBe(dexieResults[3]);
      expect((raw[4] as { id: string }).id).toBe('loan-05');
      expect((raw[5] as ({ id: string } | undefined)[]).map((r) => r?.id)).toEqual(['loan-01', 'loan-02', undefined]);
      // the cursor walked as far as Dexie stepped: to the first borrower s2 (loan-02)
      expect(raw[6]).toBe(3);
    } finally {
      idb.close();
    }
  });

  it('records nothing outside the recorded work, and leaves the database as it was', async () => {
    const [, reads] = await recordReads(db, async () => undefined);
    await db.docLoans.toArray();
    expect(reads).toEqual([]);
    expect(db.isOpen()).toBe(true);
  });
});
