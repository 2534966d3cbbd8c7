// Registration (PET-1, PET-10, PET-5, PET-12, PET-7), 重复件待核 (PET-6, PET-10), 登记信息更正,
// and what is added to a registered case (全国系统编号, attachments).
import Dexie from 'dexie';

import { isRepeatAfterReview, mayForwardTo } from '../../../../../shared/rules';
import { appendAudit } from '../../../db/audit';
import { nowIso } from '../../../db/clock';
import { db } from '../../../db/db';
import { DomainError, insert } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Petition, PetitionState } from '../../../db/schema/petitions';
import { outboxOn } from '../../../sync/outbox';
import { CHANNEL_LABELS, CORRECTION, DECISION_LABELS, IDENTITY_REVIEW, MSG } from '../labels';
import type { CorrectionField } from '../labels';

import {
  addStep,
  caseCommand,
  change,
  informantAccessOf,
  livePetition,
  need,
  petitionCommand,
  requireState,
} from './context';
import type { PetitionCtx } from './context';
import { bureauDue } from './deadlines';
import { pendingRegNo } from './hubNumbers';
import { IDENTITY_REVIEWS_KEY, informantMatchesOf, linksOf, maySeeIdentity } from './informant';
import type { IdentityReviews } from './informant';
import { formatRegNo, parseRegNo, SERIES, seriesOf } from './numbering';
import type { Series } from './numbering';
import { termKeys } from './text';
import {
  IDENTITY_FIELDS,
  normIdNo,
  normPhone,
  normRepresentatives,
  planCorrection,
  registrationProblems,
} from './validate';
import type { RegistrationCorrection, RegistrationInput } from './validate';

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

const registerPetitionCommand = petitionCommand(
  '登记信访事项',
  'petition.register',
  async (ctx, actor, input: RegistrationInput, opts: RegisterOptions = {}): Promise<Petition> =>
    registerTx(input, opts, ctx, actor),
);

export async function registerPetition(
  input: RegistrationInput,
  actor: Actor,
  opts: RegisterOptions = {},
  pre?: PetitionCtx,
): Promise<Petition> {
  return registerPetitionCommand(actor, pre, input, opts);
}

export async function registerTx(
  input: RegistrationInput,
  opts: RegisterOptions,
  ctx: PetitionCtx,
  actor: Actor,
): Promise<Petition> {
  const [err] = registrationProblems(input, { today: ctx.today, townships: ctx.townships });
  if (err) throw new DomainError(err.message, err.field, err.ruleId);
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
  } else if (outboxOn()) {
    // several PCs: the number comes from the hub once this PC is online (hubNumbers.ts)
    number = { regNo: pendingRegNo(), seq: 0 };
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
    master = await livePetition(dup.caseId);
    if (master.duplicateOf) master = await livePetition(master.duplicateOf);
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
    nameKeys: ctx.nameKeys(name),
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
export const linkDuplicate = caseCommand(
  '并入重复件',
  'petition.handle',
  async (ctx, actor, id: string, input: { caseId: string; note?: string }): Promise<Petition> => {
    const p = await livePetition(id);
    requireState(p, ['registered'], '作为重复件并入（已作出处理决定）');
    let master = await livePetition(input.caseId);
    if (master.duplicateOf) master = await livePetition(master.duplicateOf);
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
  },
);

// Closes a 重复件待核 without linking (the reviewer found it is not the same matter). Only someone
// who may see one of the informant cases it matches may close it.
export const closeIdentityReview = caseCommand(
  '关闭重复件待核',
  null,
  async (ctx, actor, id: string, note: string) => {
    const access = informantAccessOf(ctx);
    const p = await livePetition(id);
    const open = ((await db.settings.get(IDENTITY_REVIEWS_KEY))?.value ?? {}) as IdentityReviews;
    if (!open[p.id]) throw new DomainError(IDENTITY_REVIEW.none, 'review', 'PET-6');
    if (!(await informantMatchesOf(p, access, true)).length && !ctx.system)
      throw new DomainError(IDENTITY_REVIEW.notAllowed, 'review', 'PET-6');
    const why = need(note, `请填写${IDENTITY_REVIEW.note}`, 'note', 'PET-10');
    await setIdentityReview(p, false, actor, IDENTITY_REVIEW.auditClose(p.regNo, why));
  },
);

// ---- 登记信息更正: correcting the registration ----------------------------------------------------

export type CorrectionResult = { petition: Petition; changed: CorrectionField[] };

// Corrects what was mistyped at registration (the petitioner, the source, the category, the
// summary, the accused, the representatives of a visit), with a reason, in one transaction: the
// case with everything registerTx derives from those inputs (normalised ID number and phone, the
// bigram search index, petitionerUnknown and so the next deadline), the audit entry with before
// and after and the reason, and a step 「登记信息更正：<reason>」 in the case's history.
// Not correctable: regNo, channel and receivedOn (they make the number and start every deadline),
// and the urgent flag (PET-7 marks and downgrades it with its own reasons).
const correctRegistrationCommand = petitionCommand(
  '更正登记信息',
  'petition.register',
  async (
    ctx,
    actor,
    id: string,
    correction: RegistrationCorrection,
    reason: string,
  ): Promise<CorrectionResult> => {
    const access = informantAccessOf(ctx);
    const p = await livePetition(id);
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
    const [err] = plan.problems;
    if (err) throw new DomainError(err.message, err.field, err.ruleId);
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
  },
);

export async function correctRegistration(
  id: string,
  correction: RegistrationCorrection,
  reason: string,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<CorrectionResult> {
  return correctRegistrationCommand(actor, pre, id, correction, reason);
}

// ---- other records of a case --------------------------------------------------------------------

export const setNationalNo = caseCommand(
  '录入全国系统编号',
  'petition.register',
  async (ctx, actor, id: string, nationalNo: string): Promise<Petition> => {
    const p = await livePetition(id);
    const no = need(nationalNo, '请填写全国信访信息系统录入编号', 'nationalNo', 'PET-1');
    const u = await change(p, { nationalNo: no }, ctx, actor, `全国系统编号 ${p.regNo}`);
    await addStep(u, 'national_no', ctx.today, `已录入全国信访信息系统，编号 ${no}`, actor);
    return u;
  },
);

export const addAttachments = caseCommand(
  '添加附件',
  'petition.register',
  async (ctx, actor, id: string, files: { name: string; type: string; blob: Blob }[]) => {
    if (!files.length) throw new DomainError('请选择文件', 'files');
    const p = await livePetition(id);
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
  },
);
