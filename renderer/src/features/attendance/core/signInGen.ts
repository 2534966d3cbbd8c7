// Plausible sign-ins for demo data and the benchmark: most on time, a few late, early or absent.
// Deterministic (seeded), so a demo looks the same on every PC.
import type { CalendarData, Half, ISODate } from '../../../../../shared/rules';
import { addCalendarDays, HALVES, isWorkday } from '../../../../../shared/rules';
import type { SessionEntry } from '../../../db/schema/attendance';
import { seededRandom } from '../../../demo/random';

import type { NewSignIn } from './signins';

export { seededRandom };

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export type GenOptions = {
  cal: CalendarData;
  rand?: () => number;
  lateRate?: number; // per session
  earlyRate?: number; // per afternoon
  absentRate?: number; // per day
  skip?: (staffId: string, date: ISODate, half: Half) => boolean; // e.g. covered by leave or a trip
  byId?: string;
};

export function makeSignIns(staffIds: string[], from: ISODate, to: ISODate, o: GenOptions): NewSignIn[] {
  const rand = o.rand ?? seededRandom(42);
  const late = o.lateRate ?? 0.015;
  const early = o.earlyRate ?? 0.006;
  const absent = o.absentRate ?? 0.001;
  const out: NewSignIn[] = [];
  const byId = o.byId ?? 'system';
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    if (!isWorkday(d, o.cal)) continue;
    for (const staffId of staffIds) {
      if (rand() < absent) continue;
      const rec: NewSignIn = { staffId, date: d };
      for (const h of HALVES) {
        if (o.skip?.(staffId, d, h)) continue;
        const start = h === 'am' ? 8 * 60 : 14 * 60 + 30;
        const at =
          rand() < late ? start + 16 + Math.floor(rand() * 30) : start - 15 + Math.floor(rand() * 30);
        const e: SessionEntry = { at: hhmm(at), source: 'import', byId };
        if (h === 'pm' && rand() < early) e.leftAt = hhmm(17 * 60 + Math.floor(rand() * 10));
        rec[h] = e;
      }
      if (rec.am || rec.pm) out.push(rec);
    }
  }
  return out;
}
