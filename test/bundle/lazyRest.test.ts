/**
 * Issue 11, SPEC §9: Sheets evaluates build/Code.js on every custom-function call, so only the
 * custom functions are compiled at load; the rest of the add-on (menu, sidebar, generation) is the
 * text of one string, compiled with `new Function` the first time one of its globals is called.
 *
 * The proof that a custom function never compiles the rest: a context that forbids code
 * generation from strings (`new Function` throws EvalError there) loads the script and runs every
 * custom function, errors included, and fails only once the menu is asked for.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH, bundleParts, defaultGlobals, loadBundle } from '../harness/loadBundle';

const SCALE = '0:3%; 100%:5%; 120%:7%';

describe('build/Code.js compiles only the custom functions at load', () => {
  const { atLoad, rest } = bundleParts();

  it('every custom function works where no string may be compiled; the menu does not', () => {
    const context = vm.createContext({ ...defaultGlobals() }, { codeGeneration: { strings: false } });
    vm.runInContext(readFileSync(BUNDLE_PATH, 'utf8'), context);
    const call = (name: string, ...args: unknown[]) => (vm.runInContext(name, context) as (...a: unknown[]) => unknown)(...args);
    // 1 000 000 × 5 % = 50 000
    expect(call('KPI_COMMISSION', 1000000, 0.05)).toBe(50000);
    // attainment 1 100 000 / 1 000 000 = 110 % reaches 100 %: 1 100 000 × 5 % = 55 000
    expect(call('KPI_COMMISSION', 1100000, SCALE, 1000000)).toBe(55000);
    // marginal: 1 000 000 × 3 % + 100 000 × 5 % = 30 000 + 5 000 = 35 000; a column in, a column out (blank stays blank)
    expect(call('KPI_COMMISSION', [[1100000], [''], ['1 000 000,00']], SCALE, 1000000, 'marginal')).toEqual([[35000], [''], [30000]]);
    expect(call('KPI_TIER', 1100000, SCALE, 1000000)).toBe(0.05);
    // 120 % of 1 000 000 is 100 000 away; there 1 200 000 × 7 % = 84 000, 29 000 more than 55 000
    expect(call('KPI_NEXT_TIER', 1100000, SCALE, 1000000)).toEqual([[100000, 29000]]);
    // each ratio capped at 1.2 (150/100 → 1.2): 0.6 × 0.9 + 0.4 × 1.2 = 0.54 + 0.48 = 1.02
    expect(call('KPI_INDEX', [[90], [150]], [[100], [100]], [[0.6], [0.4]])).toBe(1.02);
    // 10 × (1000 − 600 − 1000 × 5 %) = 10 × 350 = 3500
    expect(call('UNIT_MARGIN', 1000, 600, 10, 0.05)).toBe(3500);
    expect(call('UNIT_MARGIN_PCT', 1000, 600, 0.05)).toBe(0.35);
    // ⌈100 000 / 350⌉ = ⌈285.7⌉ = 286
    expect(call('UNIT_BREAKEVEN', 100000, 1000, 600, 0.05)).toBe(286);
    // errors come out with their messages (the message tables are in the custom functions' part)
    expect(() => call('KPI_COMMISSION', [[1], ['abc']], 0.05)).toThrow('KPI_COMMISSION: base, row 2: "abc" is not a number');
    expect(() => call('KPI_COMMISSION', 1000, 5)).toThrow(/KPI_COMMISSION: rate_or_tiers/);
    // the menu is in the rest: compiling it is what this context forbids
    expect(() => call('onOpen', { authMode: 'NONE' })).toThrow(/Code generation from strings disallowed/);
  });

  it('the rest is compiled once, on first use, and serves every global after that', () => {
    const gas = loadBundle();
    const lib = gas.get('__KpiPayouts');
    const first = lib.onOpen;
    expect(typeof first).toBe('function');
    expect(lib.onOpen).toBe(first); // one compilation: the same function object
    expect(typeof lib.generatePayouts).toBe('function');
  });

  it('what is compiled at load holds none of the rest: no menu, no document lock, no sheet writing', () => {
    const code = atLoad.slice(atLoad.indexOf('var __KpiPayouts')); // after the stubs, whose JSDoc may name anything
    for (const word of ['createAddonMenu', 'getDocumentLock', 'setValues']) {
      expect(rest).toContain(word);
      expect(code).not.toContain(word);
    }
    // the code compiled at load (message tables are JSON in comments, skipped unread) is a fraction of the rest's
    const unread = /\/\*kpi-payouts:messages\n[\s\S]*?\*\//g;
    expect(code.replace(unread, '').length).toBeLessThan(rest.replace(unread, '').length / 3);
  });
});
