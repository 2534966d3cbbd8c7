// A form that edits stored values (settings, a draft): what arrives from the database fills the
// fields the user has not edited and never overwrites what was typed (系统 › 设置, 空闲锁屏, 领导分工,
// 信访设置 and a 报销 draft reset every field when the stored values arrived or changed).
import { describe, expect, it } from 'vitest';

import { applyStored } from './useCommandForm';

describe('applyStored', () => {
  it('fills every field the user has not edited', () => {
    expect(
      applyStored({ unitName: '', days: 15 }, { unitName: '宁乡县信访局', days: 30 }, new Set()),
    ).toEqual({
      unitName: '宁乡县信访局',
      days: 30,
    });
  });

  it('keeps what the user typed before the stored values arrived', () => {
    const typed = { unitName: '宁乡市信访局', days: 15 };
    expect(applyStored(typed, { unitName: '', days: 30 }, new Set(['unitName']))).toEqual({
      unitName: '宁乡市信访局',
      days: 30,
    });
  });

  it('keeps an edited field when the stored values change again (a live query)', () => {
    const edited = new Set(['days']);
    let v = applyStored({ unitName: 'a', days: 20 }, { unitName: 'b', days: 15 }, edited);
    v = applyStored(v, { unitName: 'c', days: 16 }, edited);
    expect(v).toEqual({ unitName: 'c', days: 20 });
  });

  it('takes a fresh copy with equal content as no change (a live query reads anew)', () => {
    const v = { formats: { letter: '信{year}' }, roles: ['director'] };
    expect(applyStored(v, { formats: { letter: '信{year}' }, roles: ['director'] }, new Set())).toBe(v);
  });

  it('returns the same object when nothing changes (no render)', () => {
    const v = { unitName: 'x', lines: ['1'] };
    expect(applyStored(v, { unitName: 'x', lines: v.lines }, new Set())).toBe(v);
    expect(applyStored(v, { unitName: 'y', lines: v.lines }, new Set(['unitName']))).toBe(v);
  });
});
