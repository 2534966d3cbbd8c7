// Ledger builders of the publicity, finance, integrity, assessment and duty modules: pure functions
// from plain rows (names already resolved) to a LedgerSpec. Money comes in as integer fen and goes
// out as yuan numbers (the workbook formats them '#,##0.00'); dates stay ISODate strings.
import type { LedgerRow, LedgerSpec } from '../ledger';
import { dayOfWeek, fenToYuan, GRADE_LABELS, LEVEL_LABELS, ruleText } from '../rules';
import type { ISODate, Level, Grade } from '../rules';

import { columns } from './columns';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function yuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fenToYuan(fen);
}

// 宣传奖励发放表 (PUB-1): one row per piece, grouped by person, with each person's total on their first row.
export type PublicityPayoutRow = {
  person: string;
  title: string;
  outlet: string;
  level: Level;
  chars: number;
  kind: string;
  rewardFen: number;
  publishedOn: ISODate;
  state: string;
};

export function publicityPayoutLedger(
  unitName: string,
  year: number,
  rows: readonly PublicityPayoutRow[],
): LedgerSpec {
  const sorted = [...rows].sort(
    (a, b) => a.person.localeCompare(b.person, 'zh-CN') || a.publishedOn.localeCompare(b.publishedOn),
  );
  const totals = new Map<string, number>();
  for (const r of sorted) totals.set(r.person, (totals.get(r.person) ?? 0) + r.rewardFen);
  let last = '';
  const out: LedgerRow[] = sorted.map(({ level, rewardFen, ...r }, i) => {
    const first = r.person !== last;
    last = r.person;
    const total = first ? yuan(totals.get(r.person)) : null;
    return { no: i + 1, ...r, level: LEVEL_LABELS[level], amount: yuan(rewardFen), total };
  });
  const grand = sorted.reduce((n, r) => n + r.rewardFen, 0);
  return {
    unitName,
    ledgerName: '宣传奖励发放表',
    period: `${year}年度`,
    columns: columns(`
      no=序号/int person=姓名 title=作品标题/36 outlet=刊发媒体 level=级别 chars=字数/int kind=类别
      publishedOn=发表日期/date amount=奖励金额(元)/money total=个人合计(元)/money state=状态`),
    rows: out,
    totals: { person: '合计', amount: yuan(grand), total: yuan(grand) },
    notes: [`依据：PUB-1 ${ruleText('PUB-1').text}`],
    signatures: ['制表人', '办公室审核', '财务', '分管领导'],
  };
}

// 礼品登记 (INT-1).
export type GiftLedgerRow = {
  receivedOn: ISODate;
  person: string;
  giver: string;
  description: string;
  kind: string;
  valueFen: number | null; // null: not valued (未估价), left blank, not 0.00
  handling: string;
  handedOverOn: ISODate | null;
  receiver: string;
  state: string;
};

export function giftLedger(unitName: string, year: number, rows: readonly GiftLedgerRow[]): LedgerSpec {
  const sorted = [...rows].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  const unvalued = sorted.filter((r) => r.valueFen === null).length;
  return {
    unitName,
    ledgerName: '礼品登记',
    period: `${year}年度`,
    columns: columns(`
      no=序号/int receivedOn=收受日期/date person=收受人 giver=赠送人(单位)
      description=礼品礼金名称及数量/30 kind=类别 value=估值(元)/money handling=处理方式
      handedOverOn=上交纪检日期/date receiver=纪检接收人 state=状态`),
    rows: sorted.map(({ valueFen, ...r }, i) => ({ no: i + 1, ...r, value: yuan(valueFen) })),
    totals: { person: '合计', value: yuan(sorted.reduce((n, r) => n + (r.valueFen ?? 0), 0)) },
    notes: [
      `依据：INT-1 ${ruleText('INT-1').text}`,
      ...(unvalued > 0 ? [`估值栏空白的${unvalued}件未估价，未计入合计。`] : []),
    ],
    signatures: ['登记人', '纪检监察'],
  };
}

// 年度考核结果 (ASM-1..4).
export type AssessmentResultRow = {
  person: string;
  section: string;
  itemsMet: number;
  itemsMissed: number[];
  overrides: string;
  grade: Grade;
  consequence: string;
};

export function assessmentResultLedger(
  unitName: string,
  year: number,
  rows: readonly AssessmentResultRow[],
): LedgerSpec {
  return {
    unitName,
    ledgerName: '年度考核结果',
    period: `${year}年度`,
    columns: columns(`
      no=序号/int person=姓名 section=股室 itemsMet=完成项数/int missed=未完成项目(序号)
      overrides=直接评定情形(ASM-3)/34 grade=考核等次 consequence=结果运用(ASM-4)/40`),
    rows: rows.map(({ itemsMissed, overrides, grade, ...r }, i) => ({
      no: i + 1,
      ...r,
      missed: itemsMissed.length ? itemsMissed.join('、') : '无',
      overrides: overrides || '无',
      grade: GRADE_LABELS[grade],
    })),
    notes: [
      `ASM-2 ${ruleText('ASM-2').text}`,
      `ASM-3 ${ruleText('ASM-3').text}`,
      `ASM-4 ${ruleText('ASM-4').text}`,
    ],
    signatures: ['制表人', '行政权力运行工作领导小组'],
  };
}

// 值班表: one row per day of the roster.
export type DutyLedgerRow = { date: ISODate; leader: string; staff: string[]; phone: string; note: string };

export function dutyRosterLedger(
  unitName: string,
  title: string,
  period: string,
  rows: readonly DutyLedgerRow[],
): LedgerSpec {
  return {
    unitName,
    ledgerName: title,
    period,
    orientation: 'portrait',
    columns: columns(`
      date=日期/date weekday=星期 leader=带班领导 staff=值班人员/24 phone=值班电话/nowrap note=备注/20`),
    rows: [...rows]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(({ staff, ...r }) => ({
        ...r,
        weekday: `星期${WEEKDAYS[dayOfWeek(r.date)]}`,
        staff: staff.join('、'),
      })),
    signatures: ['制表人', '办公室主任', '分管领导'],
  };
}

// 车辆使用登记: approved trips and their log.
export type VehicleLogRow = {
  number: string;
  vehicle: string;
  applicant: string;
  purpose: string;
  destination: string;
  departedAt: string | null;
  returnedAt: string | null;
  odometerOut: number | null;
  odometerIn: number | null;
  mileage: number | null;
  state: string;
};

export function vehicleLogLedger(
  unitName: string,
  period: string,
  rows: readonly VehicleLogRow[],
): LedgerSpec {
  return {
    unitName,
    ledgerName: '车辆使用登记',
    period,
    columns: columns(`
      no=序号/int number=派车单号/nowrap vehicle=车辆 applicant=用车人 purpose=用车事由/24
      destination=目的地 departedAt=出车时间 returnedAt=返回时间 odometerOut=出车里程表(km)/int
      odometerIn=返回里程表(km)/int mileage=行驶里程(km)/int state=状态`),
    rows: rows.map((r, i) => ({ no: i + 1, ...r })),
    totals: { applicant: '合计', mileage: rows.reduce((n, r) => n + (r.mileage ?? 0), 0) },
    signatures: ['登记人', '办公室主任'],
  };
}

// FIN-3 季末签单结算清单: open bills grouped by vendor, each vendor's total on its first row.
export type SettlementRow = {
  vendor: string;
  signedOn: ISODate;
  description: string;
  signer: string;
  amountFen: number;
  settleBy: ISODate;
  state: string;
};

export function settlementLedger(
  unitName: string,
  period: string,
  rows: readonly SettlementRow[],
): LedgerSpec {
  const sorted = [...rows].sort(
    (a, b) => a.vendor.localeCompare(b.vendor, 'zh-CN') || a.signedOn.localeCompare(b.signedOn),
  );
  const totals = new Map<string, number>();
  for (const r of sorted) totals.set(r.vendor, (totals.get(r.vendor) ?? 0) + r.amountFen);
  let last = '';
  return {
    unitName,
    ledgerName: '季末签单结算清单',
    period,
    columns: columns(`
      no=序号/int vendor=签单单位 signedOn=签单日期/date description=事项/30 signer=签单人
      amount=金额(元)/money vendorTotal=单位合计(元)/money settleBy=结算期限/date state=状态`),
    rows: sorted.map(({ amountFen, ...r }, i) => {
      const first = r.vendor !== last;
      last = r.vendor;
      return {
        no: i + 1,
        ...r,
        amount: yuan(amountFen),
        vendorTotal: first ? yuan(totals.get(r.vendor)) : null,
      };
    }),
    totals: { vendor: '合计', amount: yuan(sorted.reduce((n, r) => n + r.amountFen, 0)) },
    notes: [`依据：FIN-3 ${ruleText('FIN-3').text}`],
    signatures: ['制表人', '财务', '分管财务领导'],
  };
}

// 报销登记: the year's claims.
export type ExpenseLedgerRow = {
  number: string;
  claimedOn: ISODate | null;
  expenseOn: ISODate;
  claimant: string;
  category: string;
  purpose: string;
  amountFen: number;
  late: boolean;
  lateReason: string;
  decision: string;
  state: string;
  paidOn: ISODate | null;
};

export function expenseLedger(
  unitName: string,
  period: string,
  rows: readonly ExpenseLedgerRow[],
): LedgerSpec {
  return {
    unitName,
    ledgerName: '报销登记',
    period,
    // mostly 否; a reason wraps
    columns: columns(`
      no=序号/int number=报销单号/nowrap expenseOn=开支日期/date claimedOn=报销日期/date claimant=经办人
      category=类别 purpose=用途/30 amount=金额(元)/money late=逾期报销(FIN-2)/16
      decision=局长办公会决定(FIN-5) state=状态 paidOn=付款日期/date`),
    rows: rows.map(({ amountFen, late, lateReason, ...r }, i) => ({
      no: i + 1,
      ...r,
      amount: yuan(amountFen),
      late: late ? `是：${lateReason}` : '否',
    })),
    totals: { claimant: '合计', amount: yuan(rows.reduce((n, r) => n + r.amountFen, 0)) },
    signatures: ['制表人', '财务', '分管财务领导'],
  };
}
