/**
 * Every rule kind on this branch in words with its own numbers (SPEC §13 item 1): a scheme using
 * each variant the Schemes sheet allows, described in Russian and English.
 */
import { describe, expect, it } from 'vitest';
import { buildRegulation } from '../../src/core/regulation/build';
import { input, kpiFact, plan, schemeRows } from '../core/engine/builders';
import { docText, tables } from './demo';

// One scheme of every variant: tiers (progressive, capped), percent with threshold and cap, plan
// bonus on a scale, deal bonus on a scale, client turnover at a flat rate for 12 months, partner
// price with its own threshold, KPI on a KPI-sheet indicator, the gate, an amount limit.
const rows = schemeRows('Полная', [
  { rule: 'оклад', amount: '40000' },
  { rule: 'шкала', metric: 'выручка', tiers: '0%:2%; 100%:4%; 120%:6%', mode: 'ступенчато', cap: '150000' },
  { rule: 'процент', metric: 'маржа', rate: '5%', threshold: '80%', cap: '50000' },
  { rule: 'бонус за план', metric: 'выручка', tiers: '90%:10000; 110%:25000' },
  { rule: 'бонус за сделки', tiers: '10:5000; 15:12000' },
  { rule: 'процент с клиентов', metric: 'маржа', rate: '2,5%', months: '12' },
  { rule: 'партнёрская цена', threshold: '3' },
  { rule: 'kpi', metric: 'Оценка заказчика', rate: '1', threshold: '8', cap: '1.1' },
  { rule: 'порог kpi', threshold: '0.7' },
  { rule: 'лимит', amount: '300000' },
]);
// the KPI sheet knows the indicator (a name found nowhere in the workbook would be a typo, SPEC §10.2)
const wb = input({ deals: [], plans: [plan(2, '2026-Q3', 'Анна', 'Полная', { revenue: 3_000_000, margin: 600_000 })], kpiFacts: [kpiFact(2, '2026-Q3', 'Анна', 'Оценка заказчика', 9)], schemeRows: rows });

describe('every rule kind, every variant', () => {
  it('in Russian: each clause with its numbers, each scale as a table', () => {
    const doc = buildRegulation(wb, { scheme: 'Полная', lang: 'ru', currency: 'RUB' });
    const text = docText(doc);
    expect(doc.period).toBe('2026-Q3');
    expect(doc.effectiveDate).toBe('2026-07-01');
    for (const phrase of [
      '3.2. Оклад: 40 000 ₽ за каждый Расчётный период',
      '3.3. Процент от Выручки по шкале: ставка зависит от Выполнения плана по Выручке согласно таблице ниже. Каждая часть Выручки между соседними ступенями оплачивается по ставке своей ступени (прогрессивная шкала). Сумма по этой составляющей не превышает 150 000 ₽ за Расчётный период.',
      '3.4. Процент от Маржи: 5 % от Маржи Работника за Расчётный период. Начисляется, только если Выполнение плана по Марже составляет не менее 80 %; при меньшем выполнении эта составляющая не начисляется. Сумма по этой составляющей не превышает 50 000 ₽ за Расчётный период.',
      '3.5. Премия за выполнение Плана по Выручке: в размере наивысшей ступени',
      '3.6. Премия за сделки: в размере наивысшей ступени, достигнутой Количеством сделок',
      '3.7. Процент с оборота Клиентов Работника: 2,5 % от Маржи по всем Сделкам с Клиентами Работника в Расчётном периоде, кем бы из работников они ни были заключены, по Сделкам в течение 12 мес. с первой Сделки Клиента.',
      'при условии что Количество новых клиентов за Расчётный период составляет не менее 3.',
      'Показатель «оценка заказчика» | 8 | 1 | 1,1',
      '3.10. Порог KPI: если K меньше 0,7, Переменная часть за Расчётный период не начисляется.',
      '3.11. Ограничение: Переменная часть за Расчётный период не превышает 300 000 ₽.',
      '«Показатель «оценка заказчика»» — значение этого показателя',
      '«Коэффициент KPI (K)» — коэффициент, рассчитываемый по формуле пункта 3.9.',
      'Вознаграждение рассчитывается за каждый календарный квартал',
      '«Расчётный период» — календарный квартал',
    ]) expect(text).toContain(phrase);
    const t = tables(doc);
    expect(t[0]).toMatchObject({ header: ['Выполнение плана, от', 'Ставка'], rows: [['0 %', '2 %'], ['100 %', '4 %'], ['120 %', '6 %']] });
    expect(t[1]).toMatchObject({ header: ['Выполнение плана, от', 'Премия'], rows: [['90 %', '10 000 ₽'], ['110 %', '25 000 ₽']] });
    expect(t[2]).toMatchObject({ header: ['Количество сделок, от', 'Премия'], rows: [['10', '5 000 ₽'], ['15', '12 000 ₽']] });
  });

  it('in English, with the same numbers', () => {
    const text = docText(buildRegulation(wb, { scheme: 'Полная', lang: 'en', currency: 'RUB' }));
    for (const phrase of [
      'Salary: 40,000 ₽ for each Pay period',
      'Percentage of Margin: 5% of the Employee’s Margin for the Pay period. It is accrued only when Plan attainment for Margin is at least 80%',
      'This component is at most 50,000 ₽ per Pay period.',
      '2.5% of the Margin of all Deals with the Employee’s Clients',
      'for Deals within 12 months of the Client’s first Deal.',
      'when K is below 0.7, the Variable part for the Pay period is not accrued.',
      'the Variable part for the Pay period is at most 300,000 ₽.',
      'Indicator «оценка заказчика» | 8 | 1 | 1.1',
    ]) expect(text).toContain(phrase);
    expect(text).not.toMatch(/\bmetric|\bfact\b|JSON|rule kind|[a-z]_[a-z]/i);
  });
});
