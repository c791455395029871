import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/core/numbers';

const read = (v: Parameters<typeof parseNumber>[0]) => {
  const p = parseNumber(v);
  return p.kind === 'number' ? `${p.value.toString()}${p.percent ? ' (%)' : ''}` : p.kind;
};

describe('parseNumber reads numbers the way 1C and CRMs export them', () => {
  it.each([
    ['1 250 000,50', '1250000.5'],
    ['1 250 000.50 ₽', '1250000.5'],
    ['1\u00a0250\u00a0000,50', '1250000.5'], // NBSP thousands
    ['1\u2009250\u2009000,50', '1250000.5'], // thin space
    ['1\u202f250\u202f000,50 руб.', '1250000.5'], // narrow NBSP + currency word
    ['12,5%', '0.125 (%)'], // 12.5 ÷ 100
    ['12,5 %', '0.125 (%)'],
    ['-1 000', '-1000'],
    ['\u22121 000,25', '-1000.25'], // Unicode minus
    ['(1 000)', '-1000'], // accounting negative
    ['1.250.000,50', '1250000.5'],
    ['1,250,000.50', '1250000.5'],
    ['1,250,000', '1250000'],
    ['0,1', '0.1'],
    [1250000.5, '1250000.5'],
    [0.1, '0.1'],
  ])('%j → %s', (input, expected) => {
    expect(read(input)).toBe(expected);
  });

  it.each([[''], ['   '], [null], [undefined]])('%j is blank', (input) => {
    expect(read(input)).toBe('blank');
  });

  it.each([['abc'], ['1,2,3'], ['12.5.3'], ['1 2a'], [true], [new Date(2026, 0, 1)], [NaN], [Infinity], ['%']])('%j is not a number', (input) => {
    expect(read(input as never)).toBe('bad');
  });
});
