// Fixtures of the ledger tests (imported by *.test.ts(x) only).
import type { LedgerSpec } from './ledger';

// The ledger with sixteen date columns instead of its own: too wide for A4, so it prints on A3.
export const tooWideForA4 = (spec: LedgerSpec): LedgerSpec => ({
  ...spec,
  columns: Array.from({ length: 16 }, (_, i) => ({
    key: `c${i}`,
    header: `日期${i}`,
    type: 'date' as const,
  })),
  rows: [Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`c${i}`, '2026-01-01']))],
  totals: undefined,
});
