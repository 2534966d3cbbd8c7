// PET-1 with several PCs (sync/numbers.ts): with sync on, a registration is saved 待编号 — its
// regNo a unique placeholder 待编号-xxxxxxxx (the lists and the unique index keep working; it
// reads as 待编号 on every screen, print and ledger) and seq 0 — and takes its running number
// from the hub when this PC is online, by the audited system command 编号.
import Dexie from 'dexie';

import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { DomainError, newId, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Petition } from '../../../db/schema/petitions';
import { PENDING_NUMBER } from '../../../sync/numbers';
import type { Numbering, PendingRecord } from '../../../sync/numbers';

import { livePetition, petitionCommand } from './context';
import { formatRegNo } from './numbering';
import type { Series } from './numbering';
import { termKeys } from './text';

const PENDING_PREFIX = `${PENDING_NUMBER}-`;
const SERIES_PREFIX = 'petition-';

export function pendingRegNo(): string {
  return `${PENDING_PREFIX}${newId().slice(0, 8)}`;
}

export function isPendingRegNo(regNo: string): boolean {
  return regNo.startsWith(PENDING_PREFIX);
}

// The highest running number of a series and year on this PC.
export async function topSeq(series: string, year: number): Promise<number> {
  const last = await db.petitions
    .where('[series+year+seq]')
    .between([series, year, Dexie.minKey], [series, year, Dexie.maxKey])
    .last();
  return last?.seq ?? 0;
}

const numberPetitionCommand = petitionCommand(
  '信访件编号',
  'petition.register',
  async (ctx, actor, id: string, seq: number): Promise<Petition | null> => {
    const p = await livePetition(id);
    if (!isPendingRegNo(p.regNo)) return null; // numbered already
    const regNo = formatRegNo(
      ctx.settings.numberFormats[p.series as Series],
      p.year,
      seq,
      ctx.settings.seqDigits,
    );
    if ((await db.petitions.where('regNo').equals(regNo).count()) > 0)
      throw new DomainError(`登记编号 ${regNo} 已存在`, 'regNo', 'PET-1');
    const u = await update(
      db.petitions,
      p.id,
      { regNo, seq, terms: termKeys(p.summary, p.receivedOn, regNo) },
      actor,
      `编号 ${regNo}（由同步中心分配，原${p.regNo}）`,
    );
    // the history's registration step names the number it has now
    const steps = await db.petitionSteps
      .where('[petitionId+at]')
      .between([p.id, Dexie.minKey], [p.id, Dexie.maxKey])
      .toArray();
    for (const s of steps)
      if (s.kind === 'register' && s.text.includes(p.regNo))
        await update(
          db.petitionSteps,
          s.id,
          { text: s.text.replace(p.regNo, regNo) },
          actor,
          `编号 ${regNo}`,
        );
    return u;
  },
);

export function numberPetition(id: string, seq: number, actor: Actor): Promise<Petition | null> {
  return numberPetitionCommand(actor, undefined, id, seq);
}

export const petitionNumbering: Numbering = {
  table: 'petitions',
  async pending(): Promise<PendingRecord[]> {
    const rows = await db.petitions.where('regNo').startsWith(PENDING_PREFIX).toArray();
    return rows.filter(isLive).map((p) => ({
      table: 'petitions',
      id: p.id,
      series: SERIES_PREFIX + p.series,
      year: p.year,
      at: p.createdAt,
    }));
  },
  localTop: (series, year) => topSeq(series.slice(SERIES_PREFIX.length), year),
  apply: async (rec, seq, actor) => {
    await numberPetition(rec.id, seq, actor);
  },
};
