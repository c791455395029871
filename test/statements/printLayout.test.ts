/**
 * Printable statements (SPEC §12), the pure part: every statement and the summary carry the print
 * setup, and statement column widths are wide enough for one A4 landscape page high (LibreOffice
 * checks the result on the demo in statementsCli.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { fitColumnWidths, PX_PER_ROW_ON_ONE_PAGE } from '../../src/workbook/printLayout';
import { pageSetupOf } from '../../src/cli/xlsxWrite';
import { statementWorkbook } from './fixture';

describe('print setup of generated tabs', () => {
  it('every statement and the summary: A4 landscape, one page wide, the header rows repeated', () => {
    const { tabs } = runPayouts(statementWorkbook(), { period: '2026-10', today: '2026-11-05' });
    expect(tabs.map((t) => t.kind)).toEqual(['summary', 'manager', 'manager', 'manager']);
    for (const t of tabs) expect(t.page).toEqual({ orientation: 'landscape', fitToWidth: true, repeatRows: t.frozenRows });
    // statements: header 5 rows + blank + the lines' header = 7 rows on every page
    expect(tabs[1].frozenRows).toBe(7);
    expect(tabs[1].wrapColumns).toEqual([7, 9]);
  });

  it('the .xlsx writer turns it into exceljs page setup: paper 9 (A4), fit 1 wide × any high, rows 1:7', () => {
    expect(pageSetupOf({ orientation: 'landscape', fitToWidth: true, repeatRows: 7 })).toMatchObject({
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:7',
    });
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
