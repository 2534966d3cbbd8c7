import { describe, expect, it } from 'vitest';

import {
  checkArray,
  checkBoolean,
  checkHalfDays,
  checkInteger,
  checkNumber,
  checkObject,
  checkOneOf,
  checkString,
  fail,
} from './validate';

describe('fail', () => {
  it('throws a RangeError that starts with the field and shows the value', () => {
    expect(() => fail('days', 'must be positive', -1)).toThrow(
      new RangeError('days: must be positive, got -1'),
    );
    expect(() => fail('date', 'must be a date', '2026-2-1')).toThrow("date: must be a date, got '2026-2-1'");
  });
});

describe('checkInteger', () => {
  it('returns an integer inside the bounds, bounds included', () => {
    expect(checkInteger(0, 'n', 0, 30)).toBe(0);
    expect(checkInteger(30, 'n', 0, 30)).toBe(30);
  });
  it.each([[-1], [31], [1.5], ['3'], [Number.NaN], [null]])('refuses %s', (v) => {
    expect(() => checkInteger(v, 'n', 0, 30)).toThrow(/^n: /);
  });
});

describe('checkNumber', () => {
  it('accepts a finite number at or above the minimum', () => {
    expect(checkNumber(0, 'a', 0)).toBe(0);
    expect(checkNumber(1999.99, 'a', 0)).toBe(1999.99);
  });
  it.each([[-0.01], [Number.POSITIVE_INFINITY], [Number.NaN], ['1']])('refuses %s', (v) => {
    expect(() => checkNumber(v, 'a', 0)).toThrow(RangeError);
  });
});

describe('checkHalfDays', () => {
  it('accepts positive multiples of 0.5, and 0 only when allowed', () => {
    expect(checkHalfDays(0.5, 'days', false)).toBe(0.5);
    expect(checkHalfDays(1.5, 'days', false)).toBe(1.5);
    expect(checkHalfDays(0, 'days', true)).toBe(0);
  });
  it.each([[0], [-0.5], [0.3], [1.25], [Number.NaN], [Number.POSITIVE_INFINITY], ['1']])(
    'refuses %s',
    (v) => {
      expect(() => checkHalfDays(v, 'days', false)).toThrow(/^days: /);
    },
  );
});

describe('checkOneOf', () => {
  it('returns a member and refuses anything else', () => {
    expect(checkOneOf('a', 'kind', ['a', 'b'])).toBe('a');
    expect(() => checkOneOf('c', 'kind', ['a', 'b'])).toThrow("kind: must be one of a, b, got 'c'");
  });
});

describe('checkBoolean / checkString / checkArray / checkObject', () => {
  it('pass the right type through', () => {
    expect(checkBoolean(false, 'b')).toBe(false);
    expect(checkString('', 's')).toBe('');
    expect(checkArray([], 'l')).toEqual([]);
    expect(checkObject({ a: 1 }, 'o')).toEqual({ a: 1 });
  });
  it('refuse other types', () => {
    expect(() => checkBoolean('true', 'b')).toThrow(/^b: /);
    expect(() => checkString(1, 's')).toThrow(/^s: /);
    expect(() => checkArray({}, 'l')).toThrow(/^l: /);
    expect(() => checkObject(null, 'o')).toThrow(/^o: /);
    expect(() => checkObject([], 'o')).toThrow(/^o: /);
    expect(() => checkObject('x', 'o')).toThrow(/^o: /);
  });
});
