import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guessLocale, rawWorkbookOf, xlsxLocalDay } from '../../src/cli/xlsxRead';
import { plainCellValue } from '../../src/cli/xlsxReadExceljs';
import { columnLetter, excelSheetName, numberFormat, sheetRef } from '../../src/cli/xlsxWrite';

describe('an .xlsx cell as getValues() gives it', () => {
  it('blank → "", formula → its cached result, rich text and hyperlinks → plain text, errors → their code', () => {
    expect(plainCellValue(null)).toBe('');
    expect(plainCellValue({ formula: 'A1*2', result: 42 })).toBe(42);
    expect(plainCellValue({ formula: 'A1*2' })).toBe('');
    expect(plainCellValue({ sharedFormula: 'B2', result: 'x' } as ExcelJS.CellValue)).toBe('x');
    expect(plainCellValue({ richText: [{ text: 'ООО ' }, { text: '«Сталь»' }] })).toBe('ООО «Сталь»');
    expect(plainCellValue({ text: 'Ромашка', hyperlink: 'https://example.com' })).toBe('Ромашка');
    expect(plainCellValue({ error: '#N/A' })).toBe('#N/A');
    const d = new Date(Date.UTC(2026, 10, 22, 23, 30));
    expect(plainCellValue(d)).toBe(d);
  });

  it('a Date cell is the calendar day it shows: the UTC day of exceljs’ wall-clock Date', () => {
    expect(xlsxLocalDay(new Date(Date.UTC(2026, 10, 22, 23, 30)))).toBe('2026-11-22');
    expect(xlsxLocalDay(new Date(Date.UTC(2026, 10, 22, 0, 0)))).toBe('2026-11-22');
  });

  it('rows are rectangular, trailing blank rows dropped, merged areas only in their top-left cell', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Сделки');
    ws.addRow(['Дата', 'Менеджер', 'Сумма']);
    ws.addRow(['01.11.2026', 'Иванов']);
    ws.getCell('A3').value = 'merged';
    ws.mergeCells('A3:B3');
    ws.getCell('A6').value = '';
    const raw = rawWorkbookOf(wb, { timeZone: 'Europe/Moscow' });
    expect(raw.sheets[0].values).toEqual([
      ['Дата', 'Менеджер', 'Сумма'],
      ['01.11.2026', 'Иванов', ''],
      ['merged', '', ''],
    ]);
    expect(raw.locale).toBe('ru_RU');
    expect(raw.currency).toBeNull();
  });

  it('language: Cyrillic in a sheet name or header → ru, else en', () => {
    expect(guessLocale([{ name: 'Deals', firstRow: () => 'Date Менеджер' }])).toBe('ru_RU');
    expect(guessLocale([{ name: 'Deals', firstRow: () => 'Date Manager' }])).toBe('en');
    expect(guessLocale([{ name: 'Сделки', firstRow: () => { throw new Error('a Russian sheet name is enough: the rows are not read'); } }])).toBe('ru_RU');
  });
});

describe('xlsx renderer helpers', () => {
  it('Excel sheet names: ≤ 31 characters, no forbidden characters, unique case-insensitively', () => {
    const taken = new Set(['сделки']);
    expect(excelSheetName('Сделки', taken)).toBe('Сделки (2)');
    const long = excelSheetName('Константинопольский Иван Петрович · 2026-11', taken);
    expect(Array.from(long).length).toBeLessThanOrEqual(31);
    expect(excelSheetName('a/b:c?[d]', taken)).toBe('a-b-c--d-');
  });
  it('a cut manager tab keeps its period: the manager part is shortened (review item 14)', () => {
    const taken = new Set<string>();
    // ' · 2026-10' is 10 characters, so 31 − 10 = 21 are left for the manager:
    // 'Константинопольский' (19) + ' ' + 'А' = 21
    const first = excelSheetName('Константинопольский Александр · 2026-10', taken);
    expect(first).toBe('Константинопольский А · 2026-10');
    expect(Array.from(first).length).toBe(31);
    // the same name again: ' (2)' takes 4 more, 31 − 10 − 4 = 17 characters of the manager
    expect(excelSheetName('Константинопольский Александр · 2026-10', taken)).toBe('Константинопольск (2) · 2026-10');
    expect(excelSheetName('Анна · 2026-10', taken)).toBe('Анна · 2026-10');
  });
  it('money format carries the currency symbol; links quote the sheet name', () => {
    expect(numberFormat('money', 'RUB', 'ru')).toBe('#,##0.00 "₽";-#,##0.00 "₽"');
    expect(numberFormat('date', 'RUB', 'ru')).toBe('dd.mm.yyyy');
    expect(sheetRef("O'Brien deals", 12)).toBe("'O''Brien deals'!A12");
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
