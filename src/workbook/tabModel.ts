/**
 * The rendering-neutral description of a generated tab. The same model is written into Google
 * Sheets (src/sheets) and into .xlsx (src/cli): two renderers, one truth.
 *
 * Cells hold values only (statements are snapshots, SPEC §6). A string cell is always text:
 * renderers must keep `=…`, `+…`, `-…`, `@…` from becoming formulas.
 */
export type TabCell = string | number | boolean | Date | null;

export type CellFormat =
  | 'money' // the workbook currency, 2 decimals
  | 'percent' // 0.1234 → 12.34 %
  | 'coefficient' // K, 4 decimals
  | 'number' // plain number, up to 2 decimals
  | 'integer'
  | 'date'
  | 'text';

/** A 0-based rectangle. */
export interface CellRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface TabChart {
  title: string;
  /** Column chart of the series; each series is one column of the tab, categories another. */
  kind: 'column';
  categories: CellRange; // one column of labels (header excluded)
  /** `target`: a reference line (the 100 % of plan), drawn thin and dashed without markers. */
  series: { title: string; range: CellRange; axis?: 'left' | 'right'; target?: boolean }[];
  /** Titles of the value axes: the left one names the currency (₽), the right one the percent. */
  axisTitles?: { left?: string; right?: string };
  /** Where the chart's top-left corner sits (0-based cell). */
  anchor: { row: number; col: number };
}

/** A link from a cell to a row of another sheet (the issues list → the offending row). */
export interface TabLink {
  row: number;
  col: number;
  sheet: string;
  targetRow: number; // as Sheets numbers it
}

export interface TabModel {
  /** Desired tab name; the renderer cuts it to Sheets' limits and makes it unique. */
  name: string;
  kind: 'manager' | 'summary' | 'simulation' | 'register' | 'regulation';
  /** Identifies a generated tab across reruns: e.g. `payout:2026-11:Иванов`. */
  key: string;
  rows: TabCell[][]; // ragged allowed; renderers pad to the widest row
  formats: { range: CellRange; format: CellFormat }[];
  bold: CellRange[];
  frozenRows: number;
  columnWidths?: number[]; // pixels
  links?: TabLink[];
  charts?: TabChart[];
  /** Ranges whose text wraps within the column (the regulation's clauses); renderers set wrapping on them. */
  wrap?: CellRange[];
  /** Print setup (SPEC §12): A4 paper, fit to one page wide, the first `repeatRows` rows on every page. .xlsx writers write it; Sheets has no print API. */
  /** Columns (0-based) whose long text wraps within the column instead of running on (printable statements). */
  wrapColumns?: number[];
  page?: { orientation: 'landscape' | 'portrait'; fitToWidth: boolean; repeatRows: number };
}

export interface TabRenderOptions {
  currency: string;
  lang: 'ru' | 'en';
}
