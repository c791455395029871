/**
 * What every server function (server, dialogs, sidebarServer, earningsServer) needs within one
 * execution, written once: the spreadsheet's language, the day in its zone, the document lock, and
 * an error as the user should see it. Not re-exported by src/main.ts: nothing here is a global.
 */
import { KpiUserError } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import type { LocalDate } from '../core/periods';

/** The language of the spreadsheet's locale: one getSpreadsheetLocale. */
export function spreadsheetLang(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Lang {
  return langOfLocale(ss.getSpreadsheetLocale());
}

/** The calendar day of `now` in the spreadsheet's zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  return Utilities.formatDate(now, timeZone, 'yyyy-MM-dd');
}

/** `now` to the minute in the spreadsheet's zone, `YYYY-MM-DD HH:mm`: a generated tab's stamp. */
export function minuteIn(timeZone: string, now: Date = new Date()): string {
  return Utilities.formatDate(now, timeZone, 'yyyy-MM-dd HH:mm');
}

/**
 * Runs `fn` holding the document lock, so two writers never interleave; a busy document is a
 * translated KpiUserError after `waitMs`, not a timeout. Take it before anything reads the sheet
 * list (what another writer may be changing). Outside a document (getDocumentLock is null) there
 * is no fallback to the script's lock: that one would serialise every user of the add-on.
 * Releasing never turns a finished run into a failure.
 */
export function withDocumentLock<T>(lang: Lang, waitMs: number, fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new KpiUserError(msg(lang, 'ui.noDocument'));
  if (!lock.tryLock(waitMs)) throw new KpiUserError(msg(lang, 'ui.busy'));
  try {
    return fn();
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // Apps Script releases the lock when the execution ends
    }
  }
}

/** Runs a courtesy call (a toast, a flush after the work is done) whose failure must not fail the work. */
export function courtesy(fn: () => void): void {
  try {
    fn();
  } catch {
    // nothing the user needs: the work itself is done
  }
}

/** Apps Script stops an execution at 6 minutes; a writer stops starting new work at 5. */
export const TIME_BUDGET_MS = 5 * 60_000;

/** The message of anything thrown: its `message` when it has one, else its text. */
export function errorMessage(e: unknown): string {
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(e);
}

/**
 * An error as the user should see it: a KpiUserError's own translated message, anything else
 * prefixed as ours; never a stack (google.script.run and the menu show `message`).
 */
export function userFacingError(e: unknown, lang: Lang): Error {
  const message = errorMessage(e);
  const isUsers = (e as { name?: unknown } | null)?.name === 'KpiUserError' && typeof (e as Error).message === 'string';
  return new Error(isUsers ? message : msg(lang, 'ui.internalError', { message }));
}

/** A rollback step: retried once, and a second failure swallowed so the error the user sees is the first one. */
export function bestEffort(fn: () => void): void {
  try {
    retryOnce(fn);
  } catch {
    // the original error is what the user must see
  }
}

/** Runs `fn`, and once more if it throws (a service error is usually transient); the second error propagates. */
export function retryOnce(fn: () => void): void {
  try {
    fn();
  } catch {
    fn();
  }
}
