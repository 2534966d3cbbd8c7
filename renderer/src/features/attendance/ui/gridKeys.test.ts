import { describe, expect, it } from 'vitest';

import { BAD_TIME, gridKey, parseTimeInput } from './gridKeys';

describe('parseTimeInput', () => {
  it('reads four digits, three digits, an hour alone and colon forms', () => {
    expect(parseTimeInput('0812')).toEqual({ ok: true, value: '08:12' });
    expect(parseTimeInput('812')).toEqual({ ok: true, value: '08:12' });
    expect(parseTimeInput('1430')).toEqual({ ok: true, value: '14:30' });
    expect(parseTimeInput('8')).toEqual({ ok: true, value: '08:00' });
    expect(parseTimeInput('08:12')).toEqual({ ok: true, value: '08:12' });
    expect(parseTimeInput(' 8:05 ')).toEqual({ ok: true, value: '08:05' });
    expect(parseTimeInput('08：12')).toEqual({ ok: true, value: '08:12' });
    expect(parseTimeInput('08.12')).toEqual({ ok: true, value: '08:12' });
    expect(parseTimeInput('0000')).toEqual({ ok: true, value: '00:00' });
    expect(parseTimeInput('2359')).toEqual({ ok: true, value: '23:59' });
  });
  it('clears on empty and marks absence with 旷 or x', () => {
    expect(parseTimeInput('')).toEqual({ ok: true, value: null });
    expect(parseTimeInput('  ')).toEqual({ ok: true, value: null });
    expect(parseTimeInput('旷')).toEqual({ ok: true, value: 'absent' });
    expect(parseTimeInput('X')).toEqual({ ok: true, value: 'absent' });
  });
  it('refuses impossible times and anything else in Chinese', () => {
    for (const bad of ['25:00', '2500', '0860', '24:00', '8:5', '12345', 'abc', '08-12', '-1']) {
      expect(parseTimeInput(bad)).toEqual({ ok: false, error: BAD_TIME });
    }
  });
});

describe('gridKey', () => {
  const size = { rows: 40, cols: 5 };
  it('Enter saves and moves down; Shift+Enter moves up', () => {
    expect(gridKey({ key: 'Enter' }, { row: 3, col: 0 }, size)).toEqual({
      type: 'move',
      to: { row: 4, col: 0 },
      commit: true,
    });
    expect(gridKey({ key: 'Enter', shift: true }, { row: 3, col: 2 }, size)).toEqual({
      type: 'move',
      to: { row: 2, col: 2 },
      commit: true,
    });
  });
  it('does not leave the grid at its edges', () => {
    expect(gridKey({ key: 'Enter' }, { row: 39, col: 0 }, size)).toMatchObject({ to: { row: 39, col: 0 } });
    expect(gridKey({ key: 'ArrowUp' }, { row: 0, col: 1 }, size)).toMatchObject({ to: { row: 0, col: 1 } });
    expect(gridKey({ key: 'ArrowLeft' }, { row: 5, col: 0 }, size)).toMatchObject({ to: { row: 5, col: 0 } });
    expect(gridKey({ key: 'ArrowRight' }, { row: 5, col: 4 }, size)).toMatchObject({
      to: { row: 5, col: 4 },
    });
  });
  it('arrow keys move between cells', () => {
    expect(gridKey({ key: 'ArrowDown' }, { row: 1, col: 1 }, size)).toMatchObject({ to: { row: 2, col: 1 } });
    expect(gridKey({ key: 'ArrowUp' }, { row: 1, col: 1 }, size)).toMatchObject({ to: { row: 0, col: 1 } });
    expect(gridKey({ key: 'ArrowRight' }, { row: 1, col: 1 }, size)).toMatchObject({
      to: { row: 1, col: 2 },
    });
    expect(gridKey({ key: 'ArrowLeft' }, { row: 1, col: 1 }, size)).toMatchObject({ to: { row: 1, col: 0 } });
  });
  it.each([
    ['ArrowLeft', { caretAtStart: false }, 4, 'toEqual', { type: 'none' }],
    ['ArrowLeft', { caretAtStart: true }, 4, 'toMatchObject', { to: { row: 1, col: 3 } }],
    ['ArrowRight', { caretAtEnd: false }, 3, 'toEqual', { type: 'none' }],
    ['ArrowRight', { caretAtEnd: true }, 3, 'toMatchObject', { to: { row: 1, col: 4 } }],
  ] as const)(
    'left and right move the caret inside a text cell until its ends: %s %o',
    (key, caret, col, how, result) => {
      const got = gridKey({ key, textCell: true, ...caret }, { row: 1, col }, size);
      if (how === 'toEqual') expect(got).toEqual(result);
      else expect(got).toMatchObject(result);
    },
  );
  it('Tab moves right and wraps to the next row; Shift+Tab the other way', () => {
    expect(gridKey({ key: 'Tab' }, { row: 1, col: 2 }, size)).toMatchObject({ to: { row: 1, col: 3 } });
    expect(gridKey({ key: 'Tab' }, { row: 1, col: 4 }, size)).toMatchObject({ to: { row: 2, col: 0 } });
    expect(gridKey({ key: 'Tab', shift: true }, { row: 1, col: 2 }, size)).toMatchObject({
      to: { row: 1, col: 1 },
    });
    expect(gridKey({ key: 'Tab', shift: true }, { row: 1, col: 0 }, size)).toMatchObject({
      to: { row: 0, col: 4 },
    });
  });
  it('Escape reverts, PageDown/PageUp change the day, other keys are typing', () => {
    expect(gridKey({ key: 'Escape' }, { row: 0, col: 0 }, size)).toEqual({ type: 'revert' });
    expect(gridKey({ key: 'PageDown' }, { row: 0, col: 0 }, size)).toEqual({ type: 'day', delta: 1 });
    expect(gridKey({ key: 'PageUp' }, { row: 0, col: 0 }, size)).toEqual({ type: 'day', delta: -1 });
    expect(gridKey({ key: '8' }, { row: 0, col: 0 }, size)).toEqual({ type: 'none' });
    expect(gridKey({ key: 'Backspace' }, { row: 0, col: 0 }, size)).toEqual({ type: 'none' });
  });
});
