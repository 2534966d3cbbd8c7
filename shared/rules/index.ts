// The rules of the product (rules.md), pure and synchronous: no clock, no I/O, dates passed in.
// §11 of the rule book is the public contract (index.test.ts names it); everything else here
// serves the modules. Every rule file's exports are the package's.

export * from './calendar';
export * from './calendar-data';
export * from './calendar-import';
export * from './dates';
export * from './attendance';
export * from './attendance-schedule';
export * from './leave';
export * from './routes';
export * from './trips';
export * from './routing';
export * from './drafts';
export * from './petitions';
export * from './informants';
export * from './documents';
export * from './seals';
export * from './finance';
export * from './publicity';
export * from './assessment';
export * from './study';
export * from './meetings';
export * from './supervision';
export * from './rule-texts';
