/**
 * SPEC §10.2 through the whole pipeline (`runPayouts` on a RawWorkbook): rates and attainment
 * thresholds written as bare numbers read two ways, and scheme metrics the workbook does not have
 * are typos. Each case: the scheme is invalid, Анна is withheld, and the issue names the Schemes
 * cell — or, spelled plainly, the payout worked out by hand.
 * Анна: revenue 100 000 + 200 000 = 300 000 in 2026-11, plan 1 000 000 (attainment 30 %).
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { schemesCell, twoWaysWorkbook, type TwoWaysOptions } from './twoWays.fixture';

const run = (opts: TwoWaysOptions) => runPayouts(twoWaysWorkbook(opts), { period: '2026-11', today: '2026-12-01' });
const SALARY = { rule: 'оклад', amount: 10000 };
const totals = (r: ReturnType<typeof run>) => Object.fromEntries(r.json.managers.map((m) => [m.manager, m.total]));
// Messages compared with the formatter's no-break spaces written as plain ones.
const issueAt = (r: ReturnType<typeof run>, row: number, column: string) =>
  r.issues.filter((i) => i.sheet === 'Схемы' && i.row === row && i.column === column).map((i) => ({ ...i, message: i.message.replace(/[\u00a0\u202f]/g, ' ') }));

describe('rates that read two ways (SPEC §10.2 "Rates")', () => {
  it('a rate typed 10 used to pay 10 000 + 10 × 300 000 = 3 010 000: now the scheme is invalid and Анна withheld, the issue on Схемы row 3 «ставка»', () => {
    const r = run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: 10 }] });
    expect(r.json.managers).toEqual([]);
    const [issue] = issueAt(r, 3, 'ставка');
    expect(issue).toMatchObject({ ...schemesCell(3, 'rate'), value: '10' });
    expect(issue.message).toBe('Схема «Тест», строка 3: ставка «10» читается двояко (10% или 1 000 %?): напишите 10% или 0,1');
    // and the manager's own issue says the scheme is why
    expect(r.issues.some((i) => i.code === 'engIssueInvalidScheme' && i.message.startsWith('Анна, 2026-11: в схеме «Тест»'))).toBe(true);
  });

  it('3 (300 % or 3 %?) is refused the same way, suggesting 3% or 0,03', () => {
    const r = run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: '3' }] });
    expect(r.json.managers).toEqual([]);
    expect(issueAt(r, 3, 'ставка')[0].message).toMatch(/«3» читается двояко \(3% или 300 %\?\): напишите 3% или 0,03$/);
  });

  it('spelled plainly it pays: 10% (text), 0.1, and 0.1 in a percent-formatted cell: 10 000 + 10 % × 300 000 = 40 000', () => {
    for (const rate of ['10%', 0.1, '0,1']) {
      expect(totals(run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate }] }))).toEqual({ Анна: 40000 });
    }
    const formatted = run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: 0.1 }], formats: [{}, { rate: '0%' }] });
    expect(totals(formatted)).toEqual({ Анна: 40000 });
  });

  it('150 %: the text "150%", or 1.5 in a cell formatted 0% (as Sheets holds a typed 150%) pays 10 000 + 1.5 × 300 000 = 460 000; a bare 1.5 reads two ways', () => {
    expect(totals(run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: '150%' }] }))).toEqual({ Анна: 460000 });
    expect(totals(run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: 1.5 }], formats: [{}, { rate: '0%' }] }))).toEqual({ Анна: 460000 });
    const bare = run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: 1.5 }] });
    expect(bare.json.managers).toEqual([]);
    expect(issueAt(bare, 3, 'ставка')[0].message).toMatch(/напишите 1,5% или 0,015$/);
  });

  it('tiers 0:3; 100:5; 120:7 used to pay 3 × 300 000 = 900 000: now an issue on «шкала» suggesting 0:3%; 100%:5%; 120%:7%', () => {
    const r = run({ rules: [SALARY, { rule: 'шкала', metric: 'выручка', tiers: '0:3; 100:5; 120:7' }] });
    expect(r.json.managers).toEqual([]);
    const [issue] = issueAt(r, 3, 'шкала');
    expect(issue.value).toBe('0:3; 100:5; 120:7');
    expect(issue.message).toBe('Схема «Тест», строка 3: шкала «0:3; 100:5; 120:7»: «3» читается двояко (3% или 300 %?): напишите 0:3%; 100%:5%; 120%:7%');
    // spelled so, it pays 10 000 + 3 % × 300 000 (30 % of plan: the first tier) = 19 000
    expect(totals(run({ rules: [SALARY, { rule: 'шкала', metric: 'выручка', tiers: '0:3%; 100%:5%; 120%:7%' }] }))).toEqual({ Анна: 19000 });
    // fractions are plain too: 0:0,03; 1:0,05 → 19 000
    expect(totals(run({ rules: [SALARY, { rule: 'шкала', metric: 'выручка', tiers: '0:0,03; 1:0,05' }] }))).toEqual({ Анна: 19000 });
  });

  it('attainment thresholds above 10 read two ways: 0:3%; 100:5% in a tiers rule, and a percent rule threshold of 100', () => {
    const tiers = run({ rules: [SALARY, { rule: 'шкала', metric: 'выручка', tiers: '0:3%; 100:5%' }] });
    expect(tiers.json.managers).toEqual([]);
    expect(issueAt(tiers, 3, 'шкала')[0].message).toMatch(/«100» читается двояко \(100% или 10 000 %\?\): напишите 0:3%; 100%:5%$/);
    const threshold = run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: '5%', threshold: 100 }] });
    expect(threshold.json.managers).toEqual([]);
    expect(issueAt(threshold, 3, 'порог')[0].message).toBe('Схема «Тест», строка 3: порог «100» читается двояко (100% или 10 000 % плана?): напишите 100% или 1');
    // a threshold of 0,25 (25 %) is plain: 30 % ≥ 25 % → 10 000 + 5 % × 300 000 = 25 000
    expect(totals(run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: '5%', threshold: 0.25 }] }))).toEqual({ Анна: 25000 });
  });

  it('tables of amounts and counts are not rates: deal bonus 1:5000; 3:10000 → 2 deals reach 1 → 10 000 + 5 000 = 15 000', () => {
    expect(totals(run({ rules: [SALARY, { rule: 'бонус за сделки', tiers: '1:5000; 3:10000' }] }))).toEqual({ Анна: 15000 });
    // a salary of 10 000 and a plan bonus of 20 000 at 25 % are amounts, never rates: 30 000
    expect(totals(run({ rules: [SALARY, { rule: 'бонус за план', metric: 'выручка', amount: 20000, threshold: '25%' }] }))).toEqual({ Анна: 30000 });
  });

  it('a limit rate and a client-turnover rate are rates too; a KPI gate of 80 reads two ways', () => {
    const limit = run({ rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: '5%' }, { rule: 'лимит', metric: 'выручка', rate: 15 }] });
    expect(issueAt(limit, 4, 'ставка')).toHaveLength(1);
    const turnover = run({ rules: [SALARY, { rule: 'процент с клиентов', metric: 'выручка', rate: 2 }] });
    expect(issueAt(turnover, 3, 'ставка')).toHaveLength(1);
    const gate = run({ rules: [SALARY, { rule: 'kpi', metric: 'выручка', rate: 1 }, { rule: 'порог kpi', threshold: 80 }] });
    expect(issueAt(gate, 4, 'порог')).toHaveLength(1);
    for (const r of [limit, turnover, gate]) expect(r.json.managers).toEqual([]);
  });
});

describe('scheme metrics nowhere in the workbook are typos (SPEC §10.2 "Metric names")', () => {
  it('«выручкаа» used to pay 0 with an issue on Сделки: now the issue is on Схемы row 3 «показатель», «did you mean выручка», Анна withheld', () => {
    const r = run({ rules: [SALARY, { rule: 'процент', metric: 'выручкаа', rate: '5%' }] });
    expect(r.json.managers).toEqual([]);
    const [issue] = issueAt(r, 3, 'показатель');
    expect(issue).toMatchObject({ ...schemesCell(3, 'metric'), value: 'выручкаа', code: 'rtUnknownMetricGuess' });
    expect(issue.message).toBe('Схема «Тест», строка 3: показателя «выручкаа» нет в книге: может быть, «выручка»?');
    expect(r.issues.filter((i) => i.sheet === 'Сделки')).toEqual([]);
  });

  it('a Plans column or a KPI-sheet metric of another period is known: no typo', () => {
    // «Оценка клиента» is a Plans column (target 10) with no November fact: it is missing (an issue), not a typo
    const r = run({ rules: [SALARY, { rule: 'kpi', metric: 'Оценка клиента', rate: 1 }], planColumns: { 'Оценка клиента': 10 }, kpi: [['2026-10', 'Анна', 'Оценка клиента', 9]] });
    expect(r.issues.some((i) => i.code === 'rtUnknownMetric' || i.code === 'rtUnknownMetricGuess')).toBe(false);
    expect(totals(r)).toEqual({ Анна: 10000 });
  });

  it('NPS, %; Звонки/день; KPI-1; Качество №1 match themselves in Schemes, Plans headers and the KPI sheet: K = 1.1', () => {
    // Plans targets 50, 40, 10, 4; facts 55, 44, 11, 4.4: each 110 % × weight 0.25 → K = 4 × 0.25 × 1.1 = 1.1
    // variable 5 % × 300 000 = 15 000 × 1.1 = 16 500; total 10 000 + 16 500 = 26 500
    const names = ['NPS, %', 'Звонки/день', 'KPI-1', 'Качество №1'];
    const r = run({
      rules: [SALARY, { rule: 'процент', metric: 'выручка', rate: '5%' }, ...names.map((metric) => ({ rule: 'kpi', metric, rate: 0.25 }))],
      planColumns: { 'NPS, %': 50, 'Звонки/день': 40, 'KPI-1': 10, 'Качество №1': 4 },
      kpi: [['2026-11', 'Анна', 'NPS, %', 55], ['2026-11', 'Анна', 'Звонки/день', 44], ['2026-11', 'Анна', 'KPI-1', 11], ['2026-11', 'Анна', 'Качество №1', 4.4]],
    });
    expect(r.issues).toEqual([]);
    const [anna] = r.json.managers;
    expect(anna.kpi_coefficient).toBe(1.1);
    expect(anna.total).toBe(26500);
  });
});
