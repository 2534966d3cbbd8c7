// 信访 (petitions): the module's public face. The app shell, the demo loader, the benchmarks and
// other modules reach the module only through what is exported here.
export { petitionsDemo } from './core/demo';
export { seeded } from './core/demodata';
export { makeIdNo } from './core/idgen';
export { buildLedger, monthRange } from './core/ledgers';
export { LETTER_CHANNELS } from './core/queries';
export { registerPetition } from './core/registration';
export type { RegistrationInput } from './core/validate';
export {
  bulkAddRows,
  duplicateCheck,
  generatePetitions,
  importFileOf,
  importWorkbook,
  listFirstPage,
  listPageAfter,
  monthLedgerSpec,
  registerLetter,
  removeImported,
  searchText,
} from './core/bench-api';
export { CORRECTION_FIELD_LABELS, DEFAULT_CATEGORIES } from './labels';
