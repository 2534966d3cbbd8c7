// Replication between several PCs (sync/): the outbox that commands fill in their own transaction
// and this PC's own sync state. Machinery, not records: neither is audited nor replicated.
import type { Table } from 'dexie';

// One changed record, written by the command that changed it (db/command.ts), sent by the pump.
export type OutboxRow = {
  seq?: number;
  key: string; // `${table}:${id}`, the PouchDB document's _id
  table: string;
  id: string;
  rec: unknown; // the record after the change
};

// This PC's sync state: its id, the changes checkpoint, the hub password (not audited).
export type SyncStateRow = { id: string; value: unknown };

export type SyncTables = {
  syncOutbox: Table<OutboxRow, number>;
  syncState: Table<SyncStateRow, string>;
};

// Version 5 (several PCs): only the new tables; the others carry over from the versions before.
export const syncStoresV5 = {
  syncOutbox: '++seq, key',
  syncState: 'id',
};
