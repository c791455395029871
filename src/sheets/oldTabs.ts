/**
 * *Remove old payout tabs…* (SPEC §10.3): generated tabs pile up by a statement per manager and a
 * summary every month. This keeps the generated tabs of the last N periods and deletes the older
 * ones — only tabs carrying our mark under the name we gave them: a tab the user renamed, a
 * simulation tab and every sheet of the user's stay.
 */
import { msg } from '../core/messages/index';
import { parsePeriod, type Period } from '../core/periods';
import { keyPeriod } from '../workbook/tabs';
import { errorMessage, spreadsheetLang, userFacingError, withDocumentLock } from './execution';
import { generatedTabs, listSheets } from './spreadsheetIO';

/** A period as a sortable month number (a quarter counts from its first month). */
function periodOrder(p: Period): number {
  return p.year * 12 + (p.kind === 'month' ? p.month - 1 : (p.quarter - 1) * 3);
}

/**
 * Deletes the generated payout tabs of every period but the last `keep` ones (by period, not by
 * date generated). Returns what it removed and kept.
 * @param keep how many of the latest periods to keep (at least 1)
 * @return {object} `{ removed: string[], keptPeriods: string[] }`
 * @example removeOldPayoutTabs(3).removed.length
 */
export function removeOldPayoutTabs(keep: number): { removed: string[]; keptPeriods: string[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang(ss);
  const n = Math.max(1, Math.floor(Number(keep) || 0));
  try {
    return withDocumentLock(lang, 30_000, () => {
      const sheets = listSheets(ss); // under the lock: no other writer changes the list meanwhile
      const tabs = generatedTabs(ss, sheets, (key) => keyPeriod(key) !== null).filter((t) => !t.leftover && !t.renamed);
      const periods = [...new Set(tabs.map((t) => keyPeriod(t.key)!))]
        .map((key) => ({ key, period: parsePeriod(key) }))
        .filter((p): p is { key: string; period: Period } => p.period !== null)
        .sort((a, b) => periodOrder(b.period) - periodOrder(a.period));
      const kept = new Set(periods.slice(0, n).map((p) => p.key));
      const removed: string[] = [];
      for (const t of tabs) {
        if (kept.has(keyPeriod(t.key)!)) continue;
        if (sheets.length - removed.length <= 1) break; // Sheets keeps at least one sheet
        ss.deleteSheet(t.sheet);
        removed.push(t.name);
      }
      return { removed, keptPeriods: [...kept] };
    });
  } catch (e) {
    throw userFacingError(e, lang);
  }
}

/** Menu *Remove old payout tabs…*: asks how many periods to keep (default 3), removes the rest, says what it did. */
export function menuRemoveOldTabs(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang(ss);
  const ui = SpreadsheetApp.getUi();
  const title = msg(lang, 'ui.oldTabs.title');
  const answer = ui.prompt(title, msg(lang, 'ui.oldTabs.prompt', { n: 3 }), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText().trim();
  const keep = text === '' ? 3 : Number(text);
  if (!Number.isInteger(keep) || keep < 1) {
    ui.alert(title, msg(lang, 'ui.oldTabs.bad', { value: text }), ui.ButtonSet.OK);
    return;
  }
  try {
    const r = removeOldPayoutTabs(keep);
    ui.alert(title, msg(lang, 'ui.oldTabs.done', { removed: r.removed.length, periods: r.keptPeriods.join(', ') || '—' }), ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(title, errorMessage(e), ui.ButtonSet.OK);
  }
}
