// 督办通知 (PET-9) as a numbered letter: 督〔2026〕N号, issued once — when the notice is first
// issued (签发) or printed — and never given again. The notice is written on each of its cases as a
// 督办 step (its number, the unit, the cases it covers, the date of the act), and the year's highest
// number is read from the notice steps and the settings (petitions.noticeSeq.<year>, noticeTop): the
// next is one more, so that a number whose cases were deleted since is not given twice.
// With several PCs (sync on) the settings, kept on each PC, cannot number: the notice is issued
// 待编号 and takes its number from the hub (hubNotices.ts), which also raises this PC's counter.
import Dexie from 'dexie';

import { nextNoticeSeq, noticeNumber } from '../../../../../shared/paper';
import type { ISODate } from '../../../../../shared/rules';
import { nowIso, today } from '../../../db/clock';
import { defineCommand, refuse } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, isLive } from '../../../db/live';
import { insert } from '../../../db/repo';
import { getSetting, setSetting } from '../../../db/settings';
import { PENDING_NUMBER } from '../../../sync/numbers';
import { outboxOn } from '../../../sync/outbox';

export type IssuedNotice = { no: string; on: ISODate; year: number; seq: number };

export type NoticeData = {
  noticeNo: string;
  noticeYear: number;
  noticeSeq: number;
  unit: string;
  caseIds: string[];
};

export const noticeSeqKey = (year: number) => `petitions.noticeSeq.${year}`;

function sameCases(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

// The notice already issued to this unit for exactly these cases (the latest), if any.
export async function issuedNotice(unit: string, caseIds: readonly string[]): Promise<IssuedNotice | null> {
  if (!caseIds.length) return null;
  const steps = await db.petitionSteps
    .where('[petitionId+at]')
    .between([caseIds[0], Dexie.minKey], [caseIds[0], Dexie.maxKey])
    .toArray();
  const found = steps
    .filter((s) => s.kind === 'supervise' && isLive(s) && s.data?.noticeNo)
    .map((s) => ({ on: s.on, d: s.data as NoticeData }))
    .filter(({ d }) => d.unit === unit && sameCases(d.caseIds, caseIds))
    .pop();
  return found
    ? { no: found.d.noticeNo, on: found.on, year: found.d.noticeYear, seq: found.d.noticeSeq }
    : null;
}

// The year's highest 督办通知 number known on this PC: the steps that carry one (with several PCs
// they come from every PC, also those numbered before sync was on or by the hub) and this PC's
// counter (which also covers a number given here whose steps are gone).
export async function noticeTop(year: number): Promise<number> {
  const last = await db.petitionSteps
    .where('[data.noticeYear+data.noticeSeq]')
    .between([year, 1], [year, Dexie.maxKey])
    .last();
  const fromSteps = (last?.data as NoticeData | undefined)?.noticeSeq ?? 0;
  return Math.max(fromSteps, await getSetting<number>(noticeSeqKey(year), 0));
}

// A notice waiting for its number, noted on this PC (syncState: local, read by its key prefix —
// the steps have no index that would find them): its steps, the first naming it.
export const PENDING_NOTICE_PREFIX = 'notice-pending:';
export type PendingNotice = { stepIds: string[]; year: number };

async function notePendingNotice(stepIds: string[], year: number): Promise<void> {
  const value: PendingNotice = { stepIds, year };
  await db.syncState.put({ id: `${PENDING_NOTICE_PREFIX}${stepIds[0]}`, value });
}

async function issue(
  unit: string,
  caseIds: string[],
  day: ISODate,
  actor: { id: string; name: string },
): Promise<IssuedNotice> {
  const again = await issuedNotice(unit, caseIds);
  if (again) return again;
  const year = Number(day.slice(0, 4));
  const pending = outboxOn(); // several PCs: 待编号, the hub gives the number (hubNotices.ts)
  let seq = 0;
  let no = PENDING_NUMBER;
  if (!pending) {
    const key = noticeSeqKey(year);
    seq = nextNoticeSeq([{ year, seq: await noticeTop(year) }], year);
    no = noticeNumber(year, seq);
    await setSetting(key, seq, actor, `督办通知编号 ${no}`);
  }
  const at = nowIso();
  const stepIds: string[] = [];
  for (const id of caseIds) {
    const p = await getLive(db.petitions, id);
    if (!p) refuse('督办的信访件不存在或已删除', 'cases');
    const data: NoticeData = { noticeNo: no, noticeYear: year, noticeSeq: seq, unit, caseIds };
    const step = await insert(
      db.petitionSteps,
      {
        petitionId: id,
        kind: 'supervise',
        on: day,
        at,
        byId: actor.id,
        byName: actor.name,
        text: `督办通知 ${no}（${unit}）`,
        data,
      },
      actor,
      `督办：${p.regNo}`,
    );
    stepIds.push(step.id);
  }
  if (pending) await notePendingNotice(stepIds, year);
  return { no, on: day, year, seq };
}

// 签发督办通知: the number, once; issuing the same unit's same cases again gives the same number.
export const issueSupervisionNotice = defineCommand({
  what: '签发督办通知',
  perm: 'petition.supervise',
  tables: (d) => [d.petitionSteps, d.petitions, d.settings, d.syncState],
  validate: (unit: string, caseIds: string[]) => {
    if (!unit.trim()) refuse('督办通知须有受文单位', 'unit');
    if (!caseIds.length) refuse('督办通知须列明督办的信访件', 'cases');
  },
  run: async (ctx, unit: string, caseIds: string[]) => issue(unit, caseIds, today(), ctx.actor),
});
