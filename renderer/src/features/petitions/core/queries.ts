// Reads of the petitions module. Every list uses an index and keyset paging (50 a page, the last
// row's [receivedOn, regNo] is the key of the next page); counts come from index ranges; full text
// goes through the *terms bigram index. Every petition leaves this file through shapeRows
// (informant.ts, PET-6): masked as the signed-in user may see it, decided here from the session,
// not by the screen, and every informant's identity shown is written to the audit trail.
import Dexie from 'dexie';
import type { Collection, IndexableType } from 'dexie';

import type { ISODate } from '../../../../../shared/rules';
import { onTablesChanged } from '../../../db/changes';
import { db } from '../../../db/db';
import { isDeleted, isLive } from '../../../db/live';
import type { Petition, PetitionChannel, PetitionState } from '../../../db/schema/petitions';

import { nextDeadlineOf } from './deadlines';
import { informantAccess, linksOf, maySeeIdentity, shapeRows } from './informant';
import type { InformantAccess, ShownPetition } from './informant';
import { loadPinyinKeys } from './nameSearch';
import { clean, newestFirst } from './rows';
import { hasHanzi, hasLatin, indexTerms, normalizeName, normalizeText, TERM_SEP, termRange } from './text';
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
const beforeKey = (p: Petition, k: PageKey) =>
  p.receivedOn < k[0] || (p.receivedOn === k[0] && p.regNo < k[1]);

// Filters applied in memory (after an index chose the candidates).
function predicate(f: ListFilter, skip: Set<keyof ListFilter>, textNorm: string | null) {
  return (p: Petition) => {
    if (isDeleted(p)) return false;
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
onTablesChanged(['petitions'], () => countCache.clear());

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

const NAME_LIMIT = 5000;

// The 姓名 search: characters are a prefix of the name (the name index); a term with latin letters
// is a prefix of one of the name's pinyin keys (*nameKeys: zs, zhangsan, zhang san, zhangs), and
// mixed with characters (张s, 刘jg) it is spelt in pinyin first — pinyin-pro is loaded for that
// (wrapped in Promise.resolve: inside a live query, Dexie then keeps watching the reads after it)
// — and the characters typed must be in the name, those typed first at its start (张s finds 张三,
// not 章松; zhang三 finds 张三, not 章松).
async function byName(name: string): Promise<Petition[]> {
  const term = normalizeName(name);
  if (!hasLatin(term)) return db.petitions.where('name').startsWith(name).limit(NAME_LIMIT).toArray();
  const mixed = hasHanzi(term);
  const prefixes = mixed ? (await Promise.resolve(loadPinyinKeys())).nameTermPrefixes(term) : [term];
  const found = await db.petitions.where('nameKeys').startsWithAnyOf(prefixes).limit(NAME_LIMIT).toArray();
  const chars = [...term].filter(hasHanzi);
  const lead = term.slice(0, term.search(/[a-z0-9]/));
  const fits = (n: string) => n.startsWith(lead) && chars.every((c) => n.includes(c));
  const byId = new Map<string, Petition>();
  for (const p of found) if (!mixed || fits(normalizeName(p.name))) byId.set(p.id, p);
  return [...byId.values()];
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
  // who may see what is read while the page is (only an identity search needs it first)
  const access = informantAccess();
  access.catch(() => undefined); // a failure is met where it is awaited
  const page = await listRaw(f, after, opts.pageSize ?? PAGE_SIZE, access);
  return { ...page, rows: await shapeRows(page.rows, 'list', { access: await access }) };
}

async function listRaw(
  f: ListFilter,
  after: PageKey | null,
  size: number,
  access: Promise<InformantAccess>,
): Promise<RawPage> {
  // identity searches never find an informant case the viewer may not see (PET-6): the search
  // itself would confirm who the informant is
  const byIdentity = async (found: Petition[]) => {
    const [links, a] = await Promise.all([linksOf(found), access]);
    const pred = predicate(f, new Set(), null);
    return pageOf(
      found.filter((p) => pred(p) && maySeeIdentity(a, p, links)),
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
  if (name) return byIdentity(await byName(name));

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
      rows: page.filter(isLive),
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

export * from './caseQueries';
export * from './duplicates';
export * from './reports';
export { nextDeadlineOf };
export type { ShownPetition };
