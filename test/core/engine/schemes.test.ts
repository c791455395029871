/** The Schemes sheet: rule words, metric names, validation issues, invalid schemes pay nobody. */
import { describe, expect, it } from 'vitest';
import { COUNT_METRICS, MONEY_METRICS, RATIO_METRICS, canonicalMetric, metricKind, metricLabel } from '../../../src/core/metricNames';
import { computePayouts } from '../../../src/core/payout';
import { draftToSchemeRow, parseRuleKind, parseSchemes, schemeKey, validateSchemeRows } from '../../../src/core/schemes';
import { SCHEME_TEMPLATES } from '../../../src/core/templates';
import { RU, EN, deals, input, period, plan, schemeRows } from './builders';

describe('rule words and metric names', () => {
  it.each([
    ['оклад', 'salary'], ['Salary', 'salary'], ['ПРОЦЕНТ', 'percent'], ['шкала', 'tiers'], ['бонус за план', 'plan_bonus'],
    ['plan_bonus', 'plan_bonus'], ['бонус  за сделки', 'deal_bonus'], ['Бонус за клиента', 'new_client_bonus'],
    ['процент с клиентов', 'client_turnover'], ['партнерская цена', 'partner_price'], ['Партнёрская Цена', 'partner_price'],
    ['KPI', 'kpi'], ['порог_kpi', 'kpi_gate'], ['лимит', 'limit'], ['limit', 'limit'],
  ])('%s → %s', (word, kind) => expect(parseRuleKind(word)).toBe(kind));

  it('unknown and blank rule words are null', () => {
    expect(parseRuleKind('премия за звонки')).toBeNull();
    expect(parseRuleKind('')).toBeNull();
  });

  it.each([
    ['Выручка', 'revenue'], ['margin', 'margin'], ['оплаты', 'paid_revenue'], ['Paid revenue', 'paid_revenue'], ['paid_revenue', 'paid_revenue'],
    ['Оплаченная маржа', 'paid_margin'], ['сделки', 'deals'], ['новые клиенты', 'new_clients'], ['New_Clients', 'new_clients'],
    ['конверсия', 'conversion'], ['Собираемость', 'collection'], ['доля новых клиентов', 'new_client_share'], ['контакты', 'contacts'],
    ['оценка', 'score'], ['Оценка  заказчика', 'оценка_заказчика'],
  ])('metric %s → %s', (text, metric) => expect(canonicalMetric(text)).toBe(metric));

  it('labels and kinds', () => {
    expect(canonicalMetric('')).toBeNull();
    expect(metricLabel('new_clients', 'ru')).toBe('новые клиенты');
    expect(metricLabel('paid_revenue', 'en')).toBe('paid revenue');
    expect(metricLabel('оценка_заказчика', 'ru')).toBe('оценка заказчика');
    expect([metricKind('revenue'), metricKind('deals'), metricKind('conversion'), metricKind('score')]).toEqual(['money', 'count', 'ratio', 'number']);
  });

  it('scheme names match by a key', () => expect(schemeKey('  Партнёрская   схема ')).toBe(schemeKey('партнерская схема')));
});

describe('validation', () => {
  it('the three seed templates are valid', () => {
    for (const t of SCHEME_TEMPLATES) {
      const rows = t.rules.map((r, i) => draftToSchemeRow(t.name.ru, r, { sheet: 'Схемы', row: i + 2 }));
      const result = validateSchemeRows(rows, 'ru');
      expect(result.issues).toEqual([]);
      expect(result.scheme!.rules.map((r) => r.kind)).toEqual(t.rules.map((r) => r.rule));
    }
  });

  it('an invalid scheme: weights 0.5 + 0.4, descending tiers, an unknown Russian rule word → issues naming each row and column', () => {
    const rows = schemeRows('Плохая', [
      { rule: 'оклад', amount: '30000' },
      { rule: 'kpi', metric: 'конверсия', rate: '0,5', threshold: '30%' },
      { rule: 'kpi', metric: 'контакты', rate: '0.4', threshold: '300' },
      { rule: 'шкала', metric: 'выручка', tiers: '100%:5%; 50%:3%' },
      { rule: 'премия за звонки', amount: '100' },
    ]);
    const { scheme, issues } = validateSchemeRows(rows, 'ru');
    expect(scheme).toBeNull();
    expect(issues.map((i) => [i.row, i.column, i.field, i.value])).toEqual([
      [5, 'шкала', 'tiers', '100%:5%; 50%:3%'],
      [6, 'правило', 'rule', 'премия за звонки'],
      [3, 'ставка', 'rate', '0,5'],
      [4, 'ставка', 'rate', '0.4'],
    ]);
    expect(issues[0].message).toBe('Схема «Плохая», строка 5: пороги шкалы должны возрастать; «50%:3%» не больше предыдущего');
    expect(issues[1].message).toMatch(/^Схема «Плохая», строка 6: неизвестное правило «премия за звонки»/);
    expect(issues[2].message).toBe('Схема «Плохая», строка 3: веса KPI в сумме дают 0,9, а должны ровно 1');
    expect(issues.every((i) => i.sheet === 'Схемы')).toBe(true);
  });

  it('its managers get NO payout, with an issue saying why; a valid scheme beside it still pays', () => {
    const rows = [
      ...schemeRows('Плохая', [{ rule: 'kpi', metric: 'conversion', rate: '0.5', threshold: '30%' }, { rule: 'kpi', metric: 'contacts', rate: '0.4', threshold: '300' }]),
      ...schemeRows('Хорошая', [{ rule: 'salary', amount: '1000' }], 10),
    ];
    const ds = deals([{ date: '2026-11-02', manager: 'Анна', amount: 1 }, { date: '2026-11-02', manager: 'Борис', amount: 1 }]);
    const r = computePayouts(input({ deals: ds, plans: [plan(2, '2026-11', 'Анна', 'Плохая'), plan(3, '2026-11', 'Борис', 'хорошая')], schemeRows: rows }), period('2026-11'), RU);
    expect(r.managers.map((m) => m.manager)).toEqual(['Борис']);
    // `contacts` is nowhere in this workbook (no KPI sheet, no Plans column): a typo too, on the metric cell of row 3 (SPEC §10.2).
    expect(r.issues.map((i) => i.code)).toEqual(['engSchemeWeights', 'engSchemeWeights', 'rtUnknownMetric', 'engIssueInvalidScheme']);
    expect([r.issues[2].row, r.issues[2].column]).toEqual([3, 'показатель']);
    expect(r.issues[3].message).toBe('Анна, 2026-11: в схеме «Плохая» ошибки (см. замечания по схемам): выплата не рассчитана, пока их не исправят');
  });

  it.each([
    [{ rule: 'salary' }, 'amount', 'rule "salary" needs the amount column filled in'],
    [{ rule: 'percent', rate: '5%' }, 'metric', 'rule "percent" needs the metric column filled in'],
    [{ rule: 'percent', metric: 'revenue', rate: 'пять' }, 'rate', 'rate "пять" is not a number'],
    [{ rule: 'tiers', metric: 'revenue', tiers: '0:3%', mode: 'иногда' }, 'mode', 'mode "иногда" is neither whole nor marginal'],
    [{ rule: 'tiers', metric: 'revenue', tiers: 'abc' }, 'tiers', 'tier "abc" is not written as threshold:value'],
    [{ rule: 'plan bonus' }, 'amount', 'rule "plan bonus" needs an amount or tiers'],
    [{ rule: 'client turnover', metric: 'deals', rate: '5%' }, 'metric', 'client turnover is paid on revenue or margin, not "deals"'],
    [{ rule: 'client turnover', rate: '5%', months: '1.5' }, 'months', 'months "1.5" must be a whole number above 0 (blank = for ever)'],
    [{ rule: 'kpi gate', threshold: '0.5' }, 'rule', 'a KPI gate needs kpi rules in the same scheme'],
    [{ rule: 'limit', rate: '10%' }, 'metric', 'rule "limit" needs the metric column filled in'],
    [{ rule: '' , amount: '5' }, 'rule', 'the rule is blank'],
  ])('%o → field %s', (cells, field, message) => {
    const { scheme, issues } = validateSchemeRows(schemeRows('X', [cells as never]), 'en');
    expect(scheme).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe(field);
    expect(issues[0].message).toBe(`Scheme "X", row 2: ${message}`);
  });

  it('parseSchemes groups rows by name (any case/spacing), and a rule without a scheme name is an issue', () => {
    const rows = [
      ...schemeRows('Base', [{ rule: 'salary', amount: '100' }]),
      ...schemeRows(' base ', [{ rule: 'percent', metric: 'revenue', rate: '1%' }], 3),
      ...schemeRows('', [{ rule: 'salary', amount: '5' }], 4),
      ...schemeRows('', [], 5),
    ];
    const parsed = parseSchemes(rows, 'en');
    expect([...parsed.schemes.keys()]).toEqual(['base']);
    expect(parsed.schemes.get('base')!.rules.map((r) => r.kind)).toEqual(['salary', 'percent']);
    expect(parsed.issues.map((i) => [i.row, i.field])).toEqual([[4, 'scheme']]);
    expect(parsed.invalid.size).toBe(0);
  });

  it('a weights sum of exactly 1 in decimal (0.1 + 0.2 + 0.7) is valid', () => {
    const rows = schemeRows('K', [
      { rule: 'kpi', metric: 'a', rate: '0.1', threshold: '1' }, { rule: 'kpi', metric: 'b', rate: '0.2', threshold: '1' }, { rule: 'kpi', metric: 'c', rate: '0.7', threshold: '1' },
    ]);
    expect(validateSchemeRows(rows, 'en').issues).toEqual([]);
  });
  void EN;
});

describe('metric kind lists', () => {
  it('agree with metricKind', () => {
    for (const m of MONEY_METRICS) expect(metricKind(m)).toBe('money');
    for (const m of COUNT_METRICS) expect(metricKind(m)).toBe('count');
    for (const m of RATIO_METRICS) expect(metricKind(m)).toBe('ratio');
  });
});

describe('metric names with units', () => {
  it.each([
    ['Выручка, руб.', 'revenue'], ['Маржа (₽)', 'margin'], ['Revenue, $', 'revenue'], ['Сделки, шт.', 'deals'], ['Конверсия, %', 'conversion'],
    ['Количество сделок', 'deals'],
  ])('%s → %s', (text, metric) => expect(canonicalMetric(text)).toBe(metric));
});
