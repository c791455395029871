/**
 * The global server functions of *Generate payouts* and *Check data* (SPEC §6): what the menu
 * dialogs, the sidebar (google.script.run) and the tests on the built script call. Thin: read the
 * sheets once, hand over to the pipeline (the same one the CLI runs), write the tabs in batches.
 */
import { langOfLocale, msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import { periodKey } from '../core/periods';
import type { PayoutJson } from '../workbook/json';
import { runPayouts, type PipelineResult } from '../workbook/pipeline';
import { listSheets, readRawWorkbook, renderTabs, type SheetEntry } from './spreadsheetIO';

/** How long a second generation waits for the first before giving up with a message. */
const LOCK_WAIT_MS = 30_000;

/**
 * An error as the user should see it: a KpiUserError's own translated message, anything else
 * prefixed as ours; never a stack (google.script.run and the menu show `message`).
 */
function userFacingError(e: unknown, lang: Lang): Error {
  const err = e as { name?: string; message?: string } | null;
  if (err && err.name === 'KpiUserError' && typeof err.message === 'string') return new Error(err.message);
  const message = err && typeof err.message === 'string' ? err.message : String(e);
  return new Error(msg(lang, 'ui.internalError', { message }));
}

function clock(timeZone: string): { today: string; generatedAt: string } {
  const now = new Date();
  return {
    today: Utilities.formatDate(now, timeZone, 'yyyy-MM-dd'),
    generatedAt: Utilities.formatDate(now, timeZone, 'yyyy-MM-dd HH:mm'),
  };
}

/**
 * One read-and-compute of the active spreadsheet: writes nothing. Returns the list of sheets it
 * read too, so the writer does not list them again.
 */
function computeActive(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  period: string | null | undefined,
): PipelineResult & { timeZone: string; sheets: SheetEntry[] } {
  const sheets = listSheets(ss);
  const raw = readRawWorkbook(ss, {}, sheets);
  const { today, generatedAt } = clock(raw.timeZone);
  const result = runPayouts(raw, { period: period ?? null, today, generatedAt });
  return { ...result, timeZone: raw.timeZone, sheets };
}

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
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  // getDocumentLock is null outside a document (e.g. run from the script editor of a copy): then the script's lock.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(msg(lang, 'ui.busy'));
  try {
    const title = msg(lang, 'ui.title');
    ss.toast(msg(lang, 'ui.toast.reading'), title);
    const result = computeActive(ss, period);
    const key = periodKey(result.run.period);
    const tabLang = result.read.lang;
    ss.toast(msg(tabLang, 'ui.toast.computing', { period: key }), title);
    const progressEvery = Math.max(1, Math.ceil(result.tabs.length / 10)); // at most ~10 toasts
    renderTabs(ss, result.tabs, {
      lang: tabLang,
      currency: result.read.currency,
      timeZone: result.timeZone,
      onProgress: (done, total, tab) => {
        if (done % progressEvery === 0) ss.toast(msg(tabLang, 'ui.toast.writing', { n: done + 1, total, name: tab.name }), title);
      },
    }, result.sheets);
    SpreadsheetApp.flush();
    ss.toast(msg(tabLang, 'ui.toast.done', { tabs: result.tabs.length, period: key }), title);
    return result.json;
  } catch (e) {
    throw userFacingError(e, lang);
  } finally {
    lock.releaseLock();
  }
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
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  try {
    return computeActive(ss, period).json;
  } catch (e) {
    throw userFacingError(e, lang);
  }
}
