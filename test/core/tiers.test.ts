import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, dec } from '../../src/core/decimal';
import { commission, kpiIndex, nextTier, parseMode, parseTiers, tierReached, tiersAtPlan, type RateOrTiers, type Tier } from '../../src/core/tiers';

const tiers = (text: string): RateOrTiers => {
  const parsed = parseTiers(text);
  if (!parsed.ok) throw new Error(`bad tiers ${text}: ${JSON.stringify(parsed.error)}`);
  return { kind: 'tiers', tiers: parsed.tiers };
};
const flat = (rate: string): RateOrTiers => ({ kind: 'flat', rate: new Dec(rate) });
const str = (d: Dec) => d.toString();

describe('parseTiers', () => {
  it('reads percents, plain fractions, decimal commas and two-column ranges alike', () => {
    const expected = [['0', '0.03'], ['1', '0.05'], ['1.2', '0.07']];
    const asPairs = (text: Parameters<typeof parseTiers>[0]) => {
      const p = parseTiers(text);
      return p.ok ? p.tiers.map((t) => [str(t.threshold), str(t.value)]) : p.error;
    };
    expect(asPairs('0%:3%; 100%:5%; 120%:7%')).toEqual(expected);
    expect(asPairs('0:0.03; 1:0.05; 1.2:0.07')).toEqual(expected);
    expect(asPairs('0:3%\n100%:5%\n120%:7%')).toEqual(expected);
    expect(asPairs('0:0,03; 1:0,05; 1,2:0,07')).toEqual(expected);
    expect(asPairs([['Порог', 'Ставка'], [0, 0.03], ['', ''], [1, 0.05], ['120%', '7%']])).toEqual(expected);
    expect(asPairs('10:5000; 15:10000')).toEqual([['10', '5000'], ['15', '10000']]);
  });

  it('refuses descending thresholds, bad entries and empty tables', () => {
    expect(parseTiers('100%:5%; 0%:3%')).toEqual({ ok: false, error: { code: 'tiersNotAscending', entry: '0%:3%' } });
    expect(parseTiers('0:3%; 100%:5%:7%')).toEqual({ ok: false, error: { code: 'tiersBadEntry', entry: '100%:5%:7%' } });
    expect(parseTiers('0:abc')).toEqual({ ok: false, error: { code: 'tiersBadEntry', entry: '0:abc' } });
    expect(parseTiers(' ; ')).toEqual({ ok: false, error: { code: 'tiersEmpty' } });
  });
});

describe('parseMode', () => {
  it('knows the Russian and English names, blank is whole', () => {
    expect(['whole', 'Весь объём', 'весь объем', '', 'MARGINAL', 'ступенчато', 'Ступенчатая', 'nonsense'].map((m) => parseMode(m)))
      .toEqual(['whole', 'whole', 'whole', 'whole', 'marginal', 'marginal', 'marginal', null]);
  });
});

describe('commission (SPEC §5 examples and hand-worked cases)', () => {
  const scale = tiers('0:3%; 100%:5%; 120%:7%');

  it('flat rate: 1 000 000 × 5 % = 50 000', () => {
    expect(str(commission(dec(1000000), flat('0.05')))).toBe('50000');
  });

  it('whole, attainment 110 %: all 1 100 000 at 5 % = 55 000', () => {
    expect(str(commission(dec(1100000), scale, 'whole', dec(1000000)))).toBe('55000');
  });

  it('marginal, attainment 110 %: 1 000 000 × 3 % + 100 000 × 5 % = 30 000 + 5 000 = 35 000', () => {
    expect(str(commission(dec(1100000), scale, 'marginal', dec(1000000)))).toBe('35000');
  });

  it('marginal, 130 %: 1 000 000 × 3 % + 200 000 × 5 % + 100 000 × 7 % = 30 000 + 10 000 + 7 000 = 47 000', () => {
    expect(str(commission(dec(1300000), scale, 'marginal', dec(1000000)))).toBe('47000');
    // whole at 130 %: 1 300 000 × 7 % = 91 000
    expect(str(commission(dec(1300000), scale, 'whole', dec(1000000)))).toBe('91000');
  });

  it('a first threshold above zero pays nothing below it, in both modes', () => {
    const fromPlan = tiers('80%:2%; 100%:4%');
    // 70 % of plan: below the first tier
    expect(str(commission(dec(700), fromPlan, 'whole', dec(1000)))).toBe('0');
    expect(str(commission(dec(700), fromPlan, 'marginal', dec(1000)))).toBe('0');
    // 90 %: whole = 900 × 2 % = 18; marginal = (900 − 800) × 2 % = 2
    expect(str(commission(dec(900), fromPlan, 'whole', dec(1000)))).toBe('18');
    expect(str(commission(dec(900), fromPlan, 'marginal', dec(1000)))).toBe('2');
    // 110 %: whole = 1100 × 4 % = 44; marginal = 200 × 2 % + 100 × 4 % = 4 + 4 = 8
    expect(str(commission(dec(1100), fromPlan, 'whole', dec(1000)))).toBe('44');
    expect(str(commission(dec(1100), fromPlan, 'marginal', dec(1000)))).toBe('8');
  });

  it('absolute thresholds (no plan) are amounts of base; a threshold is reached when equalled (half-open)', () => {
    const amounts = tiers('0:1%; 500000:2%');
    expect(str(commission(dec(499999), amounts))).toBe('4999.99'); // 499 999 × 1 %
    expect(str(commission(dec(500000), amounts))).toBe('10000'); //  500 000 × 2 %
    // marginal 600 000: 500 000 × 1 % + 100 000 × 2 % = 5 000 + 2 000
    expect(str(commission(dec(600000), amounts, 'marginal'))).toBe('7000');
  });

  it('the same tiers read as attainment once a plan is given', () => {
    const attainment = tiers('0:1%; 1:2%');
    // 600 000 of a 500 000 plan = 120 % ≥ 1 → 2 %; without a plan 600 000 ≥ 1 too
    expect(str(commission(dec(600000), attainment, 'whole', dec(500000)))).toBe('12000');
    // 400 000 of 500 000 = 80 % < 1 → 1 % = 4 000; without plan 400 000 ≥ 1 → 2 % = 8 000
    expect(str(commission(dec(400000), attainment, 'whole', dec(500000)))).toBe('4000');
    expect(str(commission(dec(400000), attainment, 'whole'))).toBe('8000');
  });

  it('a flat rate applies to a negative base (a return claws back): −120 000 × 5 % = −6 000', () => {
    expect(str(commission(dec(-120000), flat('0.05')))).toBe('-6000');
  });
});

describe('tierReached and nextTier', () => {
  const scale = tiers('0:3%; 100%:5%; 120%:7%');
  it('finds the tier reached on the attainment scale', () => {
    expect(str((tierReached(dec('1.1'), (scale as { tiers: Tier[] }).tiers) as Tier).value)).toBe('0.05');
    expect(tierReached(dec('-0.1'), (scale as { tiers: Tier[] }).tiers)).toBeNull();
  });
  it('next tier from 110 %: 100 000 more base; whole pays 1 200 000 × 7 % − 55 000 = 84 000 − 55 000 = 29 000', () => {
    const step = nextTier(dec(1100000), scale, 'whole', dec(1000000));
    expect(step && [str(step.needed), str(step.extra)]).toEqual(['100000', '29000']);
  });
  it('marginal: 35 000 → 30 000 + 200 000 × 5 % = 40 000, 5 000 more', () => {
    const step = nextTier(dec(1100000), scale, 'marginal', dec(1000000));
    expect(step && [str(step.needed), str(step.extra)]).toEqual(['100000', '5000']);
  });
  it('none at the top tier or for a flat rate', () => {
    expect(nextTier(dec(1300000), scale, 'whole', dec(1000000))).toBeNull();
    expect(nextTier(dec(1), flat('0.05'))).toBeNull();
  });
});

describe('kpiIndex', () => {
  it('K = 0.6 × min(90/100, 1.2) + 0.4 × min(150/100, 1.2) = 0.54 + 0.48 = 1.02', () => {
    const cap = dec('1.2');
    expect(str(kpiIndex([
      { fact: dec(90), target: dec(100), weight: dec('0.6'), cap },
      { fact: dec(150), target: dec(100), weight: dec('0.4'), cap },
    ]))).toBe('1.02');
  });
  it('a negative fact counts 0, a missing fact or a zero target adds 0', () => {
    const cap = dec('1.2');
    expect(str(kpiIndex([
      { fact: dec(-5), target: dec(100), weight: dec('0.5'), cap },
      { fact: null, target: dec(100), weight: dec('0.25'), cap },
      { fact: dec(5), target: dec(0), weight: dec('0.25'), cap },
    ]))).toBe('0');
  });
});

describe('properties', () => {
  /** Ascending thresholds from 0 and ascending non-negative rates. */
  const ascendingTiers = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 6 })
    .chain((steps) => fc.integer({ min: 0, max: 100_000 }).map((start) => {
      let threshold = start;
      let rate = 0;
      return steps.map(([gap, rateStep], i) => {
        if (i > 0) threshold += gap;
        rate += rateStep;
        return { threshold: dec(threshold), value: dec(rate).dividedBy(10000) };
      });
    }));

  it('marginal ≤ whole when rates ascend and the base is not negative', () => {
    fc.assert(fc.property(ascendingTiers, fc.integer({ min: 0, max: 5_000_000 }), (t, base) => {
      const rt: RateOrTiers = { kind: 'tiers', tiers: t };
      return commission(dec(base), rt, 'marginal').lessThanOrEqualTo(commission(dec(base), rt, 'whole'));
    }));
  });

  it('with a plan, thresholds scale with it: commission(b, t, plan) = commission(b / plan, t) × plan for marginal', () => {
    fc.assert(fc.property(ascendingTiers, fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 1000 }), (t, base, plan) => {
      const rt: RateOrTiers = { kind: 'tiers', tiers: t };
      const withPlan = commission(dec(base), rt, 'marginal', dec(plan));
      const scaled = commission(dec(base).dividedBy(plan), rt, 'marginal').times(plan);
      return withPlan.minus(scaled).abs().lessThan('1e-20');
    }));
  });
});

describe('tiersAtPlan', () => {
  it('turns attainment thresholds into amounts: 0 %, 100 %, 120 % of 1 000 000', () => {
    const scaled = tiersAtPlan(tiers('0:3%; 100%:5%; 120%:7%'), dec(1000000));
    expect(scaled.kind === 'tiers' && scaled.tiers.map((t) => [str(t.threshold), str(t.value)])).toEqual([['0', '0.03'], ['1000000', '0.05'], ['1200000', '0.07']]);
    expect(tiersAtPlan(flat('0.05'), dec(10))).toEqual(flat('0.05'));
    // paid below each threshold: 0; 1 000 000 × 3 % = 30 000; 30 000 + 200 000 × 5 % = 40 000
    expect(scaled.kind === 'tiers' && scaled.paidBelow?.map(str)).toEqual(['0', '30000', '40000']);
    // marginal 1 300 000 = 40 000 + 100 000 × 7 % = 47 000, as slice by slice
    expect(str(commission(dec(1300000), scaled, 'marginal'))).toBe('47000');
  });

  it('commission with a plan = commission on the scaled table, exactly, in both modes', () => {
    const table = fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 2000 })), { minLength: 1, maxLength: 5 }).map((steps) => {
      let threshold = 0;
      return steps.map(([gap, rate]) => {
        threshold += gap;
        return { threshold: dec(threshold).dividedBy(100), value: dec(rate).dividedBy(10000) };
      });
    });
    fc.assert(fc.property(table, fc.integer({ min: -1_000_000_00, max: 5_000_000_00 }), fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('whole', 'marginal'), (t, kopecks, plan, mode) => {
      const rt: RateOrTiers = { kind: 'tiers', tiers: t };
      const base = dec(kopecks).dividedBy(100);
      const m = mode as 'whole' | 'marginal';
      return commission(base, rt, m, dec(plan)).equals(commission(base, tiersAtPlan(rt, dec(plan)), m))
        && commission(base, rt, m).equals(commission(base, tiersAtPlan(rt, null), m));
    }));
  });
});
