/**
 * The reference reader the CLI used before the streaming one (xlsxRead.ts): an exceljs Workbook
 * (already loaded by the caller — this file imports exceljs' types only) as the RawWorkbook the Apps Script adapter would hand over: every
 * worksheet's values as `getValues()` gives them — blanks `""`, dates as `Date`, a formula cell as
 * its cached result, rich text and hyperlinks as their plain text, a merged area's value in its
 * top-left cell only.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/numbers';
import type { RawSheet, RawWorkbook } from '../workbook/raw';
import { guessLocale, xlsxLocalDay, type XlsxReadOptions } from './xlsxRead';
import { generatedMarks } from './xlsxWrite';

type XCellValue = ExcelJS.CellValue;

/** One exceljs cell value as Sheets' getValues() would give it. */
export function plainCellValue(v: XCellValue): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return v as Date;
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return plainCellValue((o.result ?? null) as XCellValue);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('hyperlink' in o || 'text' in o) return plainCellValue((o.text ?? '') as XCellValue);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

export function sheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  let width = 0;
  let lastNonBlank = -1;
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    const cellCount = row.cellCount;
    for (let c = 1; c <= cellCount; c++) {
      const cell = row.getCell(c);
      const isSlave = cell.isMerged && cell.master && cell.master.address !== cell.address;
      cells.push(isSlave ? '' : plainCellValue(cell.value));
    }
    while (cells.length > 0 && (cells[cells.length - 1] === '' || cells[cells.length - 1] === null)) cells.pop();
    if (cells.length > 0) lastNonBlank = r - 1;
    width = Math.max(width, cells.length);
    rows.push(cells);
  }
  rows.length = lastNonBlank + 1;
  for (const cells of rows) while (cells.length < width) cells.push('');
  return rows;
}


/** Every worksheet but those a previous run generated (marked by defined names): the add-on never reads its own tabs either. */
export function exceljsRawWorkbook(wb: ExcelJS.Workbook, opts: XlsxReadOptions): RawWorkbook {
  const names = wb.definedNames.model.flatMap((n) => n.ranges.map((text) => ({ name: n.name, text })));
  const generated = new Set(generatedMarks(names).map((m) => m.sheet));
  const sheets: RawSheet[] = [];
  wb.eachSheet((ws) => {
    if (!generated.has(ws.name)) sheets.push({ name: ws.name, values: sheetValues(ws) });
  });
  return {
    sheets,
    timeZone: opts.timeZone,
    locale: opts.locale ?? guessLocale(sheets.map((s) => ({ name: s.name, firstRow: () => (s.values[0] ?? []).join(' ') }))),
    currency: opts.currency ?? null,
    toLocalDay: xlsxLocalDay,
  };
}
