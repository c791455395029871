/**
 * *Close period…* (SPEC §11) in Sheets: the global `closePeriod(period, confirm)` and the menu's
 * dialog. Closing appends the period's rows below the Ledger sheet's last row in one write (the
 * add-on never rewrites an earlier row), writes the closed statements, the summary and the
 * register tab, and protects them (warning-only). Without `confirm` it writes nothing.
 */
import { dec, sum } from '../core/decimal';
import { msg } from '../core/messages/index';
import { formatMoney, type Lang } from '../core/money';
import { lastCompleteMonth, periodKey } from '../core/periods';
import { closeJson, planClosing, type CloseJson } from '../workbook/closeRun';
import type { LedgerAppend } from '../workbook/ledgerSheet';
import { errorMessage, minuteIn, spreadsheetLang, todayIn, userFacingError, withDocumentLock } from './execution';
import { listSheets, readRawWorkbook, renderTabs } from './spreadsheetIO';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 30_000;

/** A cell for setValues: text behind a quote prefix (so `2026-10` stays text and `-…` never becomes a formula). */
function sheetValue(v: string | number): string | number {
  return typeof v === 'number' ? v : v === '' ? '' : `'${v}`;
}

/** Appends the rows below the sheet's last row with one setValues (the sheet made with its header first when missing). */
export function appendLedgerRows(ss: Spreadsheet, append: LedgerAppend): void {
  if (append.rows.length === 0) return;
  const cols = append.numeric.length;
  let sheet = ss.getSheetByName(append.sheet);
  if (!sheet) {
    sheet = ss.insertSheet(append.sheet);
    const header = append.header ?? [];
    sheet.getRange(1, 1, 1, cols).setValues([header.map(sheetValue)]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  const last = Math.max(sheet.getLastRow(), 1);
  const range = sheet.getRange(last + 1, 1, append.rows.length, cols);
  range.setNumberFormats(append.rows.map(() => append.numeric.map((n) => (n ? '0.00' : '@'))));
  range.setValues(append.rows.map((r) => r.map(sheetValue)));
}

/** Warning-only protection on a closed period's tabs (SPEC §11): editing them asks first. */
export function protectClosedTabs(sheets: readonly GoogleAppsScript.Spreadsheet.Sheet[], lang: Lang, closed: { at: string; by: string }): void {
  const note = msg(lang, 'ledger.summaryClosed', closed);
  for (const sheet of sheets) sheet.protect().setDescription(note).setWarningOnly(true);
}

function closedBy(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '—';
  } catch {
    return '—';
  }
}

/** closePeriod for a spreadsheet whose language the caller read (the global and the dialog share it). */
export function closeIn(ss: Spreadsheet, lang: Lang, period: string | null | undefined, confirm: boolean): CloseJson {
  try {
    return withDocumentLock(lang, LOCK_WAIT_MS, () => {
      const sheets = listSheets(ss);
      const raw = readRawWorkbook(ss, {}, sheets);
      const now = new Date();
      const at = minuteIn(raw.timeZone, now);
      const plan = planClosing(raw, { period: period ?? null, today: todayIn(raw.timeZone, now), generatedAt: at, closedAt: at, closedBy: closedBy() });
      if (!confirm) return closeJson(plan, false);
      const tabLang = plan.result.read.lang;
      appendLedgerRows(ss, plan.append);
      const written = renderTabs(ss, plan.result.tabs, { lang: tabLang, currency: plan.result.read.currency, timeZone: raw.timeZone }, listSheets(ss));
      protectClosedTabs(written.sheets, tabLang, { at, by: plan.result.run.closed?.by ?? '' });
      SpreadsheetApp.flush();
      return closeJson(plan, true);
    });
  } catch (e) {
    throw userFacingError(e, lang);
  }
}

/**
 * Closes a period (SPEC §11). Without `confirm` it returns `{ period, managers, issues, blocking }`
 * and writes nothing; with `confirm` it closes (even while `blocking` issues withhold payouts: the
 * owner confirmed) and returns the same with `closed: true`.
 * @param period `YYYY-MM` or `YYYY-Qn`; blank = the last complete month
 * @param confirm true to close
 * @return {object} period, currency, managers, issues, blocking (and closed: true once closed)
 * @example closePeriod('2026-10', true).closed // true
 */
export function closePeriod(period?: string | null, confirm?: boolean): CloseJson {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return closeIn(ss, spreadsheetLang(ss), period, confirm === true);
}

/** Menu *Close period…*: asks the period, shows what withholds a payout and the totals, closes on Yes. */
export function menuClosePeriod(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const lang = spreadsheetLang(ss);
  const title = msg(lang, 'ledger.ui.title');
  const defaultPeriod = periodKey(lastCompleteMonth(todayIn(ss.getSpreadsheetTimeZone())));
  const answer = ui.prompt(title, msg(lang, 'ledger.ui.prompt', { period: defaultPeriod, sheet: msg(lang, 'ledger.sheetName') }), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const period = answer.getResponseText().trim() || defaultPeriod;
  try {
    const preview = closeIn(ss, lang, period, false);
    if (preview.blocking.length > 0) {
      const list = preview.blocking.slice(0, 10).map((i) => `• ${i.message}`).join('\n');
      const ok = ui.alert(title, msg(lang, 'ledger.ui.confirmBlocking', { count: preview.blocking.length, period: preview.period, list }), ui.ButtonSet.YES_NO);
      if (ok !== ui.Button.YES) return;
    }
    const total = formatMoney(sum(preview.managers.map((m) => dec(m.total))), lang, preview.currency);
    const ok = ui.alert(title, msg(lang, 'ledger.ui.confirm', { period: preview.period, managers: preview.managers.length, total }), ui.ButtonSet.YES_NO);
    if (ok !== ui.Button.YES) return;
    const done = closeIn(ss, lang, period, true);
    ui.alert(title, msg(lang, 'ledger.ui.done', { period: done.period, rows: done.managers.reduce((n, m) => n + m.lines.length, 0), sheet: msg(lang, 'ledger.sheetName'), register: msg(lang, 'ledger.registerTabName', { period: done.period }) }), ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(title, errorMessage(e), ui.ButtonSet.OK);
  }
}
