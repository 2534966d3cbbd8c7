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

// ---- the petitioner's name by pinyin (the 姓名 search) -----------------------------------------
// The multiEntry nameKeys index holds, lower case, the name itself and its pinyin spelt every way
// a clerk types it: initials (张三丰 → zsf), full (zhangsanfeng) and full for the first syllables
// then initials (zhangsf, zhangsanf); ü is spelt v (吕 → lv) and also u. A typed term is matched
// as a prefix of a key. The syllables come from pinyin-pro (core/pinyinKeys.ts, loaded on demand);
// what is built from them is here, pure.

// The name or a typed term as the keys hold it: NFKC (full-width letters), lower case, only CJK
// letters, latin letters and digits (spaces and the · of 阿卜杜·热合曼 dropped).
export function normalizeName(s: string): string {
  return normalizeText(s);
}

export const hasLatin = (s: string): boolean => /[a-z]/.test(s);
export const hasHanzi = (s: string): boolean => /[\u3400-\u4dbf\u4e00-\u9fff]/.test(s);

// Longest name whose mixed spellings are all indexed (a longer one keeps name, full and initials).
const MIXED_MAX = 8;

function spellings(syl: string[], into: Set<string>) {
  if (!syl.length) return;
  const n = syl.length;
  into.add(syl.join(''));
  for (let k = 0; k < n && (k === 0 || n <= MIXED_MAX); k++)
    into.add(
      syl.slice(0, k).join('') +
        syl
          .slice(k)
          .map((s) => s[0])
          .join(''),
    );
}

// The keys of a name from its syllables as pinyin-pro gives them.
export function nameKeysFrom(name: string, syllables: Syllable[]): string[] {
  const norm = normalizeName(name);
  const syl = syllables.map((s) => ({ spelt: normalizeName(s.spelt), zh: s.zh })).filter((s) => s.spelt);
  const keys = new Set<string>();
  if (norm) keys.add(norm);
  spellings(
    syl.map((s) => s.spelt),
    keys,
  );
  if (syl.some((s) => s.zh && s.spelt.includes('v')))
    spellings(
      syl.map((s) => (s.zh ? s.spelt.replace(/v/g, 'u') : s.spelt)),
      keys,
    );
  return [...keys];
}

// One character's spelling (zh) or a run of other letters or digits, as pinyin-pro gives them.
export type Syllable = { spelt: string; zh: boolean };

// The index prefixes of a typed term that mixes latin letters and characters (张s, 刘jg, zhang三):
// the characters spelt full, and spelt by their initials.
export function namePrefixesFrom(term: Syllable[]): string[] {
  const syl = term.map((s) => ({ spelt: normalizeName(s.spelt), zh: s.zh })).filter((s) => s.spelt);
  const full = syl.map((s) => s.spelt).join('');
  const initials = syl.map((s) => (s.zh ? s.spelt[0] : s.spelt)).join('');
  return [...new Set([full, initials].filter(Boolean))];
}
