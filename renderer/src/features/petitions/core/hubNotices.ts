// 督办通知 numbers with several PCs (sync/numbers.ts): the year's counter is a setting, kept on
// each PC (the highest number known here also reads the notice steps that came from the other PCs:
// noticeTop), so with sync on a notice is issued 待编号 (its steps say 督办通知 待编号) and noted
// in syncState; the hub gives the number when this PC is online, and the audited system command
// 编号 writes it into every step of the notice and raises this PC's counter (so that, were sync
// switched off again, the next notice numbered here comes after it).
import { noticeNumber } from '../../../../../shared/paper';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { update } from '../../../db/repo';
import { getSetting, setSetting } from '../../../db/settings';
import { PENDING_NUMBER } from '../../../sync/numbers';
import type { Numbering, PendingRecord } from '../../../sync/numbers';

import { noticeSeqKey, noticeTop, PENDING_NOTICE_PREFIX } from './notices';
import type { NoticeData, PendingNotice } from './notices';

const SERIES = 'notice';

async function noted(stepId: string): Promise<PendingNotice | null> {
  const row = await db.syncState.get(`${PENDING_NOTICE_PREFIX}${stepId}`);
  return (row?.value as PendingNotice | undefined) ?? null;
}

export const numberNotice = defineCommand({
  what: '督办通知编号',
  perm: 'system.settings', // only the system numbers (the engine, as 同步中心编号)
  tables: (d) => [d.petitionSteps, d.settings, d.syncState],
  run: async ({ actor }, stepId: string, seq: number): Promise<string | null> => {
    const note = await noted(stepId);
    if (!note) return null; // numbered already
    const no = noticeNumber(note.year, seq);
    for (const id of note.stepIds) {
      const s = await db.petitionSteps.get(id);
      const data = s?.data as NoticeData | undefined;
      if (!s || !data || data.noticeSeq) continue;
      await update(
        db.petitionSteps,
        id,
        {
          text: s.text.replace(`督办通知 ${PENDING_NUMBER}`, `督办通知 ${no}`),
          data: { ...data, noticeNo: no, noticeSeq: seq },
        },
        actor,
        `编号 ${no}（由同步中心分配）`,
      );
    }
    const key = noticeSeqKey(note.year);
    if ((await getSetting<number>(key, 0)) < seq) await setSetting(key, seq, actor, `督办通知编号 ${no}`);
    await db.syncState.delete(`${PENDING_NOTICE_PREFIX}${stepId}`);
    return no;
  },
});

export const noticeNumbering: Numbering = {
  table: 'petitionSteps',
  async pending(): Promise<PendingRecord[]> {
    const rows = await db.syncState.where('id').startsWith(PENDING_NOTICE_PREFIX).toArray();
    const out: PendingRecord[] = [];
    for (const r of rows) {
      const note = r.value as PendingNotice;
      const first = await db.petitionSteps.get(note.stepIds[0]);
      out.push({
        table: 'petitionSteps',
        id: note.stepIds[0],
        series: SERIES,
        year: note.year,
        at: first?.createdAt ?? '',
      });
    }
    return out;
  },
  // the notices of every PC that came in (numbered before sync was on, or by the hub), this PC's counter
  localTop: (_series, year) => noticeTop(year),
  apply: async (rec, seq, actor) => {
    await numberNotice(rec.id, seq, actor);
  },
};
