// The calendar changed for some years: the stored next deadline (dueOn, PET-9) of every case whose
// deadline lies in or after the first of them is counted again (registered in register.ts, run in
// the calendar's transaction by calendarRepo).
import { href } from '../../../app/router';
import type { MovedDeadline, RecomputeCtx, RecomputeResult } from '../../../calendar/recompute';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { update } from '../../../db/repo';

import { bureauDue } from './commands';
import { loadPetitionSettings } from './settings';

export async function preparePetitionRecompute(): Promise<(ctx: RecomputeCtx) => Promise<RecomputeResult>> {
  const settings = await loadPetitionSettings();
  return async ({ years, cal, today, actor }) => {
    const from = `${String(Math.min(...years)).padStart(4, '0')}-01-01`;
    const rows = (await db.petitions.where('dueOn').aboveOrEqual(from).toArray()).filter(isLive);
    const moved: MovedDeadline[] = [];
    for (const p of rows) {
      const next = bureauDue(p, cal, settings, today);
      if (next.dueOn === (p.dueOn ?? null) && next.dueKind === (p.dueKind ?? null)) continue;
      await update(
        db.petitions,
        p.id,
        next,
        actor,
        `工作日历变更，重算期限：${p.dueOn ?? '无'} → ${next.dueOn ?? '无'}`,
      );
      moved.push({
        module: '信访',
        title: p.regNo,
        before: p.dueOn ?? null,
        after: next.dueOn,
        link: href('petitions', 'case', p.id),
      });
    }
    return { checked: rows.length, moved };
  };
}
