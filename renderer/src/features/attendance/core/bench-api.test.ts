import { describe, expect, it } from 'vitest';

import { db } from '../../../db/db';
import { withSeededOrg } from '../../../db/testing';

import { exportMonthSheet, generateSignIns, monthSheetSpecs } from './bench-api';

const org = withSeededOrg('2026-07-01T09:00:00');

describe('bench api', () => {
  it('generates sign-ins in chunks and builds and writes the month’s sheet', async () => {
    const ids = [org.staff.id, org.head.id, org.clerk.id];
    const progress: number[] = [];
    const n = await generateSignIns(ids, '2026-06-01', '2026-06-30', (done) => progress.push(done));
    // June 2026 has 21 working days (the 19th is 端午); a few random absences may drop a day.
    expect(n).toBeGreaterThan(3 * 21 - 3);
    expect(n).toBeLessThanOrEqual(3 * 21);
    expect(await db.signIns.where('date').between('2026-06-01', '2026-06-30', true, true).count()).toBe(n);
    expect(progress[progress.length - 1]).toBe(n);
    const [spec, scores] = await monthSheetSpecs(2026, 6);
    expect(scores.ledgerName).toBe('月考核分汇总');
    expect(spec.ledgerName).toBe('考勤表');
    expect(spec.rows.find((r) => r.name === '钱科员')).toBeTruthy();
    const bytes = await exportMonthSheet(2026, 6);
    expect(bytes.byteLength).toBeGreaterThan(5000);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  });
});
