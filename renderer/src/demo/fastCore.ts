// 载入演示数据 spends most of its time waiting: every command reads its actor, the record it changes
// and the records it checks one by one, and awaits each write, and in Chromium each of those is a round
// trip to the browser's database process. While the demo loads (and nothing else uses the database:
// the setup holds its lock), this middleware sits just above IndexedDB and
// - keeps every record read or written, so a record read again is answered from memory (a copy, as
//   IndexedDB would give),
// - keeps the answer of an index read (a query, a count) until its table changes, so the staff,
//   sections and calendar each command reads again are not read from the database again,
// - answers an index read of a table that was empty when the demo began from memory (every record
//   of it has passed through here): the next number, the records of a case, of a person, without
//   sending the writes held back and waiting for the database to read them again, and
// - holds a transaction's writes back (only the last value of each record) until the transaction reads
//   that table through an index (a query, a count) or its scope ends (onAuditFlush), then writes them
//   in one request per table without waiting; a case changed six times in one transaction is written
//   once, its dozens of index entries (the search bigrams) with it. A transaction that does not buffer
//   its audit entries sends each write at once, also without waiting. IndexedDB runs a transaction's
//   requests in order, so every later read still sees them, and it commits only when they succeeded.
// The data written are the same. A write that fails anyway aborts its transaction and is reported by
// check(), so the demo fails instead of going on without it. A transaction that aborts (a command that
// refused, caught by its generator) leaves nothing in memory, as IndexedDB rolls it back: a
// transaction's writes are kept apart until it commits.
import { cmp, Dexie, RangeSet } from 'dexie';
import type {
  DBCore,
  DBCoreIndex,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';

import { auditBuffered, bufferAudit, onAuditFlush } from '../db/audit';

type Cache = Map<string, unknown>;
const DELETED = Symbol('deleted');

// one key of a table's map: a string as itself, anything else (numbers, arrays) as JSON
const keyOf = (k: unknown): string => (typeof k === 'string' ? `s${k}` : `j${JSON.stringify(k)}`);

// A copy of a record, as IndexedDB would give: plain objects and arrays copied here (several times
// faster than structuredClone for the many small records the demo reads and writes), anything else
// (a Blob, a Date, bytes) by structuredClone.
export function copy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copy) as T;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copy((v as Record<string, unknown>)[k]);
  return out as T;
}

export type DemoCore = {
  middleware: Middleware<DBCore>;
  // the tables that were empty when the demo began: all their records pass through here
  knowWhole(tables: string[]): void;
  // runs fn with no write transaction but the first it opens (soleWriteTransaction)
  alone<T>(fn: () => Promise<T>): Promise<T>;
  // throws the first write that failed (its transaction was aborted)
  check(): void;
  // writes what a transaction held back (called at the end of its scope)
  flush(trans: IDBTransaction): Promise<void>;
};

// a write held back: the record's last value (null: deleted); add: its first write was an add
type Held = { add: boolean; value: unknown; key: unknown };

export function demoCore(): DemoCore {
  const tables = new Map<string, Cache>();
  // Tables empty when the demo began, every record of which has passed through here since (written
  // with its key): their cache, with a transaction's own writes over it, is the whole table, so an
  // index read is answered from memory, without waiting for the held-back writes to be sent and
  // read back. A table written otherwise (a key the database makes, a range deleted) leaves the set.
  const whole = new Set<string>();
  // per transaction (one that buffers its audit entries), per table: the writes held back
  const held = new WeakMap<object, Map<DBCoreTable, Map<string, Held>>>();
  let failure: Error | null = null;
  let sole: (<X>(open: () => X) => X) | null = null;
  const cacheOf = (name: string) => {
    let c = tables.get(name);
    if (!c) tables.set(name, (c = new Map()));
    return c;
  };
  // A write that failed aborts its transaction and is reported. One that failed because its
  // transaction had already finished is not: its caller hears of that end itself (aborted by a
  // refusal: the refusal; committed: Dexie's PrematureCommitError at the end of its scope).
  const fail = (trans: DBCoreTransaction, err: unknown) => {
    if (!abort(trans)) return;
    failure ??= err instanceof Error ? err : new Error(String(err));
  };
  const checked = (trans: DBCoreTransaction, name: string) => (res: DBCoreMutateResponse) => {
    if (!res.numFailures) return;
    const err = Object.values(res.failures)[0];
    if (err?.name === 'AbortError') return; // the transaction was aborted: its caller hears of it
    fail(trans, err ?? new Error(`写入 ${name} 失败`));
  };

  // Index reads (a query, a count) answered again from memory while their table has not changed:
  // each table's generation moves on every write to it and when a transaction that wrote it ends; a
  // result is kept only if its table's generation did not move while it was read, and only for a
  // transaction that has not written that table itself.
  const generation = new Map<string, number>();
  const genOf = (name: string) => generation.get(name) ?? 0;
  const moved = (name: string) => generation.set(name, genOf(name) + 1);
  const wrote = new WeakMap<object, Set<string>>();
  const noteWrite = (trans: DBCoreTransaction, name: string) => {
    moved(name);
    let mine = wrote.get(trans);
    if (!mine) wrote.set(trans, (mine = new Set()));
    mine.add(name);
  };
  const ended = (trans: object) => {
    for (const name of wrote.get(trans) ?? []) moved(name);
    wrote.delete(trans);
  };
  const answers = new Map<string, { gen: number; result: unknown }>();
  async function remembered<R>(
    trans: DBCoreTransaction,
    name: string,
    kind: string,
    req: object,
    read: () => Promise<R>,
  ): Promise<R> {
    const key = queryKey(name, kind, req);
    if (key === null || wrote.get(trans)?.has(name)) return read();
    const hit = answers.get(key);
    if (hit && hit.gen === genOf(name)) return copy(hit.result as R);
    const gen = genOf(name);
    const result = await read();
    if (genOf(name) === gen && !wrote.get(trans)?.has(name)) answers.set(key, { gen, result: copy(result) });
    return result;
  }

  // A transaction's own writes (DELETED: removed) are seen by it alone until it commits; then they
  // join what every later transaction reads. An aborted one's are dropped with it.
  const overlays = new WeakMap<object, Map<Cache, Map<string, unknown>>>();
  const overlayOf = (trans: DBCoreTransaction, cache: Cache) => {
    let mine = overlays.get(trans);
    if (!mine) overlays.set(trans, (mine = new Map()));
    let o = mine.get(cache);
    if (!o) mine.set(cache, (o = new Map()));
    return o;
  };
  const commit = (trans: object) => {
    for (const [cache, o] of overlays.get(trans) ?? []) {
      for (const [k, v] of o) {
        if (v === DELETED) cache.delete(k);
        else cache.set(k, v);
      }
    }
    overlays.delete(trans);
  };
  const lookup = (trans: DBCoreTransaction, cache: Cache, k: string): { v: unknown } | null => {
    const o = overlays.get(trans)?.get(cache);
    if (o?.has(k)) return { v: o.get(k) === DELETED ? undefined : copy(o.get(k)) };
    return cache.has(k) ? { v: copy(cache.get(k)) } : null;
  };

  // Writes what the transaction held back for one table (or all), in one request per kind.
  async function flushTable(trans: DBCoreTransaction, down: DBCoreTable, writes: Map<string, Held>) {
    if (!writes.size) return;
    const list = [...writes.values()];
    writes.clear();
    const adds = list.filter((w) => w.add && w.value !== null).map((w) => w.value);
    const puts = list.filter((w) => !w.add && w.value !== null).map((w) => w.value);
    const dels = list.filter((w) => w.value === null).map((w) => w.key);
    const out: Promise<void>[] = [];
    const run = (req: DBCoreMutateRequest) =>
      out.push(down.mutate(req).then(checked(trans, down.name), (e: unknown) => fail(trans, e)));
    if (dels.length) run({ type: 'delete', trans, keys: dels });
    if (adds.length) run({ type: 'add', trans, values: adds });
    if (puts.length) run({ type: 'put', trans, values: puts });
    await Promise.all(out);
  }
  async function flush(trans: DBCoreTransaction, only?: DBCoreTable) {
    const mine = held.get(trans);
    if (!mine) return;
    for (const [down, writes] of mine) if (!only || down === only) await flushTable(trans, down, writes);
  }

  function wrap(down: DBCoreTable): DBCoreTable {
    const cache = cacheOf(down.name);
    const pk = down.schema.primaryKey;
    // An index read over a whole table known here, as IndexedDB answers it: the records whose key
    // in the index is valid and in the range, by that key and then the primary key (reversed for
    // 'prev'), at most limit; their values or primary keys. null: not answered here (a multi-entry
    // or virtual index, a unique direction, a table not known whole).
    const fromMemory = (
      trans: DBCoreTransaction,
      index: DBCoreIndex,
      range: DBCoreKeyRange,
      opts: { values?: boolean; limit?: number; direction?: string },
    ): unknown[] | null => {
      if (range.type === 4) return []; // a range that holds no key
      if (!whole.has(down.name)) return null;
      const virtual = (index as { isVirtual?: boolean }).isVirtual;
      if (index.multiEntry || virtual || (opts.direction ?? 'next').endsWith('unique')) return null;
      const keyOf = index.isPrimaryKey ? pk.extractKey : index.extractKey;
      const pkOf = pk.extractKey;
      if (!keyOf || !pkOf) return null;
      const mine = overlays.get(trans)?.get(cache);
      const hits: { key: unknown; pk: unknown; v: unknown }[] = [];
      const consider = (v: unknown) => {
        const key: unknown = keyOf(v);
        if (validKey(key) && inRange(key, range)) hits.push({ key, pk: pkOf(v), v });
      };
      for (const [k, v] of cache) if (!mine?.has(k)) consider(v);
      if (mine) for (const v of mine.values()) if (v !== DELETED) consider(v);
      hits.sort((a, b) => cmp(a.key, b.key) || cmp(a.pk, b.pk));
      if (opts.direction === 'prev') hits.reverse();
      const limit = opts.limit === undefined || opts.limit === Infinity ? hits.length : opts.limit;
      return hits.slice(0, limit).map((h) => (opts.values ? copy(h.v) : h.pk));
    };
    const keysOf = (req: DBCoreMutateRequest): unknown[] | null => {
      if (req.type === 'delete') return req.keys;
      if (req.type !== 'add' && req.type !== 'put') return null;
      const extract = pk.extractKey;
      if (pk.autoIncrement || pk.outbound || !extract) return null;
      const keys = req.values.map((v) => extract(v));
      return keys.every((k) => k !== undefined) ? keys : null;
    };
    // writes held back in this transaction, if it buffers its audit entries (its scope then ends
    // with flush); otherwise null and writes go out at once
    const heldIn = (trans: DBCoreTransaction): Map<string, Held> | null => {
      if (!auditBuffered(trans as unknown as IDBTransaction)) return null;
      let mine = held.get(trans);
      if (!mine) held.set(trans, (mine = new Map()));
      let writes = mine.get(down);
      if (!writes) mine.set(down, (writes = new Map()));
      return writes;
    };
    return {
      ...down,
      async get(req) {
        const k = keyOf(req.key);
        const hit = lookup(req.trans, cache, k);
        if (hit) return hit.v;
        if (whole.has(down.name)) return undefined;
        await flush(req.trans, down);
        const v: unknown = await down.get(req);
        if (v !== undefined) cache.set(k, copy(v));
        return v;
      },
      async getMany(req) {
        const ks = req.keys.map(keyOf);
        const hits = ks.map((k) => lookup(req.trans, cache, k));
        if (hits.every((h) => h) || whole.has(down.name)) return hits.map((h) => h?.v);
        await flush(req.trans, down);
        const vs: unknown[] = await down.getMany(req);
        vs.forEach((v, i) => v !== undefined && cache.set(ks[i], copy(v)));
        return vs;
      },
      async query(req) {
        const known = fromMemory(req.trans, req.query.index, req.query.range, req);
        if (known) return { result: known };
        await flush(req.trans, down);
        return remembered(req.trans, down.name, 'query', req, () => down.query(req));
      },
      async openCursor(req) {
        await flush(req.trans, down);
        return down.openCursor(req);
      },
      async count(req) {
        const known = fromMemory(req.trans, req.query.index, req.query.range, {});
        if (known) return known.length;
        await flush(req.trans, down);
        return remembered(req.trans, down.name, 'count', req, () => down.count(req));
      },
      async mutate(req): Promise<DBCoreMutateResponse> {
        noteWrite(req.trans, down.name);
        const keys = keysOf(req);
        if (!keys) {
          // a range deleted, or a key the database makes (the audit trail's number): waited for
          whole.delete(down.name);
          await flush(req.trans, down);
          if (req.type === 'deleteRange') {
            cache.clear();
            overlays.get(req.trans)?.delete(cache);
          }
          return down.mutate(req);
        }
        const writes = heldIn(req.trans);
        keys.forEach((key, i) => {
          const k = keyOf(key);
          const value =
            req.type === 'delete' ? null : copy((req as { values: readonly unknown[] }).values[i]);
          overlayOf(req.trans, cache).set(k, value === null ? DELETED : value);
          if (!writes) return;
          const before = writes.get(k);
          if (before?.add && value === null) writes.delete(k);
          else writes.set(k, { add: before ? before.add : req.type === 'add', value, key });
        });
        if (!writes)
          void down.mutate(req).then(checked(req.trans, down.name), (e: unknown) => fail(req.trans, e));
        return { numFailures: 0, failures: {}, results: keys, lastResult: keys[keys.length - 1] };
      },
    };
  }

  return {
    middleware: {
      stack: 'dbcore',
      name: 'DemoCore',
      level: -2, // below Dexie's own middlewares: what is kept is what IndexedDB stores
      create: (down) => ({
        ...down,
        // listened to before Dexie's own handler, so the writes count before its caller goes on
        transaction(stores, mode, options) {
          const open = () => down.transaction(stores, mode, options);
          const t = mode === 'readwrite' && sole ? sole(open) : open();
          if (mode === 'readwrite') {
            const idb = t as unknown as IDBTransaction;
            idb.addEventListener('complete', () => {
              commit(t);
              ended(t);
            });
            idb.addEventListener('abort', () => ended(t));
          }
          return t;
        },
        table: (name) => wrap(down.table(name)),
      }),
    },
    async alone(fn) {
      let opened = false;
      const mine = <X>(open: () => X): X => {
        if (opened) throw new Error('演示数据：模块的事务之外又开了写事务');
        const t = open();
        opened = true;
        return t;
      };
      sole = mine;
      try {
        return await fn();
      } finally {
        if (sole === mine) sole = null;
      }
    },
    knowWhole(names) {
      for (const name of names) whole.add(name);
    },
    check() {
      if (failure) throw failure;
    },
    flush: (trans) => flush(trans as unknown as DBCoreTransaction),
  };
}

// Whether IndexedDB takes k as a key (a record whose index key is not one is not in that index).
function validKey(k: unknown): boolean {
  if (typeof k === 'string') return true;
  if (typeof k === 'number') return !Number.isNaN(k);
  if (k instanceof Date) return !Number.isNaN(k.getTime());
  if (Array.isArray(k)) return k.every(validKey);
  return k instanceof ArrayBuffer || ArrayBuffer.isView(k);
}

function inRange(k: unknown, r: DBCoreKeyRange): boolean {
  if (r.type === 3) return true;
  if (r.lower !== undefined) {
    const c = cmp(k, r.lower);
    if (c < 0 || (c === 0 && r.lowerOpen)) return false;
  }
  if (r.upper !== undefined) {
    const c = cmp(k, r.upper);
    if (c > 0 || (c === 0 && r.upperOpen)) return false;
  }
  return true;
}

// A read's request as text (its table, index, range, limit, order), or null when a key in it is not
// a string, a number or an array of them (then it is not remembered).
function queryKey(table: string, kind: string, req: object): string | null {
  const r = req as { query: { index: { name: string | null }; range: Record<string, unknown> } } & Record<
    string,
    unknown
  >;
  const plain = (k: unknown): boolean =>
    k === undefined || typeof k === 'string' || typeof k === 'number' || (Array.isArray(k) && k.every(plain));
  const { range, index } = r.query;
  if (!plain(range.lower) || !plain(range.upper)) return null;
  const num = (_: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v);
  return JSON.stringify(
    [
      table,
      kind,
      index.name ?? '',
      range.type,
      range.lower,
      range.upper,
      range.lowerOpen,
      range.upperOpen,
      r.limit,
      r.values,
      r.direction,
    ],
    num,
  );
}

// false: the transaction had already finished (committed or aborted)
function abort(trans: DBCoreTransaction): boolean {
  try {
    (trans as unknown as IDBTransaction).abort();
    return true;
  } catch {
    return false;
  }
}

// One module's generator in one transaction (demo.ts loadModule): while it runs, the first write
// transaction opened is that one, and any other is refused. A command that lost Dexie's zone (it
// follows native awaits only so far) would otherwise write in a transaction of its own, kept when the
// module's transaction is rolled back and the generator runs again: its records twice. Refused, it
// fails the module's run instead, and nothing of it is kept. (One whose opening failed does not
// count: Dexie opens the database again and retries it.) Bound to the demoCore in use: a demo
// abandoned midway (the window closed) leaves no guard behind for the next one.
let active: DemoCore | null = null;
export function soleWriteTransaction<T>(fn: () => Promise<T>): Promise<T> {
  return active ? active.alone(fn) : fn();
}

// Runs fn with the audit entries buffered and the database d reopened with demoCore (check: throws
// the first write that failed); afterwards d is reopened as it was. core false: buffered only.
export async function withDemoCore<T>(
  d: Dexie,
  fn: (check: () => void) => Promise<T>,
  core = true,
): Promise<T> {
  const c = demoCore();
  active = core ? c : null;
  bufferAudit(true);
  if (!core) {
    try {
      return await fn(() => undefined);
    } finally {
      bufferAudit(false);
    }
  }
  onAuditFlush(c.flush);
  d.close({ disableAutoOpen: false });
  d.use(c.middleware);
  // Dexie's own bookkeeping for live queries (the ranges each write touched, the optimistic cache of
  // watched queries) took a fifth of the demo's time; nothing watches the database while the setup
  // holds it, so it is left out meanwhile, and afterwards every table is announced as changed.
  const liveQueryOnes =
    (d as unknown as { _middlewares: { dbcore?: Middleware<DBCore>[] } })._middlewares.dbcore?.filter(
      (m) => m.name !== undefined && LIVE_QUERY_MIDDLEWARES.includes(m.name),
    ) ?? [];
  for (const m of liveQueryOnes) d.unuse({ stack: 'dbcore', name: m.name! });
  try {
    await d.open();
    const counts = await Promise.all(d.tables.map((t) => t.count()));
    c.knowWhole(d.tables.filter((t, i) => counts[i] === 0).map((t) => t.name));
    return await fn(c.check);
  } finally {
    if (active === c) active = null;
    bufferAudit(false);
    onAuditFlush(null);
    d.close({ disableAutoOpen: false });
    d.unuse({ stack: 'dbcore', name: 'DemoCore' });
    for (const m of liveQueryOnes) d.use(m);
    await d.open();
    announceAllChanged(d);
  }
}

const LIVE_QUERY_MIDDLEWARES = ['Observability', 'Cache'];

// Tells every live query (of this window or another) that each table of d changed, as Dexie does
// for a database it has just created.
function announceAllChanged(d: Dexie): void {
  const all = () => new RangeSet(-Infinity, [[[]]]);
  const parts: Record<string, RangeSet> = {};
  for (const t of d.tables) {
    const at = `idb://${d.name}/${t.name}/`;
    parts[at] = all();
    parts[`${at}:dels`] = all();
    for (const i of t.schema.indexes) if (i.name) parts[`${at}${i.name}`] = all();
  }
  Dexie.on.storagemutated.fire(parts);
}
