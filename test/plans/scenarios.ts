/**
 * SPEC §14 workbooks, hand-worked: one per group of rules, as plain cell arrays so the same book
 * runs through the pipeline (node), the built CLI (.xlsx via exceljs) and the built bundle (fake Sheets).
 * Dates are ISO text (the reader reads `2026-11-03` as that day in every adapter).
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/numbers';
import type { RawWorkbook } from '../../src/workbook/raw';

export type Book = Record<string, CellValue[][]>;

export const SCHEMES_RU = ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма', 'Порог', 'Шкала', 'Режим', 'Потолок', 'Месяцев', 'Комментарий', 'Условие'];
/** A Schemes row: scheme, rule, metric, rate, amount, threshold, tiers, mode, cap, months, comment, filter. */
export function rule(scheme: string, kind: string, cells: { metric?: string; rate?: string; amount?: number; threshold?: string; mode?: string; months?: number; filter?: string } = {}): CellValue[] {
  return [scheme, kind, cells.metric ?? '', cells.rate ?? '', cells.amount ?? '', cells.threshold ?? '', '', cells.mode ?? '', '', cells.months ?? '', '', cells.filter ?? ''];
}

/**
 * Filters by category and deal type, and splits. Scheme «Категории»: оклад 30 000; 3 % of revenue
 * where категория = Арматура; 1 % where категория ≠ Арматура; 1 000 per upsell deal; 2 000 per new client.
 *
 * Иванов, 2026-11, credited deals: r3 200 000 (Арматура), r4 300 000 (Услуги), r5 60 % × 500 000 =
 *   300 000 (Арматура, upsell), r7 50 % × 100 000 = 50 000 (Арматура). r8 is left out (shares 70 + 20 = 90 %).
 *   Арматура 200 000 + 300 000 + 50 000 = 550 000 × 3 % = 16 500; the rest 300 000 × 1 % = 3 000
 *   (550 000 + 300 000 = 850 000 = all his revenue: a filter and its negation split the base);
 *   upsell deals 0,6 (his share of r5) × 1 000 = 600; new clients Бета (r4) and Гамма (r5: 60 % is the
 *   largest share, so Иванов owns it) = 2 × 2 000 = 4 000 (Альфа bought in October: not new).
 *   Total 30 000 + 16 500 + 3 000 + 600 + 4 000 = 54 100.
 * Петров: r5 40 % × 500 000 = 200 000 (Арматура, upsell), r6 400 000 (Услуги), r7 50 % × 100 000 = 50 000
 *   (Арматура; a 50/50 tie: the first listed, Петров, owns Эпсилон).
 *   Арматура 250 000 × 3 % = 7 500; the rest 400 000 × 1 % = 4 000; upsell 0,4 × 1 000 = 400;
 *   new clients Дельта, Эпсилон = 4 000. Total 30 000 + 7 500 + 4 000 + 400 + 4 000 = 45 900.
 */
export const CATEGORIES: Book = {
  'Сделки': [
    ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Категория', 'Тип сделки', 'Доли'],
    ['2026-10-10', 'Иванов', 'Альфа', 100000, 'Арматура', 'новая', ''],
    ['2026-11-03', 'Иванов', 'Альфа', 200000, 'арматура ', 'повторная', ''],
    ['2026-11-05', 'Иванов', 'Бета', 300000, 'Услуги', 'новая', ''],
    ['2026-11-12', 'Иванов', 'Гамма', 500000, 'Арматура', 'Допродажа', 'Иванов 60%; Петров 40%'],
    ['2026-11-20', 'Петров', 'Дельта', 400000, 'Услуги', 'новая', ''],
    ['2026-11-21', 'Петров', 'Эпсилон', 100000, 'Арматура', 'новая', 'Петров 50%; Иванов 50%'],
    ['2026-11-22', 'Петров', 'Дзета', 50000, 'Арматура', 'новая', 'Петров 70%; Иванов 20%'],
  ],
  'Планы': [
    ['Период', 'Менеджер', 'Схема', 'Выручка'],
    ['2026-11', 'Иванов', 'Категории', 1000000],
    ['2026-11', 'Петров', 'Категории', 1000000],
  ],
  'Схемы': [
    SCHEMES_RU,
    rule('Категории', 'оклад', { amount: 30000 }),
    rule('Категории', 'процент', { metric: 'выручка', rate: '3%', filter: 'категория = Арматура' }),
    rule('Категории', 'процент', { metric: 'выручка', rate: '1%', filter: 'категория ≠ Арматура' }),
    rule('Категории', 'бонус за сделки', { amount: 1000, threshold: '0', filter: 'тип сделки = допродажа' }),
    rule('Категории', 'бонус за клиента', { amount: 2000 }),
  ],
};
export const CATEGORIES_EXPECTED = { 'Иванов': 54100, 'Петров': 45900 };

/**
 * Regular clients, new ÷ regular, subsequent purchases, client filters. Scheme «Привлечение»:
 * 5 % of the revenue of owned clients' later purchases (mode последующие); 2 % of revenue where
 * клиент = постоянный; 4 % where клиент = новый; 5 000 when новые к постоянным ≥ 100 % of plan (plan 1).
 *
 * Сидоров, 2026-11: owns Омега (first won r2, September), Сигма (r4), Тау (r6).
 *   Subsequent: r3 Омега 200 000 + r5 Сигма 80 000 (closed by Козлов; Сигма's first deal r4 left out;
 *   Тау's only deal r6 is its first) = 280 000 × 5 % = 14 000.
 *   Regular clients' deals: r3 Омега 200 000 + r8 Пси 30 000 (Пси first bought in October) = 230 000 × 2 % = 4 600.
 *   New clients' deals: r4 150 000 + r6 50 000 = 200 000 × 4 % = 8 000 (230 000 + 200 000 = all 430 000).
 *   new clients 2 (Сигма, Тау) ÷ regular clients 2 (Омега, Пси) = 1 = 100 % of plan → 5 000.
 *   Total 14 000 + 4 600 + 8 000 + 5 000 = 31 600.
 * Козлов: owns Пси (first won r7, October): r8 30 000 × 5 % = 1 500. His own r5 (Сигма, whose first
 *   deal is in November: a new client) 80 000 × 4 % = 3 200; regular 0. Regular clients 0 → new ÷ regular
 *   cannot be computed: the plan bonus pays 0 with an issue. Total 1 500 + 0 + 3 200 + 0 = 4 700.
 */
export const REGULARS: Book = {
  'Сделки': [
    ['Дата', 'Менеджер', 'Клиент', 'Сумма'],
    ['2026-09-01', 'Сидоров', 'Омега', 100000],
    ['2026-11-02', 'Сидоров', 'Омега', 200000],
    ['2026-11-03', 'Сидоров', 'Сигма', 150000],
    ['2026-11-10', 'Козлов', 'Сигма', 80000],
    ['2026-11-15', 'Сидоров', 'Тау', 50000],
    ['2026-10-05', 'Козлов', 'Пси', 70000],
    ['2026-11-06', 'Сидоров', 'Пси', 30000],
  ],
  'Планы': [
    ['Период', 'Менеджер', 'Схема', 'Выручка', 'Новые к постоянным'],
    ['2026-11', 'Сидоров', 'Привлечение', 500000, 1],
    ['2026-11', 'Козлов', 'Привлечение', 100000, 1],
  ],
  'Схемы': [
    SCHEMES_RU,
    rule('Привлечение', 'процент с клиентов', { metric: 'выручка', rate: '5%', mode: 'последующие' }),
    rule('Привлечение', 'процент', { metric: 'выручка', rate: '2%', filter: 'клиент = постоянный' }),
    rule('Привлечение', 'процент', { metric: 'выручка', rate: '4%', filter: 'клиент = новый' }),
    rule('Привлечение', 'бонус за план', { metric: 'новые к постоянным', amount: 5000, threshold: '100%' }),
  ],
};
export const REGULARS_EXPECTED = { 'Сидоров': 31600, 'Козлов': 4700 };

/**
 * The company fund. Scheme «Продажи»: оклад 10 000 + 10 % of revenue; scheme «*»: фонд 20 000.
 * Анна, Борис, Вера each sell 100 000 → variable 10 000 each, 30 000 together > 20 000 → factor 2/3:
 * 10 000 × 2/3 = 6 666,666… → 6 666,67 each, 20 000,01 together; the kopeck goes back from the
 * largest (a three-way tie: the first, Анна) → 6 666,66, 6 666,67, 6 666,67 = 20 000,00.
 * Totals 16 666,66; 16 666,67; 16 666,67.
 */
export const FUND: Book = {
  'Сделки': [
    ['Дата', 'Менеджер', 'Клиент', 'Сумма'],
    ['2026-11-03', 'Анна', 'К1', 100000],
    ['2026-11-04', 'Борис', 'К2', 100000],
    ['2026-11-05', 'Вера', 'К3', 100000],
  ],
  'Планы': [
    ['Период', 'Менеджер', 'Схема', 'Выручка'],
    ['2026-11', 'Анна', 'Продажи', 100000],
    ['2026-11', 'Борис', 'Продажи', 100000],
    ['2026-11', 'Вера', 'Продажи', 100000],
  ],
  'Схемы': [
    SCHEMES_RU,
    rule('Продажи', 'оклад', { amount: 10000 }),
    rule('Продажи', 'процент', { metric: 'выручка', rate: '10%' }),
    rule('*', 'фонд', { amount: 20000 }),
  ],
};
export const FUND_EXPECTED = { 'Анна': 16666.66, 'Борис': 16666.67, 'Вера': 16666.67 };

export function rawOf(book: Book, locale = 'ru_RU'): RawWorkbook {
  return { sheets: Object.entries(book).map(([name, values]) => ({ name, values })), timeZone: 'Europe/Moscow', locale, currency: null };
}

export async function saveXlsx(book: Book, path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(book)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row.map((v) => (v === null || v === undefined ? '' : v)));
  }
  await wb.xlsx.writeFile(path);
  return path;
}
