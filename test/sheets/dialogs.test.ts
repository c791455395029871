/**
 * The menu and its dialogs on the built script: onOpen in both auth modes, *Generate payouts…*
 * (period prompt, summary alert), *Check data* (issues dialog, escaped, nothing written), *Help*.
 * The script's clock is fixed at 2026-12-05 12:00 Moscow, so the default period is 2026-11.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { ruWorkbook, enWorkbook } from '../fixtures/rawWorkbooks';
import { generatedNames, rig } from './setup';

const NOW = new Date('2026-12-05T12:00:00+03:00');

describe('the add-on menu with the fake Ui', () => {
  it('AuthMode.NONE builds the menu without touching the spreadsheet; FULL uses its locale', () => {
    const none = rig(enWorkbook(), {}, { now: NOW });
    none.env.userLocale = 'ru';
    none.ss.io.reset();
    none.gas.call('onOpen', { authMode: 'NONE' });
    const menu = none.env.ui._menus[0];
    expect(menu.addon).toBe(true);
    expect(menu.items.filter((i) => 'fn' in i).map((i) => (i as { fn: string }).fn)).toEqual([
      'menuGeneratePayouts', 'menuMyEarnings', 'menuSchemes', 'menuSimulate', 'menuCheckData', 'menuHelp',
    ]);
    expect((menu.items[0] as { caption: string }).caption).toBe(msg('ru', 'menuGenerate'));
    expect(none.ss.io.calls.getSpreadsheetLocale).toBeUndefined();
    // every item names a global function of the built script
    for (const item of menu.items) if ('fn' in item) expect(typeof none.gas.get(item.fn)).toBe('function');

    const full = rig(enWorkbook(), {}, { now: NOW });
    full.gas.call('onOpen', { authMode: 'FULL' });
    expect((full.env.ui._menus[0].items[0] as { caption: string }).caption).toBe(msg('en', 'menuGenerate'));
  });
});

describe('Generate payouts… dialog', () => {
  it('asks the period (default shown), generates, and summarises', () => {
    const { ss, gas, env } = rig(ruWorkbook(), {}, { now: NOW });
    env.ui._promptResponses.push({ text: '2026-11' });
    gas.call('menuGeneratePayouts');
    const [prompt, alert] = env.ui._events;
    expect(prompt.kind).toBe('prompt');
    expect(prompt.message).toBe(msg('ru', 'ui.generate.prompt', { period: '2026-11' }));
    expect(alert.kind).toBe('alert');
    // 86 000,02 + 34 000,00 + 37 584,55 = 157 584,57 ₽ over 3 managers; 1 issue (Виктор's deal without cost)
    expect(alert.message).toContain(msg('ru', 'ui.generate.summary', { period: '2026-11', managers: 3, total: '157 584,57 ₽', issues: 1 }));
    expect(generatedNames(ss)).toHaveLength(4);
  });

  it('a blank answer means the last complete month; Cancel writes nothing; a bad period is shown, not thrown', () => {
    const { ss, gas, env } = rig(ruWorkbook(), {}, { now: NOW });
    env.ui._promptResponses.push({ text: '  ' });
    gas.call('menuGeneratePayouts');
    expect(generatedNames(ss).every((n) => n.endsWith('2026-11'))).toBe(true);
    expect(generatedNames(ss)).toHaveLength(4);

    const other = rig(ruWorkbook(), {}, { now: NOW });
    other.env.ui._promptResponses.push({ text: '2026-10', button: 'CANCEL' });
    other.ss.io.reset();
    other.gas.call('menuGeneratePayouts');
    expect(other.ss.io.writes()).toEqual({});

    other.env.ui._promptResponses.push({ text: 'ноябрь' });
    other.gas.call('menuGeneratePayouts');
    expect(other.env.ui._events.at(-1)!.message).toBe(msg('ru', 'tabs.badPeriod', { value: 'ноябрь' }));
    expect(other.ss.io.writes()).toEqual({});
  });
});

describe('Check data dialog', () => {
  it('lists every issue with sheet, row, column, value — HTML-escaped — and writes nothing', () => {
    const raw = ruWorkbook();
    const deals = raw.sheets.find((s) => s.name === 'Сделки')!.values;
    deals[5][5] = '<img src=x onerror=alert(1)>'; // Сумма of the deal on Sheets row 6
    const { ss, gas, env } = rig(raw, {}, { now: NOW });
    ss.io.reset();
    gas.call('menuCheckData');
    expect(ss.io.writes()).toEqual({});
    const dialog = env.ui._events.at(-1)!;
    expect(dialog.kind).toBe('modal');
    expect(dialog.title).toBe(msg('ru', 'ui.check.title', { period: '2026-11' }));
    const html = dialog.html!.getContent();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/<td data-label="Лист">Сделки<\/td><td class="n" data-label="Строка">6<\/td><td data-label="Столбец">Сумма, руб\.<\/td>/);
    const checked = gas.call('checkData', '2026-11');
    expect(html).toContain(msg('ru', 'ui.check.intro', { count: checked.issues.length }));
  });

  it('says so when there is nothing to fix', () => {
    const raw = ruWorkbook();
    const deals = raw.sheets.find((s) => s.name === 'Сделки')!.values;
    for (const row of deals.slice(3)) if (row[6] === '') row[6] = '0'; // every deal gets a cost: no "margin unknown"
    const { gas, env } = rig(raw, {}, { now: NOW });
    expect(gas.call('checkData').issues).toEqual([]); // precondition, so the alert below is the real branch
    gas.call('menuCheckData');
    const last = env.ui._events.at(-1)!;
    expect(last.kind).toBe('alert');
    expect(last.message).toBe(msg('ru', 'ui.check.none', { period: '2026-11' }));
  });
});

describe('Help dialog', () => {
  it('opens in the spreadsheet language', () => {
    for (const [raw, lang] of [[ruWorkbook(), 'ru'], [enWorkbook(), 'en']] as const) {
      const { gas, env } = rig(raw, {}, { now: NOW });
      gas.call('menuHelp');
      const dialog = env.ui._events.at(-1)!;
      expect(dialog.kind).toBe('modal');
      expect(dialog.title).toBe(msg(lang, 'ui.help.title'));
      expect(dialog.html!.getContent()).toContain(msg(lang, 'ui.help.intro'));
    }
  });
});
