// Helpers for the demo generators of publicity, finance, integrity, assessment and duty: a seeded
// random source (the same demo every time), people by name, writing on the day it happened, and
// walking an approval through all its steps as the real approvers.
import type { ISODate } from '../../../../../shared/rules';
import { decide } from '../../../approvals/engine';
import { today, withClockAt } from '../../../db/clock';
import { db } from '../../../db/db';
import type { Actor } from '../../../db/repo';
import type { Staff } from '../../../db/schema/core';
import { seededRandom as seeded } from '../../../demo/random';

export { seeded };

export type DemoKit = {
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  int: (min: number, max: number) => number;
  byName: (name: string) => Staff;
  byNames: (...names: string[]) => Staff[];
  actor: (s: Staff) => Actor;
  onDay: <T>(date: ISODate, hhmm: string, fn: () => Promise<T>) => Promise<T>;
  today: ISODate; // the demo's day (the clock when the kit was made) and its year
  year: number;
};

export function demoKit(staff: Staff[], seed: number): DemoKit {
  const rand = seeded(seed);
  const t = today();
  const byName = (name: string): Staff => {
    const s = staff.find((x) => x.name === name);
    if (!s) throw new Error(`演示人员不存在：${name}`);
    return s;
  };
  return {
    rand,
    pick: (xs) => xs[Math.floor(rand() * xs.length)],
    int: (min, max) => min + Math.floor(rand() * (max - min + 1)),
    byName,
    byNames: (...names) => names.map(byName),
    actor: (s) => ({ id: s.id, name: s.name }),
    onDay: (date, hhmm, fn) => withClockAt(new Date(`${date}T${hhmm}:00`), fn),
    today: t,
    year: Number(t.slice(0, 4)),
  };
}

// Decides `count` steps (all by default) of a request as their approvers, approving; the witness
// (证明人) goes with the FIN-1 check step. An external step (county) is recorded by `recorder`.
export async function approveSteps(
  requestId: string,
  opts: { count?: number; witness?: string; recorder?: Actor; rejectAt?: number; comment?: string } = {},
): Promise<void> {
  let done = 0;
  for (;;) {
    const req = await db.approvals.get(requestId);
    if (!req || req.status !== 'pending') return;
    if (opts.count !== undefined && done >= opts.count) return;
    const step = req.steps[req.currentStep];
    const who = step.approverId ? await db.staff.get(step.approverId) : undefined;
    const actor = who ? { id: who.id, name: who.name } : opts.recorder;
    if (!actor) return;
    const reject = opts.rejectAt === done;
    await decide(
      {
        requestId,
        decision: reject ? 'rejected' : 'approved',
        comment: reject ? (opts.comment ?? '请补充材料后重新报送') : '同意',
        extra: step.key === 'office_finance_check' ? { 证明人: opts.witness ?? '郑小军' } : undefined,
      },
      actor,
    );
    done++;
    if (reject) return;
  }
}
