/**
 * Text dates with slashes through the BUILT script (build/Code.js in node:vm, the fake
 * SpreadsheetApp): the spreadsheet's locale (`getSpreadsheetLocale`) says which way `03/04/2026`
 * reads (SPEC §10.3). Figures worked out in test/workbook/dates/workbooks.ts.
 */
import { describe, expect, it } from 'vitest';
import { rawWorkbook } from '../fixtures/rawWorkbooks';
import { DAY_FIRST, MONTH_FIRST, slashSheets } from '../workbook/dates/workbooks';
import { plain, rig } from './setup';

const NOW = new Date('2026-11-05T09:00:00Z');

const totalsIn = (locale: string, period: string, extra: unknown[][] = []) => {
  const { gas } = rig(rawWorkbook(slashSheets(...(extra as never[])), { locale }), {}, { now: NOW });
  return plain(gas.call('checkData', period));
};

describe('slash dates by the spreadsheet locale (built bundle)', () => {
  it('the same text 03/04/2026: April under ru_RU (22 500 in April), March under en_US (25 000 in March)', () => {
    // ru_RU, day first: March 10 000 + 5 % × 100 000 = 15 000; April 10 000 + 5 % × 250 000 = 22 500.
    expect(totalsIn('ru_RU', '2026-03').managers.map((m: any) => m.total)).toEqual([DAY_FIRST['2026-03']]);
    expect(totalsIn('ru_RU', '2026-04').managers.map((m: any) => m.total)).toEqual([DAY_FIRST['2026-04']]);
    // en_US, month first: March 10 000 + 5 % × 300 000 = 25 000; April 10 000 + 5 % × 50 000 = 12 500.
    const usMarch = totalsIn('en_US', '2026-03');
    expect(usMarch.managers.map((m: any) => m.total)).toEqual([MONTH_FIRST['2026-03']]);
    expect(usMarch.issues).toEqual([]);
    expect(totalsIn('en_US', '2026-04').managers.map((m: any) => m.total)).toEqual([MONTH_FIRST['2026-04']]);
    // The difference the locale makes in March: 25 000 − 15 000 = 10 000 = 5 % × 200 000.
  });

  it('generatePayouts writes the en_US reading into the statement tab', () => {
    const { gas, ss } = rig(rawWorkbook(slashSheets(), { locale: 'en_US' }), {}, { now: NOW });
    gas.call('generatePayouts', '2026-03');
    const summary = ss._sheets.find((s) => /2026-03/.test(s._name) && /Иванов/.test(s._name));
    expect(summary, ss._sheets.map((s) => s._name).join(', ')).toBeDefined();
    const cells = summary!._values.flat();
    // 5 % × (200 000 + 100 000) = 15 000 on the revenue line; total 25 000.
    expect(cells).toContain(15000);
    expect(cells).toContain(25000);
  });

  it('en_CA (order not known in Sheets): 03/04/2026 is an issue on Сделки row 2, and Иванов is withheld in March', () => {
    const json = totalsIn('en_CA', '2026-03');
    expect(json.managers).toEqual([]);
    expect(json.issues.map((i: any) => [i.sheet, i.row, i.column, i.value])).toEqual([['Сделки', 2, 'Дата', '03/04/2026'], ['Сделки', 2, 'Дата', '03/04/2026']]);
    expect(json.issues[0].message).toMatch(/^"03\/04\/2026" reads two ways: 2026-04-03 \(day first\) or 2026-03-04 \(month first\)/);
    expect(json.issues[1].message).toBe('Иванов: no payout for 2026-03 while the date "03/04/2026" ("Сделки", row 2) reads two ways (2026-04-03 or 2026-03-04).');
  });

  it('en_US with 22/03/2026 in the same sheet: the locale is contradicted, so 03/04/2026 is withheld, not read month first', () => {
    const json = totalsIn('en_US', '2026-04', [['22/03/2026', 'Иванов', 10000]]);
    expect(json.managers).toEqual([]);
    expect(json.issues[0]).toMatchObject({ sheet: 'Сделки', row: 2, column: 'Дата', value: '03/04/2026' });
    expect(json.issues[0].message).toContain('The spreadsheet\'s locale (en_US) reads month first, but this sheet also holds "22/03/2026"');
  });
});
