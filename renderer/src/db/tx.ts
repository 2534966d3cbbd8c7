// The write transaction this code runs in, if any. Dexie.currentTransaction alone is not enough:
// after an await of a read made outside any transaction, Dexie's zone can still name that read's
// finished transaction (seen in Chromium: an approval decided right after reading the request was
// taken as nested in another write, so its changes never reached the 多机同步 outbox). Only a live
// read-write transaction counts.
import Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';

import { db } from './db';

export function outerWriteTransaction(): Transaction | null {
  const t = Dexie.currentTransaction;
  return t && t.active && t.mode === 'readwrite' ? t : null;
}

// Whether this code runs inside a live query (useLiveQuery): Dexie's zone then holds what the query
// has read so far (its `subscr`), which is what the query watches. Dexie has no public way to ask.
export function inLiveQuery(): boolean {
  return !!(Dexie.Promise as unknown as { PSD?: { subscr?: unknown } }).PSD?.subscr;
}

// Runs read in one read-only transaction over the tables (its reads see one state of the database)
// and answers as soon as they are back: a read-only transaction has nothing to commit, so its
// answer need not wait for the transaction's complete event, as db.transaction's does (one more
// round trip to IndexedDB, after every read is done).
export function readTx<T>(tables: Table[], read: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    db.transaction('r', tables, () => read().then(resolve)).catch(reject);
  });
}
