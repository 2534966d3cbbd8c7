// Tables of the finance module. Owned by that module: add types, tables and indexes here.
// Every table is listed in financeStores (Dexie index syntax) and typed in FinanceTables.
import type { Table } from 'dexie';

export type FinanceTables = Record<never, Table>;

export const financeStores: Record<string, string> = {};
