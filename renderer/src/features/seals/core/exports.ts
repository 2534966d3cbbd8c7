// Export of the 印章使用登记 to Excel.
import { sealUseRegisterSpec } from '../../../../../shared/ledgers/office';
import { db } from '../../../db/db';
import { exportLedger } from '../../../export';
import { unitName } from '../../../org/org';
import { SEAL_USE_STATUS_LABELS } from '../labels';

import { sealUsesOfYear } from './queries';

export async function exportSealUseRegister(year: number) {
  const uses = (await sealUsesOfYear(year)).reverse();
  const names = new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
  const seals = new Map((await db.seals.toArray()).map((s) => [s.id, s.name]));
  const rows = uses.map((u) => ({
    requestedOn: u.requestedOn,
    usedOn: u.usedOn ?? null,
    seal: seals.get(u.sealId) ?? '',
    document: u.document,
    copies: u.copies,
    requester: names.get(u.requesterId) ?? '',
    approver: u.approverName ?? '',
    keeper: u.keeperId ? (names.get(u.keeperId) ?? '') : '',
    purpose: u.purpose,
    status: u.closedReason
      ? `${SEAL_USE_STATUS_LABELS[u.status]}：${u.closedReason}`
      : SEAL_USE_STATUS_LABELS[u.status],
  }));
  return exportLedger(`印章使用登记-${year}`, [
    sealUseRegisterSpec({ unitName: await unitName(), year, rows }),
  ]);
}
