/**
 * *Generate payouts* and *Check data* for a spreadsheet whose language the caller has read: the
 * global functions (server.ts) and the menu's dialogs (dialogs.ts) both call these, so a menu
 * action reads the spreadsheet's locale once. Thin: read the sheets once, hand over to the
 * pipeline (the same one the CLI runs), write the tabs in batches.
 */
import { msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import { periodKey } from '../core/periods';
import type { PayoutJson } from '../workbook/json';
import { runPayouts, type PipelineResult } from '../workbook/pipeline';
import { protectClosedTabs } from './closeServer';
import { courtesy, minuteIn, TIME_BUDGET_MS, todayIn, userFacingError, withDocumentLock } from './execution';
import { listSheets, readRawWorkbook, renderTabs, type SheetEntry } from './spreadsheetIO';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a second generation waits for the first before giving up with a message. */
const LOCK_WAIT_MS = 30_000;

/**
 * One read-and-compute of the active spreadsheet: writes nothing. Returns the list of sheets it
 * read too, so the writer does not list them again.
 */
function computeActive(
  ss: Spreadsheet,
  period: string | null | undefined,
): PipelineResult & { timeZone: string; sheets: SheetEntry[] } {
  const sheets = listSheets(ss);
  const raw = readRawWorkbook(ss, {}, sheets);
  const now = new Date();
  const result = runPayouts(raw, { period: period ?? null, today: todayIn(raw.timeZone, now), generatedAt: minuteIn(raw.timeZone, now) });
  return { ...result, timeZone: raw.timeZone, sheets };
}

/**
 * Generates the period's tabs under the document lock (taken before the sheet list is read) and
 * returns the SPEC §8 object; errors as the user should see them. Stops cleanly before Apps
 * Script's 6-minute limit (the previous tabs intact). Once the tabs are committed nothing reports
 * a failure: the toasts and the flush after it are courtesies.
 */
export function generateIn(ss: Spreadsheet, lang: Lang, period: string | null | undefined): PayoutJson {
  const started = Date.now();
  try {
    return withDocumentLock(lang, LOCK_WAIT_MS, () => {
      const title = msg(lang, 'ui.title');
      courtesy(() => ss.toast(msg(lang, 'ui.toast.reading'), title));
      const result = computeActive(ss, period);
      const key = periodKey(result.run.period);
      const tabLang = result.read.lang;
      courtesy(() => ss.toast(msg(tabLang, 'ui.toast.computing', { period: key }), title));
      const progressEvery = Math.max(1, Math.ceil(result.tabs.length / 10)); // at most ~10 toasts
      const written = renderTabs(ss, result.tabs, {
        lang: tabLang,
        currency: result.read.currency,
        timeZone: result.timeZone,
        deadline: started + TIME_BUDGET_MS,
        onProgress: (done, total, tab) => {
          if (done % progressEvery === 0) courtesy(() => ss.toast(msg(tabLang, 'ui.toast.writing', { n: done + 1, total, name: tab.name }), title));
        },
      }, result.sheets);
      if (result.run.closed) protectClosedTabs(written.sheets, tabLang, result.run.closed); // SPEC §11: a closed period's tabs stay protected on a rerun
      courtesy(() => SpreadsheetApp.flush());
      courtesy(() => ss.toast(msg(tabLang, 'ui.toast.done', { tabs: result.tabs.length, period: key }), title));
      return result.json;
    });
  } catch (e) {
    throw userFacingError(e, lang);
  }
}

/** The SPEC §8 object of a check, writing nothing; errors as the user should see them. */
export function checkIn(ss: Spreadsheet, lang: Lang, period: string | null | undefined): PayoutJson {
  try {
    return computeActive(ss, period).json;
  } catch (e) {
    throw userFacingError(e, lang);
  }
}
