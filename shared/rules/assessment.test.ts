import { describe, expect, it } from 'vitest';

import type { Attitude } from './assessment';
import {
  ASSESSMENT_ITEMS,
  ATTITUDE_LABELS,
  GRADE_LABELS,
  assessmentGrade,
  gradeConsequence,
} from './assessment';

const grade = (itemsMet: number, attitude: Attitude = 'none') => assessmentGrade({ itemsMet, attitude });

describe('assessmentGrade', () => {
  it('9 and 10 items: 优秀', () => {
    expect(grade(9)).toBe('excellent');
    expect(grade(10)).toBe('excellent');
  });
  it('7 and 8 items: 合格', () => {
    expect(grade(7)).toBe('qualified');
    expect(grade(8)).toBe('qualified');
  });
  it('6 items: 基本合格', () => {
    expect(grade(6)).toBe('basic');
  });
  it('5 items or fewer: 不合格', () => {
    expect(grade(5)).toBe('unqualified');
    expect(grade(0)).toBe('unqualified');
  });
  it('a corrected attitude complaint caps the grade at 基本合格', () => {
    expect(grade(10, 'corrected')).toBe('basic');
    expect(grade(7, 'corrected')).toBe('basic');
    expect(grade(6, 'corrected')).toBe('basic');
    expect(grade(5, 'corrected')).toBe('unqualified');
  });
  it('exposure in city-level media or higher is 不合格 outright', () => {
    expect(grade(10, 'media_exposed')).toBe('unqualified');
  });
  it('refuses itemsMet outside 0..10 or not an integer, and an unknown attitude', () => {
    expect(() => grade(-1)).toThrow(/^itemsMet: /);
    expect(() => grade(11)).toThrow(/^itemsMet: /);
    expect(() => grade(6.5)).toThrow(/^itemsMet: /);
    expect(() => grade(6, 'rude' as never)).toThrow(/^attitude: /);
    expect(() => assessmentGrade(null as never)).toThrow(/^a: /);
  });
});

describe('gradeConsequence', () => {
  it('states ASM-4 for each grade', () => {
    expect(gradeConsequence('excellent')).toBe('提请局党组予以表彰、奖励');
    expect(gradeConsequence('qualified')).toBe('无');
    expect(gradeConsequence('basic')).toContain('给予警告');
    expect(gradeConsequence('unqualified')).toContain('取消当年年终奖金');
  });
  it('refuses an unknown grade', () => {
    expect(() => gradeConsequence('good' as never)).toThrow(/^grade: /);
  });
});

describe('ASSESSMENT_ITEMS and labels', () => {
  it('are the ten items of the regulations, numbered 1–10', () => {
    expect(ASSESSMENT_ITEMS.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ASSESSMENT_ITEMS[7].text).toBe('是否签订廉政承诺书');
    expect(GRADE_LABELS.basic).toBe('基本合格');
    expect(ATTITUDE_LABELS.none).toBe('无');
  });
});
