// The read side of assessment and supervision: what the product knows of a person's year (ASM-1,
// ASM-3), the screens' lists, the reminders. Every index string of the module is here.
import type { Attitude, ISODate } from '../../../../../shared/rules';
import { halfYearOf } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { getLive, live } from '../../../db/live';
import type {
  Assessment,
  AssessmentItemMark,
  Inspection,
  PowerRecord,
  StaffComplaint,
} from '../../../db/schema/supervision';
import { yearOf } from '../../../db/validate';
import { MEDIA_LABELS } from '../labels';

const CITY_OR_HIGHER = ['city', 'province', 'national'];

// ---------------------------------------------------------------- ASM-3 from the complaints

export async function complaintsOf(staffId: string, year: number): Promise<StaffComplaint[]> {
  const rows = await live(db.staffComplaints.where('staffId').equals(staffId)).toArray();
  return rows.filter((c) => yearOf(c.receivedOn) === year);
}

// ASM-3: substantiated attitude complaints of the year. Reported in city-level or higher media →
// media_exposed; otherwise corrected. A substantiated complaint not (yet) corrected is read the same
// way (at best 基本合格): the regulation names no milder case, and the note says so.
export function attitudeFrom(complaints: StaffComplaint[]): { attitude: Attitude; note: string } {
  const subst = complaints.filter((c) => c.kind === 'attitude' && c.finding === 'substantiated');
  if (subst.length === 0) return { attitude: 'none', note: '' };
  const exposed = subst.filter((c) => c.mediaLevel && CITY_OR_HIGHER.includes(c.mediaLevel));
  if (exposed.length) {
    return {
      attitude: 'media_exposed',
      note: `态度投诉经${MEDIA_LABELS[exposed[0].mediaLevel as keyof typeof MEDIA_LABELS]}报道、曝光，经查属实：直接评为不合格（ASM-3）`,
    };
  }
  const uncorrected = subst.filter((c) => !c.corrected).length;
  return {
    attitude: 'corrected',
    note:
      `态度投诉经查属实${subst.length}件` +
      (uncorrected ? `（其中${uncorrected}件尚未改正）` : '，已改正并道歉') +
      '：至多评为基本合格（ASM-3）',
  };
}

// ---------------------------------------------------------------- ASM-1 evidence the product knows

export type Evidence = { marks: Map<number, AssessmentItemMark>; attitude: Attitude; attitudeNote: string };

export async function assessmentEvidence(staffId: string, year: number): Promise<Evidence> {
  const marks = new Map<number, AssessmentItemMark>();
  const put = (no: number, met: boolean, evidence: string) =>
    marks.set(no, { no, met, evidence, auto: true });

  // 1: power-operation records — every step assigned to the person this year confirmed.
  const records = await live(
    db.powerRecords.where('[year+seq]').between([year, 0], [year, Infinity]),
  ).toArray();
  let mine = 0;
  let open = 0;
  let registered = 0;
  for (const r of records) {
    if (r.createdBy === staffId) registered++;
    for (const s of r.steps) {
      if (s.responsibleId !== staffId) continue;
      mine++;
      if (!s.confirmedAt) open++;
    }
  }
  if (mine === 0) put(1, true, '本年无需本人签字确认的权力运行环节');
  else if (open > 0) put(1, false, `权力运行记录有${open}个环节未签字确认（共${mine}个）`);
  else put(1, true, `权力运行记录${mine}个环节均已签字确认`);

  // 2: meeting decisions carried out (the decisions the person was given to carry out).
  const decisions = await live(db.meetingDecisions.where('[ownerId+year]').equals([staffId, year])).toArray();
  const undone = decisions.filter((d) => d.followUp !== 'done').length;
  if (decisions.length === 0) put(2, true, '本年无本人承办的会议决定事项');
  else if (undone > 0) put(2, false, `承办的会议决定有${undone}项未落实（共${decisions.length}项）`);
  else put(2, true, `承办的${decisions.length}项会议决定均已落实`);

  // 3 and 9: complaints (SUP-3, PET-11).
  const complaints = await complaintsOf(staffId, year);
  const subst = complaints.filter((c) => c.finding === 'substantiated');
  put(3, subst.length === 0, subst.length ? `投诉举报经查属实${subst.length}件` : '无经查属实的投诉举报');
  const rude = subst.filter((c) => c.kind === 'attitude');
  put(9, rude.length === 0, rude.length ? `态度投诉经查属实${rude.length}件` : '无经查属实的态度投诉');

  // 8: the integrity pledge of the year.
  const pledge = await live(db.pledges.where('[year+staffId]').equals([year, staffId])).first();
  put(8, !!pledge, pledge ? `${pledge.signedOn}签订` : '本年度未签订廉政承诺书');

  // 10: the major-power register — a hint only (the office judges whether it is kept truly).
  marks.set(10, { no: 10, met: true, evidence: `本年登记权力运行记录${registered}件`, auto: false });

  const { attitude, note } = attitudeFrom(complaints);
  return { marks, attitude, attitudeNote: note };
}

// ---------------------------------------------------------------- lists

export function assessmentsOfYear(year: number): Promise<Assessment[]> {
  return live(db.assessments.where('[year+staffId]').between([year, ''], [year, '\uffff'])).toArray();
}

export function getAssessment(id: string): Promise<Assessment | undefined> {
  return getLive(db.assessments, id);
}

// The newest complaints first, `limit` of them (one more tells whether there are more).
export function latestComplaints(limit: number): Promise<StaffComplaint[]> {
  return live(db.staffComplaints.orderBy('receivedOn').reverse()).limit(limit).toArray();
}

export function getComplaint(id: string): Promise<StaffComplaint | undefined> {
  return getLive(db.staffComplaints, id);
}

// Complaints waiting to be investigated or answered.
export async function openComplaints(): Promise<StaffComplaint[]> {
  const out: StaffComplaint[] = [];
  for (const status of ['received', 'investigating'] as const)
    out.push(...(await live(db.staffComplaints.where('status').equals(status)).toArray()));
  return out;
}

// The newest power-operation records first, `limit` of them.
export function latestPowerRecords(limit: number): Promise<PowerRecord[]> {
  return live(db.powerRecords.orderBy('startedOn').reverse()).limit(limit).toArray();
}

// Open records whose next step waits for the person.
export function powerRecordsWaitingFor(staffId: string): Promise<PowerRecord[]> {
  return live(db.powerRecords.where('pendingResponsibleId').equals(staffId)).toArray();
}

export function getPowerRecord(id: string): Promise<PowerRecord | undefined> {
  return getLive(db.powerRecords, id);
}

export function inspectionsNewestFirst(): Promise<Inspection[]> {
  return live(db.inspections.orderBy('inspectedOn').reverse()).toArray();
}

// SUP-1: the half-years (this one and the one before) and whether each has its filed inspection.
export async function inspectionStatus(
  on: ISODate,
): Promise<{ year: number; half: 1 | 2; due: ISODate; done: boolean }[]> {
  const year = yearOf(on);
  const half = halfYearOf(on);
  const periods: { year: number; half: 1 | 2 }[] =
    half === 1
      ? [
          { year: year - 1, half: 2 },
          { year, half: 1 },
        ]
      : [
          { year, half: 1 },
          { year, half: 2 },
        ];
  const out: { year: number; half: 1 | 2; due: ISODate; done: boolean }[] = [];
  for (const p of periods) {
    const n = await live(db.inspections.where('[year+half]').equals([p.year, p.half])).count();
    out.push({ ...p, due: p.half === 1 ? `${p.year}-06-30` : `${p.year}-12-31`, done: n > 0 });
  }
  return out;
}
