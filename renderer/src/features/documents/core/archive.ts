// DOC-6: a year's documents are filed by 31 March of the next year; the dashboard warns from
// 1 February (archiveWarning). A whole year can be filed at once; what is still in progress stays.
import type { ArchiveWarning, ISODate } from '../../../../../shared/rules';
import { archiveDue, archiveWarning, isISODate } from '../../../../../shared/rules';
import { requireActDate } from '../../../db/actDate';
import { nowIso } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import { db } from '../../../db/db';
import { isLive } from '../../../db/live';
import { DomainError, update } from '../../../db/repo';

export type ArchiveYearStatus = {
  year: number;
  due: ISODate;
  warning: ArchiveWarning;
  incomingOpen: number; // registered in the year, not archived (destroyed ones excluded)
  incomingReady: number; // of those, ready to file (result reported)
  outgoingOpen: number; // numbered in the year, not archived
  outgoingReady: number; // of those, issued
};

export async function archiveYearStatus(year: number, on: ISODate): Promise<ArchiveYearStatus> {
  const inc = (await db.incomingDocs.where('[year+archived]').equals([year, 0]).toArray()).filter(
    (d) => isLive(d) && d.status !== 'destroyed',
  );
  const out = (await db.outgoingDocs.where('[numberYear+archived]').equals([year, 0]).toArray()).filter(
    isLive,
  );
  const open = inc.length + out.length;
  return {
    year,
    due: archiveDue(year),
    warning: open > 0 ? archiveWarning(year, on) : 'none',
    incomingOpen: inc.length,
    incomingReady: inc.filter((d) => d.status === 'reported').length,
    outgoingOpen: out.length,
    outgoingReady: out.filter((d) => d.status === 'issued').length,
  };
}

// DOC-6: the date a document is filed (not in the future).
export function checkArchiveDate(archivedOn: ISODate): void {
  if (!isISODate(archivedOn))
    throw new DomainError('请填写归档日期（格式：2026-01-31）', 'archivedOn', 'DOC-6');
  requireActDate(archivedOn, 'archivedOn', '归档日期', 'DOC-6');
}

// Files every document of the year that is ready (incoming: result reported; outgoing: issued).
export const archiveYear = defineCommand({
  what: '归档',
  perm: 'documents.manage',
  tables: (d) => [d.incomingDocs, d.outgoingDocs],
  validate: (_year: number, _ref: string, archivedOn: ISODate) => checkArchiveDate(archivedOn),
  run: async (
    { actor },
    year: number,
    archiveRef: string,
    archivedOn: ISODate,
  ): Promise<{ incoming: number; outgoing: number }> => {
    const ref = archiveRef?.trim() ?? '';
    const inc = (await db.incomingDocs.where('[year+archived]').equals([year, 0]).toArray()).filter(
      (d) => isLive(d) && d.status === 'reported',
    );
    const out = (await db.outgoingDocs.where('[numberYear+archived]').equals([year, 0]).toArray()).filter(
      (d) => isLive(d) && d.status === 'issued',
    );
    if (inc.length + out.length === 0)
      throw new DomainError(`${year}年没有可归档的公文（收文须已反馈结果，发文须已印发）`, 'year', 'DOC-6');
    const at = nowIso();
    const holder = `档案室${ref ? `（${ref}）` : ''}`;
    for (const d of inc)
      await update(
        db.incomingDocs,
        d.id,
        {
          status: 'archived',
          archived: 1,
          archivedOn,
          archiveRef: ref,
          holder,
          heldSince: at,
          trail: [...d.trail, { at, action: '年度立卷归档', byName: actor.name, holder }],
        },
        actor,
        '归档',
      );
    for (const d of out)
      await update(db.outgoingDocs, d.id, { archived: 1, archivedOn, archiveRef: ref }, actor, '归档');
    return { incoming: inc.length, outgoing: out.length };
  },
});
