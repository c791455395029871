/**
 * *Send statements…* (SPEC §12): one e-mail per paid manager with only their own statement, to the
 * address in the Managers sheet, within the daily mail quota, each send logged in a `Sent` /
 * `Рассылка` sheet so a rerun sends only statements that changed (marked as corrected).
 * Thin: workbook/statementMail.ts decides; this file reads, sends and logs.
 */
import { msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import { lastCompleteMonth, periodKey } from '../core/periods';
import { runPayouts } from '../workbook/pipeline';
import {
  parseSentLog, planStatementMails, sentLogHeader, sentLogRow, type SendPlan, type SentEntry,
} from '../workbook/statementMail';
import { errorMessage, minuteIn, spreadsheetLang, todayIn, userFacingError, withDocumentLock } from './execution';
import { listSheets, readRawWorkbook, type SheetEntry } from './spreadsheetIO';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SendStatementsResult {
  recipients: { manager: string; email: string }[];
  skipped: { manager: string; reason: string }[];
  /** With `confirm` only: who was sent their statement. */
  sent?: { manager: string; email: string; corrected: boolean }[];
}

/** The log sheet: `Sent` or `Рассылка`, whichever exists (either language's name is ours). */
function findLogSheet(sheets: readonly SheetEntry[]): Sheet | null {
  const names = new Set(['sent', 'рассылка']);
  return sheets.find((s) => names.has(s.name.trim().toLowerCase()))?.sheet ?? null;
}

function readLog(sheet: Sheet | null): SentEntry[] {
  return sheet ? parseSentLog(sheet.getDataRange().getValues()) : [];
}

/** Text as Sheets must keep it: `2026-10` stays text, never a date; `=…` never a formula. */
const asText = (v: string): string => (v === '' ? '' : `'${v}`);

function createLogSheet(ss: Spreadsheet, lang: Lang): Sheet {
  const sheet = ss.insertSheet(msg(lang, 'statements.log.sheet'));
  const header = sentLogHeader(lang);
  sheet.getRange(1, 1, 1, header.length).setValues([header.map(asText)]);
  sheet.setFrozenRows(1);
  return sheet;
}

function plan(ss: Spreadsheet, sheets: readonly SheetEntry[], period: string | null | undefined): { plan: SendPlan; lang: Lang; timeZone: string } {
  const raw = readRawWorkbook(ss, {}, sheets);
  const today = todayIn(raw.timeZone);
  const result = runPayouts(raw, { period, today, generatedAt: minuteIn(raw.timeZone) });
  const quota = MailApp.getRemainingDailyQuota();
  return { plan: planStatementMails(result, readLog(findLogSheet(sheets)), quota), lang: result.read.lang, timeZone: raw.timeZone };
}

const publicShape = (p: SendPlan): SendStatementsResult => ({ recipients: p.recipients, skipped: p.skipped });

/**
 * *Send statements…*: without `confirm`, who would get their statement now and who is skipped
 * (no address, unchanged since the last send, over today's quota, no statement) — nothing is sent
 * or written. With `confirm`, sends each recipient one e-mail holding only their own statement
 * (HTML, every value escaped), appends each send to the Sent / Рассылка sheet as it goes, and
 * returns the same plus `sent`; a send that fails stops the run and the rest are listed as skipped.
 * @param period `YYYY-MM` or `YYYY-Qn`; blank = the last complete month
 * @param confirm true to send; anything else only lists
 * @return {object} `{ recipients: [{ manager, email }], skipped: [{ manager, reason }], sent?: [{ manager, email, corrected }] }`
 * @example sendStatements('2026-10', false).recipients
 */
export function sendStatements(period?: string | null, confirm?: boolean | null): SendStatementsResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang0 = spreadsheetLang(ss);
  try {
    if (confirm !== true) return publicShape(plan(ss, listSheets(ss), period).plan);
    // one sender at a time, and the plan made under the lock: two presses never send twice
    return withDocumentLock(lang0, 30_000, () => {
      const sheets = listSheets(ss);
      const { plan: p, lang, timeZone } = plan(ss, sheets, period);
      const sent: NonNullable<SendStatementsResult['sent']> = [];
      const skipped = [...p.skipped];
      let log = findLogSheet(sheets);
      let nextRow = log ? log.getLastRow() + 1 : 2;
      let failure: string | null = null;
      for (const mail of p.mails) {
        if (failure !== null) {
          skipped.push({ manager: mail.manager, reason: msg(lang, 'statements.skip.failed', { reason: failure }) });
          continue;
        }
        try {
          MailApp.sendEmail(mail.email, mail.subject, mail.text, { htmlBody: mail.html, name: 'KPI Payouts' });
        } catch (e) {
          failure = errorMessage(e);
          skipped.push({ manager: mail.manager, reason: msg(lang, 'statements.skip.failed', { reason: failure }) });
          continue;
        }
        sent.push({ manager: mail.manager, email: mail.email, corrected: mail.corrected });
        // logged at once: an execution stopped halfway leaves a log that says exactly who got what
        if (!log) log = createLogSheet(ss, lang);
        const row = sentLogRow(mail, p.period, minuteIn(timeZone), lang);
        log.getRange(nextRow++, 1, 1, row.length).setValues([row.map(asText)]);
      }
      return { recipients: p.recipients, skipped, sent };
    });
  } catch (e) {
    throw userFacingError(e, lang0);
  }
}

/** A line per manager for the dialog. */
function listing(title: string, lines: string[]): string {
  return lines.length === 0 ? '' : `${title}\n${lines.map((l) => `• ${l}`).join('\n')}\n`;
}

/**
 * Menu *Send statements…*: asks for the period, shows who will get their statement and who is
 * skipped, asks to confirm, sends, and says who was sent and who was not.
 */
export function menuSendStatements(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const lang = spreadsheetLang(ss);
  const title = msg(lang, 'statements.dialog.title');
  const defaultPeriod = periodKey(lastCompleteMonth(todayIn(ss.getSpreadsheetTimeZone())));
  const answer = ui.prompt(title, msg(lang, 'statements.dialog.prompt', { period: defaultPeriod }), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const period = answer.getResponseText().trim() || defaultPeriod;
  try {
    const preview = sendStatements(period, false);
    const skipped = listing(msg(lang, 'statements.dialog.skipped', { count: preview.skipped.length }), preview.skipped.map((s) => `${s.manager}: ${s.reason}`));
    if (preview.recipients.length === 0) {
      ui.alert(title, `${msg(lang, 'statements.dialog.nobody', { period })}\n\n${skipped}`.trim(), ui.ButtonSet.OK);
      return;
    }
    const text =
      listing(msg(lang, 'statements.dialog.recipients', { count: preview.recipients.length }), preview.recipients.map((r) => `${r.manager} <${r.email}>`)) +
      (skipped ? `\n${skipped}` : '') +
      `\n${msg(lang, 'statements.dialog.confirm', { count: preview.recipients.length })}`;
    if (ui.alert(title, text, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    const done = sendStatements(period, true);
    const corrected = msg(lang, 'statements.dialog.corrected');
    ui.alert(
      title,
      (
        listing(msg(lang, 'statements.dialog.sent', { count: done.sent?.length ?? 0 }), (done.sent ?? []).map((s) => `${s.manager} <${s.email}>${s.corrected ? ` ${corrected}` : ''}`)) +
        '\n' +
        listing(msg(lang, 'statements.dialog.skipped', { count: done.skipped.length }), done.skipped.map((s) => `${s.manager}: ${s.reason}`))
      ).trim(),
      ui.ButtonSet.OK,
    );
  } catch (e) {
    ui.alert(title, errorMessage(e), ui.ButtonSet.OK);
  }
}
