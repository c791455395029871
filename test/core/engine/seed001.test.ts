/** Seed 001: salary + 3 % of revenue + 20 000 plan bonus at 100 % + 2 000 per deal over five. */
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../../src/core/payout';
import { EN, RU, deals, input, money, period, plan, templateRows } from './builders';

const NOV = period('2026-11');

function sevenDeals() {
  // 6 × 150 000 + 200 000 = 1 100 000 in seven won deals
  return deals([
    ...[1, 2, 3, 4, 5, 6].map((i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, manager: 'Анна Петрова', client: `К${i}`, amount: 150000, cost: 100000 })),
    { date: '2026-11-20', manager: 'Анна Петрова', client: 'К7', amount: 200000, cost: 120000 },
  ]);
}

describe('seed 001: salary + % + plan bonus + deal bonus', () => {
  it('plan met with 7 deals: 30 000 + 33 000 + 20 000 + 4 000 = 87 000', () => {
    const run = computePayouts(
      input({ deals: sevenDeals(), plans: [plan(2, '2026-11', 'Анна Петрова', 'Базовая', { revenue: 1000000 })], schemeRows: templateRows('seed001', 'Базовая') }),
      NOV, RU,
    );
    expect(run.issues).toEqual([]);
    const [m] = run.managers;
    expect(m.manager).toBe('Анна Петрова');
    expect(m.lines.map((l) => [l.rule, money(l.amount)])).toEqual([
      ['salary', '30000.00'],
      ['percent', '33000.00'], // 3 % × 1 100 000 = 33 000
      ['plan_bonus', '20000.00'], // 1 100 000 / 1 000 000 = 110 % ≥ 100 %
      ['deal_bonus', '4000.00'], // 2 000 × (7 − 5)
    ]);
    expect(money(m.salary)).toBe('30000.00');
    expect(money(m.variableBeforeKpi)).toBe('57000.00');
    expect(money(m.variable)).toBe('57000.00');
    expect(money(m.total)).toBe('87000.00');
    expect(m.kpiCoefficient).toBeNull();
    expect(m.attainment!.toString()).toBe('1.1');
    // margin: 6 × 50 000 + 80 000 = 380 000
    expect(money(m.margin!)).toBe('380000.00');
    expect(m.lines[1].explanation).toBe('3 % × 1 100 000,00 ₽ = 33 000,00 ₽');
    expect(m.lines[2].explanation).toBe('Бонус за план: выполнение 110 % ≥ 100 % → 20 000,00 ₽');
    expect(m.lines[3].explanation).toBe('2 000,00 ₽ × (7 сделок − 5) = 4 000,00 ₽');
    expect(m.lines[0].explanation).toBe('Оклад: 30 000,00 ₽');
    expect(m.lines[2].next).toBeNull();
    // the next deal pays another 2 000
    expect(m.lines[3].next!.needed.toString()).toBe('1');
    expect(money(m.lines[3].next!.pays)).toBe('2000.00');
    expect(m.lines[1].dealRefs).toHaveLength(7);
  });

  it('in English the same figures read 3% × 1,100,000.00 ₽ = 33,000.00 ₽', () => {
    const run = computePayouts(
      input({ deals: sevenDeals(), plans: [plan(2, '2026-11', 'Анна Петрова', 'Базовая', { revenue: 1000000 })], schemeRows: templateRows('seed001', 'Базовая') }),
      NOV, EN,
    );
    const [m] = run.managers;
    expect(m.lines[1].explanation).toBe('3% × 1,100,000.00 ₽ = 33,000.00 ₽');
    expect(m.lines[2].explanation).toBe('Plan bonus: plan 110% ≥ 100% → 20,000.00 ₽');
    expect(m.lines[3].explanation).toBe('2,000.00 ₽ × (7 deals − 5) = 4,000.00 ₽');
  });

  it('plan missed with 4 deals: 30 000 + 27 000 + 0 + 0 = 57 000, and what the next bonus needs', () => {
    const ds = deals([0, 1, 2, 3].map((i) => ({ date: `2026-11-1${i}`, manager: 'Иван', amount: 225000 }))); // 4 × 225 000 = 900 000
    const run = computePayouts(
      input({ deals: ds, plans: [plan(2, '2026-11', 'Иван', 'Базовая', { выручка: 1000000 })], schemeRows: templateRows('seed001', 'Базовая') }, { margin: false }),
      NOV, RU,
    );
    const [m] = run.managers;
    expect(m.lines.map((l) => money(l.amount))).toEqual(['30000.00', '27000.00', '0.00', '0.00']);
    expect(money(m.total)).toBe('57000.00');
    expect(m.lines[2].explanation).toBe('Бонус за план: выполнение 90 % < 100 % → 0,00 ₽');
    // 1 000 000 − 900 000 = 100 000 more revenue pays the 20 000 bonus
    expect(money(m.lines[2].next!.needed)).toBe('100000.00');
    expect(money(m.lines[2].next!.pays)).toBe('20000.00');
    // 4 deals, bonus from the 6th: 2 more deals pay 2 000 × (6 − 5) = 2 000
    expect(m.lines[3].next!.needed.toString()).toBe('2');
    expect(money(m.lines[3].next!.pays)).toBe('2000.00');
    expect(m.lines[3].explanation).toBe('Бонус за сделки: 4 сделки, платится сверх 5 → 0,00 ₽');
    // no margin column: margin unknown, but no rule needs it, so no issue
    expect(m.margin).toBeNull();
    expect(run.issues).toEqual([]);
  });

  it('a manager with a Plans row and no deals still gets the salary', () => {
    const run = computePayouts(
      input({ deals: [], plans: [plan(2, '2026-11', 'Ольга', 'Базовая', { revenue: 1000000 })], schemeRows: templateRows('seed001', 'Базовая') }),
      NOV, RU,
    );
    expect(run.managers).toHaveLength(1);
    expect(money(run.managers[0].total)).toBe('30000.00');
    expect(run.managers[0].lines.map((l) => money(l.amount))).toEqual(['30000.00', '0.00', '0.00', '0.00']);
  });
});
