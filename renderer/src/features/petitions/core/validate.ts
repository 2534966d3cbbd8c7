// Field checks of a registration, shared by the forms (errors shown at the field) and the
// repository (which refuses the same input with a DomainError naming the field).
import {
  actDateOk,
  groupVisitOk,
  GROUP_VISIT_MAX_REPRESENTATIVES,
  idCardValid,
  isISODate,
} from '../../../../../shared/rules';
import type { ISODate, RuleId, SortDecision } from '../../../../../shared/rules';
import type { Petition, PetitionChannel, PetitionNature, Representative } from '../../../db/schema/petitions';
import { CORRECTION_FIELD_LABELS, MSG } from '../labels';
import type { CorrectionField } from '../labels';

export type RegistrationInput = {
  channel: PetitionChannel;
  receivedOn: ISODate;
  letterSource?: string | null;
  upstreamNo?: string | null;
  name: string;
  idNo?: string | null;
  phone?: string | null;
  address?: string | null;
  township: string;
  category: string;
  nature?: PetitionNature;
  summary: string;
  informant?: boolean;
  accusedUnitIds?: string[];
  accusedNote?: string | null;
  urgent?: boolean;
  nationalNo?: string | null;
  visitors?: number;
  representatives?: Representative[];
  receptionistId?: string | null;
  remarks?: string | null;
};

export type RegistrationField =
  | 'receivedOn'
  | 'name'
  | 'idNo'
  | 'phone'
  | 'township'
  | 'category'
  | 'summary'
  | 'accused'
  | 'visitors'
  | 'representatives'
  | 'receptionistId'
  | 'regNo';

export type FieldErrors = Partial<Record<RegistrationField | string, string>>;

export type ValidationContext = { today: ISODate; townships: readonly string[] | null };

export function normIdNo(v: string | null | undefined): string | null {
  const s = (v ?? '').replace(/\s+/g, '').toUpperCase();
  return s ? s : null;
}
export function normPhone(v: string | null | undefined): string | null {
  const s = (v ?? '').replace(/[\s]/g, '');
  return s ? s : null;
}

export function dateProblem(v: string | null | undefined, today: ISODate): string | null {
  if (!v) return MSG.dateRequired;
  if (!isISODate(v)) return MSG.dateBad;
  if (!actDateOk(v, today)) return MSG.dateFuture;
  return null;
}

export function idNoProblem(v: string | null | undefined): string | null {
  const id = normIdNo(v);
  return id && !idCardValid(id) ? MSG.idBad : null;
}

export function phoneProblem(v: string | null | undefined): string | null {
  const p = normPhone(v);
  return p && !/^(\d{3,4}-)?\d{7,12}$/.test(p) ? MSG.phoneBad : null;
}

// One refusal of a registration: the field it is shown at, the message, and the rule it keeps
// (written at the check itself, so nothing downstream guesses the rule from the field's name).
export type RegistrationProblem = { field: string; message: string; ruleId: RuleId };

export function registrationProblems(v: RegistrationInput, ctx: ValidationContext): RegistrationProblem[] {
  const out: RegistrationProblem[] = [];
  // PET-1: what a registration records
  const add = (field: string, message: string | null, ruleId: RuleId = 'PET-1') => {
    if (message) out.push({ field, message, ruleId });
  };
  add('receivedOn', dateProblem(v.receivedOn, ctx.today));
  if (!v.name || !v.name.trim()) add('name', MSG.nameRequired);
  add('idNo', idNoProblem(v.idNo));
  add('phone', phoneProblem(v.phone));
  if (!v.township || !v.township.trim()) add('township', MSG.townshipRequired);
  else if (ctx.townships && ctx.townships.length && !ctx.townships.includes(v.township.trim()))
    add('township', MSG.townshipUnknown);
  if (!v.category || !v.category.trim()) add('category', MSG.categoryRequired);
  if (!v.summary || !v.summary.trim()) add('summary', MSG.summaryRequired);
  // PET-6: an informant's letter names whom it accuses
  if (v.informant && !(v.accusedUnitIds?.length || (v.accusedNote ?? '').trim()))
    add('accused', MSG.accusedRequired, 'PET-6');
  if (v.channel === 'visit') {
    const n = v.visitors ?? 1;
    if (!Number.isInteger(n) || n < 1) add('visitors', MSG.visitorsBad);
    else {
      const reps = (v.representatives ?? []).filter((r) => r.name.trim());
      // PET-12: a group visit sends at most five representatives
      if (reps.length > n) add('representatives', '代表人数不能多于来访人数', 'PET-12');
      else if (!groupVisitOk(n, reps.length))
        add(
          'representatives',
          reps.length > GROUP_VISIT_MAX_REPRESENTATIVES ? MSG.repsTooMany : MSG.repsRequired,
          'PET-12',
        );
      else reps.forEach((r, i) => add(`rep${i}.idNo`, idNoProblem(r.idNo)));
    }
    if (!v.receptionistId) add('receptionistId', MSG.receptionistRequired);
  }
  return out;
}

// The same checks as field → message, for a form (the first message of each field).
export function validateRegistration(v: RegistrationInput, ctx: ValidationContext): FieldErrors {
  const e: FieldErrors = {};
  for (const p of registrationProblems(v, ctx)) e[p.field] ??= p.message;
  return e;
}

export function normRepresentatives(reps: readonly Representative[]): Representative[] {
  return reps
    .filter((r) => r.name.trim())
    .map((r) => ({ name: r.name.trim(), idNo: normIdNo(r.idNo), phone: normPhone(r.phone) }));
}

// ---- 登记信息更正 ----------------------------------------------------------------------------------

// What a correction may carry: a field left out (undefined) keeps its value. Not here on purpose:
// regNo, channel and receivedOn (numbering and deadlines), the urgent flag (PET-7 has its own
// flow), the national number (its own step), nature, visitors and the receptionist.
export type RegistrationCorrection = {
  name?: string;
  idNo?: string | null;
  phone?: string | null;
  address?: string | null;
  township?: string;
  letterSource?: string | null;
  category?: string;
  summary?: string;
  informant?: boolean;
  accusedUnitIds?: string[];
  accusedNote?: string | null;
  representatives?: Representative[];
};

// The petitioner's identity: masked for users who may not see informants (PET-6).
export const IDENTITY_FIELDS = ['name', 'idNo', 'phone', 'address', 'representatives'] as const;

export const CORRECTION_FIELDS = Object.keys(CORRECTION_FIELD_LABELS) as CorrectionField[];

export type CorrectionPlan = {
  changes: Partial<Petition>; // normalised as registration stores them, only what differs
  changed: CorrectionField[]; // in form order
  errors: FieldErrors; // registration's checks, on what the correction touches
  problems: RegistrationProblem[]; // the same, each with its rule
};

const trimmed = (v: string | null | undefined) => (v ?? '').trim();
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// A correction applied to a case, normalised as registerTx normalises a registration and checked
// with the same rules. Only the fields it changes are checked: a record registered before a rule
// or a township list changed is not held up by a field nobody touched.
export function planCorrection(
  p: Petition,
  c: RegistrationCorrection,
  ctx: ValidationContext,
): CorrectionPlan {
  const informant = c.informant ?? p.informant;
  const next: Record<CorrectionField, unknown> = {
    name: c.name !== undefined ? trimmed(c.name) : p.name,
    idNo: c.idNo !== undefined ? normIdNo(c.idNo) : p.idNo,
    phone: c.phone !== undefined ? normPhone(c.phone) : p.phone,
    address: c.address !== undefined ? trimmed(c.address) : p.address,
    township: c.township !== undefined ? trimmed(c.township) : p.township,
    letterSource: c.letterSource !== undefined ? trimmed(c.letterSource) || null : (p.letterSource ?? null),
    category: c.category !== undefined ? trimmed(c.category) : p.category,
    summary: c.summary !== undefined ? trimmed(c.summary) : p.summary,
    informant,
    // as at registration: only an informant case names accused units or persons
    accusedUnitIds: informant ? [...(c.accusedUnitIds ?? p.accusedUnitIds)] : [],
    accusedNote: informant
      ? c.accusedNote !== undefined
        ? trimmed(c.accusedNote) || null
        : (p.accusedNote ?? null)
      : null,
    // only a visit has representatives (PET-12)
    representatives:
      p.channel === 'visit' && c.representatives !== undefined
        ? normRepresentatives(c.representatives)
        : (p.representatives ?? []),
  };
  const before = (k: CorrectionField) =>
    k === 'representatives'
      ? (p.representatives ?? [])
      : k === 'accusedNote'
        ? (p.accusedNote ?? null)
        : p[k];
  const changed = CORRECTION_FIELDS.filter((k) => !same(next[k], before(k)));
  const changes: Partial<Petition> = {};
  for (const k of changed) (changes as Record<string, unknown>)[k] = next[k];
  // derived as registerTx derives it: name or address unknown means no written notice is owed (PET-2)
  const unknown = next.name === '匿名' || !next.address;
  if (unknown !== !!p.petitionerUnknown) changes.petitionerUnknown = unknown;

  const all = registrationProblems(
    {
      channel: p.channel,
      receivedOn: p.receivedOn,
      name: next.name as string,
      idNo: next.idNo as string | null,
      phone: next.phone as string | null,
      address: next.address as string,
      township: next.township as string,
      category: next.category as string,
      summary: next.summary as string,
      informant: !!informant,
      accusedUnitIds: next.accusedUnitIds as string[],
      accusedNote: next.accusedNote as string | null,
      visitors: p.visitors,
      representatives: next.representatives as Representative[],
      receptionistId: p.receptionistId ?? null,
    },
    ctx,
  );
  const touched = new Set<string>(changed);
  const relevant = (k: string) =>
    k === 'accused'
      ? touched.has('informant') || touched.has('accusedUnitIds') || touched.has('accusedNote')
      : k === 'representatives' || k.startsWith('rep')
        ? touched.has('representatives')
        : touched.has(k);
  const problems = all.filter((x) => relevant(x.field));
  const errors: FieldErrors = {};
  for (const x of problems) errors[x.field] ??= x.message;
  return { changes, changed, errors, problems };
}

export const DECISIONS_NEEDING_UNIT: readonly SortDecision[] = ['forward', 'hand_down'];
