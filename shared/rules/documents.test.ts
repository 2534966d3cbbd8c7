import { describe, expect, it } from 'vitest';

import { mergeCalendars } from './calendar';
import { BUNDLED_CALENDAR } from './calendar-data';
import {
  INCOMING_STEPS,
  OUTGOING_STEPS,
  archiveDue,
  archiveWarning,
  circulationDue,
  destructionOk,
  formatDocNumber,
  loanOverdue,
  nextDocSeq,
  parseDocNumber,
  proposalAuthorship,
} from './documents';

const CAL = mergeCalendars(BUNDLED_CALENDAR[2026]);

describe('circulationDue', () => {
  it('an urgent document circulates the day it arrives, even on a day off', () => {
    expect(circulationDue('2026-03-02', true, CAL)).toBe('2026-03-02');
    expect(circulationDue('2026-10-03', true, CAL)).toBe('2026-10-03');
  });
  it('any other within 5 days, counted from the next day', () => {
    expect(circulationDue('2026-03-02', false, CAL)).toBe('2026-03-09'); // Sat 7th → Mon 9th
    expect(circulationDue('2026-03-03', false, CAL)).toBe('2026-03-09'); // Sun 8th → Mon 9th
    expect(circulationDue('2026-03-04', false, CAL)).toBe('2026-03-09');
  });
  it('a 5th day in the holiday moves past it', () => {
    expect(circulationDue('2026-09-30', false, CAL)).toBe('2026-10-08');
  });
  it('refuses bad input naming the field', () => {
    expect(() => circulationDue('2026-02-30', false, CAL)).toThrow(/^receivedOn: /);
    expect(() => circulationDue('2026-03-02', 'yes' as never, CAL)).toThrow(/^urgent: /);
    expect(() => circulationDue('2026-03-02', true, null as never)).toThrow(/^cal: /);
  });
});

describe('formatDocNumber', () => {
  it('writes 〈代字〉〔year〕n号 without leading zeros', () => {
    expect(formatDocNumber('宁信发', 2018, 1)).toBe('宁信发〔2018〕1号');
    expect(formatDocNumber('宁信函', 2026, 120)).toBe('宁信函〔2026〕120号');
    expect(formatDocNumber('宁信发', 2026, 7)).toMatch(/^[\u4e00-\u9fa5]+〔\d{4}〕[1-9]\d*号$/);
  });
  it('refuses a prefix that is not all Chinese characters', () => {
    for (const p of ['', 'NX发', '宁信发 ', '宁信[发]'])
      expect(() => formatDocNumber(p, 2026, 1)).toThrow(/^prefix: /);
    expect(() => formatDocNumber(1 as never, 2026, 1)).toThrow(/^prefix: /);
  });
  it('refuses a year that is not four digits', () => {
    for (const y of [999, 10000, 2026.5]) expect(() => formatDocNumber('宁信发', y, 1)).toThrow(/^year: /);
  });
  it('refuses a sequence that is not a positive integer', () => {
    for (const n of [0, -1, 1.5]) expect(() => formatDocNumber('宁信发', 2026, n)).toThrow(/^seq: /);
  });
});

describe('parseDocNumber', () => {
  it('reads the parts back', () => {
    expect(parseDocNumber('宁信发〔2018〕1号')).toEqual({ prefix: '宁信发', year: 2018, seq: 1 });
  });
  it('null for anything else', () => {
    expect(parseDocNumber('宁信发〔2018〕01号')).toBeNull();
    expect(parseDocNumber('宁信发[2018]1号')).toBeNull();
    expect(parseDocNumber(null as never)).toBeNull();
  });
});

describe('nextDocSeq', () => {
  it('the first number of a year is 1', () => {
    expect(nextDocSeq([])).toBe(1);
  });
  it('never reuses a number: the highest used + 1, gaps stay gaps', () => {
    expect(nextDocSeq([1, 2, 3])).toBe(4);
    expect(nextDocSeq([5, 1])).toBe(6);
  });
  it('refuses bad numbers naming the index', () => {
    expect(() => nextDocSeq([1, 0])).toThrow(/^usedSeqs\[1\]: /);
    expect(() => nextDocSeq('1' as never)).toThrow(/^usedSeqs: /);
  });
});

describe('archiveDue', () => {
  it('31 March of the following year, not moved (2024-03-31 was a Sunday)', () => {
    expect(archiveDue(2023)).toBe('2024-03-31');
    expect(archiveDue(2026)).toBe('2027-03-31');
  });
  it('refuses a year that is not four digits', () => {
    expect(() => archiveDue(26)).toThrow(/^documentYear: /);
    expect(() => archiveDue(2026.5)).toThrow(/^documentYear: /);
  });
});

describe('archiveWarning', () => {
  it('nothing until 31 January of the next year', () => {
    expect(archiveWarning(2026, '2026-12-31')).toBe('none');
    expect(archiveWarning(2026, '2027-01-31')).toBe('none');
  });
  it('a warning from 1 February to 31 March', () => {
    expect(archiveWarning(2026, '2027-02-01')).toBe('warning');
    expect(archiveWarning(2026, '2027-03-31')).toBe('warning');
  });
  it('overdue from 1 April', () => {
    expect(archiveWarning(2026, '2027-04-01')).toBe('overdue');
  });
  it('refuses bad input', () => {
    expect(() => archiveWarning(2026, '2027-4-1')).toThrow(/^today: /);
    expect(() => archiveWarning(0, '2027-04-01')).toThrow(/^documentYear: /);
  });
});

describe('loanOverdue', () => {
  it('due on the return day, overdue the day after', () => {
    expect(loanOverdue('2026-03-10', '2026-03-10')).toBe(false);
    expect(loanOverdue('2026-03-10', '2026-03-11')).toBe(true);
  });
  it('refuses bad dates naming the field', () => {
    expect(() => loanOverdue('x', '2026-03-11')).toThrow(/^returnDue: /);
    expect(() => loanOverdue('2026-03-10', 'x')).toThrow(/^today: /);
  });
});

describe('destructionOk', () => {
  it('approved with two distinct witnesses', () => {
    expect(destructionOk({ approvedByDeputy: true, witnesses: ['张三', '李四'] })).toBe(true);
    expect(destructionOk({ approvedByDeputy: true, witnesses: ['张三', '李四', '王五'] })).toBe(true);
  });
  it('not without the deputy’s approval', () => {
    expect(destructionOk({ approvedByDeputy: false, witnesses: ['张三', '李四'] })).toBe(false);
  });
  it('one witness is not enough', () => {
    expect(destructionOk({ approvedByDeputy: true, witnesses: ['张三'] })).toBe(false);
    expect(destructionOk({ approvedByDeputy: true, witnesses: [] })).toBe(false);
  });
  it('the same name twice is one witness, spacing ignored', () => {
    expect(destructionOk({ approvedByDeputy: true, witnesses: ['张三', '张三'] })).toBe(false);
    expect(destructionOk({ approvedByDeputy: true, witnesses: ['张三', '张 三 '] })).toBe(false);
  });
  it('blank names do not count', () => {
    expect(destructionOk({ approvedByDeputy: true, witnesses: ['张三', ''] })).toBe(false);
    expect(destructionOk({ approvedByDeputy: true, witnesses: ['张三', '  '] })).toBe(false);
  });
  it('refuses bad input', () => {
    expect(() => destructionOk(null as never)).toThrow(/^d: /);
    expect(() => destructionOk({ approvedByDeputy: 1 as never, witnesses: [] })).toThrow(
      /^approvedByDeputy: /,
    );
    expect(() => destructionOk({ approvedByDeputy: true, witnesses: '张三' as never })).toThrow(
      /^witnesses: /,
    );
    expect(() => destructionOk({ approvedByDeputy: true, witnesses: ['张三', 2 as never] })).toThrow(
      /^witnesses\[1\]: /,
    );
  });
});

describe('document steps', () => {
  it('list the DOC-1 and DOC-3 flows in order', () => {
    expect(INCOMING_STEPS.map((s) => s.label)).toEqual([
      '签收登记',
      '办公室主任拟办',
      '局长批办',
      '传阅、承办',
      '督促落实',
      '结果反馈局长',
      '归档',
    ]);
    expect(OUTGOING_STEPS[4].label).toBe('局长签发');
    expect(INCOMING_STEPS.map((s) => s.key).join()).toBe(
      'register,propose,decide,circulate,follow_up,feedback,archive',
    );
    expect(OUTGOING_STEPS.map((s) => s.key).join()).toBe(
      'draft,deputy_review,office_check,finalize,sign,issue',
    );
  });
});

describe('proposalAuthorship (DOC-1 拟办)', () => {
  const base = { officeDirectorId: 'li', actorKeepsDocuments: true };
  it('the office director records their own 拟办意见', () => {
    expect(proposalAuthorship({ ...base, actorId: 'li' })).toEqual({
      ok: true,
      authorId: 'li',
      recordedById: null,
    });
    expect(
      proposalAuthorship({ ...base, actorId: 'li', actorKeepsDocuments: false, onBehalfOfId: 'li' }),
    ).toEqual({
      ok: true,
      authorId: 'li',
      recordedById: null,
    });
  });
  it('the clerk records it only on the office director’s behalf (代录), naming them as the author', () => {
    expect(proposalAuthorship({ ...base, actorId: 'zhou', onBehalfOfId: 'li' })).toEqual({
      ok: true,
      authorId: 'li',
      recordedById: 'zhou',
    });
    expect(proposalAuthorship({ ...base, actorId: 'zhou' })).toEqual({ ok: false, problem: 'not_on_behalf' });
    expect(proposalAuthorship({ ...base, actorId: 'zhou', onBehalfOfId: 'zhou' })).toEqual({
      ok: false,
      problem: 'not_on_behalf',
    });
  });
  it('someone who does not keep the documents cannot record it for the director', () => {
    expect(
      proposalAuthorship({ ...base, actorId: 'qian', onBehalfOfId: 'li', actorKeepsDocuments: false }),
    ).toEqual({
      ok: false,
      problem: 'not_permitted',
    });
  });
  it('nobody records it while no office director is set', () => {
    expect(proposalAuthorship({ ...base, actorId: 'li', officeDirectorId: null })).toEqual({
      ok: false,
      problem: 'no_office_director',
    });
  });
  it('refuses malformed input', () => {
    expect(() => proposalAuthorship({ ...base, actorId: 3 as never })).toThrow(RangeError);
    expect(() => proposalAuthorship({ ...base, actorId: 'a', actorKeepsDocuments: 'yes' as never })).toThrow(
      /actorKeepsDocuments/,
    );
  });
});
