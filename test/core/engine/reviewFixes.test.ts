/** Review items 6, 7, 11, 15, 18: hand-worked numbers for each engine decision (README decisions). */
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../../src/core/payout';
import { toPayoutJson } from '../../../src/workbook/json';
import { EN, RU, deals, input, kpiFact, money, period, plan, schemeRows } from './builders';

const A = 'Анна';
const B = 'Борис';
const NOV = period('2026-11');

describe('item 6: a quarter with no quarter row of KPI facts takes its months', () => {
  const ds = deals([{ date: '2026-10-10', manager: A, amount: 60000 }, { date: '2026-12-10', manager: A, amount: 40000 }]);
  const rows = schemeRows('S', [
    { rule: 'percent', metric: 'revenue', rate: '10%' },
    { rule: 'kpi', metric: 'contacts', rate: '0.5' },
    { rule: 'kpi', metric: 'score', rate: '0.5' },
  ]);
  const plans = [plan(2, '2026-Q4', A, 'S', { contacts: 300, score: 5 })];

  it('contacts 100 + 100 + 100 = 300 of 300 → full; score (4 + 5) / 2 months = 4.5 of 5 → 0.9', () => {
    const facts = [
      kpiFact(2, '2026-10', A, 'contacts', 100), kpiFact(3, '2026-11', A, 'contacts', 100), kpiFact(4, '2026-12', A, 'contacts', 100),
      kpiFact(5, '2026-10', A, 'score', 4), kpiFact(6, '2026-11', A, 'score', 5), // no December score: the average of two months
      kpiFact(7, '2026-09', A, 'contacts', 1000), kpiFact(8, '2027-01', A, 'contacts', 1000), // outside Q4
      kpiFact(9, '2026-11', B, 'contacts', 1000), // another manager
    ];
    const r = computePayouts(input({ deals: ds, plans, kpiFacts: facts, schemeRows: rows }), period('2026-Q4'), RU);
    const [m] = r.managers;
    expect(m.kpiRows.map((k) => [k.metric, k.fact!.toNumber()])).toEqual([['contacts', 100 + 100 + 100], ['score', (4 + 5) / 2]]);
    // K = 0.5 × 300/300 + 0.5 × 4.5/5 = 0.5 + 0.45 = 0.95
    expect(m.kpiCoefficient!.toNumber()).toBe(0.5 * 1 + 0.5 * 0.9);
    // V = 10 % × (60 000 + 40 000) = 10 000; × 0.95 = 9 500
    expect(money(m.total)).toBe('9500.00');
    expect(r.issues).toEqual([]);
  });

  it('a quarter row, when there is one, wins over the months', () => {
    const facts = [
      kpiFact(2, '2026-Q4', A, 'contacts', 150), kpiFact(3, '2026-10', A, 'contacts', 300),
      kpiFact(4, '2026-Q4', A, 'score', 5),
    ];
    const r = computePayouts(input({ deals: ds, plans, kpiFacts: facts, schemeRows: rows }), period('2026-Q4'), RU);
    // K = 0.5 × 150/300 + 0.5 × 5/5 = 0.25 + 0.5 = 0.75 → 10 000 × 0.75 = 7 500
    expect(r.managers[0].kpiCoefficient!.toNumber()).toBe(0.75);
    expect(money(r.managers[0].total)).toBe('7500.00');
  });
});

describe('item 7: a tiers rule with no plan names the scheme row; a plan of 0 says so', () => {
  const ds = deals([{ date: '2026-11-02', manager: A, amount: 100000 }]);
  const rows = schemeRows('S', [{ rule: 'оклад', amount: '1000' }, { rule: 'шкала', metric: 'выручка', tiers: '0:3%; 100%:5%' }], 5);

  it('plan 0: issue at Схемы row 6, column «шкала», no payout', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', { revenue: 0 })], schemeRows: rows }), NOV, RU);
    expect(r.managers).toEqual([]);
    expect(r.issues.map((i) => [i.sheet, i.row, i.column, i.value, i.message])).toEqual([
      ['Схемы', 6, 'шкала', '0:3%; 100%:5%', 'Анна, 2026-11: шкала по показателю «выручка» считается от плана, а план по нему равен 0: выплата не рассчитана'],
    ]);
  });

  it('no plan at all (en): the same place, "no revenue plan"', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', { margin: 5 })], schemeRows: rows }), NOV, EN);
    expect(r.issues.map((i) => [i.sheet, i.row, i.column, i.message])).toEqual([
      ['Схемы', 6, 'tiers', 'Анна, 2026-11: the tiers on revenue are set against the plan, and Plans has no revenue plan: no payout'],
    ]);
  });

  it('plan bonus with a plan of 0: "the plan is 0", not "no plan"', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', { revenue: 0 })],
      schemeRows: schemeRows('S', [{ rule: 'бонус за план', metric: 'выручка', amount: '5000' }]) }), NOV, RU);
    expect(money(r.managers[0].total)).toBe('0.00');
    expect(r.managers[0].lines[0].explanation).toBe('Бонус за план: план (выручка) равен 0 → 0,00 ₽');
    expect(r.issues.map((i) => i.message)).toEqual(['Анна, 2026-11: план по показателю «выручка» равен 0: бонус за план не начисляется']);
  });
});

describe('item 11: client turnover on margin checks the margins of the deals it uses only', () => {
  it('Анна\'s own won deal has a blank margin; her client\'s deal (closed by Борис) has margin 40 000 → 5 % × 40 000 = 2 000', () => {
    const ds = deals([
      { date: '2026-10-01', manager: A, client: 'X', amount: 100000, margin: 30000 }, // X becomes Анна's client
      { date: '2026-11-05', manager: B, client: 'X', amount: 120000, margin: 40000 }, // used: margin known
      { date: '2026-11-06', manager: A, client: 'Y', amount: 10000, attractedBy: B }, // Анна's own deal, margin blank; Y is Борис's
    ]);
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'T')],
      schemeRows: schemeRows('T', [{ rule: 'процент с клиентов', metric: 'маржа', rate: '5%' }]) }), NOV, RU);
    const m = r.managers.find((x) => x.manager === A)!;
    expect(money(m.total)).toBe('2000.00');
  });

  it('a blank margin on a deal the rule does use still stops the line, naming that row', () => {
    const ds = deals([
      { date: '2026-10-01', manager: A, client: 'X', amount: 100000, margin: 30000 },
      { date: '2026-11-05', manager: B, client: 'X', amount: 120000 }, // row 3: used, margin blank
    ]);
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'T')],
      schemeRows: schemeRows('T', [{ rule: 'процент с клиентов', metric: 'маржа', rate: '5%' }]) }), NOV, RU);
    const m = r.managers.find((x) => x.manager === A)!;
    expect(money(m.total)).toBe('0.00');
    expect(m.lines[0].explanation).toContain('строке 3');
  });

  it('no margin column at all: says so', () => {
    const ds = deals([{ date: '2026-11-05', manager: A, client: 'X', amount: 120000 }]);
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'T')],
      schemeRows: schemeRows('T', [{ rule: 'процент с клиентов', metric: 'маржа', rate: '5%' }]) }, { margin: false }), NOV, RU);
    expect(r.managers[0].lines[0].explanation).toContain('нет столбца маржи или себестоимости');
  });
});

describe('item 15: JSON rate is a number for tier lines, null when no single rate applies', () => {
  it('tiers 0:3%; 100%:5% at 110 % → 0.05; plan bonus tiers → 25 000; client turnover with two month tiers → null', () => {
    const ds = deals([
      { date: '2025-01-10', manager: A, client: 'Old', amount: 1 },  // Old: first won 2025-01 → 22 whole months by 2026-11
      { date: '2026-11-03', manager: A, client: 'Old', amount: 500000 },
      { date: '2026-11-04', manager: A, client: 'New', amount: 600000 }, // New: 0 months
    ]);
    const rows = schemeRows('S', [
      { rule: 'tiers', metric: 'revenue', tiers: '0:3%; 100%:5%' },
      { rule: 'plan_bonus', metric: 'revenue', tiers: '80%:10000; 100%:25000' },
      { rule: 'client_turnover', tiers: '0:5%; 12:3%' },
      { rule: 'client_turnover', tiers: '0:5%; 12:3%', months: '12' }, // only New's deal: one rate, 5 %
      { rule: 'percent', metric: 'revenue', rate: '1%' },
    ]);
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', { revenue: 1000000 })], schemeRows: rows }), NOV, EN);
    const json = toPayoutJson(r, r.issues);
    // revenue 500 000 + 600 000 = 1 100 000 → 110 %: tier 100 % → 5 %
    expect(json.managers[0].lines.map((l) => [l.rule, l.rate, l.amount])).toEqual([
      ['tiers', 0.05, 1100000 * 0.05],
      ['plan_bonus', 25000, 25000],
      ['client_turnover', null, 500000 * 0.03 + 600000 * 0.05], // 15 000 + 30 000
      ['client_turnover', 0.05, 600000 * 0.05],
      ['percent', 0.01, 1100000 * 0.01],
    ]);
    for (const l of json.managers[0].lines) expect(typeof l.rate === 'number' || l.rate === null).toBe(true);
  });
});

describe('item 18: the single-scheme fallback needs exactly one scheme, and a valid one', () => {
  const ds = deals([{ date: '2026-11-02', manager: A, amount: 100000 }, { date: '2026-11-03', manager: B, amount: 100000 }]);
  const rows = [
    ...schemeRows('Good', [{ rule: 'salary', amount: '1000' }]),
    ...schemeRows('Bad', [{ rule: 'salary', amount: 'abc' }], 3),
  ];

  it('one valid + one invalid scheme: Борис (no Plans row) gets a "no scheme" issue, not the valid one', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'Good')], schemeRows: rows }), NOV, EN);
    expect(r.managers.map((m) => [m.manager, money(m.total)])).toEqual([[A, '1000.00']]);
    expect(r.issues.map((i) => i.code)).toContain('engIssueNoScheme');
    expect(r.issues.find((i) => i.code === 'engIssueNoScheme')!.message).toBe(
      'Борис, 2026-11: no row in Планы says which scheme applies, and the Schemes sheet does not hold exactly one scheme (invalid ones count): no payout');
  });

  it('exactly one valid scheme: still applies to everyone without a Plans row', () => {
    const r = computePayouts(input({ deals: ds, schemeRows: rows.slice(0, 1) }), NOV, EN);
    expect(r.managers.map((m) => [m.manager, money(m.total)])).toEqual([[A, '1000.00'], [B, '1000.00']]);
  });
});
