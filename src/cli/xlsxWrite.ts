/**
 * The .xlsx renderer of tab models (the Google Sheets one lives in src/sheets/spreadsheetIO.ts):
 * values only, number formats with the currency symbol, bold ranges, frozen header rows, column
 * widths, links to rows of the input sheets. Strings are written as shared strings, so a client
 * named `=HYPERLINK(…)` or `+7 900…` stays text and never becomes a formula.
 */
import type ExcelJS from 'exceljs';
import { currencySymbol, type Lang } from '../core/money';
import type { CellFormat, TabCell, TabChart, TabModel } from '../workbook/tabModel';

/** Excel's own limits on a sheet name: 31 characters, none of `: \ / ? * [ ]`. */
export const EXCEL_MAX_SHEET_NAME = 31;

export function excelSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  for (let n = 1; ; n++) {
    const mark = n === 1 ? '' : ` (${n})`;
    const name = Array.from(clean).slice(0, EXCEL_MAX_SHEET_NAME - mark.length).join('').trimEnd() + mark;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export function numberFormat(format: CellFormat, currency: string, lang: Lang): string | null {
  const sym = currencySymbol(currency).replace(/"/g, '');
  switch (format) {
    case 'money': return `#,##0.00 "${sym}";-#,##0.00 "${sym}"`;
    case 'percent': return '0.00%';
    case 'coefficient': return '0.0000';
    case 'number': return '#,##0.00';
    case 'integer': return '0';
    case 'date': return lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
    case 'text': return '@';
  }
}

/** A sheet reference for a hyperlink location: `'Сделки'!A12`. */
export function sheetRef(sheet: string, row: number, col = 1): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(col)}${row}`;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A calendar day of the tab model (12:00 UTC) as the Excel date of that day (UTC midnight). */
function excelDate(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function cellValue(v: TabCell): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (Object.prototype.toString.call(v) === '[object Date]') return excelDate(v as Date);
  return v as string | number | boolean;
}

export interface RenderedChart {
  sheetName: string;
  chart: TabChart;
}

export interface RenderOptions {
  currency: string;
  lang: Lang;
}

/**
 * Adds one worksheet per tab model, after the workbook's own sheets (which are left as they are).
 * Returns the charts to inject after saving (exceljs cannot write charts).
 */
export function renderTabs(wb: ExcelJS.Workbook, tabs: TabModel[], opts: RenderOptions): { sheetNames: string[]; charts: RenderedChart[] } {
  const taken = new Set<string>();
  wb.eachSheet((ws) => taken.add(ws.name.toLowerCase()));
  const sheetNames: string[] = [];
  const charts: RenderedChart[] = [];
  for (const tab of tabs) {
    const name = excelSheetName(tab.name, taken);
    sheetNames.push(name);
    const ws = wb.addWorksheet(name, {
      views: tab.frozenRows > 0 ? [{ state: 'frozen', ySplit: tab.frozenRows, xSplit: 0 }] : [],
    });
    tab.rows.forEach((cells, r) => {
      if (cells.length === 0) return;
      const row = ws.getRow(r + 1);
      cells.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        row.getCell(c + 1).value = cellValue(v);
      });
    });
    for (const f of tab.formats) {
      const fmt = numberFormat(f.format, opts.currency, opts.lang);
      if (!fmt) continue;
      for (let r = f.range.row; r < f.range.row + f.range.rows; r++) {
        for (let c = f.range.col; c < f.range.col + f.range.cols; c++) ws.getCell(r + 1, c + 1).numFmt = fmt;
      }
    }
    for (const b of tab.bold) {
      for (let r = b.row; r < b.row + b.rows; r++) {
        for (let c = b.col; c < b.col + b.cols; c++) ws.getCell(r + 1, c + 1).font = { bold: true };
      }
    }
    for (const link of tab.links ?? []) {
      const cell = ws.getCell(link.row + 1, link.col + 1);
      const shown = cell.value === null || cell.value === undefined ? String(link.targetRow) : cell.value;
      // Internal link: exceljs writes `location`; the post-processing drops the external rel it also adds.
      cell.value = { text: String(shown), hyperlink: sheetRef(link.sheet, link.targetRow) };
      cell.font = { ...(cell.font ?? {}), color: { argb: 'FF1155CC' }, underline: true };
    }
    (tab.columnWidths ?? []).forEach((px, c) => {
      ws.getColumn(c + 1).width = Math.max(4, Math.round(px / 7));
    });
    for (const chart of tab.charts ?? []) charts.push({ sheetName: name, chart });
  }
  return { sheetNames, charts };
}
