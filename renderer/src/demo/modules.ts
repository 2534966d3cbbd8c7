// Each module adds its demo generator here (one line each). Generators must be idempotent per run
// and write through the module's repository functions, so demo data obeys every rule.
import type { Staff } from '../db/schema/core';

export type DemoContext = { staff: Staff[]; progress: (message: string) => void };
export type DemoModule = { label: string; load: (ctx: DemoContext) => Promise<void> };

export const DEMO_MODULES: DemoModule[] = [];
