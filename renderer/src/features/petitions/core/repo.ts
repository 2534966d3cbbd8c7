// The petitions repository: every write of the module, with every rule checked here (the forms
// show the same checks, but a refusal is decided in this file). Each public function prepares
// what it needs (calendar, settings, units, the actor's roles) BEFORE its one transaction, then
// writes the case, its steps and the audit trail together or not at all.
import Dexie from 'dexie';

import { can, ROLES } from '../../../../../shared/permissions';
import type { Permission, Role } from '../../../../../shared/permissions';
import {
  addWorkdays,
  idCardValid,
  isRepeatAfterReview,
  mayAssign,
  mayForwardTo,
  objectionOpen,
  petitionNextDeadline,
  sortDecisionOk,
  SORT_DECISION_LABELS,
} from '../../../../../shared/rules';
import type {
  CalendarData,
  ISODate,
  PetitionCase,
  PetitionDeadline,
  RuleId,
  SortDecision,
} from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { appendAudit } from '../../../db/audit';
import { nowIso, today, toLocalISODate } from '../../../db/clock';
import { db } from '../../../db/db';
import { DomainError, insert, SYSTEM_ACTOR, update, writeTx } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Staff, Unit } from '../../../db/schema/core';
import type {
  Petition,
  PetitionRecusal,
  PetitionState,
  PetitionStep,
  PetitionStepKind,
} from '../../../db/schema/petitions';
import { setSetting } from '../../../db/settings';
import {
  CHANNEL_LABELS,
  CORRECTION,
  DECISION_LABELS,
  HIGHER_LEVEL_LABELS,
  IDENTITY_REVIEW,
  INFORMANT_TEXT,
  MSG,
  RECUSAL_LABELS,
  STEP_LABELS,
} from '../labels';
import type { CorrectionField } from '../labels';

import {
  accessFrom,
  IDENTITY_REVIEWS_KEY,
  informantCaseOf,
  informantMatchesOf,
  linksOf,
  maySeeIdentity,
} from './informant';
import type { IdentityReviews, InformantAccess, Viewer } from './informant';
import { formatRegNo, numberFormatProblem, parseRegNo, SERIES, seriesOf } from './numbering';
import type { Series } from './numbering';
import { limitsFor, loadPetitionSettings, SETTINGS_KEY, withDefaults } from './settings';
import type { PetitionSettings } from './settings';
import { termKeys } from './text';
import {
  dateProblem,
  firstError,
  IDENTITY_FIELDS,
  normIdNo,
  normPhone,
  normRepresentatives,
  planCorrection,
  registrationRule,
  validateRegistration,
} from './validate';
import type { RegistrationCorrection, RegistrationInput } from './validate';

// ---- context -----------------------------------------------------------------------------------

export type PetitionCtx = {
  cal: CalendarData;
  settings: PetitionSettings;
  today: ISODate;
  townships: string[];
  units: Map<string, Unit>;
  staff: Map<string, Staff>;
  roles: Role[];
  system: boolean;
  viewer: Viewer; // the actor, as PET-6 sees them
};

export async function knownTownships(): Promise<string[]> {
  const [routes, units] = await Promise.all([
    db.responsibleRoutes.toArray(),
    db.units.where('kind').equals('township').toArray(),
  ]);
  const set = new Set<string>();
  for (const r of routes) if (!r.deletedAt) set.add(r.township);
  for (const u of units) if (!u.deletedAt) set.add(u.name.replace(/人民政府$/, ''));
  return [...set].sort((a, b) => a.localeCompare(b, 'zh'));
}

export async function loadCtx(actor: Actor = SYSTEM_ACTOR): Promise<PetitionCtx> {
  const [cal, settings, townships, units, staff] = await Promise.all([
    loadCalendar(),
    loadPetitionSettings(),
    knownTownships(),
    db.units.toArray(),
    db.staff.toArray(),
  ]);
  const staffMap = new Map(staff.map((s) => [s.id, s]));
  const roles = staffMap.get(actor.id)?.roles ?? [];
  const system = actor.id === SYSTEM_ACTOR.id;
  return {
    cal,
    settings,
    today: today(),
    townships,
    units: new Map(units.filter((u) => !u.deletedAt).map((u) => [u.id, u])),
    staff: staffMap,
    roles,
    system,
    viewer: { id: actor.id, name: actor.name, roles, system },
  };
}

// PET-6: what the actor may see of informant cases (the setting, from the context).
export function informantAccessOf(ctx: PetitionCtx): InformantAccess {
  return accessFrom(ctx.viewer, ctx.settings);
}

export function requirePerm(ctx: PetitionCtx, perm: Permission, what: string) {
  if (ctx.system || can(ctx.roles, perm)) return;
  throw new DomainError(`没有权限：${what}`);
}
function isLeader(ctx: PetitionCtx) {
  return ctx.system || ctx.roles.includes('director') || ctx.roles.includes('deputy');
}

// The tables every write of the module may touch (one transaction over them all); settings holds
// the open 重复件待核 that a registration may add to.
export const writeTables = () => [
  db.petitions,
  db.petitionSteps,
  db.attachments,
  db.staffComplaints,
  db.settings,
];

// ---- deadlines ---------------------------------------------------------------------------------

export function toCase(p: Petition): PetitionCase {
  return {
    receivedOn: p.receivedOn,
    sortedOn: p.sortedOn ?? null,
    decision: p.decision ?? null,
    // Once concluded, the written reply (信访处理意见书) has told the petitioner: no notice runs.
    notifiedOn: p.notifiedOn ?? p.concludedOn ?? null,
    petitionerUnknown: !!p.petitionerUnknown,
    acceptedOn: p.acceptedOn ?? null,
    extensionDays: p.extensionDays ?? 0,
    concludedOn: p.concludedOn ?? null,
    replyReceivedOn: p.replyReceivedOn ?? null,
    reviewRequestedOn: p.reviewRequestedOn ?? null,
    reviewAnsweredOn: p.reviewAnsweredOn ?? null,
    recheckRequestedOn: p.recheckRequestedOn ?? null,
    recheckAnsweredOn: p.recheckAnsweredOn ?? null,
    hearingDays: p.hearingDays ?? 0,
  };
}

const NO_DEADLINE: readonly PetitionState[] = ['duplicate', 'repeat', 'archived'];

// PET-9: the case's next deadline (null when nothing runs), from the rules with the office's limits.
export function nextDeadlineOf(
  p: Petition,
  cal: CalendarData,
  settings: PetitionSettings,
  on: ISODate,
): PetitionDeadline | null {
  if (NO_DEADLINE.includes(p.state) || p.deletedAt) return null;
  return petitionNextDeadline(toCase(p), on, cal, {
    soonDays: settings.soonDays,
    limits: limitsFor(p.nature, settings),
  });
}

// The due date stored on the case for 督办 and SUP-4: only what the bureau owes.
export function bureauDue(p: Petition, cal: CalendarData, settings: PetitionSettings, on: ISODate) {
  const d = nextDeadlineOf(p, cal, settings, on);
  return d && d.party === 'bureau' ? { dueOn: d.due, dueKind: d.kind } : { dueOn: null, dueKind: null };
}

// PET-4 completion limit of the case as it stands (for ledgers and the on-time rate).
// Ledgers and statistics ask this for thousands of rows with few distinct inputs: remembered per
// calendar object (a ledger build loads the calendar once).
const completionMemo = new WeakMap<CalendarData, Map<string, ISODate | null>>();

export function completionDueOf(p: Petition, cal: CalendarData, settings: PetitionSettings): ISODate | null {
  if (p.decision !== 'accept' && p.decision !== 'hand_down') return null;
  if (!p.sortedOn) return null;
  const key = `${p.receivedOn}|${p.sortedOn}|${p.acceptedOn ?? ''}|${p.extensionDays ?? 0}|${limitsFor(p.nature, settings).completionDays}|${p.decision}`;
  let memo = completionMemo.get(cal);
  if (!memo) completionMemo.set(cal, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, computeCompletionDue(p, cal, settings));
  return memo.get(key)!;
}

function computeCompletionDue(p: Petition, cal: CalendarData, settings: PetitionSettings): ISODate | null {
  // Only the completion limit: the case as if notified, seen on the day it was received.
  const c: PetitionCase = {
    receivedOn: p.receivedOn,
    sortedOn: p.sortedOn,
    decision: p.decision,
    acceptedOn: p.acceptedOn ?? null,
    extensionDays: p.extensionDays ?? 0,
    notifiedOn: p.sortedOn,
    petitionerUnknown: true,
  };
  const d = petitionNextDeadline(c, p.receivedOn, cal, { limits: limitsFor(p.nature, settings) });
  return d?.kind === 'conclude' ? d.due : null;
}

// ---- helpers -----------------------------------------------------------------------------------

async function getLive(id: string): Promise<Petition> {
  const p = await db.petitions.get(id);
  if (!p || p.deletedAt) throw new DomainError('信访件不存在或已删除');
  return p;
}

function checkOn(
  on: string | null | undefined,
  field: string,
  ctx: PetitionCtx,
  after?: { date?: string | null; label: string },
) {
  const d = dateProblem(on, ctx.today);
  if (d) throw new DomainError(d, field);
  if (after?.date && (on as string) < after.date)
    throw new DomainError(`日期不能早于${after.label}（${after.date}）`, field);
}

function need(value: string | null | undefined, message: string, field: string, ruleId?: RuleId): string {
  if (!value || !value.trim()) throw new DomainError(message, field, ruleId);
  return value.trim();
}

function requireState(p: Petition, allowed: readonly PetitionState[], what: string) {
  if (!allowed.includes(p.state)) throw new DomainError(`当前状态不能${what}`, 'state');
}

async function change(
  p: Petition,
  changes: Partial<Petition>,
  ctx: PetitionCtx,
  actor: Actor,
  summary: string,
) {
  const next = { ...p, ...changes } as Petition;
  const all: Partial<Petition> = { ...changes, ...bureauDue(next, ctx.cal, ctx.settings, ctx.today) };
  if (changes.summary !== undefined) all.terms = termKeys(next.summary, next.receivedOn, next.regNo);
  return update(db.petitions, p.id, all, actor, summary);
}

function addStep(
  p: Pick<Petition, 'id' | 'regNo'>,
  kind: PetitionStepKind,
  on: ISODate,
  text: string,
  actor: Actor,
  data?: Record<string, unknown>,
): Promise<PetitionStep> {
  return insert(
    db.petitionSteps,
    { petitionId: p.id, kind, on, at: nowIso(), byId: actor.id, byName: actor.name, text, data },
    actor,
    `${STEP_LABELS[kind]}：${p.regNo}`,
  );
}

function unitOf(ctx: PetitionCtx, unitId: string | null | undefined): Unit {
  const u = unitId ? ctx.units.get(unitId) : undefined;
  if (!u || !u.active) throw new DomainError('请选择有效的责任单位', 'unitId', 'PET-8');
  return u;
}

// PET-6: never to a unit the informant accuses (by the unit table, or named in the free text).
function assertMayForward(p: Petition, unit: Unit) {
  const named = !!p.accusedNote && p.informant && p.accusedNote.includes(unit.name);
  if (!mayForwardTo({ informant: p.informant, accusedUnitIds: p.accusedUnitIds }, unit.id) || named) {
    throw new DomainError(`该件为检举揭发件，不得转送、交办给被检举单位（${unit.name}）`, 'unitId', 'PET-6');
  }
}

// ---- numbering (PET-1) -------------------------------------------------------------------------

async function nextNumber(
  series: Series,
  year: number,
  ctx: PetitionCtx,
): Promise<{ regNo: string; seq: number }> {
  const last = await db.petitions
    .where('[series+year+seq]')
    .between([series, year, Dexie.minKey], [series, year, Dexie.maxKey])
    .last();
  let seq = (last?.seq ?? 0) + 1;
  const fmt = ctx.settings.numberFormats[series];
  for (;;) {
    const regNo = formatRegNo(fmt, year, seq, ctx.settings.seqDigits);
    if ((await db.petitions.where('regNo').equals(regNo).count()) === 0) return { regNo, seq };
    seq++;
  }
}

// ---- registration (PET-1, PET-10, PET-5, PET-12, PET-7) ---------------------------------------

export type DuplicateDecision =
  | { kind: 'new' }
  // Link as 重复件 to an existing case; sameFacts: the same facts and grounds as a matter closed at 复核 (PET-5).
  | { kind: 'link'; caseId: string; note?: string; sameFacts?: boolean };

export type RegisterOptions = {
  duplicate?: DuplicateDecision;
  attachments?: { name: string; type: string; blob: Blob }[];
  regNo?: string | null; // imports keep the number they bring
  source?: Petition['source'];
};

export async function registerPetition(
  input: RegistrationInput,
  actor: Actor,
  opts: RegisterOptions = {},
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.register', '登记信访事项');
  return writeTx(writeTables(), async () => registerTx(input, opts, ctx, actor));
}

export async function registerTx(
  input: RegistrationInput,
  opts: RegisterOptions,
  ctx: PetitionCtx,
  actor: Actor,
): Promise<Petition> {
  const err = firstError(validateRegistration(input, { today: ctx.today, townships: ctx.townships }));
  if (err) throw new DomainError(err[1], err[0], registrationRule(err[0]));
  const year = Number(input.receivedOn.slice(0, 4));
  let series: string = seriesOf(input.channel);
  let number: { regNo: string; seq: number };
  if (opts.regNo && opts.regNo.trim()) {
    const regNo = opts.regNo.trim();
    if ((await db.petitions.where('regNo').equals(regNo).count()) > 0)
      throw new DomainError(`登记编号 ${regNo} 已存在`, 'regNo', 'PET-1');
    const parsed = SERIES.map((s) => ({ s, r: parseRegNo(ctx.settings.numberFormats[s], regNo) })).find(
      (x) => x.r && (x.r.year === null || x.r.year === year),
    );
    if (parsed?.r) {
      series = parsed.s;
      number = { regNo, seq: parsed.r.seq };
    } else {
      series = 'import';
      const last = await db.petitions
        .where('[series+year+seq]')
        .between(['import', year, Dexie.minKey], ['import', year, Dexie.maxKey])
        .last();
      number = { regNo, seq: (last?.seq ?? 0) + 1 };
    }
  } else {
    number = await nextNumber(series as Series, year, ctx);
  }

  for (const id of input.accusedUnitIds ?? [])
    if (!ctx.units.has(id)) throw new DomainError('被检举单位不在单位表中', 'accused', 'PET-6');
  let receptionistName: string | null = null;
  if (input.channel === 'visit') {
    const s = input.receptionistId ? ctx.staff.get(input.receptionistId) : undefined;
    if (!s) throw new DomainError('请选择接待人', 'receptionistId');
    receptionistName = s.name;
  }

  // PET-10 / PET-5: a link to an existing case
  let state: PetitionState = 'registered';
  let master: Petition | null = null;
  const dup = opts.duplicate ?? { kind: 'new' };
  if (dup.kind === 'link') {
    master = await getLive(dup.caseId);
    if (master.duplicateOf) master = await getLive(master.duplicateOf);
    const concludedAt = master.recheckAnsweredOn != null ? 'recheck' : (master.concludedAt ?? 'handling');
    state = isRepeatAfterReview({ concludedAt }, !!dup.sameFacts) ? 'repeat' : 'duplicate';
  }

  const address = (input.address ?? '').trim();
  const name = input.name.trim();
  const urgent = !!input.urgent;
  const record: Omit<Petition, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'deletedAt'> = {
    regNo: number.regNo,
    series,
    year,
    seq: number.seq,
    channel: input.channel,
    receivedOn: input.receivedOn,
    letterSource: input.letterSource ?? null,
    upstreamNo: input.upstreamNo?.trim() || null,
    name,
    idNo: normIdNo(input.idNo),
    phone: normPhone(input.phone),
    address,
    township: input.township.trim(),
    category: input.category.trim(),
    nature: input.nature ?? (input.informant ? 'accusation' : 'claim'),
    summary: input.summary.trim(),
    terms: termKeys(input.summary, input.receivedOn, number.regNo),
    informant: !!input.informant,
    accusedUnitIds: input.informant ? [...(input.accusedUnitIds ?? [])] : [],
    accusedNote: input.informant ? input.accusedNote?.trim() || null : null,
    urgent,
    urgentOpen: urgent && state === 'registered' ? 1 : null,
    urgentReport: null,
    urgentDowngrade: null,
    directorNoticeOpen: null,
    nationalNo: input.nationalNo?.trim() || null,
    visitors: input.channel === 'visit' ? (input.visitors ?? 1) : 1,
    representatives: input.channel === 'visit' ? normRepresentatives(input.representatives ?? []) : [],
    receptionistId: input.channel === 'visit' ? (input.receptionistId ?? null) : null,
    receptionistName,
    state,
    decision: null,
    petitionerUnknown: name === '匿名' || !address,
    extensionDays: 0,
    recusals: [],
    duplicateOf: master?.id ?? null,
    duplicateOfRegNo: master?.regNo ?? null,
    duplicateNote: dup.kind === 'link' ? dup.note?.trim() || null : null,
    remarks: input.remarks?.trim() || null,
    source: opts.source ?? 'entry',
    dueOn: null,
    dueKind: null,
  };
  const due = bureauDue(record as Petition, ctx.cal, ctx.settings, ctx.today);
  const p = await insert(db.petitions, { ...record, ...due }, actor, `登记信访件 ${number.regNo}`);
  const how = CHANNEL_LABELS[input.channel];
  await addStep(p, 'register', input.receivedOn, `${how}登记，编号 ${p.regNo}`, actor, {
    channel: input.channel,
  });
  if (master) {
    const label = state === 'repeat' ? '重复信访（复核终结后以同一事实和理由再次提出，不再受理）' : '重复件';
    // Both steps carry the duplicate's receipt date: the history says when it came in, not when
    // it was typed in.
    await addStep(
      p,
      'duplicate',
      input.receivedOn,
      `登记为${label}，并入 ${master.regNo}${p.duplicateNote ? `：${p.duplicateNote}` : ''}`,
      actor,
      { masterId: master.id },
    );
    await addStep(
      master,
      'duplicate',
      input.receivedOn,
      `收到${label} ${p.regNo}${p.duplicateNote ? `：${p.duplicateNote}` : ''}`,
      actor,
      { duplicateId: p.id },
    );
  }
  if (urgent)
    await addStep(p, 'urgent_mark', input.receivedOn, '登记为重大紧急事项，须即时报告（PET-7）', actor);
  for (const a of opts.attachments ?? []) {
    await insert(
      db.attachments,
      { ownerTable: 'petitions', ownerId: p.id, name: a.name, type: a.type, size: a.blob.size, blob: a.blob },
      actor,
      `附件 ${a.name}`,
    );
  }
  // PET-6 / PET-10: the petitioner matches an informant case the registering user may not see
  // (they were not shown it): a 重复件待核 for those who may see it. (The system sees everything.)
  if (!ctx.system && (await informantMatchesOf(p, informantAccessOf(ctx), false)).length)
    await setIdentityReview(p, true, actor, IDENTITY_REVIEW.auditOpen(p.regNo));
  return p;
}

// Opens or closes the 重复件待核 of a case (one settings record of the open ones; audited).
async function setIdentityReview(p: Petition, open: boolean, actor: Actor, summary: string) {
  const before = ((await db.settings.get(IDENTITY_REVIEWS_KEY))?.value ?? {}) as IdentityReviews;
  if (!open && !before[p.id]) return;
  const after: IdentityReviews = { ...before };
  if (open)
    after[p.id] = { petitionId: p.id, regNo: p.regNo, at: nowIso(), byId: actor.id, byName: actor.name };
  else delete after[p.id];
  const at = nowIso();
  await db.settings.put({ id: IDENTITY_REVIEWS_KEY, value: after, updatedAt: at, updatedBy: actor.id });
  await appendAudit({
    at,
    actorId: actor.id,
    actorName: actor.name,
    table: 'settings',
    recordId: IDENTITY_REVIEWS_KEY,
    action: 'update',
    summary,
    before,
    after,
  });
}

// ---- 重复件待核 (PET-6, PET-10) -------------------------------------------------------------------

// Links a registered case, after its registration, as 重复件 into another case (the one that case
// is itself linked into, if any): from the 重复件待核 of an informant's case, or whenever a repeat
// is found later. Nothing has been decided on the case yet (it is still 待处理).
export async function linkDuplicate(
  id: string,
  input: { caseId: string; note?: string },
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '并入重复件');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['registered'], '作为重复件并入（已作出处理决定）');
    let master = await getLive(input.caseId);
    if (master.duplicateOf) master = await getLive(master.duplicateOf);
    if (master.id === p.id) throw new DomainError('不能并入本件', 'caseId', 'PET-10');
    const note = input.note?.trim() || null;
    const u = await change(
      p,
      {
        state: 'duplicate',
        duplicateOf: master.id,
        duplicateOfRegNo: master.regNo,
        duplicateNote: note,
        urgentOpen: null,
      },
      ctx,
      actor,
      `并入重复件 ${p.regNo} → ${master.regNo}`,
    );
    await addStep(
      u,
      'duplicate',
      ctx.today,
      `登记为重复件，并入 ${master.regNo}${note ? `：${note}` : ''}`,
      actor,
      {
        masterId: master.id,
      },
    );
    await addStep(master, 'duplicate', ctx.today, `收到重复件 ${p.regNo}${note ? `：${note}` : ''}`, actor, {
      duplicateId: p.id,
    });
    await setIdentityReview(
      u,
      false,
      actor,
      IDENTITY_REVIEW.auditClose(p.regNo, `${IDENTITY_REVIEW.linked} ${master.regNo}`),
    );
    return u;
  });
}

// Closes a 重复件待核 without linking (the reviewer found it is not the same matter). Only someone
// who may see one of the informant cases it matches may close it.
export async function closeIdentityReview(id: string, note: string, actor: Actor, pre?: PetitionCtx) {
  const ctx = pre ?? (await loadCtx(actor));
  const access = informantAccessOf(ctx);
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    const open = ((await db.settings.get(IDENTITY_REVIEWS_KEY))?.value ?? {}) as IdentityReviews;
    if (!open[p.id]) throw new DomainError(IDENTITY_REVIEW.none, 'review', 'PET-6');
    if (!(await informantMatchesOf(p, access, true)).length && !ctx.system)
      throw new DomainError(IDENTITY_REVIEW.notAllowed, 'review', 'PET-6');
    const why = need(note, `请填写${IDENTITY_REVIEW.note}`, 'note', 'PET-10');
    await setIdentityReview(p, false, actor, IDENTITY_REVIEW.auditClose(p.regNo, why));
  });
}

// ---- 登记信息更正: correcting the registration ----------------------------------------------------

export type CorrectionResult = { petition: Petition; changed: CorrectionField[] };

// Corrects what was mistyped at registration (the petitioner, the source, the category, the
// summary, the accused, the representatives of a visit), with a reason, in one transaction: the
// case with everything registerTx derives from those inputs (normalised ID number and phone, the
// bigram search index, petitionerUnknown and so the next deadline), the audit entry with before
// and after and the reason, and a step 「登记信息更正：<reason>」 in the case's history.
// Not correctable: regNo, channel and receivedOn (they make the number and start every deadline),
// and the urgent flag (PET-7 marks and downgrades it with its own reasons).
export async function correctRegistration(
  id: string,
  correction: RegistrationCorrection,
  reason: string,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<CorrectionResult> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.register', '更正登记信息');
  const access = informantAccessOf(ctx);
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    const links = await linksOf([p]);
    // Refused once archived and only then. The rule book locks a record when it is filed and
    // closed (ATT-7: after announcement a month is an amendment; DOC-6: a year's files are filed),
    // and 归档 is the one state in labels.ts that means the file is closed: the archived file is
    // what the bureau keeps. Every other state is a live or concluded record the bureau still
    // works on (a 重复件 or 重复信访 included); a 办结 case may still be corrected before its
    // file is closed. A case archived and then reopened for 复查/复核 (PET-5) is live again, so
    // the test is the current state, not archivedOn.
    if (p.state === 'archived') throw new DomainError(MSG.correctionArchived, 'state');
    // PET-6: the flag decides who sees the identity, so only those who may see it move it; and
    // an identity they cannot see is not theirs to overwrite.
    if (!access.byRole && correction.informant !== undefined && !!correction.informant !== p.informant)
      throw new DomainError(MSG.correctionInformantFlag, 'informant', 'PET-6');
    if (!maySeeIdentity(access, p, links)) {
      const blind = IDENTITY_FIELDS.find((k) => correction[k] !== undefined);
      if (blind) throw new DomainError(MSG.correctionIdentityMasked, blind, 'PET-6');
    }
    const why = need(reason, MSG.correctionReasonRequired, 'reason');
    const plan = planCorrection(p, correction, { today: ctx.today, townships: ctx.townships });
    const err = firstError(plan.errors);
    if (err) throw new DomainError(err[1], err[0], registrationRule(err[0]));
    if (!plan.changed.length) throw new DomainError(MSG.correctionNothing);
    const next = { ...p, ...plan.changes } as Petition;
    if (plan.changed.includes('accusedUnitIds')) {
      for (const u of next.accusedUnitIds)
        if (!ctx.units.has(u)) throw new DomainError('被检举单位不在单位表中', 'accused', 'PET-6');
    }
    // PET-6: a case already forwarded or handed down stays away from the units it accuses.
    if (next.informant && p.unitId && (p.decision === 'forward' || p.decision === 'hand_down')) {
      const unitName = p.unitName ?? ctx.units.get(p.unitId)?.name ?? '';
      const named = !!unitName && !!next.accusedNote && next.accusedNote.includes(unitName);
      if (!mayForwardTo({ informant: true, accusedUnitIds: next.accusedUnitIds }, p.unitId) || named)
        throw new DomainError(
          `本件已${DECISION_LABELS[p.decision]}至${unitName}，该单位不能列为被检举单位（检举揭发件不得转送、交办给被检举单位）`,
          'accused',
          'PET-6',
        );
    }
    const u = await change(p, plan.changes, ctx, actor, `${CORRECTION.step} ${p.regNo}：${why}`);
    await addStep(u, 'correct', ctx.today, CORRECTION.stepText(why), actor, { fields: plan.changed });
    return { petition: u, changed: plan.changed };
  });
}

// ---- handling flow (PET-2..5, PET-8, PET-13) --------------------------------------------------

export type SortInput = {
  decision: SortDecision;
  on: ISODate;
  unitId?: string | null;
  reason?: string | null;
};

export async function sortPetition(
  id: string,
  input: SortInput,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '分类处理信访事项');
  return writeTx(writeTables(), async () => sortTx(id, input, ctx, actor));
}

export async function sortTx(
  id: string,
  input: SortInput,
  ctx: PetitionCtx,
  actor: Actor,
): Promise<Petition> {
  const p = await getLive(id);
  if (p.state !== 'registered') throw new DomainError('该件已作出处理决定', 'decision', 'PET-2');
  checkOn(input.on, 'on', ctx, { date: p.receivedOn, label: '收件日期' });
  const toUnit = input.decision === 'forward' || input.decision === 'hand_down';
  let unit: Unit | null = null;
  if (toUnit) {
    if (!input.unitId) throw new DomainError('请选择责任单位', 'unitId', 'PET-8');
    unit = unitOf(ctx, input.unitId);
    assertMayForward(p, unit);
  }
  const check = sortDecisionOk(
    {
      decision: input.decision,
      reason: input.reason ?? undefined,
      unitId: input.unitId ?? null,
      informant: p.informant,
      accusedUnitIds: p.accusedUnitIds,
      receivedOn: p.receivedOn,
      decidedOn: input.on,
    },
    ctx.cal,
  );
  for (const problem of check.problems) {
    if (problem.code === 'reason_required') throw new DomainError('不予受理须写明理由', 'reason', 'PET-2');
    if (problem.code === 'unit_required') throw new DomainError('请选择责任单位', 'unitId', 'PET-8');
    throw new DomainError('该件为检举揭发件，不得转送、交办给被检举单位', 'unitId', 'PET-6');
  }
  const state: PetitionState = {
    forward: 'forwarded',
    hand_down: 'handed_down',
    accept: 'accepted',
    report_up: 'reported_up',
    reject: 'rejected',
  }[input.decision] as PetitionState;
  const label = SORT_DECISION_LABELS[input.decision];
  const updated = await change(
    p,
    {
      state,
      decision: input.decision,
      sortedOn: input.on,
      rejectReason: input.decision === 'reject' ? input.reason!.trim() : null,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      handedOn: unit ? input.on : null,
      acceptedOn: input.decision === 'accept' ? input.on : null,
    },
    ctx,
    actor,
    `${label} ${p.regNo}`,
  );
  const text =
    `${label}${unit ? `至${unit.name}（作为一件整体转送，PET-8）` : ''}` +
    `${input.decision === 'reject' ? `，理由：${input.reason!.trim()}` : ''}` +
    `${check.late ? `（已超过15日期限 ${check.due}）` : ''}`;
  await addStep(updated, 'sort', input.on, text, actor, {
    decision: input.decision,
    unitId: unit?.id ?? null,
    late: check.late,
  });
  return updated;
}

export async function notifyPetitioner(
  id: string,
  input: { on: ISODate; way: string },
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '告知信访人');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    if (!p.sortedOn) throw new DomainError('请先作出处理决定（转送、交办、受理或不予受理）', 'on', 'PET-2');
    if (p.notifiedOn) throw new DomainError('已告知信访人', 'on', 'PET-2');
    checkOn(input.on, 'on', ctx, { date: p.sortedOn, label: '处理决定日期' });
    const u = await change(p, { notifiedOn: input.on }, ctx, actor, `告知信访人 ${p.regNo}`);
    await addStep(
      u,
      'notify',
      input.on,
      `${input.way || '书面'}告知信访人处理决定（${DECISION_LABELS[p.decision!]}）`,
      actor,
    );
    return u;
  });
}

// 交办: the unit's acceptance starts the PET-4 clock.
export async function recordUnitAcceptance(
  id: string,
  on: ISODate,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '登记责任单位受理');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['handed_down'], '登记责任单位受理');
    if (p.acceptedOn) throw new DomainError('已登记受理日期', 'on');
    checkOn(on, 'on', ctx, { date: p.handedOn, label: '交办日期' });
    const u = await change(p, { acceptedOn: on }, ctx, actor, `责任单位受理 ${p.regNo}`);
    await addStep(u, 'unit_accept', on, `${p.unitName}受理，办理期限自此起算（PET-4）`, actor);
    return u;
  });
}

// PET-3: objection of the receiving unit within 5 working days; the case is re-routed whole.
export function objectionDueOf(p: Petition, ctx: Pick<PetitionCtx, 'cal' | 'settings'>): ISODate | null {
  return p.handedOn ? addWorkdays(p.handedOn, ctx.settings.limits.objectionWorkdays, ctx.cal) : null;
}

// PET-3: only a unit that has not yet taken the matter on may object: once it has accepted a
// 交办 (acceptedOn), the objection is no longer open.
export function mayObject(p: Pick<Petition, 'state' | 'acceptedOn'>): boolean {
  return objectionOpen(p);
}

export type ObjectionInput = { on: ISODate; reason: string; newUnitId: string };

export async function recordObjection(
  id: string,
  input: ObjectionInput,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '登记异议并重新转送');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['forwarded', 'handed_down'], '登记异议');
    if (p.acceptedOn)
      throw new DomainError(
        `${p.unitName ?? '责任单位'}已于${p.acceptedOn}受理，不能再提出异议`,
        'on',
        'PET-3',
      );
    checkOn(input.on, 'on', ctx, { date: p.handedOn, label: '转送/交办日期' });
    const due = objectionDueOf(p, ctx)!;
    if (input.on > due) throw new DomainError(`已超过异议期限（${due}，收到之日起5个工作日）`, 'on', 'PET-3');
    const reason = need(input.reason, '请填写异议理由', 'reason', 'PET-3');
    const unit = unitOf(ctx, input.newUnitId);
    if (unit.id === p.unitId) throw new DomainError('请选择另一个责任单位', 'newUnitId', 'PET-3');
    assertMayForward(p, unit);
    const old = p.unitName;
    const u = await change(
      p,
      { unitId: unit.id, unitName: unit.name, handedOn: input.on, acceptedOn: null },
      ctx,
      actor,
      `异议后重新${DECISION_LABELS[p.decision!]} ${p.regNo}`,
    );
    await addStep(u, 'objection', input.on, `${old}提出异议：${reason}`, actor, { unitId: p.unitId });
    await addStep(u, 'reroute', input.on, `整件重新${DECISION_LABELS[p.decision!]}至${unit.name}`, actor, {
      unitId: unit.id,
    });
    return u;
  });
}

// PET-13
export async function recordRecusal(
  id: string,
  input: { staffId: string; reason: PetitionRecusal['reason']; note?: string; on: ISODate },
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '登记回避');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    checkOn(input.on, 'on', ctx);
    const s = ctx.staff.get(input.staffId);
    if (!s) throw new DomainError('请选择回避人员', 'staffId', 'PET-13');
    if (p.recusals.some((r) => r.staffId === s.id))
      throw new DomainError(`${s.name}已登记回避`, 'staffId', 'PET-13');
    const recusals = [
      ...p.recusals,
      {
        staffId: s.id,
        staffName: s.name,
        reason: input.reason,
        note: input.note?.trim() || undefined,
        on: input.on,
      },
    ];
    const unassign = p.assigneeId === s.id ? { assigneeId: null, assigneeName: null } : {};
    const u = await change(p, { recusals, ...unassign }, ctx, actor, `回避 ${s.name} ${p.regNo}`);
    await addStep(
      u,
      'recusal',
      input.on,
      `${s.name}回避（${RECUSAL_LABELS[input.reason]}${input.note ? `：${input.note}` : ''}）${unassign.assigneeId === null ? '，已撤回承办' : ''}`,
      actor,
      { staffId: s.id },
    );
    return u;
  });
}

export async function assignHandler(
  id: string,
  staffId: string,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '指定承办人');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    const s = ctx.staff.get(staffId);
    if (!s || !s.active) throw new DomainError('请选择承办人', 'staffId');
    if (!mayAssign(staffId, p.recusals))
      throw new DomainError(`${s.name}已回避本件，不能指定为承办人`, 'staffId', 'PET-13');
    const u = await change(
      p,
      { assigneeId: s.id, assigneeName: s.name },
      ctx,
      actor,
      `指定承办人 ${s.name} ${p.regNo}`,
    );
    await addStep(u, 'assign', ctx.today, `指定承办人：${s.name}`, actor, { staffId: s.id });
    return u;
  });
}

// PET-4: extended once by at most 30 days by the head (局长 or 分管领导), the reason told to the petitioner.
export async function extendPetition(
  id: string,
  input: { days: number; reason: string; on: ISODate; toldPetitioner: boolean },
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  if (!isLeader(ctx)) throw new DomainError('延期须由局长或分管领导批准', 'days', 'PET-4');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    if ((p.decision !== 'accept' && p.decision !== 'hand_down') || p.concludedOn)
      throw new DomainError('只有在办理期限内的件可以延期', 'days', 'PET-4');
    if (p.extensionDays > 0) throw new DomainError('办理期限只能延长一次', 'days', 'PET-4');
    const max = ctx.settings.limits.maxExtensionDays;
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > max)
      throw new DomainError(`延长天数应为1–${max}天`, 'days', 'PET-4');
    const reason = need(input.reason, '请填写延期理由', 'reason', 'PET-4');
    if (!input.toldPetitioner) throw new DomainError('延期理由须告知信访人', 'toldPetitioner', 'PET-4');
    checkOn(input.on, 'on', ctx, { date: p.sortedOn, label: '处理决定日期' });
    const u = await change(
      p,
      { extensionDays: input.days, extensionReason: reason },
      ctx,
      actor,
      `延期 ${input.days} 天 ${p.regNo}`,
    );
    await addStep(
      u,
      'extend',
      input.on,
      `延长办理期限${input.days}天，理由：${reason}（已告知信访人），新期限 ${u.dueOn}`,
      actor,
      { days: input.days },
    );
    return u;
  });
}

// PET-11: the reply recorded; a complaint about its attitude goes to the staff complaints (ASM-3).
export type ReplyInput = {
  on: ISODate;
  way: string;
  text: string;
  staffId?: string | null; // who replied
  complaint?: { staffId: string; content: string } | null;
};

export async function recordReply(
  id: string,
  input: ReplyInput,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '登记答复');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    const informantCase = informantCaseOf(p, await linksOf([p]));
    checkOn(input.on, 'on', ctx, { date: p.receivedOn, label: '收件日期' });
    const text = need(input.text, '请填写答复内容', 'text', 'PET-11');
    const by = input.staffId ? ctx.staff.get(input.staffId)?.name : actor.name;
    await addStep(p, 'reply', input.on, `${input.way || '书面'}答复（${by}）：${text}`, actor, {
      way: input.way,
      staffId: input.staffId ?? actor.id,
    });
    if (input.complaint) {
      const s = ctx.staff.get(input.complaint.staffId);
      if (!s) throw new DomainError('请选择被投诉的工作人员', 'complaintStaffId', 'PET-11');
      const content = need(input.complaint.content, '请填写投诉内容', 'complaintContent', 'PET-11');
      await insert(
        db.staffComplaints,
        {
          staffId: s.id,
          receivedOn: input.on,
          source: 'petition_reply',
          sourceRef: p.id,
          complainant: informantCase ? '检举人（身份保密）' : p.name,
          content,
          kind: 'attitude',
          status: 'received',
          handlerId: null,
        },
        actor,
        `信访答复态度投诉 ${p.regNo}`,
      );
      await addStep(
        p,
        'complaint',
        input.on,
        `信访人投诉${s.name}答复态度：${content}（已转考核与监督）`,
        actor,
        { staffId: s.id },
      );
    }
    return p;
  });
}

export async function concludePetition(
  id: string,
  input: { on: ISODate; outcome: string; text: string; replyReceivedOn?: ISODate | null },
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '办结信访事项');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['forwarded', 'handed_down', 'accepted', 'reported_up'], '办结');
    checkOn(input.on, 'on', ctx, { date: p.acceptedOn ?? p.sortedOn, label: '受理日期' });
    const outcome = need(input.outcome, '请选择办理结果', 'outcome');
    const text = need(input.text, '请填写处理意见（信访处理意见书）', 'text', 'PET-4');
    if (input.replyReceivedOn)
      checkOn(input.replyReceivedOn, 'replyReceivedOn', ctx, { date: input.on, label: '办结日期' });
    const u = await change(
      p,
      {
        state: 'concluded',
        concludedOn: input.on,
        outcome,
        outcomeText: text,
        concludedAt: 'handling',
        replyReceivedOn: input.replyReceivedOn ?? null,
      },
      ctx,
      actor,
      `办结 ${p.regNo}`,
    );
    const late =
      p.dueKind === 'conclude' && p.dueOn && input.on > p.dueOn ? `（超过办理期限 ${p.dueOn}）` : '';
    await addStep(u, 'conclude', input.on, `办结：${outcome}。${text}${late}`, actor, { outcome });
    return u;
  });
}

export async function recordReplyReceived(
  id: string,
  on: ISODate,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '登记信访人收到答复');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['concluded', 'archived'], '登记收到答复');
    if (p.replyReceivedOn) throw new DomainError('已登记收到答复日期', 'on');
    checkOn(on, 'on', ctx, { date: p.concludedOn, label: '办结日期' });
    const u = await change(p, { replyReceivedOn: on }, ctx, actor, `信访人收到答复 ${p.regNo}`);
    await addStep(u, 'reply_received', on, '信访人收到书面答复意见，复查申请期限自次日起算（PET-5）', actor);
    return u;
  });
}

// PET-5: 复查 / 复核 requests (within 30 days) and answers (within 30 days).
export async function requestReview(
  id: string,
  input: { on: ISODate },
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '登记复查、复核申请');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['concluded', 'archived'], '申请复查或复核');
    if (p.recheckAnsweredOn) throw new DomainError('该件已经复核终结，不再受理（重复信访）', 'on', 'PET-5');
    const recheck = !!p.reviewAnsweredOn;
    if (!recheck && !p.replyReceivedOn)
      throw new DomainError('请先登记信访人收到书面答复的日期', 'on', 'PET-5');
    checkOn(input.on, 'on', ctx, {
      date: recheck ? p.reviewAnsweredOn : p.replyReceivedOn,
      label: recheck ? '复查答复日期' : '收到答复日期',
    });
    // The petitioner's window is the running deadline on the day of the request (the rules decide).
    const window = nextDeadlineOf({ ...p, state: 'concluded' }, ctx.cal, ctx.settings, input.on);
    const kind = recheck ? 'recheck_request' : 'review_request';
    if (window?.kind !== kind) {
      throw new DomainError(
        `已超过申请${recheck ? '复核' : '复查'}的期限（收到${recheck ? '复查意见' : '书面答复'}之日起30日）`,
        'on',
        'PET-5',
      );
    }
    const changes: Partial<Petition> = recheck
      ? { state: 'recheck', recheckRequestedOn: input.on }
      : { state: 'review', reviewRequestedOn: input.on };
    const u = await change(p, changes, ctx, actor, `${recheck ? '复核' : '复查'}申请 ${p.regNo}`);
    await addStep(
      u,
      recheck ? 'recheck_request' : 'review_request',
      input.on,
      `信访人申请${recheck ? '复核' : '复查'}，答复期限 ${u.dueOn}`,
      actor,
    );
    return u;
  });
}

export async function answerReview(
  id: string,
  input: { on: ISODate; result: string; text: string; hearingDays?: number },
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '登记复查、复核答复');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['review', 'recheck'], '登记复查或复核答复');
    const recheck = p.state === 'recheck';
    checkOn(input.on, 'on', ctx, {
      date: recheck ? p.recheckRequestedOn : p.reviewRequestedOn,
      label: '申请日期',
    });
    const result = need(input.result, '请选择结论', 'result');
    const text = need(input.text, '请填写答复意见', 'text', 'PET-5');
    const hearing = input.hearingDays ?? 0;
    if (!Number.isInteger(hearing) || hearing < 0)
      throw new DomainError('听证天数应为0以上的整数', 'hearingDays', 'PET-5');
    const late = p.dueOn && input.on > p.dueOn ? `（超过答复期限 ${p.dueOn}）` : '';
    const changes: Partial<Petition> = recheck
      ? {
          state: 'concluded',
          recheckAnsweredOn: input.on,
          hearingDays: hearing,
          concludedAt: 'recheck',
          outcome: result,
          outcomeText: text,
        }
      : {
          state: 'concluded',
          reviewAnsweredOn: input.on,
          concludedAt: 'review',
          outcome: result,
          outcomeText: text,
        };
    const u = await change(p, changes, ctx, actor, `${recheck ? '复核' : '复查'}答复 ${p.regNo}`);
    await addStep(
      u,
      recheck ? 'recheck_answer' : 'review_answer',
      input.on,
      `${recheck ? '复核' : '复查'}答复：${result}。${text}${late}${recheck ? '。复核终结，同一事实和理由再次提出的不再受理（PET-5）' : ''}`,
      actor,
      { result },
    );
    return u;
  });
}

export async function archivePetition(
  id: string,
  on: ISODate,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '归档');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    requireState(p, ['concluded', 'rejected', 'forwarded', 'reported_up', 'duplicate', 'repeat'], '归档');
    if (p.dueOn) throw new DomainError(`尚有未完成的期限事项（${p.dueOn} 前），不能归档`, 'on', 'PET-9');
    checkOn(on, 'on', ctx, { date: p.concludedOn ?? p.sortedOn ?? p.receivedOn, label: '办结日期' });
    const u = await change(p, { state: 'archived', archivedOn: on }, ctx, actor, `归档 ${p.regNo}`);
    await addStep(u, 'archive', on, '归档', actor);
    return u;
  });
}

// ---- urgent matters (PET-7) -------------------------------------------------------------------

export async function markUrgent(id: string, actor: Actor, pre?: PetitionCtx): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '标为重大紧急');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    if (p.urgent) throw new DomainError('已是重大紧急事项', 'urgent', 'PET-7');
    const u = await change(
      p,
      { urgent: true, urgentOpen: p.urgentReport ? null : 1 },
      ctx,
      actor,
      `标为重大紧急 ${p.regNo}`,
    );
    await addStep(u, 'urgent_mark', ctx.today, '标为重大紧急事项，须即时报告（PET-7）', actor);
    return u;
  });
}

export type UrgentReportInput = { at: string; recipients: string[]; note?: string; delayReason?: string };

// The report upward, with time and recipients; a report on a later day than the matter was
// registered needs a reason, which the 局长 sees.
export async function reportUrgent(
  id: string,
  input: UrgentReportInput,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '报告重大紧急事项');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    if (!p.urgent) throw new DomainError('该件不是重大紧急事项', 'at', 'PET-7');
    if (p.urgentReport) throw new DomainError('已报告', 'at', 'PET-7');
    const at = new Date(input.at);
    if (!input.at || Number.isNaN(at.getTime())) throw new DomainError('请填写报告时间', 'at', 'PET-7');
    const day = toLocalISODate(at);
    checkOn(day, 'at', ctx, { date: p.receivedOn, label: '收件日期' });
    const recipients = input.recipients.map((r) => r.trim()).filter(Boolean);
    if (!recipients.length) throw new DomainError('请选择报告对象', 'recipients', 'PET-7');
    const registeredDay = toLocalISODate(new Date(p.createdAt));
    const late = day > registeredDay && day > p.receivedOn;
    const delayReason = input.delayReason?.trim() ?? '';
    if (late && !delayReason)
      throw new DomainError('未在登记当日报告，须填写迟报原因（局长可见）', 'delayReason', 'PET-7');
    const report = {
      at: at.toISOString(),
      recipients,
      byId: actor.id,
      byName: actor.name,
      note: input.note?.trim() || undefined,
      delayReason: late ? delayReason : undefined,
    };
    const u = await change(
      p,
      {
        urgentReport: report,
        urgentOpen: null,
        directorNoticeOpen: late ? 1 : (p.directorNoticeOpen ?? null),
      },
      ctx,
      actor,
      `报告重大紧急事项 ${p.regNo}`,
    );
    await addStep(
      u,
      'urgent_report',
      day,
      `已报告：${recipients.join('、')}${late ? `（迟报，原因：${delayReason}）` : ''}${report.note ? `。${report.note}` : ''}`,
      actor,
      { at: report.at, recipients },
    );
    return u;
  });
}

export async function downgradeUrgent(
  id: string,
  reason: string,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '调整重大紧急等级');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    if (!p.urgent) throw new DomainError('该件不是重大紧急事项', 'reason', 'PET-7');
    const why = need(reason, '降级须写明理由（局长可见）', 'reason', 'PET-7');
    const u = await change(
      p,
      {
        urgent: false,
        urgentOpen: null,
        urgentDowngrade: { at: nowIso(), reason: why, byId: actor.id, byName: actor.name },
        directorNoticeOpen: 1,
        directorNoticeSeenAt: null,
      },
      ctx,
      actor,
      `重大紧急降级 ${p.regNo}`,
    );
    await addStep(u, 'urgent_downgrade', ctx.today, `取消重大紧急标记，理由：${why}（待局长阅知）`, actor);
    return u;
  });
}

export async function acknowledgeDirectorNotice(
  id: string,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  if (!ctx.system && !ctx.roles.includes('director')) throw new DomainError('由局长阅知', 'seen', 'PET-7');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    if (!p.directorNoticeOpen) throw new DomainError('没有待阅知的事项', 'seen');
    const u = await change(
      p,
      { directorNoticeOpen: null, directorNoticeSeenAt: nowIso() },
      ctx,
      actor,
      `局长阅知 ${p.regNo}`,
    );
    await addStep(u, 'director_seen', ctx.today, '局长已阅知降级/迟报理由', actor);
    return u;
  });
}

// ---- other records of a case --------------------------------------------------------------------

export async function setNationalNo(
  id: string,
  nationalNo: string,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<Petition> {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.register', '录入全国系统编号');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    const no = need(nationalNo, '请填写全国信访信息系统录入编号', 'nationalNo', 'PET-1');
    const u = await change(p, { nationalNo: no }, ctx, actor, `全国系统编号 ${p.regNo}`);
    await addStep(u, 'national_no', ctx.today, `已录入全国信访信息系统，编号 ${no}`, actor);
    return u;
  });
}

export async function addAttachments(
  id: string,
  files: { name: string; type: string; blob: Blob }[],
  actor: Actor,
  pre?: PetitionCtx,
) {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.register', '添加附件');
  if (!files.length) throw new DomainError('请选择文件', 'files');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    for (const f of files) {
      await insert(
        db.attachments,
        {
          ownerTable: 'petitions',
          ownerId: p.id,
          name: f.name,
          type: f.type,
          size: f.blob.size,
          blob: f.blob,
        },
        actor,
        `附件 ${f.name}`,
      );
    }
    await addStep(p, 'attachment', ctx.today, `添加附件：${files.map((f) => f.name).join('、')}`, actor);
  });
}

export async function addNote(id: string, text: string, actor: Actor, pre?: PetitionCtx) {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '添加备注');
  return writeTx(writeTables(), async () => {
    const p = await getLive(id);
    await addStep(p, 'note', ctx.today, need(text, '请填写备注', 'text'), actor);
  });
}

// A print of a form (交办单, 转送函, 督办通知) is recorded on each case it concerns.
export async function recordPrinted(
  ids: string[],
  what: string,
  actor: Actor,
  kind: 'print' | 'supervise' = 'print',
  pre?: PetitionCtx,
) {
  const ctx = pre ?? (await loadCtx(actor));
  return writeTx(writeTables(), async () => {
    for (const id of ids) {
      const p = await getLive(id);
      await addStep(p, kind, ctx.today, `打印${what}`, actor);
    }
  });
}

// ---- reception days, visits upward, month reports, settings -------------------------------------

export type ReceptionInput = {
  date: ISODate;
  kind: 'reception' | 'appointment';
  leaderId: string;
  place: string;
  topic?: string;
  visitors: number;
  cases: number; // typed count: used only when no case is linked (visitors not registered as cases)
  petitionIds?: string[]; // 来访 cases registered on that day (channel 'visit', receivedOn = date)
  notes?: string;
};

// The linked cases must be live 来访 cases of the reception day's date.
async function checkReceptionCases(ids: readonly string[], date: ISODate): Promise<string[]> {
  const unique = [...new Set(ids)];
  const rows = await db.petitions.bulkGet(unique);
  rows.forEach((p, i) => {
    if (!p) throw new DomainError(`关联的信访件不存在（${unique[i]}）`, 'petitionIds');
    if (p.deletedAt) throw new DomainError(`关联的信访件${p.regNo}已删除`, 'petitionIds');
    if (p.channel !== 'visit')
      throw new DomainError(`${p.regNo}不是来访件，不能关联到领导接访`, 'petitionIds');
    if (p.receivedOn !== date)
      throw new DomainError(`${p.regNo}的来访日期是${p.receivedOn}，不是接访日期${date}`, 'petitionIds');
  });
  return unique;
}

export async function saveReceptionDay(input: ReceptionInput, actor: Actor, id?: string, pre?: PetitionCtx) {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.register', '登记领导接访');
  const leader = ctx.staff.get(input.leaderId);
  if (!leader) throw new DomainError('请选择接访领导', 'leaderId');
  if (!input.date || !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DomainError('请填写日期', 'date');
  const place = need(input.place, '请填写地点', 'place');
  const data = {
    date: input.date,
    kind: input.kind,
    leaderId: leader.id,
    leaderName: leader.name,
    place,
    topic: input.topic?.trim() || undefined,
    visitors: Math.max(0, Math.floor(input.visitors || 0)),
    notes: input.notes?.trim() || undefined,
  };
  const typed = Math.max(0, Math.floor(input.cases || 0));
  return writeTx([db.receptionDays, db.petitions], async () => {
    const petitionIds = await checkReceptionCases(input.petitionIds ?? [], input.date);
    // linked cases are counted; the typed count stays for days whose visitors were not registered
    const row = { ...data, petitionIds, cases: petitionIds.length || typed };
    return id
      ? update(db.receptionDays, id, row, actor, '修改领导接访')
      : insert(db.receptionDays, row, actor, `领导接访 ${input.date} ${leader.name}`);
  });
}

export type HigherVisitInput = {
  date: ISODate;
  level: keyof typeof HIGHER_LEVEL_LABELS;
  name: string;
  idNo?: string | null;
  phone?: string | null;
  township: string;
  persons: number;
  category: string;
  summary: string;
  place?: string;
  handledBy?: string;
  result?: string;
};

export async function saveHigherVisit(input: HigherVisitInput, actor: Actor, pre?: PetitionCtx) {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.register', '登记上访情况');
  const d = dateProblem(input.date, ctx.today);
  if (d) throw new DomainError(d, 'date');
  const name = need(input.name, '请填写上访人', 'name');
  if (!Number.isInteger(input.persons) || input.persons < 1)
    throw new DomainError('人数应为1以上的整数', 'persons');
  const idNo = normIdNo(input.idNo);
  if (idNo && !idCardValid(idNo)) throw new DomainError('身份证号校验不通过', 'idNo');
  return writeTx([db.higherVisits], async () =>
    insert(
      db.higherVisits,
      {
        date: input.date,
        level: input.level,
        name,
        idNo,
        phone: normPhone(input.phone),
        township: need(input.township, '请选择所属乡镇', 'township'),
        persons: input.persons,
        category: need(input.category, '请选择问题类别', 'category'),
        summary: need(input.summary, '请填写反映问题', 'summary'),
        place: input.place?.trim() || undefined,
        handledBy: input.handledBy?.trim() || undefined,
        result: input.result?.trim() || undefined,
        petitionId: null,
      },
      actor,
      `${HIGHER_LEVEL_LABELS[input.level]}上访登记 ${name}`,
    ),
  );
}

export async function saveMonthReport(month: string, text: string, actor: Actor, pre?: PetitionCtx) {
  const ctx = pre ?? (await loadCtx(actor));
  requirePerm(ctx, 'petition.handle', '编辑上访情况分析');
  if (!/^\d{4}-\d{2}$/.test(month)) throw new DomainError('月份格式不对', 'month');
  return writeTx([db.petitionReports], async () => {
    const existing = await db.petitionReports.where('month').equals(month).first();
    if (existing) return update(db.petitionReports, existing.id, { text }, actor, `上访情况分析 ${month}`);
    return insert(db.petitionReports, { month, text }, actor, `上访情况分析 ${month}`);
  });
}

export async function savePetitionSettings(
  s: PetitionSettings,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<void> {
  const ctx = pre ?? (await loadCtx(actor));
  if (!ctx.system && !can(ctx.roles, 'system.settings') && !ctx.roles.includes('director'))
    throw new DomainError('没有权限：信访设置由局长或管理员修改');
  const v = withDefaults(s);
  // PET-6: who may see an informant's identity is the 局长's decision (an administrator could
  // otherwise grant it to themselves)
  const was = ctx.settings.informantAccess;
  const access = v.informantAccess;
  const changed =
    access.assignee !== was.assignee || [...access.roles].sort().join() !== [...was.roles].sort().join();
  if (changed && !ctx.system && !ctx.roles.includes('director'))
    throw new DomainError(INFORMANT_TEXT.settingsRefused, 'informantAccess', 'PET-6');
  if (access.roles.some((r: string) => !(ROLES as readonly string[]).includes(r)))
    throw new DomainError('角色不存在', 'informantAccess', 'PET-6');
  v.informantAccess = { roles: ROLES.filter((r) => access.roles.includes(r)), assignee: !!access.assignee };
  for (const k of SERIES) {
    const problem = numberFormatProblem(v.numberFormats[k]);
    if (problem) throw new DomainError(problem, `numberFormats.${k}`, 'PET-1');
  }
  if (!Number.isInteger(v.seqDigits) || v.seqDigits < 1 || v.seqDigits > 8)
    throw new DomainError('序号位数应为1–8', 'seqDigits');
  const limits = { ...v.limits, ...v.otherCompletionDays, soonDays: v.soonDays };
  for (const [k, n] of Object.entries(limits)) {
    if (!Number.isInteger(n) || n < (k === 'soonDays' ? 0 : 1) || n > 365)
      throw new DomainError('期限应为1–365的整数', k, 'PET-4');
  }
  await setSetting(SETTINGS_KEY, v, actor);
}
