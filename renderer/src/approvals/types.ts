import type { BaseRecord } from '../db/schema/base';

import type { ApprovalEvent, VoidReason } from './events';

// Every approval in the product (leave, trips, expenses, seal use, outgoing documents, purchases,
// loans, ...) is one ApprovalRequest with its steps inline, so a decision is one record write.
export type ApprovalKind =
  | 'leave'
  | 'trip'
  | 'expense'
  | 'seal'
  | 'outgoing'
  | 'purchase'
  | 'loan'
  | 'data_request'
  | 'destruction'
  | 'supply'
  | 'printing'
  | 'vehicle'
  | 'attendance_month'
  | 'other';

export type StepDecision = 'approved' | 'rejected';

export type ApprovalStep = {
  key: string; // e.g. 'deputy', 'director', 'fin_check'
  label: string; // 分管领导审批
  approverId: string | null; // null = outside the system (县领导): recorded, not decided here
  approverName: string;
  external?: boolean;
  decision?: StepDecision;
  decidedById?: string; // who clicked: the approver, or a delegate
  decidedByName?: string;
  onBehalfOfId?: string | null; // set when a delegate decided for the approver
  onBehalfOfName?: string | null;
  comment?: string;
  decidedAt?: string;
  extra?: Record<string, string>; // e.g. the witness (证明人) recorded at the FIN-1 check step
  requiredFields?: string[]; // what an approval of this step must record (e.g. ['证明人']), wherever it is decided
};

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export type ApprovalRequest = BaseRecord & {
  kind: ApprovalKind;
  refTable: string;
  refId: string;
  title: string;
  applicantId: string;
  applicantName: string;
  form: 'oral' | 'written';
  ruleIds: string[]; // the rules that decided the route, e.g. ['LV-3']
  steps: ApprovalStep[];
  currentStep: number; // index into steps; steps.length when finished
  status: ApprovalStatus;
  pendingApproverId: string | null; // steps[currentStep].approverId while pending (indexed: 'waits for me')
  // Every transition as an immutable event, append-only (events.ts); absent on requests recorded
  // before events existed. The state above is what foldApproval makes of them.
  events?: ApprovalEvent[];
  // Decisions kept in events but without effect (made on another PC after a withdrawal, ...).
  voidEvents?: { id: string; reason: VoidReason }[];
};

export type Delegation = BaseRecord & {
  fromId: string; // the approver who is away
  toId: string; // who may decide for them
  startDate: string; // ISODate, inclusive
  endDate: string; // ISODate, inclusive
  reason?: string;
};
