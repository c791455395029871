/**
 * The Sheets side of the sidebar's Deals picker (issue 9 item 3): the chosen sheets' values read
 * (three calls per sheet, readSheet), every other sheet listed by name only, and the pure
 * check of workbook/dealsSheetsCheck on them. sidebarServer exports what google.script.run calls.
 */
import { chosenDealsSheets, roleSheets } from '../workbook/reading/dealsSheets';
import { checkDealsSheets, type DealsSheetsCheck } from '../workbook/dealsSheetsCheck';
import type { ColumnMapping, RawSheet, RawWorkbook } from '../workbook/raw';
import { readSheet, sheetsLocalDay, userSheets } from './spreadsheetIO';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The combined Deals table of `names` (none = the sheet found by name), as every action will read it. */
export function dealsSheetsPreview(ss: Spreadsheet, names: readonly string[], mapping: ColumnMapping): DealsSheetsCheck {
  const entries = userSheets(ss);
  const byName: RawSheet[] = entries.map((e) => ({ name: e.name, values: [] }));
  const clean = names.filter((n) => typeof n === 'string' && n.trim() !== '');
  // The sheets the check will read: those ticked (each one found as the reader finds it), else Deals found by name.
  const wanted = new Set(
    (clean.length > 0 ? clean.flatMap((n) => chosenDealsSheets(byName, n).found) : roleSheets(byName, 'deals', {}).sheets).map((s) => s.name),
  );
  const timeZone = ss.getSpreadsheetTimeZone();
  const raw: RawWorkbook = {
    sheets: entries.map((e) => (wanted.has(e.name) ? readSheet(e, timeZone) : { name: e.name, values: [] })),
    timeZone,
    locale: ss.getSpreadsheetLocale(),
    currency: null,
    mapping,
    toLocalDay: sheetsLocalDay(timeZone),
  };
  return checkDealsSheets(raw, clean);
}
