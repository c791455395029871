/**
 * The workbook as both adapters hand it over: Apps Script (`getValues()` per sheet) and the CLI
 * (exceljs). Row 0 of `values` is what Sheets shows as row 1. Blanks are `""`.
 */
import type { CellValue } from '../core/numbers';
import type { LocalDate } from '../core/periods';
import type { DateOrder } from '../core/dateOrder';
import type { Lang } from '../core/money';

export interface RawSheet {
  name: string;
  values: CellValue[][];
  /**
   * Number format pattern of each cell, same shape as `values` (`getNumberFormats()`; the .xlsx
   * numFmt). Optional: readers treat a missing format as "General". Used where a format changes the
   * meaning (a rate cell formatted as %, the Deals amount column's currency).
   */
  formats?: string[][];
  /** Merged areas, 0-based; the value sits in the top-left cell (SPEC §10.1: it counts for every row). */
  merges?: { row: number; col: number; rows: number; cols: number }[];
  /** 0-based [row, col] of cells holding a formula with no saved value (SPEC §10.1: its own issue). */
  formulasWithoutValue?: [number, number][];
}

/** Column mapping chosen by hand in the sidebar: sheet role → field → header text as written. */
export interface ColumnMapping {
  sheets?: Partial<Record<SheetRole, string>>; // role → the sheet name to use
  columns?: Partial<Record<SheetRole, Record<string, string>>>; // role → field → header
}

export type SheetRole = 'deals' | 'payments' | 'plans' | 'kpi' | 'schemes' | 'managers';

export interface RawWorkbook {
  sheets: RawSheet[];
  /** IANA zone of the spreadsheet; dates are read as days in it. */
  timeZone: string;
  /** Spreadsheet locale, e.g. `ru_RU`; picks the language when set. */
  locale: string | null;
  /** ISO currency; null → derived from the locale (ru → RUB) or RUB. */
  currency: string | null;
  mapping?: ColumnMapping;
  /** How a Date cell becomes a calendar day (Utilities.formatDate in Apps Script). Default: Intl in timeZone. */
  toLocalDay?: (d: Date) => LocalDate;
  /**
   * How a text date with slashes reads (`03/04/2026`): given by the CLI (`--date-order`, day first
   * for a Russian workbook); absent → from `locale` (core/dateOrder.ts); null → not known, and a
   * date that reads two ways is an issue (SPEC §10.3).
   */
  dateOrder?: DateOrder | null;
  /**
   * The language the workbook's text numbers are written in, when `locale` is only the language of
   * the messages (the CLI's `--lang`): `30,000` is thirty thousand in an English workbook and 30 in a
   * Russian one (SPEC §4), whatever language the output is in. Absent → `locale`'s language.
   */
  numberLang?: Lang;
}
