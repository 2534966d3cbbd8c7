// Tables of the meetings module. Owned by that module: add types, tables and indexes here.
// Every table is listed in meetingsStores (Dexie index syntax) and typed in MeetingsTables.
import type { Table } from 'dexie';

export type MeetingsTables = Record<never, Table>;

export const meetingsStores: Record<string, string> = {};
