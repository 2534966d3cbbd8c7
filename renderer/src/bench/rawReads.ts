// The baseline of a screen that reads many things (the 工作台): "the same reads done raw". While
// recording, a DBCore middleware at the very bottom of Dexie's stack (below its virtual indexes and
// caches, so it sees what reaches IndexedDB) notes every read request — table, index, key range,
// limit, direction, and for a cursor how many records were stepped over. replayRaw then issues
// exactly those reads with the browser's own IndexedDB API, all at once, each in its own read-only
// transaction: what the reads cost without Dexie, without the modules' code between them and
// without waiting for one read before the next.
import type {
  DBCore,
  DBCoreCountRequest,
  DBCoreGetManyRequest,
  DBCoreGetRequest,
  DBCoreKeyRange,
  DBCoreOpenCursorRequest,
  DBCoreQuery,
  DBCoreQueryRequest,
  DBCoreTable,
  Middleware,
} from 'dexie';
import type Dexie from 'dexie';

type RangeRead = {
  kind: 'query' | 'count' | 'cursor';
  table: string;
  index: string | null;
  range: DBCoreKeyRange;
  values: boolean;
  limit?: number;
  reverse: boolean;
  steps: number; // a cursor: how many records the caller stepped over
};
export type RawRead =
  | { kind: 'get'; table: string; key: IDBValidKey }
  | { kind: 'getMany'; table: string; keys: IDBValidKey[] }
  | RangeRead;

const NAME = 'BenchRawReads';

function rangeRead(kind: RangeRead['kind'], table: string, query: DBCoreQuery, values: boolean): RangeRead {
  const { index, range } = query;
  return {
    kind,
    table,
    index: index.isPrimaryKey ? null : index.name,
    range,
    values,
    reverse: false,
    steps: 0,
  };
}

export function readRecorder(): {
  middleware: Middleware<DBCore>;
  reads: RawRead[];
  on: (v: boolean) => void;
} {
  const reads: RawRead[] = [];
  let recording = false;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: NAME,
    level: -100,
    create: (down) => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        return {
          ...t,
          get(req: DBCoreGetRequest) {
            if (recording) reads.push({ kind: 'get', table: name, key: req.key as IDBValidKey });
            return t.get(req);
          },
          getMany(req: DBCoreGetManyRequest) {
            if (recording)
              reads.push({ kind: 'getMany', table: name, keys: [...(req.keys as IDBValidKey[])] });
            return t.getMany(req);
          },
          query(req: DBCoreQueryRequest) {
            if (recording)
              reads.push({
                ...rangeRead('query', name, req.query, !!req.values),
                limit: req.limit,
                reverse: req.direction === 'prev' || req.direction === 'prevunique',
              });
            return t.query(req);
          },
          count(req: DBCoreCountRequest) {
            if (recording) reads.push(rangeRead('count', name, req.query, false));
            return t.count(req);
          },
          async openCursor(req: DBCoreOpenCursorRequest) {
            const cursor = await t.openCursor(req);
            if (!recording || !cursor) return cursor;
            const read: RangeRead = {
              ...rangeRead('cursor', name, req.query, !!req.values),
              reverse: !!req.reverse,
            };
            reads.push(read);
            const start = cursor.start.bind(cursor);
            cursor.start = (onNext: () => void) =>
              start(() => {
                read.steps++;
                onNext();
              });
            return cursor;
          },
        };
      },
    }),
  };
  return {
    middleware,
    reads,
    on: (v) => {
      recording = v;
    },
  };
}

// Runs fn with database d reopened under the recorder; returns what fn returned and the reads it made.
export async function recordReads<T>(d: Dexie, fn: () => Promise<T>): Promise<[T, RawRead[]]> {
  const r = readRecorder();
  d.close({ disableAutoOpen: false });
  d.use(r.middleware);
  try {
    await d.open();
    r.on(true);
    const out = await fn();
    r.on(false);
    return [out, r.reads];
  } finally {
    d.close({ disableAutoOpen: false });
    d.unuse({ stack: 'dbcore', name: NAME });
    await d.open();
  }
}

function keyRange(r: DBCoreKeyRange): IDBKeyRange | undefined {
  // DBCoreRangeType: 1 equal, 2 range, 3 any
  if (r.type === 3) return undefined;
  if (r.type === 1) return IDBKeyRange.only(r.lower);
  if (r.lower === undefined && r.upper === undefined) return undefined;
  if (r.lower === undefined) return IDBKeyRange.upperBound(r.upper, !!r.upperOpen);
  if (r.upper === undefined) return IDBKeyRange.lowerBound(r.lower, !!r.lowerOpen);
  return IDBKeyRange.bound(r.lower, r.upper, !!r.lowerOpen, !!r.upperOpen);
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

function walk(source: IDBObjectStore | IDBIndex, read: RangeRead) {
  const want = read.kind === 'cursor' ? read.steps : (read.limit ?? Infinity);
  const req = read.values
    ? source.openCursor(keyRange(read.range), read.reverse ? 'prev' : 'next')
    : source.openKeyCursor(keyRange(read.range), read.reverse ? 'prev' : 'next');
  return new Promise<number>((ok, fail) => {
    let n = 0;
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const c = req.result;
      if (!c || n >= want) return ok(n);
      n++;
      c.continue();
    };
  });
}

async function replayOne(idb: IDBDatabase, read: RawRead): Promise<unknown> {
  const store = idb.transaction(read.table, 'readonly').objectStore(read.table);
  if (read.kind === 'get') return done(store.get(read.key));
  if (read.kind === 'getMany') return Promise.all(read.keys.map((k) => done(store.get(k))));
  const source = read.index ? store.index(read.index) : store;
  if (read.range.type === 4) return [];
  if (read.kind === 'count') return done(source.count(keyRange(read.range)));
  const limit = read.limit !== undefined && Number.isFinite(read.limit) ? read.limit : undefined;
  // Newest first in one request where the browser has getAll's options (IndexedDB 3, as Dexie uses it).
  if (read.kind === 'query' && read.reverse && 'getAllRecords' in store) {
    const options = {
      query: keyRange(read.range),
      count: limit,
      direction: 'prev',
    } as unknown as IDBKeyRange;
    return done(read.values ? source.getAll(options) : source.getAllKeys(options));
  }
  if (read.kind === 'cursor' || read.reverse) return walk(source, read);
  return read.values
    ? done(source.getAll(keyRange(read.range), limit))
    : done(source.getAllKeys(keyRange(read.range), limit));
}

// The recorded reads, issued raw and all at once. idb: the database opened with indexedDB.open.
export function replayRaw(idb: IDBDatabase, reads: readonly RawRead[]): Promise<unknown[]> {
  return Promise.all(reads.map((r) => replayOne(idb, r)));
}

export function openRaw(name: string): Promise<IDBDatabase> {
  return done(indexedDB.open(name));
}

// The least IndexedDB takes to write `n` records at all: empty records ({ id } only, keys in order)
// into a fresh store without an index, 5,000 a transaction, relaxed durability — the floor under any
// restore of that many records, whatever it writes.
export async function rawWriteFloor(n: number): Promise<number> {
  const name = `bench-floor-${Date.now()}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('t', { keyPath: 'id' });
  const idb = await done(open);
  const t0 = performance.now();
  for (let i = 0; i < n; i += 5000) {
    const tx = idb.transaction('t', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('t');
    for (let j = i; j < Math.min(n, i + 5000); j++) store.put({ id: j });
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
  }
  const ms = performance.now() - t0;
  idb.close();
  await done(indexedDB.deleteDatabase(name));
  return ms;
}
