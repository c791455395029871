/**
 * *Motivation regulation…* (SPEC §13) in Sheets: the document for one scheme written as a tab
 * `Положение · <scheme>` (English workbooks: `Regulation · <scheme>`), through the same tab model
 * and renderer as every generated tab; a rerun for the scheme replaces the tab it wrote before.
 */
import { parseSchemes } from '../core/schemes';
import { msg } from '../core/messages/index';
import { readWorkbook } from '../workbook/read';
import { regulationOfRead, regulationTab } from '../workbook/regulation';
import { errorMessage, spreadsheetLang, userFacingError, withDocumentLock } from './execution';
import { listSheets, readRawWorkbook, renderTabs } from './spreadsheetIO';

/**
 * Writes the motivation regulation of a scheme as a tab and returns the tab's name. The period
 * (whose Plans give the managers on the scheme and the typical plan) defaults to the latest Plans
 * period naming the scheme. A scheme that is unknown or invalid, or a period that cannot be read,
 * is a one-line translated error; the input sheets are never changed.
 * @param scheme the scheme's name as in the Schemes sheet
 * @param period optional `YYYY-MM` or `YYYY-Qn`
 * @return {string} the name of the tab written
 * @example writeRegulation('Оклад + % + бонусы', '2026-10')
 */
export function writeRegulation(scheme: string, period?: string | null): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang(ss);
  try {
    const sheets = listSheets(ss); // listed once: the reader and the writer share it
    const raw = readRawWorkbook(ss, {}, sheets);
    const read = readWorkbook(raw);
    const tab = regulationTab(regulationOfRead(read, { scheme, period: period ?? null }));
    let written = tab.name;
    withDocumentLock(read.lang, 30_000, () => {
      written = renderTabs(ss, [tab], { currency: read.currency, lang: read.lang, timeZone: raw.timeZone }, sheets).names[0] ?? tab.name;
    });
    return written;
  } catch (e) {
    throw userFacingError(e, lang);
  }
}

/** Menu *Motivation regulation…*: asks for the scheme (and optionally the period), writes the tab, says where. */
export function menuRegulation(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const lang = spreadsheetLang(ss);
  const title = msg(lang, 'reg.promptTitle');
  let names: string[] = [];
  try {
    names = [...parseSchemes(readWorkbook(readRawWorkbook(ss)).input.schemeRows, lang).schemes.values()].map((s) => s.name);
  } catch (e) {
    ui.alert(title, errorMessage(e), ui.ButtonSet.OK);
    return;
  }
  const answer = ui.prompt(title, msg(lang, 'reg.promptText', { schemes: names.join(', ') || '—', example: names[0] ?? '…' }), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  // `scheme, period`: the period is whatever follows the last comma when it reads as one
  const text = answer.getResponseText().trim();
  const m = /^(.*),\s*(\d{4}-(?:\d{1,2}|[QqКк]\d))\s*$/.exec(text);
  try {
    const tab = writeRegulation(m ? m[1].trim() : text, m ? m[2] : null);
    ui.alert(title, msg(lang, 'reg.written', { tab }), ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(title, errorMessage(e), ui.ButtonSet.OK);
  }
}
