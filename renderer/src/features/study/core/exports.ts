// Exports of the study registers (集中学习考勤登记, 学习心得论文登记) to Excel.
import { paperRegisterSpec, studyAttendanceSpec } from '../../../../../shared/ledgers/office';
import { db } from '../../../db/db';
import { exportLedger } from '../../../export';
import { activeStaff, unitName } from '../../../org/org';
import { PAPER_KIND_LABELS, SESSION_KIND_LABELS } from '../labels';

import { papersOfYear, sessionsOfYear } from './queries';

export async function exportStudyAttendance(year: number) {
  const sessions = (await sessionsOfYear(year)).reverse();
  const names = new Map((await db.staff.toArray()).map((s) => [s.id, s.name]));
  const rows = sessions.map((s) => ({
    date: s.date,
    kind: SESSION_KIND_LABELS[s.kind],
    topic: s.topic,
    speaker: s.speaker ?? '',
    expected: s.attendeeIds.length + s.absences.length,
    present: s.attendeeIds.length,
    absences: s.absences.map((a) => ({ name: names.get(a.staffId) ?? '', reason: a.reason })),
  }));
  return exportLedger(`集中学习考勤登记-${year}`, [
    studyAttendanceSpec({ unitName: await unitName(), year, rows }),
  ]);
}

export async function exportPaperRegister(year: number) {
  const staff = (await activeStaff()).filter((s) => !(s.roles.length === 1 && s.roles[0] === 'admin'));
  const sections = new Map((await db.sections.toArray()).map((s) => [s.id, s.name]));
  const papers = await papersOfYear(year);
  const rows = staff.map((s) => ({
    name: s.name,
    section: s.sectionId ? (sections.get(s.sectionId) ?? '') : '',
    papers: papers
      .filter((p) => p.staffId === s.id)
      .map((p) => ({ title: p.title, kind: PAPER_KIND_LABELS[p.kind], writtenOn: p.writtenOn })),
  }));
  return exportLedger(`学习心得论文登记-${year}`, [
    paperRegisterSpec({ unitName: await unitName(), year, rows }),
  ]);
}
