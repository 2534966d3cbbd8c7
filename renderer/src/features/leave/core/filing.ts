// What filing a leave and filing a trip share: the number, the record's common fields, the
// approval request, the engine's outcome and the printed slip's state.
import type { Table } from 'dexie';

import type { Routing } from '../../../../../shared/rules';
import { outcomeOf, submitApproval } from '../../../approvals/engine';
import type { ApprovalKind, ApprovalRequest } from '../../../approvals/types';
import { nowIso, today } from '../../../db/clock';
import { insert, logEvent, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Leave, Trip } from '../../../db/schema/attendance';
import type { NewRecord } from '../../../db/schema/base';
import type { Staff } from '../../../db/schema/core';
import { yearOf } from '../../../db/validate';
import { numberOrPending, seqOrPending } from '../../../sync/seqNumbering';

import type { Span } from './common';
import { recordedBy, stepsOf } from './common';

type Request = Leave | Trip;

export type Filing<T extends Request> = {
  table: Table<T, string>;
  kind: ApprovalKind;
  prefix: string; // the number's character: 请〔2025〕3号, 外〔2025〕3号
  noun: string; // the audit summary: 请假申请 请〔2025〕3号
  d: Span;
  applicant: Staff;
  sectionName: string;
  days: number;
  afterTheFact: boolean;
  routing: Routing;
  fields: Partial<T>; // the kind's own fields
  title: (number: string) => string;
};

// 请〔2025〕3号, 外〔2025〕3号
export function requestNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

// One request filed: numbered, recorded, submitted to the approval engine, linked to its request.
export async function fileRequest<T extends Request>(f: Filing<T>, actor: Actor): Promise<T> {
  const { table, d, applicant, routing } = f;
  const { route, ruleIds } = routing;
  const year = yearOf(today());
  // with sync on: 待编号, numbered on the hub later (hubNumbers.ts)
  const seq = await seqOrPending(table, year);
  const number = numberOrPending(seq, (s) => requestNumber(f.prefix, year, s));
  const data = {
    staffId: applicant.id,
    staffName: applicant.name,
    sectionId: applicant.sectionId,
    sectionName: f.sectionName,
    ...f.fields,
    startDate: d.startDate,
    startHalf: d.startHalf,
    endDate: d.endDate,
    endHalf: d.endHalf,
    days: f.days,
    form: route.form,
    ruleIds,
    afterTheFact: f.afterTheFact,
    ...recordedBy(actor, applicant),
    status: 'pending',
    approvalId: null,
    year,
    seq,
    number,
  } as unknown as NewRecord<T>;
  const row = await insert(table, data, actor, `${f.afterTheFact ? '事后补办' : ''}${f.noun} ${number}`);
  const req = await submitApproval(
    {
      kind: f.kind,
      refTable: table.name,
      refId: row.id,
      title: f.title(number),
      applicant,
      form: route.form,
      ruleIds,
      steps: stepsOf(routing),
    },
    actor,
  );
  return update(table, row.id, { approvalId: req.id } as Partial<T>, actor);
}

// The engine's handler: a pending request follows its approval's outcome.
export async function followOutcome<T extends Request>(
  table: Table<T, string>,
  req: ApprovalRequest,
  actor: Actor,
  summary: (status: ReturnType<typeof outcomeOf>) => string,
): Promise<void> {
  const row = await table.get(req.refId);
  if (!row || row.status !== 'pending') return;
  const status = outcomeOf(req);
  await update(table, row.id, { status } as Partial<T>, actor, summary(status));
}

// The printed slip: every print is logged; the first one sets 已打印.
export async function markPrinted<T extends Request>(
  table: Table<T, string>,
  id: string,
  what: string,
  extra: Partial<T>,
  actor: Actor,
): Promise<void> {
  const row = await table.get(id);
  if (!row) return;
  if (!row.printedAt) await update(table, id, { printedAt: nowIso(), ...extra } as Partial<T>, actor, what);
  else await logEvent(table.name, id, `再次${what}`, actor);
}
