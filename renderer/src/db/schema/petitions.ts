// Tables of the petitions module (信访). Owned by that module: add types, tables and indexes here.
// Every table is listed in petitionsStores (Dexie index syntax) and typed in PetitionsTables.
//
// Indexes serve the screens, never a scan of all petitions (tens of thousands of cases):
// - the list pages with keyset paging on [receivedOn+regNo] (or [<filter>+receivedOn+regNo]);
// - ledgers read a period of one channel from [channel+receivedOn+regNo];
// - the duplicate check (PET-10) reads idNo, phone, [name+phone] and the multiEntry *terms index
//   (distinctive character bigrams of the summary, kept in step on every write of the record);
// - the 姓名 search reads name (characters) and, from version 4, the multiEntry *nameKeys index (the
//   name's pinyin, full, initials and mixed, kept in step on every write of the name);
// - 督办 and SUP-4 read dueOn (the next deadline the bureau owes; null = nothing running, so
//   closed cases are not in that index at all); the dashboard reads urgentOpen / directorNoticeOpen.
import type { Table } from 'dexie';

import type { ISODate, PetitionStage, SortDecision } from '../../../../shared/rules';

import type { BaseRecord } from './base';

export type PetitionChannel =
  'letter' | 'visit' | 'online' | 'governor_mailbox' | 'mayor_mailbox' | 'handed_down';

// PET-4: 申诉求决类 has the 60-day limit; the others follow their own procedures (settings).
export type PetitionNature = 'claim' | 'suggestion' | 'accusation';

export type PetitionState =
  | 'registered' // 待分类处理 (PET-2 clock running)
  | 'forwarded' // 已转送
  | 'handed_down' // 已交办
  | 'accepted' // 已受理（本机关办理）
  | 'reported_up' // 已上报
  | 'rejected' // 不予受理
  | 'concluded' // 已办结
  | 'review' // 复查中
  | 'recheck' // 复核中
  | 'archived' // 已归档
  | 'duplicate' // 重复件（并入已有案件）
  | 'repeat'; // 重复信访（复核终结后同一事实和理由再次提出，不再受理，PET-5）

export type Representative = { name: string; idNo?: string | null; phone?: string | null };

// PET-13
export type PetitionRecusal = {
  staffId: string;
  staffName: string;
  reason: 'self' | 'relative' | 'interest';
  note?: string;
  on: ISODate;
};

export type UrgentReport = {
  at: string;
  recipients: string[];
  byId: string;
  byName: string;
  note?: string;
  delayReason?: string;
};
export type UrgentDowngrade = { at: string; reason: string; byId: string; byName: string };

export type Petition = BaseRecord & {
  // PET-1: running number per series per year, e.g. 宁信来〔2026〕0001
  regNo: string;
  series: string; // numbering series: letter | visit | online | handed | import
  year: number;
  seq: number;
  channel: PetitionChannel;
  receivedOn: ISODate;
  letterSource?: string | null; // 信件来源 (letters) / 信箱名称 / 交办机关
  upstreamNo?: string | null; // number given by the body that handed it down or the mailbox
  // petitioner
  name: string;
  idNo: string | null;
  phone: string | null;
  address: string;
  township: string;
  // matter
  category: string; // 问题类别 (also the subject of the responsible-unit table, PET-8)
  nature: PetitionNature;
  summary: string;
  terms: string[]; // distinctive bigrams of summary (search index, PET-10)
  nameKeys: string[]; // the name and its pinyin: full, initials, mixed (the 姓名 search; core/text.ts)
  informant: boolean; // 检举揭发 (PET-6)
  accusedUnitIds: string[];
  accusedNote?: string | null; // accused persons or units outside the unit table
  urgent: boolean; // 重大紧急 (PET-7)
  urgentOpen: 1 | null; // urgent and not yet reported (null, not 0: only open ones are in the index)
  urgentReport?: UrgentReport | null;
  urgentDowngrade?: UrgentDowngrade | null;
  directorNoticeOpen: 1 | null; // a downgrade or late report the 局长 has not yet read (sparse index)
  directorNoticeSeenAt?: string | null;
  nationalNo?: string | null; // 全国信访信息系统录入编号 (PET-1)
  // visits (PET-12)
  visitors?: number;
  representatives?: Representative[];
  receptionistId?: string | null;
  receptionistName?: string | null;
  // flow
  state: PetitionState;
  decision?: SortDecision | null;
  sortedOn?: ISODate | null;
  rejectReason?: string | null;
  notifiedOn?: ISODate | null;
  petitionerUnknown?: boolean;
  unitId?: string | null; // 责任单位
  unitName?: string | null;
  handedOn?: ISODate | null; // 转送/交办日期
  acceptedOn?: ISODate | null;
  extensionDays: number;
  extensionReason?: string | null;
  assigneeId?: string | null;
  assigneeName?: string | null;
  recusals: PetitionRecusal[];
  concludedOn?: ISODate | null;
  outcome?: string | null; // 办理结果
  outcomeText?: string | null; // 信访处理意见书 / 答复意见
  replyReceivedOn?: ISODate | null;
  reviewRequestedOn?: ISODate | null;
  reviewAnsweredOn?: ISODate | null;
  recheckRequestedOn?: ISODate | null;
  recheckAnsweredOn?: ISODate | null;
  hearingDays?: number;
  concludedAt?: PetitionStage | null;
  archivedOn?: ISODate | null;
  duplicateOf?: string | null; // 重复件 / 重复信访: the case it was linked to
  duplicateOfRegNo?: string | null;
  duplicateNote?: string | null;
  dueOn?: ISODate | null; // the next deadline the bureau owes (PET-9), null when none runs
  dueKind?: string | null;
  remarks?: string | null;
  source?: 'entry' | 'import' | 'generated';
};

export type PetitionStepKind =
  | 'register'
  | 'duplicate' // a 重复件 was linked to this case
  | 'sort'
  | 'notify'
  | 'unit_accept'
  | 'objection'
  | 'reroute'
  | 'assign'
  | 'recusal'
  | 'extend'
  | 'reply'
  | 'complaint'
  | 'conclude'
  | 'reply_received'
  | 'review_request'
  | 'review_answer'
  | 'recheck_request'
  | 'recheck_answer'
  | 'archive'
  | 'urgent_mark'
  | 'urgent_report'
  | 'urgent_downgrade'
  | 'director_seen'
  | 'national_no'
  | 'supervise'
  | 'print'
  | 'attachment'
  | 'correct' // 登记信息更正 (data.fields: what was corrected)
  | 'note';

// Every step of a case: dated, by whom (the audit trail has the field-level changes).
export type PetitionStep = BaseRecord & {
  petitionId: string;
  kind: PetitionStepKind;
  on: ISODate; // the business date of the step
  at: string; // when it was recorded
  byId: string;
  byName: string;
  text: string;
  data?: Record<string, unknown>;
};

// 领导接访/约访
export type ReceptionDay = BaseRecord & {
  date: ISODate;
  kind: 'reception' | 'appointment';
  leaderId: string | null;
  leaderName: string;
  place: string;
  topic?: string;
  visitors: number;
  cases: number;
  petitionIds: string[];
  notes?: string;
};

// 到县、到市、赴省、进京 上访台账
export type HigherVisitLevel = 'county' | 'city' | 'province' | 'beijing';
export type HigherVisit = BaseRecord & {
  date: ISODate;
  level: HigherVisitLevel;
  name: string;
  idNo: string | null;
  phone: string | null;
  township: string;
  persons: number;
  category: string;
  summary: string;
  place?: string; // 接待/登记地点
  handledBy?: string; // 接返/劝返人员
  result?: string;
  petitionId?: string | null;
};

// 上访情况分析: the office's text for a month
export type PetitionMonthReport = BaseRecord & { month: string; text: string };

export type PetitionsTables = {
  petitions: Table<Petition, string>;
  petitionSteps: Table<PetitionStep, string>;
  receptionDays: Table<ReceptionDay, string>;
  higherVisits: Table<HigherVisit, string>;
  petitionReports: Table<PetitionMonthReport, string>;
};

export const petitionsStores: Record<string, string> = {
  petitions:
    'id, &regNo, [series+year+seq], [receivedOn+regNo], [channel+receivedOn+regNo], [state+receivedOn+regNo], ' +
    '[township+receivedOn+regNo], [category+receivedOn+regNo], idNo, phone, [name+phone], name, dueOn, ' +
    'urgentOpen, directorNoticeOpen, duplicateOf, *terms',
  petitionSteps: 'id, [petitionId+at]',
  receptionDays: 'id, date',
  higherVisits: 'id, date, [level+date]',
  petitionReports: 'id, &month',
};

// Version 4: the petitioner's name by pinyin (migrations/0030 fills the keys of existing cases).
export const petitionsStoresV4: Record<string, string> = {
  ...petitionsStores,
  petitions: `${petitionsStores.petitions}, *nameKeys`,
};

// Version 6: the 督办通知 numbers given (steps whose data holds noticeYear and noticeSeq; no other
// step has an entry), so the year's highest is one key read on whichever PC numbers next — the
// steps travel between PCs, the counter in the settings does not (notices.ts).
export const petitionsStoresV6: Record<string, string> = {
  petitionSteps: `${petitionsStores.petitionSteps}, [data.noticeYear+data.noticeSeq]`,
};
