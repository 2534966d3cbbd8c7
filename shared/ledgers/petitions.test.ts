import { describe, expect, it } from 'vitest';

import { LETTER_LEDGER_HEADERS } from './headers.testing';
import {
  analysisDraft,
  formatRate,
  higherVisitLedgerSpec,
  INFORMANT_MASK,
  letterLedgerSpec,
  maskIdentity,
  petitionStats,
  visitLedgerSpec,
} from './petitions';
import type { PetitionLedgerItem, StatsItem } from './petitions';

const item = (o: Partial<PetitionLedgerItem> = {}): PetitionLedgerItem => ({
  informant: false,
  name: '王大明',
  idNo: '430528197003150123',
  phone: '13807390001',
  address: '黄家村3组',
  regNo: '宁信来〔2026〕0002',
  receivedOn: '2026-05-06',
  township: '金石镇',
  source: '群众来信',
  category: '劳动社保',
  summary: '拖欠工资',
  handling: '交办',
  unitName: '县人社局',
  handedOn: '2026-05-07',
  dueOn: '2026-07-06',
  concludedOn: null,
  outcome: '',
  nationalNo: 'GJ-1',
  state: '已交办',
  remarks: '',
  ...o,
});

describe('maskIdentity (PET-6)', () => {
  it('masks name, ID, phone, address and representatives, and keeps the rest', () => {
    const m = maskIdentity(
      item({ informant: true, representatives: [{ name: '代表', idNo: '1', phone: null }] }),
    );
    expect([m.name, m.idNo, m.phone, m.address]).toEqual([
      INFORMANT_MASK,
      INFORMANT_MASK,
      INFORMANT_MASK,
      INFORMANT_MASK,
    ]);
    expect(m.representatives).toEqual([{ name: INFORMANT_MASK, idNo: INFORMANT_MASK, phone: null }]);
    expect(m.summary).toBe('拖欠工资');
  });
  it('leaves empty fields empty', () => {
    const m = maskIdentity(item({ informant: true, idNo: null, phone: '' }));
    expect(m.idNo).toBeNull();
    expect(m.phone).toBe('');
  });
  it('adds no field a partial value does not have (an audit entry’s changed fields)', () => {
    expect(maskIdentity({ name: '钱检举', summary: 's' } as Record<string, unknown>)).toEqual({
      name: INFORMANT_MASK,
      summary: 's',
    });
    expect(Object.keys(maskIdentity({ phone: '13800000000' }))).toEqual(['phone']);
    expect(maskIdentity({ representatives: undefined })).toEqual({ representatives: undefined });
  });
});

describe('letterLedgerSpec', () => {
  it('has the columns of product.md in order, numbered rows sorted by date and number, masked informants', () => {
    const spec = letterLedgerSpec(
      [
        item(),
        // items arrive masked from the petitions queries (PET-6)
        maskIdentity(
          item({ regNo: '宁信来〔2026〕0001', receivedOn: '2026-05-01', informant: true, name: '钱检举' }),
        ),
      ],
      { unitName: '新宁县信访局', period: '2026年5月' },
    );
    expect(spec.columns.map((c) => c.header)).toEqual(LETTER_LEDGER_HEADERS);
    expect(spec.ledgerName).toBe('来信台帐');
    expect(spec.rows.map((r) => [r.no, r.regNo, r.name])).toEqual([
      [1, '宁信来〔2026〕0001', INFORMANT_MASK],
      [2, '宁信来〔2026〕0002', '王大明'],
    ]);
    expect(spec.rows[1].address).toBe('黄家村3组/金石镇');
    expect(spec.rows[0].address).toBe(`${INFORMANT_MASK}/金石镇`);
    expect(spec.columns.filter((c) => c.type === 'date').map((c) => c.key)).toEqual([
      'receivedOn',
      'handedOn',
      'dueOn',
      'concludedOn',
    ]);
    expect(spec.orientation).toBe('landscape');
  });
});

describe('provisional limits in the ledgers', () => {
  it('writes a limit counted over a year without holidays “…（暂定）” and explains it once', () => {
    const items = [
      item({ dueOn: '2027-01-04', dueProvisional: [2027] }),
      item({ regNo: '宁信来〔2026〕0003', dueOn: '2026-12-21', dueProvisional: [] }),
      item({ regNo: '宁信来〔2026〕0004', dueOn: null, dueProvisional: [2028] }),
    ];
    const o = { unitName: '新宁县信访局', period: '2026年12月', canViewInformant: true };
    const letters = letterLedgerSpec(items, o);
    expect(letters.rows.map((r) => r.dueOn)).toEqual(['2027-01-04（暂定）', '2026-12-21', null]);
    expect(letters.notes).toEqual([
      '共 3 件。检举揭发件的信访人信息按规定隐去（PET-6）。',
      '标“暂定”的办理期限：2027年节假日安排尚未导入，期限按无节假日计算，导入后自动重算。',
    ]);
    const visits = visitLedgerSpec([item({ dueOn: '2027-01-04', dueProvisional: [2027] })], o);
    expect(visits.rows[0].dueOn).toBe('2027-01-04（暂定）');
    expect(visits.notes).toHaveLength(2);
    expect(letterLedgerSpec([item()], o).notes).toHaveLength(1);
  });
});

describe('visitLedgerSpec', () => {
  it('has the columns of product.md in order and counts people', () => {
    const spec = visitLedgerSpec(
      [
        item({
          visitors: 8,
          receptionist: '韩冰',
          representatives: [{ name: '甲' }, { name: '乙' }],
          remarks: '集体访',
        }),
        item({ regNo: 'X2' }),
      ],
      { unitName: '新宁县信访局', period: '2026年5月' },
    );
    expect(spec.columns.map((c) => c.header)).toEqual([
      '序号',
      '登记编号',
      '来访日期',
      '来访人',
      '人数',
      '联系电话',
      '所属乡镇',
      '问题类别',
      '内容摘要',
      '接待人',
      '办理方式',
      '责任单位',
      '办理期限',
      '办结日期',
      '办理结果',
      '备注',
    ]);
    expect(spec.rows[1].remarks).toBe('代表：甲、乙；集体访');
    expect(spec.rows[0].visitors).toBe(1);
    expect(spec.notes?.[0]).toContain('共 2 批 9 人次');
  });
});

describe('higherVisitLedgerSpec', () => {
  it('lists visits by date and sums people by destination', () => {
    const spec = higherVisitLedgerSpec(
      [
        {
          date: '2026-05-03',
          level: '赴省',
          name: '甲',
          township: '金石镇',
          persons: 2,
          category: '国土资源',
          summary: '征地',
        },
        {
          date: '2026-05-01',
          level: '进京',
          name: '乙',
          idNo: 'x',
          phone: '1',
          township: '回龙镇',
          persons: 1,
          category: '政法',
          summary: '涉法',
          place: '国家信访局',
          handledBy: '韩冰',
          result: '已劝返',
        },
      ],
      { unitName: '新宁县信访局', period: '2026年5月' },
    );
    expect(spec.rows.map((r) => r.name)).toEqual(['乙', '甲']);
    expect(spec.notes?.[0]).toBe('共 2 批：进京1人次，赴省2人次。');
    expect(spec.rows[1].idNo).toBe('');
    expect(higherVisitLedgerSpec([], { unitName: 'u', period: 'p' }).notes?.[0]).toBe('共 0 批。');
  });
});

describe('petitionStats and the analysis draft', () => {
  const s = (o: Partial<StatsItem>): StatsItem => ({
    channel: '来信',
    category: '劳动社保',
    township: '金石镇',
    outcome: '',
    visitors: 1,
    onTime: null,
    ...o,
  });
  it('counts by channel, category, township and outcome, with the on-time rate', () => {
    const stats = petitionStats([
      s({ outcome: '已解决', onTime: true }),
      s({ channel: '来访', visitors: 6, category: '国土资源', outcome: '已解决', onTime: false }),
      s({ township: '', outcome: '解释疏导', onTime: true }),
      s({}),
    ]);
    expect(stats.total).toBe(4);
    expect(stats.people).toBe(9);
    expect(stats.byChannel).toEqual([
      { key: '来信', count: 3 },
      { key: '来访', count: 1 },
    ]);
    expect(stats.byTownship).toEqual([
      { key: '金石镇', count: 3 },
      { key: '（未填）', count: 1 },
    ]);
    expect(stats.byOutcome).toEqual([
      { key: '已解决', count: 2 },
      { key: '解释疏导', count: 1 },
    ]);
    expect(stats.onTimeRate).toBeCloseTo(2 / 3);
    expect(formatRate(stats.onTimeRate)).toBe('66.7%');
    expect(formatRate(null)).toBe('—');
    const draft = analysisDraft(stats, '2026年5月', petitionStats([s({})]));
    expect(draft).toContain('共登记信访事项4件（涉及9人次）');
    expect(draft).toContain('上升3件');
    expect(analysisDraft(petitionStats([]), '2026年5月', petitionStats([s({})]))).toContain('下降1件');
    expect(analysisDraft(petitionStats([]), 'p', petitionStats([]))).toContain('持平');
    expect(analysisDraft(petitionStats([]), 'p')).toContain('按问题类别，居前的是：无');
  });
});
