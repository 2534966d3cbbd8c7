// 演示数据: complaints about staff in every state (one substantiated rude reply last year that caps a
// grade), about twenty power-operation records signed step by step by their responsible people,
// the half-year inspections, and last year's assessment generated, marked and announced.
// Runs after the integrity demo (pledges are assessment evidence).
import type { ISODate } from '../../../../../shared/rules';
import { addCalendarDays } from '../../../../../shared/rules';
import { db } from '../../../db/db';
import type { Staff } from '../../../db/schema/core';
import type { StaffComplaint } from '../../../db/schema/supervision';
import type { DemoModule } from '../../../demo/modules';
import { demoKit } from '../../finance';

import {
  announceAssessments,
  answerComplaint,
  confirmPowerStep,
  fileInspection,
  generateAssessments,
  investigateComplaint,
  openPowerRecord,
  receiveComplaint,
  saveAssessment,
} from './commands';
import { assessmentsOfYear } from './queries';

type ComplaintPlan = {
  daysAgo: number;
  person: string;
  source: StaffComplaint['source'];
  kind: StaffComplaint['kind'];
  content: string;
  finding?: 'substantiated' | 'unsubstantiated';
  corrected?: boolean;
  answered?: boolean;
};

const COMPLAINTS: ComplaintPlan[] = [
  {
    daysAgo: 345,
    person: '杨帆',
    source: 'phone',
    kind: 'attitude',
    content: '来访群众反映接待人员答复时态度生硬、不耐烦',
    finding: 'substantiated',
    corrected: true,
    answered: true,
  },
  {
    daysAgo: 300,
    person: '冯涛',
    source: 'letter',
    kind: 'discipline',
    content: '反映信访件办理拖延，超期未答复',
    finding: 'unsubstantiated',
    answered: true,
  },
  {
    daysAgo: 210,
    person: '朱丹',
    source: 'visit',
    kind: 'attitude',
    content: '信访人反映电话答复时语气粗暴',
    finding: 'substantiated',
    corrected: true,
    answered: true,
  },
  {
    daysAgo: 150,
    person: '秦浩',
    source: 'phone',
    kind: 'attitude',
    content: '反映窗口人员对重复来访群众态度冷淡',
    finding: 'unsubstantiated',
    answered: true,
  },
  {
    daysAgo: 40,
    person: '许静',
    source: 'letter',
    kind: 'other',
    content: '反映告知事项不一次讲清，群众多次往返',
    finding: 'substantiated',
    corrected: false,
  },
  {
    daysAgo: 6,
    person: '沈伟',
    source: 'phone',
    kind: 'discipline',
    content: '举报电话反映网上信访件未按时录入系统',
  },
];

const POWER_TITLES = [
  '张某反映土地征收补偿问题来信办理',
  '李某反映拖欠工资问题来访办理',
  '王某反映宅基地纠纷网上信访办理',
  '刘某反映房屋质量问题信访事项交办',
  '赵某反映低保评定问题复查',
];

export const assessmentDemo: DemoModule = {
  label: '考核与监督',
  async load(ctx) {
    const k = demoKit(ctx.staff, 20251230);
    const { today: t, year } = k;
    const [office, clerk] = k.byNames('李红梅', '周晓燕');
    const sections = await db.sections.toArray();

    type Ev = { date: ISODate; run: () => Promise<void> };
    const events: Ev[] = [];

    for (const c of COMPLAINTS) {
      const receivedOn = addCalendarDays(t, -c.daysAgo);
      events.push({
        date: receivedOn,
        run: async () => {
          const who = k.byName(c.person);
          const rec = await k.onDay(receivedOn, '10:00', () =>
            receiveComplaint(
              {
                staffId: who.id,
                receivedOn,
                source: c.source,
                complainant: k.pick(['王某', '李某', '匿名', '陈某']),
                content: c.content,
                kind: c.kind,
              },
              k.actor(office),
            ),
          );
          if (!c.finding) return;
          const inv = addCalendarDays(receivedOn, 5);
          if (inv > t) return;
          await k.onDay(inv, '15:00', () =>
            investigateComplaint(
              rec.id,
              {
                investigation: '调阅接待记录和录音，询问当事人及在场人员',
                finding: c.finding!,
                corrected: !!c.corrected,
                mediaLevel: null,
              },
              k.actor(office),
            ),
          );
          const ans = addCalendarDays(receivedOn, 9);
          if (c.answered && ans <= t) {
            await k.onDay(ans, '10:00', () =>
              answerComplaint(
                rec.id,
                c.finding === 'substantiated'
                  ? '经查属实，已对当事人批评教育，当事人已向群众赔礼道歉。'
                  : '经查不属实，已向投诉人说明情况。',
                ans,
                k.actor(office),
              ),
            );
          }
        },
      });
    }

    // Power-operation records: 受理登记 → 股室审核 → 分管领导审批, each signed by its own person.
    const petitionStaff = ctx.staff.filter((s) => s.roles.includes('petition') && s.rank === 'staff');
    for (let i = 0; i < 20; i++) {
      const startedOn = addCalendarDays(t, -(340 - i * 17));
      if (startedOn > t) continue;
      const doer = k.pick(petitionStaff);
      const section = sections.find((s) => s.id === doer.sectionId);
      const head = ctx.staff.find((s) => s.id === section?.headId);
      const deputy = ctx.staff.find((s) => s.id === section?.deputyId);
      if (!head || !deputy) continue;
      events.push({
        date: startedOn,
        run: async () => {
          const r = await k.onDay(startedOn, '09:30', () =>
            openPowerRecord(
              {
                kind: '信访事项办理',
                title: k.pick(POWER_TITLES),
                basis: '《信访工作条例》第二十二条、第三十一条',
                startedOn,
                steps: [
                  { label: '受理登记', responsibleId: doer.id },
                  { label: '股室审核', responsibleId: head.id },
                  { label: '分管领导审批', responsibleId: deputy.id },
                ],
              },
              k.actor(doer),
            ),
          );
          const who: Staff[] = [doer, head, deputy];
          for (let s = 0; s < 3; s++) {
            const day = addCalendarDays(startedOn, s * 2);
            if (day > t || (i >= 18 && s === 2)) return;
            await k.onDay(day, '16:00', () =>
              confirmPowerStep(r.id, s, s === 0 ? '已登记' : '同意', k.actor(who[s])),
            );
          }
        },
      });
    }

    // Half-year inspections (SUP-1): the second half of last year and the first half of this one.
    for (const [date, findings] of [
      [`${year - 1}-12-22`, '个别信访件办理记录签字不全'],
      [`${year}-06-24`, '无'],
    ] as const) {
      if (date > t || date < addCalendarDays(t, -366)) continue;
      events.push({
        date,
        run: async () => {
          await k.onDay(date, '15:00', () =>
            fileInspection(
              {
                inspectedOn: date,
                inspectorIds: [office.id, clerk.id],
                scope: '权力运行程序、行使依据、申报资料、审批结果、制度落实情况',
                findings,
                result:
                  findings === '无'
                    ? '权力运行程序规范，记录完整，各环节均已签字确认。'
                    : '权力运行总体规范，发现的问题已当场督促整改。',
                rectification: findings === '无' ? '' : '相关股室一周内补齐签字确认',
              },
              k.actor(office),
            ),
          );
        },
      });
    }

    // Last year's assessment: generated and announced in January.
    const announceOn = `${year}-01-15`;
    if (announceOn <= t) {
      events.push({
        date: announceOn,
        run: async () => {
          await k.onDay(announceOn, '09:00', () => generateAssessments(year - 1, k.actor(office)));
          const rows = await assessmentsOfYear(year - 1);
          // Two people did not tell all requirements at once (item 5).
          for (const name of ['秦浩', '姜山']) {
            const p = ctx.staff.find((s) => s.name === name);
            const a = rows.find((r) => r.staffId === p?.id);
            if (!a) continue;
            const items = a.items.map((m) => ({
              no: m.no,
              met: m.no === 5 ? false : m.met,
              evidence: m.no === 5 ? '群众反映告知不一次到位，经核实属实' : m.evidence,
            }));
            await k.onDay(announceOn, '10:00', () => saveAssessment(a.id, items, k.actor(office)));
          }
          await k.onDay(announceOn, '16:00', () => announceAssessments(year - 1, k.actor(office)));
        },
      });
    }

    events.sort((a, b) => a.date.localeCompare(b.date));
    for (const ev of events) await ev.run();
  },
};
