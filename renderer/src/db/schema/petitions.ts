// Tables of the petitions module. Owned by that module: add types, tables and indexes here.
// Every table is listed in petitionsStores (Dexie index syntax) and typed in PetitionsTables.
import type { Table } from 'dexie';

export type PetitionsTables = Record<never, Table>;

export const petitionsStores: Record<string, string> = {};
