/** onOpen / onInstall on the built script with a fake Ui, in both auth modes. */
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../harness/loadBundle';

function fakes(options: { userLocale: string; sheetLocale: string }) {
  const calls: string[] = [];
  const items: (string | [string, string])[] = [];
  const menu = {
    addItem(label: string, fn: string) { items.push([label, fn]); return menu; },
    addSeparator() { items.push('---'); return menu; },
    addToUi() { calls.push('addToUi'); },
  };
  const SpreadsheetApp = {
    getUi: () => ({ createAddonMenu: () => { calls.push('createAddonMenu'); return menu; }, createMenu: () => { throw new Error('an add-on uses createAddonMenu'); } }),
    getActive: () => { calls.push('getActive'); return { getSpreadsheetLocale: () => options.sheetLocale }; },
    getActiveSpreadsheet: () => { calls.push('getActiveSpreadsheet'); return { getSpreadsheetLocale: () => options.sheetLocale }; },
  };
  const Session = { getActiveUserLocale: () => { calls.push('getActiveUserLocale'); return options.userLocale; } };
  const PropertiesService = new Proxy({}, { get() { calls.push('PropertiesService'); throw new Error('properties touched'); } });
  return { globals: { SpreadsheetApp, Session, PropertiesService }, calls, items };
}

const FUNCTIONS = ['menuGeneratePayouts', 'menuSendStatements', 'menuMyEarnings', '---', 'menuSchemes', 'menuSimulate', 'menuRegulation', '---', 'menuClosePeriod', '---', 'menuCheckData', 'menuRemoveOldTabs', 'menuHelp'];
const fnNames = (items: (string | [string, string])[]) => items.map((i) => (typeof i === 'string' ? i : i[1]));
const labels = (items: (string | [string, string])[]) => items.filter((i): i is [string, string] => typeof i !== 'string').map((i) => i[0]);

describe('the add-on menu', () => {
  it('AuthMode.NONE: language from the user locale, the spreadsheet untouched', () => {
    const f = fakes({ userLocale: 'ru_RU', sheetLocale: 'en_US' });
    const gas = loadBundle(f.globals);
    gas.call('onOpen', { authMode: 'NONE' });
    expect(fnNames(f.items)).toEqual(FUNCTIONS);
    expect(labels(f.items)).toEqual(['Рассчитать выплаты…', 'Разослать расчётные листы…', 'Мой заработок', 'Схемы мотивации…', 'Проверить схему на истории…', 'Положение о мотивации…', 'Закрыть период…', 'Проверить данные', 'Удалить старые листы выплат…', 'Справка']);
    expect(f.calls).toEqual(['getActiveUserLocale', 'createAddonMenu', 'addToUi']);
  });

  it('authorised (LIMITED / FULL): language from the spreadsheet locale', () => {
    for (const authMode of ['LIMITED', 'FULL']) {
      const f = fakes({ userLocale: 'ru_RU', sheetLocale: 'en_GB' });
      loadBundle(f.globals).call('onOpen', { authMode });
      expect(labels(f.items)).toEqual(['Generate payouts…', 'Send statements…', 'My earnings', 'Schemes…', 'Simulate scheme…', 'Motivation regulation…', 'Close period…', 'Check data', 'Remove old payout tabs…', 'Help']);
      expect(f.calls).toEqual(['getActive', 'createAddonMenu', 'addToUi']);
    }
  });

  it('onInstall builds the same menu at once (Russian spreadsheet)', () => {
    const f = fakes({ userLocale: 'en_US', sheetLocale: 'ru' });
    loadBundle(f.globals).call('onInstall', { authMode: 'FULL' });
    expect(fnNames(f.items)).toEqual(FUNCTIONS);
    expect(labels(f.items)[0]).toBe('Рассчитать выплаты…');
  });
});

describe('menu items and the functions they run', () => {
  it('every item names a global function of build/Code.js', () => {
    const f = fakes({ userLocale: 'en', sheetLocale: 'en' });
    const gas = loadBundle(f.globals);
    gas.call('onOpen', { authMode: 'FULL' });
    const named = fnNames(f.items).filter((n) => n !== '---');
    expect(named).toEqual(FUNCTIONS.filter((n) => n !== '---'));
    for (const name of named) expect(typeof gas.get(name), name).toBe('function');
  });
});
