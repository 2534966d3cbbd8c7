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
};

export type SupervisionTables = {
  staffComplaints: Table<StaffComplaint, string>;
};

export const supervisionStores: Record<string, string> = {
  staffComplaints: 'id, staffId, receivedOn, status',
};
