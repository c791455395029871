/**
 * UNIT_MARGIN's whole-kopeck way through a column (src/sheets/marginFast.ts, issue 11) on the
 * BUILT script: every row as the decimal path gives it, errors at the same cells.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dec, ONE, ZERO } from '../../src/core/decimal';
import { moneyNumber } from '../../src/core/money';
import { parseNumber, type CellValue } from '../../src/core/numbers';
import { unitMargin } from '../../src/core/unitEconomics';
import { loadBundle, type LoadedBundle } from '../harness/loadBundle';

let gas: LoadedBundle;
beforeAll(() => {
  gas = loadBundle();
});
const call = (...args: unknown[]) => gas.call('UNIT_MARGIN', ...args);

/** The decimal path from the source, one row. */
function reference(price: CellValue, cost: CellValue, quantity: CellValue, rate: CellValue, fixed: CellValue): number | string {
  const read = (v: CellValue, fallback: Dec | null) => {
    const p = parseNumber(v);
    return p.kind === 'number' ? p.value : fallback;
  };
  const [p, c, q, r, f] = [read(price, null), read(cost, null), read(quantity, ONE), read(rate, ZERO), read(fixed, ZERO)];
  if (p === null || c === null || q === null || r === null || f === null) return '';
  return moneyNumber(unitMargin(p, c, q, r, f)) || 0;
}

describe('UNIT_MARGIN in whole kopecks', () => {
  it('10 × (1000 − 600 − 50) = 3500; 10 × (1000.50 − 600 − 50.025) = 3504.75; a quantity of 2.5 goes the decimal way: 2.5 × 350 = 875', () => {
    expect(call([[1000], [1000.5]], [[600], [600]], 10, 0.05)).toEqual([[3500], [3504.75]]);
    expect(call([[1000], [1000]], [[600], [600]], [[10], [2.5]], 0.05)).toEqual([[3500], [875]]);
    // fixed costs as a column: 10 × 350 − 1000.01 = 2499.99
    expect(call([[1000], [1000]], 600, 10, 0.05, [[0], [1000.01]])).toEqual([[3500], [2499.99]]);
  });

  it('a bad cell after rows computed in integers is still an error naming its row', () => {
    expect(() => call([[1000], [1000], ['x']], 600)).toThrow(/UNIT_MARGIN: price, row 3: "x" is not a number/);
    expect(() => call([[1000], [1000]], [[600], [1e12]])).toThrow(/UNIT_MARGIN: cost, row 2/);
  });

  it('property: every row as the decimal path gives it', () => {
    const amount = fc.oneof(
      fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((k) => k / 100),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
      fc.integer({ min: 0, max: 5_000_000 }).map((n) => `${n.toLocaleString('ru-RU')},${String(n % 100).padStart(2, '0')}`),
      fc.constant(''),
    );
    const quantity = fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 4), fc.constant(''));
    const rate = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000), fc.integer({ min: 0, max: 99 }).map((n) => `${n},5%`));
    const column = <T>(arb: fc.Arbitrary<T>, n: number) => fc.array(arb, { minLength: n, maxLength: n });
    fc.assert(fc.property(fc.integer({ min: 2, max: 20 }).chain((n) => fc.tuple(column(amount, n), column(amount, n), fc.oneof(column(quantity, n), quantity.map((q) => [q])), rate, fc.oneof(column(amount, n), amount.map((f) => [f])))),
      ([prices, costs, quantities, r, fixed]) => {
        const n = prices.length;
        const q = (i: number) => (quantities.length === 1 ? quantities[0] : quantities[i]);
        const f = (i: number) => (fixed.length === 1 ? fixed[0] : fixed[i]);
        const arg = (xs: unknown[]) => (xs.length === 1 ? xs[0] : xs.map((x) => [x]));
        // a blank single quantity or fixed cost is the default (1, 0), a blank single rate 0; a blank cell of a range gives a blank result
        const singleBlank = (xs: unknown[], fallback: CellValue) => (xs.length === 1 && xs[0] === '' ? fallback : undefined);
        const got = call(prices.map((p) => [p]), costs.map((c) => [c]), arg(quantities), r ?? '', arg(fixed)) as unknown[][];
        const expected = prices.map((p, i) => {
          const blankInRange = (quantities.length > 1 && q(i) === '') || (fixed.length > 1 && f(i) === '');
          return [blankInRange ? '' : reference(p, costs[i], singleBlank(quantities, 1) ?? q(i), r ?? 0, singleBlank(fixed, 0) ?? f(i))];
        });
        expect(got.length).toBe(n);
        expect(got).toEqual(expected);
      }), { numRuns: 300 });
  });
});
