// The backup's text is written into large chunks with encodeInto: each piece must be exactly the
// UTF-8 bytes TextEncoder.encode would give, in order, across chunk boundaries.
import { describe, expect, it } from 'vitest';

import { byteSink } from './backup';

describe('byteSink', () => {
  it('gives each text its UTF-8 bytes, whether it fits the chunk or starts a new one', () => {
    const write = byteSink(16);
    const texts = ['{\n', '"信访事项":[\n', 'abc', '张三反映物业问题'.repeat(3), '😀,\n', '', ']\n}'];
    const pieces = texts.map(write);
    const enc = new TextEncoder();
    pieces.forEach((p, i) => expect([...p]).toEqual([...enc.encode(texts[i])]));
    // earlier pieces are not overwritten by later writes
    expect(new TextDecoder().decode(pieces[1])).toBe('"信访事项":[\n');
    const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let off = 0;
    for (const p of pieces) {
      joined.set(p, off);
      off += p.length;
    }
    expect(new TextDecoder().decode(joined)).toBe(texts.join(''));
  });
});
