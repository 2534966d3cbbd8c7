// Assessment and supervision (考核与监督): the yearly assessment of the ten items (ASM-1..4), complaints
// and reports about staff (SUP-3), power-operation records with step sign-off (SUP-2) and the
// office's half-year inspection (SUP-1). Every write is a command; the reads are in queries.ts.
import type { Attitude, ISODate } from '../../../../../shared/rules';
import { ASSESSMENT_ITEMS, assessmentGrade, gradeConsequence, halfYearOf } from '../../../../../shared/rules';
import { requireActDate } from '../../../db/actDate';
import { nowIso, today } from '../../../db/clock';
import { defineCommand } from '../../../db/command';
import type { Db } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { AssessmentItemMark, PowerStep, StaffComplaint } from '../../../db/schema/supervision';
import { requireDate, requireStaff, requireText, staffOf, yearOf } from '../../../db/validate';
import { activeStaff } from '../../../org/org';
import { numberOrPending, seqOrPending } from '../../../sync/seqNumbering';
import { COMPLAINT_KIND_LABELS, COMPLAINT_SOURCE_LABELS } from '../labels';

import { assessmentEvidence, assessmentsOfYear } from './queries';
import type { Evidence } from './queries';

export { assessmentEvidence, attitudeFrom } from './queries';
export type { Evidence } from './queries';

// What the evidence of a year reads (ASM-1), besides the assessments themselves.
const EVIDENCE_TABLES = (d: Db) => [
  d.assessments,
  d.staff,
  d.powerRecords,
  d.meetingDecisions,
  d.staffComplaints,
  d.pledges,
];

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
export const generateAssessments = defineCommand({
  what: '组织年度考核',
  perm: 'assessment.manage',
  tables: EVIDENCE_TABLES,
  run: async (ctx, year: number): Promise<number> => {
    const people = await activeStaff();
    const existing = new Set((await assessmentsOfYear(year)).map((a) => a.staffId));
    const todo = people.filter((p) => !existing.has(p.id));
    for (const p of todo) {
      const ev = await assessmentEvidence(p.id, year);
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
        ctx.actor,
        `${year}年度考核`,
      );
    }
    return todo.length;
  },
});

// The marks given, checked against what the product knows: an item the product decided that is
// changed by hand needs a stated reason.
function marksOf(
  items: { no: number; met: boolean; evidence: string }[],
  ev: Evidence,
): AssessmentItemMark[] {
  if (items.length !== ASSESSMENT_ITEMS.length) throw new DomainError('须逐项评定全部10项', 'items', 'ASM-1');
  return ASSESSMENT_ITEMS.map((it) => {
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
}

// Saves the marks (ASM-1); announced results are locked (ASM-4).
export const saveAssessment = defineCommand({
  what: '评定考核',
  perm: 'assessment.manage',
  tables: EVIDENCE_TABLES,
  run: async (ctx, id: string, items: { no: number; met: boolean; evidence: string }[]) => {
    const before = await getLive(db.assessments, id);
    if (!before) throw new DomainError('考核记录不存在');
    const ev = await assessmentEvidence(before.staffId, before.year);
    const marks = marksOf(items, ev);
    if (before.status === 'announced') throw new DomainError('考核结果已通报，不能修改', 'items', 'ASM-4');
    return update(
      db.assessments,
      id,
      { items: marks, attitude: ev.attitude, attitudeNote: ev.attitudeNote, ...gradeOf(marks, ev.attitude) },
      ctx.actor,
      '评定考核',
    );
  },
});

// Re-reads what the product knows (after a complaint was found substantiated, a pledge signed ...).
export const refreshAssessment = defineCommand({
  what: '评定考核',
  perm: 'assessment.manage',
  tables: EVIDENCE_TABLES,
  run: async (ctx, id: string) => {
    const a = await getLive(db.assessments, id);
    if (!a) throw new DomainError('考核记录不存在');
    if (a.status === 'announced') throw new DomainError('考核结果已通报，不能修改', 'items', 'ASM-4');
    const ev = await assessmentEvidence(a.staffId, a.year);
    const items = a.items.map((m) => (m.auto ? (ev.marks.get(m.no) ?? m) : m));
    return update(
      db.assessments,
      id,
      { items, attitude: ev.attitude, attitudeNote: ev.attitudeNote, ...gradeOf(items, ev.attitude) },
      ctx.actor,
      '更新考核依据',
    );
  },
});

// ASM-4: results are announced in the name of the leading group; announced results are locked.
export const announceAssessments = defineCommand({
  what: '通报考核结果',
  perm: 'assessment.manage',
  tables: EVIDENCE_TABLES,
  run: async (ctx, year: number): Promise<number> => {
    const drafts = (await assessmentsOfYear(year)).filter((a) => a.status === 'draft');
    if (drafts.length === 0) throw new DomainError(`${year}年度没有待通报的考核`, 'year');
    const on = today();
    for (const a of drafts) {
      const ev = await assessmentEvidence(a.staffId, a.year);
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
        ctx.actor,
        `${year}年度考核结果通报`,
      );
    }
    return drafts.length;
  },
});

// ---------------------------------------------------------------- SUP-3 complaints and reports

export type ComplaintInput = {
  staffId: string;
  receivedOn: ISODate;
  source: StaffComplaint['source'];
  complainant: string;
  content: string;
  kind: StaffComplaint['kind'];
};

function checkComplaint(input: ComplaintInput): void {
  requireStaff(input.staffId, 'staffId', '被投诉人');
  requireDate(input.receivedOn, 'receivedOn', '受理日期');
  requireActDate(input.receivedOn, 'receivedOn', '受理日期');
  if (!COMPLAINT_SOURCE_LABELS[input.source]) throw new DomainError('请选择来源', 'source');
  if (!COMPLAINT_KIND_LABELS[input.kind]) throw new DomainError('请选择类别', 'kind');
  requireText(input.content, 'content', '投诉举报内容', 2000);
}

export const receiveComplaint = defineCommand({
  what: '受理投诉举报',
  perm: 'assessment.manage',
  tables: (d) => [d.staffComplaints, d.staff],
  validate: checkComplaint,
  run: async (ctx, input: ComplaintInput) => {
    const actor = ctx.actor;
    const content = input.content.trim();
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
  },
});

export type InvestigationInput = {
  investigation: string;
  finding: 'substantiated' | 'unsubstantiated';
  corrected: boolean;
  mediaLevel: StaffComplaint['mediaLevel'];
};

// A complaint still open (not answered), by id.
async function openComplaint(id: string): Promise<StaffComplaint> {
  const c = await getLive(db.staffComplaints, id);
  if (!c) throw new DomainError('投诉举报不存在');
  return c;
}

export const investigateComplaint = defineCommand({
  what: '调查核实投诉举报',
  perm: 'assessment.manage',
  tables: (d) => [d.staffComplaints],
  validate: (_id: string, input: InvestigationInput) => {
    requireText(input.investigation, 'investigation', '调查核实情况', 2000);
    if (input.finding !== 'substantiated' && input.finding !== 'unsubstantiated')
      throw new DomainError('请选择核查结论', 'finding');
  },
  run: async (ctx, id: string, input: InvestigationInput) => {
    const c = await openComplaint(id);
    if (c.status === 'answered') throw new DomainError('该投诉举报已答复办结');
    if (c.staffId === ctx.actor.id)
      throw new DomainError('被投诉人不能调查本人被投诉的事项', 'investigation', 'SUP-3');
    const subst = input.finding === 'substantiated';
    return update(
      db.staffComplaints,
      id,
      {
        status: 'investigating',
        investigation: input.investigation.trim(),
        investigatorId: ctx.actor.id,
        finding: input.finding,
        corrected: subst ? input.corrected : false,
        mediaLevel: subst ? (input.mediaLevel ?? null) : null,
      },
      ctx.actor,
      `核查结论：${subst ? '属实' : '不属实'}`,
    );
  },
});

export const answerComplaint = defineCommand({
  what: '答复投诉举报',
  perm: 'assessment.manage',
  tables: (d) => [d.staffComplaints],
  validate: (_id: string, answer: string, answeredOn: ISODate) => {
    requireText(answer, 'answer', '答复内容', 2000);
    requireDate(answeredOn, 'answeredOn', '答复日期');
    requireActDate(answeredOn, 'answeredOn', '答复日期');
  },
  run: async (ctx, id: string, answer: string, answeredOn: ISODate) => {
    const c = await openComplaint(id);
    if (!c.finding) throw new DomainError('请先调查核实并作出核查结论', 'answer', 'SUP-3');
    if (answeredOn < c.receivedOn) throw new DomainError('答复日期不能早于受理日期', 'answeredOn');
    return update(
      db.staffComplaints,
      id,
      { status: 'answered', answer: answer.trim(), answeredOn, answeredById: ctx.actor.id },
      ctx.actor,
      '答复办结',
    );
  },
});

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

function checkPowerRecord(input: PowerRecordInput): void {
  requireText(input.kind, 'kind', '权力类别', 50);
  requireText(input.title, 'title', '事项名称', 200);
  requireText(input.basis, 'basis', '行使依据', 500);
  requireDate(input.startedOn, 'startedOn', '开始日期');
  requireActDate(input.startedOn, 'startedOn', '开始日期');
  if (input.steps.length === 0) throw new DomainError('请至少填写一个环节', 'steps', 'SUP-2');
}

// SUP-2: anyone may open a record of a power they exercise; each step names its responsible person.
export const openPowerRecord = defineCommand({
  what: '建立权力运行记录',
  perm: null,
  tables: (d) => [d.powerRecords, d.staff],
  validate: checkPowerRecord,
  run: async (ctx, input: PowerRecordInput) => {
    const actor = ctx.actor;
    const [kind, title, basis] = [input.kind.trim(), input.title.trim(), input.basis.trim()];
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
    {
      const year = yearOf(input.startedOn);
      const seq = await seqOrPending(db.powerRecords, year);
      return insert(
        db.powerRecords,
        {
          year,
          seq,
          number: numberOrPending(seq, (n) => powerNumber(year, n)),
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
    }
  },
});

// SUP-2: each step is confirmed, in order, by its responsible person from their own login.
export const confirmPowerStep = defineCommand({
  what: '签字确认权力运行环节',
  perm: null,
  tables: (d) => [d.powerRecords],
  run: async (ctx, id: string, index: number, note: string) => {
    const actor = ctx.actor;
    const r = await getLive(db.powerRecords, id);
    if (!r) throw new DomainError('记录不存在');
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
  },
});

// ---------------------------------------------------------------- SUP-1 half-year inspection

export type InspectionInput = {
  inspectedOn: ISODate;
  inspectorIds: string[];
  scope: string;
  findings: string;
  result: string;
  rectification: string;
};

function checkInspection(input: InspectionInput): void {
  requireDate(input.inspectedOn, 'inspectedOn', '检查日期');
  requireActDate(input.inspectedOn, 'inspectedOn', '检查日期');
  if (input.inspectorIds.length === 0) throw new DomainError('请选择检查人员', 'inspectorIds');
  requireText(input.scope, 'scope', '检查范围', 1000);
  requireText(input.findings, 'findings', '检查发现的问题（无问题请填“无”）', 4000);
  requireText(input.result, 'result', '检查结论', 4000);
}

export const fileInspection = defineCommand({
  what: '登记半年检查',
  perm: 'assessment.manage',
  tables: (d) => [d.inspections],
  validate: checkInspection,
  run: async (ctx, input: InspectionInput) => {
    const actor = ctx.actor;
    const [scope, findings, result] = [input.scope.trim(), input.findings.trim(), input.result.trim()];
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
  },
});
