// Tables of the documents module. Owned by that module: add types, tables and indexes here.
// Every table is listed in documentsStores (Dexie index syntax) and typed in DocumentsTables.
import type { Table } from 'dexie';

export type DocumentsTables = Record<never, Table>;

export const documentsStores: Record<string, string> = {};
