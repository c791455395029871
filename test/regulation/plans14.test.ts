/**
 * The regulation's clauses for SPEC §14's rules: team override, guarantee, the company fund of
 * scheme `*` (it binds every scheme, so every scheme's regulation states it), filters and
 * subsequent purchases — each sentence with its own numbers, in Russian and English.
 */
import { describe, expect, it } from 'vitest';
import type { ManagerRecord } from '../../src/core/model';
import { buildRegulation } from '../../src/core/regulation/build';
import { deals, input, plan, schemeRows } from '../core/engine/builders';
import { docText } from './demo';

function manager(row: number, name: string, head: string | null, hired: string | null): ManagerRecord {
  return { ref: { sheet: 'Сотрудники', row }, manager: name, email: null, aliases: [], employeeId: null, head, hired };
}

const FUND_RATE = schemeRows('*', [{ rule: 'фонд', metric: 'маржа', rate: '40%' }], 20);
const FUND_AMOUNT = schemeRows('*', [{ rule: 'фонд', amount: '500000' }], 20);

function book(fund = FUND_RATE) {
  const ds = deals([
    { date: '2026-11-03', manager: 'Юнга', client: 'А', amount: 100000 },
    { date: '2026-11-05', manager: 'Глава', client: 'В', amount: 200000 },
  ]);
  ds[0].category = 'Арматура';
  return input({
    deals: ds,
    managers: [manager(2, 'Глава', null, '2020-01-01'), manager(3, 'Юнга', 'Глава', '2026-10-01')],
    plans: [
      plan(2, '2026-11', 'Глава', 'Руководитель', { revenue: 1000000 }), plan(3, '2026-11', 'Юнга', 'Новичок', { revenue: 200000 }),
      plan(4, '2026-11', 'Стажёр', 'Стажёр', { revenue: 200000 }),
    ],
    schemeRows: [
      ...schemeRows('Руководитель', [{ rule: 'оклад', amount: '50000' }, { rule: 'командный процент', metric: 'выручка', rate: '1,5%' }]),
      ...schemeRows('Новичок', [
        { rule: 'оклад', amount: '20000' },
        { rule: 'процент', metric: 'выручка', rate: '5%', filter: 'категория = Арматура' },
        { rule: 'процент с клиентов', metric: 'выручка', rate: '2%', mode: 'последующие' },
        { rule: 'гарантия', amount: '15000', months: '3' },
      ], 10),
      ...schemeRows('Стажёр', [
        { rule: 'оклад', amount: '20000' },
        { rule: 'процент', metric: 'выручка', rate: '5%' },
        { rule: 'гарантия', amount: '15000', months: '3' },
      ], 30),
      ...fund,
    ],
  }, { category: true });
}

const text = (scheme: string, lang: 'ru' | 'en' = 'ru', fund = FUND_RATE) => docText(buildRegulation(book(fund), { scheme, lang, currency: 'RUB' }));

describe('team override, guarantee and the company fund in the regulation', () => {
  it('the head\'s scheme: the team clause with its rate, then the company fund (40 % of margin) from scheme *', () => {
    const t = text('Руководитель');
    expect(t).toContain('3.3. Процент с Выручки команды: 1,5 % от Выручки работников, руководителем которых является Работник, за Расчётный период.');
    expect(t).toContain('3.4. Фонд оплаты труда компании: Переменные части всех работников вместе не превышают 40 % от Маржи компании за Расчётный период; при превышении каждая Переменная часть уменьшается в одной и той же пропорции.');
    expect(t).toContain('их сумма уменьшается в одной и той же для всех работников пропорции, если Переменные части всех работников вместе превышают фонд оплаты труда компании, образует Переменную часть');
  });

  it('the new hire\'s scheme: the guarantee with its amount and months, the fund as an amount, the order of both', () => {
    const t = text('Новичок', 'ru', FUND_AMOUNT);
    expect(t).toContain('Гарантированный минимум: в течение первых 3 полных месяцев с даты приёма Переменная часть составляет не менее 15 000 ₽ за Расчётный период; недостающая сумма выплачивается доплатой.');
    expect(t).toContain('Фонд оплаты труда компании: Переменные части всех работников вместе не превышают 500 000 ₽ за Расчётный период');
    // SPEC §14's order: the fund scales first, the guarantee tops up after.
    expect(t).toContain('превышают фонд оплаты труда компании, доводится до гарантированного минимума, пока он действует и если он больше, и образует Переменную часть');
  });

  it('a filtered rule says which deals it counts; subsequent purchases leave the first deal out', () => {
    const t = text('Новичок');
    expect(t).toContain('3.3. Процент от Выручки: 5 % от Выручки Работника за Расчётный период. Учитываются только Сделки (по категории «Арматура»).');
    expect(t).toContain('2 % от Выручки по всем Сделкам с Клиентами Работника в Расчётном периоде, кем бы из работников они ни были заключены, кроме первой Сделки каждого Клиента, в течение всего срока сотрудничества с Клиентом.');
  });

  it('in English, with the same numbers', () => {
    const head = text('Руководитель', 'en');
    expect(head).toContain('1.5% of the Revenue of the employees whose head is the Employee, for the Pay period.');
    expect(head).toContain('Company payroll fund: the Variable parts of all employees together are at most 40% of the company’s Margin for the Pay period');
    const hire = text('Новичок', 'en', FUND_AMOUNT);
    expect(hire).toContain('Guaranteed minimum: for the first 3 whole months after the date of hiring, the Variable part is at least 15,000 ₽ per Pay period; the difference is paid as a top-up.');
    expect(hire).toContain('are at most 500,000 ₽ for the Pay period');
    expect(hire).toContain('5% of the Employee’s Revenue for the Pay period. Only Deals in category «Арматура» count.');
    expect(hire).toContain('except each Client’s first Deal');
  });

  it('the fund is part of the pay conditions: changing or removing it changes the version, and without one there is no fund clause', () => {
    const a = buildRegulation(book(FUND_RATE), { scheme: 'Руководитель', lang: 'ru', currency: 'RUB' }).version;
    const b = buildRegulation(book(FUND_AMOUNT), { scheme: 'Руководитель', lang: 'ru', currency: 'RUB' }).version;
    const none = buildRegulation(book([]), { scheme: 'Руководитель', lang: 'ru', currency: 'RUB' });
    expect(new Set([a, b, none.version]).size).toBe(3);
    expect(docText(none)).not.toContain('Фонд оплаты труда компании');
  });

  it('the worked examples: a new hire inside the guarantee is topped up at 80, 100 and 120 %', () => {
    // Стажёр: plan 200 000; 5 % × 160 000 = 8 000 → top-up 7 000; × 200 000 = 10 000 → 5 000; × 240 000 = 12 000 → 3 000:
    // the variable part is 15 000 each time, the total 20 000 + 15 000 = 35 000.
    const t = text('Стажёр');
    expect(t).toContain('Процент от Выручки | 8 000 ₽ | 10 000 ₽ | 12 000 ₽');
    expect(t).toContain('Гарантированный минимум | 7 000 ₽ | 5 000 ₽ | 3 000 ₽');
    expect(t).toContain('Переменная часть | 15 000 ₽ | 15 000 ₽ | 15 000 ₽');
    expect(t).toContain('Итого вознаграждение за Расчётный период | 35 000 ₽ | 35 000 ₽ | 35 000 ₽');
    expect(t).toContain('Примеры приведены для Работника в первый месяц после приёма, когда действует гарантированный минимум.');
    expect(t).toContain('Примеры не учитывают фонд оплаты труда компании');
  });

  it('the worked examples say which components one typical manager cannot show (a team, deal attributes)', () => {
    expect(text('Руководитель')).toContain('Составляющие «Процент с результатов команды» в примерах равны нулю');
    const hire = text('Новичок');
    expect(hire).toContain('Процент от Выручки (по категории «Арматура») | 0 ₽ | 0 ₽ | 0 ₽');
    expect(hire).toContain('Составляющие «Процент от Выручки (по категории «Арматура»)» в примерах равны нулю');
  });
});
