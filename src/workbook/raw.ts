/**
 * The workbook as both adapters hand it over: Apps Script (`getValues()` per sheet) and the CLI
 * (exceljs). Row 0 of `values` is what Sheets shows as row 1. Blanks are `""`.
 */
import type { CellValue } from '../core/numbers';
import type { LocalDate } from '../core/periods';

export interface RawSheet {
  name: string;
  values: CellValue[][];
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
}
