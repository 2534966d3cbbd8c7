// Finding people by pinyin: 刘建国 is found by ljg, liujianguo, liujg or 刘jg (and by 建国, jg …).
// pinyin-pro (~300 kB of dictionary) is loaded on demand, never in the start-up bundle: a person
// picker asks for it when it first shows. Until it has loaded, characters still match.
import { useEffect, useState } from 'react';

type Matcher = (text: string, query: string) => number[] | null;

let matcher: Matcher | null = null;
let loading: Promise<void> | null = null;

export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then(
    (m) => {
      matcher = (text, query) => m.match(text, query);
    },
    (e: unknown) => {
      loading = null; // try again next time (a chunk that failed to load)
      throw e;
    },
  );
  return loading;
}

export function pinyinReady(): boolean {
  return matcher !== null;
}

function normal(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

// Whether what was typed finds this name (or its label, e.g. 刘建国（科员）): characters anywhere,
// or the name's pinyin — full, initials or mixed with characters — once pinyin-pro has loaded.
export function pinyinMatch(query: string, name: string, label = name): boolean {
  const q = normal(query);
  if (!q) return true;
  if (normal(label).includes(q) || normal(name).includes(q)) return true;
  if (!matcher || !/[a-z]/.test(q)) return false;
  return matcher(name, q) !== null;
}

// For a component that filters by pinyin: starts loading and re-renders once it is there.
export function usePinyin(): boolean {
  const [ready, setReady] = useState(pinyinReady);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadPinyin().then(
      () => live && setReady(true),
      () => undefined, // characters still match
    );
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
