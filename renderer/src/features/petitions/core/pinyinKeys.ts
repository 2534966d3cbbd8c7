// The petitioner's name spelt in pinyin for the nameKeys index (text.ts builds the keys). This file
// imports pinyin-pro (~300 kB of dictionary) and is itself only ever imported on demand
// (loadPinyinKeys, nameSearch.ts): it never enters the start-up bundle.
import { pinyin } from 'pinyin-pro';

import { namePrefixesFrom, nameKeysFrom } from './text';
import type { Syllable } from './text';

// A name's first character is read as a surname (单 shan, 曾 zeng, 解 xie); ü is spelt v.
function syllables(text: string): Syllable[] {
  return pinyin(text, { type: 'all', toneType: 'none', surname: 'head', nonZh: 'consecutive', v: true }).map(
    (x) => ({ spelt: x.isZh ? x.pinyin : x.origin, zh: x.isZh }),
  );
}

// What a petition with this name holds in nameKeys.
export function petitionNameKeys(name: string): string[] {
  return nameKeysFrom(name, syllables((name ?? '').normalize('NFKC')));
}

// The nameKeys prefixes a typed term of letters mixed with characters looks for (张s → zhangs, zs).
export function nameTermPrefixes(term: string): string[] {
  return namePrefixesFrom(syllables(term.normalize('NFKC')));
}
