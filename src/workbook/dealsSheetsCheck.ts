/**
 * The sidebar's Deals picker (issue 9 item 3, SPEC §10.1): before the owner saves one or several
 * Deals sheets, the combined table as every action will read it — deals per sheet, the column
 * report — or, when the sheets cannot be one table (different columns, a header missing, a name
 * with a comma among several), the reader's own message. Pure: the Sheets adapter hands the sheets.
 */
import { KpiUserError } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import type { LocalDate } from '../core/periods';
import { emptyDetectedMapping } from './headers';
import type { RawWorkbook } from './raw';
import { columnReportRows } from './reading/columnReport';
import { readDeals } from './reading/deals';
import { locateDeals } from './reading/dealsSheets';
import { Reader } from './reading/reader';

export interface DealsSheetsCheck {
  /** Whether these sheets read as one Deals table. */
  ok: boolean;
  /** Why not, in the workbook's language (null when ok). */
  message: string | null;
  /** The sheets read, in the order given (or as found), with how many deals each holds. */
  sheets: { name: string; deals: number }[];
  total: number;
  /** The column report of these sheets: [sheet, fields used, headers ignored]. */
  columns: string[][];
  /** Rows left out with an issue (Check data lists them). */
  issues: number;
}

/** The mapping's Deals entry for a list of sheets: the comma list the reader accepts; '' = find by name. */
export function dealsEntry(names: readonly string[]): string {
  return names.map((n) => n.trim()).filter((n) => n !== '').join(',');
}

/**
 * Reads `names` (none = as the reader finds Deals by name) as the one Deals table. `raw` needs the
 * values of those sheets only; the others may be listed by name with no values.
 */
export function checkDealsSheets(raw: RawWorkbook, names: readonly string[], today?: LocalDate): DealsSheetsCheck {
  const lang = langOfLocale(raw.locale);
  const chosen = names.map((n) => n.trim()).filter((n) => n !== '');
  const refuse = (message: string): DealsSheetsCheck => ({ ok: false, message, sheets: [], total: 0, columns: [], issues: 0 });
  const withComma = chosen.length > 1 ? chosen.find((n) => n.includes(',')) : undefined;
  if (withComma !== undefined) return refuse(msg(lang, 'sb.deals.commaName', { sheet: withComma }));
  const mapping = { ...raw.mapping, sheets: { ...raw.mapping?.sheets, deals: dealsEntry(chosen) } };
  const reader = new Reader({ ...raw, mapping }, lang, today);
  try {
    const locs = locateDeals(reader, emptyDetectedMapping());
    const { deals } = readDeals(reader, locs);
    const sheets = locs.map((l) => ({ name: l.sheet.name, deals: deals.filter((d) => d.ref.sheet === l.sheet.name).length }));
    const read = new Set(sheets.map((s) => s.name));
    return {
      ok: true,
      message: null,
      sheets,
      total: deals.length,
      columns: columnReportRows(reader.columns, lang).slice(1).filter((row) => read.has(row[0])),
      issues: new Set(reader.issues.map((i) => `${i.sheet}\u0000${i.row}`)).size,
    };
  } catch (e) {
    if (e instanceof KpiUserError) return refuse(e.message);
    throw e;
  }
}
