// Tables of the meetings and study modules (会议, 学习). Owned by those modules: add types, tables and
// indexes here. Every table is listed in meetingsStores and typed in MeetingsTables.
// Contract: `meetings` and `meetingDecisions` are read by other modules (TRIP-3 study trips, FIN-5
// purchases cite a decision by its id); their fields are never renamed or removed, only added.
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
  location?: string;
  observerNames?: string; // 列席人员 (free text: people from outside may sit in)
};

// A numbered decision of a meeting, cited by other records (TRIP-3 study trips, FIN-5 purchases).
export type MeetingDecision = BaseRecord & {
  meetingId: string;
  meetingKind: MeetingKind;
  meetingDate: ISODate;
  year: number;
  seq: number; // running per year (per meeting kind: 局长办公会决定 and 局务会决定 count separately)
  number: string; // e.g. 局长办公会决定〔2026〕5号
  text: string;
  category?: string; // agenda category
  ownerId?: string | null; // who carries it out
  followUp: 'open' | 'in_progress' | 'done';
  dueDate?: ISODate | null; // when it should be carried out (optional)
  followUpNote?: string; // 落实情况
  doneOn?: ISODate | null;
};

// MTG-3: a section's monthly report (this month's work, next month's plan), due before the 28th.
export type SectionReport = BaseRecord & {
  sectionId: string;
  year: number;
  month: number; // 1..12
  submittedOn: ISODate;
  reporterId: string | null;
  workSummary: string;
  nextPlan: string;
};

// STU-1 Friday collective study; STU-2 the study group's (学习中心组) monthly meeting.
export type StudySessionKind = 'friday' | 'group';
export type StudySession = BaseRecord & {
  kind: StudySessionKind;
  date: ISODate;
  year: number;
  topic: string;
  speaker?: string;
  attendeeIds: string[];
  absences: { staffId: string; reason: string }[];
};

// STU-3: the office's quarterly check of one person's study notes.
export type NotesCheckResult = 'good' | 'adequate' | 'insufficient' | 'missing';
export type NotesCheck = BaseRecord & {
  staffId: string;
  year: number;
  quarter: number; // 1..4
  checkedOn: ISODate;
  checkerId: string | null;
  collective: NotesCheckResult; // 集中学习记录
  selfStudy: NotesCheckResult; // 自学记录
  remark?: string;
};

// STU-4: a study reflection (学习心得) or paper (论文) written by one person in a year.
export type StudyPaperKind = 'reflection' | 'paper';
export type StudyPaper = BaseRecord & {
  staffId: string;
  year: number;
  writtenOn: ISODate;
  kind: StudyPaperKind;
  title: string;
  publishedIn?: string;
};

// STU-5: tuition (2/3 reimbursed) and public-selection exam costs. Amounts in integer fen.
// Contract: the finance module reads this table and turns 'submitted' claims into expense claims
// (status 'claimed', expenseId set), then 'paid'.
export type TuitionClaimKind = 'tuition' | 'exam';
export type TuitionClaimStatus = 'submitted' | 'claimed' | 'paid';
export type TuitionClaim = BaseRecord & {
  staffId: string;
  kind: TuitionClaimKind;
  description: string;
  paidFen: number; // what the person paid
  reimbursableFen: number; // tuition: tuitionReimbursement(paidFen); exam: paidFen
  status: TuitionClaimStatus;
  expenseId?: string;
  submittedOn?: ISODate;
  degree?: string; // tuition: 本科 / 硕士研究生 ...
};

export type MeetingsTables = {
  meetings: Table<Meeting, string>;
  meetingDecisions: Table<MeetingDecision, string>;
  sectionReports: Table<SectionReport, string>;
  studySessions: Table<StudySession, string>;
  notesChecks: Table<NotesCheck, string>;
  studyPapers: Table<StudyPaper, string>;
  tuitionClaims: Table<TuitionClaim, string>;
};

export const meetingsStores: Record<string, string> = {
  meetings: 'id, kind, date, [kind+year]',
  meetingDecisions:
    'id, meetingId, [year+seq], meetingDate, ownerId, [meetingKind+year], [meetingKind+meetingDate]',
  sectionReports: 'id, [year+month], [sectionId+year+month]',
  studySessions: 'id, date, [kind+date], [kind+year]',
  notesChecks: 'id, [year+quarter], [staffId+year]',
  studyPapers: 'id, year, staffId',
  tuitionClaims: 'id, staffId, status',
};

// meetingsStores stays as schema version 2 declared it.
// Version 3: a person's decisions of one year (the assessment's item 2).
export const meetingsStoresV3: Record<string, string> = {
  ...meetingsStores,
  meetingDecisions:
    'id, meetingId, [year+seq], meetingDate, ownerId, [meetingKind+year], [meetingKind+meetingDate], [ownerId+year]',
};
