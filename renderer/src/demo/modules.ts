// Each module adds its demo generator here (one line each). Generators must be idempotent per run
// and write through the module's repository functions, so demo data obeys every rule.
import type { Staff } from '../db/schema/core';
import { assessmentDemo } from '../features/assessment';
import { attendanceDemo } from '../features/attendance';
import { documentsDemo } from '../features/documents';
import { dutyDemo } from '../features/duty';
import { financeDemo } from '../features/finance';
import { integrityDemo } from '../features/integrity';
import { leaveDemo } from '../features/leave';
import { meetingsDemo } from '../features/meetings';
import { petitionsDemo } from '../features/petitions';
import { publicityDemo } from '../features/publicity';

export type DemoContext = { staff: Staff[]; progress: (message: string) => void };
// ownTransactions: the generator waits on something other than the database (e.g. a module loaded on
// demand), so it cannot run inside one transaction; it opens its own.
export type DemoModule = {
  label: string;
  load: (ctx: DemoContext) => Promise<void>;
  ownTransactions?: true;
};

export const DEMO_MODULES: DemoModule[] = [
  meetingsDemo, // first: the leave (TRIP-3) and finance (FIN-5) demos cite its decisions
  leaveDemo,
  attendanceDemo,
  petitionsDemo,
  publicityDemo,
  financeDemo,
  integrityDemo,
  assessmentDemo,
  dutyDemo,
  documentsDemo,
];
