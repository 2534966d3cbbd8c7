import { describe, expect, it } from 'vitest';

import type { Level } from './publicity';
import {
  LEVELS,
  PUBLICITY_CLAIM_STATES,
  PUBLICITY_TABLE,
  publicityReward,
  publicityRewardRow,
} from './publicity';

describe('publicityReward', () => {
  const pay = (level: Level, chars: number, researchOrTheory = false) =>
    publicityReward({ level, chars, researchOrTheory });

  it('300 characters is the first row, 301 the second', () => {
    expect(LEVELS.map((l) => pay(l, 300))).toEqual([50, 100, 300, 400]);
    expect(LEVELS.map((l) => pay(l, 301))).toEqual([100, 200, 400, 500]);
  });
  it('a research or theory article of 1000 characters or more is the third row', () => {
    expect(LEVELS.map((l) => pay(l, 1000, true))).toEqual([200, 400, 600, 800]);
  });
  it('a research article of 999 characters is paid by length', () => {
    expect(LEVELS.map((l) => pay(l, 999, true))).toEqual([100, 200, 400, 500]);
    expect(pay('county', 200, true)).toBe(50);
  });
  it('a long piece that is not research stays in the second row', () => {
    expect(pay('national', 5000)).toBe(500);
  });
  it('a one-character piece is a short piece', () => {
    expect(pay('county', 1)).toBe(50);
  });
  it('refuses unknown levels and bad lengths naming the field', () => {
    expect(() => pay('township' as never, 300)).toThrow(/^level: /);
    expect(() => pay('county', 0)).toThrow(/^chars: /);
    expect(() => pay('county', 300.5)).toThrow(/^chars: /);
    expect(() => publicityReward({ level: 'county', chars: 300, researchOrTheory: 'no' as never })).toThrow(
      /^researchOrTheory: /,
    );
    expect(() => publicityReward(null as never)).toThrow(/^p: /);
  });
});

describe('publicityRewardRow', () => {
  it('says which row and column paid', () => {
    expect(publicityRewardRow({ level: 'city', chars: 1200, researchOrTheory: true })).toEqual({
      row: 'research',
      rowLabel: '1000字以上的调研文章和理论文章',
      level: 'city',
      levelLabel: '市级',
      yuan: 400,
    });
    expect(publicityRewardRow({ level: 'province', chars: 300, researchOrTheory: false })).toMatchObject({
      row: 'short',
      rowLabel: '300字以内',
      levelLabel: '省级',
    });
  });
});

describe('PUBLICITY_TABLE / PUBLICITY_CLAIM_STATES', () => {
  it('hold the regulation’s table and the PUB-2 claim flow', () => {
    expect(PUBLICITY_TABLE.map((r) => r.yuan.national)).toEqual([400, 500, 800]);
    expect(PUBLICITY_CLAIM_STATES.map((s) => s.label)).toEqual(['申报', '办公室审核', '已发放']);
  });
});
