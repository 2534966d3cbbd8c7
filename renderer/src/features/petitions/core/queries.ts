// Reads of the petitions module. Every list uses an index and keyset paging (50 a page, the last
// row's [receivedOn, regNo] is the key of the next page); counts come from index ranges; full text
// goes through the *terms bigram index. Every petition leaves this file through shapeRows
// (informant.ts, PET-6): masked as the signed-in user may see it, decided here from the session,
// not by the screen, and every informant's identity shown is written to the audit trail.
import Dexie from 'dexie';
import type { Collection, IndexableType } from 'dexie';

import type { PetitionLedgerItem, StatsItem } from '../../../../../shared/ledgers/petitions';
import {
  addWorkdays,
  alreadyInHand,
  deadlineProvisional,
  repeatCandidate,
  deadlineState,
} from '../../../../../shared/rules';
import type { CalendarData, ISODate } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { today as clockToday } from '../../../db/clock';
import { db } from '../../../db/db';
import { getLive } from '../../../db/live';
import type { Actor } from '../../../db/repo';
import type { AuditEntry } from '../../../db/schema/core';
import type {
  Petition,
  PetitionChannel,
  PetitionState,
  PetitionStep,
  ReceptionDay,
} from '../../../db/schema/petitions';
import { CHANNEL_LABELS, DECISION_LABELS, STATE_LABELS } from '../labels';
import type { RevealPurpose } from '../labels';

import {
  informantAccess,
  informantMatchesOf,
  linksOf,
  maySeeIdentity,
  openIdentityReviews,
  shapeAudit,
  shapeRows,
  shapeSteps,
  viewerOf,
} from './informant';
import type { IdentityReview, InformantAccess, ShownPetition } from './informant';
import { completionDueOf, nextDeadlineOf } from './repo';
import type { PetitionSettings } from './settings';
import { indexTerms, normalizeText, TERM_SEP, termRange } from './text';
import { normIdNo, normPhone } from './validate';

export const PAGE_SIZE = 50;

export type PageKey = [string, string]; // [receivedOn, regNo]

export type ListFilter = {
  regNo?: string;
  name?: string;
  idNo?: string;
  phone?: string;
  text?: string;
  township?: string;
  category?: string;
  state?: PetitionState;
  channel?: PetitionChannel;
  from?: ISODate;
  to?: ISODate;
};

export type ListPage = {
  rows: ShownPetition[]; // masked as the signed-in user may see them (PET-6)
  next: PageKey | null;
  count: number | null; // null on later pages of a plain listing (the first page's count holds)
  countExact: boolean; // false: an upper bound read from the index
};

type RawPage = Omit<ListPage, 'rows'> & { rows: Petition[] };

const keyOf = (p: Petition): PageKey => [p.receivedOn, p.regNo];
const newestFirst = (a: Petition, b: Petition) =>
  b.receivedOn.localeCompare(a.receivedOn) || b.regNo.localeCompare(a.regNo);
const beforeKey = (p: Petition, k: PageKey) =>
  p.receivedOn < k[0] || (p.receivedOn === k[0] && p.regNo < k[1]);

function clean(s: string | undefined): string {
  return (s ?? '').trim();
}

// Filters applied in memory (after an index chose the candidates).
function predicate(f: ListFilter, skip: Set<keyof ListFilter>, textNorm: string | null) {
  return (p: Petition) => {
    if (p.deletedAt) return false;
    if (!skip.has('state') && f.state && p.state !== f.state) return false;
    if (!skip.has('township') && f.township && p.township !== f.township) return false;
    if (!skip.has('category') && f.category && p.category !== f.category) return false;
    if (!skip.has('channel') && f.channel && p.channel !== f.channel) return false;
    if (f.from && p.receivedOn < f.from) return false;
    if (f.to && p.receivedOn > f.to) return false;
    if (textNorm && !normalizeText(p.summary).includes(textNorm)) return false;
    return true;
  };
}

function pageOf(all: Petition[], after: PageKey | null, size: number): RawPage {
  const sorted = all.sort(newestFirst);
  const rest = after ? sorted.filter((p) => beforeKey(p, after)) : sorted;
  const rows = rest.slice(0, size);
  return {
    rows,
    next: rest.length > size ? keyOf(rows[rows.length - 1]) : null,
    count: all.length,
    countExact: true,
  };
}

const SCAN_THRESHOLD = 2000;

// Counts of index ranges, kept until the petitions change: IndexedDB counts by walking the range,
// which for tens of thousands of cases costs tens of milliseconds on every page view. Any committed
// write to the petitions table (this window or another) ends the cached counts.
const countCache = new Map<string, number>();
Dexie.on('storagemutated', (parts) => {
  if (Object.keys(parts).some((k) => k.includes('/petitions/'))) countCache.clear();
});

async function rangeCount(index: string, lower: IndexableType, upper: IndexableType): Promise<number> {
  const key = `${db.name}|${index}|${JSON.stringify(lower)}|${JSON.stringify(upper)}`;
  const hit = countCache.get(key);
  if (hit !== undefined) return hit;
  const n = await db.petitions.where(index).between(lower, upper, true, true).count();
  countCache.set(key, n);
  return n;
}

const TEXT_BATCH = 200;

// Chinese full text (the phrase, normalised, must occur in the summary): the rarest of the
// phrase's bigrams leads; its postings come newest first from the *terms index (the key holds
// receivedOn and regNo), read in batches and checked against the whole phrase until a page is
// full. The count is that bigram's posting count (an upper bound unless the phrase is one bigram).
async function searchByTerms(
  textNorm: string,
  f: ListFilter,
  after: PageKey | null,
  size: number,
): Promise<RawPage | null> {
  const terms = indexTerms(textNorm, 64);
  if (!terms.length) return null;
  const counts = await Promise.all(
    terms.map((t) => {
      const [lo, hi] = termRange(t, f.from, f.to);
      return rangeCount('terms', lo, hi);
    }),
  );
  let lead = 0;
  counts.forEach((n, i) => {
    if (n < counts[lead]) lead = i;
  });
  const t = terms[lead];
  const [lower, upperFull] = termRange(t, f.from, f.to);
  let upper = after ? `${t}${TERM_SEP}${after[0]}${TERM_SEP}${after[1]}` : upperFull;
  const pred = predicate(f, new Set(), textNorm);
  const rows: Petition[] = [];
  // The first batch is one page (enough when the phrase is as rare as its rarest bigram), then larger.
  let want = size + 1;
  while (counts[lead] > 0 && rows.length <= size) {
    const batch = await db.petitions
      .where('terms')
      .between(lower, upper, true, false)
      .reverse()
      .limit(want)
      .toArray();
    for (const p of batch) if (pred(p)) rows.push(p);
    if (batch.length < want) break;
    want = TEXT_BATCH;
    const last = batch[batch.length - 1];
    upper = `${t}${TERM_SEP}${last.receivedOn}${TERM_SEP}${last.regNo}`;
  }
  const page = rows.slice(0, size);
  const exact =
    terms.length === 1 && textNorm.length === 2 && !f.state && !f.township && !f.category && !f.channel;
  return {
    rows: page,
    next: rows.length > size ? keyOf(page[page.length - 1]) : null,
    count: after ? null : counts[lead],
    countExact: exact,
  };
}

type IndexChoice = { key: keyof ListFilter | null; index: string; value: string | null };

function rangeOf(c: IndexChoice, f: ListFilter, after: PageKey | null) {
  const from = f.from || '0000-01-01';
  const to = f.to || '9999-12-31';
  const pre = c.value === null ? [] : [c.value];
  const lower = [...pre, from, Dexie.minKey];
  const upperFull = [...pre, to, Dexie.maxKey];
  const upper = after ? [...pre, after[0], after[1]] : upperFull;
  return { lower, upper, upperFull, open: !!after };
}

function collectionFor(c: IndexChoice, f: ListFilter, after: PageKey | null): Collection<Petition, string> {
  const r = rangeOf(c, f, after);
  return db.petitions.where(c.index).between(r.lower, r.upper, true, !r.open).reverse();
}

// A page of the list as the signed-in user may see it (PET-6).
export async function listPetitions(
  f: ListFilter,
  after: PageKey | null,
  opts: { pageSize?: number } = {},
): Promise<ListPage> {
  const access = await informantAccess();
  const page = await listRaw(f, after, opts.pageSize ?? PAGE_SIZE, access);
  return { ...page, rows: await shapeRows(page.rows, 'list', { access }) };
}

async function listRaw(
  f: ListFilter,
  after: PageKey | null,
  size: number,
  access: InformantAccess,
): Promise<RawPage> {
  // identity searches never find an informant case the viewer may not see (PET-6): the search
  // itself would confirm who the informant is
  const byIdentity = async (found: Petition[]) => {
    const links = await linksOf(found);
    const pred = predicate(f, new Set(), null);
    return pageOf(
      found.filter((p) => pred(p) && maySeeIdentity(access, p, links)),
      after,
      size,
    );
  };

  const regNo = clean(f.regNo);
  if (regNo) {
    const found = await db.petitions.where('regNo').startsWith(regNo).limit(500).toArray();
    return pageOf(found.filter(predicate(f, new Set(), null)), after, size);
  }
  const idNo = normIdNo(f.idNo);
  if (idNo) return byIdentity(await db.petitions.where('idNo').equals(idNo).toArray());
  const phone = normPhone(f.phone);
  if (phone) return byIdentity(await db.petitions.where('phone').equals(phone).toArray());
  const name = clean(f.name);
  if (name) return byIdentity(await db.petitions.where('name').startsWith(name).limit(5000).toArray());

  const text = clean(f.text);
  const textNorm = text ? normalizeText(text) : null;
  if (textNorm) {
    const found = await searchByTerms(textNorm, f, after, size);
    if (found) return found;
  }

  // Structured filters: the narrowest index range leads (counted from the index), the rest filter.
  const choices: IndexChoice[] = [];
  if (f.state) choices.push({ key: 'state', index: '[state+receivedOn+regNo]', value: f.state });
  if (f.township) choices.push({ key: 'township', index: '[township+receivedOn+regNo]', value: f.township });
  if (f.category) choices.push({ key: 'category', index: '[category+receivedOn+regNo]', value: f.category });
  if (f.channel) choices.push({ key: 'channel', index: '[channel+receivedOn+regNo]', value: f.channel });
  if (!choices.length) choices.push({ key: null, index: '[receivedOn+regNo]', value: null });
  if (choices.length === 1 && !textNorm) {
    // One index range and nothing else to check: the page is read straight from the index (no
    // per-row filter), and the range is counted at the same time — on the first page only; later
    // pages keep the count the screen already shows.
    const lead = choices[0];
    const r = rangeOf(lead, f, null);
    const [rows, count] = await Promise.all([
      collectionFor(lead, f, after)
        .limit(size + 1)
        .toArray(),
      after ? Promise.resolve(null) : rangeCount(lead.index, r.lower, r.upperFull),
    ]);
    const page = rows.slice(0, size);
    return {
      rows: page.filter((p) => !p.deletedAt),
      next: rows.length > size ? keyOf(page[page.length - 1]) : null,
      count,
      countExact: true,
    };
  }
  const counts = await Promise.all(
    choices.map((c) => {
      const r = rangeOf(c, f, null);
      return rangeCount(c.index, r.lower, r.upperFull);
    }),
  );
  let best = 0;
  counts.forEach((n, i) => {
    if (n < counts[best]) best = i;
  });
  const lead = choices[best];
  const others = choices.length > 1 || !!textNorm;
  const pred = predicate(f, new Set(lead.key ? [lead.key] : []), textNorm);
  const rows = await collectionFor(lead, f, after)
    .filter(pred)
    .limit(size + 1)
    .toArray();
  const page = rows.slice(0, size);
  let count = counts[best];
  let countExact = !others;
  if (!after && others && count <= SCAN_THRESHOLD && !textNorm) {
    const r = rangeOf(lead, f, null);
    count = await db.petitions
      .where(lead.index)
      .between(r.lower, r.upperFull, true, true)
      .filter(pred)
      .count();
    countExact = true;
  }
  return {
    rows: page,
    next: rows.length > size ? keyOf(page[page.length - 1]) : null,
    count: after ? null : count,
    countExact,
  };
}

// ---- duplicate check (PET-10) --------------------------------------------------------------------

export type DuplicateInput = {
  name: string;
  idNo?: string | null;
  phone?: string | null;
  summary: string;
  excludeId?: string;
};

export type DuplicateCandidate = {
  petition: ShownPetition; // masked as the viewer may see it
  // null: not compared — an informant case whose identity the viewer may not see (PET-6)
  samePetitioner: boolean | null;
  similarity: number; // 0..1
  finalAtRecheck: boolean; // concluded at 复核: same facts again → 重复信访 (PET-5)
  inHand: boolean; // accepted and within its limit (PET-10)
};

export type DuplicateOptions = {
  actor?: Actor; // whom the check is for (default: the signed-in user)
  cal?: CalendarData; // default: loadCalendar()
  today?: ISODate; // default: today()
  access?: InformantAccess; // the viewer's right, when the caller has it already (an import's thousands of rows)
  cache?: DuplicateReadCache; // reads shared by the rows of one import (registration passes none)
};

// A bigram shared by more than 1 % of 50,000 cases says little about a repeat; reading at most this
// many keys per bigram keeps the check within its budget on a disk-backed database (benchmark).
const POSTING_CAP = 500;
const MAX_QUERY_TERMS = 40;
const MAX_CONTENT_CANDIDATES = 30;

// What many checks in a row may share (an import checks thousands of rows against the same cases):
// the posting lists read by bigram and the cases read by id. Filled as the checks go; good for as
// long as the petitions do not change.
export type DuplicateReadCache = {
  postings: Map<string, string[]>;
  cases: Map<string, Petition | undefined>;
};

async function postingsOf(t: string, cache?: DuplicateReadCache): Promise<string[]> {
  const hit = cache?.postings.get(t);
  if (hit) return hit;
  const list = (await db.petitions
    .where('terms')
    .between(...termRange(t), true, true)
    .reverse()
    .limit(POSTING_CAP + 1)
    .primaryKeys()) as string[];
  cache?.postings.set(t, list);
  return list;
}

async function casesOf(ids: string[], cache?: DuplicateReadCache): Promise<(Petition | undefined)[]> {
  if (!cache) return db.petitions.bulkGet(ids);
  const missing = ids.filter((id) => !cache.cases.has(id));
  if (missing.length) (await db.petitions.bulkGet(missing)).forEach((p, i) => cache.cases.set(missing[i], p));
  return ids.map((id) => cache.cases.get(id));
}

// PET-10: registered cases of the same petitioner (name plus ID number or phone) or with similar
// content, best first, at most 10. A plain function of the candidate's fields: the registration
// form calls it, and so may an import for each row. PET-6: the viewer (opts.actor, else the
// signed-in user) is never told anything about an informant case whose identity they may not
// see — such a case is left out of the identity matching altogether and is offered only when its
// content alone is similar, masked and with samePetitioner null; a registration whose petitioner
// matches such a case becomes a 重复件待核 for those who may see it (registerTx).
export async function findDuplicates(
  input: DuplicateInput,
  opts: DuplicateOptions = {},
): Promise<DuplicateCandidate[]> {
  const [access, cal] = await Promise.all([
    opts.access ?? viewerOf(opts.actor).then(informantAccess),
    opts.cal ?? loadCalendar(),
  ]);
  const day = opts.today ?? clockToday();
  const name = clean(input.name);
  const idNo = normIdNo(input.idNo);
  const phone = normPhone(input.phone);
  const lookups: Promise<string[]>[] = [];
  if (idNo)
    lookups.push(db.petitions.where('idNo').equals(idNo).limit(200).primaryKeys() as Promise<string[]>);
  if (name && phone)
    lookups.push(
      db.petitions.where('[name+phone]').equals([name, phone]).limit(200).primaryKeys() as Promise<string[]>,
    );

  // Content: cases sharing the most distinctive bigrams (posting lists longer than the cap are
  // common words, used only when nothing rarer matched).
  const terms = indexTerms(input.summary ?? '').slice(0, MAX_QUERY_TERMS);
  const postings = await Promise.all(terms.map((t) => postingsOf(t, opts.cache)));
  const ids = new Set<string>();
  for (const list of await Promise.all(lookups)) for (const id of list) ids.add(id);
  const score = new Map<string, number>();
  const rare = postings.filter((l) => l.length <= POSTING_CAP);
  for (const list of rare.length ? rare : postings)
    for (const id of list) score.set(id, (score.get(id) ?? 0) + 1);
  const minShared = Math.max(2, Math.floor(terms.length * 0.3));
  const byContent = new Set(
    [...score]
      .filter(([, n]) => n >= Math.min(minShared, terms.length))
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CONTENT_CANDIDATES)
      .map(([id]) => id),
  );
  for (const id of byContent) ids.add(id);
  if (input.excludeId) ids.delete(input.excludeId);
  if (!ids.size) return [];

  const recs = (await casesOf([...ids], opts.cache)).filter((p): p is Petition => !!p && !p.deletedAt);
  const links = await linksOf(recs);
  const item = { petitioner: { name, idNumber: idNo, phone }, content: input.summary ?? '' };
  const nobody = { name: '' };
  const found: (Omit<DuplicateCandidate, 'petition'> & { raw: Petition })[] = [];
  for (const p of recs) {
    // PET-6: an informant case the viewer may not see is compared by its content only, and only
    // when the content search found it (not the identity look-ups)
    const hidden = !maySeeIdentity(access, p, links);
    if (hidden && !byContent.has(p.id)) continue;
    const r = hidden
      ? repeatCandidate(
          { petitioner: nobody, content: item.content },
          { petitioner: nobody, content: p.summary },
        )
      : repeatCandidate(item, {
          petitioner: { name: p.name, idNumber: p.idNo, phone: p.phone },
          content: p.summary,
        });
    if (!r.candidate) continue;
    const start = p.acceptedOn ?? (p.decision === 'accept' || p.decision === 'hand_down' ? p.sortedOn : null);
    found.push({
      raw: p,
      samePetitioner: hidden ? null : r.samePetitioner,
      similarity: r.similarity,
      finalAtRecheck: p.recheckAnsweredOn != null,
      inHand:
        !!start &&
        alreadyInHand(
          { acceptedOn: start, extensionDays: p.extensionDays ?? 0, concludedOn: p.concludedOn ?? null },
          day,
          cal,
        ),
    });
  }
  const best = found
    .sort(
      (a, b) =>
        Number(b.samePetitioner === true) - Number(a.samePetitioner === true) ||
        b.similarity - a.similarity ||
        newestFirst(a.raw, b.raw),
    )
    .slice(0, 10);
  const shown = await shapeRows(
    best.map((c) => c.raw),
    'duplicates',
    { access, links },
  );
  return best.map(({ raw: _raw, ...c }, i) => ({ ...c, petition: shown[i] }));
}

// ---- one case -----------------------------------------------------------------------------------

// One case as the signed-in user may see it (PET-6); opening it shows the identity of an informant
// case to someone who may see it, which is recorded.
export async function openCase(id: string): Promise<ShownPetition | null> {
  const p = await getLive(db.petitions, id);
  if (!p) return null;
  return (await shapeRows([p], 'case'))[0];
}

export async function caseSteps(id: string): Promise<PetitionStep[]> {
  const [steps, p] = await Promise.all([
    db.petitionSteps.where('[petitionId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
    db.petitions.get(id),
  ]);
  return shapeSteps(steps, p);
}

export async function caseAudit(id: string): Promise<AuditEntry[]> {
  return shapeAudit(await db.audit.where('[table+recordId]').equals(['petitions', id]).toArray());
}

// The 重复件 linked into a case (numbers and dates only: no petitioner is shown, PET-6).
export async function duplicatesOf(id: string): Promise<ShownPetition[]> {
  return shapeRows(await db.petitions.where('duplicateOf').equals(id).toArray(), null);
}

// 重复件待核 of a case, for a viewer who may see at least one of the informant cases its petitioner
// matches (for anyone else: null — the review itself would tell who the informant is).
export async function identityReviewOf(
  id: string,
): Promise<{ review: IdentityReview; case: ShownPetition; matches: ShownPetition[] } | null> {
  const review = (await openIdentityReviews())[id];
  if (!review) return null;
  const p = await db.petitions.get(id);
  if (!p || p.deletedAt) return null;
  const access = await informantAccess();
  const matches = await informantMatchesOf(p, access, true);
  if (!matches.length) return null;
  const [shown, ...rest] = await shapeRows([p, ...matches], 'review', { access });
  return { review, case: shown, matches: rest };
}

// ---- reception days (领导接访/约访) ------------------------------------------------------------------

export type CaseOption = { value: string; label: string };

// The picker of a reception day: the 来访 cases registered on that date, read from the
// [channel+receivedOn+regNo] index; the petitioner masked for informant cases (PET-6).
export async function visitCaseOptions(date: ISODate): Promise<CaseOption[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
  const rows = await db.petitions
    .where('[channel+receivedOn+regNo]')
    .between(['visit', date, Dexie.minKey], ['visit', date, Dexie.maxKey])
    .toArray();
  return (
    await shapeRows(
      rows.filter((p) => !p.deletedAt),
      'reception',
    )
  ).map((p) => ({ value: p.id, label: `${p.regNo} ${p.name} ${shortText(p.summary, 12)}` }));
}

// The reception days a case is linked from. A linked case is always of the day's date (checked on
// save, and receivedOn cannot be corrected), so the date index narrows the read to that day and the
// rest is filtered in JS; the table is small anyway (a few hundred rows over years), no index needed.
export async function receptionDaysOfCase(p: Pick<Petition, 'id' | 'receivedOn'>): Promise<ReceptionDay[]> {
  const days = await db.receptionDays.where('date').equals(p.receivedOn).toArray();
  return days.filter((d) => !d.deletedAt && d.petitionIds?.includes(p.id));
}

// Registration numbers of the cases linked from the listed reception days (one bulk read by id).
export async function linkedCaseNumbers(days: ReceptionDay[]): Promise<Map<string, string>> {
  const ids = [...new Set(days.flatMap((d) => d.petitionIds ?? []))];
  const rows = await db.petitions.bulkGet(ids);
  return new Map(rows.filter((p): p is Petition => !!p).map((p) => [p.id, p.regNo]));
}

function shortText(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

// ---- ledgers and statistics ---------------------------------------------------------------------

export const LETTER_CHANNELS: PetitionChannel[] = [
  'letter',
  'online',
  'governor_mailbox',
  'mayor_mailbox',
  'handed_down',
];

// The cases received in a period (of the given channels), as the signed-in user may see them:
// purpose names what they are read for when a petitioner is shown (a ledger); without it every
// informant case is masked (statistics show no petitioner).
export async function petitionsInRange(
  channels: PetitionChannel[] | null,
  from: ISODate,
  to: ISODate,
  purpose: RevealPurpose | null = null,
): Promise<ShownPetition[]> {
  let rows: Petition[];
  if (!channels) {
    rows = await db.petitions
      .where('[receivedOn+regNo]')
      .between([from, Dexie.minKey], [to, Dexie.maxKey])
      .toArray();
  } else {
    const parts = await Promise.all(
      channels.map((c) =>
        db.petitions
          .where('[channel+receivedOn+regNo]')
          .between([c, from, Dexie.minKey], [c, to, Dexie.maxKey])
          .toArray(),
      ),
    );
    rows = parts.flat();
  }
  // an export is recorded before the file is written
  return shapeRows(
    rows.filter((p) => !p.deletedAt),
    purpose,
    { awaitAudit: true },
  );
}

export function ledgerItem(
  p: ShownPetition,
  cal: CalendarData,
  settings: PetitionSettings,
): PetitionLedgerItem {
  const handling =
    p.state === 'duplicate' || p.state === 'repeat'
      ? STATE_LABELS[p.state]
      : p.decision
        ? DECISION_LABELS[p.decision]
        : '';
  const limit = completionDueOf(p, cal, settings) ?? (p.state === 'registered' ? p.dueOn : null);
  const remarks = [
    p.duplicateOf ? `并入${p.duplicateOfRegNo ?? ''}${p.duplicateNote ? `（${p.duplicateNote}）` : ''}` : '',
    p.urgent ? '重大紧急' : p.urgentDowngrade ? '已降级' : '',
    p.informantCase ? '检举揭发' : '',
    p.rejectReason ? `不予受理理由：${p.rejectReason}` : '',
    p.extensionDays ? `延期${p.extensionDays}天` : '',
    p.remarks ?? '',
  ].filter(Boolean);
  return {
    informant: p.informantCase,
    name: p.name,
    idNo: p.idNo,
    phone: p.phone,
    address: p.address,
    representatives: p.representatives,
    regNo: p.regNo,
    receivedOn: p.receivedOn,
    township: p.township,
    source:
      p.channel === 'letter'
        ? (p.letterSource ?? '来信')
        : `${CHANNEL_LABELS[p.channel]}${p.letterSource ? `（${p.letterSource}）` : ''}`,
    category: p.category,
    summary: p.summary,
    handling,
    unitName: p.unitName ?? (p.decision === 'accept' ? '本局' : ''),
    handedOn: p.handedOn ?? null,
    dueOn: limit,
    dueProvisional: limit ? deadlineProvisional(limit, cal).years : [],
    concludedOn: p.concludedOn ?? null,
    outcome: p.outcome ?? '',
    nationalNo: p.nationalNo ?? '',
    state: STATE_LABELS[p.state],
    remarks: remarks.join('；'),
    visitors: p.visitors ?? 1,
    receptionist: p.receptionistName ?? '',
  };
}

export function statsItem(p: Petition, cal: CalendarData, settings: PetitionSettings): StatsItem {
  const due = completionDueOf(p, cal, settings);
  return {
    channel: CHANNEL_LABELS[p.channel],
    category: p.category,
    township: p.township,
    outcome: p.concludedOn ? (p.outcome ?? '') : '',
    visitors: p.channel === 'visit' ? (p.visitors ?? 1) : 1,
    onTime: due && p.concludedOn ? p.concludedOn <= due : null,
  };
}

// ---- 督办 and the dashboard ---------------------------------------------------------------------

export type SupervisionRow = {
  petition: ShownPetition;
  due: ISODate;
  kind: string;
  state: 'overdue' | 'due_soon' | 'running';
};

// Cases whose next bureau deadline is overdue or due within soonDays working days (dueOn index).
// No petitioner is shown on these screens: informant cases are masked for everyone (PET-6).
export async function supervisionRows(
  cal: CalendarData,
  settings: PetitionSettings,
  today: ISODate,
  limit = 2000,
): Promise<SupervisionRow[]> {
  const horizon = addWorkdays(today, settings.soonDays, cal);
  const rows = (await db.petitions.where('dueOn').belowOrEqual(horizon).limit(limit).toArray()).filter(
    (p) => !p.deletedAt && p.dueOn,
  );
  return (await shapeRows(rows, null)).map((p) => ({
    petition: p,
    due: p.dueOn!,
    kind: p.dueKind ?? '',
    state: deadlineState(p.dueOn!, today, cal, settings.soonDays),
  }));
}

export async function urgentOpen(): Promise<ShownPetition[]> {
  return shapeRows(
    (await db.petitions.where('urgentOpen').equals(1).toArray()).filter((p) => !p.deletedAt),
    null,
  );
}

export async function directorNotices(): Promise<ShownPetition[]> {
  return shapeRows(
    (await db.petitions.where('directorNoticeOpen').equals(1).toArray()).filter((p) => !p.deletedAt),
    null,
  );
}

export async function recentUrgent(from: ISODate): Promise<ShownPetition[]> {
  const rows = await db.petitions
    .where('[receivedOn+regNo]')
    .between([from, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey])
    .filter((p) => !p.deletedAt && (p.urgent || !!p.urgentDowngrade))
    .toArray();
  return shapeRows(rows.sort(newestFirst), null);
}

export { nextDeadlineOf };
export type { ShownPetition };
