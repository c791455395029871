/**
 * team_override and guarantee (SPEC §14), which read the Managers sheet: PayoutInput built with
 * `managers` set (the Managers sheet reader is the `read` area's).
 */
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../src/core/payout';
import type { ManagerRecord } from '../../src/core/model';
import { guaranteed } from '../../src/core/guarantee';
import { deals, input, period, plan, RU, schemeRows } from '../core/engine/builders';

function manager(row: number, name: string, head: string | null, hired: string | null): ManagerRecord {
  return { ref: { sheet: 'Сотрудники', row }, manager: name, email: null, aliases: [], employeeId: null, head, hired };
}

const MANAGERS = [manager(2, 'Глава', null, '2020-01-01'), manager(3, 'Юнга', 'глава', '2026-10-01'), manager(4, 'Матрос', 'Глава', '2025-01-01')];

function book(teamFilter = '', months = '3') {
  const ds = deals([
    { date: '2026-11-03', manager: 'Юнга', client: 'А', amount: 100000 },
    { date: '2026-11-04', manager: 'Матрос', client: 'Б', amount: 300000 },
    { date: '2026-11-05', manager: 'Глава', client: 'В', amount: 200000 },
    { date: '2027-01-10', manager: 'Юнга', client: 'А', amount: 100000 },
  ]);
  ds[0].category = 'Арматура';
  ds[1].category = 'Услуги';
  ds[2].category = 'Арматура';
  ds[3].category = 'Арматура';
  return input({
    deals: ds,
    managers: MANAGERS,
    plans: ['2026-11', '2027-01'].flatMap((p, k) => [
      plan(2 + 3 * k, p, 'Глава', 'Руководитель', { revenue: 1000000 }),
      plan(3 + 3 * k, p, 'Юнга', 'Новичок', { revenue: 200000 }),
      plan(4 + 3 * k, p, 'Матрос', 'Новичок', { revenue: 200000 }),
    ]),
    schemeRows: [
      ...schemeRows('Руководитель', [
        { rule: 'оклад', amount: '50000' },
        { rule: 'процент', metric: 'выручка', rate: '2%' },
        { rule: 'командный процент', metric: 'выручка', rate: '1%', filter: teamFilter },
      ]),
      ...schemeRows('Новичок', [
        { rule: 'оклад', amount: '20000' },
        { rule: 'процент', metric: 'выручка', rate: '5%' },
        { rule: 'гарантия', amount: '15000', months },
      ], 10),
    ],
  }, { category: true });
}

const pay = (p: string, teamFilter = '', months = '3') => {
  const run = computePayouts(book(teamFilter, months), period(p), RU);
  return { run, of: (name: string) => run.managers.find((m) => m.manager === name)! };
};

describe('team override', () => {
  it('pays the head a rate of the team\'s revenue (Managers sheet heads), not of their own', () => {
    // Глава: 2 % × own 200 000 = 4 000; team Юнга 100 000 + Матрос 300 000 = 400 000 × 1 % = 4 000; 50 000 + 8 000 = 58 000.
    const { of } = pay('2026-11');
    const head = of('Глава');
    expect(head.total.toNumber()).toBe(58000);
    const line = head.lines.find((l) => l.rule === 'team_override')!;
    expect(line.fact!.toNumber()).toBe(400000);
    expect(line.amount.toNumber()).toBe(4000);
    expect(line.explanation).toContain('Юнга, Матрос');
  });
  it('with a filter, over the team\'s matching deals only', () => {
    // категория = Арматура: only Юнга's 100 000 → 1 000; 50 000 + 4 000 + 1 000 = 55 000.
    const { of } = pay('2026-11', 'категория = Арматура');
    expect(of('Глава').total.toNumber()).toBe(55000);
  });
  it('a head nobody reports to gets 0 and an issue, not a guess', () => {
    const run = computePayouts({ ...book(), managers: MANAGERS.map((m) => ({ ...m, head: null })) }, period('2026-11'), RU);
    const head = run.managers.find((m) => m.manager === 'Глава')!;
    expect(head.lines.find((l) => l.rule === 'team_override')!.amount.toNumber()).toBe(0);
    expect(run.issues.some((i) => i.message.includes('руководитель не Глава'))).toBe(true);
  });
});

describe('guarantee', () => {
  it('tops the variable part up to the guarantee in the first months after hiring', () => {
    // Юнга, hired 2026-10-01, 3 months → November is guaranteed: 5 % × 100 000 = 5 000 → top-up 10 000; 20 000 + 15 000 = 35 000.
    const { of } = pay('2026-11');
    const y = of('Юнга');
    expect(y.lines.map((l) => [l.rule, l.amount.toNumber()])).toEqual([['salary', 20000], ['percent', 5000], ['guarantee', 10000]]);
    expect(y.variable.toNumber()).toBe(15000);
    expect(y.total.toNumber()).toBe(35000);
    // Матрос, hired 2025: no guarantee line; 20 000 + 15 000 = 35 000 all earned.
    expect(of('Матрос').lines.some((l) => l.rule === 'guarantee')).toBe(false);
  });
  it('ends after the months: January 2027 is past 2026-10-01 + 3 months', () => {
    // Юнга in January: 5 % × 100 000 = 5 000, no top-up; 25 000.
    const { of } = pay('2027-01');
    expect(of('Юнга').total.toNumber()).toBe(25000);
    expect(guaranteed(period('2026-12'), '2026-10-01', 3)).toBe(true);
    expect(guaranteed(period('2027-01'), '2026-10-01', 3)).toBe(false);
    expect(guaranteed(period('2026-09'), '2026-10-01', 3)).toBe(false);
  });
  it('no hired date: the guarantee line pays 0 and an issue says why', () => {
    const run = computePayouts({ ...book(), managers: MANAGERS.map((m) => ({ ...m, hired: null })) }, period('2026-11'), RU);
    const y = run.managers.find((m) => m.manager === 'Юнга')!;
    expect(y.lines.find((l) => l.rule === 'guarantee')!.amount.toNumber()).toBe(0);
    expect(run.issues.some((i) => i.message.includes('нет даты приёма для Юнга'))).toBe(true);
  });
});

describe('company fund then guarantee (SPEC §14 order)', () => {
  it('the fund scales rule-made parts; the guarantee tops up after, unscaled', () => {
    // Fund 10 000: variable parts Глава 8 000, Юнга 5 000, Матрос 15 000 = 28 000 → factor 10 000 / 28 000.
    // Глава 8 000 × 0,357142… = 2 857,14; Юнга 1 785,71; Матрос 5 357,14 → 9 999,99; +0,01 to the largest (Матрос) = 5 357,15.
    // Юнга then gets the guarantee top-up 15 000 − 1 785,71 = 13 214,29 → variable 15 000.
    const b = book();
    b.schemeRows.push(...schemeRows('*', [{ rule: 'фонд', amount: '10000' }], 20));
    const run = computePayouts(b, period('2026-11'), RU);
    const v = Object.fromEntries(run.managers.map((m) => [m.manager, m.variable.toNumber()]));
    expect(v).toEqual({ 'Глава': 2857.14, 'Юнга': 15000, 'Матрос': 5357.15 });
    const y = run.managers.find((m) => m.manager === 'Юнга')!;
    expect(y.lines.map((l) => l.rule)).toEqual(['salary', 'percent', 'company_limit', 'guarantee']);
    expect(y.lines.find((l) => l.rule === 'guarantee')!.amount.toNumber()).toBe(13214.29);
    for (const m of run.managers) expect(m.lines.reduce((s, l) => s + Math.round(l.amount.toNumber() * 100), 0)).toBe(Math.round(m.total.toNumber() * 100));
  });
  it('My earnings (a run for one manager) gets the same fund-scaled figure as the whole company run', () => {
    const b = book();
    b.schemeRows.push(...schemeRows('*', [{ rule: 'фонд', amount: '10000' }], 20));
    const one = computePayouts(b, period('2026-11'), { ...RU, managers: ['Глава'] });
    expect(one.managers.map((m) => [m.manager, m.variable.toNumber()])).toEqual([['Глава', 2857.14]]);
  });
});
