// §9 Finance (财务管理制度) and STU-5 tuition. Money is integer 分 (fen) everywhere; yuan only at
// the edges (input, display), so sums never drift.

import type { CalendarData } from './calendar';
import { addMonthsPeriod } from './calendar';
import type { ISODate } from './dates';
import { checkDate, formatISODate, parseISODate, toDayNumber } from './dates';
import type { Approver } from './routes';
import { APPROVER_LABELS } from './routes';
import { checkArray, checkInteger, checkNumber, checkOneOf, fail } from './validate';

export type Invoice = 'vat_special' | 'vat_ordinary' | 'e_invoice' | 'receipt' | 'white_slip';

export const INVOICES: readonly Invoice[] = [
  'vat_special',
  'vat_ordinary',
  'e_invoice',
  'receipt',
  'white_slip',
];

export const INVOICE_LABELS: Readonly<Record<Invoice, string>> = {
  vat_special: '增值税专用发票',
  vat_ordinary: '增值税普通发票',
  e_invoice: '电子发票',
  receipt: '财政票据/收据',
  white_slip: '白纸发票(白条)',
};

// FIN-4: white slips are never reimbursed
export function reimbursable(invoice: Invoice): boolean {
  return checkOneOf(invoice, 'invoice', INVOICES) !== 'white_slip';
}

export type ExpenseStepKey =
  'handler' | 'office_finance_check' | 'discipline_review' | 'finance_leader' | 'director';

// FIN-1: the five reimbursement steps, in order
export function expenseSteps(): { key: ExpenseStepKey; label: string }[] {
  return [
    { key: 'handler', label: '经办人签字并说明用途' },
    { key: 'office_finance_check', label: '办公室、财务人员核算并签具证明人' },
    { key: 'discipline_review', label: '纪检监察领导初审' },
    { key: 'finance_leader', label: '分管财务领导审批' },
    { key: 'director', label: '局长审核' },
  ];
}

// FIN-2: money advanced by staff is claimed within 1 month of the expense (§0 month counting)
export function claimDue(expenseOn: ISODate, cal: CalendarData): ISODate {
  return addMonthsPeriod(checkDate(expenseOn, 'expenseOn'), 1, cal);
}

// FIN-2: a claim after claimDue is late and needs a reason
export function claimLate(expenseOn: ISODate, claimedOn: ISODate, cal: CalendarData): boolean {
  const due = claimDue(expenseOn, cal);
  const claimed = toDayNumber(claimedOn, 'claimedOn');
  if (claimed < toDayNumber(expenseOn)) fail('claimedOn', 'must not be before expenseOn', claimedOn);
  return claimed > toDayNumber(due);
}

// FIN-3: bills signed on account are settled on the last day of the date's quarter
export function quarterEndSettlement(date: ISODate): ISODate {
  const { year, month } = parseISODate(date, 'date');
  const endMonth = Math.ceil(month / 3) * 3;
  return formatISODate(year, endMonth, endMonth === 6 || endMonth === 9 ? 30 : 31);
}

export const MEETING_PURCHASE_YUAN = 2000; // FIN-5

// FIN-5: a single purchase of 2000 yuan or more needs a 局长办公会 decision
export function purchaseNeedsMeeting(amountYuan: number): boolean {
  return checkNumber(amountYuan, 'amountYuan', 0) >= MEETING_PURCHASE_YUAN;
}

const YUAN_TEXT = /^\d+(\.\d{1,2})?$/;

// FIN-1: yuan (a number, or text such as '1234.5') to integer fen; at most 2 decimals, never negative
export function yuanToFen(yuan: number | string, field = 'yuan'): number {
  let fen: number;
  if (typeof yuan === 'string') {
    const text = yuan.trim();
    if (!YUAN_TEXT.test(text)) fail(field, 'must be an amount in yuan with at most 2 decimals', yuan);
    const [whole, decimals = ''] = text.split('.');
    fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  } else {
    checkNumber(yuan, field, 0);
    fen = Math.round(yuan * 100);
    // 0.1 * 100 is 10.000000000000002 in floating point: a tiny residue is not a third decimal
    if (Math.abs(yuan * 100 - fen) > 1e-6) fail(field, 'must have at most 2 decimals', yuan);
  }
  if (!Number.isSafeInteger(fen)) fail(field, 'is too large', yuan);
  return fen;
}

function checkFen(fen: number, field = 'fen'): number {
  return checkInteger(fen, field, 0, Number.MAX_SAFE_INTEGER);
}

// FIN-1: integer fen to yuan as a number
export function fenToYuan(fen: number): number {
  return checkFen(fen) / 100;
}

// FIN-1: fen as a yuan amount with thousands separators and two decimals: 123456 → '1,234.56'
export function formatYuan(fen: number): string {
  const f = checkFen(fen);
  const whole = String(Math.floor(f / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${String(f % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** One group of up to four digits, without leading zeros; inner zero runs read as one 零. */
function groupUpper(group: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== '';
    } else {
      out += (zero ? '零' : '') + DIGITS[digit] + PLACES[place];
      zero = false;
    }
  }
  return out;
}

function integerUpper(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.unshift(rest % 10000);
  let out = '';
  let zero = false;
  groups.forEach((group, i) => {
    if (group === 0) {
      zero = out !== '';
      return;
    }
    // A 零 where zeros stand between two written digits: a skipped group, or a group under 1000.
    if (out !== '' && (zero || group < 1000)) out += '零';
    out += groupUpper(group) + SECTIONS[groups.length - 1 - i];
    zero = false;
  });
  return out;
}

/**
 * FIN-1: 人民币大写 on the reimbursement form, under the People's Bank rules for writing amounts:
 * 零 for zeros between digits (one for a run), 元 then 角 and 分; 整 after 元 or 角 when there are
 * no 分; 零 after 元 when 角 is zero and 分 is not; no 元 part for amounts under one yuan.
 * 1500.00 → 壹仟伍佰元整, 2000.05 → 贰仟元零伍分, 0 → 零元整.
 */
export function rmbUppercase(fen: number): string {
  const f = checkFen(fen);
  const yuan = Math.floor(f / 100);
  const jiao = Math.floor(f / 10) % 10;
  const cents = f % 10;
  if (f === 0) return '零元整';
  let out = yuan > 0 ? `${integerUpper(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0) out += '零';
  return out + (cents > 0 ? `${DIGITS[cents]}分` : '整');
}

/** FIN-6: a request form and who approves it: `all` of them in order, or `any` one of them. */
export type RequestRoute = {
  formName: string;
  approvers: Approver[];
  require: 'all' | 'any';
  ruleId: 'FIN-6';
};

// FIN-6: office supplies need the 分管领导 and the 主要领导
export function supplyRequestRoute(): RequestRoute {
  return {
    formName: '添置办公用品申报单',
    approvers: ['deputy', 'director'],
    require: 'all',
    ruleId: 'FIN-6',
  };
}

// FIN-6: outside printing needs the 分管领导 or the 主要领导, else the cost is personal
export function printingRequestRoute(): RequestRoute {
  return { formName: '印制文件申报单', approvers: ['deputy', 'director'], require: 'any', ruleId: 'FIN-6' };
}

// FIN-6: whether the approvals given satisfy the route
export function requestApproved(route: RequestRoute, approvedBy: readonly Approver[]): boolean {
  const given = checkArray(approvedBy, 'approvedBy').map((a, i) =>
    checkOneOf(a, `approvedBy[${i}]`, Object.keys(APPROVER_LABELS) as Approver[]),
  );
  const met = route.approvers.filter((a) => given.includes(a)).length;
  return route.require === 'all' ? met === route.approvers.length : met > 0;
}

// STU-5: two thirds of the tuition, rounded to the fen
export function tuitionReimbursement(fen: number): number {
  // 2/3 of 3q + r is 2q + 2r/3, and 2r/3 (0, 0.67 or 1.33) rounds to 0 or 1: exact for any safe integer
  const f = checkFen(fen);
  const r = f % 3;
  return 2 * ((f - r) / 3) + (r > 0 ? 1 : 0);
}

// FIN-3: the settlement dates of a year, one per quarter
export function quarterEnds(year: number): ISODate[] {
  return [3, 6, 9, 12].map((m) => quarterEndSettlement(formatISODate(year, m, 1)));
}
