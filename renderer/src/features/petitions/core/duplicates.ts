// PET-10: the duplicate check at registration and import (name, ID number, phone, and the same
// matter told in other words through the bigram index). Every petition leaves through shapeRows (PET-6).

import { alreadyInHand, repeatCandidate } from '../../../../../shared/rules';
import type { CalendarData, ISODate } from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { today as clockToday } from '../../../db/clock';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import type { Actor } from '../../../db/repo';
import type { Petition } from '../../../db/schema/petitions';

import { informantAccess, linksOf, maySeeIdentity, shapeRows, viewerOf } from './informant';
import type { InformantAccess, ShownPetition } from './informant';
import { clean, newestFirst } from './rows';
import { indexTerms, termRange } from './text';
import { normIdNo, normPhone } from './validate';

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

// Bigrams found common (more than POSTING_CAP cases) in this session. A posting list grows — cases
// are never removed; only a corrected summary moves one case out of a list, which leaves a common
// list at the cap at worst — so a bigram once common stays common, and the next checks
// need not read its list again (each such read is POSTING_CAP keys; a letter's summary has a
// handful of them). Read again only when no rarer bigram matched (the fallback below). Kept per
// database: a restore or a test switches to another.
const commonByDb = new WeakMap<object, Set<string>>();
function commonTerms(): Set<string> {
  let set = commonByDb.get(db);
  if (!set) commonByDb.set(db, (set = new Set()));
  return set;
}

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
  if (list.length > POSTING_CAP) commonTerms().add(t);
  return list;
}

// The posting lists of a summary's bigrams: the rare ones (at most POSTING_CAP cases each), or,
// when none is rare, the common ones (their newest POSTING_CAP + 1 cases).
async function contentPostings(terms: string[], cache?: DuplicateReadCache): Promise<string[][]> {
  const common = commonTerms();
  const unknown = terms.filter((t) => !common.has(t));
  const lists = await Promise.all(unknown.map((t) => postingsOf(t, cache)));
  const rare = lists.filter((l) => l.length <= POSTING_CAP);
  if (rare.length) return rare;
  const known = terms.filter((t) => common.has(t) && !unknown.includes(t));
  return [...lists, ...(await Promise.all(known.map((t) => postingsOf(t, cache))))];
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
  const postings = await contentPostings(terms, opts.cache);
  const ids = new Set<string>();
  for (const list of await Promise.all(lookups)) for (const id of list) ids.add(id);
  const score = new Map<string, number>();
  for (const list of postings) for (const id of list) score.set(id, (score.get(id) ?? 0) + 1);
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

  const recs = (await casesOf([...ids], opts.cache)).filter((p): p is Petition => !!p && isLive(p));
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
