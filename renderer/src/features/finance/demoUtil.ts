// Moved to core/demoUtil.ts (use the module's index.ts); kept while the assessment module imports it here.
export { approveSteps, demoKit, seeded } from './core/demoUtil';
export type { DemoKit } from './core/demoUtil';
