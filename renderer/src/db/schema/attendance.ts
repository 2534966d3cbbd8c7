// Tables of the attendance and leave modules (考勤, 请假与外出). Owned by those modules.
// Every table is listed in attendanceStores (Dexie index syntax) and typed in AttendanceTables.
import type { Table } from 'dexie';

import type { MonthMarkRow } from '../../../../shared/ledgers/attendance';
import type { AttendanceMonthState, Half, HHmm, ISODate, LeaveType } from '../../../../shared/rules';

import type { BaseRecord } from './base';

// One half-day session as recorded: a sign-in time, the time of an early departure, or absence noted.
export type SessionEntry = {
  at?: HHmm | null; // signed in (ATT-1)
  leftAt?: HHmm | null; // left before the session end (ATT-4 decides whether it is 早退)
  absent?: boolean; // recorded as absent by the clerk (擅自离岗 etc., ATT-5)
  source: 'clerk' | 'self' | 'import'; // self = the 签到 button on the office PC, with the PC's clock
  byId: string;
  recordedAt?: string; // ISO timestamp of the entry
};

// A person's sign-ins of one working day (AM and PM), one record per person and date.
export type SignIn = BaseRecord & {
  staffId: string;
  date: ISODate;
  am?: SessionEntry | null;
  pm?: SessionEntry | null;
  note?: string; // why: early leave, absence, a late arrival explained
};

export type LeaveStatus = 'pending' | 'approved' | 'closed' | 'rejected' | 'withdrawn';

export type Leave = BaseRecord & {
  staffId: string;
  staffName: string;
  sectionId: string | null;
  sectionName: string;
  leaveType: LeaveType;
  startDate: ISODate;
  startHalf: Half;
  endDate: ISODate;
  endHalf: Half;
  days: number; // working days in 0.5 steps
  reason: string;
  form: 'oral' | 'written';
  ruleIds: string[]; // the rules that routed it (LV-1..4)
  afterTheFact: boolean; // LV-5 事后补办
  recordedById: string | null; // who recorded an oral request received for someone else
  recordedByName: string;
  status: LeaveStatus;
  approvalId: string | null;
  year: number;
  seq: number;
  number: string; // 请〔2026〕12号
  printedAt?: string | null; // LV-6 已打印
  printedById?: string | null;
  filedAt?: string | null; // LV-6 已存档
  filedById?: string | null;
  closedOn?: ISODate | null; // LV-7 销假
  closedById?: string | null;
  closedByName?: string;
  closedLate?: boolean;
  closeNote?: string; // the explanation of a late 销假
};

export type TripKind = 'business' | 'countryside' | 'meeting' | 'errand' | 'study';
export type TripStatus = 'pending' | 'approved' | 'reported' | 'rejected' | 'withdrawn';

export type Trip = BaseRecord & {
  staffId: string;
  staffName: string;
  sectionId: string | null;
  sectionName: string;
  tripKind: TripKind;
  destination: string;
  purpose: string;
  startDate: ISODate;
  startHalf: Half;
  endDate: ISODate;
  endHalf: Half;
  days: number; // calendar half-days / 2 (TRIP-1..3)
  allowanceDays: number; // 出差补助天数
  form: 'oral' | 'written';
  routeKind: 'approval' | 'report';
  ruleIds: string[];
  reportToCounty: boolean; // TRIP-3
  decisionId: string | null; // TRIP-3: the 局长办公会 decision
  decisionNumber: string | null;
  afterTheFact?: boolean; // asked for after the trip began: 事后补办 (TRIP-1 wants it before; LV-5)
  recordedById: string | null;
  recordedByName: string;
  status: TripStatus;
  approvalId: string | null;
  year: number;
  seq: number;
  number: string; // 外〔2026〕3号
  reportedOn?: ISODate | null; // TRIP-4
  reportToId?: string | null;
  reportToName?: string;
  reportText?: string;
  printedAt?: string | null;
};

// ATT-7: a month's flow. The snapshot is the tally as compiled and, after announcement, the
// official one; amendments replace it and keep the versions in attendanceAmendments.
export type AttendanceMonth = BaseRecord & {
  key: string; // 'YYYY-MM'
  year: number;
  month: number;
  state: AttendanceMonthState;
  approvalId: string | null;
  snapshot: MonthMarkRow[] | null;
  compiledAt?: string | null;
  compiledById?: string | null;
  compiledByName?: string;
  announcedAt?: string | null;
  announcedById?: string | null;
  announcedByName?: string;
  version: number; // 1 when announced, +1 per amendment
};

export type AttendanceAmendment = BaseRecord & {
  monthKey: string;
  reason: string;
  changes: string[]; // what was changed, in words
  before: MonthMarkRow[];
  after: MonthMarkRow[];
  byName: string;
  version: number; // the month's version after this amendment
};

export type AttendanceTables = {
  signIns: Table<SignIn, string>;
  leaves: Table<Leave, string>;
  trips: Table<Trip, string>;
  attendanceMonths: Table<AttendanceMonth, string>;
  attendanceAmendments: Table<AttendanceAmendment, string>;
};

export const attendanceStores: Record<string, string> = {
  signIns: 'id, [staffId+date], date',
  leaves: 'id, staffId, [staffId+endDate], endDate, startDate, status, [year+seq]',
  trips: 'id, staffId, [staffId+endDate], endDate, startDate, status, [year+seq]',
  attendanceMonths: 'id, &key, year',
  attendanceAmendments: 'id, monthKey',
};

// attendanceStores stays as schema version 2 declared it.
// Version 3: the leave and trip lists filtered by status read one page, newest start first.
export const attendanceStoresV3: Record<string, string> = {
  ...attendanceStores,
  leaves: 'id, staffId, [staffId+endDate], endDate, startDate, status, [year+seq], [status+startDate]',
  trips: 'id, staffId, [staffId+endDate], endDate, startDate, status, [year+seq], [status+startDate]',
};
