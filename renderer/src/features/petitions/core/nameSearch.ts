// The pinyin of petitioners' names (the 姓名 search), loaded on demand: pinyinKeys.ts and pinyin-pro
// come in with the first write of a name (loadCtx), the first search of a term mixing letters and
// characters, or the schema upgrade that fills the keys (db/migrations/0030). Once loaded, the
// keys are computed synchronously — inside a write's transaction, which may await nothing else.
import type * as pinyinKeys from './pinyinKeys';

export type PinyinKeys = typeof pinyinKeys;

let loading: Promise<PinyinKeys> | null = null;

export function loadPinyinKeys(): Promise<PinyinKeys> {
  loading ??= import('./pinyinKeys').catch((e: unknown) => {
    loading = null; // a chunk that failed to load: try again next time
    throw e;
  });
  return loading;
}
