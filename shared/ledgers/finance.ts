// Ledger builders of the publicity, finance, integrity, assessment and duty modules: pure functions
// from plain rows (names already resolved) to a LedgerSpec. Money comes in as integer fen and goes
// out as yuan numbers (the workbook formats them '#,##0.00'); dates stay ISODate strings.
import type { LedgerRow, LedgerSpec } from '../ledger';
import { dayOfWeek, fenToYuan, GRADE_LABELS, LEVEL_LABELS, ruleText } from '../rules';
import type { ISODate, Level, Grade } from '../rules';

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
  const out: LedgerRow[] = sorted.map((r, i) => {
    const first = r.person !== last;
    last = r.person;
    return {
      no: i + 1,
      person: r.person,
      title: r.title,
      outlet: r.outlet,
      level: LEVEL_LABELS[r.level],
      chars: r.chars,
      kind: r.kind,
      publishedOn: r.publishedOn,
      amount: yuan(r.rewardFen),
      total: first ? yuan(totals.get(r.person)) : null,
      state: r.state,
    };
  });
  const grand = sorted.reduce((n, r) => n + r.rewardFen, 0);
  return {
    unitName,
    ledgerName: '宣传奖励发放表',
    period: `${year}年度`,
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'person', header: '姓名' },
      { key: 'title', header: '作品标题', width: 36 },
      { key: 'outlet', header: '刊发媒体' },
      { key: 'level', header: '级别' },
      { key: 'chars', header: '字数', type: 'int' },
      { key: 'kind', header: '类别' },
      { key: 'publishedOn', header: '发表日期', type: 'date' },
      { key: 'amount', header: '奖励金额(元)', type: 'money' },
      { key: 'total', header: '个人合计(元)', type: 'money' },
      { key: 'state', header: '状态' },
    ],
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
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'receivedOn', header: '收受日期', type: 'date' },
      { key: 'person', header: '收受人' },
      { key: 'giver', header: '赠送人(单位)' },
      { key: 'description', header: '礼品礼金名称及数量', width: 30 },
      { key: 'kind', header: '类别' },
      { key: 'value', header: '估值(元)', type: 'money' },
      { key: 'handling', header: '处理方式' },
      { key: 'handedOverOn', header: '上交纪检日期', type: 'date' },
      { key: 'receiver', header: '纪检接收人' },
      { key: 'state', header: '状态' },
    ],
    rows: sorted.map((r, i) => ({
      no: i + 1,
      receivedOn: r.receivedOn,
      person: r.person,
      giver: r.giver,
      description: r.description,
      kind: r.kind,
      value: yuan(r.valueFen),
      handling: r.handling,
      handedOverOn: r.handedOverOn,
      receiver: r.receiver,
      state: r.state,
    })),
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
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'person', header: '姓名' },
      { key: 'section', header: '股室' },
      { key: 'itemsMet', header: '完成项数', type: 'int' },
      { key: 'missed', header: '未完成项目(序号)' },
      { key: 'overrides', header: '直接评定情形(ASM-3)', width: 34 },
      { key: 'grade', header: '考核等次' },
      { key: 'consequence', header: '结果运用(ASM-4)', width: 40 },
    ],
    rows: rows.map((r, i) => ({
      no: i + 1,
      person: r.person,
      section: r.section,
      itemsMet: r.itemsMet,
      missed: r.itemsMissed.length ? r.itemsMissed.join('、') : '无',
      overrides: r.overrides || '无',
      grade: GRADE_LABELS[r.grade],
      consequence: r.consequence,
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
    columns: [
      { key: 'date', header: '日期', type: 'date' },
      { key: 'weekday', header: '星期' },
      { key: 'leader', header: '带班领导' },
      { key: 'staff', header: '值班人员', width: 24 },
      { key: 'phone', header: '值班电话', wrap: false },
      { key: 'note', header: '备注', width: 20 },
    ],
    rows: [...rows]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((r) => ({
        date: r.date,
        weekday: `星期${WEEKDAYS[dayOfWeek(r.date)]}`,
        leader: r.leader,
        staff: r.staff.join('、'),
        phone: r.phone,
        note: r.note,
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
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'number', header: '派车单号', wrap: false },
      { key: 'vehicle', header: '车辆' },
      { key: 'applicant', header: '用车人' },
      { key: 'purpose', header: '用车事由', width: 24 },
      { key: 'destination', header: '目的地' },
      { key: 'departedAt', header: '出车时间' },
      { key: 'returnedAt', header: '返回时间' },
      { key: 'odometerOut', header: '出车里程表(km)', type: 'int' },
      { key: 'odometerIn', header: '返回里程表(km)', type: 'int' },
      { key: 'mileage', header: '行驶里程(km)', type: 'int' },
      { key: 'state', header: '状态' },
    ],
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
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'vendor', header: '签单单位' },
      { key: 'signedOn', header: '签单日期', type: 'date' },
      { key: 'description', header: '事项', width: 30 },
      { key: 'signer', header: '签单人' },
      { key: 'amount', header: '金额(元)', type: 'money' },
      { key: 'vendorTotal', header: '单位合计(元)', type: 'money' },
      { key: 'settleBy', header: '结算期限', type: 'date' },
      { key: 'state', header: '状态' },
    ],
    rows: sorted.map((r, i) => {
      const first = r.vendor !== last;
      last = r.vendor;
      return {
        no: i + 1,
        vendor: r.vendor,
        signedOn: r.signedOn,
        description: r.description,
        signer: r.signer,
        amount: yuan(r.amountFen),
        vendorTotal: first ? yuan(totals.get(r.vendor)) : null,
        settleBy: r.settleBy,
        state: r.state,
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
    columns: [
      { key: 'no', header: '序号', type: 'int' },
      { key: 'number', header: '报销单号', wrap: false },
      { key: 'expenseOn', header: '开支日期', type: 'date' },
      { key: 'claimedOn', header: '报销日期', type: 'date' },
      { key: 'claimant', header: '经办人' },
      { key: 'category', header: '类别' },
      { key: 'purpose', header: '用途', width: 30 },
      { key: 'amount', header: '金额(元)', type: 'money' },
      { key: 'late', header: '逾期报销(FIN-2)', width: 16 }, // mostly 否; a reason wraps
      { key: 'decision', header: '局长办公会决定(FIN-5)' },
      { key: 'state', header: '状态' },
      { key: 'paidOn', header: '付款日期', type: 'date' },
    ],
    rows: rows.map((r, i) => ({
      no: i + 1,
      number: r.number,
      expenseOn: r.expenseOn,
      claimedOn: r.claimedOn,
      claimant: r.claimant,
      category: r.category,
      purpose: r.purpose,
      amount: yuan(r.amountFen),
      late: r.late ? `是：${r.lateReason}` : '否',
      decision: r.decision,
      state: r.state,
      paidOn: r.paidOn,
    })),
    totals: { claimant: '合计', amount: yuan(rows.reduce((n, r) => n + r.amountFen, 0)) },
    signatures: ['制表人', '财务', '分管财务领导'],
  };
}
