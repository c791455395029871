/**
 * The whole-kopeck fast path of KPI_COMMISSION (issue 11) against the decimal path it stands in
 * for: where it answers, it answers the same kopeck; where it cannot be exact, it answers null.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { commissionKopecks, kopeckTable, kopecksDec, kopecksOfCell, scaledOf, unitMarginKopecks, type Kopecks } from '../../src/core/kopeckMath';
import { roundMoney } from '../../src/core/money';
import { parseNumber } from '../../src/core/numbers';
import { commission, parseTiers, tiersAtPlan, type RateOrTiers, type TierMode } from '../../src/core/tiers';

const tiers = (text: string): RateOrTiers => {
  const parsed = parseTiers(text);
  if (!parsed.ok) throw new Error(`bad tiers ${text}`);
  return { kind: 'tiers', tiers: parsed.tiers };
};
const flat = (rate: string): RateOrTiers => ({ kind: 'flat', rate: new Dec(rate) });
const k = (n: number) => n as Kopecks;

/** The decimal path: commission through decimal.js, rounded once by roundMoney, in kopecks. */
const decimalKopecks = (base: Kopecks, table: RateOrTiers, mode: TierMode) => roundMoney(commission(kopecksDec(base), table, mode)).times(100).toNumber();
const fast = (base: Kopecks, table: RateOrTiers, mode: TierMode) => {
  const integers = kopeckTable(table, mode);
  return integers === null ? null : commissionKopecks(base, integers);
};

describe('kopecksOfCell', () => {
  it('reads numbers and plain 1C text that are whole kopecks', () => {
    expect(kopecksOfCell(1_250_000.5)).toBe(125_000_050); // 1 250 000.50 × 100
    expect(kopecksOfCell('1 250 000,50')).toBe(125_000_050);
    expect(kopecksOfCell('1\u00a0250,5')).toBe(125_050); // 1 250.5 → 1 250.50
    expect(kopecksOfCell('1,500')).toBe(150); // no thousands hint in a custom function: 1.500 = 1.50
    expect(kopecksOfCell('0.07')).toBe(7);
    expect(kopecksOfCell(-1999.99)).toBe(-199_999);
    expect(Object.is(kopecksOfCell(-0), 0)).toBe(true); // −0 is a plain 0, as parseNumber makes it
  });

  it('leaves to the decimal path what is not whole kopecks or not plain', () => {
    expect(kopecksOfCell(0.1 + 0.2)).toBeNull(); // 0.30000000000000004
    expect(kopecksOfCell(0.125)).toBeNull();
    expect(kopecksOfCell('1,505')).toBeNull();
    expect(kopecksOfCell('-5')).toBeNull();
    expect(kopecksOfCell('12,5%')).toBeNull();
    expect(kopecksOfCell('')).toBeNull();
    expect(kopecksOfCell(true)).toBeNull();
    expect(kopecksOfCell(1e15)).toBeNull(); // 10^17 kopecks: past 2^51
  });

  it('agrees with parseNumber wherever it answers (numbers and 1C text)', () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, min: -1e14, max: 1e14 }),
      fc.integer({ min: -1e13, max: 1e13 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 1e12 }).map((n) => n / 1000),
      fc.tuple(fc.integer({ min: 0, max: 1e11 }), fc.constantFrom('', ',5', ',50', '.07', ',500', ',001', ',125'), fc.boolean())
        .map(([n, tail, groups]) => (groups ? n.toLocaleString('ru-RU') : String(n)) + tail),
    );
    fc.assert(fc.property(cell, (v) => {
      const kop = kopecksOfCell(v);
      const parsed = parseNumber(v);
      if (kop === null) return parsed.kind !== 'number' || !parsed.value.times(100).isInteger() || parsed.value.abs().greaterThanOrEqualTo(2 ** 51 / 100);
      return parsed.kind === 'number' && parsed.value.equals(kopecksDec(kop));
    }), { numRuns: 2000 });
  });
});

describe('commissionKopecks', () => {
  it('SPEC §5 examples in kopecks: 1 000 000 × 5 % = 50 000; 110 % of plan, whole = 55 000; marginal = 30 000 + 5 000', () => {
    const plan = new Dec(1_000_000);
    const scale = tiersAtPlan(tiers('0:3%; 100%:5%; 120%:7%'), plan); // thresholds 0, 1 000 000, 1 200 000
    // 100 000 000 kopecks × 5 / 100 = 5 000 000 kopecks
    expect(fast(k(100_000_000), flat('0.05'), 'whole')).toBe(5_000_000);
    // 1 100 000 reaches 100 %: 110 000 000 × 5 / 100 = 5 500 000
    expect(fast(k(110_000_000), scale, 'whole')).toBe(5_500_000);
    // 1 000 000 × 3 % + 100 000 × 5 % = 30 000 + 5 000 = 35 000 → 3 500 000 kopecks
    expect(fast(k(110_000_000), scale, 'marginal')).toBe(3_500_000);
    // exactly at a threshold: whole takes the tier (1 000 000 × 5 % = 50 000); marginal pays below it only (30 000)
    expect(fast(k(100_000_000), scale, 'whole')).toBe(5_000_000);
    expect(fast(k(100_000_000), scale, 'marginal')).toBe(3_000_000);
  });

  it('rounds half a kopeck away from zero, as roundMoney does: ±0.10 × 5 % = ±0.005 → ±0.01', () => {
    expect(fast(k(10), flat('0.05'), 'whole')).toBe(1);
    expect(fast(k(-10), flat('0.05'), 'whole')).toBe(-1);
    // 0.09 × 5 % = 0.0045 → 0.00
    expect(fast(k(9), flat('0.05'), 'whole')).toBe(0);
  });

  it('a whole-mode threshold between kopecks: 1 000 000.005 is reached by 1 000 000.01, not by 1 000 000.00', () => {
    const scale = tiersAtPlan(tiers('0:3%; 100%:5%'), new Dec('1000000.005'));
    expect(fast(k(100_000_000), scale, 'whole')).toBe(3_000_000); // 1 000 000 × 3 %
    expect(fast(k(100_000_001), scale, 'whole')).toBe(5_000_000); // 1 000 000.01 × 5 % = 50 000.0005 → 50 000.00
    expect(kopeckTable(scale, 'marginal')).toBeNull(); // a marginal slice would start between kopecks
  });

  it('answers null where it cannot be exact', () => {
    expect(kopeckTable(flat('0.0000001'), 'whole')).toBeNull(); // seven decimals
    // 2^50 kopecks × 99 (99 % over 100) passes 2^53
    expect(fast(k(2 ** 50), flat('0.99'), 'whole')).toBeNull();
  });

  const rate = fc.tuple(fc.integer({ min: -500_000, max: 5_000_000 }), fc.integer({ min: 0, max: 7 })).map(([n, d]) => new Dec(n).dividedBy(10 ** d));
  const table = fc.oneof(
    rate.map((r): RateOrTiers => ({ kind: 'flat', rate: r })),
    fc.array(fc.tuple(fc.integer({ min: -1_000_000, max: 50_000_000 }), fc.integer({ min: 0, max: 3 }), rate), { minLength: 1, maxLength: 5 })
      .map((entries): RateOrTiers => {
        // ascending thresholds (amounts, or attainment to scale by a plan): distinct after scaling to their decimals
        const thresholds = [...new Set(entries.map(([n, d]) => new Dec(n).dividedBy(10 ** d).toString()))].map((t) => new Dec(t)).sort((a, b) => a.comparedTo(b));
        return { kind: 'tiers', tiers: thresholds.map((threshold, i) => ({ threshold, value: entries[i % entries.length][2] })) };
      }),
  );
  const plan = fc.option(fc.integer({ min: 1, max: 1e11 }).map((n) => new Dec(n).dividedBy(100)), { nil: null });
  const base = fc.oneof(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: -(1e14 - 1), max: 1e14 - 1 })).map(k);
  const mode = fc.constantFrom<TierMode>('whole', 'marginal');

  it('property: the same kopeck as the decimal path wherever it answers', () => {
    let answered = 0;
    fc.assert(fc.property(table, plan, base, mode, (t, p, b, m) => {
      const scaled = tiersAtPlan(t, p);
      const got = fast(b, scaled, m);
      if (got !== null) answered++;
      return got === null || got === decimalKopecks(b, scaled, m);
    }), { numRuns: 3000 });
    expect(answered).toBeGreaterThan(400); // not vacuous: about a fifth of these wide random cases take the fast path
    expect(answered).toBeLessThan(3000); // and some do not (seven decimals, past 2^53)
  });

  it('property: ordinary money always answers — bases and thresholds below 10⁹ in kopecks, rates up to 100 % in steps of 0.01 %', () => {
    // The largest integers: 10¹¹ kopecks × 10⁴ (rate over 10⁴) = 10¹⁵ per slice, five slices 5·10¹⁵ < 2^53 ≈ 9·10¹⁵.
    const ordinaryRate = fc.integer({ min: 0, max: 10_000 }).map((n) => new Dec(n).dividedBy(10_000));
    const ordinary = fc.array(fc.tuple(fc.integer({ min: 0, max: 1e11 }), ordinaryRate), { minLength: 1, maxLength: 5 }).map((entries): RateOrTiers => {
      const thresholds = [...new Set(entries.map(([n]) => n))].sort((a, b) => a - b);
      return { kind: 'tiers', tiers: thresholds.map((t, i) => ({ threshold: new Dec(t).dividedBy(100), value: entries[i % entries.length][1] })) };
    });
    fc.assert(fc.property(ordinary, fc.integer({ min: -1e11, max: 1e11 }).map(k), mode, (t, b, m) => {
      const got = fast(b, t, m);
      return got !== null && got === decimalKopecks(b, t, m);
    }), { numRuns: 2000 });
  });
});

describe('unitMarginKopecks', () => {
  it('UNIT_MARGIN(1000, 600, 10, 5 %) = 10 × (1000 − 600 − 50) = 3500 → 350 000 kopecks; 2.5 units of 1000.01 at 600, 3 %, less 0.01: 2.5 × (400.01 − 30.0003) − 0.01 = 2.5 × 370.0097 − 0.01 = 925.01425 → 925.01', () => {
    expect(unitMarginKopecks(k(100_000), k(60_000), { numerator: 10, decimals: 0 }, { numerator: 5, decimals: 2 }, k(0))).toBe(350_000);
    expect(unitMarginKopecks(k(100_001), k(60_000), scaledOf(new Dec('2.5'))!, scaledOf(new Dec('0.03'))!, k(1))).toBe(92_501);
  });

  it('answers null past 2^53', () => {
    expect(unitMarginKopecks(k(2 ** 50), k(0), { numerator: 100, decimals: 0 }, { numerator: 0, decimals: 0 }, k(0))).toBeNull();
  });
});
