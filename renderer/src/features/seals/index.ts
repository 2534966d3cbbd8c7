// 印章's public face: what other modules use (the 公文 demo data registers seals and their uses).
export { createSeal, logSealUse, requestSealUse, voidSeal } from './core/commands';
