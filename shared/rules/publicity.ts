// §8 Publicity rewards (宣传奖励制度), table-driven.

import { checkBoolean, checkInteger, checkObject, checkOneOf } from './validate';

export type Level = 'county' | 'city' | 'province' | 'national';

export const LEVELS: readonly Level[] = ['county', 'city', 'province', 'national'];

export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  county: '县级',
  city: '市级',
  province: '省级',
  national: '国家级',
};

export type PublicityRowKey = 'short' | 'long' | 'research';

export type PublicityRow = { key: PublicityRowKey; label: string; yuan: Readonly<Record<Level, number>> };

// PUB-1: the table of 八、(二), yuan per piece
export const PUBLICITY_TABLE: readonly PublicityRow[] = [
  { key: 'short', label: '300字以内', yuan: { county: 50, city: 100, province: 300, national: 400 } },
  { key: 'long', label: '300字以上', yuan: { county: 100, city: 200, province: 400, national: 500 } },
  {
    key: 'research',
    label: '1000字以上的调研文章和理论文章',
    yuan: { county: 200, city: 400, province: 600, national: 800 },
  },
];

export const SHORT_PIECE_MAX_CHARS = 300; // PUB-1: exactly 300 is the first row
export const RESEARCH_MIN_CHARS = 1000; // PUB-1: a research/theory article of 1000 or more

export type PublicityPiece = { level: Level; chars: number; researchOrTheory: boolean };

// PUB-1: the row and column that apply, so the screen can show which cell paid
export function publicityRewardRow(p: PublicityPiece): {
  row: PublicityRowKey;
  rowLabel: string;
  level: Level;
  levelLabel: string;
  yuan: number;
} {
  const o = checkObject(p, 'p');
  const level = checkOneOf(o.level, 'level', LEVELS);
  const chars = checkInteger(o.chars, 'chars', 1, Number.MAX_SAFE_INTEGER);
  const research = checkBoolean(o.researchOrTheory, 'researchOrTheory');
  const index = research && chars >= RESEARCH_MIN_CHARS ? 2 : chars > SHORT_PIECE_MAX_CHARS ? 1 : 0;
  const row = PUBLICITY_TABLE[index];
  return { row: row.key, rowLabel: row.label, level, levelLabel: LEVEL_LABELS[level], yuan: row.yuan[level] };
}

// PUB-1
export function publicityReward(p: PublicityPiece): number {
  return publicityRewardRow(p).yuan;
}

export type PublicityClaimState = 'claimed' | 'office_reviewed' | 'paid';

// PUB-2: 申报 → 办公室审核 → 已发放
export const PUBLICITY_CLAIM_STATES: readonly { state: PublicityClaimState; label: string }[] = [
  { state: 'claimed', label: '申报' },
  { state: 'office_reviewed', label: '办公室审核' },
  { state: 'paid', label: '已发放' },
];
