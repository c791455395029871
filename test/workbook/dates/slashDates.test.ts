/**
 * Text dates with slashes through the pipeline (SPEC §10.2, §10.3): the locale says which way
 * `03/04/2026` reads; when it does not, or the sheet contradicts it, the date is an issue and the
 * payouts of both months it could fall in are withheld. Figures in workbooks.ts.
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../../src/workbook/pipeline';
import type { RawWorkbook } from '../../../src/workbook/raw';
import { rawWorkbook } from '../../fixtures/rawWorkbooks';
import { DAY_FIRST, MONTH_FIRST, slashSheets } from './workbooks';

const TODAY = '2026-11-05';
const totals = (raw: () => RawWorkbook, period: string) => runPayouts(raw(), { period, today: TODAY }).json.managers.map((m) => [m.manager, m.total]);

describe('slash dates read by the locale', () => {
  it('ru_RU reads 03/04/2026 as 3 April, en_US as March 4: 15 000 / 22 500 against 25 000 / 12 500', () => {
    const ru = () => rawWorkbook(slashSheets(), { locale: 'ru_RU' });
    const us = () => rawWorkbook(slashSheets(), { locale: 'en_US' });
    expect(totals(ru, '2026-03')).toEqual([['Иванов', DAY_FIRST['2026-03']]]);
    expect(totals(ru, '2026-04')).toEqual([['Иванов', DAY_FIRST['2026-04']]]);
    expect(totals(us, '2026-03')).toEqual([['Иванов', MONTH_FIRST['2026-03']]]);
    expect(totals(us, '2026-04')).toEqual([['Иванов', MONTH_FIRST['2026-04']]]);
    expect(runPayouts(us(), { period: '2026-03', today: TODAY }).issues).toEqual([]);
  });

  it('an explicit order wins over the locale (the CLI\'s --date-order)', () => {
    const raw = () => rawWorkbook(slashSheets(), { locale: 'en', dateOrder: 'dmy' });
    expect(totals(raw, '2026-04')).toEqual([['Иванов', DAY_FIRST['2026-04']]]);
  });

  it('order not known (a bare `en`): an issue on Сделки row 2 «Дата», and Иванов withheld in March and April, paid in May', () => {
    const raw = () => rawWorkbook(slashSheets(['2026-05-04', 'Иванов', 40000]), { locale: 'en' });
    for (const period of ['2026-03', '2026-04']) {
      const result = runPayouts(raw(), { period, today: TODAY });
      expect(result.json.managers).toEqual([]);
      expect(result.issues.map((i) => [i.code, i.sheet, i.row, i.column, i.value])).toEqual([
        ['two_way_date', 'Сделки', 2, 'Дата', '03/04/2026'],
        ['two_way_date_withheld', 'Сделки', 2, 'Дата', '03/04/2026'],
      ]);
      expect(result.issues[0].message).toMatch(/^"03\/04\/2026" reads two ways: 2026-04-03 \(day first\) or 2026-03-04 \(month first\)/);
      expect(result.issues[1].message).toBe(`Иванов: no payout for ${period} while the date "03/04/2026" ("Сделки", row 2) reads two ways (2026-04-03 or 2026-03-04).`);
    }
    // May has no Plans row for Иванов: Plans exist, so he is withheld as unplanned — not because of the date.
    const may = runPayouts(raw(), { period: '2026-05', today: TODAY });
    expect(may.issues.map((i) => i.code)).toEqual(['two_way_date', 'not_in_plans']);
  });

  it('en_US, but the sheet also holds 22/03/2026 (day first only): 03/04/2026 is not known, Иванов withheld; the message names both', () => {
    const raw = () => rawWorkbook(slashSheets(['22/03/2026', 'Иванов', 10000]), { locale: 'en_US' });
    const march = runPayouts(raw(), { period: '2026-03', today: TODAY });
    expect(march.json.managers).toEqual([]);
    expect(march.issues[0]).toMatchObject({ code: 'two_way_date', sheet: 'Сделки', row: 2, column: 'Дата', value: '03/04/2026' });
    expect(march.issues[0].message).toContain('The spreadsheet\'s locale (en_US) reads month first, but this sheet also holds "22/03/2026"');
    // ru_RU agrees with 22/03/2026: nothing is in doubt; March = 10 000 + 5 % × (100 000 + 10 000) = 15 500.
    const ru = () => rawWorkbook(slashSheets(['22/03/2026', 'Иванов', 10000]), { locale: 'ru_RU' });
    expect(totals(ru, '2026-03')).toEqual([['Иванов', 15500]]);
    expect(runPayouts(ru(), { period: '2026-03', today: TODAY }).issues).toEqual([]);
  });

  it('Russian messages for a Russian workbook with no known order', () => {
    const raw = rawWorkbook(slashSheets(), { locale: 'ru_RU', dateOrder: null });
    const result = runPayouts(raw, { period: '2026-04', today: TODAY });
    expect(result.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^«03\/04\/2026» читается двумя способами: 2026-04-03 \(сначала день\) или 2026-03-04 \(сначала месяц\)/),
      '«Иванов»: выплата за 2026-04 задержана, пока дата «03/04/2026» (лист «Сделки», строка 2) читается двумя способами (2026-04-03 или 2026-03-04).',
    ]);
  });

  it('a Plans period typed as a slash date that reads two ways is an issue on that cell', () => {
    const sheets = slashSheets();
    sheets['Планы'] = [sheets['Планы'][0], ['01/04/2026', 'Иванов', 'S', 1000000]];
    const result = runPayouts(rawWorkbook(sheets, { locale: 'en' }), { period: '2026-04', today: TODAY });
    expect(result.issues.find((i) => i.sheet === 'Планы')).toMatchObject({ code: 'two_way_date', row: 2, column: 'Период', value: '01/04/2026' });
  });
});

describe('a paid date that reads two ways', () => {
  // Deals with a paid date: the deal of 2026-02-10 (300 000) was paid on `03/04/2026` (text).
  const sheets = () => ({
    'Сделки': [
      ['Дата', 'Менеджер', 'Сумма', 'Дата оплаты'],
      ['2026-02-10', 'Иванов', 300000, '03/04/2026'],
      ['', '', '', ''],
      ['2026-03-20', 'Иванов', 100000, ''],
      ['2026-05-05', 'Иванов', 40000, ''],
    ],
    'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ...['2026-02', '2026-03', '2026-04', '2026-05'].map((p) => [p, 'Иванов', 'S', 1000000])],
    'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['S', 'оклад', '', '', 10000], ['S', 'процент', 'выручка', '5%', '']],
  });

  it('order not known: the row is left out, Иванов withheld in February (the deal) and in March and April (the readings); May paid', () => {
    const raw = () => rawWorkbook(sheets(), { locale: 'en' });
    for (const period of ['2026-02', '2026-03', '2026-04']) {
      const result = runPayouts(raw(), { period, today: TODAY });
      expect(result.json.managers, period).toEqual([]);
      expect(result.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
        ['two_way_date', 2, 'Дата оплаты', '03/04/2026'],
        ['two_way_date_withheld', 2, 'Дата оплаты', '03/04/2026'],
      ]);
    }
    // May: 10 000 + 5 % × 40 000 = 12 000 — the rows after the doubtful one are paid as usual.
    expect(totals(raw, '2026-05')).toEqual([['Иванов', 12000]]);
  });

  it('ru_RU: the paid date is 3 April; February pays 10 000 + 5 % × 300 000 = 25 000, no issue', () => {
    const raw = () => rawWorkbook(sheets(), { locale: 'ru_RU' });
    expect(totals(raw, '2026-02')).toEqual([['Иванов', 25000]]);
    expect(runPayouts(raw(), { period: '2026-02', today: TODAY }).issues).toEqual([]);
  });
});
