/**
 * The global server functions of *Generate payouts* and *Check data* (SPEC §6): what the menu
 * dialogs, the sidebar (google.script.run) and the tests on the built script call. The work is
 * payoutRun.ts's, shared with the menu's dialogs.
 */
import type { PayoutJson } from '../workbook/json';
import { spreadsheetLang } from './execution';
import { checkIn, generateIn } from './payoutRun';

/**
 * *Generate payouts*: writes one tab per manager and the summary tab for the period (replacing
 * only tabs it generated before), and returns the SPEC §8 object, as `kpi-payouts --json` prints it.
 * Holds the document lock so two generations never interleave.
 * @param period `YYYY-MM` or `YYYY-Qn`; blank = the last complete month
 * @return {object} the SPEC §8 JSON: period, currency, managers, issues
 * @example generatePayouts('2026-10').managers[0].total
 */
export function generatePayouts(period?: string | null): PayoutJson {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return generateIn(ss, spreadsheetLang(ss), period);
}

/**
 * *Check data*: the same object as generatePayouts returns (every issue included), writing
 * nothing to the spreadsheet.
 * @param period `YYYY-MM` or `YYYY-Qn`; blank = the last complete month
 * @return {object} the SPEC §8 JSON: period, currency, managers, issues
 * @example checkData().issues.length
 */
export function checkData(period?: string | null): PayoutJson {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return checkIn(ss, spreadsheetLang(ss), period);
}
