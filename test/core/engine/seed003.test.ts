/**
 * Seed 003: salary 35 000 + 4 % of cash collected, times a KPI coefficient of conversion (0.4,
 * target 30 %), collection (0.4, target 90 %) and contacts (0.2, target 300), cap 1.2; a KPI gate
 * at 0.5 and a limit of 15 % of margin.
 */
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../../src/core/payout';
import { type DealSpec, RU, deals, input, kpiFact, money, payment, period, plan, schemeRows, templateRows } from './builders';

const NOV = period('2026-11');
const O = 'Олег';

function specs(costs = { d2: 200000, d3: 70000, d7: 60000 }, extraLost = 0): DealSpec[] {
  return [
    { row: 2, id: 'D1', date: '2026-10-10', manager: O, amount: 200000, cost: 120000 },
    { row: 3, id: 'D2', date: '2026-11-03', manager: O, amount: 300000, cost: costs.d2 },
    { row: 4, id: 'D3', date: '2026-11-15', manager: O, amount: 100000, cost: costs.d3 },
    { row: 5, id: 'D4', date: '2026-11-16', manager: O, amount: 500000, status: 'lost' },
    { row: 6, id: 'D5', date: '2026-11-17', manager: O, amount: 80000, status: 'lost' },
    { row: 7, id: 'D6', date: '2026-11-18', manager: O, amount: 90000, status: 'cancelled' },
    { row: 8, id: 'D7', date: '2026-11-19', manager: O, amount: 100000, cost: costs.d7 },
    ...Array.from({ length: extraLost }, (_, i): DealSpec => ({ row: 20 + i, id: `L${i}`, date: '2026-11-21', manager: O, amount: 1000, status: 'lost' })),
  ];
}

const PAYMENTS = [
  payment(2, 'D1', '2026-10-20', 50000), // before P: D1 still owes 150 000 at the start of November
  payment(3, 'D1', '2026-11-05', 100000),
  payment(4, 'D2', '2026-11-10', 200000),
  payment(5, 'D2', '2026-12-02', 100000), // after P: split across periods
  payment(6, 'D3', '2026-11-20', 100000),
];

function run(opts: { costs?: { d2: number; d3: number; d7: number }; extraLost?: number; contacts?: number | null } = {}) {
  // No November row: the KPI sheet still has contacts (October), so the metric is known but missing in November
  // (a metric nowhere in the workbook would be a typo, SPEC §10.2: test/core/engine/unknownMetric.test.ts).
  const facts = opts.contacts === null ? [kpiFact(2, '2026-10', O, 'Контакты', 100)] : [kpiFact(2, '2026-11', O, 'Контакты', opts.contacts ?? 240)];
  return computePayouts(
    input({
      deals: deals(specs(opts.costs, opts.extraLost ?? 0)),
      payments: PAYMENTS,
      plans: [plan(2, '2026-11', O, 'KPI')],
      kpiFacts: facts,
      schemeRows: templateRows('seed003', 'KPI'),
    }, { paid: true }),
    NOV, RU,
  );
}

describe('seed 003: cash collected × KPI, gate and limit', () => {
  it('gate open, limit not reached: 35 000 + round(16 000 × 0.9135…) = 49 616.07', () => {
    const r = run();
    expect(r.issues).toEqual([]);
    const [m] = r.managers;
    // cash in November: 100 000 (D1) + 200 000 (D2) + 100 000 (D3) = 400 000; 4 % = 16 000
    expect(money(m.lines[1].amount)).toBe('16000.00');
    expect(m.lines[1].explanation).toBe('4 % × 400 000,00 ₽ = 16 000,00 ₽');
    // conversion 3 won / (3 + 2 lost) = 0.6 (the cancelled deal counts nowhere); 0.6 / 0.3 = 2 → cap 1.2 → 0.4 × 1.2 = 0.48
    // collection 400 000 / (150 000 owed + 500 000 booked) = 0.615385; / 0.9 = 0.683761 → 0.4 × 0.683761 = 0.273504
    // contacts 240 / 300 = 0.8 → 0.2 × 0.8 = 0.16;  K = 0.48 + 0.273504 + 0.16 = 0.913504
    expect(m.kpiCoefficient!.toFixed(6)).toBe('0.913504');
    expect(m.kpiRows.map((k) => [k.metric, k.fact!.toFixed(6), k.target!.toString(), k.contribution!.toFixed(6)])).toEqual([
      ['conversion', '0.600000', '0.3', '0.480000'],
      ['collection', '0.615385', '0.9', '0.273504'],
      ['contacts', '240.000000', '300', '0.160000'],
    ]);
    // 16 000 × 0.9135042735 = 14 616.068 → 14 616.07; the kpi line is 14 616.07 − 16 000 = −1 383.93
    expect(m.lines.map((l) => [l.rule, money(l.amount)])).toEqual([
      ['salary', '35000.00'], ['percent', '16000.00'], ['kpi', '-1383.93'],
    ]);
    expect(m.lines[2].explanation).toBe('K = 0,4 × 1,2 + 0,4 × 0,6838 + 0,2 × 0,8 = 0,9135; 16 000,00 ₽ × 0,9135 = 14 616,07 ₽');
    expect(money(m.variableBeforeKpi)).toBe('16000.00');
    expect(money(m.variable)).toBe('14616.07');
    // limit: margin 100 000 + 30 000 + 40 000 = 170 000 × 15 % = 25 500 > 14 616.07: not applied
    expect(money(m.margin!)).toBe('170000.00');
    expect(money(m.total)).toBe('49616.07');
  });

  it('limit applied: margin 20 000 + 10 000 + 20 000 = 50 000 × 15 % = 7 500 < 14 616.07', () => {
    const [m] = run({ costs: { d2: 280000, d3: 90000, d7: 80000 } }).managers;
    expect(m.lines.map((l) => [l.rule, money(l.amount)])).toEqual([
      ['salary', '35000.00'], ['percent', '16000.00'], ['kpi', '-1383.93'], ['limit', '-7116.07'],
    ]);
    expect(money(m.variable)).toBe('7500.00');
    expect(money(m.total)).toBe('42500.00'); // 35 000 + 16 000 − 1 383.93 − 7 116.07
    expect(m.lines[3].explanation).toBe('Лимит: не более 15 % × маржа 50 000,00 ₽ = 7 500,00 ₽; снято 7 116,07 ₽, переменная часть 7 500,00 ₽');
  });

  it('gate closed: K = 0.2 + 0.2735 + 0.02 = 0.4935 < 0.5 → only the salary', () => {
    // 15 more lost deals: conversion 3 / 20 = 0.15 / 0.3 = 0.5 × 0.4 = 0.2; contacts 30 / 300 = 0.1 × 0.2 = 0.02
    const [m] = run({ extraLost: 15, contacts: 30 }).managers;
    expect(m.kpiCoefficient!.toFixed(4)).toBe('0.4935');
    // 16 000 × 0.4935043 = 7 896.07; the gate removes it all
    expect(m.lines.map((l) => [l.rule, money(l.amount)])).toEqual([
      ['salary', '35000.00'], ['percent', '16000.00'], ['kpi', '-8103.93'], ['kpi_gate', '-7896.07'],
    ]);
    expect(m.lines[3].explanation).toBe('KPI 0,4935 < 0,5: переменная часть не выплачивается');
    expect(money(m.variable)).toBe('0.00');
    expect(money(m.total)).toBe('35000.00');
    expect(m.notes).toContain('KPI 0,4935 < 0,5: переменная часть не выплачивается');
  });

  it('a KPI fact with no row is missing: it adds 0 to K and is reported', () => {
    const r = run({ contacts: null });
    const [m] = r.managers;
    // K = 0.48 + 0.273504 + 0 = 0.753504; 16 000 × 0.753504 = 12 056.07
    expect(m.kpiCoefficient!.toFixed(6)).toBe('0.753504');
    expect(m.kpiRows[2].contribution).toBeNull();
    expect(money(m.variable)).toBe('12056.07');
    expect(r.issues.map((i) => i.message)).toEqual(['Олег, 2026-11: показатель «контакты» не посчитать: в листе Показатели нет строки «контакты» за 2026-11']);
    expect(r.issues[0].sheet).toBe('Показатели');
  });

  it('payments split across periods: December gets D2\'s second 100 000', () => {
    const r = computePayouts(
      input({ deals: deals(specs()), payments: PAYMENTS, plans: [plan(2, '2026-12', O, 'KPI')],
        kpiFacts: [kpiFact(2, '2026-12', O, 'contacts', 300)], schemeRows: templateRows('seed003', 'KPI') }, { paid: true }),
      period('2026-12'), RU,
    );
    const [m] = r.managers;
    expect(money(m.lines[1].fact!)).toBe('100000.00');
    expect(money(m.lines[1].amount)).toBe('4000.00');
    // December: no won or lost deals dated in P → conversion missing (zero denominator)
    expect(m.kpiRows[0].fact).toBeNull();
    expect(r.issues.some((i) => i.message.includes('конверсия'))).toBe(true);
  });
});

describe('seed 003: KPI targets', () => {
  it('the Plans value is the target when there is one (conversion plan 50 % instead of the rule\'s 30 %)', () => {
    const r = computePayouts(
      input({ deals: deals(specs()), payments: PAYMENTS, plans: [plan(2, '2026-11', O, 'KPI', { конверсия: '0.5' })],
        kpiFacts: [kpiFact(2, '2026-11', O, 'contacts', 240)], schemeRows: templateRows('seed003', 'KPI') }, { paid: true }),
      NOV, { lang: 'en', currency: 'RUB' },
    );
    const [m] = r.managers;
    // conversion 0.6 / 0.5 = 1.2 → 0.4 × 1.2 = 0.48 (the same contribution, now from the plan)
    expect(m.kpiRows[0].target!.toString()).toBe('0.5');
    expect(m.kpiRows[0].contribution!.toString()).toBe('0.48');
    expect(m.lines[2].explanation).toBe('K = 0.4 × 1.2 + 0.4 × 0.6838 + 0.2 × 0.8 = 0.9135; 16,000.00 ₽ × 0.9135 = 14,616.07 ₽');
  });

  it('a KPI with neither a plan nor a threshold contributes 0 and is reported', () => {
    const rows = schemeRows('K', [
      { rule: 'percent', metric: 'revenue', rate: '10%' },
      { rule: 'kpi', metric: 'deals', rate: '0.5' },
      { rule: 'kpi', metric: 'revenue', rate: '0.5', threshold: '250000' },
    ]);
    const r = computePayouts(input({ deals: deals(specs()), plans: [plan(2, '2026-11', O, 'K')], schemeRows: rows }), NOV, RU);
    const [m] = r.managers;
    // revenue 300 000 + 100 000 + 100 000 = 500 000 → 50 000; K = 0 + 0.5 × min(500 000 / 250 000, 1.2) = 0.6 → 30 000
    expect(m.kpiCoefficient!.toString()).toBe('0.6');
    expect(money(m.variable)).toBe('30000.00');
    expect(r.issues.map((i) => i.message)).toEqual(['Олег, 2026-11: показатель «сделки» не посчитать: нет цели: ни плана, ни порога']);
  });
});
