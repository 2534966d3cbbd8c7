import { describe, expect, it } from 'vitest';

import { FORM_PAPER, formalDate, formalDates, nextNoticeSeq, noticeNumber, opinionText } from './paper';

describe('formalDate', () => {
  it('writes an ISO date as 年月日 without leading zeros', () => {
    expect(formalDate('2026-06-01')).toBe('2026年6月1日');
    expect(formalDate('2026-12-16')).toBe('2026年12月16日');
  });
  it('reads a timestamp in local time', () => {
    const d = new Date(2026, 9, 30, 23, 50);
    expect(formalDate(d.toISOString())).toBe('2026年10月30日');
  });
  it('leaves nothing empty and a text that is no date as it is', () => {
    expect(formalDate(undefined)).toBe('');
    expect(formalDate(null)).toBe('');
    expect(formalDate('')).toBe('');
    expect(formalDate('规定期限')).toBe('规定期限');
    expect(formalDate('2026-13-45T99')).toBe('2026-13-45T99');
  });
  it('rewrites every date inside a text', () => {
    expect(formalDates('请于2026-06-01前办结（2027-02-19暂定）')).toBe(
      '请于2026年6月1日前办结（2027年2月19日暂定）',
    );
  });
});

describe('opinionText', () => {
  it('prints the decision once when the comment repeats it', () => {
    expect(opinionText('approved', '同意')).toBe('同意');
    expect(opinionText('approved', '同意。')).toBe('同意。');
    expect(opinionText('approved', '同意，请财务室按规定报销')).toBe('同意，请财务室按规定报销');
    expect(opinionText('rejected', '不同意：票据不全')).toBe('不同意：票据不全');
    expect(opinionText('rejected', '退回补充票据', { approved: '同意', rejected: '退回' })).toBe(
      '退回补充票据',
    );
  });
  it('puts the word before a comment that does not say it', () => {
    expect(opinionText('approved', '请按时返岗')).toBe('同意。请按时返岗');
    expect(opinionText('rejected', '票据不全', { approved: '同意', rejected: '退回' })).toBe(
      '退回。票据不全',
    );
    expect(opinionText('approved', '不同意的意见已转告')).toBe('同意。不同意的意见已转告');
  });
  it('is the word alone without a comment, the comment alone without a decision', () => {
    expect(opinionText('approved', '')).toBe('同意');
    expect(opinionText('rejected', null)).toBe('不同意');
    expect(opinionText(null, '  待定 ')).toBe('待定');
    expect(opinionText(undefined)).toBe('');
  });
});

describe('督办通知 numbers', () => {
  it('are written 督〔year〕N号', () => {
    expect(noticeNumber(2026, 3)).toBe('督〔2026〕3号');
  });
  it('follow the year’s highest, deleted ones counted, each year from 1', () => {
    const issued = [
      { year: 2026, seq: 1 },
      { year: 2026, seq: 4 }, // deleted since: still taken
      { year: 2025, seq: 9 },
    ];
    expect(nextNoticeSeq(issued, 2026)).toBe(5);
    expect(nextNoticeSeq(issued, 2027)).toBe(1);
    expect(nextNoticeSeq([], 2026)).toBe(1);
  });
});

describe('FORM_PAPER', () => {
  it('puts the slips on A5 and the rest on A4', () => {
    expect(FORM_PAPER.请假申报条).toBe('A5');
    expect(FORM_PAPER.外出审批单).toBe('A5');
    expect(Object.entries(FORM_PAPER).filter(([, p]) => p === 'A5')).toHaveLength(2);
  });
});
