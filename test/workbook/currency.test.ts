import { describe, expect, it } from 'vitest';
import { currencyOfColumn, currencyOfFormat } from '../../src/workbook/currency';

describe('the currency a number format shows (SPEC §1: the Deals amount column decides)', () => {
  it.each([
    ['#,##0.00 [$₽-419]', 'RUB'], // what Sheets writes for rubles, and what our own tabs use
    ['#,##0.00"₽"', 'RUB'],
    ['#,##0.00 "руб."', 'RUB'],
    ['[$$-409]#,##0.00', 'USD'],
    ['$#,##0.00', 'USD'],
    ['[$€-2] #,##0.00', 'EUR'],
    ['#,##0.00 [$EUR]', 'EUR'],
    ['[$£-809]#,##0.00', 'GBP'],
    ['#,##0.00 [$₸-43F]', 'KZT'],
    ['[$CHF] #,##0.00', 'CHF'],
  ])('%s → %s', (pattern, iso) => {
    expect(currencyOfFormat(pattern)).toBe(iso);
  });

  it.each(['General', '#,##0.00', '0%', 'dd.mm.yyyy', '[Red]#,##0.00', '', null])('%s shows no currency', (pattern) => {
    expect(currencyOfFormat(pattern)).toBeNull();
  });

  it('a column: most cells decide, the header row and blank formats do not', () => {
    const formats = [['$#,##0'], ['#,##0.00 [$₽-419]'], ['#,##0.00 [$₽-419]'], ['General'], ['$#,##0.00']];
    // header '$#,##0' skipped; 2 × RUB against 1 × USD
    expect(currencyOfColumn(formats, 0, 0)).toBe('RUB');
    expect(currencyOfColumn([['General'], ['0.00']], 0, 0)).toBeNull();
    expect(currencyOfColumn(undefined, 0, 0)).toBeNull();
  });
});
