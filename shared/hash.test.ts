import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { sha256Hex } from './hash';

describe('sha256Hex', () => {
  it('matches the FIPS test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('matches node:crypto on Chinese text and block boundaries', () => {
    for (const s of ['信访局', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), '𠀀宁信发〔2026〕1号'.repeat(20)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
  it('keeps the bytes it always gave a lone surrogate (audit hashes already stored stay valid)', () => {
    expect(sha256Hex('a\uD800b信')).toBe('45fe9077e04aec073f56c27faa07c6b74c69f1bafe9213387e3e8a2fc4fa1488');
    expect(sha256Hex('\uDC00')).toBe('b2d612a08bec1f41120ebd961f62ef19678375b5788c70d3f8f4c02e345ed412');
  });
});
