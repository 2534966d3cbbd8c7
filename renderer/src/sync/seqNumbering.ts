// Hub-issued numbers for every table numbered by year and running number (`year` + `seq`, and
// usually a `number` text formed from them: 请〔2026〕3号, 报〔2026〕3号 ...), one generic way
// (sync/numbers.ts explains the claims on the hub).
//
// With sync off nothing changes: the next number is this PC's highest of the year plus one
// (db/validate nextSeq). With sync on the record is saved 待编号 — seq 0 and its number text
// 待编号 (so every screen, print and export that shows the number text shows 待编号) — and the
// engine numbers it on the hub when this PC is online, by the series' audited system command 编号,
// which writes seq and number and fixes any other text that carries 待编号 (fix).
//
// The records waiting are found through the [year+seq] index: seq 0 (or below) of each year between the
// table's first and last year (a few keys read, never the table).
import Dexie from 'dexie';
import type { Collection, IndexableType, Table } from 'dexie';

import { defineCommand } from '../db/command';
import type { Command } from '../db/command';
import { db } from '../db/db';
import { isLive } from '../db/live';
import { newId, update } from '../db/repo';
import type { Actor } from '../db/repo';
import type { BaseRecord } from '../db/schema/base';
import { nextSeq } from '../db/validate';

import { PENDING_NUMBER, registerNumbering } from './numbers';
import type { Numbering, PendingRecord } from './numbers';
import { outboxOn } from './outbox';

export type SeqRecord = BaseRecord & { year: number; seq: number; number?: string };

export type SeqSeriesSpec<T extends SeqRecord> = {
  table: string; // the Dexie table, e.g. 'leaves'
  what: string; // the command's name for the audit trail and refusals: 请假申请编号
  // the series on the hub (claims docno:<series>:<year>:<seq>); by record when a table holds
  // several series (局长办公会决定 and 局务会决定)
  series: string | ((r: T) => string);
  // the fields that carry the number (default: none besides seq), e.g. (r, seq) => ({ number: … })
  fields?: (r: T, seq: number) => Partial<T>;
  // other text that carries 待编号 (an approval's title), inside the command's transaction
  fix?: (before: T, after: T, actor: Actor) => Promise<void>;
  moreTables?: readonly string[];
  // the tables whose records may copy this number while it is 待编号 (noteNumberCopies)
  copiedTo?: readonly string[];
  // the records waiting (default: seq 0 through [year+seq]) and this PC's top of a series and year
  pending?: () => Promise<T[]>;
  localTop?: (series: string, year: number) => Promise<number>;
};

export type SeqNumbering<T extends SeqRecord> = {
  numbering: Numbering;
  // the audited system command 编号: (id, seq, actor) → the record numbered, null if it was already
  numberRecord: Command<[string, number], T | null>;
};

// The running number a new record takes: this PC's next with sync off, 0 (待编号) with sync on —
// or, where [year+seq] is a unique index (收文), a negative number of its own (待编号 too).
export async function seqOrPending(table: Table, year: number, unique = false): Promise<number> {
  if (!outboxOn()) return nextSeq(table, year);
  return unique ? -1 - parseInt(newId().replace(/-/g, '').slice(0, 10), 16) : 0;
}

// The same for a series whose next number is not the [year+seq] one (meetings per kind, 申报单):
// `next()` with sync off, 0 (待编号) with sync on.
export async function nextOrPending(next: () => Promise<number>): Promise<number> {
  return outboxOn() ? 0 : next();
}

// The number text of a record: 待编号 while seq is 0.
export function numberOrPending(seq: number, format: (seq: number) => string): string {
  return seq > 0 ? format(seq) : PENDING_NUMBER;
}

export function isSeqPending(r: { seq: number }): boolean {
  return r.seq <= 0;
}

function tableOf<T extends SeqRecord>(name: string): Table<T, string> {
  return db.table(name) as unknown as Table<T, string>;
}

// The years a table's records span, read from the two ends of an index.
export async function yearsOf(table: Table, index = '[year+seq]'): Promise<number[]> {
  const [first, last] = await Promise.all([
    table.orderBy(index).first() as Promise<{ year: number } | undefined>,
    table.orderBy(index).last() as Promise<{ year: number } | undefined>,
  ]);
  if (!first || !last) return [];
  const out: number[] = [];
  for (let y = first.year; y <= last.year; y++) out.push(y);
  return out;
}

// The records waiting for a number: seq 0 (or below) of every year, through [year+seq].
export async function pendingBySeq<T extends SeqRecord>(table: Table<T, string>): Promise<T[]> {
  const years = await yearsOf(table);
  const each = await Promise.all(
    years.map((y) => table.where('[year+seq]').between([y, -Infinity], [y, 0], true, true).toArray()),
  );
  return each.flat();
}

// For a table without [year+seq] whose numbers run per kind and year (meetings, 申报单): the
// records of each kind and year through [kind+year] (a few dozen a year), the years from the two
// ends of a date index; the waiting ones among them.
export async function pendingByKindYear<T extends SeqRecord>(
  table: Table<T, string>,
  kinds: readonly string[],
  dateIndex: string,
): Promise<T[]> {
  const keys = (await yearsOf(table, dateIndex)).flatMap((y) => kinds.map((k) => [k, y]));
  if (!keys.length) return [];
  return (await table.where('[kind+year]').anyOf(keys).toArray()).filter(isSeqPending);
}

// A year's list, newest number first, with the records still 待编号 on top, newest first (sync on
// while the hub was away: seq 0 or below, a few at most — they are the newest, and the clerk looks
// for them at the top, not after the year's last page). `range(lower, upper)`: the list's index
// range over the seqs from lower (included) to upper (excluded); `keep`: the list's filter (soft
// delete, status). `limit + 1` rows when a limit is given, so the screen knows whether 加载更多 has more.
export async function waitingFirst<T extends BaseRecord & { seq: number }>(
  range: (lower: IndexableType, upper: IndexableType) => Collection<T>,
  keep: (r: T) => boolean,
  limit?: number,
): Promise<T[]> {
  const waiting = (await range(Dexie.minKey, 1).filter(keep).toArray()).sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  const rest = range(1, Dexie.maxKey).reverse().filter(keep);
  if (limit === undefined) return [...waiting, ...(await rest.toArray())];
  const numbered = await rest.limit(Math.max(0, limit + 1 - waiting.length)).toArray();
  return [...waiting, ...numbered].slice(0, limit + 1);
}

// This PC's highest running number of a kind and year, through [kind+year].
export async function topByKindYear(table: Table, kind: string, year: number): Promise<number> {
  const rows = (await table.where('[kind+year]').equals([kind, year]).toArray()) as SeqRecord[];
  return rows.reduce((m, r) => Math.max(m, r.seq), 0);
}

// This PC's highest running number of a year, through [year+seq].
export async function topBySeq(table: Table, year: number): Promise<number> {
  return (await nextSeq(table, year)) - 1;
}

export function seqNumbering<T extends SeqRecord>(spec: SeqSeriesSpec<T>): SeqNumbering<T> {
  const table = () => tableOf<T>(spec.table);
  const seriesOf = (r: T) => (typeof spec.series === 'string' ? spec.series : spec.series(r));
  const numberRecord = defineCommand({
    what: spec.what,
    // only the system numbers (the engine, as 同步中心编号); no screen offers it
    perm: 'system.settings',
    tables: (d) => [
      d.table(spec.table),
      ...[...(spec.moreTables ?? []), ...(spec.copiedTo ?? [])].map((t) => d.table(t)),
      ...(spec.copiedTo?.length ? [d.syncState] : []),
    ],
    run: async ({ actor }, id: string, seq: number): Promise<T | null> => {
      const before = await table().get(id);
      if (!before || !isSeqPending(before)) return null; // numbered already
      const fields = spec.fields?.(before, seq) ?? {};
      const patch = { seq, ...fields } as Partial<T>;
      const shown = Object.values(fields).find((v) => typeof v === 'string') ?? String(seq);
      const after = await update(table(), id, patch, actor, `编号 ${shown}（由同步中心分配）`);
      await spec.fix?.(before, after, actor);
      if (spec.copiedTo?.length) await writeNumberCopies(spec.table, id, shown, actor);
      return after;
    },
  });
  const numbering: Numbering = {
    table: spec.table,
    async pending(): Promise<PendingRecord[]> {
      const rows = await (spec.pending ?? (() => pendingBySeq(table())))();
      return rows
        .filter((r) => isLive(r) && isSeqPending(r))
        .map((r) => ({ table: spec.table, id: r.id, series: seriesOf(r), year: r.year, at: r.createdAt }));
    },
    localTop: spec.localTop ?? ((_series, year) => topBySeq(table(), year)),
    apply: async (rec, seq, actor) => {
      await numberRecord(rec.id, seq, actor);
    },
  };
  return { numbering, numberRecord };
}

// A number copied while it was 待编号 — a claim quoting its 局长办公会决定 or 申报单, a study trip its
// decision — is noted on this PC by the copying command, in its transaction (syncState: this PC's
// own), and written into the copy by the source's 编号 (the source's spec names the copying tables:
// copiedTo). A copy made on another PC in the moment a record was there still 待编号 is not noted.
const COPY_PREFIX = 'number-copy:';
type CopyNote = { table: string; id: string; field: string; via: string };
// field: the copy of the number; via: the field naming the record it copies; source: that table
export type NumberCopy = { field: string; via: string; source: string };

export async function noteNumberCopies(
  table: string,
  rec: { id: string },
  copies: readonly NumberCopy[],
): Promise<void> {
  const r = rec as unknown as Record<string, unknown>;
  for (const c of copies) {
    const sourceId = r[c.via];
    if (r[c.field] !== PENDING_NUMBER || typeof sourceId !== 'string') continue;
    const note: CopyNote = { table, id: rec.id, field: c.field, via: c.via };
    await db.syncState.put({ id: `${COPY_PREFIX}${c.source}:${sourceId}:${table}:${rec.id}`, value: note });
  }
}

// Inside the source's 编号: each copy still 待编号 and still naming the source takes the number.
async function writeNumberCopies(source: string, id: string, number: string, actor: Actor): Promise<void> {
  const notes = await db.syncState.where(':id').startsWith(`${COPY_PREFIX}${source}:${id}:`).toArray();
  for (const n of notes) {
    const c = n.value as CopyNote;
    const t = db.table(c.table) as Table<BaseRecord & Record<string, unknown>, string>;
    const rec = await t.get(c.id);
    if (rec && rec[c.via] === id && rec[c.field] === PENDING_NUMBER)
      await update(t, c.id, { [c.field]: number }, actor, `引用编号 ${number}（由同步中心分配）`);
    await db.syncState.delete(n.id);
  }
}

// Defines and registers a series (a module's contributions, at start-up).
export function registerSeqNumbering<T extends SeqRecord>(spec: SeqSeriesSpec<T>): SeqNumbering<T> {
  const out = seqNumbering(spec);
  registerNumbering(out.numbering);
  return out;
}
