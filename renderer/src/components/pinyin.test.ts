import { describe, expect, it } from 'vitest';

import type { Staff } from '../db/schema/core';
import { compareStaff, compareZh } from '../org/order';

import { loadPinyin, pinyinMatch, pinyinReady } from './pinyin';
import { staffFilter } from './StaffSelect';

describe('pinyinMatch', () => {
  it('matches characters before pinyin-pro has loaded, and no pinyin yet', () => {
    expect(pinyinReady()).toBe(false);
    expect(pinyinMatch('建国', '刘建国')).toBe(true);
    expect(pinyinMatch('科员', '刘建国', '刘建国（科员）')).toBe(true);
    expect(pinyinMatch('', '刘建国')).toBe(true);
    expect(pinyinMatch('ljg', '刘建国')).toBe(false);
  });

  it('matches full pinyin, initials and characters mixed with pinyin once loaded', async () => {
    await loadPinyin();
    expect(pinyinReady()).toBe(true);
    for (const q of [
      'ljg',
      'LJG',
      'liujianguo',
      'liu jian guo',
      'liujg',
      '刘jg',
      '刘jianguo',
      'jg',
      '刘建国',
    ])
      expect(pinyinMatch(q, '刘建国'), q).toBe(true);
    for (const q of ['xjg', 'ljx', 'wangfang', '王']) expect(pinyinMatch(q, '刘建国'), q).toBe(false);
    // a surname read differently from its common reading: 单 shàn
    expect(pinyinMatch('sx', '单雄')).toBe(true);
  });

  it('filters a picker’s options without changing their order', async () => {
    await loadPinyin();
    const names = new Map([
      ['a', '刘建国'],
      ['b', '李娟'],
      ['c', '廖佳'],
    ]);
    const options = [
      { value: 'a', label: '刘建国（局长）' },
      { value: 'b', label: '李娟' },
      { value: 'c', label: '廖佳（科员）' },
    ];
    const pick = (search: string) =>
      staffFilter(names)({ options, search, limit: 100 }).map((o) => ('value' in o ? o.value : ''));
    expect(pick('lj')).toEqual(['a', 'b', 'c']);
    expect(pick('lijuan')).toEqual(['b']);
    expect(pick('ljg')).toEqual(['a']);
    expect(pick('科员')).toEqual(['c']);
  });
});

describe('the office’s order of people', () => {
  it('sorts names by pinyin (zh-CN collation), not by code point', () => {
    const names = ['严明', '何勇', '冯涛', '刘建国'];
    expect([...names].sort()).toEqual(names); // code-point order: 严 < 何 < 冯 < 刘
    expect([...names].sort(compareZh)).toEqual(['冯涛', '何勇', '刘建国', '严明']);
  });

  it('lists by rank first, then by name', () => {
    const staff: Pick<Staff, 'name' | 'rank'>[] = [
      { name: '严明', rank: 'staff' },
      { name: '何勇', rank: 'deputy' },
      { name: '冯涛', rank: 'staff' },
      { name: '刘建国', rank: 'director' },
    ];
    expect([...staff].sort(compareStaff).map((s) => s.name)).toEqual(['刘建国', '何勇', '冯涛', '严明']);
  });
});
