/**
 * KPI_COMMISSION's whole-kopeck way through a column (src/sheets/commissionFast.ts, issue 11) on
 * the BUILT script: the same numbers as the decimal path row by row, and the same errors at the
 * same cells, whichever way each row goes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import { moneyNumber } from '../../src/core/money';
import { parseNumber, type CellValue } from '../../src/core/numbers';
import { commission, parseTiers, tiersAtPlan, type RateOrTiers, type TierMode } from '../../src/core/tiers';
import { loadBundle, type LoadedBundle } from '../harness/loadBundle';

let gas: LoadedBundle;
beforeAll(() => {
  gas = loadBundle();
});
const call = (...args: unknown[]) => gas.call('KPI_COMMISSION', ...args);

/** The decimal path from the source: each row through decimal.js, rounded once. */
function reference(base: CellValue, table: RateOrTiers, plan: CellValue, mode: TierMode): number | string {
  const b = parseNumber(base);
  const p = plan === null ? null : parseNumber(plan);
  if (b.kind !== 'number' || (p !== null && p.kind !== 'number')) return '';
  return moneyNumber(commission(b.value, tiersAtPlan(table, p === null ? null : p.value), mode)) || 0;
}

describe('KPI_COMMISSION in whole kopecks', () => {
  it('a column of 1C text, kopecks and a value below a kopeck: 1 000 000 × 5 % = 50 000; 0.10 × 5 % = 0.005 → 0.01; 0.125 × 5 % = 0.00625 → 0.01', () => {
    // the third row is not whole kopecks: it goes the decimal way, the others in integers
    expect(call([['1 000 000,00'], [0.1], [0.125], [''], [-0.1]], 0.05)).toEqual([[50_000], [0.01], [0.01], [''], [-0.01]]);
  });

  it('with a plan column: 1 100 000 of 1 000 000 is 110 %, whole 5 % = 55 000; the next row, 900 000 of 1 000 000 at 3 % = 27 000; a text plan goes the decimal way', () => {
    const scale = '0:3%; 100%:5%; 120%:7%';
    expect(call([[1_100_000], [900_000], [1_100_000]], scale, [[1_000_000], [1_000_000], ['1 000 000']])).toEqual([[55_000], [27_000], [55_000]]);
    // marginal: 1 000 000 × 3 % + 100 000 × 5 % = 30 000 + 5 000 = 35 000
    expect(call([[1_100_000], [1_100_000]], scale, [[1_000_000], ['1 000 000']], 'marginal')).toEqual([[35_000], [35_000]]);
  });

  it('a bad cell after rows paid in integers is still an error naming its row', () => {
    expect(() => call([[100], [200], ['abc'], [300]], 0.05)).toThrow(/KPI_COMMISSION: base, row 3: "abc" is not a number/);
    expect(() => call([[100], [1e12]], 0.05)).toThrow(/KPI_COMMISSION: base, row 2/);
    expect(() => call([[100], [200]], '0:3%; 100%:5%', [[1_000_000], [0]])).toThrow(/KPI_COMMISSION: plan, row 2/);
    // thresholds above 10 read two ways once a plan makes them attainment: an error, not a fast answer
    expect(() => call([[100], [200]], '0:3%; 100:5%', [[1_000_000], [1_000_000]])).toThrow(/KPI_COMMISSION: rate_or_tiers/);
  });

  it('property: every row as the decimal path gives it (numbers, 1C text, values below a kopeck, blanks; plans single, repeated or varying)', () => {
    const cell = fc.oneof(
      fc.integer({ min: -100_000_000_00, max: 100_000_000_00 }).map((k) => k / 100),
      fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => n / 1000),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.integer({ min: 0, max: 50_000_000 }).map((n) => `${n.toLocaleString('ru-RU')},${String(n % 100).padStart(2, '0')}`),
      fc.constant(''),
    );
    const rate = fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 5, max: 9 })).map(([n, d]) => dec(n).dividedBy(10 ** d).toFixed());
    const table = fc.oneof(
      rate,
      fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), rate), { minLength: 1, maxLength: 4 }).map((entries) => {
        const thresholds = [...new Set(entries.map(([t]) => t))].sort((a, b) => a - b);
        return thresholds.map((t, i) => `${t}%:${dec(entries[i][1]).times(100).toFixed()}%`).join('; ');
      }),
    );
    const plan = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5_000_000_00 }).map((k) => k / 100));
    fc.assert(fc.property(fc.array(cell, { minLength: 2, maxLength: 30 }), table, fc.array(plan, { minLength: 1, maxLength: 3 }), fc.constantFrom<TierMode>('whole', 'marginal'), fc.boolean(),
      (bases, rateOrTiers, plans, mode, planColumn) => {
        const parsed = parseTiers(rateOrTiers);
        const asTable: RateOrTiers = rateOrTiers.includes(':') && parsed.ok ? { kind: 'tiers', tiers: parsed.tiers } : { kind: 'flat', rate: dec(rateOrTiers) };
        // a plan column repeats its values in runs, as a column of per-manager plans does
        const planOf = (i: number) => plans[Math.floor((i * plans.length) / bases.length)];
        const withPlan = planColumn && plans.some((p) => p !== null);
        const planArg = withPlan ? bases.map((_, i) => [planOf(i) ?? 1_000_000]) : plans[0];
        const got = call(bases.map((b) => [b]), rateOrTiers, planArg ?? undefined, mode) as unknown[][];
        const expected = bases.map((b, i) => [reference(b, asTable, withPlan ? planOf(i) ?? 1_000_000 : plans[0], mode)]);
        expect(got).toEqual(expected);
      }), { numRuns: 300 });
  });
});
