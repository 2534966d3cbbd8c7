// When a year's holidays are imported or edited, every stored deadline counted with the calendar
// that touches that year is counted again, in the calendar's own transaction (all or nothing).
// Each module that stores a calendar-computed due date registers here (from its register.ts):
// `prepare` runs before the transaction (it may load settings or code), the function it returns
// runs inside it and may only read and write Dexie tables listed in `tables`.
import type { Table } from 'dexie';

import type { CalendarData, ISODate } from '../../../shared/rules';
import type { Actor } from '../db/repo';

/** A stored due date that moved: what it belongs to, before and after (null: none runs). */
export type MovedDeadline = {
  module: string;
  title: string;
  before: ISODate | null;
  after: ISODate | null;
  link?: string;
};

export type RecomputeResult = { checked: number; moved: MovedDeadline[] };

export type RecomputeCtx = { years: number[]; cal: CalendarData; today: ISODate; actor: Actor };

export type DeadlineRecomputer = {
  module: string;
  tables: () => Table[];
  prepare: () => Promise<(ctx: RecomputeCtx) => Promise<RecomputeResult>>;
};

const recomputers: DeadlineRecomputer[] = [];

export function registerDeadlineRecompute(r: DeadlineRecomputer): void {
  recomputers.push(r);
}

// The tables every registered recomputation reads and writes (a command's transaction opens them).
export function recomputeTables(): Table[] {
  return [...new Set(recomputers.flatMap((r) => r.tables()))];
}

export type PreparedRecompute = { tables: Table[]; run: (ctx: RecomputeCtx) => Promise<RecomputeResult> };

/** Before the transaction: the tables to open it over and the recompute to run inside it. */
export async function prepareRecompute(): Promise<PreparedRecompute> {
  const runs = await Promise.all(recomputers.map((r) => r.prepare()));
  return {
    tables: recomputeTables(),
    run: async (ctx) => {
      const out: RecomputeResult = { checked: 0, moved: [] };
      for (const run of runs) {
        const r = await run(ctx);
        out.checked += r.checked;
        out.moved.push(...r.moved);
      }
      return out;
    },
  };
}

/** 重算期限：N 件，其中 M 件变动 */
export function recomputeSummary(r: RecomputeResult): string {
  return `重算期限：${r.checked} 件，其中 ${r.moved.length} 件变动`;
}
