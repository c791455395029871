/**
 * The add-on menu (SPEC §6). Items name global functions defined by other adapters
 * (dialogs.ts, sidebarServer.ts, earningsServer.ts); a menu item refers to a function by its
 * name, so nothing is imported here.
 */
import { langOfLocale, msg, type MessageKey } from '../core/messages/index';

/** Menu items in order: label key → the global function it runs (null = a separator before the next item). */
const MENU_ITEMS: readonly ([MessageKey, string] | null)[] = [
  ['menuGenerate', 'menuGeneratePayouts'],
  ['menuSendStatements', 'menuSendStatements'],
  ['menuMyEarnings', 'menuMyEarnings'],
  null,
  ['menuSchemes', 'menuSchemes'],
  ['menuSimulate', 'menuSimulate'],
  ['reg.menu', 'menuRegulation'],
  null,
  ['menuClosePeriod', 'menuClosePeriod'],
  null,
  ['menuCheckData', 'menuCheckData'],
  ['menuRemoveOldTabs', 'menuRemoveOldTabs'],
  ['menuHelp', 'menuHelp'],
];

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode | string } | undefined;

/**
 * The menu's language. In AuthMode.NONE (installed, not yet used in this document) the add-on
 * may not read the spreadsheet, not even its locale: the user's locale is used instead.
 */
function menuLocale(e: OpenEvent): string {
  if (isAuthModeNone(e?.authMode)) return Session.getActiveUserLocale();
  return SpreadsheetApp.getActive().getSpreadsheetLocale();
}

/**
 * `e.authMode == ScriptApp.AuthMode.NONE`, the documented check; where no ScriptApp is defined
 * (a harness without it) the enum's name 'NONE' is compared instead.
 */
function isAuthModeNone(mode: GoogleAppsScript.Script.AuthMode | string | undefined): boolean {
  if (mode === undefined || mode === null) return false;
  const none = typeof ScriptApp !== 'undefined' ? ScriptApp.AuthMode?.NONE : undefined;
  if (none !== undefined) return mode === none;
  return String(mode) === 'NONE';
}

/**
 * Builds the add-on menu when the document opens, in any auth mode.
 * @param {Object} e The open event (its authMode says what the add-on may touch).
 */
export function onOpen(e?: OpenEvent): void {
  const lang = langOfLocale(menuLocale(e));
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(msg(lang, item[0]), item[1]);
  }
  menu.addToUi();
}

/**
 * Runs once when the add-on is installed (with full authorisation): builds the menu at once.
 * @param {Object} e The install event.
 */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}
