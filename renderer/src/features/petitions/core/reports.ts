// Reads for the ledgers, the statistics, 督办 and the dashboard. Every petition leaves through
// shapeRows (PET-6).
import Dexie from 'dexie';

import type { PetitionLedgerItem, StatsItem } from '../../../../../shared/ledgers/petitions';
import { addWorkdays, deadlineProvisional, deadlineState } from '../../../../../shared/rules';
import type { CalendarData, ISODate } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import type { Petition, PetitionChannel } from '../../../db/schema/petitions';
import { CHANNEL_LABELS, DECISION_LABELS, STATE_LABELS } from '../labels';
import type { RevealPurpose } from '../labels';

import { completionDueOf } from './deadlines';
import { shapeRows } from './informant';
import type { ShownPetition } from './informant';
import { newestFirst } from './rows';
import type { PetitionSettings } from './settings';

// ---- ledgers and statistics ---------------------------------------------------------------------

export const LETTER_CHANNELS: PetitionChannel[] = [
  'letter',
  'online',
  'governor_mailbox',
  'mayor_mailbox',
  'handed_down',
];

// The cases received in a period (of the given channels), as the signed-in user may see them:
// purpose names what they are read for when a petitioner is shown (a ledger); without it every
// informant case is masked (statistics show no petitioner).
export async function petitionsInRange(
  channels: PetitionChannel[] | null,
  from: ISODate,
  to: ISODate,
  purpose: RevealPurpose | null = null,
): Promise<ShownPetition[]> {
  let rows: Petition[];
  if (!channels) {
    rows = await db.petitions
      .where('[receivedOn+regNo]')
      .between([from, Dexie.minKey], [to, Dexie.maxKey])
      .toArray();
  } else {
    const parts = await Promise.all(
      channels.map((c) =>
        db.petitions
          .where('[channel+receivedOn+regNo]')
          .between([c, from, Dexie.minKey], [c, to, Dexie.maxKey])
          .toArray(),
      ),
    );
    rows = parts.flat();
  }
  // an export is recorded before the file is written
  return shapeRows(rows.filter(isLive), purpose, { awaitAudit: true });
}

export function ledgerItem(
  p: ShownPetition,
  cal: CalendarData,
  settings: PetitionSettings,
): PetitionLedgerItem {
  const handling =
    p.state === 'duplicate' || p.state === 'repeat'
      ? STATE_LABELS[p.state]
      : p.decision
        ? DECISION_LABELS[p.decision]
        : '';
  const limit = completionDueOf(p, cal, settings) ?? (p.state === 'registered' ? p.dueOn : null);
  const remarks = [
    p.duplicateOf ? `并入${p.duplicateOfRegNo ?? ''}${p.duplicateNote ? `（${p.duplicateNote}）` : ''}` : '',
    p.urgent ? '重大紧急' : p.urgentDowngrade ? '已降级' : '',
    p.informantCase ? '检举揭发' : '',
    p.rejectReason ? `不予受理理由：${p.rejectReason}` : '',
    p.extensionDays ? `延期${p.extensionDays}天` : '',
    p.remarks ?? '',
  ].filter(Boolean);
  return {
    informant: p.informantCase,
    name: p.name,
    idNo: p.idNo,
    phone: p.phone,
    address: p.address,
    representatives: p.representatives,
    regNo: p.regNo,
    receivedOn: p.receivedOn,
    township: p.township,
    source:
      p.channel === 'letter'
        ? (p.letterSource ?? '来信')
        : `${CHANNEL_LABELS[p.channel]}${p.letterSource ? `（${p.letterSource}）` : ''}`,
    category: p.category,
    summary: p.summary,
    handling,
    unitName: p.unitName ?? (p.decision === 'accept' ? '本局' : ''),
    handedOn: p.handedOn ?? null,
    dueOn: limit,
    dueProvisional: limit ? deadlineProvisional(limit, cal).years : [],
    concludedOn: p.concludedOn ?? null,
    outcome: p.outcome ?? '',
    nationalNo: p.nationalNo ?? '',
    state: STATE_LABELS[p.state],
    remarks: remarks.join('；'),
    visitors: p.visitors ?? 1,
    receptionist: p.receptionistName ?? '',
  };
}

export function statsItem(p: Petition, cal: CalendarData, settings: PetitionSettings): StatsItem {
  const due = completionDueOf(p, cal, settings);
  return {
    channel: CHANNEL_LABELS[p.channel],
    category: p.category,
    township: p.township,
    outcome: p.concludedOn ? (p.outcome ?? '') : '',
    visitors: p.channel === 'visit' ? (p.visitors ?? 1) : 1,
    onTime: due && p.concludedOn ? p.concludedOn <= due : null,
  };
}

// ---- 督办 and the dashboard ---------------------------------------------------------------------

export type SupervisionRow = {
  petition: ShownPetition;
  due: ISODate;
  kind: string;
  state: 'overdue' | 'due_soon' | 'running';
};

// Cases whose next bureau deadline is overdue or due within soonDays working days (dueOn index).
// No petitioner is shown on these screens: informant cases are masked for everyone (PET-6).
export async function supervisionRows(
  cal: CalendarData,
  settings: PetitionSettings,
  today: ISODate,
  limit = 2000,
): Promise<SupervisionRow[]> {
  const horizon = addWorkdays(today, settings.soonDays, cal);
  const rows = (await db.petitions.where('dueOn').belowOrEqual(horizon).limit(limit).toArray()).filter(
    (p) => isLive(p) && p.dueOn,
  );
  return (await shapeRows(rows, null)).map((p) => ({
    petition: p,
    due: p.dueOn!,
    kind: p.dueKind ?? '',
    state: deadlineState(p.dueOn!, today, cal, settings.soonDays),
  }));
}

export async function urgentOpen(): Promise<ShownPetition[]> {
  return shapeRows((await db.petitions.where('urgentOpen').equals(1).toArray()).filter(isLive), null);
}

export async function directorNotices(): Promise<ShownPetition[]> {
  return shapeRows((await db.petitions.where('directorNoticeOpen').equals(1).toArray()).filter(isLive), null);
}

export async function recentUrgent(from: ISODate): Promise<ShownPetition[]> {
  const rows = await db.petitions
    .where('[receivedOn+regNo]')
    .between([from, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey])
    .filter((p) => isLive(p) && (p.urgent || !!p.urgentDowngrade))
    .toArray();
  return shapeRows(rows.sort(newestFirst), null);
}
