/**
 * An .xlsx file (exceljs) as the RawWorkbook the Apps Script adapter would hand over: every
 * worksheet's values as `getValues()` gives them — blanks `""`, dates as `Date`, a formula cell as
 * its cached result, rich text and hyperlinks as their plain text, a merged area's value in its
 * top-left cell only.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/numbers';
import type { LocalDate } from '../core/periods';
import type { RawSheet, RawWorkbook } from '../workbook/raw';
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

/**
 * A Date cell of an .xlsx is a wall-clock date-time with no zone; exceljs hands it over as that
 * wall clock read in UTC. Its calendar day is therefore the UTC day, whatever the time zone.
 */
export function xlsxLocalDay(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}

/** `formulas`, when given, receives the 0-based [row, col] of every formula with no saved value. */
export function sheetValues(ws: ExcelJS.Worksheet, formulas?: [number, number][]): CellValue[][] {
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
      if (formulas && formulaWithoutValue(cell.value)) formulas.push([r - 1, c - 1]);
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

/** Merged areas (RawSheet contract), 0-based. */
export function sheetMerges(ws: ExcelJS.Worksheet): Pick<RawSheet, 'merges'> {
  const merges: NonNullable<RawSheet['merges']> = [];
  // exceljs keeps merges by master address with 1-based top/left/bottom/right.
  const ranges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  for (const m of Object.values(ranges)) {
    if (m) merges.push({ row: m.top - 1, col: m.left - 1, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
  }
  return merges.length ? { merges } : {};
}

/** A formula cell whose file has no cached result (written by a program, never opened and saved). */
function formulaWithoutValue(v: XCellValue): boolean {
  if (!v || typeof v !== 'object' || !('formula' in v || 'sharedFormula' in v)) return false;
  const result = (v as { result?: unknown }).result;
  return result === undefined || result === null || result === '';
}

/**
 * Cyrillic in a sheet name or in a first-row header: the workbook speaks Russian. An .xlsx says
 * nothing of its country, so English is plain `en`: the currency falls back to RUB (raw.ts).
 */
export function guessLocale(sheets: RawSheet[]): string {
  const cyr = /[А-Яа-яЁё]/;
  for (const s of sheets) {
    if (cyr.test(s.name)) return 'ru_RU';
    if ((s.values[0] ?? []).some((v) => typeof v === 'string' && cyr.test(v))) return 'ru_RU';
  }
  return 'en';
}

export interface XlsxReadOptions {
  timeZone: string;
  locale?: string | null;
  currency?: string | null;
}

/** Every worksheet but those a previous run generated (marked by defined names): the add-on never reads its own tabs either. */
export function rawWorkbookOf(wb: ExcelJS.Workbook, opts: XlsxReadOptions): RawWorkbook {
  const generated = new Set(generatedMarks(wb).map((m) => m.sheet));
  const sheets: RawSheet[] = [];
  wb.eachSheet((ws) => {
    if (generated.has(ws.name)) return;
    const formulasWithoutValue: [number, number][] = [];
    const values = sheetValues(ws, formulasWithoutValue);
    sheets.push({ name: ws.name, values, ...sheetMerges(ws), ...(formulasWithoutValue.length ? { formulasWithoutValue } : {}) });
  });
  return {
    sheets,
    timeZone: opts.timeZone,
    locale: opts.locale ?? guessLocale(sheets),
    currency: opts.currency ?? null,
    toLocalDay: xlsxLocalDay,
  };
}
