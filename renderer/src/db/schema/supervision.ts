// Tables of the supervision module. Owned by that module: add types, tables and indexes here.
// Every table is listed in supervisionStores (Dexie index syntax) and typed in SupervisionTables.
import type { Table } from 'dexie';

export type SupervisionTables = Record<never, Table>;

export const supervisionStores: Record<string, string> = {};
