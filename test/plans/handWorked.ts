/**
 * One small hand-worked workbook per SPEC §14 feature, with the statement each manager must get:
 * the lines (rule, amount) in statement order and the total. workbooks.test.ts runs every case
 * through the built CLI on a real .xlsx and through the built bundle's *Generate payouts*.
 * Dates are ISO text (read as that day in every adapter); every manager has a Plans row.
 */
import type { CellValue } from '../../src/core/numbers';
import { FUND, rule, SCHEMES_RU, type Book } from './scenarios';

export type ExpectedLine = [rule: string, amount: number];

export interface HandWorkedCase {
  name: string;
  book: Book;
  period: string;
  /** Every manager paid, with their statement lines and total; nobody else gets a statement. */
  pay: Record<string, { lines: ExpectedLine[]; total: number }>;
  /** Words each manager's statement must show (explanations), as a reader sees them (plain spaces). */
  says?: Record<string, string[]>;
  /** Issues the run must report (sheet, row, column, value). */
  issues?: { sheet: string; row: number; column: string; value: CellValue }[];
}

const plans = (period: string, rows: [manager: string, scheme: string, ...planned: CellValue[]][], metrics: string[] = ['Выручка']): CellValue[][] => [
  ['Период', 'Менеджер', 'Схема', ...metrics],
  ...rows.map(([manager, scheme, ...planned]) => [period, manager, scheme, ...planned]),
];

/**
 * Rule filter by category and its negation. Scheme «Арматура»: оклад 20 000; 5 % of revenue where
 * категория = Арматура; 2 % where категория ≠ Арматура.
 * Иванов, November: r2 Альфа 100 000 Арматура, r4 Гамма 60 000 «арматура » (the same category after
 *   normalisation) → 160 000 × 5 % = 8 000; r3 Бета 40 000 Услуги, r5 Дельта 10 000 with no category
 *   (not Арматура) → 50 000 × 2 % = 1 000. 160 000 + 50 000 = 210 000 = all his November revenue:
 *   the filter and its negation split the base. r6 (October, 500 000 Арматура) is outside the period.
 *   Total 20 000 + 8 000 + 1 000 = 29 000.
 * Петров: r7 Эта 300 000 Услуги → Арматура 0; the rest 300 000 × 2 % = 6 000. Total 26 000.
 */
const CATEGORY: HandWorkedCase = {
  name: 'rule filter by category and its negation',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Категория'],
      ['2026-11-02', 'Иванов', 'Альфа', 100000, 'Арматура'],
      ['2026-11-09', 'Иванов', 'Бета', 40000, 'Услуги'],
      ['2026-11-16', 'Иванов', 'Гамма', 60000, 'арматура '],
      ['2026-11-20', 'Иванов', 'Дельта', 10000, ''],
      ['2026-10-30', 'Иванов', 'Альфа', 500000, 'Арматура'],
      ['2026-11-05', 'Петров', 'Эта', 300000, 'Услуги'],
    ],
    'Планы': plans('2026-11', [['Иванов', 'Арматура', 200000], ['Петров', 'Арматура', 200000]]),
    'Схемы': [
      SCHEMES_RU,
      rule('Арматура', 'оклад', { amount: 20000 }),
      rule('Арматура', 'процент', { metric: 'выручка', rate: '5%', filter: 'категория = Арматура' }),
      rule('Арматура', 'процент', { metric: 'выручка', rate: '2%', filter: 'категория ≠ Арматура' }),
    ],
  },
  pay: {
    'Иванов': { lines: [['salary', 20000], ['percent', 8000], ['percent', 1000]], total: 29000 },
    'Петров': { lines: [['salary', 20000], ['percent', 0], ['percent', 6000]], total: 26000 },
  },
  says: { 'Иванов': ['5 % × 160 000,00 ₽ = 8 000,00 ₽', '2 % × 50 000,00 ₽ = 1 000,00 ₽', '«Арматура»'] },
};

/**
 * Different rates by product, and two clauses joined with «и». Scheme «Товары»: 2 % of revenue where
 * товар = Кабель; 4 % where товар = Трубы; 1 % more where товар = Трубы и тип сделки = новая.
 * Сидоров, November: Кабель r2 100 000 × 2 % = 2 000; Трубы r3 200 000 + r4 50 000 = 250 000 × 4 % =
 *   10 000; new pipe deals r3 200 000 × 1 % = 2 000; r5 Услуги 30 000 matches no rule.
 *   Total 2 000 + 10 000 + 2 000 = 14 000.
 */
const PRODUCTS: HandWorkedCase = {
  name: 'different rates by product',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Товар', 'Тип сделки'],
      ['2026-11-02', 'Сидоров', 'Омега', 100000, 'Кабель', 'повторная'],
      ['2026-11-03', 'Сидоров', 'Сигма', 200000, 'Трубы', 'новая'],
      ['2026-11-04', 'Сидоров', 'Омега', 50000, 'трубы', 'повторная'],
      ['2026-11-05', 'Сидоров', 'Тау', 30000, 'Услуги', 'новая'],
    ],
    'Планы': plans('2026-11', [['Сидоров', 'Товары', 400000]]),
    'Схемы': [
      SCHEMES_RU,
      rule('Товары', 'процент', { metric: 'выручка', rate: '2%', filter: 'товар = Кабель' }),
      rule('Товары', 'процент', { metric: 'выручка', rate: '4%', filter: 'товар = Трубы' }),
      rule('Товары', 'процент', { metric: 'выручка', rate: '1%', filter: 'товар = Трубы и тип сделки = новая' }),
    ],
  },
  pay: { 'Сидоров': { lines: [['percent', 2000], ['percent', 10000], ['percent', 2000]], total: 14000 } },
  says: { 'Сидоров': ['2 % × 100 000,00 ₽ = 2 000,00 ₽', '4 % × 250 000,00 ₽ = 10 000,00 ₽', '1 % × 200 000,00 ₽ = 2 000,00 ₽'] },
};

/**
 * regular_clients (постоянные клиенты): clients of m's won November deals who had a won deal (anyone's)
 * before November. Scheme «Постоянные»: 1 % of revenue; 10 000 when постоянные клиенты ≥ 100 % of plan (2).
 * Иванова: А1 (won in September, r2) and А2 (won in October by Козлова, r3) are regular; А3's only
 *   earlier deal (r9, October) was lost, so А3 is new; А1 bought twice (r4, r7) and counts once.
 *   regular 2 ÷ plan 2 = 100 % → 10 000. Revenue 100 000 + 20 000 + 30 000 + 10 000 = 160 000 × 1 % = 1 600.
 *   Total 11 600.
 * Козлова: r8 А4 is new → regular 0 ÷ 2 = 0 % → bonus 0; 40 000 × 1 % = 400. Total 400.
 */
const REGULAR: HandWorkedCase = {
  name: 'regular_clients',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'],
      ['2026-09-10', 'Иванова', 'А1', 50000, 'успешно'],
      ['2026-10-10', 'Козлова', 'А2', 70000, 'успешно'],
      ['2026-11-03', 'Иванова', 'А1', 100000, 'успешно'],
      ['2026-11-04', 'Иванова', 'А2', 20000, 'успешно'],
      ['2026-11-05', 'Иванова', 'А3', 30000, 'успешно'],
      ['2026-11-06', 'Иванова', 'А1', 10000, 'успешно'],
      ['2026-11-07', 'Козлова', 'А4', 40000, 'успешно'],
      ['2026-10-01', 'Иванова', 'А3', 90000, 'проиграна'],
    ],
    'Планы': plans('2026-11', [['Иванова', 'Постоянные', 200000, 2], ['Козлова', 'Постоянные', 200000, 2]], ['Выручка', 'Постоянные клиенты']),
    'Схемы': [
      SCHEMES_RU,
      rule('Постоянные', 'процент', { metric: 'выручка', rate: '1%' }),
      rule('Постоянные', 'бонус за план', { metric: 'постоянные клиенты', amount: 10000, threshold: '100%' }),
    ],
  },
  pay: {
    'Иванова': { lines: [['percent', 1600], ['plan_bonus', 10000]], total: 11600 },
    'Козлова': { lines: [['percent', 400], ['plan_bonus', 0]], total: 400 },
  },
};

/**
 * new_to_regular (новые к постоянным, seed 003): m's new clients ÷ m's regular clients.
 * Scheme «Приток»: 5 000 when new ÷ regular ≥ 100 % of plan 0,5.
 * Орлова: Б1, Б2 bought in October and again in November (regular 2); Б3's first deal is in November
 *   (new 1) → 1 ÷ 2 = 0,5 = 100 % of 0,5 → 5 000.
 * Лебедев: Б4 regular, no new client → 0 ÷ 1 = 0 → 0.
 */
const NEW_TO_REGULAR: HandWorkedCase = {
  name: 'new_to_regular',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма'],
      ['2026-10-05', 'Орлова', 'Б1', 10000],
      ['2026-10-06', 'Орлова', 'Б2', 10000],
      ['2026-11-02', 'Орлова', 'Б1', 10000],
      ['2026-11-03', 'Орлова', 'Б2', 10000],
      ['2026-11-04', 'Орлова', 'Б3', 10000],
      ['2026-10-07', 'Лебедев', 'Б4', 10000],
      ['2026-11-05', 'Лебедев', 'Б4', 10000],
    ],
    'Планы': plans('2026-11', [['Орлова', 'Приток', 0.5], ['Лебедев', 'Приток', 0.5]], ['Новые к постоянным']),
    'Схемы': [SCHEMES_RU, rule('Приток', 'бонус за план', { metric: 'новые к постоянным', amount: 5000, threshold: '100%' })],
  },
  pay: {
    'Орлова': { lines: [['plan_bonus', 5000]], total: 5000 },
    'Лебедев': { lines: [['plan_bonus', 0]], total: 0 },
  },
};

/**
 * client_turnover, mode `subsequent` (seed 002: «со всех последующих покупок» — the first purchase is
 * not paid) beside the default mode. Both schemes: 10 % of the revenue of the clients m owns.
 * Белова («Последующие») owns В1 (first deal r2, October) and В2 (first deal r4, November):
 *   r3 В1 40 000 + r5 В2 20 000 (closed by Чернов, still Белова's client) = 60 000 × 10 % = 6 000;
 *   r4, В2's first purchase (60 000), is not paid. (All purchases would be 120 000 → 12 000.)
 * Чернов («Все покупки») owns Г1 (first deal r6): 80 000 + r7 30 000 = 110 000 × 10 % = 11 000 —
 *   the default mode pays the first purchase too.
 */
const SUBSEQUENT: HandWorkedCase = {
  name: 'client_turnover, subsequent purchases only',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма'],
      ['2026-10-20', 'Белова', 'В1', 100000],
      ['2026-11-03', 'Белова', 'В1', 40000],
      ['2026-11-05', 'Белова', 'В2', 60000],
      ['2026-11-25', 'Чернов', 'В2', 20000],
      ['2026-11-06', 'Чернов', 'Г1', 80000],
      ['2026-11-07', 'Чернов', 'Г1', 30000],
    ],
    'Планы': plans('2026-11', [['Белова', 'Последующие', 100000], ['Чернов', 'Все покупки', 100000]]),
    'Схемы': [
      SCHEMES_RU,
      rule('Последующие', 'процент с клиентов', { metric: 'выручка', rate: '10%', mode: 'последующие' }),
      rule('Все покупки', 'процент с клиентов', { metric: 'выручка', rate: '10%' }),
    ],
  },
  pay: {
    'Белова': { lines: [['client_turnover', 6000]], total: 6000 },
    'Чернов': { lines: [['client_turnover', 11000]], total: 11000 },
  },
  says: { 'Белова': ['10 % × 60 000,00 ₽ = 6 000,00 ₽'] },
};

/**
 * team_override over the head's team, taken from the Managers sheet's head column.
 * Сотрудники: Юрин and Митин report to Главная (Митин's cell says «главная » — the same name after
 * normalisation); Ершов reports to Юрин, so he is not in Главная's team (direct reports only).
 * Scheme «Руководитель»: оклад 60 000 + 2 % of the team's revenue; «Продавец»: 5 % of own revenue.
 * Главная: team = Юрин 200 000 + Митин 150 000 (his October 999 999 is outside) = 350 000 × 2 % = 7 000;
 *   her own 100 000 is not her team's. Total 67 000.
 * Юрин 200 000 × 5 % = 10 000; Митин 150 000 × 5 % = 7 500; Ершов 300 000 × 5 % = 15 000.
 */
const TEAM: HandWorkedCase = {
  name: 'team_override from the Managers sheet',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма'],
      ['2026-11-02', 'Главная', 'Д1', 100000],
      ['2026-11-03', 'Юрин', 'Д2', 200000],
      ['2026-11-04', 'Митин', 'Д3', 150000],
      ['2026-11-05', 'Ершов', 'Д4', 300000],
      ['2026-10-05', 'Митин', 'Д5', 999999],
    ],
    'Сотрудники': [
      ['Менеджер', 'E-mail', 'Руководитель', 'Дата приёма'],
      ['Главная', 'head@example.com', '', '2020-01-01'],
      ['Юрин', 'yurin@example.com', 'Главная', '2024-02-01'],
      ['Митин', 'mitin@example.com', 'главная ', '2024-03-01'],
      ['Ершов', 'ershov@example.com', 'Юрин', '2024-04-01'],
    ],
    'Планы': plans('2026-11', [['Главная', 'Руководитель', 1000000], ['Юрин', 'Продавец', 200000], ['Митин', 'Продавец', 200000], ['Ершов', 'Продавец', 200000]]),
    'Схемы': [
      SCHEMES_RU,
      rule('Руководитель', 'оклад', { amount: 60000 }),
      rule('Руководитель', 'командный процент', { metric: 'выручка', rate: '2%' }),
      rule('Продавец', 'процент', { metric: 'выручка', rate: '5%' }),
    ],
  },
  pay: {
    'Главная': { lines: [['salary', 60000], ['team_override', 7000]], total: 67000 },
    'Юрин': { lines: [['percent', 10000]], total: 10000 },
    'Митин': { lines: [['percent', 7500]], total: 7500 },
    'Ершов': { lines: [['percent', 15000]], total: 15000 },
  },
  says: { 'Главная': ['Юрин', 'Митин', '2 % × 350 000,00 ₽ = 7 000,00 ₽'] },
};

/**
 * guarantee for the first months after `hired`. Scheme «Новичок»: оклад 25 000; 5 % of revenue;
 * гарантия 20 000 for 2 months. Сотрудники: Новикова hired 2026-10-01 (October and November are
 * guaranteed: 2026-11-01 is before 2026-10-01 + 2 months = 2026-12-01; December is not);
 * Свежев hired 2026-11-01 (November and December); Старов hired 2024-03-01 (long past).
 */
const GUARANTEE_BOOK: Book = {
  'Сделки': [
    ['Дата', 'Менеджер', 'Клиент', 'Сумма'],
    ['2026-11-10', 'Новикова', 'Е1', 100000],
    ['2026-12-10', 'Новикова', 'Е1', 100000],
    ['2026-11-12', 'Старов', 'Е2', 100000],
    ['2026-11-14', 'Свежев', 'Е3', 500000],
  ],
  'Сотрудники': [
    ['Менеджер', 'Руководитель', 'Дата приёма'],
    ['Новикова', '', '2026-10-01'],
    ['Свежев', '', '2026-11-01'],
    ['Старов', '', '2024-03-01'],
  ],
  'Планы': [
    ['Период', 'Менеджер', 'Схема', 'Выручка'],
    ...['2026-11', '2026-12'].flatMap((p) => ['Новикова', 'Свежев', 'Старов'].map((m) => [p, m, 'Новичок', 300000])),
  ],
  'Схемы': [
    SCHEMES_RU,
    rule('Новичок', 'оклад', { amount: 25000 }),
    rule('Новичок', 'процент', { metric: 'выручка', rate: '5%' }),
    rule('Новичок', 'гарантия', { amount: 20000, months: 2 }),
  ],
};

/**
 * November: Новикова 100 000 × 5 % = 5 000 < 20 000 → a top-up line of 15 000: 25 000 + 5 000 + 15 000 = 45 000.
 * Свежев 500 000 × 5 % = 25 000 ≥ 20 000 → the top-up line shows 0: 50 000.
 * Старов 100 000 × 5 % = 5 000, hired long ago: no guarantee line: 30 000.
 */
const GUARANTEE_ON: HandWorkedCase = {
  name: 'guarantee in the first months after hiring',
  period: '2026-11',
  book: GUARANTEE_BOOK,
  pay: {
    'Новикова': { lines: [['salary', 25000], ['percent', 5000], ['guarantee', 15000]], total: 45000 },
    'Свежев': { lines: [['salary', 25000], ['percent', 25000], ['guarantee', 0]], total: 50000 },
    'Старов': { lines: [['salary', 25000], ['percent', 5000]], total: 30000 },
  },
};

/**
 * December: Новикова is past her 2 months: 100 000 × 5 % = 5 000, no top-up: 30 000.
 * Свежев (hired in November) is still guaranteed and sold nothing: 0 → top-up 20 000: 45 000.
 * Старов sold nothing: 25 000.
 */
const GUARANTEE_OFF: HandWorkedCase = {
  name: 'no guarantee after the guarantee months',
  period: '2026-12',
  book: GUARANTEE_BOOK,
  pay: {
    'Новикова': { lines: [['salary', 25000], ['percent', 5000]], total: 30000 },
    'Свежев': { lines: [['salary', 25000], ['percent', 0], ['guarantee', 20000]], total: 45000 },
    'Старов': { lines: [['salary', 25000], ['percent', 0]], total: 25000 },
  },
};

/**
 * Deal splits with shares. Scheme «Сделки»: 10 % of revenue; 1 000 per deal (threshold 0).
 * Зайцев: r2 100 000 + his 75 % of r3 200 000 = 150 000 → 250 000 × 10 % = 25 000;
 *   deals 1 + 0,75 = 1,75 × 1 000 = 1 750. Total 26 750.
 * Волков: his 25 % of r3 = 50 000 + r5 80 000 = 130 000 × 10 % = 13 000; deals 0,25 + 1 = 1,25 → 1 250.
 *   Total 14 250.
 * r4's shares add up to 70 % + 20 % = 90 %: an issue for that row and the deal is left out — nobody is
 *   paid on it (it would have been 5 000 + 1 000 between them) until the shares are fixed.
 */
const SPLITS: HandWorkedCase = {
  name: 'deal splits with shares',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Доли'],
      ['2026-11-03', 'Зайцев', 'Ж1', 100000, ''],
      ['2026-11-04', 'Зайцев', 'Ж2', 200000, 'Зайцев 75%; Волков 25%'],
      ['2026-11-05', 'Волков', 'Ж3', 50000, 'Волков 70%; Зайцев 20%'],
      ['2026-11-06', 'Волков', 'Ж4', 80000, ''],
    ],
    'Планы': plans('2026-11', [['Зайцев', 'Сделки', 300000], ['Волков', 'Сделки', 300000]]),
    'Схемы': [
      SCHEMES_RU,
      rule('Сделки', 'процент', { metric: 'выручка', rate: '10%' }),
      rule('Сделки', 'бонус за сделки', { amount: 1000, threshold: '0' }),
    ],
  },
  pay: {
    'Зайцев': { lines: [['percent', 25000], ['deal_bonus', 1750]], total: 26750 },
    'Волков': { lines: [['percent', 13000], ['deal_bonus', 1250]], total: 14250 },
  },
  says: { 'Зайцев': ['10 % × 250 000,00 ₽ = 25 000,00 ₽'], 'Волков': ['10 % × 130 000,00 ₽ = 13 000,00 ₽'] },
  issues: [{ sheet: 'Сделки', row: 4, column: 'Доли', value: 'Волков 70%; Зайцев 20%' }],
};

/**
 * A split between managers whose names end in a number (two namesakes told apart as «Кузнецов 1» and
 * «Кузнецов 2»): the share is the number right before `%`. Scheme «Смена»: 10 % of revenue.
 * r2 100 000 split 60 / 40: Кузнецов 1 60 000 + r3 his own 50 000 = 110 000 × 10 % = 11 000;
 * Кузнецов 2 40 000 × 10 % = 4 000. (Read as `1 40%` = 140 %, the deal used to be dropped.)
 */
const NUMBERED_NAMES: HandWorkedCase = {
  name: 'a split between names ending in a number',
  period: '2026-11',
  book: {
    'Сделки': [
      ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Доли'],
      ['2026-11-03', 'Кузнецов 1', 'И1', 100000, 'Кузнецов 1 60%; Кузнецов 2 40%'],
      ['2026-11-04', 'Кузнецов 1', 'И2', 50000, ''],
    ],
    'Планы': plans('2026-11', [['Кузнецов 1', 'Смена', 100000], ['Кузнецов 2', 'Смена', 100000]]),
    'Схемы': [SCHEMES_RU, rule('Смена', 'процент', { metric: 'выручка', rate: '10%' })],
  },
  pay: {
    'Кузнецов 1': { lines: [['percent', 11000]], total: 11000 },
    'Кузнецов 2': { lines: [['percent', 4000]], total: 4000 },
  },
};

/**
 * The company fund as a rate: scheme «*» фонд = 30 % of the company's margin. Scheme «Продажи»:
 * оклад 10 000 (never scaled); 20 % of margin; 20 000 for 100 % of the revenue plan.
 */
const FUND_RATE_BOOK: Book = {
  'Сделки': [
    ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость'],
    ['2026-11-03', 'Анна', 'З1', 300000, 200000],
    ['2026-11-04', 'Борис', 'З2', 200000, 150000],
    ['2026-12-03', 'Анна', 'З1', 300000, 200000],
    ['2026-12-04', 'Борис', 'З2', 100000, 50000],
  ],
  'Планы': [
    ['Период', 'Менеджер', 'Схема', 'Выручка'],
    ['2026-11', 'Анна', 'Продажи', 300000],
    ['2026-11', 'Борис', 'Продажи', 300000],
    ['2026-12', 'Анна', 'Продажи', 400000],
    ['2026-12', 'Борис', 'Продажи', 300000],
  ],
  'Схемы': [
    SCHEMES_RU,
    rule('Продажи', 'оклад', { amount: 10000 }),
    rule('Продажи', 'процент', { metric: 'маржа', rate: '20%' }),
    rule('Продажи', 'бонус за план', { metric: 'выручка', amount: 20000, threshold: '100%' }),
    rule('*', 'фонд', { metric: 'маржа', rate: '30%' }),
  ],
};

/**
 * November, the fund binds. Margins: Анна 300 000 − 200 000 = 100 000, Борис 50 000; company 150 000
 * × 30 % = 45 000. Variable parts: Анна 20 % × 100 000 = 20 000 + plan bonus 20 000 (300 000 = 100 %)
 * = 40 000; Борис 10 000 + 0 (200 000 = 66,67 %) = 10 000; together 50 000 > 45 000 → factor 0,9:
 * Анна 36 000 (line −4 000), Борис 9 000 (line −1 000); 36 000 + 9 000 = 45 000 exactly.
 * Totals 10 000 + 36 000 = 46 000; 10 000 + 9 000 = 19 000.
 */
const FUND_BINDS: HandWorkedCase = {
  name: 'company fund (rate × company margin) when it binds',
  period: '2026-11',
  book: FUND_RATE_BOOK,
  pay: {
    'Анна': { lines: [['salary', 10000], ['percent', 20000], ['plan_bonus', 20000], ['company_limit', -4000]], total: 46000 },
    'Борис': { lines: [['salary', 10000], ['percent', 10000], ['plan_bonus', 0], ['company_limit', -1000]], total: 19000 },
  },
  says: { 'Анна': ['0,9'], 'Борис': ['0,9'] },
};

/**
 * December, the fund does not bind. Margins 100 000 + 50 000 = 150 000 × 30 % = 45 000 again.
 * Анна 20 000 + 0 (300 000 of 400 000 = 75 %) = 20 000; Борис 20 % × 50 000 = 10 000 + 0 (100 000 of
 * 300 000) = 10 000; together 30 000 ≤ 45 000: nothing is scaled and no fund line appears.
 * Totals 30 000 and 20 000.
 */
const FUND_FREE: HandWorkedCase = {
  name: 'company fund (rate × company margin) when it does not bind',
  period: '2026-12',
  book: FUND_RATE_BOOK,
  pay: {
    'Анна': { lines: [['salary', 10000], ['percent', 20000], ['plan_bonus', 0]], total: 30000 },
    'Борис': { lines: [['salary', 10000], ['percent', 10000], ['plan_bonus', 0]], total: 20000 },
  },
};

/**
 * The fund as an amount (scenarios.ts FUND): 3 × 10 000 of variable against a fund of 20 000 → factor
 * 2/3; 6 666,666… → 6 666,67 each = 20 000,01; the kopeck comes back from the first of the tie (Анна).
 */
const FUND_AMOUNT: HandWorkedCase = {
  name: 'company fund (an amount), the kopeck remainder',
  period: '2026-11',
  book: FUND,
  pay: {
    'Анна': { lines: [['salary', 10000], ['percent', 10000], ['company_limit', -3333.34]], total: 16666.66 },
    'Борис': { lines: [['salary', 10000], ['percent', 10000], ['company_limit', -3333.33]], total: 16666.67 },
    'Вера': { lines: [['salary', 10000], ['percent', 10000], ['company_limit', -3333.33]], total: 16666.67 },
  },
  says: { 'Анна': ['0,6667'] },
};

export const HAND_WORKED: HandWorkedCase[] = [
  CATEGORY, PRODUCTS, REGULAR, NEW_TO_REGULAR, SUBSEQUENT, TEAM, GUARANTEE_ON, GUARANTEE_OFF, SPLITS, NUMBERED_NAMES, FUND_BINDS, FUND_FREE, FUND_AMOUNT,
];
