import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, Dec, kopecks, scaledDec, scaledInteger, sum, ZERO } from '../../src/core/decimal';
import { moneyNumber, roundMoney } from '../../src/core/money';
import { parseNumber } from '../../src/core/numbers';

/** A Decimal's digits as decimal.js holds them: equal here means the very same Dec. */
const digits = (v: Dec) => ({ s: v.s, e: v.e, d: v.d });

const plusChain = (values: Dec[]) => values.reduce((total, v) => total.plus(v), ZERO);

/** Money-like values (kopecks, small and large), sub-kopeck ones, huge and tiny ones, zeros of both signs. */
const decimalArb = fc.oneof(
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((k) => new Dec(k.toString()).dividedBy(100)),
  fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 9 })).map(([u, scale]) => new Dec(u.toString()).dividedBy(new Dec(10).pow(scale))),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -30, max: 30 })).map(([m, e]) => new Dec(`${m}e${e}`)),
  fc.constantFrom(new Dec(0), new Dec(-0), new Dec('90071992547409.91'), new Dec('-90071992547409.91'), new Dec('0.005'), new Dec('-0.005'), new Dec('12345678.995')),
);

describe('sum: the fast kopeck path gives the same Dec as a chain of plus', () => {
  it('for any values', () => {
    fc.assert(fc.property(fc.array(decimalArb, { maxLength: 12 }), (values) => {
      expect(digits(sum(values))).toEqual(digits(plusChain(values)));
    }), { numRuns: 2000 });
  });

  it('past 2^53 kopecks the total goes on in Decimal, exactly', () => {
    const big = new Dec('90071992547409.91'); // 2^53 − 1 kopecks
    expect(sum([big, new Dec('0.01'), new Dec('0.01')]).toString()).toBe('90071992547409.93');
    expect(sum([new Dec('0.1'), new Dec('0.2')]).toString()).toBe('0.3');
    expect(sum([new Dec('0.001'), new Dec('0.002')]).toString()).toBe('0.003');
  });
});

describe('kopecks', () => {
  it("'halfUp' is roundMoney in kopecks; moneyNumber gives the same number as the rounded Decimal", () => {
    fc.assert(fc.property(decimalArb, (v) => {
      const k = kopecks(v, 'halfUp');
      const rounded = roundMoney(v);
      if (k !== null) expect(Object.is(k / 100, rounded.toNumber())).toBe(true);
      expect(Object.is(moneyNumber(v), rounded.toNumber())).toBe(true);
    }), { numRuns: 3000 });
  });

  it("'exact' is null for digits below a kopeck", () => {
    expect(kopecks(new Dec('1250000.5'), 'exact')).toBe(125000050);
    expect(kopecks(new Dec('-0.07'), 'exact')).toBe(-7);
    expect(kopecks(new Dec('0.005'), 'exact')).toBeNull();
    expect(kopecks(new Dec('12345678.9000001'), 'exact')).toBeNull();
    expect(kopecks(new Dec('1e30'), 'exact')).toBeNull();
    expect(kopecks(new Dec(NaN), 'halfUp')).toBeNull();
  });

  it("'halfUp' rounds a tie away from zero", () => {
    expect(kopecks(new Dec('0.005'), 'halfUp')).toBe(1);
    expect(kopecks(new Dec('-0.005'), 'halfUp')).toBe(-1);
    expect(kopecks(new Dec('0.0049999999'), 'halfUp')).toBe(0);
    expect(kopecks(new Dec('9999999.995'), 'halfUp')).toBe(1000000000);
  });
});

describe('compare is comparedTo', () => {
  it('for any pair', () => {
    fc.assert(fc.property(decimalArb, decimalArb, (a, b) => {
      expect(compare(a, b)).toBe(a.comparedTo(b));
      expect(compare(a, a)).toBe(0);
    }), { numRuns: 3000 });
    expect(compare(new Dec(NaN), ZERO)).toBeNaN();
    expect(compare(new Dec(Infinity), new Dec('1e30'))).toBe(1);
    expect(compare(new Dec(-Infinity), new Dec(Infinity))).toBe(-1);
  });
});

describe('parseNumber fast paths read as the general path does', () => {
  it('plain digit text (grouped by spaces, one decimal comma or point) = the same text with a currency sign', () => {
    const plain = fc.tuple(
      fc.array(fc.stringMatching(/^\d{1,4}$/), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(' ', '\u00a0', ''),
      fc.option(fc.tuple(fc.constantFrom(',', '.'), fc.stringMatching(/^\d{1,4}$/))),
    ).map(([groups, space, fraction]) => groups.join(space) + (fraction ? fraction[0] + fraction[1] : ''));
    fc.assert(fc.property(plain, fc.constantFrom(undefined, { lang: 'en' as const }, { lang: 'ru' as const }), (text, hint) => {
      const fast = parseNumber(text, hint);
      const general = parseNumber(`${text} ₽`, hint); // the currency sign takes it past the fast path
      expect(fast.kind).toBe(general.kind);
      if (fast.kind === 'number' && general.kind === 'number') expect(digits(fast.value)).toEqual(digits(general.value));
    }), { numRuns: 2000 });
  });

  it('a JS number is the Dec of its text (−0 too: a plain 0)', () => {
    const numbers = fc.oneof(fc.integer({ min: -20_000_000, max: 20_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-0));
    fc.assert(fc.property(numbers, (n) => {
      const parsed = parseNumber(n);
      expect(parsed.kind === 'number' && digits(parsed.value)).toEqual(digits(new Dec(String(n))));
    }), { numRuns: 2000 });
  });
});

describe('scaledDec builds the Dec decimal.js parses', () => {
  it('for any safe integer and any places 0…15 (sign, exponent and words alike)', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 15 }), fc.boolean(), (n, places, negative) => {
      const v = negative ? -n : n;
      expect(digits(scaledDec(v, places))).toEqual(digits(new Dec(String(v)).dividedBy(new Dec(10).pow(places))));
    }), { numRuns: 5000 });
    // 123 456.789 = 123456789 × 10^−3: words [123456, 7890000] (base 10^7, aligned on the point), exponent 5.
    expect(digits(scaledDec(123456789, 3))).toEqual({ s: 1, e: 5, d: [123456, 7890000] });
    // 10 000 000 = 10^7: one word [1] at exponent 7 (the zero word below is dropped).
    expect(digits(scaledDec(1e7, 0))).toEqual({ s: 1, e: 7, d: [1] });
    expect(digits(scaledDec(-5, 1))).toEqual({ s: -1, e: -1, d: [5000000] });
  });

  it('scaledInteger is kopecks at 2 places and exact at others', () => {
    expect(scaledInteger(new Dec('0.333333'), 6, 'exact')).toBe(333333);
    expect(scaledInteger(new Dec('0.3333333'), 6, 'exact')).toBeNull();
    fc.assert(fc.property(decimalArb, (v) => {
      expect(scaledInteger(v, 2, 'halfUp')).toBe(kopecks(v, 'halfUp'));
      expect(scaledInteger(v, 2, 'exact')).toBe(kopecks(v, 'exact'));
    }), { numRuns: 1000 });
  });
});
