/** codePointLength counts what Array.from counts (a surrogate pair is one; a lone half is one), without the array. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../src/core/utf16';

describe('codePointLength', () => {
  it('hand-counted: "Клиент" 6, "a😀b" 3 (the emoji is 2 UTF-16 units), a lone high surrogate 1, "" 0', () => {
    expect(codePointLength('Клиент')).toBe(6);
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('\ude00\ud83d')).toBe(2); // low then high: no pair
    expect(codePointLength('')).toBe(0);
  });

  it('equals Array.from(text).length for any text of whole code points (lone halves: the hand-counted case)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(codePointLength(text)).toBe(Array.from(text).length);
    }), { numRuns: 500 });
  });
});
