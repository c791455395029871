/**
 * The .xlsx renderer of tab models (the Google Sheets one lives in src/sheets/spreadsheetIO.ts):
 * values only, number formats with the currency symbol, bold ranges, frozen header rows, column
 * widths, links to rows of the input sheets. Strings are written as shared strings, so a client
 * named `=HYPERLINK(…)` or `+7 900…` stays text and never becomes a formula.
 */
import type ExcelJS from 'exceljs';
import { currencySymbol, type Lang } from '../core/money';
import type { CellFormat, TabCell, TabChart, TabModel } from '../workbook/tabModel';
import { keyPeriod } from '../workbook/tabs';

/** Excel's own limits on a sheet name: 31 characters, none of `: \ / ? * [ ]`. */
const EXCEL_MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts, unique against `taken`. A tab name `<manager> · <period>` keeps its
 * ` · <period>` when cut: the manager part is shortened (`Константинопольский Ал · 2026-10`).
 */
export function excelSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const dot = clean.lastIndexOf(' · ');
  const suffix = dot > 0 && Array.from(clean.slice(dot)).length < EXCEL_MAX_SHEET_NAME - 4 ? clean.slice(dot) : '';
  const base = Array.from(suffix ? clean.slice(0, dot) : clean);
  for (let n = 1; ; n++) {
    const mark = n === 1 ? '' : ` (${n})`;
    const room = EXCEL_MAX_SHEET_NAME - mark.length - Array.from(suffix).length;
    const name = base.slice(0, room).join('').trimEnd() + mark + suffix;
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
 * Generated sheets are marked in the .xlsx by workbook-level defined names, one per sheet:
 * `_kpiPayouts_2026_10_3` → `'Анна · 2026-10'!$A$1` (the period in the name, the sheet in the
 * reference, which Excel and LibreOffice keep pointing at the sheet when it is renamed). A rerun
 * of the CLI on its own output finds them, as the add-on finds its developer metadata.
 */
const MARK_PREFIX = '_kpiPayouts_';
const MARK_NAME = /^_kpiPayouts_(\d{4})_(\d{2}|Q[1-4])_\d+$/;

export interface GeneratedMark {
  /** The defined name. */
  name: string;
  period: string;
  sheet: string;
}

/** The generated sheets the workbook marks (a mark whose sheet is gone is listed too; renderTabs drops it). */
export function generatedMarks(wb: ExcelJS.Workbook): GeneratedMark[] {
  const out: GeneratedMark[] = [];
  for (const { name, ranges } of wb.definedNames.model) {
    const m = MARK_NAME.exec(name);
    if (!m) continue;
    for (const range of ranges) {
      const at = range.lastIndexOf('!');
      if (at <= 0) continue;
      let sheet = range.slice(0, at);
      if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
      out.push({ name, period: `${m[1]}-${m[2]}`, sheet });
    }
  }
  return out;
}

/**
 * Adds one worksheet per tab model, after the workbook's own sheets (which are left as they are).
 * Sheets this command generated before for the same period(s) (marked, see MARK_PREFIX) are
 * removed first, so a rerun on its own output replaces them instead of adding `(2)` copies; an
 * unmarked sheet with a clashing name is never touched. Returns the charts to inject after saving
 * (exceljs cannot write charts).
 */
export function renderTabs(wb: ExcelJS.Workbook, tabs: TabModel[], opts: RenderOptions): { sheetNames: string[]; charts: RenderedChart[] } {
  const periods = new Set(tabs.map((t) => keyPeriod(t.key)).filter((p): p is string => p !== null));
  const marks = generatedMarks(wb);
  const dropped = new Set<string>();
  for (const mark of marks) {
    if (!periods.has(mark.period)) continue;
    dropped.add(mark.name);
    const ws = wb.getWorksheet(mark.sheet);
    if (ws) wb.removeWorksheet(ws.id);
  }
  let next = 1;
  for (const mark of marks) if (!dropped.has(mark.name)) next = Math.max(next, Number(mark.name.slice(mark.name.lastIndexOf('_') + 1)) + 1);
  if (dropped.size > 0) wb.definedNames.model = wb.definedNames.model.filter((n) => !dropped.has(n.name));

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
    const period = keyPeriod(tab.key);
    if (period) wb.definedNames.add(`${sheetRef(name, 1).replace(/!A1$/, '!$A$1')}`, `${MARK_PREFIX}${period.replace('-', '_')}_${next++}`);
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
    wrapColumns(ws, tab);
    if (tab.page) ws.pageSetup = pageSetupOf(tab.page);
    for (const chart of tab.charts ?? []) charts.push({ sheetName: name, chart });
  }
  return { sheetNames, charts };
}

/**
 * Long text in `tab.wrapColumns` wraps, and its row is made as tall as the lines it takes (LibreOffice
 * and Excel keep a row's stored height on opening, so a wrapped row without one would overlap the next).
 */
function wrapColumns(ws: ExcelJS.Worksheet, tab: TabModel): void {
  const wrap = tab.wrapColumns ?? [];
  if (wrap.length === 0) return;
  tab.rows.forEach((cells, r) => {
    let lines = 1;
    for (const c of wrap) {
      const v = cells[c];
      if (typeof v !== 'string' || v === '') continue;
      ws.getCell(r + 1, c + 1).alignment = { wrapText: true, vertical: 'top' };
      const px = tab.columnWidths?.[c] ?? 100;
      lines = Math.max(lines, Math.ceil((Array.from(v).length * 6.5 + 8) / px));
    }
    if (lines === 1) return;
    const row = ws.getRow(r + 1);
    row.height = 15 * lines;
    cells.forEach((_, c) => {
      const cell = row.getCell(c + 1);
      cell.alignment = { ...(cell.alignment ?? {}), vertical: 'top' };
    });
  });
}

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;

/**
 * TabModel.page as exceljs' page setup (SPEC §12): A4, one page wide and as many high as needed
 * (fitToHeight 0), the header rows on every page, narrow margins (inches) so the statement keeps its size.
 */
export function pageSetupOf(page: NonNullable<TabModel['page']>): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: PAPER_A4,
    orientation: page.orientation,
    ...(page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(page.repeatRows > 0 ? { printTitlesRow: `1:${page.repeatRows}` } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}
