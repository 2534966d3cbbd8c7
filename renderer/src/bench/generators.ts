// Bulk data for the benchmark only: leave requests and incoming documents shaped as the modules
// store them, added in chunked transactions (no audit entries: generated data, not anyone's work).
import type { ISODate } from '../../../shared/rules';
import { addCalendarDays, LEAVE_TYPES } from '../../../shared/rules';
import { nowIso, today } from '../db/clock';
import { db } from '../db/db';
import type { Leave } from '../db/schema/attendance';
import type { Staff } from '../db/schema/core';
import type { IncomingDoc } from '../db/schema/documents';
import { seeded } from '../features/petitions';

const CHUNK = 2000;

function baseFields() {
  const at = nowIso();
  return { createdAt: at, updatedAt: at, createdBy: 'system', deletedAt: null };
}

export async function generateLeaves(n: number, staff: Staff[], log: (m: string) => void): Promise<void> {
  const rnd = seeded(11);
  const types = LEAVE_TYPES.map((t) => t.type);
  const seqByYear = new Map<number, number>();
  for (let start = 0; start < n; start += CHUNK) {
    const rows: Leave[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const p = staff[Math.floor(rnd() * staff.length)];
      const startDate: ISODate = addCalendarDays(today(), -Math.floor(rnd() * 3650) - 3);
      const days = 1 + Math.floor(rnd() * 3);
      const endDate = addCalendarDays(startDate, days - 1);
      const year = Number(startDate.slice(0, 4));
      const seq = (seqByYear.get(year) ?? 100000) + 1;
      seqByYear.set(year, seq);
      rows.push({
        id: crypto.randomUUID(),
        ...baseFields(),
        staffId: p.id,
        staffName: p.name,
        sectionId: p.sectionId,
        sectionName: '',
        leaveType: types[Math.floor(rnd() * types.length)],
        startDate,
        startHalf: 'am',
        endDate,
        endHalf: 'pm',
        days,
        reason: '基准数据',
        form: days > 1 ? 'written' : 'oral',
        ruleIds: [days > 1 ? 'LV-3' : 'LV-2'],
        afterTheFact: false,
        recordedById: null,
        recordedByName: '',
        status: 'closed',
        approvalId: null,
        year,
        seq,
        number: `请〔${year}〕${seq}号`,
        closedOn: addCalendarDays(endDate, 1),
      });
    }
    await db.transaction('rw', db.leaves, () => db.leaves.bulkAdd(rows));
    log(`leaves ${Math.min(n, start + CHUNK)}/${n}`);
  }
}

export async function generateDocuments(n: number, log: (m: string) => void): Promise<void> {
  const rnd = seeded(23);
  const seqByYear = new Map<number, number>();
  const issuers = ['县委办公室', '县政府办公室', '市信访局', '省信访局', '县纪委监委', '县委政法委'];
  for (let start = 0; start < n; start += CHUNK) {
    const rows: IncomingDoc[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const receivedOn = addCalendarDays(today(), -Math.floor(rnd() * 3650) - 1);
      const year = Number(receivedOn.slice(0, 4));
      const seq = (seqByYear.get(year) ?? 100000) + 1;
      seqByYear.set(year, seq);
      const at = `${receivedOn}T09:00:00.000Z`;
      rows.push({
        id: crypto.randomUUID(),
        ...baseFields(),
        year,
        seq,
        regNo: `收文〔${year}〕${seq}号`,
        kind: 'document',
        receivedOn,
        receivedById: null,
        issuer: issuers[Math.floor(rnd() * issuers.length)],
        issuerNumber: `基准〔${year}〕${seq}号`,
        title: `关于做好第${seq}号事项的通知`,
        urgency: 'normal',
        secrecy: 'none',
        copies: 1,
        circulationDue: addCalendarDays(receivedOn, 5),
        status: 'archived',
        holder: '档案室',
        heldSince: at,
        trail: [],
        archived: 1,
        archivedOn: addCalendarDays(receivedOn, 30),
      } as IncomingDoc);
    }
    await db.transaction('rw', db.incomingDocs, () => db.incomingDocs.bulkAdd(rows));
    log(`documents ${Math.min(n, start + CHUNK)}/${n}`);
  }
}
