// 演示数据 (公文、印章): about 150 incoming documents over twelve months, each signed for, proposed,
// decided, circulated and read by its readers on their days, reported and (last year's) archived in
// March — the last weeks' still at every step, a few readers late; about 80 outgoing documents
// through 审核 → 核稿 → 定稿 → 签发 with their numbers, printed and distributed (a few still in the
// flow, one returned, one withdrawn); loans (two overdue), outside data requests, destructions with
// two witnesses; two seals (one made void in spring) with their use log.
import { addCalendarDays, formatISODate, parseISODate } from '../../../../../shared/rules';
import { withdraw, decide } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { today } from '../../../db/clock';
import { db } from '../../../db/db';
import type { DocUrgency, IncomingKind } from '../../../db/schema/documents';
import type { DemoModule } from '../../../demo/modules';
import { createSeal, logSealUse, requestSealUse, voidSeal } from '../../seals';

import { archiveYear } from './archive';
import { approveAll, baseTables, DemoPlan } from './demoKit';
import {
  circulate,
  markCirculationDone,
  proposeHandling,
  recordDecision,
  registerIncoming,
  reportOutcome,
} from './incoming';
import {
  markDataProvided,
  recordDestruction,
  registerDataRequest,
  registerDestruction,
  requestLoan,
  returnLoan,
} from './loans';
import { createOutgoing, issueOutgoing, submitOutgoing } from './outgoing';

const ISSUERS: { name: string; abbr: string }[] = [
  { name: '邵阳市信访局', abbr: '邵信发' },
  { name: '湖南省信访局', abbr: '湘信发' },
  { name: '中共新宁县委办公室', abbr: '新办发' },
  { name: '新宁县人民政府办公室', abbr: '新政办发' },
  { name: '中共新宁县委政法委员会', abbr: '新政法发' },
  { name: '邵阳市信访工作联席会议办公室', abbr: '邵信联办' },
  { name: '新宁县纪委监委', abbr: '新纪发' },
  { name: '中共新宁县委组织部', abbr: '新组通' },
];
const TITLES = [
  '关于做好重要时间节点信访工作的通知',
  '关于开展信访积案化解攻坚行动的通知',
  '关于报送信访工作情况的通知',
  '关于转发《信访工作条例》学习辅导材料的通知',
  '关于召开全市信访工作会议的通知',
  '关于开展领导干部接访下访活动的通知',
  '关于进一步规范网上信访办理工作的通知',
  '关于印发《信访事项办理质效评价办法》的通知',
  '关于做好节日期间安全稳定工作的通知',
  '关于开展信访工作示范县创建的通知',
  '关于加强矛盾纠纷排查化解工作的意见',
  '关于开展党纪学习教育的通知',
  '关于做好年度考核工作的通知',
  '关于组织参加全省信访业务培训的通知',
];
const LETTERS = ['关于商请协助调查信访事项的函', '关于核实信访人有关情况的函', '关于征求信访工作意见的函'];
const PROPOSALS = [
  '拟请刘局长阅示，送各位局领导和相关股室传阅',
  '拟请刘局长阅示，由办信股牵头办理',
  '拟请刘局长阅示，由办公室按要求报送材料',
  '拟送局领导传阅，接访股抓好落实',
];
const DECISIONS = [
  '同意拟办意见，请认真抓好落实',
  '请王丽娟同志牵头，相关股室按要求落实',
  '请各位局领导阅，办公室跟踪落实',
  '阅。请按时报送',
];
const READERS = ['陈志华', '王丽娟', '赵国强', '孙立新', '韩冰', '何勇', '张丹', '华丽'];
const HANDLERS = ['孙立新', '韩冰', '何勇', '张丹', '李红梅'];
const OUTCOMES = [
  '已按要求办理，并报送相关材料',
  '已组织学习传达，落实到位',
  '已按时报送，结果已报局长',
  '已传阅完毕，相关工作已落实',
];
const DRAFTERS = ['钱雪', '冯涛', '蒋芳', '杨帆', '朱丹', '吕娜', '施磊', '孔祥', '曹静', '周晓燕', '金鑫'];
const OUT_TITLES = [
  '关于月份信访工作情况的报告',
  '关于开展信访积案化解攻坚行动的实施方案',
  '关于调整局信访工作领导小组成员的通知',
  '关于交办信访事项的函',
  '关于重点信访事项办理情况的报告',
  '关于印发《新宁县信访局机关学习制度》的通知',
  '关于开展领导接访日活动的通知',
  '关于报送信访工作示范县创建材料的报告',
  '关于网上信访办理情况的通报',
];
const MAIN_TO = ['县委、县人民政府', '邵阳市信访局', '各乡镇人民政府、县直有关单位', '县委政法委'];
const LOAN_DOCS = [
  '2025年文书档案第3卷',
  '2025年信访事项办理档案（金石镇）',
  '2024年局长办公会会议记录',
  '2025年发文汇编',
  '信访积案化解台账（2025）',
];

export const documentsDemo: DemoModule = {
  label: '公文与印章',
  async load(ctx) {
    const cal = await loadCalendar();
    const t = today();
    const p = new DemoPlan(ctx.staff, cal, t, 20261126);
    const clerk = p.person('周晓燕');
    const office = p.person('李红梅');
    const director = p.person('刘建国');
    const keeper = p.person('郑小军');
    const sections = await db.sections.toArray();
    const start = addCalendarDays(t, -365);
    const thisYear = parseISODate(t).year;

    // ---- 收文: about 150, spread over the year ----
    for (let i = 0; i < 150; i++) {
      const receivedOn = p.work(addCalendarDays(start, Math.floor((i * 365) / 150) + p.int(0, 1)));
      if (receivedOn > t) continue;
      const letter = i % 11 === 4;
      const kind: IncomingKind = letter ? 'letter' : i % 9 === 2 ? 'meeting_material' : 'document';
      const issuer = p.pick(ISSUERS);
      const year = parseISODate(receivedOn).year;
      const urgency: DocUrgency = i % 7 === 3 ? 'urgent' : i % 23 === 5 ? 'very_urgent' : 'normal';
      const readers = [...new Set(i % 2 ? [p.pick(READERS), p.pick(READERS)] : [p.pick(READERS)])];
      const handlers = i % 4 === 0 ? [p.pick(HANDLERS.filter((h) => !readers.includes(h)))] : [];
      const proposeOn = receivedOn;
      const decideOn = urgency === 'normal' ? p.after(receivedOn, 1) : receivedOn;
      const circulateOn = decideOn;
      // Most read within the limit; a few late (and a few of the last weeks not yet).
      const lateOne = i % 17 === 8;
      const readDays = readers
        .concat(handlers)
        .map((_, j) => (urgency === 'normal' ? p.int(0, 3) : 0) + (lateOne && j === 0 ? 6 : 0));
      const lastRead = p.after(circulateOn, Math.max(...readDays));
      const reportOn = p.after(lastRead, p.int(1, 3));
      const ctxDoc: { id?: string; circs?: string[] } = {};
      p.at(receivedOn, `08:${String(30 + (i % 29)).padStart(2, '0')}`, async () => {
        const d = await registerIncoming(
          {
            kind,
            receivedOn,
            issuer: issuer.name,
            issuerNumber: letter ? '' : `${issuer.abbr}〔${year}〕${p.int(1, 120)}号`,
            title: letter ? p.pick(LETTERS) : p.pick(TITLES),
            urgency,
            secrecy: i % 13 === 6 ? 'internal' : 'none',
            copies: kind === 'meeting_material' ? p.int(2, 5) : 1,
            copySectionIds: letter ? [p.pick(sections).id] : [],
          },
          p.actor(clerk),
        );
        ctxDoc.id = d.id;
      });
      // The office director (李红梅) writes the 拟办意见; on some days the clerk types it in for her (代录).
      p.at(proposeOn, '10:10', async () => {
        if (!ctxDoc.id) return;
        if (i % 3 === 1)
          await proposeHandling(ctxDoc.id, p.pick(PROPOSALS), p.actor(clerk), { onBehalfOf: office.id });
        else await proposeHandling(ctxDoc.id, p.pick(PROPOSALS), p.actor(office));
      });
      p.at(decideOn, urgency === 'normal' ? '15:20' : '11:00', async () => {
        if (ctxDoc.id)
          await recordDecision(ctxDoc.id, p.pick(DECISIONS), director.id, p.actor(i % 2 ? director : clerk));
      });
      p.at(circulateOn, urgency === 'normal' ? '16:00' : '11:30', async () => {
        if (!ctxDoc.id) return;
        const cs = await circulate(
          ctxDoc.id,
          { readers: readers.map((n) => p.person(n).id), handlers: handlers.map((n) => p.person(n).id) },
          p.actor(clerk),
          cal,
        );
        ctxDoc.circs = cs.map((c) => c.id);
      });
      // A few of the last weeks' first readers have not read theirs yet (the office chases them).
      const unread = i >= 130 && i % 3 === 0 ? 0 : -1;
      [...readers, ...handlers].forEach((name, j) => {
        if (j === unread) return;
        const on = p.after(circulateOn, readDays[j]);
        p.at(on, `${on === circulateOn ? '17' : '09'}:${String(10 + j * 7).padStart(2, '0')}`, async () => {
          const id = ctxDoc.circs?.[j];
          if (id) await markCirculationDone(id, j >= readers.length ? p.pick(OUTCOMES) : '', p.actor(name));
        });
      });
      if (unread < 0)
        p.at(reportOn, '16:30', async () => {
          if (ctxDoc.id) await reportOutcome(ctxDoc.id, p.pick(OUTCOMES), reportOn, p.actor(clerk));
        });
    }

    // ---- 发文: about 80 ----
    const outCount = 80;
    for (let i = 0; i < outCount; i++) {
      // The last two were drafted in the last days and are still in the flow.
      const draftOn =
        i >= outCount - 2
          ? p.work(addCalendarDays(t, i - outCount - 1))
          : p.work(addCalendarDays(start, Math.floor((i * 350) / outCount) + p.int(0, 2)));
      if (draftOn > t) continue;
      const drafter = p.person(p.pick(DRAFTERS));
      const title = OUT_TITLES[i % OUT_TITLES.length].replace('月份', `${parseISODate(draftOn).month}月份`);
      const state = i === outCount - 3 ? 'rejected' : i === outCount - 5 ? 'withdrawn' : 'normal';
      const ctxOut: { id?: string; approvalId?: string } = {};
      p.at(draftOn, '09:40', async () => {
        const d = await createOutgoing(
          {
            title,
            prefix: '宁信发',
            draftSectionId: drafter.sectionId,
            urgency: i % 10 === 7 ? 'urgent' : 'normal',
            secrecy: 'none',
            mainTo: p.pick(MAIN_TO),
            copyTo: i % 3 === 0 ? '邵阳市信访局' : '',
            summary: `${title}。（正文略）`,
            printCopies: p.int(5, 40),
            distribution: ['县委办', '县政府办', '局领导', '各股室'].slice(0, p.int(2, 4)),
          },
          p.actor(drafter),
        );
        ctxOut.id = d.id;
      });
      p.at(draftOn, '14:00', async () => {
        if (!ctxOut.id) return;
        ctxOut.approvalId = (await submitOutgoing(ctxOut.id, p.actor(drafter))).id;
      });
      // Four steps over the next days; the last weeks' still in the flow.
      for (let s = 0; s < 4; s++) {
        const on = p.after(draftOn, s + 1);
        p.at(on, `10:${String(s * 10).padStart(2, '0')}`, async () => {
          if (!ctxOut.approvalId) return;
          if (state === 'withdrawn' && s === 1)
            return void (await withdraw(ctxOut.approvalId, p.actor(drafter)).catch(() => undefined));
          if (state === 'rejected' && s === 1) {
            const req = await db.approvals.get(ctxOut.approvalId);
            const who = req?.steps[req.currentStep]?.approverId;
            if (req?.status === 'pending' && who)
              await decide(
                { requestId: req.id, decision: 'rejected', comment: '请补充具体数据后重新报送' },
                { id: who, name: req.steps[req.currentStep].approverName },
              );
            return;
          }
          await approveAll(ctxOut.approvalId, 1);
        });
      }
      const issueOn = p.after(draftOn, 5);
      p.at(issueOn, '15:00', async () => {
        if (!ctxOut.id) return;
        const d = await db.outgoingDocs.get(ctxOut.id);
        if (d?.status === 'signed')
          await issueOutgoing(
            d.id,
            {
              printCopies: d.printCopies || 10,
              distribution: d.distribution.length ? d.distribution : ['县委办'],
              issuedOn: issueOn,
            },
            p.actor(clerk),
          );
      });
    }

    // ---- DOC-6: last year's documents filed in March ----
    const archiveOn = p.work(formatISODate(thisYear, 3, 20));
    p.at(archiveOn, '10:00', () =>
      archiveYear(thisYear - 1, `${thisYear - 1}-文书-1`, archiveOn, p.actor(clerk)).catch(() => undefined),
    );

    // ---- DOC-5 loans: most returned, two overdue, one waiting ----
    const borrowers = ['孙立新', '钱雪', '韩冰', '何勇', '张丹', '杨帆', '冯涛', '曹静'];
    for (let i = 0; i < 18; i++) {
      const on = p.work(addCalendarDays(start, 20 + i * 19));
      if (on > t) continue;
      const who = p.person(p.pick(borrowers));
      const due = addCalendarDays(on, p.int(3, 10));
      const ref: { id?: string } = {};
      const overdue = i === 15 || i === 16;
      p.at(on, '09:15', async () => {
        const loan = await requestLoan(
          {
            docTitle: p.pick(LOAN_DOCS),
            borrowerId: who.id,
            purpose: '查阅核对信访事项办理情况',
            borrowedOn: on,
            returnDue: due,
          },
          p.actor(who),
        );
        ref.id = loan.id;
        if (i !== 17) await approveAll(loan.approvalId!);
      });
      const back = addCalendarDays(due, -p.int(0, 2));
      if (!overdue && i !== 17)
        p.at(p.work(back < on ? on : back), '16:40', async () => {
          if (ref.id) await returnLoan(ref.id, p.work(back < on ? on : back), p.actor(clerk));
        });
    }

    // ---- DOC-5 outside data requests ----
    const requesters = [
      '县统计局',
      '县委政法委',
      '县融媒体中心',
      '邵阳学院课题组',
      '县人大常委会办公室',
      '县档案馆',
    ];
    requesters.forEach((r, i) => {
      const on = p.work(addCalendarDays(start, 40 + i * 55));
      const ref: { id?: string } = {};
      p.at(on, '10:30', async () => {
        const approver = i % 2 ? director : p.person('陈志华');
        const rec = await registerDataRequest(
          {
            receivedOn: on,
            requester: r,
            contact: `0739-8${p.int(100000, 999999)}`,
            content: '近三年信访总量及分类统计数据',
            purpose: '编制年度统计资料',
            approverId: approver.id,
          },
          p.actor(clerk),
        );
        ref.id = rec.id;
        await approveAll(rec.approvalId!);
      });
      p.at(p.after(on, 1), '10:00', async () => {
        if (ref.id) await markDataProvided(ref.id, p.after(on, 1), '提供汇总表1份（已脱敏）', p.actor(clerk));
      });
    });

    // ---- DOC-7 destructions ----
    [
      { title: '会议材料（重份）', copies: 12, days: 60, done: true },
      { title: '过期简报（非归档件）', copies: 30, days: 200, done: true },
      { title: '征求意见稿（已定稿）', copies: 5, days: 350, done: false },
    ].forEach((x) => {
      const on = p.work(addCalendarDays(start, x.days));
      const ref: { id?: string } = {};
      p.at(on, '14:10', async () => {
        const rec = await registerDestruction(
          { docTitle: x.title, copies: x.copies, reason: '无保存价值，不归档', registeredOn: on },
          p.actor(clerk),
        );
        ref.id = rec.id;
        if (x.done) await approveAll(rec.approvalId!);
      });
      if (x.done)
        p.at(p.after(on, 2), '15:30', async () => {
          if (ref.id)
            await recordDestruction(
              ref.id,
              { witnesses: ['李红梅', '郑小军'], destroyedOn: p.after(on, 2), method: '粉碎' },
              p.actor(clerk),
            );
        });
    });

    // ---- 印章: the old seal until it was replaced in spring, the new one since ----
    const seals: { old?: string; cur?: string } = {};
    const voidOn = p.work(formatISODate(thisYear, 3, 2));
    p.at(start, '08:05', async () => {
      seals.old = (
        await createSeal(
          { name: '新宁县信访局（旧章）', kind: 'admin', keeperId: keeper.id, note: '2016年启用' },
          p.actor(clerk),
        )
      ).id;
    });
    p.at(voidOn, '08:10', async () => {
      seals.cur = (
        await createSeal(
          { name: '新宁县信访局', kind: 'admin', keeperId: keeper.id, note: `${thisYear}年3月启用` },
          p.actor(clerk),
        )
      ).id;
      if (seals.old) await voidSeal(seals.old, voidOn, '印章更换，旧章停止使用并封存', p.actor(clerk));
    });
    const requesters2 = ['孙立新', '韩冰', '李红梅', '周晓燕', '何勇', '张丹', '吴敏'];
    const DOCS = [
      '关于报送信访工作情况的报告',
      '介绍信',
      '工作证明',
      '信访事项交办函',
      '会议通知',
      '年度工作总结',
    ];
    for (let i = 0; i < 30; i++) {
      const on = p.work(addCalendarDays(start, 3 + i * 12));
      if (on > t) continue;
      const who = p.person(p.pick(requesters2));
      const ref: { id?: string } = {};
      const pending = i >= 28;
      p.at(on, '10:45', async () => {
        const sealId = on < voidOn ? seals.old : seals.cur;
        if (!sealId) return;
        const u = await requestSealUse(
          {
            sealId,
            requestedOn: on,
            document: p.pick(DOCS),
            copies: p.int(1, 6),
            purpose: '对外报送',
            requesterId: who.id,
          },
          p.actor(who),
        );
        ref.id = u.id;
        if (!pending && u.approvalId) await approveAll(u.approvalId);
      });
      if (!pending)
        p.at(on, '15:10', async () => {
          if (ref.id) await logSealUse(ref.id, on, p.actor(keeper));
        });
    }

    await p.run([
      ...baseTables(),
      db.incomingDocs,
      db.docCirculations,
      db.outgoingDocs,
      db.docNumbers,
      db.docLoans,
      db.dataRequests,
      db.docDestructions,
      db.seals,
      db.sealUses,
    ]);
  },
};
