/**
 * SPEC §10.3 for the custom functions on the built script: a date quoted in an error message is
 * the day it is in the spreadsheet's zone (a Date Sheets passes is midnight there, the day before
 * in UTC east of Greenwich), and a tier cell Sheets turned into a time (`1:30`) is read as typed.
 */
import { describe, expect, it } from 'vitest';
import { appsScriptGlobals, fakeSpreadsheet, serialToDate } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';

function gasIn(timeZone: string) {
  const ss = fakeSpreadsheet({ sheets: { S: [] }, timeZone, locale: 'ru_RU' });
  return loadBundle(appsScriptGlobals(ss));
}

describe('custom functions and Sheets’ dates', () => {
  it('an error quotes 2026-11-22, not 2026-11-21, for a date cell in Moscow (UTC+3)', () => {
    const gas = gasIn('Europe/Moscow');
    const cell = gas.date(Date.UTC(2026, 10, 21, 21)); // 2026-11-22 00:00 in Moscow
    expect(() => gas.call('KPI_COMMISSION', cell, 0.05)).toThrow(/2026-11-22/);
    expect(() => gas.call('KPI_COMMISSION', cell, 0.05)).not.toThrow(/2026-11-21/);
  });

  it('a single tier typed as 1:30 (a time to Sheets) reads as the text `1:30`', () => {
    const gas = gasIn('Europe/Moscow');
    const time = gas.date(serialToDate(1.5 / 24, 'Europe/Moscow').getTime()); // 01:30 on 1899-12-30, Moscow wall clock (LMT +2:30:17)
    // KPI_TIER of a table of amounts (1 deal → 30): a rate of 30 would read two ways (SPEC §10.2), an amount does not
    expect(gas.call('KPI_TIER', 1, time)).toBe(30);
    expect(gas.call('KPI_TIER', 1, '1:30')).toBe(30);
  });
});
