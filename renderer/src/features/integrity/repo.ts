// Moved to core/integrity.ts (use the module's index.ts); kept while the assessment module's test imports it here.
export { handOverGift, pledgedStaffIds, registerGift, revokePledge, signPledge } from './core/integrity';
export type { GiftInput } from './core/integrity';
