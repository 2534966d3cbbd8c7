// Export of the 会议决定落实台帐 to Excel.
import { decisionRegisterSpec } from '../../../../../shared/ledgers/office';
import { db } from '../../../db/db';
import { getLiveMany } from '../../../db/live';
import { exportLedger } from '../../../export';
import { unitName } from '../../../org/org';
import { FOLLOW_UP_LABELS, MEETING_KIND_LABELS } from '../labels';

import { decisionsOfYear, meetingOrdinal } from './queries';

export async function exportDecisionRegister(year: number) {
  const list = await decisionsOfYear(year);
  const meetings = new Map(
    (await getLiveMany(db.meetings, [...new Set(list.map((d) => d.meetingId))])).map((m) => [m.id, m]),
  );
  const names = new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
  const rows = list
    .sort((a, b) => a.meetingKind.localeCompare(b.meetingKind) || a.seq - b.seq)
    .map((d) => {
      const m = meetings.get(d.meetingId);
      return {
        number: d.number,
        meeting: `${MEETING_KIND_LABELS[d.meetingKind]}${m ? `（${meetingOrdinal(m)}）` : ''}`,
        meetingDate: d.meetingDate,
        category: d.category ?? '',
        text: d.text,
        owner: d.ownerId ? (names.get(d.ownerId) ?? '') : '',
        dueDate: d.dueDate ?? null,
        followUp: FOLLOW_UP_LABELS[d.followUp],
        doneOn: d.doneOn ?? null,
        note: d.followUpNote ?? '',
      };
    });
  return exportLedger(`会议决定落实台帐-${year}`, [
    decisionRegisterSpec({ unitName: await unitName(), year, rows }),
  ]);
}
