import { describe, expect, it } from 'vitest';

import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import {
  INVOICES,
  INVOICE_LABELS,
  claimDue,
  claimLate,
  expenseSteps,
  fenToYuan,
  formatYuan,
  printingRequestRoute,
  purchaseNeedsMeeting,
  quarterEndSettlement,
  quarterEnds,
  reimbursable,
  requestApproved,
  rmbUppercase,
  supplyRequestRoute,
  tuitionReimbursement,
  yuanToFen,
} from './finance';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2024], BUNDLED_CALENDAR[2025], BUNDLED_CALENDAR[2026]);

describe('reimbursable', () => {
  it('every kind of invoice but the white slip', () => {
    expect(INVOICES.filter(reimbursable)).toEqual(['vat_special', 'vat_ordinary', 'e_invoice', 'receipt']);
    expect(reimbursable('white_slip')).toBe(false);
    expect(INVOICE_LABELS.white_slip).toBe('白纸发票(白条)');
  });
  it('refuses an unknown invoice kind', () => {
    expect(() => reimbursable('napkin' as never)).toThrow(/^invoice: /);
  });
});

describe('expenseSteps', () => {
  it('the five FIN-1 steps in order', () => {
    expect(expenseSteps().map((s) => s.key)).toEqual([
      'handler',
      'office_finance_check',
      'discipline_review',
      'finance_leader',
      'director',
    ]);
    expect(expenseSteps()[2].label).toBe('纪检监察领导初审');
  });
});

describe('claimDue', () => {
  it('one month later, same day-number', () => {
    expect(claimDue('2026-03-10', CAL)).toBe('2026-04-10');
  });
  it('Jan 31 → Feb 28 2026, a make-up Saturday, stays', () => {
    expect(claimDue('2026-01-31', CAL)).toBe('2026-02-28');
  });
  it('Jan 31 → Feb 29 2024, a Thursday', () => {
    expect(claimDue('2024-01-31', CAL)).toBe('2024-02-29');
  });
  it('a due day in a holiday moves past it', () => {
    expect(claimDue('2026-09-01', CAL)).toBe('2026-10-08');
  });
  it('refuses a malformed date', () => {
    expect(() => claimDue('2026-01-32', CAL)).toThrow(/^expenseOn: /);
  });
});

describe('claimLate', () => {
  it('claimed on the due day is in time, the day after is late', () => {
    expect(claimLate('2026-01-31', '2026-02-28', CAL)).toBe(false);
    expect(claimLate('2026-01-31', '2026-03-01', CAL)).toBe(true);
    expect(claimLate('2026-01-31', '2026-01-31', CAL)).toBe(false);
  });
  it('refuses a claim before the expense', () => {
    expect(() => claimLate('2026-01-31', '2026-01-30', CAL)).toThrow(/^claimedOn: /);
    expect(() => claimLate('2026-01-31', 'x', CAL)).toThrow(/^claimedOn: /);
  });
});

describe('quarterEndSettlement', () => {
  it('the last day of the quarter, not moved', () => {
    expect(quarterEndSettlement('2026-01-01')).toBe('2026-03-31');
    expect(quarterEndSettlement('2026-04-01')).toBe('2026-06-30');
    expect(quarterEndSettlement('2026-08-01')).toBe('2026-09-30');
    expect(quarterEndSettlement('2026-09-30')).toBe('2026-09-30');
    expect(quarterEndSettlement('2026-11-15')).toBe('2026-12-31');
  });
  it('refuses a malformed date', () => {
    expect(() => quarterEndSettlement('2026-11')).toThrow(/^date: /);
  });
});

describe('quarterEnds', () => {
  it('four settlement days a year', () => {
    expect(quarterEnds(2026)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  });
});

describe('purchaseNeedsMeeting', () => {
  it('1999.99 yuan does not, 2000 does', () => {
    expect(purchaseNeedsMeeting(1999.99)).toBe(false);
    expect(purchaseNeedsMeeting(2000)).toBe(true);
    expect(purchaseNeedsMeeting(0)).toBe(false);
  });
  it('refuses negative or non-numbers', () => {
    expect(() => purchaseNeedsMeeting(-1)).toThrow(/^amountYuan: /);
    expect(() => purchaseNeedsMeeting(Number.NaN)).toThrow(/^amountYuan: /);
  });
});

describe('yuanToFen', () => {
  it('numbers with up to two decimals, floating-point residue ignored', () => {
    expect(yuanToFen(1999.99)).toBe(199999);
    expect(yuanToFen(2000)).toBe(200000);
    expect(yuanToFen(0.1)).toBe(10);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0)).toBe(0);
  });
  it('text amounts as typed', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen(' 12 ')).toBe(1200);
    expect(yuanToFen('0.05')).toBe(5);
  });
  it('refuses more than two decimals', () => {
    expect(() => yuanToFen(1.005)).toThrow(/^yuan: .*2 decimals/);
    expect(() => yuanToFen('1.234')).toThrow(/^yuan: /);
  });
  it('refuses negative amounts, other text and huge amounts', () => {
    expect(() => yuanToFen(-1)).toThrow(/^yuan: /);
    expect(() => yuanToFen('-1')).toThrow(/^yuan: /);
    expect(() => yuanToFen('1e3')).toThrow(/^yuan: /);
    expect(() => yuanToFen('')).toThrow(/^yuan: /);
    expect(() => yuanToFen(1e20)).toThrow(/^yuan: is too large/);
    expect(() => yuanToFen('99999999999999999', 'amount')).toThrow(/^amount: is too large/);
  });
});

describe('fenToYuan', () => {
  it('divides by 100', () => {
    expect(fenToYuan(199999)).toBe(1999.99);
    expect(fenToYuan(0)).toBe(0);
  });
  it('refuses negative or fractional fen', () => {
    expect(() => fenToYuan(-1)).toThrow(/^fen: /);
    expect(() => fenToYuan(1.5)).toThrow(/^fen: /);
  });
});

describe('formatYuan', () => {
  it('thousands separators and two decimals', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(100000000)).toBe('1,000,000.00');
  });
});

describe('rmbUppercase', () => {
  it.each([
    [0, '零元整'],
    [150000, '壹仟伍佰元整'],
    [200005, '贰仟元零伍分'],
    [1, '壹分'],
    [50, '伍角整'],
    [53, '伍角叁分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [10001, '壹佰元零壹分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [101000, '壹仟零壹拾元整'],
    [100100, '壹仟零壹元整'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [1001000, '壹万零壹拾元整'],
    [1100000, '壹万壹仟元整'],
    [10050000, '壹拾万零伍佰元整'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [20000000, '贰拾万元整'],
    [1000000000, '壹仟万元整'],
    [10000000000, '壹亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10000500000, '壹亿零伍仟元整'],
    [10005000000, '壹亿零伍万元整'],
    [10050000000, '壹亿零伍拾万元整'],
    [12345678900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [100000000000000, '壹万亿元整'],
  ])('%i fen is %s', (fen, text) => {
    expect(rmbUppercase(fen)).toBe(text);
  });
  it('refuses negative or fractional fen', () => {
    expect(() => rmbUppercase(-100)).toThrow(/^fen: /);
    expect(() => rmbUppercase(0.5)).toThrow(/^fen: /);
  });
});

describe('supplyRequestRoute', () => {
  it('《添置办公用品申报单》 approved by the deputy and the director', () => {
    expect(supplyRequestRoute()).toEqual({
      formName: '添置办公用品申报单',
      approvers: ['deputy', 'director'],
      require: 'all',
      ruleId: 'FIN-6',
    });
  });
});

describe('printingRequestRoute', () => {
  it('《印制文件申报单》 approved by the deputy or the director', () => {
    expect(printingRequestRoute()).toMatchObject({ formName: '印制文件申报单', require: 'any' });
  });
});

describe('requestApproved', () => {
  it('supplies need both approvals', () => {
    expect(requestApproved(supplyRequestRoute(), ['deputy'])).toBe(false);
    expect(requestApproved(supplyRequestRoute(), ['director', 'deputy'])).toBe(true);
  });
  it('printing needs either one', () => {
    expect(requestApproved(printingRequestRoute(), [])).toBe(false);
    expect(requestApproved(printingRequestRoute(), ['director'])).toBe(true);
    expect(requestApproved(printingRequestRoute(), ['section_head'])).toBe(false);
  });
  it('refuses unknown approvers', () => {
    expect(() => requestApproved(printingRequestRoute(), ['boss' as never])).toThrow(/^approvedBy\[0\]: /);
    expect(() => requestApproved(printingRequestRoute(), null as never)).toThrow(/^approvedBy: /);
  });
});

describe('tuitionReimbursement', () => {
  it('two thirds, rounded to the fen', () => {
    expect(tuitionReimbursement(300000)).toBe(200000);
    expect(tuitionReimbursement(100)).toBe(67);
    expect(tuitionReimbursement(101)).toBe(67);
    expect(tuitionReimbursement(1)).toBe(1);
    expect(tuitionReimbursement(2)).toBe(1);
    expect(tuitionReimbursement(0)).toBe(0);
    expect(tuitionReimbursement(Number.MAX_SAFE_INTEGER)).toBe(6004799503160661);
  });
  it('refuses negative or fractional fen', () => {
    expect(() => tuitionReimbursement(-3)).toThrow(/^fen: /);
    expect(() => tuitionReimbursement(1.5)).toThrow(/^fen: /);
  });
});
