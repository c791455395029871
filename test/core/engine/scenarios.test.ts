/** Engine scenarios beyond the seeds: returns, statuses, quarters, period to date, missing facts, scheme choice. */
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../../src/core/payout';
import { RU, EN, deals, input, money, period, plan, schemeRows } from './builders';

const NOV = period('2026-11');
const A = 'Анна';

describe('returns, lost and cancelled deals', () => {
  it('a return lowers revenue but is not a deal; lost and cancelled deals count nowhere', () => {
    const ds = deals([
      { date: '2026-11-02', manager: A, amount: 100000 },
      { date: '2026-11-05', manager: A, amount: 50000 },
      { date: '2026-11-09', manager: A, amount: -30000 }, // a return
      { date: '2026-11-10', manager: A, amount: 70000, status: 'lost' },
      { date: '2026-11-11', manager: A, amount: 20000, status: 'cancelled' },
    ]);
    const r = computePayouts(input({ deals: ds, schemeRows: schemeRows('S', [
      { rule: 'процент', metric: 'выручка', rate: '5%' },
      { rule: 'бонус за сделки', amount: '1000' },
    ]) }), NOV, RU);
    const [m] = r.managers;
    // revenue 100 000 + 50 000 − 30 000 = 120 000 × 5 % = 6 000; deals with amount > 0: 2 × 1 000 = 2 000
    expect(m.lines.map((l) => money(l.amount))).toEqual(['6000.00', '2000.00']);
    expect(money(m.total)).toBe('8000.00');
    expect(m.deals).toHaveLength(5); // every status dated in P is listed
    expect(m.lines[1].explanation).toBe('1 000,00 ₽ × (2 сделки − 0) = 2 000,00 ₽');
  });

  it('a return alone gives a negative line (a refund claws back)', () => {
    const ds = deals([{ date: '2026-11-09', manager: A, amount: -40000 }]);
    const r = computePayouts(input({ deals: ds, schemeRows: schemeRows('S', [{ rule: 'percent', metric: 'revenue', rate: '5%' }]) }), NOV, RU);
    expect(money(r.managers[0].total)).toBe('-2000.00'); // 5 % × −40 000
  });
});

describe('quarters and period to date', () => {
  const ds = deals([
    { date: '2026-09-30', manager: A, amount: 1000000 }, // Q3
    { date: '2026-10-01', manager: A, amount: 100000 },
    { date: '2026-11-15', manager: A, amount: 200000 },
    { date: '2026-11-16', manager: A, amount: 50000 },
    { date: '2026-12-31', manager: A, amount: 300000 },
    { date: '2027-01-01', manager: A, amount: 1000000 }, // Q1 next year
  ]);
  const rows = schemeRows('S', [{ rule: 'salary', amount: '10000' }, { rule: 'tiers', metric: 'revenue', tiers: '0:3%; 100%:5%' }]);

  it('a quarter sums its three months and uses the quarter plan row, not a month one', () => {
    const r = computePayouts(input({ deals: ds, schemeRows: rows, plans: [
      plan(2, '2026-11', A, 'S', { revenue: 100 }), plan(3, '2026-Q4', A, 'S', { revenue: 600000 }),
    ] }), period('2026-Q4'), RU);
    const [m] = r.managers;
    // Q4 revenue 100 000 + 200 000 + 50 000 + 300 000 = 650 000 on plan 600 000 = 108.33 % → 5 % × 650 000 = 32 500
    expect(money(m.lines[1].amount)).toBe('32500.00');
    expect(m.lines[1].plan!.toString()).toBe('600000');
    expect(money(m.total)).toBe('42500.00');
  });

  it('asOf: only deals dated on or before the day count (My earnings, period to date)', () => {
    const r = computePayouts(input({ deals: ds, schemeRows: rows, plans: [plan(2, '2026-11', A, 'S', { revenue: 400000 })] }), NOV, { ...RU, asOf: '2026-11-15' });
    const [m] = r.managers;
    // 200 000 of 400 000 = 50 % → tier 0 → 3 % × 200 000 = 6 000
    expect(money(m.lines[1].amount)).toBe('6000.00');
    // the 100 % tier needs 200 000 more and pays 5 % × 400 000 − 6 000 = 14 000 more
    expect(money(m.lines[1].next!.needed)).toBe('200000.00');
    expect(money(m.lines[1].next!.pays)).toBe('14000.00');
    expect(m.deals).toHaveLength(1);
  });
});

describe('tiers (KPI_COMMISSION semantics)', () => {
  const ds = deals([{ date: '2026-11-02', manager: A, amount: 1100000 }]);
  const pay = (mode: string, extra: Record<string, string> = {}) =>
    computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', { revenue: 1000000 })],
      schemeRows: schemeRows('S', [{ rule: 'шкала', metric: 'revenue', tiers: '0%:3%; 100%:5%; 120%:7%', mode, ...extra }]) }), NOV, RU).managers[0];

  it('whole: 1 100 000 at 110 % → 5 % × 1 100 000 = 55 000; 120 % needs 100 000 more and pays 84 000 − 55 000 = 29 000', () => {
    const m = pay('');
    expect(money(m.total)).toBe('55000.00');
    expect(m.lines[0].rate).toBe('100%:5%');
    expect(m.lines[0].explanation).toBe('выполнение 110 % → ставка 5 %; 5 % × 1 100 000,00 ₽ = 55 000,00 ₽');
    expect(money(m.lines[0].next!.needed)).toBe('100000.00');
    expect(money(m.lines[0].next!.pays)).toBe('29000.00');
  });

  it('marginal: 1 000 000 × 3 % + 100 000 × 5 % = 35 000', () => {
    const m = pay('ступенчато');
    expect(money(m.total)).toBe('35000.00');
    expect(m.lines[0].explanation).toBe('выполнение 110 %, ступенчато: 3 % × 1 000 000,00 ₽ + 5 % × 100 000,00 ₽ = 35 000,00 ₽');
  });

  it('cap: at most 40 000', () => {
    const m = pay('', { cap: '40000' });
    expect(money(m.total)).toBe('40000.00');
    expect(m.lines[0].explanation).toContain('не более 40 000,00 ₽ → 40 000,00 ₽');
  });

  it('a tiers rule with no plan for its metric: an issue and NO payout for that manager', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', { margin: 5 })],
      schemeRows: schemeRows('S', [{ rule: 'salary', amount: '1000' }, { rule: 'tiers', metric: 'revenue', tiers: '0:3%; 1:5%' }]) }), NOV, RU);
    expect(r.managers).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message).toBe('Анна, 2026-11: шкала по показателю «выручка» считается от плана, а в планах нет плана по нему: выплата не рассчитана');
    // SPEC §7: the issue names the scheme row of the tiers rule (row 3: salary is row 2), column «шкала».
    expect([r.issues[0].sheet, r.issues[0].row, r.issues[0].column, r.issues[0].value]).toEqual(['Схемы', 3, 'шкала', '0:3%; 1:5%']);
  });
});

describe('percent with threshold and cap; bonuses with tiers', () => {
  const ds = deals([{ date: '2026-11-02', manager: A, amount: 800000 }, ...[3, 4, 5, 6, 7, 8, 9].map((d) => ({ date: `2026-11-0${d}`, manager: A, amount: 10000 }))]);
  // revenue 800 000 + 7 × 10 000 = 870 000, 8 deals
  const pay = (rows: ReturnType<typeof schemeRows>, targets = { revenue: 1000000 }) =>
    computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', targets)], schemeRows: rows }), NOV, RU).managers[0];

  it('percent below its threshold pays 0, and says what reaching it pays', () => {
    const m = pay(schemeRows('S', [{ rule: 'percent', metric: 'revenue', rate: '2%', threshold: '90%' }]));
    expect(money(m.total)).toBe('0.00'); // 87 % < 90 %
    expect(m.lines[0].explanation).toBe('выполнение плана (выручка) 87 % < порога 90 %: не начисляется → 0,00 ₽');
    // 900 000 − 870 000 = 30 000 more; then 2 % × 900 000 = 18 000
    expect(money(m.lines[0].next!.needed)).toBe('30000.00');
    expect(money(m.lines[0].next!.pays)).toBe('18000.00');
  });

  it('percent above its threshold, capped: 2 % × 870 000 = 17 400 → at most 15 000', () => {
    const m = pay(schemeRows('S', [{ rule: 'percent', metric: 'revenue', rate: '2%', threshold: '80%', cap: '15000' }]));
    expect(money(m.total)).toBe('15000.00');
  });

  it('plan bonus with tiers pays the highest tier reached: 87 % → the 80 % tier = 10 000', () => {
    const m = pay(schemeRows('S', [{ rule: 'бонус за план', metric: 'revenue', tiers: '80%:10000; 100%:25000' }]));
    expect(money(m.total)).toBe('10000.00');
    expect(m.lines[0].next!.pays.toString()).toBe('15000'); // 25 000 − 10 000
  });

  it('plan bonus with no plan: 0, an explanation and an issue', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S', {})], schemeRows: schemeRows('S', [{ rule: 'plan bonus', amount: '5000' }]) }), NOV, EN);
    expect(money(r.managers[0].total)).toBe('0.00');
    expect(r.managers[0].lines[0].explanation).toBe('Plan bonus: no revenue plan → 0.00 ₽');
    expect(r.issues[0].message).toBe('Анна, 2026-11: no revenue plan: the plan bonus is not paid');
  });

  it('deal bonus with tiers: 8 deals → tier 5 = 3 000; tier 10 needs 2 more deals and pays 4 000 more', () => {
    const m = pay(schemeRows('S', [{ rule: 'deal bonus', tiers: '5:3000; 10:7000' }]));
    expect(money(m.total)).toBe('3000.00');
    expect(m.lines[0].next!.needed.toString()).toBe('2');
    expect(m.lines[0].next!.pays.toString()).toBe('4000');
  });
});

describe('missing facts', () => {
  it('no margin column: the margin rule pays 0, says why, and an issue names manager, metric and period', () => {
    const ds = deals([{ date: '2026-11-02', manager: A, amount: 100000 }]);
    const r = computePayouts(input({ deals: ds, schemeRows: schemeRows('S', [{ rule: 'salary', amount: '20000' }, { rule: 'percent', metric: 'маржа', rate: '10%' }]) },
      { margin: false }), NOV, RU);
    const [m] = r.managers;
    expect(money(m.total)).toBe('20000.00');
    expect(m.lines[1].explanation).toBe('маржа неизвестна: в листе сделок нет столбца маржи или себестоимости → 0,00 ₽');
    expect(m.margin).toBeNull();
    expect(r.issues).toEqual([{
      code: 'engIssueMissing', sheet: 'Сделки', row: null, column: 'маржа', value: null,
      message: 'Анна, 2026-11: показатель «маржа» не посчитать: в листе сделок нет столбца маржи или себестоимости',
    }]);
  });

  it('no status column: conversion is missing', () => {
    const ds = deals([{ date: '2026-11-02', manager: A, amount: 100000 }]);
    const r = computePayouts(input({ deals: ds, schemeRows: schemeRows('S', [
      { rule: 'percent', metric: 'revenue', rate: '1%' }, { rule: 'kpi', metric: 'conversion', rate: '1', threshold: '50%' },
    ]) }, { status: false }), NOV, RU);
    expect(r.managers[0].kpiCoefficient!.toString()).toBe('0');
    expect(money(r.managers[0].total)).toBe('0.00');
    expect(r.issues[0].message).toContain('нет столбца статуса');
  });

  it('paid revenue from the Deals paid / paid date columns when there is no Payments sheet', () => {
    const ds = deals([
      { date: '2026-10-20', manager: A, amount: 100000, paid: 60000, paidDate: '2026-11-03' },
      { date: '2026-11-02', manager: A, amount: 50000, paid: 50000, paidDate: '2026-12-01' },
    ]);
    const r = computePayouts(input({ deals: ds, schemeRows: schemeRows('S', [{ rule: 'percent', metric: 'оплаты', rate: '10%' }]) }, { paid: true }), NOV, RU);
    expect(money(r.managers[0].total)).toBe('6000.00'); // only the 60 000 paid in November
  });
});

describe('which scheme', () => {
  const ds = deals([{ date: '2026-11-02', manager: A, amount: 100000 }, { date: '2026-11-03', manager: 'Борис', amount: 100000 }]);
  const two = [...schemeRows('S1', [{ rule: 'salary', amount: '1000' }]), ...schemeRows('S2', [{ rule: 'salary', amount: '2000' }], 3)];

  it('no Plans row and exactly one valid scheme: it applies', () => {
    const r = computePayouts(input({ deals: ds, schemeRows: schemeRows('S1', [{ rule: 'salary', amount: '1000' }]) }), NOV, RU);
    expect(r.managers.map((m) => [m.manager, money(m.total), m.scheme])).toEqual([['Анна', '1000.00', 'S1'], ['Борис', '1000.00', 'S1']]);
  });

  it('no Plans row and two schemes: an issue, no payout', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 's2')], schemeRows: two }), NOV, RU);
    expect(r.managers.map((m) => [m.manager, money(m.total)])).toEqual([['Анна', '2000.00']]);
    expect(r.issues.map((i) => [i.sheet, i.row, i.message])).toEqual([
      ['Планы', null, 'Борис, 2026-11: в листе Планы нет строки со схемой, а на листе схем не ровно одна схема (с ошибками тоже считаются): выплата не рассчитана'],
    ]);
  });

  it('a Plans row naming an unknown scheme: an issue naming that row, column and value', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(5, '2026-11', A, 'Старая')], schemeRows: two }), NOV, RU, );
    const issue = r.issues.find((i) => i.code === 'engIssueUnknownScheme')!;
    expect(issue).toMatchObject({ sheet: 'Планы', row: 5, column: 'схема', value: 'Старая' });
    expect(r.managers.find((m) => m.manager === A)).toBeUndefined();
  });

  it('schemeOverride pays everyone by that scheme; managers filters', () => {
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', A, 'S1')], schemeRows: two }), NOV, { ...RU, schemeOverride: 'S2', managers: ['  борис '] });
    expect(r.managers.map((m) => [m.manager, money(m.total)])).toEqual([['Борис', '2000.00']]);
  });

  it('names are matched by a normalised key and shown as first seen', () => {
    const ds2 = deals([{ date: '2026-11-02', manager: 'Семён  Ёжиков', amount: 1 }, { date: '2026-11-03', manager: 'семен ежиков', amount: 2 }]);
    const r = computePayouts(input({ deals: ds2, schemeRows: schemeRows('S', [{ rule: 'percent', metric: 'revenue', rate: '100%' }]) }), NOV, RU);
    expect(r.managers.map((m) => [m.manager, money(m.total)])).toEqual([['Семён Ёжиков', '3.00']]);
  });
});
