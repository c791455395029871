/**
 * The pure parts of the Sheets renderer, in Node: text survives Sheets' input parsing, days land
 * on midnight in the spreadsheet's zone, tab names stay within Sheets' rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1Notation, cellBlock, linkRuns, numberFormatPattern, uniqueSheetName, zonedMidnight } from '../../src/sheets/spreadsheetIO';
import type { TabModel } from '../../src/workbook/tabModel';
import { fakeSpreadsheet, formatDate } from '../harness/fakeSpreadsheetApp';

const tab = (rows: TabModel['rows']): TabModel => ({ name: 't', kind: 'manager', key: 'k', rows, formats: [], bold: [], frozenRows: 0 });

describe('cellBlock', () => {
  it('any string written through setValues reads back as the same text, never a formula or a number', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 20 }), (texts) => {
        const block = cellBlock(tab(texts.map((t) => [t])), 'Europe/Moscow');
        const ss = fakeSpreadsheet({ sheets: { S: [] } });
        const range = ss.getSheetByName('S')!.getRange(1, 1, block.rows, block.cols);
        range.setValues(block.values);
        expect(range.getValues().map((r) => r[0])).toEqual(texts);
        expect(range.getFormulas().flat().every((f) => f === '')).toBe(true);
      }),
    );
    // the cases that matter, by hand
    const hostile = ['=HYPERLINK("http://x";"y")', '+7 900 123-45-67', '-5', '@user', '00123', "'quoted", 'TRUE', '12,5%'];
    const block = cellBlock(tab([hostile]), 'UTC');
    expect(block.values[0]).toEqual(hostile.map((h) => `'${h}`));
  });

  it('pads ragged rows, keeps numbers and blanks, and needs at least one cell', () => {
    expect(cellBlock(tab([[1, 'a'], [], [null, 2.5, true]]), 'UTC').values).toEqual([
      [1, "'a", ''],
      ['', '', ''],
      ['', 2.5, true],
    ]);
    expect(cellBlock(tab([]), 'UTC')).toMatchObject({ rows: 1, cols: 1, values: [['']] });
  });

  it('writes a TabModel day (12:00 UTC) as midnight of that day in the spreadsheet zone', () => {
    const noon = new Date(Date.UTC(2026, 10, 3, 12));
    const [[moscow]] = cellBlock(tab([[noon]]), 'Europe/Moscow').values as Date[][];
    expect(moscow.toISOString()).toBe('2026-11-02T21:00:00.000Z'); // 00:00 at UTC+3
    const [[kiritimati]] = cellBlock(tab([[noon]]), 'Pacific/Kiritimati').values as Date[][];
    expect(kiritimati.toISOString()).toBe('2026-11-02T10:00:00.000Z'); // 00:00 at UTC+14: still 3 November there
  });
});

describe('zonedMidnight', () => {
  const zones = ['Europe/Moscow', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Sydney', 'Europe/London', 'UTC'];
  it('is 00:00 of that very day in the zone, across DST changes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), fc.constantFrom(...zones), (d, tz) => {
        const day = d.toISOString().slice(0, 10);
        expect(formatDate(zonedMidnight(day, tz), tz, 'yyyy-MM-dd HH:mm')).toBe(`${day} 00:00`);
      }),
    );
    // New York springs forward on 2026-03-08 at 02:00: midnight is still EST (UTC−5)
    expect(zonedMidnight('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});

describe('tab names and formats', () => {
  it('a unique name is at most 100 characters and clashes with no other sheet (case-insensitive)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 140 }), fc.array(fc.string({ maxLength: 104 })), (wanted, others) => {
        const taken = new Set(others.map((o) => o.toLowerCase()));
        const name = uniqueSheetName(wanted, taken);
        expect(Array.from(name).length).toBeLessThanOrEqual(100);
        expect(taken.has(name.toLowerCase())).toBe(false);
        expect(name.trim()).not.toBe('');
      }),
    );
    expect(uniqueSheetName('Иванов · 2026-11', new Set(['иванов · 2026-11']))).toBe('Иванов · 2026-11 (2)');
    expect(uniqueSheetName('Иванов · 2026-11', new Set(['иванов · 2026-11', 'иванов · 2026-11 (2)']))).toBe('Иванов · 2026-11 (3)');
  });

  it('formats money in the currency, dates in the language', () => {
    expect(numberFormatPattern('money', 'RUB', 'ru')).toBe('#,##0.00 [$₽-419]');
    expect(numberFormatPattern('money', 'USD', 'en')).toBe('[$$]#,##0.00');
    expect(numberFormatPattern('money', 'EUR', 'en')).toBe('#,##0.00 [$€]');
    expect(numberFormatPattern('date', 'RUB', 'ru')).toBe('dd.mm.yyyy');
    expect(numberFormatPattern('date', 'USD', 'en')).toBe('yyyy-mm-dd');
    expect(numberFormatPattern('percent', 'RUB', 'ru')).toBe('0.00%');
    expect(numberFormatPattern('coefficient', 'RUB', 'ru')).toBe('0.0000');
    expect(a1Notation({ row: 0, col: 0, rows: 1, cols: 1 })).toBe('A1');
    expect(a1Notation({ row: 4, col: 25, rows: 3, cols: 2 })).toBe('Z5:AA7');
  });
});

describe('linkRuns', () => {
  it('one run per column stretch to one sheet, so the setFormulas calls do not grow with the rows', () => {
    const deals = Array.from({ length: 500 }, (_, i) => ({ row: 20 + i, col: 7, sheet: 'Сделки', targetRow: 5 + i }));
    expect(linkRuns(deals)).toHaveLength(1);
    // an issues list: Сделки rows 30–31, then Оплаты row 32 — two runs, each to its own sheet
    const issues = [
      { row: 31, col: 1, sheet: 'Сделки', targetRow: 9 },
      { row: 30, col: 1, sheet: 'Сделки', targetRow: 4 },
      { row: 32, col: 1, sheet: 'Оплаты', targetRow: 3 },
    ];
    expect(linkRuns(issues).map((r) => r.map((l) => `${l.sheet}:${l.row}`))).toEqual([['Сделки:30', 'Сделки:31'], ['Оплаты:32']]);
  });
});
