// Helpers for the backup tests (imported by *.test.ts only).
import type { Dexie } from 'dexie';

// A Map-backed localStorage for Node, where there is none.
export function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k: string) => (m.has(k) ? m.get(k)! : null),
    key: (i: number) => [...m.keys()][i] ?? null,
    removeItem: (k: string) => void m.delete(k),
    setItem: (k: string, v: string) => void m.set(k, String(v)),
  };
}

async function plain(v: unknown): Promise<unknown> {
  if (v instanceof Blob) return { blob: v.type, bytes: Array.from(new Uint8Array(await v.arrayBuffer())) };
  if (v instanceof Date) return { date: v.toISOString() };
  if (Array.isArray(v)) return Promise.all(v.map(plain));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = await plain((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

// Every table, every record in primary-key order, Blobs turned into their bytes.
export async function dumpAll(d: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...d.tables].sort((a, b) => a.name.localeCompare(b.name))) {
    out[t.name] = (await plain(await t.orderBy(':id').toArray())) as unknown[];
  }
  return out;
}
