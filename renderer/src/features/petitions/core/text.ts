// The content index of PET-10 and of full-text search: character bigrams of a summary, normalised
// as shared/rules' textSimilarity normalises (NFKC, lower case, CJK letters and digits only).
// Only distinctive bigrams are indexed: very common petition words (反映, 问题, 要求 ...) would
// make every posting list huge and tell nothing apart; the rest are indexed, at most MAX_TERMS per
// case (a summary longer than that is indexed by its beginning, which carries the matter).

export const MAX_TERMS = 128;

// Bigrams so common in petitions that they are not indexed (a search on them falls back to a scan
// of the newest cases, which finds matches quickly precisely because they are common).
export const STOP_BIGRAMS: ReadonlySet<string> = new Set([
  '反映',
  '问题',
  '要求',
  '请求',
  '信访',
  '有关',
  '部门',
  '解决',
  '处理',
  '我们',
  '他们',
  '一个',
  '没有',
  '政府',
  '情况',
  '群众',
  '本人',
  '相关',
  '进行',
  '工作',
  '希望',
  '至今',
  '以来',
  '已经',
  '领导',
  '县里',
  '我的',
  '我家',
  '因为',
  '但是',
  '现在',
  '今年',
  '去年',
  '多次',
  '给予',
  '予以',
]);

export function normalizeText(s: string): string {
  return Array.from((s ?? '').normalize('NFKC').toLowerCase())
    .filter((ch) => /[\u3400-\u4dbf\u4e00-\u9fffa-z0-9]/.test(ch))
    .join('');
}

export function bigrams(normalized: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < normalized.length - 1; i++) out.push(normalized.slice(i, i + 2));
  return out;
}

// The distinct, distinctive bigrams of a text, in order of first appearance.
export function indexTerms(text: string, max = MAX_TERMS): string[] {
  const seen = new Set<string>();
  for (const g of bigrams(normalizeText(text))) {
    if (STOP_BIGRAMS.has(g) || seen.has(g)) continue;
    seen.add(g);
    if (seen.size >= max) break;
  }
  return [...seen];
}

// What the multiEntry *terms index holds: each bigram followed by the case's receivedOn and
// regNo, so one bigram's postings come out newest first (and page by key) straight from the index.
export const TERM_SEP = '|';

export function termKeys(summary: string, receivedOn: string, regNo: string): string[] {
  return indexTerms(summary).map((g) => `${g}${TERM_SEP}${receivedOn}${TERM_SEP}${regNo}`);
}

// The index range of one bigram's postings, optionally limited to a period.
export function termRange(bigram: string, from?: string | null, to?: string | null): [string, string] {
  return [`${bigram}${TERM_SEP}${from ?? ''}`, `${bigram}${TERM_SEP}${to ?? ''}${TERM_SEP}\uffff`];
}
