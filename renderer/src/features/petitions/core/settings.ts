// The petitions module's settings (one record in the settings table): numbering formats (PET-1)
// and the time limits of PET-2..5, with PET-4's limit for the categories other than 申诉求决类.
import { ROLE_PERMISSIONS, ROLES } from '../../../../../shared/permissions';
import type { Role } from '../../../../../shared/permissions';
import type { PetitionLimits } from '../../../../../shared/rules';
import { DEFAULT_PETITION_LIMITS } from '../../../../../shared/rules';
import type { PetitionNature } from '../../../db/schema/petitions';
import { getSetting } from '../../../db/settings';

import type { Series } from './numbering';
import { DEFAULT_NUMBER_FORMATS } from './numbering';

export const SETTINGS_KEY = 'petition.settings';

export type PetitionSettings = {
  numberFormats: Record<Series, string>;
  seqDigits: number;
  limits: PetitionLimits; // PET-2..5 (completionDays = 申诉求决类)
  otherCompletionDays: { suggestion: number; accusation: number }; // PET-4, other categories
  soonDays: number; // working days before a limit when a case counts as due soon (督办)
  // PET-6: who may see an informant's identity (roles, and the case's own 承办人); set by the 局长
  informantAccess: { roles: Role[]; assignee: boolean }; // an InformantAccessPolicy
};

// Default: the roles that hold petition.viewInformant (局长, 分管领导, 纪检监察) and the case's 承办人.
export const DEFAULT_INFORMANT_ROLES: Role[] = ROLES.filter((r) =>
  ROLE_PERMISSIONS[r].includes('petition.viewInformant'),
);

export const DEFAULT_SETTINGS: PetitionSettings = {
  numberFormats: { ...DEFAULT_NUMBER_FORMATS },
  seqDigits: 4,
  limits: { ...DEFAULT_PETITION_LIMITS },
  otherCompletionDays: { suggestion: 60, accusation: 60 },
  soonDays: 3,
  informantAccess: { roles: [...DEFAULT_INFORMANT_ROLES], assignee: true },
};

export function withDefaults(s: Partial<PetitionSettings> | null | undefined): PetitionSettings {
  return {
    numberFormats: { ...DEFAULT_SETTINGS.numberFormats, ...(s?.numberFormats ?? {}) },
    seqDigits: s?.seqDigits ?? DEFAULT_SETTINGS.seqDigits,
    limits: { ...DEFAULT_SETTINGS.limits, ...(s?.limits ?? {}) },
    otherCompletionDays: { ...DEFAULT_SETTINGS.otherCompletionDays, ...(s?.otherCompletionDays ?? {}) },
    soonDays: s?.soonDays ?? DEFAULT_SETTINGS.soonDays,
    informantAccess: {
      roles: [...(s?.informantAccess?.roles ?? DEFAULT_SETTINGS.informantAccess.roles)],
      assignee: s?.informantAccess?.assignee ?? DEFAULT_SETTINGS.informantAccess.assignee,
    },
  };
}

export async function loadPetitionSettings(): Promise<PetitionSettings> {
  return withDefaults(await getSetting<Partial<PetitionSettings> | null>(SETTINGS_KEY, null));
}

// PET-4: 申诉求决类 uses the completion limit; the other categories their own setting.
export function limitsFor(nature: PetitionNature, s: PetitionSettings): PetitionLimits {
  if (nature === 'claim') return s.limits;
  return { ...s.limits, completionDays: s.otherCompletionDays[nature] };
}
