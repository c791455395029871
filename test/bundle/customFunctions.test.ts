/**
 * The custom functions as Sheets calls them: on the BUILT script in node:vm, ranges as 2-D
 * arrays, blanks as "", percents as fractions, Dates from the script's realm.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dec, dec } from '../../src/core/decimal';
import { commission, parseTiers } from '../../src/core/tiers';
import { loadBundle, type LoadedBundle } from '../harness/loadBundle';

let gas: LoadedBundle;
beforeAll(() => {
  gas = loadBundle();
});
const call = (name: string, ...args: unknown[]) => gas.call(name, ...args);
const SCALE = '0:3%; 100%:5%; 120%:7%';

describe('KPI_COMMISSION', () => {
  it('SPEC §5 examples: 1 000 000 × 5 % = 50 000; whole at 110 % = 55 000; marginal = 30 000 + 5 000 = 35 000', () => {
    expect(call('KPI_COMMISSION', 1000000, 0.05)).toBe(50000);
    expect(call('KPI_COMMISSION', 1100000, SCALE, 1000000)).toBe(55000);
    expect(call('KPI_COMMISSION', 1100000, SCALE, 1000000, 'marginal')).toBe(35000);
    expect(call('KPI_COMMISSION', 1100000, SCALE, 1000000, 'ступенчато')).toBe(35000);
    expect(call('KPI_COMMISSION', 1100000, SCALE, 1000000, 'Весь объём')).toBe(55000);
  });

  it('a column in, a column out: blanks stay blank, 1C text numbers are read', () => {
    // 1 250 000,50 × 5 % = 62 500.025 → 62 500.03 (tie away from zero); −200 000 × 5 % = −10 000
    expect(call('KPI_COMMISSION', [[1000000], [''], ['1 250 000,50'], [-200000]], 0.05)).toEqual([[50000], [''], [62500.03], [-10000]]);
  });

  it('a plan column broadcasts with a base column; a single plan broadcasts to every row', () => {
    // 900/1000 = 90 % → 3 % = 27; 1100/1000 = 110 % → 5 % = 55; 1300/1000 = 130 % → 7 % = 91
    expect(call('KPI_COMMISSION', [[900], [1100], [1300]], SCALE, 1000)).toEqual([[27], [55], [91]]);
    // 1100/2000 = 55 % → 3 % = 33; 1100/1000 → 5 % = 55
    expect(call('KPI_COMMISSION', 1100, SCALE, [[2000], [1000]])).toEqual([[33], [55]]);
  });

  it('a two-column tier range is one argument, header row and blank rows skipped', () => {
    const table = [['Выполнение', 'Ставка'], [0, 0.03], ['', ''], [1, 0.05], [1.2, 0.07]];
    expect(call('KPI_COMMISSION', [[1100000], [1300000]], table, 1000000)).toEqual([[55000], [91000]]);
  });

  it('absolute thresholds without a plan: 499 999 × 1 % = 4 999.99, 500 000 × 2 % = 10 000', () => {
    expect(call('KPI_COMMISSION', [[499999], [500000]], '0:1%; 500000:2%')).toEqual([[4999.99], [10000]]);
  });

  it('a blank optional plan cell of a range gives a blank result, not a plan-less one', () => {
    expect(call('KPI_COMMISSION', [[1100], [1100]], SCALE, [[1000], ['']])).toEqual([[55], ['']]);
  });

  it('a blank single base or rate gives a blank cell', () => {
    expect(call('KPI_COMMISSION', '', 0.05)).toBe('');
    expect(call('KPI_COMMISSION', 1000, '')).toBe('');
  });

  it('names the function, argument and cell of a bad value', () => {
    expect(() => call('KPI_COMMISSION', [[1], [2], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, row 3: "abc" is not a number');
    expect(() => call('KPI_COMMISSION', 'abc', 0.05)).toThrow('KPI_COMMISSION: base: "abc" is not a number');
    expect(() => call('KPI_COMMISSION', [[1, 2], [3, 'x']], 0.05)).toThrow('KPI_COMMISSION: base, row 2, column 2: "x" is not a number');
    expect(() => call('KPI_COMMISSION', [[1, 'x']], 0.05)).toThrow('KPI_COMMISSION: base, column 2: "x" is not a number');
    expect(() => call('KPI_COMMISSION', [[1], [2]], 0.05, [[1000], [-5]])).toThrow('KPI_COMMISSION: plan, row 2: the plan must be above zero, got "-5"');
    expect(() => call('KPI_COMMISSION', 1, 0.05, '', 'sometimes')).toThrow('KPI_COMMISSION: mode: "sometimes" is not a mode');
    expect(() => call('KPI_COMMISSION', 1, '100%:5%; 0%:3%', 1)).toThrow('KPI_COMMISSION: rate_or_tiers: thresholds must ascend, "0%:3%" does not');
    expect(() => call('KPI_COMMISSION', 1, '0:3%; lots')).toThrow(/KPI_COMMISSION: rate_or_tiers: "0:3%; lots" is not a rate or tiers: cannot read "lots"/);
    expect(() => call('KPI_COMMISSION')).toThrow('KPI_COMMISSION: base is required');
  });

  it('a Date from the sheet where a number belongs is named as a day', () => {
    const day = gas.date(Date.UTC(2026, 10, 22));
    expect(Object.prototype.toString.call(day)).toBe('[object Date]');
    expect(() => call('KPI_COMMISSION', [[1], [day]], 0.05)).toThrow('KPI_COMMISSION: base, row 2: "2026-11-22" is not a number');
  });

  it('ranges of different shapes are an error', () => {
    expect(() => call('KPI_COMMISSION', [[1], [2]], [[0.1], [0.2], [0.3]])).toThrow('KPI_COMMISSION: base is 2×1 but rate_or_tiers is 3×1: ranges must have the same shape');
  });

  it('a row of rates beside a row of bases pairs up cell by cell, like a column (review item 8)', () => {
    // before: {0.1, 0.2} was read as the tier table "0:… " → [[20, 40]]; now 100 × 10 % = 10, 200 × 20 % = 40
    expect(call('KPI_COMMISSION', [[100, 200]], [[0.1, 0.2]])).toEqual([[10, 40]]);
    expect(call('KPI_COMMISSION', [[100], [200]], [[0.1], [0.2]])).toEqual([[10], [40]]);
    // n×2 bases with n×2 rates: same shape → per cell: 100 × 10 % = 10, 200 × 20 % = 40, 300 × 1 % = 3, 400 × 2 % = 8
    expect(call('KPI_COMMISSION', [[100, 200], [300, 400]], [[0.1, 0.2], [0.01, 0.02]])).toEqual([[10, 40], [3, 8]]);
    // a two-column table of another shape is still one tier table: 1 000 at "0:1%; 500:2%" = 1 000 × 2 % = 20
    expect(call('KPI_COMMISSION', 1000, [[0, 0.01], [500, 0.02]])).toBe(20);
    expect(call('KPI_COMMISSION', [[100], [1000], [50]], [[0, 0.01], [500, 0.02]])).toEqual([[1], [20], [0.5]]);
  });

  it('a column of rates broadcasts row by row (a one-column range is not a tier table)', () => {
    expect(call('KPI_COMMISSION', [[1000], [1000]], [[0.05], ['7%']])).toEqual([[50], [70]]);
  });
});

describe('KPI_TIER and KPI_NEXT_TIER', () => {
  it('the tier reached: 110 % → 5 %; 12 deals → 5 000; below the first tier → 0', () => {
    expect(call('KPI_TIER', 1100000, SCALE, 1000000)).toBe(0.05);
    expect(call('KPI_TIER', [[12], [9], [15]], '10:5000; 15:10000')).toEqual([[5000], [0], [10000]]);
    expect(call('KPI_TIER', 7, 0.05)).toBe(0.05);
  });

  it('next tier from 110 %: 100 000 more, 1 200 000 × 7 % − 1 100 000 × 5 % = 84 000 − 55 000 = 29 000', () => {
    expect(call('KPI_NEXT_TIER', 1100000, SCALE, 1000000)).toEqual([[100000, 29000]]);
    // marginal: 30 000 + 200 000 × 5 % = 40 000 vs 35 000 → 5 000
    expect(call('KPI_NEXT_TIER', 1100000, SCALE, 1000000, 'marginal')).toEqual([[100000, 5000]]);
  });

  it('a column in gives n×2 out; the top tier and blanks are blank', () => {
    // 500 000 (50 %) → 1 000 000 more to 100 %: 1 000 000 × 5 % − 500 000 × 3 % = 50 000 − 15 000 = 35 000
    expect(call('KPI_NEXT_TIER', [[500000], [''], [1300000]], SCALE, 1000000)).toEqual([[500000, 35000], ['', ''], ['', '']]);
  });
});

describe('KPI_INDEX', () => {
  it('K = 0.6 × 0.9 + 0.4 × min(1.5, 1.2) = 0.54 + 0.48 = 1.02', () => {
    expect(call('KPI_INDEX', [[90], [150]], [[100], [100]], [[0.6], [0.4]])).toBe(1.02);
  });
  it('cap 100 %: 0.6 × 0.9 + 0.4 × 1 = 0.94; a blank row is skipped', () => {
    expect(call('KPI_INDEX', [[90], [150], ['']], [[100], [100], ['']], [[0.6], [0.4], ['']], 1)).toBe(0.94);
  });
  it('a row with only part of fact/target/weight filled in gives a blank K (review item 12)', () => {
    // before: 0.6 × 90/100 + 0.4 × (blank fact → 0) = 0.54, a wrong K shown as if known
    expect(call('KPI_INDEX', [[90], ['']], [[100], [100]], [[0.6], [0.4]])).toBe('');
    expect(call('KPI_INDEX', [[90], [120]], [[100], ['']], [[0.6], [0.4]])).toBe('');
    // a blank weight no longer fails "weights add up to 0.6": the row is unfinished, K is blank
    expect(call('KPI_INDEX', [[90], [120]], [[100], [100]], [[0.6], ['']])).toBe('');
    // a bad cell in a part-blank row is still an error that names it
    expect(() => call('KPI_INDEX', [[90], ['']], [[100], ['x']], [[0.6], [0.4]])).toThrow('KPI_INDEX: targets, row 2: "x" is not a number');
    // filled in: 0.6 × 0.9 + 0.4 × 1.2 = 0.54 + 0.48 = 1.02
    expect(call('KPI_INDEX', [[90], [120]], [[100], [100]], [[0.6], [0.4]])).toBe(1.02);
  });
  it('weights given in a row, as text percents: 0.5 × 0.8 + 0.5 × 1 = 0.9', () => {
    expect(call('KPI_INDEX', [[80, 100]], [[100, 100]], [['50%', '50%']])).toBe(0.9);
  });
  it('weights must add up to 1; cells must pair up', () => {
    expect(() => call('KPI_INDEX', [[90], [150]], [[100], [100]], [[0.6], [0.3]])).toThrow('KPI_INDEX: weights add up to 0.9, they must add up to 1 (100%)');
    expect(() => call('KPI_INDEX', [[90], [150]], [[100]], [[0.6], [0.4]])).toThrow('KPI_INDEX: facts has 2 cells but targets has 1');
    expect(() => call('KPI_INDEX', [[90], ['n/a']], [[100], [100]], [[0.6], [0.4]])).toThrow('KPI_INDEX: facts, row 2: "n/a" is not a number');
  });
});

describe('unit economics', () => {
  it('UNIT_MARGIN(1000, 600, 10, 5 %) = 10 × (1000 − 600 − 50) = 3500', () => {
    expect(call('UNIT_MARGIN', 1000, 600, 10, 0.05)).toBe(3500);
    expect(call('UNIT_MARGIN', [[1000], [500], ['']], [[600], [450], [1]])).toEqual([[400], [50], ['']]);
    // 3 × (99.99 − 33.33 − 99.99 × 0.1) = 3 × 56.661 = 169.983 → 169.98
    expect(call('UNIT_MARGIN', '99,99', '33,33', 3, '10%')).toBe(169.98);
  });
  it('UNIT_MARGIN_PCT(1000, 600, 5 %) = 350 / 1000 = 0.35; a zero price is an error', () => {
    expect(call('UNIT_MARGIN_PCT', 1000, 600, 0.05)).toBe(0.35);
    expect(() => call('UNIT_MARGIN_PCT', [[1000], [0]], 600)).toThrow('UNIT_MARGIN_PCT: price, row 2: the price must not be zero');
  });
  it('UNIT_BREAKEVEN(100 000, 1000, 600, 5 %) = ⌈100 000 / 350⌉ = ⌈285.7⌉ = 286; a losing unit is an error', () => {
    expect(call('UNIT_BREAKEVEN', 100000, 1000, 600, 0.05)).toBe(286);
    expect(() => call('UNIT_BREAKEVEN', 100000, 500, 600)).toThrow('UNIT_BREAKEVEN: each unit earns -100');
    expect(() => call('UNIT_BREAKEVEN', 100000, [[1000], [500]], 600)).toThrow('UNIT_BREAKEVEN, row 2: each unit earns -100');
  });
});

describe('properties on the built functions', () => {
  const cell = fc.oneof(
    fc.integer({ min: -2_000_000, max: 5_000_000 }),
    fc.integer({ min: 0, max: 500_000_000 }).map((k) => k / 100), // kopecks
    fc.integer({ min: 0, max: 5_000_000 }).map((n) => n.toLocaleString('ru-RU') + ',50'), // 1C text with NBSP groups
    fc.constant(''),
  );

  it('a column gives the same results however it is split into calls', () => {
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }), fc.constantFrom('whole', 'marginal'), (values, cuts, mode) => {
      const column = values.map((v) => [v]);
      const whole = call('KPI_COMMISSION', column, SCALE, 1_000_000, mode) as unknown[][];
      const points = [...new Set(cuts.map((c) => c % values.length))].sort((a, b) => a - b);
      const bounds = [0, ...points.filter((p) => p > 0), values.length];
      const pieces: unknown[][] = [];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const part = column.slice(bounds[i], bounds[i + 1]);
        // a one-cell piece is passed as Sheets passes a single cell: the value itself
        const out = part.length === 1 ? [[call('KPI_COMMISSION', part[0][0], SCALE, 1_000_000, mode)]] : call('KPI_COMMISSION', part, SCALE, 1_000_000, mode);
        pieces.push(...(out as unknown[][]));
      }
      expect(pieces).toEqual(whole);
    }));
  });

  it('KPI_NEXT_TIER agrees with KPI_COMMISSION: the base plus what is needed pays the extra (three roundings: ±0.015)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000_00 }), fc.integer({ min: 1, max: 2_000_000 }), fc.constantFrom('whole', 'marginal'), (kopecks, plan, mode) => {
      const base = kopecks / 100;
      const [[needed, extra]] = call('KPI_NEXT_TIER', base, SCALE, plan, mode) as (number | string)[][];
      if (needed === '') return base / plan >= 1.2; // blank only at the top tier
      const target = new Dec(String(base)).plus(String(needed)).toNumber();
      const gained = new Dec(String(call('KPI_COMMISSION', target, SCALE, plan, mode))).minus(String(call('KPI_COMMISSION', base, SCALE, plan, mode)));
      return gained.minus(String(extra)).abs().lessThanOrEqualTo('0.015');
    }));
  });

  it('each line is within half a kopeck of the exact commission', () => {
    const parsed = parseTiers(SCALE);
    if (!parsed.ok) throw new Error('bad scale');
    fc.assert(fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), fc.constantFrom('whole', 'marginal'), (kopecks, mode) => {
      const base = kopecks / 100;
      const plan = 1_000_000;
      const exact = commission(dec(base), { kind: 'tiers', tiers: parsed.tiers }, mode as 'whole' | 'marginal', dec(plan));
      const got = call('KPI_COMMISSION', base, SCALE, plan, mode) as number;
      return new Dec(String(got)).minus(exact).abs().lessThanOrEqualTo('0.005');
    }));
  });
});

describe('rounding edge', () => {
  it('a tiny negative commission rounds to a plain 0, not −0: −0.04 × 10 % = −0.004 → 0', () => {
    expect(Object.is(call('KPI_COMMISSION', -0.04, 0.1), 0)).toBe(true);
  });
});

describe('error messages in the spreadsheet’s language (review item 9)', () => {
  /** A SpreadsheetApp whose only use is the locale, counting every call. */
  function localeFake(locale: string | (() => string)) {
    const calls = { active: 0, locale: 0 };
    const SpreadsheetApp = {
      getActiveSpreadsheet: () => {
        calls.active++;
        return { getSpreadsheetLocale: () => { calls.locale++; return typeof locale === 'function' ? locale() : locale; } };
      },
    };
    return { calls, gas: loadBundle({ SpreadsheetApp }) };
  }

  it('ru_RU: the error is in Russian, the cell named in Russian; loading and a good call read nothing', () => {
    const { calls, gas: ru } = localeFake('ru_RU');
    expect(calls).toEqual({ active: 0, locale: 0 }); // nothing at load
    // 1 000 000 × 5 % = 50 000: the success path never asks for the locale
    expect(ru.call('KPI_COMMISSION', 1000000, 0.05)).toBe(50000);
    expect(ru.call('KPI_COMMISSION', [[100], [200]], 0.1)).toEqual([[10], [20]]);
    expect(calls).toEqual({ active: 0, locale: 0 });
    expect(() => ru.call('KPI_COMMISSION', [[1], [2], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, строка 3: «abc» — не число');
    expect(calls).toEqual({ active: 1, locale: 1 }); // asked once, on the error path
    expect(() => ru.call('KPI_COMMISSION')).toThrow('KPI_COMMISSION: не задан аргумент base');
    expect(() => ru.call('KPI_INDEX', [[90], ['x']], [[100], [100]], [[0.6], [0.4]])).toThrow('KPI_INDEX: facts, строка 2: «x» — не число');
  });

  it('en_US, or a locale read that fails: English', () => {
    const { gas: en } = localeFake('en_US');
    expect(() => en.call('KPI_COMMISSION', [[1], [2], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, row 3: "abc" is not a number');
    const { calls, gas: broken } = localeFake(() => { throw new Error('Authorisation is required'); });
    expect(() => broken.call('KPI_COMMISSION', 'abc', 0.05)).toThrow('KPI_COMMISSION: base: "abc" is not a number');
    expect(calls.locale).toBe(1);
  });
});
