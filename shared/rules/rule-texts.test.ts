import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { completionRuleText, RULES, RULE_IDS, ruleText } from './rule-texts';

// The rule book's IDs: ATT-1..8, LV-1..8, TRIP-1..5, PET-1..13, DOC-1..7, SEAL-1..3, MTG-1..3,
// STU-1..5, INT-1, PUB-1..2, FIN-1..6, ASM-1..4, SUP-1..4.
const BOOK: [string, number][] = [
  ['ATT', 8],
  ['LV', 8],
  ['TRIP', 5],
  ['PET', 13],
  ['DOC', 7],
  ['SEAL', 3],
  ['MTG', 3],
  ['STU', 5],
  ['INT', 1],
  ['PUB', 2],
  ['FIN', 6],
  ['ASM', 4],
  ['SUP', 4],
];
const BOOK_IDS = BOOK.flatMap(([prefix, n]) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`));

// shared/ (with spec/rules.md) sits beside the repository, on developers' machines and in CI.
const RULES_MD = resolve(process.cwd(), '../shared/spec/rules.md');

describe('ruleText', () => {
  it('gives the id, a short Chinese text and the source', () => {
    expect(ruleText('ATT-2')).toEqual({
      id: 'ATT-2',
      text: '超过15分钟不签到视为迟到;迟到恰好15分钟不算迟到。',
      source: '制度 二、(一)1',
    });
    expect(ruleText('PET-12').text).toContain('不超过5人');
  });
  it('refuses an unknown id, including inherited property names', () => {
    expect(() => ruleText('ATT-9')).toThrow(RangeError);
    expect(() => ruleText('ATT-9')).toThrow(/^id: /);
    expect(() => ruleText('toString')).toThrow(/^id: /);
  });
});

describe('RULES', () => {
  it('covers every rule ID of the rule book, in its order', () => {
    expect(RULE_IDS).toEqual(BOOK_IDS);
    expect(RULE_IDS).toHaveLength(69);
  });
  it.skipIf(!existsSync(RULES_MD))('matches the IDs written in rules.md', () => {
    const book = readFileSync(RULES_MD, 'utf8');
    const inBook = new Set(book.match(/\b(ATT|LV|TRIP|PET|DOC|SEAL|MTG|STU|INT|PUB|FIN|ASM|SUP)-\d+\b/g));
    expect(new Set(RULE_IDS)).toEqual(inBook);
  });
  it('every entry has Chinese text and a source', () => {
    for (const id of RULE_IDS) {
      expect(RULES[id].id).toBe(id);
      expect(RULES[id].text).toMatch(/[\u4e00-\u9fa5]/);
      expect(RULES[id].source.length).toBeGreaterThan(0);
    }
  });
});

describe('completionRuleText (PET-4 by category)', () => {
  it('gives a 申诉求决类 case the rule’s own text', () => {
    expect(completionRuleText('claim', 60)).toEqual(RULES['PET-4']);
    expect(completionRuleText('claim', 60).text).toContain('申诉求决类');
  });
  it('gives 检举控告类 and 建议意见类 their own procedure and the set limit, never the 申诉求决 text', () => {
    const a = completionRuleText('accusation', 90);
    expect(a.id).toBe('PET-4');
    expect(a.text).toMatch(/^检举控告类事项按其自身程序办理/);
    expect(a.text).toContain('90日');
    expect(a.text).not.toContain('延长不超过30日');
    expect(a.source).toContain('条例第32条');
    const s = completionRuleText('suggestion', 60);
    expect(s.text).toMatch(/^建议意见类事项/);
    expect(s.source).toContain('条例第31条');
  });
  it('refuses an unknown category or a limit out of range', () => {
    expect(() => completionRuleText('other' as never, 60)).toThrow(/^category: /);
    expect(() => completionRuleText('accusation', 0)).toThrow(/^completionDays: /);
  });
});
