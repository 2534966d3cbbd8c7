// 演示数据 (会议、学习): twelve monthly 局长办公会 with numbered decisions (among them study trips
// to other regions and purchases of 2000 yuan or more, for TRIP-3 and FIN-5 to cite), the 局务会
// on the 28th with absences, the sections' monthly reports (a few late, a few missing), every
// working Friday's collective study, the study group monthly, the quarterly notes checks, papers
// (some people without one this year) and tuition claims. Runs before the leave and finance demos.
import {
  addCalendarDays,
  formatISODate,
  fridayStudyDates,
  parseISODate,
  studyQuarter,
  yuanToFen,
} from '../../../../../shared/rules';
import { loadCalendar } from '../../../calendar/calendar';
import { today } from '../../../db/clock';
import { db } from '../../../db/db';
import type { Staff } from '../../../db/schema/core';
import type { MeetingDecision } from '../../../db/schema/meetings';
import type { DemoModule } from '../../../demo/modules';
import { baseTables, DemoPlan } from '../../documents';
import { recordNotesCheck, recordPaper, recordSession, submitTuitionClaim } from '../../study';
import { AGENDA_CATEGORIES } from '../labels';

import { addDecision, createMeeting, setFollowUp, submitSectionReport } from './commands';
import { liveSections } from './queries';

const ABSENCE_REASONS = ['请假', '出差', '下乡接访', '参加县里会议', '病假', '带班值守', '赴市局汇报'];

type DecisionPlan = { category: number; text: string; owner: string };
// Each item of the 局长办公会's agenda (category, title) with the one decision it made (text, owner).
const DIRECTOR_ITEMS: [category: number, title: string, decision: string, owner: string][] = [
  [0, '传达全市信访工作会议精神', '认真贯彻全市信访工作会议精神，各股室对照任务清单抓好落实', '李红梅'],
  [1, '研究本月重点信访积案化解工作', '对5件重点积案实行局领导包案，月底前报送化解进展', '王丽娟'],
  [2, '研究修订《机关考勤管理办法》', '同意修订后的《机关考勤管理办法》，自下月起执行', '周晓燕'],
  [3, '研究向县委报告重大信访事项', '就金石镇征地补偿群体信访问题向县委、县政府专题报告', '何勇'],
  [
    4,
    '研究干部职工外出学习考察',
    '同意孙立新等3人赴浙江省诸暨市学习“枫桥经验”，按干部管理权限报县领导审批',
    '孙立新',
  ],
  [4, '研究办公设备采购事项', '同意采购接访大厅办公电脑两台，预算9600元，由办公室按程序采购', '李红梅'],
  [1, '研究下半年工作安排', '下半年重点抓好信访“三无”县创建，各股室细化任务', '陈志华'],
  [4, '研究信访干部赴外地培训', '同意韩冰、杨帆赴长沙参加全省信访业务骨干培训班（5天）', '韩冰'],
  [
    4,
    '研究信访接待场所改造',
    '同意对接访大厅视频监控系统进行升级，预算18000元，报县财政局审批后实施',
    '陈志华',
  ],
  [0, '传达省信访局领导调研讲话精神', '组织全体干部学习讨论，形成学习体会报县委办', '华丽'],
  [4, '研究购置公务用车保险及维修', '同意支付公务车辆年度保险及维修费用共计6800元', '郑小军'],
  [1, '研究年终总结和明年工作计划', '12月20日前完成全年工作总结和明年工作计划初稿', '李红梅'],
];
const DIRECTOR_AGENDA: { category: number; title: string; decisions: DecisionPlan[] }[] = DIRECTOR_ITEMS.map(
  ([category, title, text, owner]) => ({ category, title, decisions: [{ category, text, owner }] }),
);
const STAFF_AGENDA = [
  { category: 0, title: '讨论以本局名义呈报的信访工作情况报告' },
  { category: 1, title: '讨论本局股室人员调整事项' },
  { category: 2, title: '讨论提交县委、县政府的信访形势分析' },
  { category: 3, title: '研究讨论年终评优评先工作' },
];
const TOPICS = [
  '学习《信访工作条例》第三章',
  '学习习近平总书记关于加强和改进人民信访工作的重要思想',
  '学习党的二十届三中全会精神',
  '观看警示教育片',
  '学习《中国共产党纪律处分条例》',
  '信访业务知识讲座：网上信访办理规范',
  '学习“枫桥经验”典型案例',
  '学习《湖南省信访事项办理规定》',
  '专题讨论：如何提高群众满意率',
  '学习县委全会精神',
];
const SPEAKERS = ['李红梅', '陈志华', '华丽', '刘建国', '王丽娟', '孙立新'];
const PAPER_TITLES = [
  '学习《信访工作条例》的几点体会',
  '新时代“枫桥经验”在基层信访工作中的运用',
  '浅谈提高网上信访办理质效',
  '做好信访接待工作的心得',
  '关于化解信访积案的思考',
  '学习党纪学习教育的体会',
];

export const meetingsDemo: DemoModule = {
  label: '会议与学习',
  async load(ctx) {
    const cal = await loadCalendar();
    const t = today();
    const p = new DemoPlan(ctx.staff, cal, t, 20261128);
    const staff = ctx.staff.filter((s) => s.active);
    const leaders = staff.filter((s) => s.rank === 'director' || s.rank === 'deputy');
    const office = p.person('李红梅');
    const clerk = p.person('周晓燕');
    const director = p.person('刘建国');
    const sections = await liveSections();
    const now = parseISODate(t);
    const months: { year: number; month: number }[] = [];
    for (let i = 11; i >= 0; i--) {
      const m = now.month - i;
      months.push(m > 0 ? { year: now.year, month: m } : { year: now.year - 1, month: m + 12 });
    }
    const absentees = (pool: Staff[], n: number) => {
      const out = new Map<string, string>();
      while (out.size < n) out.set(p.pick(pool).id, p.pick(ABSENCE_REASONS));
      return [...out].map(([staffId, reason]) => ({ staffId, reason }));
    };

    months.forEach(({ year, month }, idx) => {
      // 局长办公会: around the 8th–12th.
      const date = p.work(formatISODate(year, month, p.int(6, 12)));
      const agendaPlan = DIRECTOR_AGENDA[idx % DIRECTOR_AGENDA.length];
      const second = DIRECTOR_AGENDA[(idx + 5) % DIRECTOR_AGENDA.length];
      const expected = [...leaders, office];
      const absent =
        p.rand() < 0.4
          ? absentees(
              leaders.filter((l) => l.id !== director.id),
              1,
            )
          : [];
      const age = 11 - idx;
      const madeAt: MeetingDecision[] = [];
      const doneOn = addCalendarDays(date, 20);
      p.at(date, '09:00', async () => {
        const m = await createMeeting(
          {
            kind: 'director_office',
            date,
            chairId: director.id,
            recorderId: office.id,
            location: '局三楼会议室',
            observerNames: '',
            attendeeIds: expected.filter((s) => !absent.some((a) => a.staffId === s.id)).map((s) => s.id),
            absences: absent,
            agenda: [
              { category: AGENDA_CATEGORIES.director_office[agendaPlan.category], title: agendaPlan.title },
              { category: AGENDA_CATEGORIES.director_office[second.category], title: second.title },
            ],
            minutes: `会议由刘建国同志主持。会议听取了${agendaPlan.title.replace(/^研究/, '')}等情况汇报，经认真讨论，形成如下决定。`,
          },
          p.actor(office),
        );
        const made: MeetingDecision[] = [];
        for (const d of [...agendaPlan.decisions, ...second.decisions]) {
          made.push(
            await addDecision(
              m.id,
              {
                text: d.text,
                category: AGENDA_CATEGORIES.director_office[d.category],
                ownerId: p.person(d.owner).id,
                dueDate: addCalendarDays(date, 30),
              },
              p.actor(office),
            ),
          );
        }
        // Older decisions are carried out (recorded on the day they were, below); the last two
        // months' are in hand or open.
        if (age === 1)
          for (const d of made)
            await setFollowUp(d.id, { followUp: 'in_progress', note: '正在落实' }, p.actor(office));
        madeAt.push(...made);
      });
      if (age >= 2)
        p.at(doneOn, '16:00', async () => {
          for (const d of madeAt)
            await setFollowUp(d.id, { followUp: 'done', note: '已按决定落实', doneOn }, p.actor(office));
        });

      // 局务会 on the 28th (the working day before when the 28th is off).
      let staffDay = formatISODate(year, month, 28);
      while (!p.work(staffDay).startsWith(staffDay)) staffDay = addCalendarDays(staffDay, -1);
      const away = absentees(
        staff.filter((s) => s.rank !== 'director'),
        p.int(1, 3),
      );
      const agendaItem = STAFF_AGENDA[idx % STAFF_AGENDA.length];
      const staffDecisions: MeetingDecision[] = [];
      p.at(staffDay, '15:00', async () => {
        const m = await createMeeting(
          {
            kind: 'staff',
            date: staffDay,
            chairId: director.id,
            recorderId: clerk.id,
            location: '局三楼会议室',
            attendeeIds: staff.filter((s) => !away.some((a) => a.staffId === s.id)).map((s) => s.id),
            absences: away,
            agenda: [{ category: AGENDA_CATEGORIES.staff[agendaItem.category], title: agendaItem.title }],
            minutes: '各股室汇报本月工作情况和下月工作计划，局长作总结讲话。',
          },
          p.actor(clerk),
        );
        if (idx % 3 === 0) {
          const d = await addDecision(
            m.id,
            {
              text: `通过${agendaItem.title.replace(/^讨论|^研究讨论/, '')}`,
              category: AGENDA_CATEGORIES.staff[agendaItem.category],
              ownerId: office.id,
            },
            p.actor(clerk),
          );
          staffDecisions.push(d);
        }
      });
      // Carried out ten days later, recorded on that day (a 落实日期 is never ahead of the record).
      const staffDoneOn = addCalendarDays(staffDay, 10);
      if (idx % 3 === 0 && idx < 11)
        p.at(staffDoneOn, '16:30', async () => {
          for (const d of staffDecisions)
            await setFollowUp(
              d.id,
              { followUp: 'done', note: '已办理', doneOn: staffDoneOn },
              p.actor(office),
            );
        });

      // MTG-3: each section's report before the 28th; some late, a few missing.
      sections.forEach((sec, si) => {
        const roll = p.rand();
        if (roll < 0.06 && idx < 11) return; // missing
        const day = roll < 0.16 ? 28 : p.int(20, 27);
        const on = formatISODate(year, month, day);
        const head = sec.headId ?? office.id;
        p.at(on, `10:${String(10 + si).padStart(2, '0')}`, () =>
          submitSectionReport(
            {
              sectionId: sec.id,
              year,
              month,
              submittedOn: on,
              reporterId: head,
              workSummary: `${month}月${sec.name}按计划完成各项工作，办理信访事项${p.int(8, 60)}件。`,
              nextPlan: `${month === 12 ? 1 : month + 1}月继续抓好信访事项办理和积案化解。`,
            },
            p.actor(head === office.id ? office : (staff.find((s) => s.id === head) ?? office)),
          ),
        );
      });

      // STU-1: every working Friday (one missed this month, for the reminder); STU-2 monthly.
      const fridays = fridayStudyDates(year, month, cal);
      fridays.forEach((d, fi) => {
        if (idx === 11 && fi === fridays.length - 1) return;
        const away = absentees(staff, p.int(0, 3));
        p.at(d, '15:00', () =>
          recordSession(
            {
              kind: 'friday',
              date: d,
              topic: p.pick(TOPICS),
              speaker: p.pick(SPEAKERS),
              attendeeIds: staff.filter((s) => !away.some((a) => a.staffId === s.id)).map((s) => s.id),
              absences: away,
            },
            cal,
            p.actor(clerk),
          ),
        );
      });
      const groupDay = p.work(formatISODate(year, month, p.int(14, 20)));
      const members = staff.filter((s) => s.rank !== 'staff');
      const groupAway = p.rand() < 0.5 ? absentees(members, 1) : [];
      p.at(groupDay, '09:00', () =>
        recordSession(
          {
            kind: 'group',
            date: groupDay,
            topic: `中心组专题学习：${p.pick(TOPICS)}`,
            speaker: '刘建国',
            attendeeIds: members.filter((s) => !groupAway.some((a) => a.staffId === s.id)).map((s) => s.id),
            absences: groupAway,
          },
          cal,
          p.actor(clerk),
        ),
      );
    });

    // STU-3: notes checked at the end of each past quarter.
    const quarterEnds = months.filter((m) => m.month % 3 === 0);
    for (const { year, month } of quarterEnds) {
      const on = p.work(formatISODate(year, month, 24));
      const quarter = studyQuarter(on);
      staff.forEach((s, i) => {
        const r = p.rand();
        p.at(on, `16:${String(i % 60).padStart(2, '0')}`, () =>
          recordNotesCheck(
            {
              staffId: s.id,
              year,
              quarter,
              checkedOn: on,
              collective: r < 0.7 ? 'good' : 'adequate',
              selfStudy: r < 0.5 ? 'good' : r < 0.9 ? 'adequate' : 'insufficient',
              remark: r > 0.9 ? '自学记录偏少' : '',
            },
            p.actor(office),
          ),
        );
      });
    }

    // STU-4: last year everyone wrote one; this year most have, some not yet.
    staff.forEach((s, i) => {
      const lastYear = formatISODate(now.year - 1, 12, p.int(1, 20));
      p.at(lastYear, '11:00', () =>
        recordPaper(
          { staffId: s.id, writtenOn: lastYear, kind: 'reflection', title: p.pick(PAPER_TITLES) },
          p.actor(office),
        ),
      );
      if (i % 4 !== 3) {
        const on = p.work(formatISODate(now.year, p.int(3, Math.max(3, now.month - 1)), p.int(1, 25)));
        p.at(on, '11:30', () =>
          recordPaper(
            {
              staffId: s.id,
              writtenOn: on,
              kind: i % 5 === 0 ? 'paper' : 'reflection',
              title: p.pick(PAPER_TITLES),
              publishedIn: i % 5 === 0 ? '《湖南信访》' : '',
            },
            p.actor(office),
          ),
        );
      }
    });

    // STU-5: tuition and an exam.
    const claims = [
      {
        who: '杨帆',
        kind: 'tuition' as const,
        degree: '本科',
        description: '湖南师范大学函授本科（法学）学费',
        yuan: '6800',
        m: 3,
      },
      {
        who: '金鑫',
        kind: 'tuition' as const,
        degree: '硕士研究生',
        description: '在职研究生（公共管理）学费',
        yuan: '15000.50',
        m: 7,
      },
      {
        who: '秦浩',
        kind: 'exam' as const,
        degree: undefined,
        description: '县公开选拔副科级领导干部考试报名费、体检费',
        yuan: '350.5',
        m: 9,
      },
    ];
    for (const c of claims) {
      const on = p.work(formatISODate(now.year, Math.min(c.m, now.month), 10));
      p.at(on, '10:00', () =>
        submitTuitionClaim(
          {
            staffId: p.person(c.who).id,
            kind: c.kind,
            degree: c.degree,
            description: c.description,
            paidFen: yuanToFen(c.yuan),
            submittedOn: on,
          },
          p.actor(office),
        ),
      );
    }

    await p.run([
      ...baseTables(),
      db.meetings,
      db.meetingDecisions,
      db.sectionReports,
      db.studySessions,
      db.notesChecks,
      db.studyPapers,
      db.tuitionClaims,
    ]);
  },
};
