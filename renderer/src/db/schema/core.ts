// Foundation tables: people, organisation, accounts, settings, calendar, approvals, audit.
import type { Table } from 'dexie';

import type { Role } from '../../../../shared/permissions';
import type { CalendarData, Rank } from '../../../../shared/rules';
import type { ApprovalRequest, Delegation } from '../../approvals/types';

import type { BaseRecord } from './base';

export type Section = BaseRecord & {
  name: string;
  order: number;
  headId?: string | null; // 股室负责人
  deputyId?: string | null; // 分管领导
};

export type Staff = BaseRecord & {
  name: string;
  sectionId: string | null;
  rank: Rank;
  roles: Role[];
  title?: string; // 职务, e.g. 副局长
  phone?: string;
  active: boolean;
};

export type Account = BaseRecord & {
  staffId: string;
  loginName: string;
  passwordHash: string; // hex PBKDF2-SHA-256
  salt: string; // hex, per user
  iterations: number;
  failedAttempts: number;
  lockedUntil?: string | null;
  mustChangePassword?: boolean;
  disabled?: boolean;
};

export type Setting = { id: string; value: unknown; updatedAt: string; updatedBy: string };

export type CalendarYear = BaseRecord & CalendarData & { year: number; source: string };

export type UnitKind = 'township' | 'department';
export type Unit = BaseRecord & { name: string; kind: UnitKind; contact?: string; phone?: string; active: boolean };

// 责任单位表: for a township and a subject, the body with authority (PET-8).
export type ResponsibleRoute = BaseRecord & { township: string; subject: string; unitId: string };

export type Attachment = BaseRecord & {
  ownerTable: string;
  ownerId: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
};

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'login' | 'logout' | 'event';
export type AuditEntry = {
  seq?: number;
  at: string;
  actorId: string;
  actorName: string;
  table: string;
  recordId: string;
  action: AuditAction;
  summary?: string;
  before?: unknown;
  after?: unknown;
  prevHash: string;
  hash: string;
};

export type CoreTables = {
  settings: Table<Setting, string>;
  sections: Table<Section, string>;
  staff: Table<Staff, string>;
  accounts: Table<Account, string>;
  calendars: Table<CalendarYear, string>;
  units: Table<Unit, string>;
  responsibleRoutes: Table<ResponsibleRoute, string>;
  attachments: Table<Attachment, string>;
  approvals: Table<ApprovalRequest, string>;
  delegations: Table<Delegation, string>;
  audit: Table<AuditEntry, number>;
};

// Schema version 1 (kept forever).
export const coreStoresV1 = {
  settings: 'id',
  sections: 'id, order',
  staff: 'id, name, sectionId, rank, *roles',
  accounts: 'id, &loginName, staffId',
  calendars: 'id, &year',
  units: 'id, name, kind',
  responsibleRoutes: 'id, [township+subject], unitId',
  attachments: 'id, [ownerTable+ownerId]',
  approvals: 'id, kind, status, applicantId, pendingApproverId, [refTable+refId], updatedAt',
  delegations: 'id, fromId, toId',
  audit: '++seq, at, actorId, [table+recordId], table',
};
