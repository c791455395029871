/**
 * Several Deals sheets in Sheets (issue 9 item 3, SPEC §10.1): the sidebar's mapping picks
 * `Сделки 2025` and `Сделки 2026`, saves them as the comma list the reader accepts, and every action
 * of the BUILT script (build/Code.js in node:vm, the fake SpreadsheetApp) reads both as one table.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { appsScriptGlobals, fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';
import { fixedClock } from '../sheets/setup';

const HEAD = ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'];
const SHEETS = {
  'Сделки 2025': [HEAD, ['15.10.2026', 'Иванов', 'ООО Ромашка', 200000, 'успешно'], ['20.10.2026', 'Петров', 'АО Вектор', 100000, 'успешно']],
  'Сделки 2026': [HEAD, ['21.10.2026', 'Иванов', 'ИП Сидоров', 300000, 'успешно'], ['22.10.2026', 'Иванов', 'ООО Луч', 50000, 'отказ']],
  'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ['2026-10', 'Иванов', 'Стандарт', 1000000], ['2026-10', 'Петров', 'Стандарт', 1000000]],
  'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['Стандарт', 'оклад', '', '', 10000], ['Стандарт', 'процент', 'выручка', '5%', '']],
};

function setup(sheets: Record<string, unknown[][]> = SHEETS) {
  const ss = fakeSpreadsheet({ sheets, locale: 'ru_RU', timeZone: 'Europe/Moscow' });
  const globals = appsScriptGlobals(ss);
  const gas = loadBundle({ ...globals, Date: fixedClock(new Date('2026-11-05T09:00:00Z')) });
  return { ss, gas, env: globals.__env };
}
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('two Deals sheets chosen in the sidebar (built bundle)', () => {
  it('saved as "Сделки 2025,Сделки 2026": checkData pays both sheets’ deals', () => {
    const { gas, env } = setup();
    // Without a choice the run stops and says how to choose (SPEC §10.1: never a guess).
    expect(() => gas.call('checkData', '2026-10')).toThrow(/Сделки 2025/);
    gas.call('saveColumnMapping', { sheets: { deals: 'Сделки 2025,Сделки 2026' }, columns: {} });
    expect(JSON.parse(env.documentProperties.getProperty('kpiPayouts.mapping')!)).toEqual({ sheets: { deals: 'Сделки 2025,Сделки 2026' } });
    const json = plain(gas.call('checkData', '2026-10'));
    // Иванов: 10 000 + 5 % × (200 000 from 2025's sheet + 300 000 from 2026's; the lost 50 000 not) = 10 000 + 25 000 = 35 000.
    // Петров: 10 000 + 5 % × 100 000 (2025's sheet only) = 15 000. Total 50 000.
    expect(json.managers.map((m: any) => [m.manager, m.total])).toEqual([['Иванов', 35000], ['Петров', 15000]]);
    expect(json.issues).toEqual([]);
  });

  it('previewDealsSheets: deals per sheet, the total and the column report of the combined table', () => {
    const { gas } = setup();
    const check = plain(gas.call('previewDealsSheets', ['Сделки 2025', 'Сделки 2026']));
    // 2025's sheet: rows 2–3 (2 deals); 2026's: rows 2–3 (2 deals, the lost one read too, as a lost deal) → 4.
    expect(check).toMatchObject({ ok: true, message: null, total: 4, issues: 0, sheets: [{ name: 'Сделки 2025', deals: 2 }, { name: 'Сделки 2026', deals: 2 }] });
    expect(check.columns.map((r: string[]) => r[0])).toEqual(['Сделки 2025', 'Сделки 2026']);
    expect(check.columns[0][1]).toContain('amount ← «Сумма»');
    // Nothing ticked: the reader's own "several sheets, choose" message, not a guess.
    const none = plain(gas.call('previewDealsSheets', []));
    expect(none.ok).toBe(false);
    expect(none.message).toBe(msg('ru', 'reading.severalDealsSheets', { sheets: '"Сделки 2025", "Сделки 2026"', example: 'Сделки 2025,Сделки 2026' }));
  });

  it('the mapping view lists the chosen sheets; sheets with different columns are refused and nothing is saved', () => {
    const other = [['Дата', 'Менеджер', 'Сумма', 'Себестоимость'], ['21.10.2026', 'Иванов', 300000, 100000]];
    const { gas, env } = setup({ ...SHEETS, 'Сделки 2026': other });
    expect(() => gas.call('saveColumnMapping', { sheets: { deals: 'Сделки 2025,Сделки 2026' } })).toThrow(
      msg('ru', 'sb.deals.notSaved', {
        reason: msg('ru', 'reading.dealsSheetsDiffer', {
          first: 'Сделки 2025', sheet: 'Сделки 2026',
          firstHeaders: '"Дата", "Менеджер", "Клиент", "Сумма", "Статус"', headers: '"Дата", "Менеджер", "Сумма", "Себестоимость"',
        }),
      }),
    );
    expect(env.documentProperties.getProperty('kpiPayouts.mapping')).toBeNull();
    expect(plain(gas.call('previewDealsSheets', ['Сделки 2025', 'Сделки 2026'])).ok).toBe(false);
    // One of them alone is fine, and the view says which is chosen.
    const view = plain(gas.call('saveColumnMapping', { sheets: { deals: 'Сделки 2025' } }));
    expect(view.roles.find((r: any) => r.role === 'deals')).toMatchObject({ chosenSheet: 'Сделки 2025', chosenSheets: ['Сделки 2025'] });
  });

  it('filter suggestions read the first sheet of the saved list (not a sheet found by name instead)', () => {
    const head = [...HEAD, 'Категория'];
    const { gas } = setup({
      ...SHEETS,
      'Сделки 2025': [head, ['15.10.2026', 'Иванов', 'ООО Ромашка', 200000, 'успешно', 'Опт']],
      'Сделки 2026': [head, ['21.10.2026', 'Иванов', 'ИП Сидоров', 300000, 'успешно', 'Розница']],
    });
    gas.call('saveColumnMapping', { sheets: { deals: 'Сделки 2026,Сделки 2025' } });
    const suggestions = plain(gas.call('filterSuggestions')).join(' | ');
    expect(suggestions).toContain('Розница');
    expect(suggestions).not.toContain('Опт');
  });
});
