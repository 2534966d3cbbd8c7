// 演示数据: about 60 expense claims over the last twelve months, written in date order on the day
// they happened and walked through the FIN-1 steps by the real approvers: paid, waiting for payment,
// at every step, refused, withdrawn, filed but not yet claimed (some past their FIN-2 limit), late
// claims with their reason, supply and printing request forms before the spending (FIN-6), large
// purchases citing a 局长办公会 decision when the meetings demo has one (FIN-5); bills signed on
// account settled at each quarter end (FIN-3) with one left overdue; and the quarterly payouts of
// the publicity rewards the office reviewed.
import type { Invoice, ISODate } from '../../../../../shared/rules';
import { addCalendarDays, claimDue, isWorkday, quarterEndSettlement } from '../../../../../shared/rules';
import { withdraw } from '../../../approvals/engine';
import { loadCalendar } from '../../../calendar/calendar';
import { db } from '../../../db/db';
import { live } from '../../../db/live';
import type { ExpenseCategory, InvoiceLine } from '../../../db/schema/finance';
import type { DemoModule } from '../../../demo/modules';
import { createRewardPayout } from '../../publicity';

import { recordSignedBill, settleSignedBills } from './bills';
import { fileExpense, submitExpense } from './claims';
import { approveSteps, demoKit } from './demoUtil';
import type { DemoKit } from './demoUtil';
import { markExpensePaid } from './payments';
import { submitSpendRequest } from './requests';

type Plan = { category: ExpenseCategory; purpose: string; min: number; max: number };
const PLANS: Plan[] = [
  { category: 'office', purpose: '办公室固定电话及宽带费', min: 300, max: 680 },
  { category: 'office', purpose: '信访资料邮寄快递费', min: 80, max: 260 },
  { category: 'office', purpose: '订阅《人民信访》等报刊', min: 400, max: 960 },
  { category: 'travel', purpose: '赴邵阳市信访局参加业务培训差旅费', min: 320, max: 880 },
  { category: 'travel', purpose: '赴省信访局汇报重点信访事项差旅费', min: 900, max: 2600 },
  { category: 'reception', purpose: '接待市信访局督导组工作餐', min: 260, max: 820 },
  { category: 'vehicle', purpose: '公务车辆加油费', min: 300, max: 900 },
  { category: 'vehicle', purpose: '公务车辆维修保养费', min: 600, max: 1800 },
  { category: 'supplies', purpose: '购买打印纸、硒鼓等办公用品', min: 380, max: 1600 },
  { category: 'printing', purpose: '印制《信访工作条例》宣传折页', min: 600, max: 1500 },
  { category: 'purchase', purpose: '采购碎纸机一台', min: 680, max: 1200 },
  { category: 'purchase', purpose: '采购接访大厅办公电脑两台', min: 7800, max: 9600 },
];
const CLAIMANTS = [
  '周晓燕',
  '郑小军',
  '李红梅',
  '孙立新',
  '韩冰',
  '何勇',
  '张丹',
  '华丽',
  '钱雪',
  '杨帆',
  '陈志华',
  '王丽娟',
];
const INVOICE_MIX: Invoice[] = [
  'vat_ordinary',
  'vat_ordinary',
  'e_invoice',
  'e_invoice',
  'vat_special',
  'receipt',
];
const LATE_REASONS = [
  '长期下乡驻村开展信访积案化解，未能及时报账',
  '发票遗失后补开，耽误报销',
  '外出学习一个多月，返岗后报销',
];
const VENDORS = [
  { vendor: '城南饭店', what: ['接待市督导组工作餐', '联席会议工作餐'] },
  { vendor: '新宁宾馆', what: ['上级来人住宿', '信访业务培训会场租用'] },
  { vendor: '县汽修厂', what: ['公务车辆更换轮胎', '公务车辆年度保养'] },
];

type Event = { date: ISODate; order: number; run: () => Promise<void> };

function lines(k: DemoKit, totalFen: number): InvoiceLine[] {
  if (totalFen < 50000 || k.rand() < 0.6)
    return [{ kind: k.pick(INVOICE_MIX), number: String(k.int(10000000, 99999999)), amountFen: totalFen }];
  const first = Math.round(totalFen * (0.3 + k.rand() * 0.4));
  return [
    { kind: k.pick(INVOICE_MIX), number: String(k.int(10000000, 99999999)), amountFen: first },
    { kind: k.pick(INVOICE_MIX), number: String(k.int(10000000, 99999999)), amountFen: totalFen - first },
  ];
}

export const financeDemo: DemoModule = {
  label: '财务',
  async load(ctx) {
    const k = demoKit(ctx.staff, 20260315);
    const cal = await loadCalendar();
    const t = k.today;
    const finance = k.byName('吴敏');
    const work = (d: ISODate) => {
      let x = d;
      while (!isWorkday(x, cal)) x = addCalendarDays(x, 1);
      return x;
    };
    const decisions = (await live(db.meetingDecisions.orderBy('meetingDate')).toArray()).filter(
      (d) => d.meetingKind === 'director_office',
    );
    const events: Event[] = [];

    // Ordinary claims.
    for (let i = 0; i < 58; i++) {
      const plan = k.pick(PLANS);
      const claimant = k.byName(k.pick(CLAIMANTS));
      const expenseOn = work(addCalendarDays(t, -(360 - i * 6) + k.int(0, 2)));
      if (expenseOn >= t) continue;
      let amount = k.int(plan.min, plan.max) * 100 + k.pick([0, 0, 50, 80]);
      const big =
        ['purchase', 'supplies', 'printing', 'office', 'vehicle'].includes(plan.category) && amount >= 200000;
      const decision = big ? [...decisions].reverse().find((d) => d.meetingDate <= expenseOn) : undefined;
      if (big && !decision) amount = 185000;
      const late = i % 11 === 5;
      const claimOn = late
        ? work(addCalendarDays(claimDue(expenseOn, cal), k.int(3, 20)))
        : work(addCalendarDays(expenseOn, k.int(2, 18)));
      const draft = i % 13 === 12 || (claimOn > t && expenseOn < t);
      events.push({
        date: draft ? expenseOn : claimOn,
        order: 1,
        run: async () => {
          let requestId: string | null = null;
          if (plan.category === 'supplies' || plan.category === 'printing') {
            const reqDay = addCalendarDays(expenseOn, -3);
            const r = await k.onDay(reqDay, '09:20', () =>
              submitSpendRequest(
                {
                  kind: plan.category === 'supplies' ? 'supply' : 'printing',
                  title: plan.purpose,
                  reason: plan.category === 'supplies' ? '日常办公消耗，库存不足' : '信访法治宣传需要',
                  items: [
                    {
                      name: plan.category === 'supplies' ? 'A4打印纸、硒鼓' : '宣传折页',
                      quantity: plan.category === 'supplies' ? 20 : 2000,
                      unit: plan.category === 'supplies' ? '箱' : '份',
                      estFen: amount,
                    },
                  ],
                  printer: plan.category === 'printing' ? '新宁县崀山印务有限公司' : undefined,
                  approverLevel: k.rand() < 0.5 ? 'deputy' : 'director',
                },
                k.actor(claimant),
              ),
            );
            await k.onDay(addCalendarDays(reqDay, 1), '16:00', () => approveSteps(r.approvalId!));
            requestId = r.id;
          }
          const input = {
            category: plan.category,
            purpose: plan.purpose,
            expenseOn,
            advanced: plan.category !== 'printing',
            invoices: lines(k, amount),
            lateReason: late ? k.pick(LATE_REASONS) : '',
            meetingDecisionId: decision?.id ?? null,
            requestId,
          };
          if (draft) {
            await k.onDay(expenseOn, '11:00', () => fileExpense(input, k.actor(claimant)));
            return;
          }
          const e = await k.onDay(claimOn, '10:30', () => submitExpense(input, k.actor(claimant)));
          const fate = i % 17 === 8 ? 'reject' : i % 23 === 15 ? 'withdraw' : 'approve';
          if (fate === 'withdraw') {
            await k.onDay(addCalendarDays(claimOn, 1), '09:00', () =>
              withdraw(e.approvalId!, k.actor(claimant)),
            );
            return;
          }
          // One step a working day, as far as today allows.
          let day = claimOn;
          for (let step = 0; step < 4; step++) {
            day = work(addCalendarDays(day, 1));
            if (day > t) return;
            const reject = fate === 'reject' && step === 1;
            await k.onDay(day, '15:30', () =>
              approveSteps(e.approvalId!, {
                count: 1,
                rejectAt: reject ? 0 : undefined,
                comment: '用途说明不清，请补充后重新报送',
              }),
            );
            if (reject) return;
          }
          const payDay = work(addCalendarDays(day, k.int(1, 4)));
          if (payDay <= t && i % 19 !== 3)
            await k.onDay(payDay, '10:00', () =>
              markExpensePaid(e.id, payDay, k.actor(finance)).then(() => undefined),
            );
        },
      });
    }

    // Signed bills (FIN-3), each quarter settled at its end; one of last quarter's left open.
    const billsByQuarter = new Map<ISODate, { vendor: string; ids: string[] }[]>();
    for (let i = 0; i < 22; i++) {
      const v = k.pick(VENDORS);
      const signedOn = work(addCalendarDays(t, -(350 - i * 16) + k.int(0, 5)));
      if (signedOn > t) continue;
      const signer = k.byName(k.pick(['李红梅', '周晓燕', '郑小军']));
      const settleBy = quarterEndSettlement(signedOn);
      events.push({
        date: signedOn,
        order: 0,
        run: async () => {
          const b = await k.onDay(signedOn, '12:30', () =>
            recordSignedBill(
              {
                vendor: v.vendor,
                signedOn,
                signerId: signer.id,
                description: k.pick(v.what),
                amountFen: k.int(180, 1500) * 100,
              },
              k.actor(finance),
            ),
          );
          const list = billsByQuarter.get(settleBy) ?? [];
          const entry = list.find((x) => x.vendor === v.vendor) ?? { vendor: v.vendor, ids: [] };
          if (!list.includes(entry)) list.push(entry);
          entry.ids.push(b.id);
          billsByQuarter.set(settleBy, list);
        },
      });
    }
    const quarterEndsPast = [
      ...new Set(Array.from({ length: 5 }, (_, q) => quarterEndSettlement(addCalendarDays(t, -q * 91)))),
    ].filter((d) => d < t);
    const lastQuarter = quarterEndsPast.sort().at(-1);
    for (const qEnd of quarterEndsPast) {
      const settleDay = work(qEnd);
      events.push({
        date: settleDay,
        order: 2,
        run: async () => {
          for (const { vendor, ids } of billsByQuarter.get(qEnd) ?? []) {
            // Leave one bill of the last quarter unsettled: it shows as overdue (FIN-3, SUP-4).
            const settle = qEnd === lastQuarter && vendor === VENDORS[2].vendor ? ids.slice(1) : ids;
            if (settle.length === 0) continue;
            const e = await k.onDay(settleDay, '16:30', () =>
              settleSignedBills(
                settle,
                { kind: 'vat_ordinary', number: String(k.int(10000000, 99999999)) },
                k.actor(finance),
              ),
            );
            let day = settleDay;
            for (let step = 0; step < 4; step++) {
              day = work(addCalendarDays(day, 1));
              if (day > t) break;
              await k.onDay(day, '15:40', () => approveSteps(e.approvalId!, { count: 1 }));
            }
            const payDay = work(addCalendarDays(day, 2));
            if (payDay <= t && (await db.expenses.get(e.id))?.status === 'approved')
              await k.onDay(payDay, '10:10', () =>
                markExpensePaid(e.id, payDay, k.actor(finance)).then(() => undefined),
              );
          }
        },
      });
    }

    // Publicity rewards reviewed by the office, paid in one claim a quarter (PUB-2 → FIN-1).
    for (const qEnd of quarterEndsPast) {
      const day = work(addCalendarDays(qEnd, 5));
      if (day > t) continue;
      events.push({
        date: day,
        order: 3,
        run: async () => {
          const ready = (
            await live(db.publicityPieces.where('claimState').equals('office_reviewed')).toArray()
          ).filter((p) => !p.expenseId && (p.reviewedOn ?? '') <= day);
          if (ready.length === 0) return;
          const e = await k.onDay(day, '11:00', () =>
            createRewardPayout(
              ready.map((p) => p.id),
              k.actor(finance),
            ),
          );
          await k.onDay(work(addCalendarDays(day, 2)), '15:00', () => approveSteps(e.approvalId!));
          const payDay = work(addCalendarDays(day, 4));
          if (payDay <= t)
            await k.onDay(payDay, '10:00', () =>
              markExpensePaid(e.id, payDay, k.actor(finance)).then(() => undefined),
            );
        },
      });
    }

    events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
    for (const [i, ev] of events.entries()) {
      if (i % 20 === 0) ctx.progress(`正在生成演示数据：财务（${i}/${events.length}）…`);
      await ev.run();
    }
  },
};
