// What is kept in memory from the database (a count, a user's access) is forgotten when a table it
// came from changes: any committed write, from this window or another (Dexie's storagemutated), to
// one of the named tables.
import Dexie from 'dexie';

/** The table a storagemutated part names: `idb://xinfang/staff/name` → `staff`. */
export function tableOfPart(part: string): string {
  return part.split('/')[3] ?? '';
}

/** Calls `forget` after each committed write to one of `tables`; returns the unsubscribe. */
export function onTablesChanged(tables: readonly string[], forget: () => void): () => void {
  const watched = new Set(tables);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => watched.has(tableOfPart(k)))) forget();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
