// Tables of the meetings and study modules (会议, 学习). Owned by those modules: add types, tables and
// indexes here. Every table is listed in meetingsStores and typed in MeetingsTables.
import type { Table } from 'dexie';

import type { ISODate } from '../../../../shared/rules';

import type { BaseRecord } from './base';

export type MeetingKind = 'director_office' | 'staff'; // 局长办公会 | 局务会

export type Meeting = BaseRecord & {
  kind: MeetingKind;
  date: ISODate;
  year: number;
  seq: number; // running per kind per year: 局长办公会 2026 第3次
  chairId: string | null;
  recorderId?: string | null;
  attendeeIds: string[];
  absences: { staffId: string; reason: string }[];
  agenda: { category: string; title: string }[];
  minutes?: string;
};

// A numbered decision of a meeting, cited by other records (TRIP-3 study trips, FIN-5 purchases).
export type MeetingDecision = BaseRecord & {
  meetingId: string;
  meetingKind: MeetingKind;
  meetingDate: ISODate;
  year: number;
  seq: number; // running per year
  number: string; // e.g. 局长办公会决定〔2026〕5号
  text: string;
  category?: string; // agenda category
  ownerId?: string | null; // who carries it out
  followUp: 'open' | 'in_progress' | 'done';
};

export type MeetingsTables = {
  meetings: Table<Meeting, string>;
  meetingDecisions: Table<MeetingDecision, string>;
};

export const meetingsStores: Record<string, string> = {
  meetings: 'id, kind, date, [kind+year]',
  meetingDecisions: 'id, meetingId, [year+seq], meetingDate, ownerId',
};
