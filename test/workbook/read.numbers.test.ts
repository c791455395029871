/**
 * Review items 2, 5, 10: numbers read by the workbook's language, and a bad optional cell or
 * plan target costs that cell only, never the whole row.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/read';
import { parseNumber } from '../../src/core/numbers';
import { parseSchemes } from '../../src/core/schemes';
import { sheetCell } from '../../src/workbook/schemeSheet';
import { rawWorkbook } from '../fixtures/rawWorkbooks';

const num = (v: string, hint?: Parameters<typeof parseNumber>[1]) => {
  const p = parseNumber(v, hint);
  return p.kind === 'number' ? p.value.toNumber() : p.kind;
};

describe('item 2: a single comma followed by three digits, by workbook language', () => {
  it('parseNumber: en reads 30,000 as thirty thousand, ru as 30; no hint stays as before (decimal)', () => {
    expect(num('30,000', { lang: 'en' })).toBe(30 * 1000);
    expect(num('250,000', { lang: 'en' })).toBe(250 * 1000);
    expect(num('1,250', { lang: 'en' })).toBe(1000 + 250);
    expect(num('-1,250 $', { lang: 'en' })).toBe(-(1000 + 250));
    expect(num('30,000', { lang: 'ru' })).toBe(30);
    expect(num('30,000')).toBe(30); // custom functions pass no hint: unchanged
    expect(num('30,000', { thousandsComma: true })).toBe(30000);
    expect(num('30,000', { lang: 'en', thousandsComma: false })).toBe(30);
    // Not exactly three digits after the single comma: the comma is decimal in both languages.
    expect(num('12,5', { lang: 'en' })).toBe(12.5);
    expect(num('1,2500', { lang: 'en' })).toBe(1.25);
    expect(num('1234,567', { lang: 'en' })).toBe(1234.567); // four digits before: not a group
    // A single dot is the decimal point everywhere (documented), two dots are groups.
    expect(num('1.250', { lang: 'en' })).toBe(1.25);
    expect(num('1.250', { lang: 'ru' })).toBe(1.25);
    expect(num('1.250.000', { lang: 'ru' })).toBe(1250000);
    // ru text numbers keep working: 1 250,5 = 1 250 + 0.5.
    expect(num('1 250,5', { lang: 'ru' })).toBe(1250 + 0.5);
    expect(num('1 250,500', { lang: 'ru' })).toBe(1250 + 0.5);
  });

  const deals = (amount: string, salary: string, locale: string) => rawWorkbook({
    Deals: [['Date', 'Manager', 'Amount', 'Cost'], ['2026-11-05', 'Ann', amount, '100,000']],
    Plans: [['Period', 'Manager', 'Scheme', 'Revenue'], ['2026-11', 'Ann', 'S', '300,000']],
    Schemes: [['Scheme', 'Rule', 'Amount'], ['S', 'salary', salary]],
  }, { locale });

  it('the reader: en workbook 250,000 → 250 000, plan 300,000 → 300 000, margin 250 000 − 100 000', () => {
    const r = readWorkbook(deals('250,000', '30,000', 'en_US'));
    expect(r.issues).toEqual([]);
    const d = r.input.deals[0];
    expect(d.amount.toNumber()).toBe(250000);
    expect(d.margin!.toNumber()).toBe(250000 - 100000);
    expect(r.input.plans[0].targets.revenue.toNumber()).toBe(300000);
    // The Schemes sheet is parsed in the workbook language too: salary 30,000 = 30 000.
    const schemes = parseSchemes(r.input.schemeRows, r.lang).schemes;
    const salary = schemes.get('s')!.rules[0];
    expect(salary.kind === 'salary' && salary.amount.toNumber()).toBe(30000);
  });

  it('the reader: ru workbook `1 250,5` → 1250.5 and `250,000` → 250 (comma is decimal)', () => {
    const r = readWorkbook(deals('1 250,5', '30,000', 'ru_RU'));
    expect(r.input.deals[0].amount.toNumber()).toBe(1250 + 0.5);
    const r2 = readWorkbook(deals('250,000', '30,000', 'ru_RU'));
    expect(r2.input.deals[0].amount.toNumber()).toBe(250);
    const salary = parseSchemes(r2.input.schemeRows, r2.lang).schemes.get('s')!.rules[0];
    expect(salary.kind === 'salary' && salary.amount.toNumber()).toBe(30);
  });

  it('the scheme sheet writer reads the sidebar text in the workbook language', () => {
    expect(sheetCell('amount', '30,000', 'en')).toBe(30000);
    expect(sheetCell('amount', '30,000', 'ru')).toBe(30);
    expect(sheetCell('amount', '30,000')).toBe(30); // no language: unchanged
  });
});

describe('item 10: a bad optional deal cell is an issue and reads as blank; the deal stays', () => {
  it('partner price `abc` and paid `y`: revenue 1 000 + 2 000 still counted', () => {
    const r = readWorkbook(rawWorkbook({
      'Сделки': [
        ['Дата', 'Менеджер', 'Сумма', 'Партнёрская цена', 'Оплачено', 'Дата оплаты'],
        ['05.11.2026', 'Анна', 1000, 'abc', '', ''], // 2: partner price bad
        ['06.11.2026', 'Анна', 2000, 1500, 'y', 'позже'], // 3: paid and paid date bad
        ['07.11.2026', 'Анна', 'много', 'abc', '', ''], // 4: amount bad (required): the deal is left out
      ],
    }));
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['bad_optional_cell', 2, 'Партнёрская цена', 'abc'],
      ['bad_optional_cell', 3, 'Оплачено', 'y'],
      ['bad_optional_cell', 3, 'Дата оплаты', 'позже'],
      ['bad_number', 4, 'Сумма', 'много'],
      ['bad_number', 4, 'Партнёрская цена', 'abc'], // the row is left out anyway: said the usual way
    ]);
    expect(r.issues[0].message).toBe('«abc» в столбце «Партнёрская цена» — не число; ячейка считается пустой, сделка учтена.');
    expect(r.input.deals.map((d) => [d.ref.row, d.amount.toNumber(), d.partnerPrice?.toNumber() ?? null, d.paid, d.paidDate])).toEqual([
      [2, 1000, null, null, null],
      [3, 2000, 1500, null, null],
    ]);
    const revenue = r.input.deals.reduce((s, d) => s + d.amount.toNumber(), 0);
    expect(revenue).toBe(1000 + 2000);
    const en = readWorkbook(rawWorkbook({ Deals: [['Date', 'Manager', 'Amount', 'Cost'], ['2026-11-05', 'Ann', 1000, 'x']] }, { locale: 'en_US' }));
    expect(en.issues[0].message).toBe('"x" in column "Cost" is not a number; the cell is read as blank, the deal is kept.');
  });
});

describe('item 5: one bad plan target drops that target only; the row and its scheme stay', () => {
  it('revenue 1 000 000 kept, deals `ten` dropped with an issue', () => {
    const r = readWorkbook(rawWorkbook({
      'Сделки': [['Дата', 'Менеджер', 'Сумма']],
      'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка', 'Сделки'], ['2026-11', 'Анна', 'S', '1 000 000', 'ten']],
    }));
    expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.column, i.value])).toEqual([['plan_target_dropped', 'Планы', 2, 'Сделки', 'ten']]);
    expect(r.issues[0].message).toBe('«ten» в столбце «Сделки» — не число; этот план не учтён, остальная строка учтена.');
    expect(r.input.plans).toHaveLength(1);
    expect(r.input.plans[0].scheme).toBe('S');
    expect(Object.keys(r.input.plans[0].targets)).toEqual(['revenue']);
    expect(r.input.plans[0].targets.revenue.toNumber()).toBe(1000 * 1000);
  });
});
