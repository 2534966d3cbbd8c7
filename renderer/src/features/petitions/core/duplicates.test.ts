// PET-10's content search reads a bigram's posting list; a list longer than POSTING_CAP (a common
// word) is read once per session and then left alone — with the same candidates found.
import { describe, expect, it } from 'vitest';

import { recordReads } from '../../../bench/rawReads';
import { loadCalendar } from '../../../calendar/calendar';
import { db } from '../../../db/db';
import { withSeededOrg } from '../../../db/testing';

import { registerPetition } from './commands';
import { findDuplicates } from './queries';
import { letter, seedUnits } from './testing';
import { termKeys } from './text';

const org = withSeededOrg('2026-05-20T10:00:00', async () => {
  await seedUnits();
});
const opts = async () => ({ cal: await loadCalendar(), today: '2026-05-20' });

// 501 cases whose summaries share 邻里纠纷长期未解: those bigrams are common (over the cap of 500).
async function manyNeighbourDisputes() {
  const first = await registerPetition(
    letter({ summary: '金石镇宅基地纠纷长期未解决', idNo: null, phone: null }),
    org.actor(org.staff),
  );
  const base = (await db.petitions.get(first.id))!;
  await db.petitions.bulkAdd(
    Array.from({ length: 501 }, (_, i) => {
      const regNo = `测试-${i}`;
      const summary = `某村第${i}组邻里纠纷长期未解`;
      return {
        ...base,
        id: `copy-${i}`,
        regNo,
        seq: 1000 + i,
        summary,
        name: `某人${i}`,
        idNo: null,
        phone: null,
        nameKeys: [],
        terms: termKeys(summary, base.receivedOn, regNo),
      };
    }),
  );
  return first;
}

const termReads = (reads: { kind: string; table: string; index?: string | null }[]) =>
  reads.filter((r) => r.table === 'petitions' && 'index' in r && r.index === 'terms').length;

describe('PET-10 content search: common bigrams', () => {
  it('reads a common bigram once; the next check finds the same cases through the rare ones', async () => {
    const first = await manyNeighbourDisputes();
    const input = { name: '张三', summary: '宅基地纠纷长期未解决' }; // 宅基 基地 地纠 rare, 5 common
    const [once, readsOnce] = await recordReads(db, async () => findDuplicates(input, await opts()));
    const [again, readsAgain] = await recordReads(db, async () => findDuplicates(input, await opts()));
    expect(once.map((c) => c.petition.id)).toEqual([first.id]);
    expect(again.map((c) => c.petition.id)).toEqual([first.id]);
    expect(termReads(readsOnce)).toBe(8);
    expect(termReads(readsAgain)).toBe(3);
  });

  it('still reads the common bigrams when no rare one matched', async () => {
    await manyNeighbourDisputes();
    const input = { name: '李四', summary: '邻里纠纷长期未解' }; // every bigram common
    const [once] = await recordReads(db, async () => findDuplicates(input, await opts()));
    const [again, readsAgain] = await recordReads(db, async () => findDuplicates(input, await opts()));
    expect(once.length).toBeGreaterThan(0);
    expect(again.map((c) => c.petition.id)).toEqual(once.map((c) => c.petition.id));
    expect(termReads(readsAgain)).toBe(7);
  });
});
