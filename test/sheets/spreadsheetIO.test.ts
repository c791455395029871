/**
 * The pure parts of the Sheets renderer, in Node: text survives Sheets' input parsing, days land
 * on midnight in the spreadsheet's zone, tab names stay within Sheets' rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1Notation, cellBlock, linkRuns, numberFormatPattern, uniqueSheetName } from '../../src/sheets/spreadsheetIO';
import { serialDay } from '../../src/sheets/sheetLimits';
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

  it('writes a TabModel day (12:00 UTC) as its serial day number, the same in every zone, and lists the date cells', () => {
    const noon = new Date(Date.UTC(2026, 10, 3, 12));
    // 2026-11-03: 46 329 days after 1899-12-30 (Excel/Sheets serial; 2026-01-01 is 46 023, + 306 days)
    const block = cellBlock(tab([['x', noon], [null, noon]]));
    expect(block.values).toEqual([["'x", 46329], ['', 46329]]);
    expect(block.dateCells).toEqual([{ row: 0, col: 1, rows: 2, cols: 1 }]);
    expect(serialDay('1899-12-30')).toBe(0);
    expect(serialDay('1900-03-01')).toBe(61);
    expect(serialDay('2026-01-01')).toBe(46023);
  });

  it('cuts a string past Sheets’ 50 000 characters with … (UTF-16 units, no half emoji), apostrophe included', () => {
    // 49 990 + 2 × 10 = 50 010 units. Room: 50 000 − 1 apostrophe − 1 … = 49 998 units of text:
    // 49 990 + 4 whole emoji (8 units) → '…' after them, 1 + 49 998 + 1 = 50 000
    const even = 'я'.repeat(49_990) + '😀'.repeat(10);
    const [[a]] = cellBlock(tab([[even]])).values as string[][];
    expect(a.length).toBe(50_000);
    expect(a.slice(-3)).toBe('😀…');
    // one unit further the 49 998th unit is the first half of an emoji: that emoji goes whole, 49 999 written
    const odd = 'я'.repeat(49_991) + '😀'.repeat(10);
    const [[b]] = cellBlock(tab([[odd]])).values as string[][];
    expect(b.length).toBe(49_999);
    expect(b.slice(-3)).toBe('😀…');
    const ok = 'a'.repeat(49_999);
    expect(cellBlock(tab([[ok]])).values[0][0]).toBe(`'${ok}`);
  });

  it('pads a 130 000-row tab without overflowing the stack', () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => [i]);
    expect(cellBlock(tab(rows)).rows).toBe(130_000);
  });
});

describe('tab names and formats', () => {
  it('a unique name is at most 100 UTF-16 units, never half an emoji, and clashes with no other sheet (case-insensitive)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 140, unit: 'binary' }), fc.array(fc.string({ maxLength: 104 })), (wanted, others) => {
        const taken = new Set(others.map((o) => o.toLowerCase()));
        const name = uniqueSheetName(wanted, taken);
        expect(name.length).toBeLessThanOrEqual(100);
        expect(/[\ud800-\udbff]$/.test(name.replace(/ \(\d+\)$/, ''))).toBe(false);
        expect(taken.has(name.toLowerCase())).toBe(false);
        expect(name.trim()).not.toBe('');
      }),
    );
    expect(uniqueSheetName('Иванов · 2026-11', new Set(['иванов · 2026-11']))).toBe('Иванов · 2026-11 (2)');
    // 99 units then an emoji: 101 units; the emoji goes whole, not half
    expect(uniqueSheetName('a'.repeat(99) + '😀', new Set())).toBe('a'.repeat(99));
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
  it('one run per column stretch, whatever sheets it links to, so the setFormulas calls do not grow with the rows', () => {
    const deals = Array.from({ length: 500 }, (_, i) => ({ row: 20 + i, col: 7, sheet: 'Сделки', targetRow: 5 + i }));
    expect(linkRuns(deals)).toHaveLength(1);
    // an issues list: Сделки rows 30–31, then Оплаты row 32 — one run: each formula carries its own sheet's gid
    const issues = [
      { row: 31, col: 1, sheet: 'Сделки', targetRow: 9 },
      { row: 30, col: 1, sheet: 'Сделки', targetRow: 4 },
      { row: 32, col: 1, sheet: 'Оплаты', targetRow: 3 },
    ];
    expect(linkRuns(issues).map((r) => r.map((l) => `${l.sheet}:${l.row}`))).toEqual([['Сделки:30', 'Сделки:31', 'Оплаты:32']]);
  });
});
