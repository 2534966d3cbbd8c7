import { describe, expect, it } from 'vitest';

import { gradeConsequence } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import { insert, SYSTEM_ACTOR } from '../../../db/repo';
import { refusal, withSeededOrg } from '../../../db/testing';
import { signPledge } from '../../integrity';

import {
  announceAssessments,
  answerComplaint,
  confirmPowerStep,
  fileInspection,
  generateAssessments,
  investigateComplaint,
  openPowerRecord,
  receiveComplaint,
  refreshAssessment,
  saveAssessment,
} from './commands';
import type { InspectionInput } from './commands';
import { inspectionStatus } from './queries';

const org = withSeededOrg('2026-12-10T10:00:00');

async function assessmentOf(staffId: string, year = 2026) {
  return (await db.assessments.where('[year+staffId]').equals([year, staffId]).first())!;
}

// Marks exactly `met` of the ten items met (the rest not met, with a reason where the product knew better).
function marks(met: number) {
  return Array.from({ length: 10 }, (_, i) => ({ no: i + 1, met: i < met, evidence: '核实' }));
}

async function attitudeComplaint(
  staffId: string,
  finding: 'substantiated' | 'unsubstantiated',
  corrected: boolean,
  mediaLevel: 'county' | 'city' | null = null,
) {
  const c = await receiveComplaint(
    {
      staffId,
      receivedOn: '2026-05-06',
      source: 'visit',
      complainant: '王某',
      content: '答复时态度生硬',
      kind: 'attitude',
    },
    org.actor(org.clerk),
  );
  await investigateComplaint(
    c.id,
    { investigation: '调阅记录、询问当事人', finding, corrected, mediaLevel },
    org.actor(org.clerk),
  );
  return c;
}

describe('ASM-1 evidence and ASM-2 grades', () => {
  it('pre-fills the pledge, complaints and power-record items from the records', async () => {
    await signPledge(org.staff.id, 2026, '2026-01-05', org.actor(org.clerk));
    await generateAssessments(2026, org.actor(org.clerk));
    const a = await assessmentOf(org.staff.id);
    expect(a.items.find((i) => i.no === 8)).toMatchObject({
      met: true,
      auto: true,
      evidence: '2026-01-05签订',
    });
    const other = await assessmentOf(org.head.id);
    expect(other.items.find((i) => i.no === 8)).toMatchObject({
      met: false,
      evidence: '本年度未签订廉政承诺书',
    });
    expect(other.itemsMet).toBe(9);
    expect(other.grade).toBe('excellent');
    expect(other.consequence).toBe(gradeConsequence('excellent'));
  });

  it('grades by items met: 9 优秀, 8 and 7 合格, 6 基本合格, 5 不合格', async () => {
    await generateAssessments(2026, org.actor(org.clerk));
    const a = await assessmentOf(org.staff.id);
    const grades = [];
    for (const n of [9, 8, 7, 6, 5])
      grades.push((await saveAssessment(a.id, marks(n), org.actor(org.clerk))).grade);
    expect(grades).toEqual(['excellent', 'qualified', 'qualified', 'basic', 'unqualified']);
  });

  it('asks for a reason when a mark contradicts what the product knows', async () => {
    await generateAssessments(2026, org.actor(org.clerk));
    const a = await assessmentOf(org.staff.id);
    const items = a.items.map((i) => ({
      no: i.no,
      met: i.no === 8 ? true : i.met,
      evidence: i.no === 8 ? '' : i.evidence,
    }));
    const err = await refusal(saveAssessment(a.id, items, org.actor(org.clerk)));
    expect(err.field).toBe('items.8');
  });

  it('refuses an assessment by someone without the permission', async () => {
    expect((await refusal(generateAssessments(2026, org.actor(org.staff)))).message).toContain('权限');
  });
});

describe('ASM-3 overrides from substantiated attitude complaints', () => {
  it('grades 8 items met with a corrected complaint 基本合格, with its consequence', async () => {
    await attitudeComplaint(org.staff.id, 'substantiated', true);
    await generateAssessments(2026, org.actor(org.clerk));
    const a = await assessmentOf(org.staff.id);
    expect(a.attitude).toBe('corrected');
    // The complaint already marks items 3 and 9 not met.
    expect(a.items.filter((i) => !i.met).map((i) => i.no)).toEqual([3, 8, 9]);
    const items = a.items.map((i) => ({
      no: i.no,
      met: i.no !== 3 && i.no !== 9,
      evidence: i.no === 8 ? '书面承诺已补签' : i.evidence,
    }));
    const saved = await saveAssessment(a.id, items, org.actor(org.clerk));
    expect(saved.itemsMet).toBe(8);
    expect(saved.grade).toBe('basic');
    expect(saved.consequence).toBe('不得评为当年工作先进,并给予警告');
    expect(saved.attitudeNote).toContain('至多评为基本合格');
  });

  it('an unsubstantiated complaint changes nothing', async () => {
    await attitudeComplaint(org.staff.id, 'unsubstantiated', false);
    await generateAssessments(2026, org.actor(org.clerk));
    const a = await assessmentOf(org.staff.id);
    expect(a.attitude).toBe('none');
    expect(a.items.find((i) => i.no === 3)!.met).toBe(true);
  });

  it('city-level media exposure makes it 不合格 outright; county media only caps', async () => {
    await attitudeComplaint(org.staff.id, 'substantiated', true, 'city');
    await attitudeComplaint(org.head.id, 'substantiated', true, 'county');
    await generateAssessments(2026, org.actor(org.clerk));
    expect((await assessmentOf(org.staff.id)).grade).toBe('unqualified');
    expect((await assessmentOf(org.head.id)).attitude).toBe('corrected');
  });

  it('picks up a complaint found substantiated after the draft was made', async () => {
    await generateAssessments(2026, org.actor(org.clerk));
    const a = await assessmentOf(org.staff.id);
    expect(a.attitude).toBe('none');
    await attitudeComplaint(org.staff.id, 'substantiated', true);
    const r = await refreshAssessment(a.id, org.actor(org.clerk));
    expect(r.attitude).toBe('corrected');
    expect(r.grade).toBe('basic');
  });
});

describe('ASM-4 announcement', () => {
  it('announces the year and locks the results', async () => {
    await generateAssessments(2026, org.actor(org.clerk));
    expect(await announceAssessments(2026, org.actor(org.clerk))).toBeGreaterThan(0);
    const a = await assessmentOf(org.staff.id);
    expect(a.status).toBe('announced');
    expect(a.announcedOn).toBe('2026-12-10');
    expect((await refusal(saveAssessment(a.id, marks(10), org.actor(org.clerk)))).ruleId).toBe('ASM-4');
  });
});

describe('SUP-3 complaints', () => {
  it('needs a finding before the answer, and the accused cannot investigate themselves', async () => {
    const c = await receiveComplaint(
      {
        staffId: org.clerk.id,
        receivedOn: '2026-05-06',
        source: 'phone',
        complainant: '',
        content: '办事拖拉',
        kind: 'discipline',
      },
      org.actor(org.clerk),
    );
    expect(c.handlerId).toBe(org.clerk.id);
    expect((await refusal(answerComplaint(c.id, '已答复', '2026-05-10', org.actor(org.clerk)))).ruleId).toBe(
      'SUP-3',
    );
    expect(
      (
        await refusal(
          investigateComplaint(
            c.id,
            { investigation: 'x', finding: 'unsubstantiated', corrected: false, mediaLevel: null },
            org.actor(org.clerk),
          ),
        )
      ).ruleId,
    ).toBe('SUP-3');
    await investigateComplaint(
      c.id,
      { investigation: '核查', finding: 'unsubstantiated', corrected: false, mediaLevel: null },
      org.actor(org.director),
    );
    const done = await answerComplaint(c.id, '经查不属实，已电话答复', '2026-05-10', org.actor(org.director));
    expect(done.status).toBe('answered');
  });
});

describe('SUP-2 power-operation records', () => {
  it('lets only the responsible person confirm their step, in order', async () => {
    const r = await openPowerRecord(
      {
        kind: '信访事项办理',
        title: '张某来信办理',
        basis: '《信访工作条例》第二十二条',
        startedOn: '2026-04-01',
        steps: [
          { label: '登记', responsibleId: org.staff.id },
          { label: '股室审核', responsibleId: org.head.id },
        ],
      },
      org.actor(org.staff),
    );
    expect(r.number).toBe('权运〔2026〕1号');
    expect(r.pendingResponsibleId).toBe(org.staff.id);
    const wrong = await refusal(confirmPowerStep(r.id, 0, '', org.actor(org.head)));
    expect(wrong.ruleId).toBe('SUP-2');
    expect(wrong.message).toContain('钱科员本人登录');
    expect((await refusal(confirmPowerStep(r.id, 1, '', org.actor(org.head)))).message).toContain(
      '请按顺序确认',
    );
    await confirmPowerStep(r.id, 0, '已登记', org.actor(org.staff));
    const done = await confirmPowerStep(r.id, 1, '同意', org.actor(org.head));
    expect(done.status).toBe('done');
    expect(done.steps.map((s) => s.confirmedById)).toEqual([org.staff.id, org.head.id]);
  });

  it('marks item 1 not met while a step of the person is unconfirmed', async () => {
    await openPowerRecord(
      {
        kind: '行政奖励',
        title: '表彰',
        basis: '制度',
        startedOn: '2026-04-01',
        steps: [{ label: '审核', responsibleId: org.head.id }],
      },
      org.actor(org.staff),
    );
    await generateAssessments(2026, org.actor(org.clerk));
    expect((await assessmentOf(org.head.id)).items[0]).toMatchObject({ met: false, auto: true });
  });
});

describe('SUP-1 inspections', () => {
  // the clerk's inspection of 20 June, found in order
  const inspection = (o: Partial<InspectionInput> = {}): InspectionInput => ({
    inspectedOn: '2026-06-20',
    inspectorIds: [org.clerk.id],
    scope: '全面',
    findings: '无',
    result: '运行规范',
    rectification: '',
    ...o,
  });

  it('files a half-year inspection and reports which half-years have one', async () => {
    expect((await refusal(fileInspection(inspection({ result: '' }), org.actor(org.clerk)))).field).toBe(
      'result',
    );
    const i = await fileInspection(inspection(), org.actor(org.clerk));
    expect(i.half).toBe(1);
    expect(await inspectionStatus('2026-12-10')).toEqual([
      { year: 2026, half: 1, due: '2026-06-30', done: true },
      { year: 2026, half: 2, due: '2026-12-31', done: false },
    ]);
  });
});

describe('meeting decisions (ASM-1 item 2)', () => {
  it('marks item 2 not met while a decision the person carries out is open', async () => {
    await insert(
      db.meetingDecisions,
      {
        meetingId: 'm',
        meetingKind: 'director_office',
        meetingDate: '2026-03-02',
        year: 2026,
        seq: 1,
        number: 'n',
        text: 't',
        ownerId: org.staff.id,
        followUp: 'open',
      },
      SYSTEM_ACTOR,
    );
    await generateAssessments(2026, org.actor(org.clerk));
    expect((await assessmentOf(org.staff.id)).items[1]).toMatchObject({
      met: false,
      evidence: '承办的会议决定有1项未落实（共1项）',
    });
  });
});
