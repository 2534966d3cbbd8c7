import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pinClock } from '../../../db/clock';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import { resetDb, seedOrg } from '../../../db/testing';

import {
  duplicateCheck,
  exportMonthLedger,
  generatePetitions,
  listFirstPage,
  listPageAfter,
  registerLetter,
  searchText,
} from './bench-api';
import { readWorkbookRows } from './testing-xlsx';

beforeEach(async () => {
  pinClock(new Date(2026, 10, 20, 9, 0, 0));
  await resetDb();
  await seedOrg();
  await insert(db.units, { name: '金石镇人民政府', kind: 'township', active: true }, SYSTEM_ACTOR);
});
afterEach(() => pinClock(null));

describe('bench API', () => {
  it('generates cases in bulk and runs what the screens run', async () => {
    const progress: number[] = [];
    await generatePetitions(2500, (done) => progress.push(done));
    expect(progress).toEqual([2000, 2500]);
    expect(await db.petitions.count()).toBe(2500);
    const first = await listFirstPage();
    expect(first.rows).toHaveLength(50);
    expect(first.count).toBe(2500);
    const second = await listPageAfter(first.next!);
    expect(second.rows[0].receivedOn <= first.rows[49].receivedOn).toBe(true);
    expect(second.rows.some((r) => first.rows.some((f) => f.id === r.id))).toBe(false);
    const hits = await searchText('拖欠');
    expect(hits.rows.length).toBeGreaterThan(0);
    expect(hits.rows.every((r) => r.summary.includes('拖欠'))).toBe(true);
    const sample = first.rows.find((r) => !r.informant)!;
    const dups = await duplicateCheck({
      name: sample.name,
      idNo: sample.idNo,
      phone: sample.phone,
      summary: sample.summary,
    });
    expect(dups.map((d) => d.petition.id)).toContain(sample.id);
    const p = await registerLetter({
      receivedOn: '2026-11-19',
      name: '测试',
      township: '金石镇',
      category: '民政',
      summary: '申请低保',
    });
    expect(p.regNo).toMatch(/^宁信来〔2026〕\d{4}$/);
    const bytes = await exportMonthLedger(2026, 10);
    const rows = await readWorkbookRows(bytes);
    expect(rows[1][0]).toBe('序号');
    const inMonth = await db.petitions
      .where('[receivedOn+regNo]')
      .between(['2026-10-01', ''], ['2026-10-31', '\uffff'])
      .filter((x) => x.channel !== 'visit')
      .count();
    expect(rows.filter((r) => typeof r[0] === 'number')).toHaveLength(inMonth);
  }, 60000);
});
