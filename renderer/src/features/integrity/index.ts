// The integrity module's public face.
export { pledgedStaffIds, signPledge } from './core/integrity';
export { integrityDemo } from './core/demo';
