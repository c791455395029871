import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, dec, sum } from '../../src/core/decimal';
import { formatMoney, formatPercent, moneyNumber, roundMoney } from '../../src/core/money';

describe('roundMoney: 0.01, a tie away from zero', () => {
  it.each([
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['1.234', '1.23'],
    ['1.235', '1.24'],
    ['-1.235', '-1.24'],
    ['2.675', '2.68'], // a float 2.675 is 2.67499…; as a decimal it is a true tie
  ])('%s → %s', (input, expected) => {
    expect(roundMoney(new Dec(input)).toString()).toBe(expected);
  });

  it('reads JS numbers without binary noise: 0.1 + 0.2 as cells hold them is 0.3', () => {
    expect(sum([dec(0.1), dec(0.2)]).toString()).toBe('0.3');
    expect(moneyNumber(dec(1.005))).toBe(1.01); // 1.005 as a float is 1.00499999…, but the cell showed 1.005
  });

  it('never moves a line by more than half a kopeck', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }), (units, scale) => {
      const value = new Dec(units.toString()).dividedBy(new Dec(10).pow(scale));
      return roundMoney(value).minus(value).abs().lessThanOrEqualTo('0.005');
    }));
  });
});

describe('formatting', () => {
  it('formats money and percents in both languages', () => {
    expect(formatMoney(dec('62500'), 'ru', 'RUB')).toBe('62 500,00 ₽');
    expect(formatMoney(dec('-1250000.5'), 'en', 'USD')).toBe('-$1,250,000.50');
    expect(formatPercent(dec('0.05'), 'ru')).toBe('5 %');
    expect(formatPercent(dec('0.125'), 'en')).toBe('12.5%');
  });
});

describe('formatMoney: where the symbol goes (review item 17)', () => {
  it('puts $ £ € in front in English, keeps ₽ (and any other) after; Russian always after', () => {
    // 0.05 × 1 250 000 = 62 500 → grouped by commas in en, by spaces in ru
    expect(formatMoney(dec('62500'), 'en', 'USD')).toBe('$62,500.00');
    expect(formatMoney(dec('62500'), 'en', 'EUR')).toBe('€62,500.00');
    expect(formatMoney(dec('1'), 'en', 'GBP')).toBe('£1.00');
    // a return: −(1000 + 0.005 rounded half away → 0.01) = −1 000.01, minus before the symbol
    expect(formatMoney(dec('-1000.005'), 'en', 'USD')).toBe('-$1,000.01');
    expect(formatMoney(dec('62500'), 'en', 'RUB')).toBe('62,500.00 ₽');
    expect(formatMoney(dec('62500'), 'en', 'KZT')).toBe('62,500.00\u00a0₸');
    expect(formatMoney(dec('62500'), 'ru', 'USD')).toBe('62 500,00\u00a0$');
  });
});
