import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import { unitBreakeven, unitContribution, unitMargin, unitMarginPct } from '../../src/core/unitEconomics';

describe('unit economics', () => {
  it('UNIT_MARGIN(1000, 600, 10, 5 %) = 10 × (1000 − 600 − 1000 × 0.05) = 10 × 350 = 3500', () => {
    expect(unitMargin(dec(1000), dec(600), dec(10), dec(0.05)).toString()).toBe('3500');
  });
  it('defaults: quantity 1, no variable rate, no fixed costs: 1000 − 600 = 400; minus 500 fixed = −100', () => {
    expect(unitMargin(dec(1000), dec(600)).toString()).toBe('400');
    expect(unitMargin(dec(1000), dec(600), undefined, undefined, dec(500)).toString()).toBe('-100');
  });
  it('margin share: (1000 − 600 − 50) ÷ 1000 = 0.35; none for a zero price', () => {
    expect(unitMarginPct(dec(1000), dec(600), dec(0.05))?.toString()).toBe('0.35');
    expect(unitMarginPct(dec(0), dec(600))).toBeNull();
  });
  it('breakeven rounds up: 100 000 ÷ 350 = 285.71… → 286; exact 70 000 ÷ 350 = 200', () => {
    expect(unitBreakeven(dec(100000), dec(1000), dec(600), dec(0.05))).toEqual({ ok: true, units: dec(286) });
    expect(unitBreakeven(dec(70000), dec(1000), dec(600), dec(0.05))).toEqual({ ok: true, units: dec(200) });
    expect(unitBreakeven(dec(0), dec(1000), dec(600))).toEqual({ ok: true, units: dec(0) });
  });
  it('breakeven is impossible when each unit loses money or earns nothing', () => {
    expect(unitBreakeven(dec(1000), dec(500), dec(600))).toEqual({ ok: false, contribution: dec(-100) });
    expect(unitBreakeven(dec(1000), dec(1000), dec(950), dec(0.05))).toEqual({ ok: false, contribution: dec(0) });
  });
  it('the breakeven quantity covers the fixed costs and one unit fewer does not', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 99_999 }), (fixed, price, costBase) => {
      const cost = costBase % price;
      const result = unitBreakeven(dec(fixed), dec(price), dec(cost));
      if (!result.ok) return false;
      const per = unitContribution(dec(price), dec(cost));
      return result.units.times(per).greaterThanOrEqualTo(fixed) && result.units.minus(1).times(per).lessThan(fixed);
    }));
  });
});
