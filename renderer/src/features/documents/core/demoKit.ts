// Helpers for the demo generators of 公文, 印章, 会议 and 学习: a seeded random source (the same demo
// every time), events written in date order on the day they happened (the clock pinned), all in one
// transaction per module so the load stays fast (IndexedDB commits once, not per record).
import type { Table } from 'dexie';

import { addCalendarDays, isWorkday } from '../../../../../shared/rules';
import type { ISODate, CalendarData } from '../../../../../shared/rules';
import { decide } from '../../../approvals/engine';
import { withClockAt } from '../../../db/clock';
import { db } from '../../../db/db';
import { writeTx } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import { seededRandom } from '../../../demo/random';

export { seededRandom };

export type DemoEvent = { at: string; run: () => Promise<unknown> }; // at: 'YYYY-MM-DDTHH:mm'

export class DemoPlan {
  readonly events: DemoEvent[] = [];
  readonly rand: () => number;
  constructor(
    readonly staff: Staff[],
    readonly cal: CalendarData,
    readonly today: ISODate,
    seed: number,
  ) {
    this.rand = seededRandom(seed);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }
  person(name: string): Staff {
    const s = this.staff.find((x) => x.name === name);
    if (!s) throw new Error(`演示人员不存在：${name}`);
    return s;
  }
  actor(s: Staff | string): Actor {
    const p = typeof s === 'string' ? this.person(s) : s;
    return { id: p.id, name: p.name };
  }
  // The working day on or after `d`.
  work(d: ISODate): ISODate {
    let x = d;
    while (!isWorkday(x, this.cal)) x = addCalendarDays(x, 1);
    return x;
  }
  // A working day `n` working days after `d` (n ≥ 0).
  after(d: ISODate, n: number): ISODate {
    let x = this.work(d);
    for (let i = 0; i < n; i++) x = this.work(addCalendarDays(x, 1));
    return x;
  }
  at(date: ISODate, hhmm: string, run: () => Promise<unknown>): void {
    if (date > this.today) return;
    this.events.push({ at: `${date}T${hhmm}`, run });
  }
  // Runs the events in time order, each with the clock pinned, in one transaction over `tables`.
  async run(tables: Table[]): Promise<void> {
    const sorted = this.events
      .map((e, i) => ({ ...e, i }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.i - b.i);
    await writeTx(tables, async () => {
      for (const e of sorted) await withClockAt(new Date(`${e.at}:00`), e.run);
    });
  }
}

// Decides every step of a request as its approvers (approving), or `count` steps.
export async function approveAll(requestId: string, count = Infinity, comment = '同意'): Promise<void> {
  for (let done = 0; done < count; done++) {
    const req = await db.approvals.get(requestId);
    if (!req || req.status !== 'pending') return;
    const step = req.steps[req.currentStep];
    const who = step.approverId ? await db.staff.get(step.approverId) : undefined;
    if (!who) return;
    await decide({ requestId, decision: 'approved', comment }, { id: who.id, name: who.name });
  }
}

// Tables every demo transaction needs besides the module's own (reads of org, settings, calendar;
// the approval engine).
export function baseTables(): Table[] {
  return [db.staff, db.sections, db.settings, db.calendars, db.approvals, db.delegations];
}
