// Tables of the documents module (公文) and the seals module (印章): incoming documents with their
// circulation, outgoing documents with their numbers, loans, outside data requests, destructions,
// seals and their use log. Every table is listed in documentsStores and typed in DocumentsTables.
// `archived` and `done` are 0/1 numbers (not booleans) so that IndexedDB can index them.
import type { Table } from 'dexie';

import type { ISODate, SealKind, SealStatus } from '../../../../shared/rules';

import type { BaseRecord } from './base';

export type DocUrgency = 'normal' | 'urgent' | 'very_urgent'; // 普通 / 加急 / 特急 (DOC-2: not normal = urgent)
export type DocSecrecy = 'none' | 'internal' | 'secret' | 'confidential'; // 无 / 内部 / 秘密 / 机密

// Where a document is: who holds it and since when (the office, a leader, a reader, the archive).
export type DocTrailEntry = { at: string; action: string; byName: string; holder: string };

export type IncomingKind = 'document' | 'letter' | 'meeting_material'; // 公文 / 公函 (DOC-4) / 会议材料
// DOC-1, in order: registered → proposed (拟办) → decided (批办) → circulating (传阅、承办) →
// done (all read/handled; the office follows up) → reported (结果反馈局长) → archived. destroyed: DOC-7.
export type IncomingStatus =
  'registered' | 'proposed' | 'decided' | 'circulating' | 'done' | 'reported' | 'archived' | 'destroyed';

export type IncomingDoc = BaseRecord & {
  year: number;
  seq: number; // DOC-1 running number per year
  regNo: string; // 收文〔2026〕12号
  kind: IncomingKind;
  receivedOn: ISODate;
  receivedById: string | null; // 签收人 (the office clerk)
  issuer: string; // 来文单位
  issuerNumber: string; // 来文字号
  title: string;
  urgency: DocUrgency;
  secrecy: DocSecrecy;
  copies: number;
  copySectionIds?: string[]; // DOC-4: a letter's copies kept by sections (the original stays with the office)
  proposal?: string; // 拟办意见
  proposedById?: string | null; // who wrote it: the office director (DOC-1)
  proposalRecordedById?: string | null; // 代录: who typed it in for them (null: the author did)
  proposedAt?: string | null;
  decision?: string; // 批办意见
  decidedById?: string | null; // the leader who decided (the 局长)
  decidedAt?: string | null;
  circulationDue?: ISODate | null; // DOC-2
  circulatedAt?: string | null;
  outcome?: string; // 办理结果
  reportedOn?: ISODate | null; // result reported back to the 局长
  status: IncomingStatus;
  holder: string; // who holds it now (name or place)
  heldSince: string; // ISO timestamp
  trail: DocTrailEntry[];
  archived: 0 | 1;
  archivedOn?: ISODate | null;
  archiveRef?: string; // 卷号
  printedAt?: string | null; // 收文处理单 printed
};

export type CirculationRole = 'read' | 'handle'; // 传阅 / 承办
export type DocCirculation = BaseRecord & {
  docId: string;
  staffId: string;
  role: CirculationRole;
  order?: number; // the order in which the office named the readers and handlers
  sentAt: string;
  due: ISODate;
  done: 0 | 1;
  doneAt?: string | null;
  note?: string; // 阅批意见 / 办理情况
  chaseCount?: number; // DOC-1 the office chases late readers (督促)
  lastChasedAt?: string | null;
};

// DOC-3: draft → 分管领导审核 → 办公室核稿 → 分管办公室领导定稿 → 局长签发 → numbered, printed, distributed.
export type OutgoingStatus = 'draft' | 'in_approval' | 'rejected' | 'withdrawn' | 'signed' | 'issued';
export type OutgoingDoc = BaseRecord & {
  year: number; // year of drafting (register year is numberYear once numbered)
  title: string;
  prefix: string; // 机关代字, e.g. 宁信发
  draftSectionId: string | null;
  drafterId: string;
  urgency: DocUrgency;
  secrecy: DocSecrecy;
  mainTo: string; // 主送
  copyTo: string; // 抄送
  summary: string; // 正文摘要 / 拟稿说明
  status: OutgoingStatus;
  approvalId?: string | null;
  docNumber?: string | null; // 宁信发〔2026〕12号, assigned at 签发
  numberYear?: number | null;
  numberSeq?: number | null;
  signedOn?: ISODate | null;
  signerId?: string | null;
  printCopies: number; // 印制份数
  distribution: string[]; // 分发范围
  issuedOn?: ISODate | null;
  archived: 0 | 1;
  archivedOn?: ISODate | null;
  archiveRef?: string;
};

// DOC-3: every number ever given, per prefix and year (never reused: a withdrawn or deleted
// document keeps its number here). The unique index refuses a second record for a number.
export type DocNumber = BaseRecord & {
  prefix: string;
  year: number;
  seq: number;
  number: string;
  outgoingId: string | null; // null when entered by hand (补录) without a record
};

export type LoanStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'returned';
// DOC-5: borrowing a document or file, approved by the 分管领导, with a return date.
export type DocLoan = BaseRecord & {
  year: number;
  docRefTable?: 'incomingDocs' | 'outgoingDocs' | null;
  docRefId?: string | null;
  docNo?: string; // the linked document's register number (收文〔2026〕12号, 宁信发〔2026〕3号); '' or absent: free text
  docTitle: string;
  borrowerId: string;
  purpose: string;
  borrowedOn: ISODate;
  returnDue: ISODate;
  returnedOn?: ISODate | null;
  status: LoanStatus;
  approvalId?: string | null;
  approverName?: string;
  approvedOn?: ISODate | null;
};

// DOC-5: a request from outside for materials or data, approved by the 分管领导 or 主要领导.
export type DataRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'provided';
export type DataRequest = BaseRecord & {
  year: number;
  receivedOn: ISODate;
  requester: string; // 单位或个人
  contact: string;
  content: string;
  purpose: string;
  approverId: string;
  status: DataRequestStatus;
  approvalId?: string | null;
  providedOn?: ISODate | null;
  providedNote?: string;
};

// DOC-7: destroying a document that is not archived: registered, approved, two witnesses.
export type DestructionStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'destroyed';
export type DocDestruction = BaseRecord & {
  year: number;
  registeredOn: ISODate;
  docRefTable?: 'incomingDocs' | 'outgoingDocs' | null;
  docRefId?: string | null;
  docNo?: string; // as DocLoan.docNo
  docTitle: string;
  copies: number;
  reason: string;
  status: DestructionStatus;
  approvalId?: string | null;
  witnesses: string[];
  destroyedOn?: ISODate | null;
  method?: string; // 粉碎 / 焚毁
};

// SEAL-1: each seal with its keeper in the office.
export type Seal = BaseRecord & {
  name: string;
  kind: SealKind;
  keeperId: string | null;
  status: SealStatus;
  voidedOn?: ISODate | null;
  voidReason?: string;
  note?: string;
};

// SEAL-2: a use of a seal, with the 局长's consent (administrative seal), logged by the keeper.
// 'closed': closed when its seal was voided before it was used (SEAL-3).
export type SealUseStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'used' | 'closed';
export type SealUse = BaseRecord & {
  year: number;
  sealId: string;
  requestedOn: ISODate;
  document: string; // 用印文件
  copies: number;
  requesterId: string;
  purpose: string;
  status: SealUseStatus;
  approvalId?: string | null;
  approverId?: string | null;
  approverName?: string;
  usedOn?: ISODate | null;
  keeperId?: string | null;
  closedOn?: ISODate | null; // SEAL-3: the seal's void date, when that closed the request
  closedReason?: string;
};

export type DocumentsTables = {
  incomingDocs: Table<IncomingDoc, string>;
  docCirculations: Table<DocCirculation, string>;
  outgoingDocs: Table<OutgoingDoc, string>;
  docNumbers: Table<DocNumber, string>;
  docLoans: Table<DocLoan, string>;
  dataRequests: Table<DataRequest, string>;
  docDestructions: Table<DocDestruction, string>;
  seals: Table<Seal, string>;
  sealUses: Table<SealUse, string>;
};

export const documentsStores: Record<string, string> = {
  incomingDocs: 'id, &[year+seq], status, [year+archived]',
  docCirculations: 'id, docId, [staffId+done], [done+due]',
  outgoingDocs: 'id, status, [numberYear+archived], [numberYear+numberSeq]',
  docNumbers: 'id, &[prefix+year+seq], [prefix+year]',
  docLoans: 'id, status, borrowerId, [status+returnDue], year',
  dataRequests: 'id, year',
  docDestructions: 'id, year',
  seals: 'id',
  sealUses: 'id, sealId, status, [year+requestedOn]',
};

// documentsStores stays as schema version 2 declared it.
// Version 3: the 收文 list filtered by status reads one status of one year, newest first.
export const documentsStoresV3: Record<string, string> = {
  ...documentsStores,
  incomingDocs: 'id, &[year+seq], status, [year+archived], [status+year+seq]',
};
