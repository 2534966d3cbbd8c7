import { describe, expect, it } from 'vitest';

import {
  decisionRegisterSpec,
  incomingRegisterSpec,
  loanRegisterSpec,
  outgoingRegisterSpec,
  paperRegisterSpec,
  sealUseRegisterSpec,
  studyAttendanceSpec,
} from './office';

const unitName = '新宁县信访局';

describe('incomingRegisterSpec', () => {
  it('lists number, date, issuer, title, level, handling, circulation, due, archived in that order', () => {
    const spec = incomingRegisterSpec({
      unitName,
      year: 2026,
      rows: [
        {
          regNo: '收文〔2026〕1号',
          receivedOn: '2026-01-05',
          issuer: '邵阳市信访局',
          issuerNumber: '邵信发〔2026〕1号',
          title: '通知',
          kind: '公文',
          urgency: '普通',
          secrecy: '无',
          proposal: '拟请局长阅',
          decision: '同意',
          circulation: '传阅：钱雪√',
          due: '2026-01-12',
          outcome: '已落实',
          status: '已归档',
          archivedOn: '2026-03-20',
          archiveRef: '2026-1',
        },
      ],
    });
    const headers = spec.columns.map((c) => c.header);
    const order = [
      '收文编号',
      '收文日期',
      '来文单位',
      '文件标题',
      '紧急程度',
      '拟办意见',
      '传阅、承办',
      '传阅期限',
      '归档日期',
    ];
    const idx = order.map((h) => headers.indexOf(h));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(spec.columns.find((c) => c.key === 'receivedOn')?.type).toBe('date');
    expect(spec.rows[0].seq).toBe(1);
    expect(spec.period).toBe('2026年');
    expect(spec.notes?.[1]).toMatch(/^DOC-2：/);
  });
});

describe('outgoingRegisterSpec', () => {
  it('carries the number, dates as dates and copies as a number', () => {
    const spec = outgoingRegisterSpec({
      unitName,
      year: 2026,
      rows: [
        {
          docNumber: '宁信发〔2026〕1号',
          signedOn: '2026-02-03',
          section: '办信股',
          drafter: '钱雪',
          signer: '刘建国',
          title: '报告',
          urgency: '普通',
          secrecy: '无',
          mainTo: '县委',
          copyTo: '',
          distribution: '县委办、县政府办',
          printCopies: 12,
          issuedOn: '2026-02-04',
          archivedOn: null,
        },
      ],
    });
    expect(spec.rows[0].docNumber).toBe('宁信发〔2026〕1号');
    expect(spec.columns.find((c) => c.key === 'printCopies')?.type).toBe('int');
    expect(spec.columns.find((c) => c.key === 'signedOn')?.type).toBe('date');
  });
});

describe('loanRegisterSpec', () => {
  const row = {
    borrowedOn: '2026-11-02',
    borrower: '钱雪',
    section: '办信股',
    docTitle: '2025年文书档案第3卷',
    purpose: '查阅',
    approver: '王丽娟',
    approvedOn: '2026-11-02',
    returnDue: '2026-11-06',
    returnedOn: null,
    status: '借出',
    lent: true,
  };
  it('marks a loan out past its return date as overdue, on the day after', () => {
    expect(loanRegisterSpec({ unitName, year: 2026, asOf: '2026-11-06', rows: [row] }).rows[0].status).toBe(
      '借出',
    );
    expect(loanRegisterSpec({ unitName, year: 2026, asOf: '2026-11-07', rows: [row] }).rows[0].status).toBe(
      '逾期未还',
    );
    expect(
      loanRegisterSpec({
        unitName,
        year: 2026,
        asOf: '2026-11-07',
        rows: [{ ...row, lent: false, status: '已归还' }],
      }).rows[0].status,
    ).toBe('已归还');
  });
});

describe('sealUseRegisterSpec and decisionRegisterSpec', () => {
  it('number their rows and keep the rule notes', () => {
    const s = sealUseRegisterSpec({
      unitName,
      year: 2026,
      rows: [
        {
          requestedOn: '2026-03-01',
          usedOn: '2026-03-02',
          seal: '新宁县信访局',
          document: '函',
          copies: 2,
          requester: '钱雪',
          approver: '刘建国',
          keeper: '郑小军',
          purpose: '',
          status: '已用印',
        },
      ],
    });
    expect(s.rows[0]).toMatchObject({ seq: 1, copies: 2, approver: '刘建国', keeper: '郑小军' });
    expect(s.notes?.join()).toContain('SEAL-3');
    const d = decisionRegisterSpec({
      unitName,
      year: 2026,
      rows: [
        {
          number: '局长办公会决定〔2026〕1号',
          meeting: '局长办公会',
          meetingDate: '2026-01-09',
          category: '其他',
          text: '同意',
          owner: '孙立新',
          dueDate: null,
          followUp: '已落实',
          doneOn: '2026-02-01',
          note: '',
        },
      ],
    });
    expect(d.rows[0].number).toBe('局长办公会决定〔2026〕1号');
  });
});

describe('studyAttendanceSpec', () => {
  it('counts absences and lists them with reasons, with totals', () => {
    const spec = studyAttendanceSpec({
      unitName,
      year: 2026,
      rows: [
        {
          date: '2026-11-06',
          kind: '周五集中学习',
          topic: '条例',
          speaker: '李红梅',
          expected: 30,
          present: 28,
          absences: [
            { name: '钱雪', reason: '病假' },
            { name: '冯涛', reason: '下乡' },
          ],
        },
        {
          date: '2026-11-13',
          kind: '周五集中学习',
          topic: '法规',
          speaker: '',
          expected: 30,
          present: 30,
          absences: [],
        },
      ],
    });
    expect(spec.rows[0]).toMatchObject({ absent: 2, absences: '钱雪（病假）；冯涛（下乡）' });
    expect(spec.totals).toMatchObject({ expected: 60, present: 58, absent: 2 });
  });
});

describe('paperRegisterSpec', () => {
  it('marks a person without a paper as 未完成 (STU-4)', () => {
    const spec = paperRegisterSpec({
      unitName,
      year: 2026,
      rows: [
        {
          name: '钱雪',
          section: '办信股',
          papers: [{ title: '学习心得', kind: '学习心得', writtenOn: '2026-06-30' }],
        },
        { name: '冯涛', section: '办信股', papers: [] },
      ],
    });
    expect(spec.rows.map((r) => [r.name, r.count, r.met])).toEqual([
      ['钱雪', 1, '完成'],
      ['冯涛', 0, '未完成'],
    ]);
  });
});
