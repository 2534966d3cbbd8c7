// Assessment and supervision (考核与监督): the yearly assessment of the ten items (ASM-1..4), complaints
// and reports about staff (SUP-3), power-operation records with step sign-off (SUP-2) and the
// office's half-year inspection (SUP-1).
import type { Attitude, ISODate } from '../../../../shared/rules';
import { ASSESSMENT_ITEMS, assessmentGrade, gradeConsequence, halfYearOf } from '../../../../shared/rules';
import { requireActDate } from '../../db/actDate';
import { nowIso, today } from '../../db/clock';
import { db } from '../../db/db';
import { DomainError, insert, update, writeTx } from '../../db/repo';
import type { Actor } from '../../db/repo';
import type {
  Assessment,
  AssessmentItemMark,
  Inspection,
  PowerRecord,
  PowerStep,
  StaffComplaint,
} from '../../db/schema/supervision';
import { activeStaff } from '../../org/org';
import { assertCan, nextSeq, requireDate, requireStaff, requireText, staffOf, yearOf } from '../finance/util';

import { COMPLAINT_KIND_LABELS, COMPLAINT_SOURCE_LABELS, MEDIA_LABELS } from './labels';

const CITY_OR_HIGHER = ['city', 'province', 'national'];

// ---------------------------------------------------------------- ASM-3 from the complaints

async function complaintsOf(staffId: string, year: number): Promise<StaffComplaint[]> {
  const rows = await db.staffComplaints.where('staffId').equals(staffId).toArray();
  return rows.filter((c) => !c.deletedAt && yearOf(c.receivedOn) === year);
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
  const records = (
    await db.powerRecords.where('[year+seq]').between([year, 0], [year, Infinity]).toArray()
  ).filter((r) => !r.deletedAt);
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
  const decisions = (await db.meetingDecisions.where('[ownerId+year]').equals([staffId, year]).toArray()).filter(
    (d) => !d.deletedAt,
  );
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
  const pledge = (await db.pledges.where('[year+staffId]').equals([year, staffId]).toArray()).find(
    (p) => !p.deletedAt,
  );
  put(8, !!pledge, pledge ? `${pledge.signedOn}签订` : '本年度未签订廉政承诺书');

  // 10: the major-power register — a hint only (the office judges whether it is kept truly).
  marks.set(10, { no: 10, met: true, evidence: `本年登记权力运行记录${registered}件`, auto: false });

  const { attitude, note } = attitudeFrom(complaints);
  return { marks, attitude, attitudeNote: note };
}

function gradeOf(items: AssessmentItemMark[], attitude: Attitude) {
  const itemsMet = items.filter((i) => i.met).length;
  const grade = assessmentGrade({ itemsMet, attitude });
  return { itemsMet, grade, consequence: gradeConsequence(grade) };
}

function freshItems(ev: Evidence): AssessmentItemMark[] {
  return ASSESSMENT_ITEMS.map(
    (it) => ev.marks.get(it.no) ?? { no: it.no, met: true, evidence: '', auto: false },
  );
}

// Creates the year's draft assessment for every active staff member who has none, items pre-filled.
export async function generateAssessments(year: number, actor: Actor): Promise<number> {
  await assertCan(actor, 'assessment.manage', '组织年度考核');
  const people = await activeStaff();
  const existing = new Set(
    (await db.assessments.where('[year+staffId]').between([year, ''], [year, '\uffff']).toArray())
      .filter((a) => !a.deletedAt)
      .map((a) => a.staffId),
  );
  const todo = people.filter((p) => !existing.has(p.id));
  const prepared: { p: (typeof todo)[number]; ev: Evidence }[] = [];
  for (const p of todo) prepared.push({ p, ev: await assessmentEvidence(p.id, year) });
  await writeTx([db.assessments], async () => {
    for (const { p, ev } of prepared) {
      const items = freshItems(ev);
      await insert(
        db.assessments,
        {
          year,
          staffId: p.id,
          sectionId: p.sectionId,
          items,
          attitude: ev.attitude,
          attitudeNote: ev.attitudeNote,
          ...gradeOf(items, ev.attitude),
          status: 'draft',
          announcedOn: null,
        },
        actor,
        `${year}年度考核`,
      );
    }
  });
  return prepared.length;
}

// Saves the marks; an item the product decided that is changed by hand needs a stated reason.
export async function saveAssessment(
  id: string,
  items: { no: number; met: boolean; evidence: string }[],
  actor: Actor,
): Promise<Assessment> {
  await assertCan(actor, 'assessment.manage', '评定考核');
  const before = await db.assessments.get(id);
  if (!before || before.deletedAt) throw new DomainError('考核记录不存在');
  const ev = await assessmentEvidence(before.staffId, before.year);
  if (items.length !== ASSESSMENT_ITEMS.length) throw new DomainError('须逐项评定全部10项', 'items', 'ASM-1');
  const marks: AssessmentItemMark[] = ASSESSMENT_ITEMS.map((it) => {
    const given = items.find((i) => i.no === it.no);
    if (!given) throw new DomainError(`第${it.no}项未评定`, `items.${it.no}`, 'ASM-1');
    const known = ev.marks.get(it.no);
    const auto = !!known?.auto && known.met === given.met;
    if (known?.auto && !auto && !given.evidence.trim()) {
      throw new DomainError(
        `第${it.no}项与系统记录（${known.evidence}）不一致，请说明依据`,
        `items.${it.no}`,
        'ASM-1',
      );
    }
    return { no: it.no, met: given.met, evidence: auto ? known!.evidence : given.evidence.trim(), auto };
  });
  return writeTx([db.assessments], async () => {
    const a = await db.assessments.get(id);
    if (!a || a.status === 'announced') throw new DomainError('考核结果已通报，不能修改', 'items', 'ASM-4');
    return update(
      db.assessments,
      id,
      { items: marks, attitude: ev.attitude, attitudeNote: ev.attitudeNote, ...gradeOf(marks, ev.attitude) },
      actor,
      '评定考核',
    );
  });
}

// Re-reads what the product knows (after a complaint was found substantiated, a pledge signed ...).
export async function refreshAssessment(id: string, actor: Actor): Promise<Assessment> {
  await assertCan(actor, 'assessment.manage', '评定考核');
  const a = await db.assessments.get(id);
  if (!a || a.deletedAt) throw new DomainError('考核记录不存在');
  if (a.status === 'announced') throw new DomainError('考核结果已通报，不能修改', 'items', 'ASM-4');
  const ev = await assessmentEvidence(a.staffId, a.year);
  const items = a.items.map((m) => (m.auto ? (ev.marks.get(m.no) ?? m) : m));
  return writeTx([db.assessments], () =>
    update(
      db.assessments,
      id,
      { items, attitude: ev.attitude, attitudeNote: ev.attitudeNote, ...gradeOf(items, ev.attitude) },
      actor,
      '更新考核依据',
    ),
  );
}

// ASM-4: results are announced in the name of the leading group; announced results are locked.
export async function announceAssessments(year: number, actor: Actor): Promise<number> {
  await assertCan(actor, 'assessment.manage', '通报考核结果');
  const drafts = (
    await db.assessments.where('[year+staffId]').between([year, ''], [year, '\uffff']).toArray()
  ).filter((a) => !a.deletedAt && a.status === 'draft');
  if (drafts.length === 0) throw new DomainError(`${year}年度没有待通报的考核`, 'year');
  const evs = new Map<string, Evidence>();
  for (const a of drafts) evs.set(a.id, await assessmentEvidence(a.staffId, a.year));
  const on = today();
  await writeTx([db.assessments], async () => {
    for (const a of drafts) {
      const ev = evs.get(a.id)!;
      await update(
        db.assessments,
        a.id,
        {
          attitude: ev.attitude,
          attitudeNote: ev.attitudeNote,
          ...gradeOf(a.items, ev.attitude),
          status: 'announced',
          announcedOn: on,
        },
        actor,
        `${year}年度考核结果通报`,
      );
    }
  });
  return drafts.length;
}

// ---------------------------------------------------------------- SUP-3 complaints and reports

export type ComplaintInput = {
  staffId: string;
  receivedOn: ISODate;
  source: StaffComplaint['source'];
  complainant: string;
  content: string;
  kind: StaffComplaint['kind'];
};

export async function receiveComplaint(input: ComplaintInput, actor: Actor): Promise<StaffComplaint> {
  await assertCan(actor, 'assessment.manage', '受理投诉举报');
  requireStaff(input.staffId, 'staffId', '被投诉人');
  requireDate(input.receivedOn, 'receivedOn', '受理日期');
  requireActDate(input.receivedOn, 'receivedOn', '受理日期');
  if (!COMPLAINT_SOURCE_LABELS[input.source]) throw new DomainError('请选择来源', 'source');
  if (!COMPLAINT_KIND_LABELS[input.kind]) throw new DomainError('请选择类别', 'kind');
  const content = requireText(input.content, 'content', '投诉举报内容', 2000);
  if (!(await staffOf(input.staffId))) throw new DomainError('被投诉人不在人员名单中', 'staffId');
  return insert(
    db.staffComplaints,
    {
      staffId: input.staffId,
      receivedOn: input.receivedOn,
      source: input.source,
      sourceRef: null,
      complainant: input.complainant.trim(),
      content,
      kind: input.kind,
      status: 'received',
      handlerId: actor.id,
      finding: null,
      corrected: false,
      mediaLevel: null,
    },
    actor,
    '受理投诉举报',
  );
}

export type InvestigationInput = {
  investigation: string;
  finding: 'substantiated' | 'unsubstantiated';
  corrected: boolean;
  mediaLevel: StaffComplaint['mediaLevel'];
};

export async function investigateComplaint(
  id: string,
  input: InvestigationInput,
  actor: Actor,
): Promise<StaffComplaint> {
  await assertCan(actor, 'assessment.manage', '调查核实投诉举报');
  const investigation = requireText(input.investigation, 'investigation', '调查核实情况', 2000);
  if (input.finding !== 'substantiated' && input.finding !== 'unsubstantiated')
    throw new DomainError('请选择核查结论', 'finding');
  return writeTx([db.staffComplaints], async () => {
    const c = await db.staffComplaints.get(id);
    if (!c || c.deletedAt) throw new DomainError('投诉举报不存在');
    if (c.status === 'answered') throw new DomainError('该投诉举报已答复办结');
    if (c.staffId === actor.id)
      throw new DomainError('被投诉人不能调查本人被投诉的事项', 'investigation', 'SUP-3');
    const subst = input.finding === 'substantiated';
    return update(
      db.staffComplaints,
      id,
      {
        status: 'investigating',
        investigation,
        investigatorId: actor.id,
        finding: input.finding,
        corrected: subst ? input.corrected : false,
        mediaLevel: subst ? (input.mediaLevel ?? null) : null,
      },
      actor,
      `核查结论：${subst ? '属实' : '不属实'}`,
    );
  });
}

export async function answerComplaint(
  id: string,
  answer: string,
  answeredOn: ISODate,
  actor: Actor,
): Promise<StaffComplaint> {
  await assertCan(actor, 'assessment.manage', '答复投诉举报');
  const text = requireText(answer, 'answer', '答复内容', 2000);
  requireDate(answeredOn, 'answeredOn', '答复日期');
  requireActDate(answeredOn, 'answeredOn', '答复日期');
  return writeTx([db.staffComplaints], async () => {
    const c = await db.staffComplaints.get(id);
    if (!c || c.deletedAt) throw new DomainError('投诉举报不存在');
    if (!c.finding) throw new DomainError('请先调查核实并作出核查结论', 'answer', 'SUP-3');
    if (answeredOn < c.receivedOn) throw new DomainError('答复日期不能早于受理日期', 'answeredOn');
    return update(
      db.staffComplaints,
      id,
      { status: 'answered', answer: text, answeredOn, answeredById: actor.id },
      actor,
      '答复办结',
    );
  });
}

// ---------------------------------------------------------------- SUP-2 power-operation records

export type PowerRecordInput = {
  kind: string;
  title: string;
  basis: string;
  startedOn: ISODate;
  steps: { label: string; responsibleId: string }[];
};

export function powerNumber(year: number, seq: number): string {
  return `权运〔${year}〕${seq}号`;
}

export async function openPowerRecord(input: PowerRecordInput, actor: Actor): Promise<PowerRecord> {
  const kind = requireText(input.kind, 'kind', '权力类别', 50);
  const title = requireText(input.title, 'title', '事项名称', 200);
  const basis = requireText(input.basis, 'basis', '行使依据', 500);
  requireDate(input.startedOn, 'startedOn', '开始日期');
  requireActDate(input.startedOn, 'startedOn', '开始日期');
  if (input.steps.length === 0) throw new DomainError('请至少填写一个环节', 'steps', 'SUP-2');
  const steps: PowerStep[] = [];
  for (const [i, s] of input.steps.entries()) {
    const label = requireText(s.label, `steps.${i}.label`, '环节名称', 100);
    requireStaff(s.responsibleId, `steps.${i}.responsibleId`, '责任人');
    const person = await staffOf(s.responsibleId);
    if (!person) throw new DomainError('责任人不在人员名单中', `steps.${i}.responsibleId`);
    steps.push({
      label,
      responsibleId: person.id,
      responsibleName: person.name,
      note: '',
      confirmedAt: null,
      confirmedById: null,
    });
  }
  return writeTx([db.powerRecords], async () => {
    const year = yearOf(input.startedOn);
    const seq = await nextSeq(db.powerRecords, year);
    return insert(
      db.powerRecords,
      {
        year,
        seq,
        number: powerNumber(year, seq),
        kind,
        title,
        basis,
        startedOn: input.startedOn,
        steps,
        pendingResponsibleId: steps[0].responsibleId,
        status: 'open',
        doneOn: null,
      },
      actor,
      `权力运行记录：${title}`,
    );
  });
}

// SUP-2: each step is confirmed, in order, by its responsible person from their own login.
export async function confirmPowerStep(
  id: string,
  index: number,
  note: string,
  actor: Actor,
): Promise<PowerRecord> {
  return writeTx([db.powerRecords], async () => {
    const r = await db.powerRecords.get(id);
    if (!r || r.deletedAt) throw new DomainError('记录不存在');
    const next = r.steps.findIndex((s) => !s.confirmedAt);
    if (next < 0) throw new DomainError('各环节均已确认');
    if (index !== next)
      throw new DomainError(
        `请按顺序确认：当前应确认第${next + 1}个环节“${r.steps[next].label}”`,
        'step',
        'SUP-2',
      );
    const step = r.steps[index];
    if (step.responsibleId !== actor.id) {
      throw new DomainError(`此环节须由责任人${step.responsibleName}本人登录签字确认`, 'step', 'SUP-2');
    }
    const steps = r.steps.map((s, i) =>
      i === index ? { ...s, note: note.trim(), confirmedAt: nowIso(), confirmedById: actor.id } : s,
    );
    const done = index === steps.length - 1;
    return update(
      db.powerRecords,
      id,
      {
        steps,
        status: done ? 'done' : 'open',
        doneOn: done ? today() : null,
        pendingResponsibleId: done ? null : steps[index + 1].responsibleId,
      },
      actor,
      `签字确认：${step.label}`,
    );
  });
}

// ---------------------------------------------------------------- SUP-1 half-year inspection

export type InspectionInput = {
  inspectedOn: ISODate;
  inspectorIds: string[];
  scope: string;
  findings: string;
  result: string;
  rectification: string;
};

export async function fileInspection(input: InspectionInput, actor: Actor): Promise<Inspection> {
  await assertCan(actor, 'assessment.manage', '登记半年检查');
  requireDate(input.inspectedOn, 'inspectedOn', '检查日期');
  requireActDate(input.inspectedOn, 'inspectedOn', '检查日期');
  if (input.inspectorIds.length === 0) throw new DomainError('请选择检查人员', 'inspectorIds');
  const scope = requireText(input.scope, 'scope', '检查范围', 1000);
  const findings = requireText(input.findings, 'findings', '检查发现的问题（无问题请填“无”）', 4000);
  const result = requireText(input.result, 'result', '检查结论', 4000);
  return insert(
    db.inspections,
    {
      year: yearOf(input.inspectedOn),
      half: halfYearOf(input.inspectedOn),
      inspectedOn: input.inspectedOn,
      inspectorIds: input.inspectorIds,
      scope,
      findings,
      result,
      rectification: input.rectification.trim(),
    },
    actor,
    `${yearOf(input.inspectedOn)}年${halfYearOf(input.inspectedOn) === 1 ? '上' : '下'}半年权力运行检查`,
  );
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
    const n = (await db.inspections.where('[year+half]').equals([p.year, p.half]).toArray()).filter(
      (i) => !i.deletedAt,
    ).length;
    out.push({ ...p, due: p.half === 1 ? `${p.year}-06-30` : `${p.year}-12-31`, done: n > 0 });
  }
  return out;
}
