// Version 1 → 2: staff records gain `active` (true unless set), accounts gain `failedAttempts`,
// and the session-lock setting gets its default.
import type { Transaction } from 'dexie';

export async function migration0020(tx: Transaction): Promise<void> {
  await tx
    .table('staff')
    .toCollection()
    .modify((s: { active?: boolean }) => {
      if (s.active === undefined) s.active = true;
    });
  await tx
    .table('accounts')
    .toCollection()
    .modify((a: { failedAttempts?: number }) => {
      if (typeof a.failedAttempts !== 'number') a.failedAttempts = 0;
    });
  const lock = await tx.table('settings').get('idleLockMinutes');
  if (!lock) {
    await tx.table('settings').put({ id: 'idleLockMinutes', value: 15, updatedAt: new Date().toISOString(), updatedBy: 'system' });
  }
}
