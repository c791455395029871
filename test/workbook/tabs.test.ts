import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, sum } from '../../src/core/decimal';
import type { Issue } from '../../src/core/issues';
import type { Deal, ManagerPayout, PayoutLine, PayoutRun } from '../../src/core/model';
import { toPayoutJson } from '../../src/workbook/json';
import { DEAL_COLS, fitName, LINE_COLS, MAX_TAB_NAME, payoutTabs, SUMMARY_COLS } from '../../src/workbook/tabs';
import type { TabModel } from '../../src/workbook/tabModel';

const period = { kind: 'month', year: 2026, month: 11 } as const;

function line(p: Partial<PayoutLine> & Pick<PayoutLine, 'rule' | 'amount'>): PayoutLine {
  return { metric: null, fact: null, plan: null, attainment: null, rate: null, explanation: '', ...p };
}

function deal(p: Partial<Deal> & Pick<Deal, 'date' | 'amount'>): Deal {
  return {
    ref: { sheet: 'Сделки', row: 2 }, id: null, manager: 'Иванов', client: null, cost: null, margin: null, status: 'won',
    paid: null, paidDate: null, partnerPrice: null, attractedBy: null, ...p,
  };
}

/**
 * Seed 001 scheme by hand, for Иванов in 2026-11:
 *   salary 30 000
 *   3 % × revenue 1 250 000 = 37 500
 *   plan bonus: revenue 1 250 000 ÷ plan 1 000 000 = 125 % ≥ 100 % → 20 000
 *   deal bonus: 2 000 × (7 deals − 5) = 4 000
 *   variable = 37 500 + 20 000 + 4 000 = 61 500; total = 30 000 + 61 500 = 91 500
 */
function ivanov(name = 'Иванов'): ManagerPayout {
  const lines = [
    line({ rule: 'salary', amount: dec(30000), rate: dec(30000), explanation: 'Оклад: 30 000,00 ₽' }),
    line({ rule: 'percent', metric: 'revenue', fact: dec(1250000), plan: dec(1000000), attainment: dec('1.25'), rate: dec('0.03'), amount: dec(37500), explanation: '3 % × 1 250 000,00 ₽ = 37 500,00 ₽' }),
    line({ rule: 'plan_bonus', metric: 'revenue', fact: dec(1250000), plan: dec(1000000), attainment: dec('1.25'), rate: dec(20000), amount: dec(20000), explanation: 'план выполнен на 125 % ≥ 100 % → 20 000,00 ₽' }),
    line({ rule: 'deal_bonus', metric: 'deals', fact: dec(7), plan: null, rate: dec(2000), amount: dec(4000), explanation: '2 000,00 ₽ × (7 − 5) = 4 000,00 ₽' }),
  ];
  return {
    manager: name, scheme: 'Оклад + % + бонусы', period, lines,
    salary: dec(30000), variableBeforeKpi: dec(61500), kpiRows: [], kpiCoefficient: null, variable: dec(61500), total: dec(91500),
    attainment: dec('1.25'), attainmentMetric: 'revenue', margin: dec(300000),
    deals: [
      deal({ ref: { sheet: 'Сделки', row: 5 }, id: 'ЗК-1', date: '2026-11-03', client: '=HYPERLINK("x")', amount: dec('1250000.5'), margin: dec(300000) }),
      deal({ ref: { sheet: 'Сделки', row: 6 }, id: 'ЗК-2', date: '2026-11-20', client: '+7 900 123-45-67', amount: dec(-0.5), status: 'won' }),
    ],
    notes: [],
  };
}

/**
 * Seed 003 (KPI) by hand for Лебедева: salary 35 000; 4 % × paid revenue 1 000 000 = 40 000 = V;
 * K = 0.4 × min(0.36/0.30, 1.2) + 0.4 × min(0.9/0.9, 1.2) + 0.2 × min(240/300, 1.2)
 *   = 0.4 × 1.2 + 0.4 × 1 + 0.2 × 0.8 = 0.48 + 0.4 + 0.16 = 1.04
 * V × K = 41 600 → kpi line = 41 600 − 40 000 = 1 600; total = 35 000 + 41 600 = 76 600.
 */
function lebedeva(): ManagerPayout {
  return {
    manager: 'Лебедева', scheme: 'Оплаты × KPI', period,
    lines: [
      line({ rule: 'salary', amount: dec(35000) }),
      line({ rule: 'percent', metric: 'paid_revenue', fact: dec(1000000), rate: dec('0.04'), amount: dec(40000) }),
      line({ rule: 'kpi', rate: dec('1.04'), amount: dec(1600), explanation: '40 000,00 ₽ × K 1,04 − 40 000,00 ₽' }),
    ],
    salary: dec(35000), variableBeforeKpi: dec(40000),
    kpiRows: [
      { metric: 'conversion', fact: dec('0.36'), target: dec('0.3'), weight: dec('0.4'), cap: dec('1.2'), contribution: dec('0.48') },
      { metric: 'collection', fact: dec('0.9'), target: dec('0.9'), weight: dec('0.4'), cap: dec('1.2'), contribution: dec('0.4') },
      { metric: 'contacts', fact: dec(240), target: dec(300), weight: dec('0.2'), cap: dec('1.2'), contribution: dec('0.16') },
    ],
    kpiCoefficient: dec('1.04'), variable: dec(41600), total: dec(76600), attainment: null, margin: null, deals: [], notes: ['Порог KPI пройден'],
  };
}

const issues: Issue[] = [
  { code: 'badStatus', sheet: 'Сделки', row: 12, column: 'Статус', value: 'передумал', message: 'Неизвестный статус' },
  { code: 'schemeInvalid', sheet: 'Схемы', row: null, column: null, value: null, message: 'Схема без правил' },
];

function run(managers: ManagerPayout[], lang: 'ru' | 'en' = 'ru'): PayoutRun {
  return { period, currency: 'RUB', lang, managers, issues: [] };
}

const ctx = { generatedAt: '2026-12-01 09:00', currency: 'RUB', lang: 'ru' as const };

const findRow = (tab: TabModel, first: unknown) => tab.rows.findIndex((r) => r[0] === first);

describe('manager tab of a hand-built seed-001 payout', () => {
  const tabs = payoutTabs(run([ivanov()]), issues, ctx);
  const tab = tabs[1];

  it('is named «<manager> · <period>» with a stable key', () => {
    expect(tabs.map((t) => t.name)).toEqual(['Выплаты · 2026-11', 'Иванов · 2026-11']);
    expect(tab.key).toBe('payout:2026-11:иванов');
    expect(tab.kind).toBe('manager');
    expect(tabs[0].key).toBe('summary:2026-11');
  });

  it('header block: manager, period, scheme, the attainment the summary shows (1 250 000 ÷ 1 000 000 = 125 %, of revenue), generated at', () => {
    expect(tab.rows.slice(1, 6)).toEqual([
      ['Менеджер', 'Иванов'], ['Период', '2026-11'], ['Схема', 'Оклад + % + бонусы'], ['Выполнение плана', 1.25, 'выручка'], ['Сформировано', '2026-12-01 09:00'],
    ]);
    expect(tab.formats).toContainEqual({ range: { row: 4, col: 1, rows: 1, cols: 1 }, format: 'percent' });
  });

  it('the lines are numbered in the rule column: 1. salary … 4. deal bonus', () => {
    expect(tab.rows.slice(tab.frozenRows, tab.frozenRows + 4).map((r) => r[0])).toEqual([
      '1. Оклад', '2. Процент от показателя «выручка»', '3. Бонус за план по показателю «выручка»', '4. Бонус за сделки',
    ]);
  });

  it('the percent line: exact cells (3 % × 1 250 000 = 37 500)', () => {
    const r = findRow(tab, '2. Процент от показателя «выручка»');
    expect(tab.rows[r]).toEqual(['2. Процент от показателя «выручка»', 'выручка', 1250000, 1000000, 1.25, 0.03, 37500, '3 % × 1 250 000,00 ₽ = 37 500,00 ₽']);
    const fmt = (col: number) => tab.formats.find((f) => f.range.col === col && r >= f.range.row && r < f.range.row + f.range.rows)?.format;
    expect(fmt(LINE_COLS.fact)).toBe('money');
    expect(fmt(LINE_COLS.attainment)).toBe('percent');
    expect(fmt(LINE_COLS.rate)).toBe('percent');
    expect(fmt(LINE_COLS.amount)).toBe('money');
  });

  it('the lines header is frozen and bold', () => {
    const header = tab.frozenRows - 1;
    expect(tab.rows[header][0]).toBe('Правило');
    expect(tab.bold).toContainEqual({ row: header, col: 0, rows: 1, cols: 8 });
  });

  it('bold TOTAL row: 30 000 + 61 500 = 91 500 under the amount column, = Σ line amounts', () => {
    const r = findRow(tab, 'ИТОГО К ВЫПЛАТЕ');
    expect(tab.rows[r]).toEqual(['ИТОГО К ВЫПЛАТЕ', null, null, null, null, null, 91500, ]);
    expect(tab.rows[r - 2]).toEqual(['Оклад', null, null, null, null, null, 30000]);
    expect(tab.rows[r - 1]).toEqual(['Переменная часть', null, null, null, null, null, 61500]);
    expect(tab.bold).toContainEqual({ row: r, col: 0, rows: 1, cols: 7 });
    const lineAmounts = tab.rows.slice(tab.frozenRows, tab.frozenRows + 4).map((row) => row[LINE_COLS.amount] as number);
    expect(lineAmounts).toEqual([30000, 37500, 20000, 4000]);
    expect(lineAmounts.reduce((a, b) => a + b, 0)).toBe(91500);
  });

  it('the deals behind it: a date, text kept as text, a link to the deal row', () => {
    const r = findRow(tab, 'Дата');
    const first = tab.rows[r + 1];
    expect(Object.prototype.toString.call(first[0])).toBe('[object Date]');
    expect((first[0] as Date).toISOString()).toBe('2026-11-03T12:00:00.000Z');
    // paid in the period, paid before, the row, who closed it, and the lines it counts in: blank, as
    // these hand-built lines carry no dealRefs (like a statement from the ledger), so no reason is known
    expect(first.slice(1)).toEqual(['ЗК-1', '=HYPERLINK("x")', 1250000.5, 300000, 'успешно', null, null, 5, 'Иванов', '']);
    expect(tab.rows[r + 2][2]).toBe('+7 900 123-45-67');
    expect(tab.rows[r + 2][3]).toBe(-0.5);
    expect(tab.links).toContainEqual({ row: r + 1, col: DEAL_COLS.row, sheet: 'Сделки', targetRow: 5 });
  });

  it('no KPI table when the scheme has no kpi rules', () => {
    expect(findRow(tab, 'Коэффициент KPI')).toBe(-1);
  });
});

describe('manager tab with a KPI coefficient', () => {
  const tab = payoutTabs(run([lebedeva()]), [], ctx)[1];
  it('KPI table: fact, target, weight, cap, contribution and K = 1.04', () => {
    const r = findRow(tab, 'Показатель KPI');
    expect(tab.rows[r + 1]).toEqual(['конверсия', 0.36, 0.3, 0.4, 1.2, 0.48]);
    expect(tab.rows[r + 3]).toEqual(['контакты', 240, 300, 0.2, 1.2, 0.16]);
    expect(tab.rows[r + 4]).toEqual(['K (коэффициент KPI)', null, null, null, null, 1.04]);
    const k = tab.formats.find((f) => f.range.col === 5 && f.range.row <= r + 4 && r + 4 < f.range.row + f.range.rows);
    expect(k?.format).toBe('coefficient');
  });
  it('notes are listed', () => {
    const r = findRow(tab, 'Примечания');
    expect(tab.rows[r + 1]).toEqual(['Порог KPI пройден']);
  });
});

describe('summary tab', () => {
  const tabs = payoutTabs(run([ivanov(), lebedeva()]), issues, ctx);
  const s = tabs[0];
  it('a row per manager and the company total (91 500 + 76 600 = 168 100)', () => {
    const r = s.rows.findIndex((row) => row[1] === 'Иванов');
    // ranked by payout: 91 500 > 76 600; the 100 % column feeds the chart's line; payout ÷ margin = 91 500 ÷ 300 000 = 0.305
    expect(s.rows[r]).toEqual([1, 'Иванов', 'Оклад + % + бонусы', 30000, 61500, 91500, 1.25, 'выручка', 0.305, 300000, 1]);
    expect(s.rows[r + 1]).toEqual([2, 'Лебедева', 'Оплаты × KPI', 35000, 41600, 76600, null, '', null, null, 1]);
    const t = s.rows.findIndex((row) => row[1] === 'Итого по компании');
    // salary 30 000 + 35 000 = 65 000; variable 61 500 + 41 600 = 103 100; total 168 100.
    // % of margin over the managers with a known margin only (review item 4): Лебедева's margin is
    // unknown, so 91 500 ÷ 300 000 = 0.305 — not 168 100 ÷ 300 000 = 0.560333 (her pay against no margin)
    expect(s.rows[t]).toEqual([null, 'Итого по компании', null, 65000, 103100, 168100, null, null, 0.305, 300000]);
    expect(s.bold).toContainEqual({ row: t, col: 0, rows: 1, cols: 10 });
    expect(s.rows[t + 1]).toEqual([
      'Выплата, % маржи, по компании считается только по 1 из 2 менеджеров с известной маржой: 91 500,00 ₽ выплат к 300 000,00 ₽ маржи.',
    ]);
  });
  it('a column chart of payout and attainment by manager, a ₽ axis title and a 100 % line', () => {
    const r = s.rows.findIndex((row) => row[1] === 'Иванов');
    expect(s.charts).toHaveLength(1);
    const c = s.charts![0];
    expect(c.categories).toEqual({ row: r, col: SUMMARY_COLS.manager, rows: 2, cols: 1 });
    expect(c.series.map((x) => [x.range.col, x.axis, x.target ?? false])).toEqual([
      [SUMMARY_COLS.total, 'left', false], [SUMMARY_COLS.attainment, 'right', false], [SUMMARY_COLS.target, 'right', true],
    ]);
    expect(c.series[2].title).toBe('План (100 %)');
    expect(c.axisTitles).toEqual({ left: 'Выплата, ₽', right: 'Выполнение плана, %' });
    expect(s.rows.slice(r, r + 2).map((row) => row[SUMMARY_COLS.target])).toEqual([1, 1]);
  });
  it('the axis names the workbook currency as written, never a guessed one: $ for USD, the code for CHF', () => {
    const axis = (currency: string, lang: 'ru' | 'en') => payoutTabs(run([ivanov()], lang), [], { ...ctx, currency, lang })[0].charts![0].axisTitles!.left;
    expect(axis('USD', 'en')).toBe('Payout, $');
    expect(axis('CHF', 'en')).toBe('Payout, CHF');
    expect(axis('RUB', 'en')).toBe('Payout, ₽');
  });
  it('ranked by payout, largest first; equal pay shares a rank and keeps the name order (1, 1, 3)', () => {
    // Анна 50 000 < Борис 91 500 = Иванов 91 500 → Борис 1, Иванов 1, Анна 3
    const anna = { ...ivanov('Анна'), total: dec(50000), variable: dec(20000) };
    const tabs = payoutTabs(run([anna, ivanov('Борис'), ivanov('Иванов')]), [], ctx);
    const first = tabs[0].frozenRows;
    expect(tabs[0].rows.slice(first, first + 3).map((row) => [row[0], row[1], row[5]])).toEqual([[1, 'Борис', 91500], [1, 'Иванов', 91500], [3, 'Анна', 50000]]);
  });
  it('the issues list, each row linked to the offending sheet row', () => {
    const r = findRow(s, 'Замечания к данным (2)');
    expect(s.rows[r + 2]).toEqual(['Сделки', 12, 'Статус', 'передумал', 'Неизвестный статус']);
    expect(s.rows[r + 3]).toEqual(['Схемы', null, '', '', 'Схема без правил']);
    expect(s.links).toEqual([{ row: r + 2, col: 1, sheet: 'Сделки', targetRow: 12 }]);
  });
  it('English labels for an English run', () => {
    const en = payoutTabs(run([ivanov('Ivanov')], 'en'), [], { ...ctx, lang: 'en' });
    expect(en.map((t) => t.name)).toEqual(['Payouts · 2026-11', 'Ivanov · 2026-11']);
    expect(findRow(en[1], 'TOTAL TO PAY')).toBeGreaterThan(0);
    expect(findRow(en[0], 'No data issues.')).toBeGreaterThan(0);
  });
});

describe('tab names and keys', () => {
  it('a long manager name is cut so the name fits 100 characters and still ends with the period', () => {
    const long = 'Константинопольский-Задунайский '.repeat(5).trim();
    const tabs = payoutTabs(run([ivanov(long), ivanov(long + ' второй')]), [], ctx);
    for (const t of tabs) expect(Array.from(t.name).length).toBeLessThanOrEqual(MAX_TAB_NAME);
    for (const t of tabs) expect(Array.from(t.key).length).toBeLessThanOrEqual(100);
    // both managers share the first 100 characters of their key: the second gets a #2 suffix
    expect(tabs[1].key).toBe(Array.from(`payout:2026-11:${long.toLowerCase()}`).slice(0, 100).join(''));
    expect(tabs[2].key).toBe(`${tabs[1].key.slice(0, 94)}#2`);
    expect(tabs[1].name.endsWith(' · 2026-11')).toBe(true);
    expect(tabs[2].name).not.toBe(tabs[1].name);
    expect(tabs[1].name.toLowerCase()).not.toBe(tabs[2].name.toLowerCase());
  });
  it('two managers whose names differ only in case get distinct names and keys', () => {
    const tabs = payoutTabs(run([ivanov('Иванов'), ivanov('ИВАНОВ')]), [], ctx);
    expect(tabs.slice(1).map((t) => t.name)).toEqual(['Иванов · 2026-11', 'ИВАНОВ (2) · 2026-11']);
    expect(tabs[1].key).toBe('payout:2026-11:иванов');
    expect(tabs[2].key).toBe('payout:2026-11:иванов#2');
  });
  it('property: fitted names are unique case-insensitively and at most 100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 140 }), { maxLength: 20 }), (names) => {
        const taken = new Set<string>();
        const out = names.map((n) => fitName(n, ' · 2026-11', taken));
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
        for (const n of out) expect(Array.from(n).length).toBeLessThanOrEqual(MAX_TAB_NAME);
      }),
    );
  });
});

describe('SPEC §8 JSON', () => {
  it('has exactly the documented shape, amounts as numbers', () => {
    const json = toPayoutJson(run([ivanov(), lebedeva()]), issues);
    expect(Object.keys(json)).toEqual(['period', 'currency', 'managers', 'issues']);
    expect(json.period).toBe('2026-11');
    expect(json.currency).toBe('RUB');
    const m = json.managers[0];
    expect(Object.keys(m)).toEqual(['manager', 'scheme', 'lines', 'kpi_coefficient', 'variable', 'salary', 'total', 'attainment', 'attainment_metric']);
    expect(m).toMatchObject({ manager: 'Иванов', kpi_coefficient: null, variable: 61500, salary: 30000, total: 91500, attainment: 1.25, attainment_metric: 'revenue' });
    expect(json.managers[1]).toMatchObject({ attainment: null, attainment_metric: null });
    expect(Object.keys(m.lines[1])).toEqual(['rule', 'metric', 'fact', 'plan', 'rate', 'amount', 'explanation']);
    expect(m.lines[1]).toEqual({ rule: 'percent', metric: 'revenue', fact: 1250000, plan: 1000000, rate: 0.03, amount: 37500, explanation: '3 % × 1 250 000,00 ₽ = 37 500,00 ₽' });
    expect(m.lines[3].plan).toBeNull();
    expect(json.managers[1].kpi_coefficient).toBe(1.04);
    expect(json.issues).toEqual([
      { sheet: 'Сделки', row: 12, column: 'Статус', value: 'передумал', message: 'Неизвестный статус' },
      { sheet: 'Схемы', row: null, column: null, value: null, message: 'Схема без правил' },
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
  it('a tier text rate becomes its numeric rate, or null when no single rate applies (review item 15)', () => {
    const m = ivanov();
    m.lines[1] = { ...m.lines[1], rule: 'client_turnover', rate: '0:5%; 12:3%' };
    expect(toPayoutJson(run([m]), []).managers[0].lines[1].rate).toBeNull();
    m.lines[1] = { ...m.lines[1], rule: 'tiers', rate: '100%:5%', rateValue: dec('0.05') };
    expect(toPayoutJson(run([m]), []).managers[0].lines[1].rate).toBe(0.05);
  });
  it('property: money amounts are numbers exact to the kopeck and line amounts sum to the total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 12 }), (kopecks) => {
        const amounts = kopecks.map((k) => dec(k).div(100));
        const total = sum(amounts);
        const m: ManagerPayout = { ...ivanov(), lines: amounts.map((a) => line({ rule: 'percent', amount: a })), salary: dec(0), variable: total, total };
        const j = toPayoutJson(run([m]), []).managers[0];
        j.lines.forEach((l, i) => expect(l.amount).toBe(kopecks[i] / 100));
        expect(sum(j.lines.map((l) => dec(l.amount))).toNumber()).toBe(j.total);
      }),
    );
  });
});
