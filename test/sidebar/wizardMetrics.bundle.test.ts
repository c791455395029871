/**
 * The wizard's validate-as-you-type checks scheme metrics as the Schemes sheet does (issue 9 item 6,
 * SPEC §10.2): `выручкаа` is flagged beside the metric field with the same "did you mean" — one
 * function (core/schemeMetrics.unknownMetricIssues) for both. On the BUILT script in node:vm.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { appsScriptGlobals, fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';
import { fixedClock } from '../sheets/setup';

const DEALS = [['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'], ['15.10.2026', 'Иванов', 'ООО Ромашка', 200000, 'успешно']];
const PLANS = [['Период', 'Менеджер', 'Схема', 'Выручка', 'NPS, %'], ['2026-10', 'Иванов', 'Ст', 1000000, 50]];
const TYPO = [
  { rule: 'salary', amount: '10000' },
  { rule: 'percent', metric: 'выручкаа', rate: '5%' },
];

function setup(sheets: Record<string, unknown[][]>) {
  const ss = fakeSpreadsheet({ sheets, locale: 'ru_RU', timeZone: 'Europe/Moscow' });
  const globals = appsScriptGlobals(ss);
  const gas = loadBundle({ ...globals, Date: fixedClock(new Date('2026-11-05T09:00:00Z')) });
  return { ss, gas };
}
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('the wizard flags metrics the workbook does not have (built bundle)', () => {
  it('«выручкаа»: the wizard’s message beside the metric is the one the Schemes sheet gives for the same cell', () => {
    // The same scheme typed in the Schemes sheet: checkData's issue on row 3, column «показатель».
    const { gas } = setup({ Сделки: DEALS, Планы: PLANS, Схемы: [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['Ст', 'оклад', '', '', 10000], ['Ст', 'процент', 'выручкаа', '5%', '']] });
    const sheetIssue = plain(gas.call('checkData', '2026-10')).issues.find((i: any) => i.sheet === 'Схемы');
    const expected = msg('ru', 'rtUnknownMetricGuess', { value: 'выручкаа', guess: 'выручка', column: 'показатель' });
    expect(sheetIssue).toMatchObject({ row: 3, value: 'выручкаа', message: msg('ru', 'engSchemeRowPrefix', { scheme: 'Ст', row: 3 }) + expected });

    const check = plain(gas.call('validateScheme', 'Ст', TYPO));
    expect(check).toEqual({ ok: false, issues: [{ rule: 1, field: 'metric', message: expected }] });
    // No chart for a scheme that would pay nothing, and no save: the sheet keeps its rows.
    expect(plain(gas.call('previewCurve', TYPO, { revenue: 1000000 })).ok).toBe(false);
    const saved = plain(gas.call('saveScheme', 'Новая', TYPO));
    expect(saved).toMatchObject({ saved: false, issues: [{ rule: 1, field: 'metric', message: expected }] });
    // The list counts it as the scheme's one problem.
    expect(plain(gas.call('listSchemes')).map((s: any) => [s.name, s.problems])).toEqual([['Ст', 1]]);
  });

  it('a Plans column (`NPS, %`) and a KPI sheet metric are known; a KPI named nowhere is flagged without a guess', () => {
    const kpi = [['Период', 'Менеджер', 'Показатель', 'Значение'], ['2026-10', 'Иванов', 'Звонки/день', 40]];
    const { gas } = setup({ Сделки: DEALS, Планы: PLANS, Показатели: kpi });
    const scheme = (metric: string) => [{ rule: 'salary', amount: '10000' }, { rule: 'kpi', metric, rate: '1', threshold: '0', cap: '1.2' }];
    expect(plain(gas.call('validateScheme', 'K', scheme('NPS, %')))).toEqual({ ok: true, issues: [] });
    expect(plain(gas.call('validateScheme', 'K', scheme('звонки/день')))).toEqual({ ok: true, issues: [] });
    // `контакты` is a name the engine knows, absent here: said so, no guess (as on the Schemes sheet).
    expect(plain(gas.call('validateScheme', 'K', scheme('контакты')))).toEqual({
      ok: false, issues: [{ rule: 1, field: 'metric', message: msg('ru', 'rtUnknownMetric', { value: 'контакты', column: 'показатель' }) }],
    });
  });

  it('a scheme of built-in metrics only reads no sheet for the check', () => {
    const { gas, ss } = setup({ Сделки: DEALS, Планы: PLANS });
    ss.io.reset();
    expect(plain(gas.call('validateScheme', 'B', [{ rule: 'percent', metric: 'выручка', rate: '5%' }]))).toEqual({ ok: true, issues: [] });
    expect(ss.io.calls.getValues ?? 0).toBe(0);
  });
});
