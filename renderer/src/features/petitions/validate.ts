// Field checks of a registration, shared by the forms (errors shown at the field) and the
// repository (which refuses the same input with a DomainError naming the field).
import {
  groupVisitOk,
  GROUP_VISIT_MAX_REPRESENTATIVES,
  idCardValid,
  isISODate,
} from '../../../../shared/rules';
import type { ISODate, SortDecision } from '../../../../shared/rules';
import type { PetitionChannel, PetitionNature, Representative } from '../../db/schema/petitions';

import { MSG } from './labels';

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
  if (v > today) return MSG.dateFuture;
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

export function validateRegistration(v: RegistrationInput, ctx: ValidationContext): FieldErrors {
  const e: FieldErrors = {};
  const d = dateProblem(v.receivedOn, ctx.today);
  if (d) e.receivedOn = d;
  if (!v.name || !v.name.trim()) e.name = MSG.nameRequired;
  const id = idNoProblem(v.idNo);
  if (id) e.idNo = id;
  const ph = phoneProblem(v.phone);
  if (ph) e.phone = ph;
  if (!v.township || !v.township.trim()) e.township = MSG.townshipRequired;
  else if (ctx.townships && ctx.townships.length && !ctx.townships.includes(v.township.trim()))
    e.township = MSG.townshipUnknown;
  if (!v.category || !v.category.trim()) e.category = MSG.categoryRequired;
  if (!v.summary || !v.summary.trim()) e.summary = MSG.summaryRequired;
  if (v.informant && !(v.accusedUnitIds?.length || (v.accusedNote ?? '').trim()))
    e.accused = MSG.accusedRequired;
  if (v.channel === 'visit') {
    const n = v.visitors ?? 1;
    if (!Number.isInteger(n) || n < 1) e.visitors = MSG.visitorsBad;
    else {
      const reps = (v.representatives ?? []).filter((r) => r.name.trim());
      if (reps.length > n) e.representatives = '代表人数不能多于来访人数';
      else if (!groupVisitOk(n, reps.length)) {
        // PET-12
        e.representatives =
          reps.length > GROUP_VISIT_MAX_REPRESENTATIVES ? MSG.repsTooMany : MSG.repsRequired;
      } else {
        reps.forEach((r, i) => {
          const p = idNoProblem(r.idNo);
          if (p) e[`rep${i}.idNo`] = p;
        });
      }
    }
    if (!v.receptionistId) e.receptionistId = MSG.receptionistRequired;
  }
  return e;
}

export function firstError(e: FieldErrors): [string, string] | null {
  const k = Object.keys(e)[0];
  return k ? [k, e[k] as string] : null;
}

export const DECISIONS_NEEDING_UNIT: readonly SortDecision[] = ['forward', 'hand_down'];
