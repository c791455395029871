/**
 * One small workbook whose deal `03/04/2026` is typed as text (a pasted CRM export): 3 April when
 * the spreadsheet reads day first (ru_RU), March 4 when it reads month first (en_US). Shared by the
 * reader tests, the built bundle and the CLI.
 *
 * Scheme S: salary 10 000 + 5 % of revenue. Иванов has Plans rows for March and April 2026.
 * Deals: `03/04/2026` 200 000 (text), 2026-03-20 100 000, 2026-04-10 50 000.
 *   Day first (3 April):   March 10 000 + 5 % × 100 000 = 15 000;
 *                          April 10 000 + 5 % × (200 000 + 50 000) = 22 500.
 *   Month first (March 4): March 10 000 + 5 % × (200 000 + 100 000) = 25 000;
 *                          April 10 000 + 5 % × 50 000 = 12 500.
 */
import type { CellValue } from '../../../src/core/numbers';

export const SLASH_SCHEMES: CellValue[][] = [
  ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'],
  ['S', 'оклад', '', '', 10000],
  ['S', 'процент', 'выручка', '5%', ''],
];

export const SLASH_PLANS: CellValue[][] = [
  ['Период', 'Менеджер', 'Схема', 'Выручка'],
  ['2026-03', 'Иванов', 'S', 1000000],
  ['2026-04', 'Иванов', 'S', 1000000],
];

/** `extra` rows go after the three deals (e.g. `22/03/2026`, which reads only day first). */
export const slashDeals = (...extra: CellValue[][]): CellValue[][] => [
  ['Дата', 'Менеджер', 'Сумма'],
  ['03/04/2026', 'Иванов', 200000],
  ['2026-03-20', 'Иванов', 100000],
  ['2026-04-10', 'Иванов', 50000],
  ...extra,
];

export const slashSheets = (...extra: CellValue[][]): Record<string, CellValue[][]> => ({ 'Сделки': slashDeals(...extra), 'Планы': SLASH_PLANS, 'Схемы': SLASH_SCHEMES });

export const DAY_FIRST = { '2026-03': 15000, '2026-04': 22500 };
export const MONTH_FIRST = { '2026-03': 25000, '2026-04': 12500 };
