// Tables of integrity, assessment and supervision, duty and vehicles (廉政, 考核与监督, 值班与车辆).
// Owned by those modules: add types, tables and indexes here.
import type { Table } from 'dexie';

import type { ISODate } from '../../../../shared/rules';

import type { BaseRecord } from './base';

// SUP-3 complaints and reports about staff; PET-11 attitude complaints about a reply land here too
// (source 'petition_reply', sourceRef = the petition id) and feed ASM-3.
export type StaffComplaint = BaseRecord & {
  staffId: string;
  receivedOn: ISODate;
  source: 'petition_reply' | 'letter' | 'visit' | 'phone' | 'media' | 'other';
  sourceRef?: string | null;
  complainant?: string;
  content: string;
  kind: 'attitude' | 'discipline' | 'other';
  status: 'received' | 'investigating' | 'answered';
  handlerId?: string | null; // the designated person who receives and logs (SUP-3)
  finding?: 'substantiated' | 'unsubstantiated' | null;
  corrected?: boolean; // rude treatment corrected with an apology (ASM-3)
  mediaLevel?: null | 'county' | 'city' | 'province' | 'national'; // reported in media (ASM-3: city or higher)
  answer?: string;
  answeredOn?: ISODate | null;
  // Added by the supervision module (SUP-3): the investigation and who carried it out.
  investigation?: string;
  investigatorId?: string | null;
  answeredById?: string | null;
};

// INT-1: a gift or cash that could not be refused, registered and handed to 纪检.
export type GiftKind = 'gift' | 'cash' | 'card' | 'other';
export type Gift = BaseRecord & {
  year: number;
  receivedOn: ISODate;
  staffId: string; // who received it
  giver: string;
  description: string;
  kind: GiftKind;
  valueFen: number | null; // estimated value; null = not valued (未估价), distinct from 0
  handling?: string; // 处理方式
  status: 'registered' | 'handed_over';
  handedOverOn?: ISODate | null;
  receiverId?: string | null; // the 纪检 officer who received it
};

// ASM-1 item 8: the integrity pledge (廉政承诺书), one per person per year.
export type Pledge = BaseRecord & { staffId: string; year: number; signedOn: ISODate; note?: string };

export type AssessmentItemMark = { no: number; met: boolean; evidence: string; auto: boolean };

// ASM-1..4: one person's assessment for a year.
export type Assessment = BaseRecord & {
  year: number;
  staffId: string;
  sectionId: string | null;
  items: AssessmentItemMark[];
  itemsMet: number;
  attitude: 'none' | 'corrected' | 'media_exposed'; // ASM-3, from staffComplaints
  attitudeNote: string;
  grade: 'excellent' | 'qualified' | 'basic' | 'unqualified';
  consequence: string; // ASM-4
  status: 'draft' | 'announced';
  announcedOn?: ISODate | null;
};

// SUP-2: one exercise of power, recorded step by step; each step confirmed by its responsible person.
export type PowerStep = {
  label: string;
  responsibleId: string;
  responsibleName: string;
  note?: string;
  confirmedAt?: string | null;
  confirmedById?: string | null;
};
export type PowerRecord = BaseRecord & {
  year: number;
  seq: number;
  number: string;
  kind: string; // 行政许可、行政审批、行政奖励 ...
  title: string;
  basis: string; // 行使依据
  startedOn: ISODate;
  steps: PowerStep[]; // confirmed in order
  pendingResponsibleId: string | null; // who must confirm the next step (indexed: 'waits for me')
  status: 'open' | 'done';
  doneOn?: ISODate | null;
};

// SUP-1: the office's half-year inspection of power operation, with its written result.
export type Inspection = BaseRecord & {
  year: number;
  half: 1 | 2;
  inspectedOn: ISODate;
  inspectorIds: string[];
  scope: string;
  findings: string;
  result: string; // the written result filed (书面材料)
  rectification?: string;
};

// 值班: holiday and sensitive-period duty rosters (办公室职责 6).
export type DutyEntry = {
  date: ISODate;
  leaderId: string | null;
  staffIds: string[];
  phone: string;
  note?: string;
};
export type DutyRoster = BaseRecord & {
  title: string;
  kind: 'holiday' | 'sensitive';
  startDate: ISODate;
  endDate: ISODate;
  year: number;
  entries: DutyEntry[];
  requirements?: string;
  status: 'draft' | 'published';
};

// 车辆: vehicles and dispatch (办公室职责 7).
export type Vehicle = BaseRecord & {
  plate: string;
  model: string;
  seats: number;
  driver?: string;
  active: boolean;
};
export type VehicleTrip = BaseRecord & {
  year: number;
  seq: number;
  number: string;
  applicantId: string;
  vehicleId: string;
  destination: string;
  purpose: string;
  passengers: string;
  plannedStart: ISODate;
  plannedEnd: ISODate;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'out' | 'returned';
  approvalId?: string | null;
  departedAt?: string | null; // 'YYYY-MM-DD HH:mm'
  odometerOut?: number | null;
  returnedAt?: string | null;
  odometerIn?: number | null;
  mileage?: number | null;
  driver?: string;
};

export type SupervisionTables = {
  staffComplaints: Table<StaffComplaint, string>;
  gifts: Table<Gift, string>;
  pledges: Table<Pledge, string>;
  assessments: Table<Assessment, string>;
  powerRecords: Table<PowerRecord, string>;
  inspections: Table<Inspection, string>;
  dutyRosters: Table<DutyRoster, string>;
  vehicles: Table<Vehicle, string>;
  vehicleTrips: Table<VehicleTrip, string>;
};

export const supervisionStores: Record<string, string> = {
  staffComplaints: 'id, staffId, receivedOn, status, handlerId',
  gifts: 'id, [year+receivedOn], status, staffId',
  pledges: 'id, [year+staffId], staffId',
  assessments: 'id, [year+staffId], status',
  powerRecords: 'id, [year+seq], status, startedOn, pendingResponsibleId',
  inspections: 'id, [year+half], inspectedOn',
  dutyRosters: 'id, startDate, year',
  vehicles: 'id, plate',
  vehicleTrips: 'id, [year+seq], status, vehicleId, applicantId, plannedStart',
};
