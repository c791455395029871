/**
 * *Simulate scheme…* on the hand-worked workbook of ./fixture.ts, September–October 2026.
 *
 * Базовая (salary 30 000 + 3 % revenue + 20 000 at 100 % + 2 000 per deal over 5):
 *   09 Иванов 30 000 + 3 % × 1 100 000 + 20 000            = 83 000
 *      Петров 30 000 + 3 % ×   500 000                     = 45 000   payroll 128 000 / margin 480 000 = 26,67 %
 *   10 Иванов 30 000 + 3 % × 1 200 000 + 20 000 + 2 000 × 1 = 88 000
 *      Петров 30 000 + 3 % ×   900 000                     = 57 000   payroll 145 000 / margin 630 000 = 23,02 %
 * Новая (salary 20 000 + tiers 0 %:2 %, 100 %:5 % on revenue, variable ≤ 15 % of margin):
 *   09 Иванов 110 % → 5 % × 1 100 000 = 55 000, capped at 15 % × 330 000 = 49 500 → 69 500
 *      Петров  50 % → 2 % ×   500 000 = 10 000 (cap 22 500)                    → 30 000   payroll 99 500 / 480 000 = 20,73 % > 15 %
 *   10 Иванов 120 % → 5 % × 1 200 000 = 60 000, capped at 15 % × 360 000 = 54 000 → 74 000
 *      Петров  90 % → 2 % ×   900 000 = 18 000 (cap 40 500)                    → 38 000   payroll 112 000 / 630 000 = 17,78 % > 15 %
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import { limitShareOf, parseSimulationRange } from '../../src/core/simulate';
import type { SchemeRow } from '../../src/core/model';
import { runSimulation, simulationTab } from '../../src/workbook/earningsRun';
import type { RawWorkbook } from '../../src/workbook/raw';
import { fixtureWorkbook, IVANOV, PETROV, SCHEME_ROWS } from './fixture';

const run = (schemes: string[], from = '2026-09', to = '2026-10', managers?: string[], raw: RawWorkbook = fixtureWorkbook()) =>
  runSimulation(raw, { schemes, from, to, managers }).json;

describe('one scheme over past months', () => {
  it('Базовая, 09–10: per period and manager, payroll and its share of margin', () => {
    const json = run(['Базовая']);
    expect(json.periods.map((p) => p.period)).toEqual(['2026-09', '2026-10']);
    const [sep, oct] = json.periods.map((p) => p.schemes[0]);
    expect(sep.managers.map((m) => [m.manager, m.total])).toEqual([[IVANOV, 83000], [PETROV, 45000]]);
    expect(oct.managers.map((m) => [m.manager, m.total])).toEqual([[IVANOV, 88000], [PETROV, 57000]]);
    expect([sep.payroll, sep.margin, sep.share]).toEqual([128000, 480000, 0.2667]); // 128 000 / 480 000
    expect([oct.payroll, oct.margin, oct.share]).toEqual([145000, 630000, 0.2302]); // 145 000 / 630 000
    // no limit rule → no limit, no warning
    expect(sep.limit_share).toBeNull();
    expect(json.warnings).toEqual([]);
    expect(json.difference).toBeNull();
    expect(json.totals).toEqual([{ scheme: 'Базовая', payroll: 273000, margin: 1110000, share: 0.2459, manager_periods: 4 }]);
  });

  it('tier reach: 3 % paid 4 times, the plan bonus twice (Иванов 09, 10), the deal bonus once (Иванов 10)', () => {
    const reach = run(['Базовая']).reach.map((r) => [r.rule, r.count]);
    expect(reach).toEqual([['percent', 4], ['plan_bonus', 2], ['deal_bonus', 1]]);
  });

  it('a chosen group only: Петров', () => {
    const json = run(['Базовая'], '2026-09', '2026-10', ['петров пётр']);
    expect(json.managers).toEqual([PETROV]);
    expect(json.manager_totals).toEqual([{ manager: PETROV, totals: [102000], difference: null }]); // 45 000 + 57 000
  });

  it('a scheme is applied to everyone, whatever Plans says (Plans name Базовая only)', () => {
    const json = run(['Новая']);
    expect(json.periods[0].schemes[0].managers.map((m) => m.total)).toEqual([69500, 30000]);
  });
});

describe('two schemes side by side', () => {
  it('difference = Новая − Базовая per period and manager; per-manager totals; over-limit warnings', () => {
    const json = run(['Базовая', 'Новая']);
    expect(json.difference).toEqual([
      { period: '2026-09', manager: IVANOV, first: 83000, second: 69500, difference: -13500 },
      { period: '2026-09', manager: PETROV, first: 45000, second: 30000, difference: -15000 },
      { period: '2026-10', manager: IVANOV, first: 88000, second: 74000, difference: -14000 },
      { period: '2026-10', manager: PETROV, first: 57000, second: 38000, difference: -19000 },
    ]);
    expect(json.manager_totals).toEqual([
      { manager: IVANOV, totals: [171000, 143500], difference: -27500 },
      { manager: PETROV, totals: [102000, 68000], difference: -34000 },
    ]);
    const nova = json.periods.map((p) => p.schemes[1]);
    expect(nova.map((s) => [s.payroll, s.share, s.limit_share, s.over_limit])).toEqual([
      [99500, 0.2073, 0.15, true], // 99 500 / 480 000
      [112000, 0.1778, 0.15, true], // 112 000 / 630 000
    ]);
    expect(json.warnings).toEqual([
      'Новая, 2026-09: ФОТ 20,73 % маржи — больше лимита 15 %.',
      'Новая, 2026-10: ФОТ 17,78 % маржи — больше лимита 15 %.',
    ]);
    // the tier table reached: 5 % by Иванов twice, 2 % by Петров twice
    expect(json.reach.filter((r) => r.scheme === 'Новая').map((r) => [r.level, r.count])).toEqual([['0%:2%', 2], ['100%:5%', 2]]);
  });

  it('no warning when payroll stays within the limit: a 30 % limit on margin', () => {
    const rows = SCHEME_ROWS.map((r) => (r[0] === 'Новая' && r[1] === 'limit' ? ['Новая', 'limit', 'margin', '30%', '', '', '', '', '', '', ''] : r));
    const raw = fixtureWorkbook();
    raw.sheets[2] = { name: 'Схемы', values: rows };
    const json = run(['Новая'], '2026-09', '2026-10', undefined, raw);
    expect(json.periods.map((p) => p.schemes[0].over_limit)).toEqual([false, false]);
    expect(json.warnings).toEqual([]);
  });

  it('property: for any order and month range, difference = second − first and Σ manager totals = Σ payroll', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 9, max: 11 }), fc.integer({ min: 9, max: 11 }), (swap, a, b) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)].map((m) => `2026-${m}`);
        const schemes = swap ? ['Новая', 'Базовая'] : ['Базовая', 'Новая'];
        const json = run(schemes, from, to);
        for (const d of json.difference!) expect(dec(d.second).minus(d.first).toNumber()).toBe(d.difference);
        json.schemes.forEach((_, i) => {
          const byManagers = json.manager_totals.reduce((s, m) => s.plus(m.totals[i]), dec(0));
          expect(byManagers.toNumber()).toBe(json.totals[i].payroll);
        });
        for (const m of json.manager_totals) expect(dec(m.totals[1]).minus(m.totals[0]).toNumber()).toBe(m.difference);
      }),
      { numRuns: 15 },
    );
  });
});

describe('bad requests are one translated line', () => {
  it.each([
    [['Нет такой'], '2026-09', '2026-10', /Схема «Нет такой» не найдена/],
    [[], '2026-09', '2026-10', /одну или две схемы/],
    [['Базовая', 'Новая', 'Базовая'], '2026-09', '2026-10', /не больше двух/],
    [['Базовая'], '2026-10', '2026-09', /позже/],
    [['Базовая'], 'сентябрь', '2026-10', /Период «сентябрь» не распознан/],
    [['Базовая'], '2026-Q3', '2026-10', /одного вида/],
    [['Базовая'], '2010-01', '2026-10', /не больше 120/],
  ])('%j %s…%s', (schemes, from, to, message) => {
    expect(() => run(schemes as string[], from as string, to as string)).toThrow(message as RegExp);
  });

  it('an invalid scheme is named as invalid, not unknown', () => {
    const raw = fixtureWorkbook({ extraSchemeRows: [['Кривая', 'tiers', 'revenue', '', '', '', '10%:5%; 5%:3%', '', '', '', '']] });
    expect(() => runSimulation(raw, { schemes: ['Кривая'], from: '2026-09', to: '2026-10' })).toThrow(/Схема «Кривая» содержит ошибки/);
  });

  it('an unknown manager', () => {
    expect(() => run(['Базовая'], '2026-09', '2026-10', ['Сидоров'])).toThrow(/Менеджер «Сидоров» не найден/);
  });

  it('range parsing: quarters and months, inclusive', () => {
    expect(parseSimulationRange('2025-11', '2026-10', 'en')).toHaveLength(12);
    expect(parseSimulationRange('2026-Q1', '2026-Q4', 'en')).toHaveLength(4);
  });
});

describe('the limit share of a scheme', () => {
  const row = (rule: string, metric: string, rate: string): SchemeRow => ({
    ref: { sheet: 'Schemes', row: 2 }, scheme: 'X', rule, metric, rate, amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '',
  });
  it('a limit on margin gives its rate; an amount limit or a limit on revenue gives none', () => {
    expect(limitShareOf({ schemeRows: [row('лимит', 'маржа', '15%')] }, 'x', 'ru')!.toNumber()).toBe(0.15);
    expect(limitShareOf({ schemeRows: [row('limit', 'revenue', '15%')] }, 'X', 'en')).toBeNull();
    expect(limitShareOf({ schemeRows: [row('salary', '', '')] }, 'X', 'en')).toBeNull();
  });

  it('reads the rate as the engine does, in the workbook\'s language: a text 0,150 in a Russian workbook is 15 %', () => {
    // 0,150 with a decimal comma = 0.15; read in English it was 150 (a thousands comma), as no statement reads it.
    expect(limitShareOf({ schemeRows: [row('лимит', 'маржа', '0,150')] }, 'x', 'ru')!.toNumber()).toBe(0.15);
    // The CLI's --lang en on a Russian workbook: the row says its own language (SchemeRow.numberLang).
    expect(limitShareOf({ schemeRows: [{ ...row('лимит', 'маржа', '0,150'), numberLang: 'ru' }] }, 'x', 'en')!.toNumber()).toBe(0.15);
  });
});

describe('the simulation tab', () => {
  it('kind simulation, a row per period, per-manager totals, warnings, a chart of payroll', () => {
    const json = run(['Базовая', 'Новая']);
    const tab = simulationTab(json, { lang: 'ru', generatedAt: '2026-11-24 10:00' });
    expect(tab.kind).toBe('simulation');
    expect(tab.name).toBe('Симуляция · Базовая / Новая · 2026-09–2026-10');
    const periodRows = tab.rows.filter((r) => r[0] === '2026-09' || r[0] === '2026-10');
    // period | Базовая: payroll, margin, share, limit | Новая: payroll, margin, share, limit | difference
    expect(periodRows[0]).toEqual(['2026-09', 128000, 480000, 0.2667, '', 99500, 480000, 0.2073, 'выше лимита', -28500]);
    expect(tab.rows.find((r) => r[0] === IVANOV)).toEqual([IVANOV, 171000, 143500, -27500]);
    // per period and manager: period | manager | Базовая | Новая | difference
    expect(tab.rows.filter((r) => r[1] === IVANOV || r[1] === PETROV)).toEqual([
      ['2026-09', IVANOV, 83000, 69500, -13500],
      ['2026-09', PETROV, 45000, 30000, -15000],
      ['2026-10', IVANOV, 88000, 74000, -14000],
      ['2026-10', PETROV, 57000, 38000, -19000],
    ]);
    expect(tab.rows.some((r) => r[0] === 'Новая, 2026-09: ФОТ 20,73 % маржи — больше лимита 15 %.')).toBe(true);
    expect(tab.charts).toHaveLength(1);
    const chart = tab.charts![0];
    expect(chart.series.map((s) => s.title)).toEqual(['Базовая', 'Новая']);
    expect(chart.categories.rows).toBe(2);
    // the chart's categories are the period cells
    expect(tab.rows[chart.categories.row][chart.categories.col]).toBe('2026-09');
    expect(tab.rows[chart.series[1].range.row][chart.series[1].range.col]).toBe(99500);
  });
});
