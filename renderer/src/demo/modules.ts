// Each module adds its demo generator here (one line each). Generators must be idempotent per run
// and write through the module's repository functions, so demo data obeys every rule.
import type { Staff } from '../db/schema/core';
import { assessmentDemo } from '../features/assessment/demo';
import { attendanceDemo } from '../features/attendance/demo';
import { documentsDemo } from '../features/documents/demo';
import { dutyDemo } from '../features/duty/demo';
import { financeDemo } from '../features/finance/demo';
import { integrityDemo } from '../features/integrity/demo';
import { leaveDemo } from '../features/leave/demo';
import { meetingsDemo } from '../features/meetings/demo';
import { petitionsDemo } from '../features/petitions';
import { publicityDemo } from '../features/publicity/demo';

export type DemoContext = { staff: Staff[]; progress: (message: string) => void };
export type DemoModule = { label: string; load: (ctx: DemoContext) => Promise<void> };

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
