/**
 * SPEC §10.2 in the custom functions, on the BUILT script: a custom function sees no cell formats,
 * so any bare rate above 1 is an error asking for `5%` or `0.05` (150 % is the text "150%"); tier
 * values that are rates likewise; with a plan, thresholds above 10 (1 000 %) read two ways. And an
 * amount of 10¹² or more is an error naming the cell, never a silently huge result (1e300 × 10 %).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type LoadedBundle } from '../harness/loadBundle';

let gas: LoadedBundle;
beforeAll(() => {
  gas = loadBundle();
});
const call = (name: string, ...args: unknown[]) => gas.call(name, ...args);

describe('rates in custom functions', () => {
  it('KPI_COMMISSION(B2:B3; 5) is an error "write 5% or 0.05"; 5% and 0.05 pay 5 % × 100 000 = 5 000', () => {
    expect(() => call('KPI_COMMISSION', [[100000], [200000]], 5)).toThrow(
      'KPI_COMMISSION: rate_or_tiers: the rate 5 reads two ways (5% or 500%?): write 5% or 0.05 (a rate above 100% as text: "150%")');
    expect(call('KPI_COMMISSION', [[100000], [200000]], '5%')).toEqual([[5000], [10000]]);
    expect(call('KPI_COMMISSION', [[100000], [200000]], 0.05)).toEqual([[5000], [10000]]);
  });

  it('150 % is the text "150%": 1 000 000 × 1.5 = 1 500 000; 1.5 as a number (a percent cell) is refused; 1 (100 %) is plain', () => {
    expect(call('KPI_COMMISSION', 1000000, '150%')).toBe(1500000);
    expect(() => call('KPI_COMMISSION', 1000000, 1.5)).toThrow(/the rate 1\.5 reads two ways \(1\.5% or 150%\?\): write 1\.5% or 0\.015/);
    expect(call('KPI_COMMISSION', 1000000, 1)).toBe(1000000);
  });

  it('a rate range shaped like the base names the row: row 2 holds 3', () => {
    expect(() => call('KPI_COMMISSION', [[100], [200]], [[0.05], [3]])).toThrow(/^KPI_COMMISSION: rate_or_tiers, row 2: the rate 3 reads two ways/);
  });

  it('tier values that are rates: "0:3; 100:5" and a range of 3 and 5 are errors with the table to write', () => {
    expect(() => call('KPI_COMMISSION', 1100000, '0:3; 100:5', 1000000)).toThrow(
      'KPI_COMMISSION: rate_or_tiers: in the tiers, 3 reads two ways (3% or 300%?): write 0:3%; 100:5%');
    expect(() => call('KPI_COMMISSION', 1100000, [[0, 3], [1, 5]], 1000000)).toThrow(/in the tiers, 3 reads two ways .*write 0:3%; 1:5%$/);
    expect(() => call('KPI_NEXT_TIER', 900000, '0:3; 100:5', 1000000)).toThrow(/^KPI_NEXT_TIER: tiers: in the tiers, 3 reads two ways/);
  });

  it('with a plan, thresholds above 10 read two ways (100 → 100% or 10 000%?); without one they are amounts: 1 100 000 ≥ 100 → 5 % = 55 000', () => {
    expect(() => call('KPI_COMMISSION', 1100000, '0:3%; 100:5%', 1000000)).toThrow(
      'KPI_COMMISSION: rate_or_tiers: in the tiers, 100 reads two ways (100% or 10,000%?): write 0:3%; 100%:5%');
    expect(() => call('KPI_TIER', 1.1, '0:3%; 100:5%', 1)).toThrow(/^KPI_TIER: tiers: in the tiers, 100 reads two ways/);
    expect(call('KPI_COMMISSION', 1100000, '0:3%; 100:5%')).toBe(55000);
    // 1 100 000 ÷ 1 000 000 = 110 % → 5 % = 55 000, thresholds written as percents or fractions
    expect(call('KPI_COMMISSION', 1100000, '0:3%; 100%:5%', 1000000)).toBe(55000);
    expect(call('KPI_COMMISSION', 1100000, '0:0.03; 1:0.05', 1000000)).toBe(55000);
  });

  it('amount tables are not rates: KPI_TIER(12; "10:5000; 15:10000") = 5 000', () => {
    expect(call('KPI_TIER', 12, '10:5000; 15:10000')).toBe(5000);
  });

  it('variable_rate is a rate: UNIT_MARGIN(1000; 600; 10; 5) is refused; with 5% it is 10 × (1000 − 600 − 50) = 3 500', () => {
    expect(() => call('UNIT_MARGIN', 1000, 600, 10, 5)).toThrow(/^UNIT_MARGIN: variable_rate: the rate 5 reads two ways/);
    expect(call('UNIT_MARGIN', 1000, 600, 10, '5%')).toBe(3500);
  });
});

describe('implausible amounts in custom functions', () => {
  it('KPI_COMMISSION on 1e300 used to return 1e299: now an error naming the cell', () => {
    expect(() => call('KPI_COMMISSION', [[1000], [2000], [1e300]], 0.1)).toThrow('KPI_COMMISSION: base, row 3: 1e+300 is not a plausible amount (10^12 or more)');
    expect(() => call('KPI_COMMISSION', '1 000 000 000 000', 0.1)).toThrow(/^KPI_COMMISSION: base: 1 000 000 000 000 is not a plausible amount/);
    expect(() => call('KPI_COMMISSION', 1000, 0.1, 1e15)).toThrow(/^KPI_COMMISSION: plan: 1000000000000000 is not a plausible amount/);
    // just below 10¹²: 999 999 999 999 × 10 % = 99 999 999 999.9
    expect(call('KPI_COMMISSION', 999999999999, 0.1)).toBe(99999999999.9);
  });
});
