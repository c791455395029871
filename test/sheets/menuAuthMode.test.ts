/**
 * Review 2, item 7: onOpen tells AuthMode.NONE by comparing e.authMode with
 * ScriptApp.AuthMode.NONE (the documented check) when ScriptApp exists; its name 'NONE' is the
 * fallback only where there is no ScriptApp. The enum values here deliberately do not print as
 * their names, so a string comparison alone would fail.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { appsScriptGlobals, fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';

function opened(authMode: (AuthMode: Record<string, object>) => unknown) {
  const ss = fakeSpreadsheet({ sheets: { Deals: [['Date']] }, locale: 'en_US' });
  const globals = appsScriptGlobals(ss);
  const AuthMode = { NONE: { id: 0 }, LIMITED: { id: 1 }, FULL: { id: 2 }, CUSTOM_FUNCTION: { id: 3 } };
  const gas = loadBundle({ ...globals, ScriptApp: { ...(globals.ScriptApp as object), AuthMode } });
  globals.__env.userLocale = 'ru_RU';
  ss.io.reset();
  gas.call('onOpen', { authMode: authMode(AuthMode) });
  const caption = (globals.__env.ui._menus[0].items[0] as { caption: string }).caption;
  return { caption, touched: ss.io.calls.getSpreadsheetLocale ?? 0 };
}

describe('onOpen and ScriptApp.AuthMode', () => {
  it('AuthMode.NONE (the enum value): the user locale, the spreadsheet untouched', () => {
    expect(opened((m) => m.NONE)).toEqual({ caption: msg('ru', 'menuGenerate'), touched: 0 });
  });

  it('AuthMode.FULL / LIMITED: the spreadsheet locale', () => {
    expect(opened((m) => m.FULL)).toEqual({ caption: msg('en', 'menuGenerate'), touched: 1 });
    expect(opened((m) => m.LIMITED)).toEqual({ caption: msg('en', 'menuGenerate'), touched: 1 });
  });
});
