// Tables of the publicity-reward and finance modules (宣传奖励, 财务). Owned by those modules.
// Every table is listed in financeStores (Dexie index syntax) and typed in FinanceTables.
// Money is always integer 分 (fen); yuan appear only in forms and prints.
import type { Table } from 'dexie';

import type { Invoice, ISODate, Level, PublicityClaimState, PublicityRowKey } from '../../../../shared/rules';

import type { BaseRecord } from './base';

// 信息/新闻稿, 调研文章, 理论文章, 经验介绍材料, 文学作品 (宣传奖励制度 八、(一))
export type PublicityKind = 'info' | 'research' | 'theory' | 'experience' | 'literary';

// A published piece and its reward claim (PUB-1, PUB-2: 申报 → 办公室审核 → 已发放).
export type PublicityPiece = BaseRecord & {
  staffId: string; // the author
  title: string;
  outlet: string; // 刊物、报纸或网站
  level: Level;
  publishedOn: ISODate;
  year: number; // of publishedOn
  chars: number;
  kind: PublicityKind;
  rewardFen: number; // PUB-1, computed by publicityReward when saved
  rewardRow: PublicityRowKey;
  originalSubmitted: boolean; // PUB-2: the published original is handed in with the claim
  claimState: PublicityClaimState;
  claimedOn: ISODate;
  reviewedById?: string | null;
  reviewedOn?: ISODate | null;
  reviewNote?: string;
  expenseId?: string | null; // the payout claim in finance
  paidOn?: ISODate | null;
};

export type ExpenseCategory =
  | 'office'
  | 'supplies'
  | 'printing'
  | 'purchase'
  | 'travel'
  | 'reception'
  | 'vehicle'
  | 'signed_bills'
  | 'publicity_reward'
  | 'tuition'
  | 'other';

export type InvoiceLine = { kind: Invoice; number: string; amountFen: number };

// draft = 已备案 (the office was told before spending, FIN-1), not yet claimed.
export type ExpenseStatus = 'draft' | 'pending' | 'approved' | 'paid' | 'rejected' | 'withdrawn';

// Records a claim pays out: reward pieces (PUB), signed bills of a quarter (FIN-3), tuition (STU-5).
export type ExpenseSource = { table: 'publicityPieces' | 'signedBills' | 'tuitionClaims'; ids: string[] };

// 报销审批单 (FIN-1..6).
export type Expense = BaseRecord & {
  year: number;
  seq: number;
  number: string; // 报销〔2026〕12号
  claimantId: string; // 经办人
  category: ExpenseCategory;
  purpose: string; // 用途
  expenseOn: ISODate; // the day the money was spent
  filedOn: ISODate; // 备案 with the office
  claimedOn?: ISODate | null; // submitted for reimbursement
  amountFen: number;
  invoices: InvoiceLine[];
  advanced: boolean; // 经办人本人垫付 (FIN-2 applies)
  late: boolean; // FIN-2
  lateReason?: string;
  meetingDecisionId?: string | null; // FIN-5
  meetingDecisionNumber?: string;
  requestId?: string | null; // FIN-6: the approved 添置办公用品申报单 / 印制文件申报单
  requestNumber?: string;
  source?: ExpenseSource | null;
  status: ExpenseStatus;
  approvalId?: string | null;
  handlerSignedAt?: string | null; // FIN-1 step 1: the handler signs and states the purpose (on submission)
  paidOn?: ISODate | null;
  paidById?: string | null;
  printedAt?: string | null;
};

// 签单: bills signed on account with outside vendors, settled at quarter end (FIN-3).
export type SignedBill = BaseRecord & {
  vendor: string;
  signedOn: ISODate;
  signerId: string;
  description: string;
  amountFen: number;
  settleBy: ISODate; // quarterEndSettlement(signedOn)
  status: 'open' | 'settling' | 'settled';
  expenseId?: string | null; // the settlement claim
  settledOn?: ISODate | null;
};

export type RequestKind = 'supply' | 'printing';
export type RequestItem = { name: string; quantity: number; unit: string; estFen: number };

// 添置办公用品申报单 / 印制文件申报单 (FIN-6), approved before the spending they allow.
export type SpendRequest = BaseRecord & {
  kind: RequestKind;
  year: number;
  seq: number;
  number: string;
  applicantId: string;
  title: string; // 事由 / 文件名称
  reason: string;
  items: RequestItem[]; // supplies; for printing one line: the document, copies, 份
  printer?: string; // 印制单位 (printing)
  estimatedFen: number;
  approverLevel: 'deputy' | 'director'; // printing: 分管领导 or 主要领导 (any one suffices)
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  approvalId?: string | null;
  requestedOn: ISODate;
  approvedOn?: ISODate | null; // FIN-6: the spending it allows comes on or after this day
  printedAt?: string | null;
};

export type FinanceTables = {
  publicityPieces: Table<PublicityPiece, string>;
  expenses: Table<Expense, string>;
  signedBills: Table<SignedBill, string>;
  spendRequests: Table<SpendRequest, string>;
};

export const financeStores: Record<string, string> = {
  publicityPieces: 'id, staffId, claimState, expenseId, [year+publishedOn], [year+staffId]',
  expenses: 'id, [year+seq], status, claimantId, requestId, [status+expenseOn], [year+claimedOn], expenseOn',
  signedBills: 'id, vendor, expenseId, signedOn, [status+settleBy]',
  spendRequests: 'id, [kind+year], status, applicantId, requestedOn',
};

// financeStores stays as schema version 2 declared it.
// Version 3: the claims list filtered by claimant or by status reads one year, newest first.
export const financeStoresV3: Record<string, string> = {
  ...financeStores,
  expenses:
    'id, [year+seq], status, claimantId, requestId, [status+expenseOn], [year+claimedOn], expenseOn, ' +
    '[claimantId+year+seq], [status+year+seq]',
};
