import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as exact from '../../src/core/money';
import * as light from '../../src/core/moneyText';

const CURRENCIES = ['RUB', 'USD', 'EUR', 'KZT', 'BYN', 'UAH', 'GBP', 'CNY', 'XYZ'];
const langs = fc.constantFrom<exact.Lang>('ru', 'en');

describe('the sidebar formats numbers without decimal.js, as money.ts does', () => {
  it('ties, signs and zero by hand', () => {
    // 1.005 is 1.00499999… as a double; money.ts reads its text "1.005", so the tie rounds up
    for (const v of [1.005, -1.005, 0.125, -0.004, -0, 0, 62500, -1250.5, 1e-7, 123456789.99]) {
      for (const lang of ['ru', 'en'] as const) {
        expect(light.formatNumber(v, lang)).toBe(exact.formatNumber(v, lang));
        expect(light.formatNumber(v, lang, 0)).toBe(exact.formatNumber(v, lang, 0));
        expect(light.formatMoney(v, lang, 'USD')).toBe(exact.formatMoney(v, lang, 'USD'));
        expect(light.formatPercent(v / 1000, lang)).toBe(exact.formatPercent(v / 1000, lang));
      }
    }
  });

  it('money exact to the kopeck, in every currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), langs, fc.constantFrom(...CURRENCIES), (k, lang, currency) => {
        expect(light.formatMoney(k / 100, lang, currency)).toBe(exact.formatMoney(k / 100, lang, currency));
        expect(light.currencySymbol(currency)).toBe(exact.currencySymbol(currency));
      }),
      { numRuns: 2000 },
    );
  });

  it('any number: fractions as percents, amounts to whole units', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), langs, (v, lang) => {
        expect(light.formatPercent(v, lang)).toBe(exact.formatPercent(v, lang));
        expect(light.formatNumber(v, lang, 0)).toBe(exact.formatNumber(v, lang, 0));
        expect(light.formatNumber(v, lang)).toBe(exact.formatNumber(v, lang));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('build/Sidebar.html', () => {
  const path = resolve(__dirname, '../../build/Sidebar.html');
  it.runIf(existsSync(path))('carries no decimal.js (~32 KB): the panels format the server’s numbers with core/moneyText', () => {
    expect(readFileSync(path, 'utf8')).not.toContain('[DecimalError]');
  });
});
