/**
 * The wizard's server functions on the BUILT script (build/Code.js in node:vm) against the fake
 * SpreadsheetApp: what google.script.run calls, with Sheets' I/O counted.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../harness/loadBundle';
import { appsScriptGlobals, fakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { msg } from '../../src/core/messages/index';
import { SCHEME_COLUMNS, SCHEME_HEADERS, SCHEME_TEMPLATES } from '../../src/core/templates';

const DEALS = [
  ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Кто внёс'],
  ['03.11.2026', 'Иванов', 'ООО Ромашка', 600000, 'Оля'],
];
const seed001 = SCHEME_TEMPLATES[0];

function setup(opts: { locale?: string; sheets?: Record<string, unknown[][]> } = {}) {
  const ss = fakeSpreadsheet({ sheets: opts.sheets ?? { Сделки: DEALS }, locale: opts.locale ?? 'ru_RU' });
  const globals = appsScriptGlobals(ss);
  const gas = loadBundle(globals);
  const values = (name: string) => (ss as any)._sheet(name)?._values as unknown[][] | undefined;
  return { ss, gas, env: globals.__env, values };
}

describe('showSidebar / menuSchemes', () => {
  it('opens build/Sidebar.html with the panel and language appended as a script, titled in the spreadsheet language', () => {
    const { gas, env } = setup();
    gas.call('menuSchemes');
    const ev = env.ui._events.find((e) => e.kind === 'sidebar')!;
    expect(ev.title).toBe(msg('ru', 'sb.title.schemes'));
    expect(ev.html!.getContent()).toMatch(/<script>window\.__KPI__=\{"panel":"schemes","lang":"ru"\};<\/script>$/);
  });

  it('English spreadsheet → English title; an unknown panel is refused', () => {
    const { gas, env } = setup({ locale: 'en_US' });
    gas.call('showSidebar', 'simulate');
    expect(env.ui._events[0].title).toBe('Simulate scheme');
    expect(env.ui._events[0].html!.getContent()).toContain('"lang":"en"');
    expect(() => gas.call('showSidebar', '</script><script>alert(1)')).toThrow(/Unknown panel/);
  });
});

describe('getSidebarContext', () => {
  it('language, currency, the three templates in that language, and the KPI sheet’s own metrics', () => {
    const { gas } = setup({
      sheets: {
        Сделки: DEALS,
        Показатели: [['Период', 'Менеджер', 'Показатель', 'Значение'], ['2026-11', 'Иванов', 'Контакты', 300], ['2026-11', 'Иванов', 'Оценка заказчика', 4.5]],
      },
    });
    const ctx = JSON.parse(JSON.stringify(gas.call('getSidebarContext')));
    expect(ctx.lang).toBe('ru');
    expect(ctx.currency).toBe('RUB');
    // the seeds' three, then SPEC §14's: rates by category, head of sales, new hire with a guarantee
    expect(ctx.templates.map((t: any) => t.name)).toEqual(['Оклад + % + бонусы', 'Партнёрская схема', 'Оплаты × KPI',
      'Ставки по категориям', 'Руководитель отдела: оклад + командный %', 'Новичок с гарантией']);
    expect(ctx.templates[0].rules).toEqual(seed001.rules);
    expect(ctx.metrics[0]).toEqual({ id: 'revenue', label: 'выручка' });
    // `Контакты` is the known `contacts` (listed once); the evaluation score of seed 000 is added as written.
    expect(ctx.metrics.filter((m: any) => m.id === 'contacts')).toHaveLength(1);
    expect(ctx.metrics.at(-1)).toEqual({ id: 'оценка_заказчика', label: 'оценка заказчика' });
    expect(ctx.schemesSheet).toBe('Схемы');
  });
});

describe('saveScheme', () => {
  it('creates the Schemes sheet with Russian headers in a ru spreadsheet, in one setValues', () => {
    const { ss, gas, values } = setup();
    ss.io.reset();
    const result = gas.call('saveScheme', 'Оклад + %', seed001.rules);
    expect(result).toMatchObject({ ok: true, saved: true, sheet: 'Схемы', rows: 4 });
    expect(result.message).toBe(msg('ru', 'sb.save.done', { name: 'Оклад + %', rows: 4, sheet: 'Схемы' }));
    const v = values('Схемы')!;
    expect(v[0].slice(0, 11)).toEqual(SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]));
    expect(v.slice(1, 5).map((r) => r[1])).toEqual(['оклад', 'процент', 'бонус за план', 'бонус за сделки']);
    expect(ss.io.calls.setValues).toBe(1);
    expect(ss.io.calls.getValues ?? 0).toBeLessThanOrEqual(1);
  });

  it('English spreadsheet → English headers and words', () => {
    const { gas, values } = setup({ locale: 'en_GB', sheets: { Deals: [['Date', 'Manager', 'Amount']] } });
    gas.call('saveScheme', 'S1', [{ rule: 'plan_bonus', metric: 'revenue', amount: '20000', threshold: '100%' }]);
    const v = values('Schemes')!;
    expect(v[0].slice(0, 3)).toEqual(['scheme', 'rule', 'metric']);
    expect(v[1].slice(0, 3)).toEqual(['S1', 'plan_bonus', 'revenue']);
  });

  it('replaces only that scheme’s rows, keeps the others and the owner’s extra column, and blanks the rows left over (SPEC §10.3: no row deleted)', () => {
    const header = [...SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]), 'Заметки'];
    const row = (...cells: unknown[]) => [...cells, ...Array(header.length - cells.length).fill('')];
    const { ss, gas, values } = setup({
      sheets: {
        Сделки: DEALS,
        Схемы: [
          header,
          row('A', 'оклад', '', '', 10000, '', '', '', '', '', '', 'моя заметка'),
          row('A', 'процент', 'выручка', '2%'),
          row('A', 'бонус за клиента', '', '', 500),
          row('B', 'оклад', '', '', 20000),
        ],
      },
    });
    ss.io.reset();
    // `a` reads as the existing `A` (another spelling): refused without confirm, replaced with it
    expect(gas.call('saveScheme', 'a', [{ rule: 'salary', amount: '15000' }]).collision).toEqual({ existing: 'A', rules: 3 });
    ss.io.reset();
    gas.call('saveScheme', 'a', [{ rule: 'salary', amount: '15000' }], true);
    const v = values('Схемы')!;
    expect(v.filter((r) => r.some((c) => c !== '')).map((r) => [r[0], r[1], r[4], r[11]])).toEqual([
      ['схема', 'правило', 'сумма', 'Заметки'],
      ['a', 'оклад', 15000, 'моя заметка'],
      ['B', 'оклад', 20000, ''],
    ]);
    expect(ss.io.calls.getValues).toBe(1);
    expect(ss.io.calls.setValues).toBe(1);
    expect(ss.io.calls.deleteRows ?? 0).toBe(0); // rows 3–4 held A's old rules: their Schemes cells are blanked, B stays on row 5
    expect(ss.io.calls.insertRowsAfter ?? 0).toBe(0);
    expect(ss.io.calls.clearContent ?? 0).toBe(0);
  });

  it('grows a small hand-made sheet (3 rows × 3 columns) before writing past its grid', () => {
    const { ss, gas, values } = setup();
    const small = (ss as any)._addSheet('Схемы', undefined, 3, 3);
    small._values = [['схема', 'правило', 'сумма'], ['B', 'оклад', 5000]];
    gas.call('saveScheme', 'A', seed001.rules);
    const v = values('Схемы')!;
    expect(small.getMaxRows()).toBeGreaterThanOrEqual(6);
    expect(small.getMaxColumns()).toBeGreaterThanOrEqual(11);
    expect(v[0]).toEqual(['схема', 'правило', 'сумма', 'показатель', 'ставка', 'порог', 'шкала', 'режим', 'потолок', 'месяцев', 'комментарий']);
    expect(v.map((r) => r[0])).toEqual(['схема', 'B', 'A', 'A', 'A', 'A']);
  });

  it('refuses an invalid scheme, says why, and writes nothing', () => {
    const { ss, gas, values } = setup();
    ss.io.reset();
    const result = gas.call('saveScheme', 'X', [{ rule: 'tiers', metric: 'revenue', tiers: '100%:5%; 0%:3%' }]);
    expect(result.saved).toBe(false);
    expect(result.message).toBe(msg('ru', 'sb.save.refused', { n: 1 }));
    // The engine's message without the sheet-row prefix (the form shows it beside rule 1's tiers).
    expect(result.issues).toEqual([{ rule: 0, field: 'tiers', message: msg('ru', 'engSchemeTiersNotAscending', { entry: '0%:3%' }) }]);
    expect(values('Схемы')).toBeUndefined();
    expect(ss.io.writes()).toEqual({});
  });

  it('a blank name and an empty rule list are problems of the scheme as a whole', () => {
    const { gas } = setup();
    const check = gas.call('validateScheme', '  ', []);
    expect(check.ok).toBe(false);
    expect(check.issues).toEqual([
      { rule: null, field: 'scheme', message: msg('ru', 'sb.editor.nameRequired') },
      { rule: null, field: null, message: msg('ru', 'sb.editor.noRules') },
    ]);
  });
});

describe('listSchemes / getScheme / deleteScheme', () => {
  it('lists, reads back canonical drafts, deletes', () => {
    // Seed 003's contacts KPI must be somewhere in the workbook, or the wizard refuses it (SPEC §10.2).
    const { gas, values } = setup({ sheets: { Сделки: DEALS, Показатели: [['Период', 'Менеджер', 'Показатель', 'Значение'], ['2026-11', 'Иванов', 'Контакты', 300]] } });
    for (const t of SCHEME_TEMPLATES) gas.call('saveScheme', t.name.ru, t.rules);
    const list = gas.call('listSchemes');
    expect(list.map((s: any) => [s.name, s.rules, s.problems])).toEqual([
      ['Оклад + % + бонусы', 4, 0],
      ['Партнёрская схема', 5, 0],
      ['Оплаты × KPI', 7, 0],
    ]);
    const scheme = gas.call('getScheme', 'оплаты × kpi');
    expect(scheme.name).toBe('Оплаты × KPI');
    expect(JSON.parse(JSON.stringify(scheme.drafts))).toEqual(SCHEME_TEMPLATES[2].rules);
    gas.call('deleteScheme', 'Партнёрская схема');
    expect(values('Схемы')!.filter((r) => r[0] === 'Партнёрская схема')).toEqual([]);
    expect(() => gas.call('getScheme', 'Партнёрская схема')).toThrow(msg('ru', 'sb.server.schemeNotFound', { name: 'Партнёрская схема', sheet: 'Схемы' }));
  });
});

describe('saving and deleting touch only that scheme’s rows (real Sheets re-parses what setValues writes)', () => {
  // As the owner typed them: `'- основной процент` and `'=старый оклад` are text (the apostrophe is
  // not returned by getValues), D3 of «Другая» is the owner's formula; «Базовая»'s rate is 3 %.
  function ownerSheet() {
    const header = [...SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]), 'Заметки'];
    const row = (...cells: unknown[]) => [...cells, ...Array(header.length - cells.length).fill('')];
    const env = setup({
      sheets: {
        Сделки: DEALS,
        Настройки: [['оклад', 30000]],
        Схемы: [
          header,
          row('Базовая', 'оклад', '', '', 30000, '', '', '', '', '', "'=старый оклад", "'10:50"),
          row('Базовая', 'процент', 'выручка', 0.03, '', '', '', '', '', '', "'- основной процент", "'00123"),
          row('Другая', 'оклад', '', '', '', '', '', '', '', '', 'от настроек'),
          row('Третья', 'оклад', '', '', 10000),
        ],
      },
    });
    const sheet = (env.ss as any)._sheet('Схемы');
    sheet.getRange(4, 5).setFormula('=Настройки!B1'); // «Другая»'s salary: the owner's formula
    sheet._formats.push({ row: 3, col: 4, rows: 1, cols: 1, value: '0%' });
    env.ss.io.reset();
    return { ...env, sheet };
  }
  // every cell of «Базовая» (values, formulas, formats) exactly as it was
  const baseCells = (sheet: any) => {
    const rows = sheet._dump().map((r: unknown[], i: number) => [i + 1, r] as const).filter(([, r]: any) => r[0] === 'Базовая');
    return rows.map(([n, r]: any) => ({
      values: r,
      formulas: sheet.getRange(n, 1, 1, r.length).getFormulas()[0],
      rateFormat: sheet._numberFormatAt(n, 4),
    }));
  };
  const before = [
    { values: ['Базовая', 'оклад', '', '', 30000, '', '', '', '', '', '=старый оклад', '10:50'], formulas: Array(12).fill(''), rateFormat: 'General' },
    { values: ['Базовая', 'процент', 'выручка', 0.03, '', '', '', '', '', '', '- основной процент', '00123'], formulas: Array(12).fill(''), rateFormat: '0%' },
  ];

  it('saving «Третья» with more rules: only its rows are written; «Базовая» and the formula of «Другая» stay byte-identical', () => {
    const { gas, ss, sheet, env } = ownerSheet();
    expect(baseCells(sheet)).toEqual(before);
    ss.io.reset();
    const r = gas.call('saveScheme', 'Третья', [
      { rule: 'salary', amount: '12000', comment: '- новый оклад' },
      { rule: 'percent', metric: 'revenue', rate: '4%', comment: '10:50' },
    ]);
    expect(r.saved).toBe(true);
    const calls = { ...ss.io.calls };
    const io = ss.io.ioTotal();
    expect(baseCells(sheet)).toEqual(before);
    expect(sheet.getRange(4, 5).getFormula()).toBe('=Настройки!B1');
    expect(sheet._get(4, 11)).toBe('от настроек');
    const v = sheet._dump();
    expect(v.slice(4).map((row: unknown[]) => [row[0], row[1], row[3], row[4], row[10]])).toEqual([
      ['Третья', 'оклад', '', 12000, '- новый оклад'],
      ['Третья', 'процент', 0.04, '', '10:50'],
    ]);
    expect(sheet._numberFormatAt(6, 4)).toBe('0%');
    // bounded, however many schemes the sheet holds: one read, one block write (+ its number
    // formats) on row 5 and the free row 6 below, a getName per sheet to find the Schemes sheet, the lock and the mapping
    expect(calls.getValues).toBe(1);
    expect(calls.setValues).toBe(1);
    expect(calls.insertRowsAfter ?? 0).toBe(0);
    expect(calls.deleteRows ?? 0).toBe(0);
    expect(io).toBeLessThanOrEqual(25);
    expect(env.lock._log).toEqual(['acquired', 'released']);
    // the form reads the rate back as typed
    expect(gas.call('getScheme', 'Третья').drafts[1].rate).toBe('4%');
  });

  it('editing «Базовая» itself keeps its comments as text (apostrophe-prefixed) and its extra column', () => {
    const { gas, sheet } = ownerSheet();
    const { drafts } = gas.call('getScheme', 'Базовая');
    expect(drafts.map((d: any) => [d.rate, d.comment])).toEqual([['', '=старый оклад'], ['3%', '- основной процент']]);
    gas.call('saveScheme', 'Базовая', drafts);
    expect(baseCells(sheet)).toEqual(before);
  });

  it('deleting «Другая» blanks its Schemes cells (its formula too); «Базовая» and «Третья» stay byte-identical on their rows', () => {
    const { gas, ss, sheet } = ownerSheet();
    gas.call('deleteScheme', 'Другая');
    expect(baseCells(sheet)).toEqual(before);
    expect(sheet._dump().map((r: unknown[]) => r[0])).toEqual(['схема', 'Базовая', 'Базовая', '', 'Третья']);
    expect(sheet.getRange(1, 1, 5, 12).getFormulas().flat().filter((f: string) => f !== '')).toEqual([]);
    expect(ss.io.calls.setValues).toBe(1); // row 4, columns A–K
    expect(ss.io.calls.deleteRows ?? 0).toBe(0);
  });

  it('a scheme shrinking and a scheme split by another: the stray rows are blanked, B is never written', () => {
    const header = SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]);
    const { gas, ss } = setup({
      sheets: { Сделки: DEALS, Схемы: [header, ['A', 'оклад', '', '', 1], ['A', 'оклад', '', '', 2], ['B', 'оклад', '', '', "'- x"], ['A', 'оклад', '', '', 3]] },
    });
    const sheet = (ss as any)._sheet('Схемы');
    ss.io.reset();
    gas.call('saveScheme', 'A', [{ rule: 'salary', amount: '9' }]);
    expect(sheet._dump().map((r: unknown[]) => [r[0], r[4]])).toEqual([['схема', 'сумма'], ['A', 9], ['', ''], ['B', '- x']]);
    expect(ss.io.calls.deleteRows ?? 0).toBe(0);
    expect(ss.io.calls.setValues).toBe(2); // rows 2–3, then row 5
    expect(sheet._get(4, 5)).toBe('- x');
  });

  it('another editor is saving: a translated “busy” message, nothing written', () => {
    const { gas, ss, env } = ownerSheet();
    env.lock._heldByOther = true;
    expect(() => gas.call('saveScheme', 'Третья', [{ rule: 'salary', amount: '1' }])).toThrow(msg('ru', 'ui.busy'));
    expect(() => gas.call('deleteScheme', 'Другая')).toThrow(msg('ru', 'ui.busy'));
    expect(ss.io.writes()).toEqual({});
  });
});

describe('a hand-edited Schemes sheet', () => {
  it('an unknown rule word is kept as typed, counted as a problem, and explained beside the rule type', () => {
    const header = SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]);
    const { gas } = setup({ sheets: { Сделки: DEALS, Схемы: [header, ['Z', 'оклад', '', '', 1000], ['Z', 'бонус за звонки', '', '', 50]] } });
    expect(gas.call('listSchemes').map((s: any) => [s.name, s.rules, s.problems])).toEqual([['Z', 2, 1]]);
    const { drafts } = gas.call('getScheme', 'Z');
    expect(drafts[1].rule).toBe('бонус за звонки');
    const check = gas.call('validateScheme', 'Z', drafts);
    expect(check.issues).toEqual([{ rule: 1, field: 'rule', message: msg('ru', 'engSchemeUnknownRule', { value: 'бонус за звонки', column: 'правило' }) }]);
  });
});

describe('previewCurve', () => {
  it('pays the sample manager along 0…150 % of plan (seed 001, plan 1 000 000, 10 deals)', () => {
    const { gas } = setup();
    const curve = gas.call('previewCurve', seed001.rules, { revenue: 1000000, deals: 10 });
    expect(curve.ok).toBe(true);
    const at = (a: number) => curve.points.find((p: any) => p.attainment === a);
    // 0 %: salary only, 30 000.
    expect(at(0)).toEqual({ attainment: 0, salary: 30000, variable: 0, total: 30000 });
    // 100 %: 3 % × 1 000 000 = 30 000, + plan bonus 20 000, + 2 000 × (10 − 5) = 10 000 → variable 60 000.
    expect(at(100)).toEqual({ attainment: 100, salary: 30000, variable: 60000, total: 90000 });
    // 95 %: 3 % × 950 000 = 28 500, no plan bonus, 9 deals → 2 000 × 4 = 8 000 → 36 500: the cliff at 100 %.
    expect(at(95)).toEqual({ attainment: 95, salary: 30000, variable: 36500, total: 66500 });
  });

  it('an invalid scheme has no curve, only its issues', () => {
    const { gas } = setup();
    const curve = gas.call('previewCurve', [{ rule: 'kpi', metric: 'conversion', rate: '0.5' }], {});
    expect(curve.ok).toBe(false);
    expect(curve.points).toEqual([]);
    expect(curve.issues[0].message).toBe(msg('ru', 'engSchemeWeights', { sum: '0,5' }));
  });
});

describe('column mapping', () => {
  it('shows what was found, saves a hand-made choice in the document properties, and reads it back', () => {
    const { gas, env } = setup();
    const view = gas.call('getColumnMapping');
    const deals = view.roles.find((r: any) => r.role === 'deals');
    expect(deals.autoSheet).toBe('Сделки');
    expect(deals.headers).toEqual(['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Кто внёс']);
    expect(deals.fields.find((f: any) => f.field === 'amount')).toMatchObject({ auto: 'Сумма', required: true, chosen: null });
    expect(deals.fields.find((f: any) => f.field === 'attractedBy')).toMatchObject({ auto: null, required: false });

    const saved = gas.call('saveColumnMapping', { sheets: { deals: '' }, columns: { deals: { attractedBy: 'Кто внёс', amount: '' } } });
    expect(JSON.parse(env.documentProperties.getProperty('kpiPayouts.mapping')!)).toEqual({ columns: { deals: { attractedBy: 'Кто внёс' } } });
    expect(saved.roles.find((r: any) => r.role === 'deals').fields.find((f: any) => f.field === 'attractedBy').chosen).toBe('Кто внёс');
  });
});
