// The finance module's public face: what the app shell and other modules use.
export { claimTables, submitSourcedClaim } from './core/claims';
export type { SourcedClaim } from './core/claims';
export { financeDemo } from './core/demo';
export { approveSteps, demoKit, seeded } from './core/demoUtil';
export type { DemoKit } from './core/demoUtil';
export { safeRule, usePrintUnit } from './ui/ExpensePrint';
