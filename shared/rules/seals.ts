// §6 Seals (印鉴管理制度).

import { checkBoolean, checkObject, checkOneOf } from './validate';

export type SealKind = 'admin' | 'finance';
export type SealStatus = 'active' | 'void';

export const SEAL_KIND_LABELS: Readonly<Record<SealKind, string>> = {
  admin: '行政印章(含钢印)',
  finance: '财务专用章',
};

// SEAL-2, SEAL-3: never a void seal; the administrative seal only with the 局长's consent
export function sealUseOk(s: { seal: SealKind; status: SealStatus; directorApproved: boolean }): boolean {
  const o = checkObject(s, 's');
  const seal = checkOneOf(o.seal, 'seal', ['admin', 'finance'] as const);
  const status = checkOneOf(o.status, 'status', ['active', 'void'] as const);
  const approved = checkBoolean(o.directorApproved, 'directorApproved');
  if (status === 'void') return false;
  return seal !== 'admin' || approved;
}

// The states of a request to use a seal (SEAL-2).
export type SealUseState = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'used' | 'closed';
const SEAL_USE_STATES: readonly SealUseState[] = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'used',
  'closed',
];

// SEAL-3: voiding a seal closes its requests still open (awaiting the 局长's consent, or consented
// and not yet used): a void seal can never be used, so nothing may stay pending on it.
export function closedBySealVoid(state: SealUseState): boolean {
  const s = checkOneOf(state, 'state', SEAL_USE_STATES);
  return s === 'pending' || s === 'approved';
}
