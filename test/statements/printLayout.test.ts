/**
 * Printable statements (SPEC §12), the pure part: every statement and the summary carry the print
 * setup, and statement column widths are wide enough for one A4 landscape page high (LibreOffice
 * checks the result on the demo in statementsCli.test.ts).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { fitColumnWidths, PX_PER_ROW_ON_ONE_PAGE } from '../../src/workbook/printLayout';
import { emptyPackage, writeWorkbook } from '../../src/cli/xlsxWrite';
import { openPackage } from '../../src/cli/xlsxPackage';
import type { TabModel } from '../../src/workbook/tabModel';
import { statementWorkbook } from './fixture';

describe('print setup of generated tabs', () => {
  it('every statement and the summary: A4 landscape, one page wide, the header rows repeated', () => {
    const { tabs } = runPayouts(statementWorkbook(), { period: '2026-10', today: '2026-11-05' });
    expect(tabs.map((t) => t.kind)).toEqual(['summary', 'manager', 'manager', 'manager']);
    for (const t of tabs) expect(t.page).toEqual({ orientation: 'landscape', fitToWidth: true, repeatRows: t.frozenRows });
    // statements: header 6 rows (title, manager, period, scheme, plan attainment, generated at) + blank + the lines' header = 8 rows on every page
    expect(tabs[1].frozenRows).toBe(8);
    expect(tabs[1].wrapColumns).toEqual([7, 10]);
  });

  it('the .xlsx writer turns it into page setup: paper 9 (A4), landscape, fit 1 wide × any high, rows 1:8 on every page', async () => {
    const { tabs } = runPayouts(statementWorkbook(), { period: '2026-10', today: '2026-11-05' });
    const { bytes } = writeWorkbook(emptyPackage(), [{ ...tabs[1], links: [] }], { currency: 'RUB', lang: 'ru' });
    const pkg = openPackage(bytes);
    expect(pkg.sheets).toHaveLength(1);
    const sheet = pkg.text(pkg.sheets[0].path!)!;
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(pkg.definedNames.find((d) => d.name === '_xlnm.Print_Titles')).toMatchObject({ localSheetId: 0, text: `'${pkg.sheets[0].name}'!$1:$8` });
    // and exceljs reads it back as such
    const ws = (await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).worksheets[0];
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:8');
  });
});

describe('wrapped columns in the .xlsx writer', () => {
  const tab = (rows: TabModel['rows']): TabModel => ({
    key: 'test', kind: 'summary', name: 'Wrap', rows, formats: [{ range: { row: 0, col: 0, rows: rows.length, cols: 1 }, format: 'money' }],
    bold: [], frozenRows: 0, columnWidths: [60, 100], wrapColumns: [1],
  } as unknown as TabModel);

  it('wraps text of the column, top-aligned, and makes the row as tall as its lines (15 pt a line)', async () => {
    // column B is 100 px wide:
    //   40 characters: 40 × 6.5 + 8 = 268 px → ceil(268 / 100) = 3 lines → 45 pt
    //   10 characters: 10 × 6.5 + 8 = 73 px → 1 line: wrapped, height left alone
    //   13 characters: 13 × 6.5 + 8 = 92.5 px → 1 line
    //   14 characters: 14 × 6.5 + 8 = 99 px → 1 line; 15: 105.5 → 2 lines → 30 pt
    const rows = [[1, 'x'.repeat(40)], [2, 'y'.repeat(10)], [3, 'z'.repeat(14)], [4, 'w'.repeat(15)], [5, 6]];
    const { bytes } = writeWorkbook(emptyPackage(), [tab(rows)], { currency: 'RUB', lang: 'ru' });
    const ws = (await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).worksheets[0];
    expect([1, 2, 3, 4, 5].map((r) => ws.getRow(r).height ?? null)).toEqual([45, null, null, 30, null]);
    for (const r of [1, 2, 3, 4]) expect(ws.getCell(r, 2).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // a number in the wrap column does not wrap
    expect(ws.getCell(5, 2).alignment?.wrapText).toBeFalsy();
    // the other cells of a taller row are top-aligned, and keep their number format
    expect(ws.getCell(1, 1).alignment).toMatchObject({ vertical: 'top' });
    expect(ws.getCell(1, 1).numFmt).toBe('#,##0.00 "₽";-#,##0.00 "₽"');
    expect(ws.getCell(4, 1).alignment).toMatchObject({ vertical: 'top' });
    expect(ws.getCell(2, 1).alignment?.vertical).toBeUndefined();
  });

  it('shares one style per format and alignment: 1 000 wrapped rows add 3 cell styles (money+top, wrap, money)', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, i % 2 ? 'x'.repeat(50) : 'short']);
    const before = (openPackage(emptyPackage().bytes).text('xl/styles.xml')!.match(/<xf /g) ?? []).length;
    const pkg = openPackage(writeWorkbook(emptyPackage(), [tab(rows)], { currency: 'RUB', lang: 'ru' }).bytes);
    const styles = pkg.text('xl/styles.xml')!;
    expect((styles.match(/<xf /g) ?? []).length - before).toBe(3);
  });
});

describe('fitColumnWidths', () => {
  it('sizes each column to its longest value: 10 characters × 6.5 px + 8 = 73, 13 × 6.5 + 8 = 92.5 → 93', () => {
    expect(fitColumnWidths([['Дата', 'Клиент'], ['2026-10-01', 'ООО «Ромашка»']], { max: [300, 300], grow: 1 })).toEqual([73, 93]);
  });

  it('caps a column, and one-cell rows (titles, notes) do not count', () => {
    expect(fitColumnWidths([['x'.repeat(200)], ['a', 'b'.repeat(100)]], { max: [300, 200], grow: 0 })).toEqual([60, 200]);
  });

  it('widens the grow column until the rows fit one page: 60 rows need 60 × 24 = 1 440 px', () => {
    const rows = Array.from({ length: 60 }, () => ['a', 'b']);
    const widths = fitColumnWidths(rows, { max: [100, 100], grow: 1 });
    expect(widths[0]).toBe(60);
    expect(widths[0] + widths[1]).toBe(1440);
  });

  it('property: the total width always covers the printed lines at 24 px a line (wrapped values included)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 120 })), { minLength: 2, maxLength: 80 }), (rows) => {
        const widths = fitColumnWidths(rows, { max: [120, 200], grow: 1, wrap: [1] });
        let lines = 0;
        for (const [a, b] of rows) {
          const filled = [a, b].filter((v) => v !== '').length;
          lines += filled >= 2 ? Math.max(1, Math.ceil((Array.from(b).length * 6.5 + 8) / widths[1])) : 1;
        }
        expect(widths[0] + widths[1]).toBeGreaterThanOrEqual(lines * PX_PER_ROW_ON_ONE_PAGE);
      }),
    );
  });
});
