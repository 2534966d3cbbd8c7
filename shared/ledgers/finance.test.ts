import { describe, expect, it } from 'vitest';

import {
  assessmentResultLedger,
  dutyRosterLedger,
  expenseLedger,
  giftLedger,
  publicityPayoutLedger,
  settlementLedger,
  vehicleLogLedger,
} from './finance';
import { PUBLICITY_PAYOUT_HEADERS } from './headers.testing';

describe('publicityPayoutLedger', () => {
  const rows = [
    {
      person: '钱雪',
      title: '调研',
      outlet: '湖南信访',
      level: 'province' as const,
      chars: 1500,
      kind: '调研文章',
      rewardFen: 60000,
      publishedOn: '2026-03-02',
      state: '已发放',
    },
    {
      person: '冯涛',
      title: '简讯',
      outlet: '新宁日报',
      level: 'county' as const,
      chars: 280,
      kind: '信息',
      rewardFen: 5000,
      publishedOn: '2026-01-02',
      state: '申报',
    },
    {
      person: '钱雪',
      title: '简讯二',
      outlet: '邵阳日报',
      level: 'city' as const,
      chars: 600,
      kind: '信息',
      rewardFen: 20000,
      publishedOn: '2026-01-10',
      state: '已发放',
    },
  ];
  it('has the columns of product.md in order, yuan as numbers and a person total on the first row', () => {
    const spec = publicityPayoutLedger('新宁县信访局', 2026, rows);
    expect(spec.ledgerName).toBe('宣传奖励发放表');
    expect(spec.period).toBe('2026年度');
    expect(spec.columns.map((c) => c.header).slice(1, 10)).toEqual(PUBLICITY_PAYOUT_HEADERS);
    const qian = spec.rows.filter((r) => r.person === '钱雪');
    expect(qian.map((r) => [r.title, r.amount, r.total])).toEqual([
      ['简讯二', 200, 800],
      ['调研', 600, null],
    ]);
    expect(spec.rows.map((r) => r.no)).toEqual([1, 2, 3]);
    expect(spec.rows.find((r) => r.person === '冯涛')?.level).toBe('县级');
    expect(spec.totals?.amount).toBe(850);
  });
});

describe('giftLedger', () => {
  it('sorts by date and totals the value', () => {
    const spec = giftLedger('局', 2026, [
      {
        receivedOn: '2026-05-01',
        person: 'a',
        giver: 'g',
        description: 'd',
        kind: '礼品',
        valueFen: 12345,
        handling: '',
        handedOverOn: '2026-05-02',
        receiver: '赵',
        state: '已上交纪检',
      },
      {
        receivedOn: '2026-02-01',
        person: 'b',
        giver: 'g',
        description: 'd',
        kind: '礼金',
        valueFen: 50000,
        handling: '',
        handedOverOn: null,
        receiver: '',
        state: '已登记待上交',
      },
    ]);
    expect(spec.rows.map((r) => r.person)).toEqual(['b', 'a']);
    expect(spec.rows[1].value).toBe(123.45);
    expect(spec.totals?.value).toBe(623.45);
    expect(spec.columns.find((c) => c.key === 'handedOverOn')?.type).toBe('date');
    expect(spec.notes).toHaveLength(1);
  });
  it('leaves a gift not valued blank, apart from one valued 0.00, and says so under the table', () => {
    const row = {
      person: 'a',
      giver: 'g',
      description: 'd',
      kind: '礼品',
      handling: '',
      handedOverOn: null,
      receiver: '',
      state: '',
    };
    const spec = giftLedger('局', 2026, [
      { ...row, receivedOn: '2026-05-01', valueFen: null },
      { ...row, receivedOn: '2026-05-02', valueFen: 0 },
      { ...row, receivedOn: '2026-05-03', valueFen: 5000 },
    ]);
    expect(spec.rows.map((r) => r.value)).toEqual([null, 0, 50]);
    expect(spec.totals?.value).toBe(50);
    expect(spec.notes?.[1]).toBe('估值栏空白的1件未估价，未计入合计。');
  });
});

describe('assessmentResultLedger', () => {
  it('lists person, section, items met, overrides, grade and consequence', () => {
    const spec = assessmentResultLedger('局', 2026, [
      {
        person: '钱雪',
        section: '办信股',
        itemsMet: 8,
        itemsMissed: [3, 9],
        overrides: '态度投诉经查属实',
        grade: 'basic',
        consequence: '不得评为当年工作先进,并给予警告',
      },
      {
        person: '冯涛',
        section: '办信股',
        itemsMet: 10,
        itemsMissed: [],
        overrides: '',
        grade: 'excellent',
        consequence: '提请局党组予以表彰、奖励',
      },
    ]);
    expect(spec.columns.map((c) => c.key)).toEqual([
      'no',
      'person',
      'section',
      'itemsMet',
      'missed',
      'overrides',
      'grade',
      'consequence',
    ]);
    expect(spec.rows[0]).toMatchObject({ missed: '3、9', grade: '基本合格', itemsMet: 8 });
    expect(spec.rows[1]).toMatchObject({ missed: '无', overrides: '无', grade: '优秀' });
  });
});

describe('dutyRosterLedger', () => {
  it('gives each day its weekday', () => {
    const spec = dutyRosterLedger('局', '国庆值班表', '2026-10-01至2026-10-02', [
      { date: '2026-10-02', leader: '陈志华', staff: ['钱雪', '冯涛'], phone: '4822378', note: '' },
      { date: '2026-10-01', leader: '刘建国', staff: ['韩冰'], phone: '4822378', note: '' },
    ]);
    expect(spec.rows.map((r) => [r.date, r.weekday, r.staff])).toEqual([
      ['2026-10-01', '星期四', '韩冰'],
      ['2026-10-02', '星期五', '钱雪、冯涛'],
    ]);
  });
});

describe('vehicleLogLedger, settlementLedger, expenseLedger', () => {
  it('totals mileage', () => {
    const row = {
      number: 'n',
      vehicle: 'v',
      applicant: 'a',
      purpose: 'p',
      destination: 'd',
      departedAt: null,
      returnedAt: null,
      odometerOut: 1,
      odometerIn: 10,
      mileage: 9,
      state: '',
    };
    expect(vehicleLogLedger('局', '2026年', [row, { ...row, mileage: null }]).totals?.mileage).toBe(9);
  });
  it('groups signed bills by vendor with a vendor total', () => {
    const contract = (vendor: string, signedOn: string, amountFen: number) => ({
      vendor,
      signedOn,
      description: 'x',
      signer: 's',
      amountFen,
      settleBy: '2026-03-31',
      state: '未结算',
    });
    const spec = settlementLedger('局', '2026年第1季度', [
      contract('乙', '2026-01-02', 100),
      contract('甲', '2026-02-02', 250),
      contract('甲', '2026-01-02', 150),
    ]);
    expect(spec.rows.map((r) => [r.vendor, r.amount, r.vendorTotal])).toEqual([
      ['甲', 1.5, 4],
      ['甲', 2.5, null],
      ['乙', 1, 1],
    ]);
    expect(spec.totals?.amount).toBe(5);
  });
  it('shows a late claim with its reason', () => {
    const spec = expenseLedger('局', '2026年', [
      {
        number: 'n',
        claimedOn: '2026-03-01',
        expenseOn: '2026-01-01',
        claimant: 'a',
        category: '办公费',
        purpose: 'p',
        amountFen: 1000,
        late: true,
        lateReason: '出差',
        decision: '',
        state: '已付款',
        paidOn: null,
      },
    ]);
    expect(spec.rows[0]).toMatchObject({ late: '是：出差', amount: 10 });
  });
});
