// The export tests' ledger: the bureau's 来信台帐 of November 2026, with the given columns and rows.
import type { LedgerSpec } from '../../../shared/ledger';

export function letterLedger(parts: Omit<LedgerSpec, 'unitName' | 'ledgerName' | 'period'>): LedgerSpec {
  return { unitName: '新宁县信访局', ledgerName: '来信台帐', period: '2026年11月', ...parts };
}
