// Tables of the attendance module. Owned by that module: add types, tables and indexes here.
// Every table is listed in attendanceStores (Dexie index syntax) and typed in AttendanceTables.
import type { Table } from 'dexie';

export type AttendanceTables = Record<never, Table>;

export const attendanceStores: Record<string, string> = {};
