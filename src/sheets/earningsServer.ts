/**
 * Server functions of *My earnings* and *Simulate scheme…* (SPEC §6): what the sidebar calls
 * through google.script.run and what tests call on the built script. Thin: read the workbook once
 * (one getValues per sheet), hand over to workbook/earningsRun, and write only when asked.
 */
import {
  myEarningsOfRead, simulationOfRead, simulationSetupOfRead, simulationTab,
  type MyEarningsResult, type SimulationSetup,
} from '../workbook/earningsRun';
import { ledgerInputs } from '../workbook/ledgerRun';
import { readWorkbook } from '../workbook/read';
import type { SimulationJson } from '../core/simulate';
import { minuteIn, spreadsheetLang, TIME_BUDGET_MS, todayIn, withDocumentLock } from './execution';
import { listSheets, readRawWorkbook, renderTabs } from './spreadsheetIO';
import { showSidebar } from './sidebarServer';

/**
 * User property prefix: the manager this user last picked in *My earnings*, per spreadsheet (user
 * properties of an add-on are shared by all the user's documents; Иванов in one team's workbook is
 * nobody in another's).
 */
const PICKED_MANAGER_PROPERTY = 'kpiPayouts.earningsManager:';

/** The current user's e-mail, or '' when Apps Script does not reveal it (consumer accounts, no scope). */
function activeEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? '';
  } catch {
    // Without the userinfo.email scope getEmail() can throw: then the panel asks who you are.
    return '';
  }
}

/**
 * *My earnings* (SPEC §6): the SPEC §8 object for ONE manager, period to date, with an `earnings`
 * object (total, lines, attainment, next tier per line, deals). Manager: the argument (remembered
 * for this user), else the user's e-mail through the Plans / Managers e-mail column, else the
 * manager this user picked last time, else `manager_choices` for a picker.
 * `asOf` (`YYYY-MM-DD`) defaults to today in the spreadsheet's time zone; the period is its month,
 * or its quarter when the manager's Plans have a row for the quarter and none for the month.
 * Writes nothing.
 * @param manager the manager's name as in Deals / Plans; blank = the current user
 * @param asOf the day to count up to, `YYYY-MM-DD`; blank = today
 * @return {object} the §8 JSON for that manager plus `earnings`, `manager_choices`, `as_of`
 * @example myEarnings('Иванов', '2026-11-20').earnings.total
 */
export function myEarnings(manager?: string | null, asOf?: string | null): MyEarningsResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const raw = readRawWorkbook(ss);
  const read = readWorkbook(raw);
  const hasManager = manager !== null && manager !== undefined && String(manager).trim() !== '';
  const userProperties = PropertiesService.getUserProperties();
  const pickedKey = PICKED_MANAGER_PROPERTY + ss.getId();
  const result = myEarningsOfRead(read, {
    manager: hasManager ? String(manager) : null,
    // always the user's e-mail: it decides whom they may see, whoever they ask for (SPEC §12)
    email: activeEmail(),
    remembered: hasManager ? null : userProperties.getProperty(pickedKey),
    asOf: asOf ?? null,
    today: todayIn(raw.timeZone),
  }, ledgerInputs(raw, read).inputs);
  // a user the e-mail columns do not know picks themselves once, not on every press
  if (result.via === 'argument' && result.manager) userProperties.setProperty(pickedKey, result.manager);
  return result;
}

/**
 * *Simulate scheme…* (SPEC §6): one or two schemes over past periods as if in force for every
 * manager (or the ones named): per period and manager what each would have paid, payroll as a
 * share of margin, tier reach, the difference between the two schemes, over-limit warnings.
 * Writes nothing. Throws a one-line translated message for a bad scheme, range or manager.
 * @param schemes one or two scheme names from the Schemes sheet
 * @param from first period, `YYYY-MM`
 * @param to last period, `YYYY-MM`
 * @param managers optional: only these managers
 * @return {object} the simulation JSON (see core/simulate SimulationJson)
 * @example simulate(['Базовая', 'Новая'], '2025-11', '2026-10')
 */
export function simulate(schemes: string[] | string, from: string, to: string, managers?: string[] | null): SimulationJson {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readWorkbook(readRawWorkbook(ss));
  return simulationOfRead(read, { schemes: schemeList(schemes), from, to, managers: managers ?? null }).json;
}

function schemeList(schemes: string[] | string): string[] {
  return Array.isArray(schemes) ? schemes.map(String) : String(schemes ?? '').split(',');
}

/**
 * Runs the simulation again and writes it as a tab (with a chart); a rerun for the same schemes
 * and range replaces the tab it wrote before. Returns the simulation and the tab's name.
 * @param schemes one or two scheme names
 * @param from first period, `YYYY-MM`
 * @param to last period, `YYYY-MM`
 * @param managers optional: only these managers
 * @return {object} `{ tab, simulation }`
 * @example writeSimulationTab(['Базовая'], '2025-11', '2026-10')
 */
export function writeSimulationTab(schemes: string[] | string, from: string, to: string, managers?: string[] | null): { tab: string; simulation: SimulationJson } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const started = Date.now();
  // one writer at a time, as *Generate payouts*: the lock comes before the sheet list is read
  return withDocumentLock(spreadsheetLang(ss), 30_000, () => {
    const sheets = listSheets(ss); // listed once: the reader and the writer share it
    const raw = readRawWorkbook(ss, {}, sheets);
    const read = readWorkbook(raw);
    const { json } = simulationOfRead(read, { schemes: schemeList(schemes), from, to, managers: managers ?? null });
    const tab = simulationTab(json, { lang: read.lang, generatedAt: minuteIn(raw.timeZone) });
    const written = renderTabs(ss, [tab], { currency: read.currency, lang: read.lang, timeZone: raw.timeZone, deadline: started + TIME_BUDGET_MS }, sheets);
    return { tab: written.names[0] ?? tab.name, simulation: json };
  });
}

/**
 * What the Simulate panel offers: the valid schemes, the managers and a default range.
 * @return {object} `{ schemes, invalid_schemes, managers, from, to, first_month, last_month, lang, currency }`
 * @example simulationSetup().schemes
 */
export function simulationSetup(): SimulationSetup {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const raw = readRawWorkbook(ss);
  return simulationSetupOfRead(readWorkbook(raw), todayIn(raw.timeZone));
}

/** Menu: *My earnings* — opens the sidebar on the earnings panel. */
export function menuMyEarnings(): void {
  showSidebar('earnings');
}

/** Menu: *Simulate scheme…* — opens the sidebar on the simulate panel. */
export function menuSimulate(): void {
  showSidebar('simulate');
}
