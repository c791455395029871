/**
 * A small workbook where every answer can be worked out by hand: 2 managers, 3 months, two schemes.
 *
 * Schemes
 *   Базовая (seed 001): salary 30 000; 3 % of revenue; plan bonus 20 000 at 100 % of the revenue plan;
 *                       2 000 per won deal over 5.
 *   Новая:              salary 20 000; tiers on revenue attainment `0%:2%; 100%:5%` (whole volume);
 *                       limit: the variable part ≤ 15 % of the manager's margin.
 * Plans: every month, both managers: revenue plan 1 000 000, scheme Базовая.
 * Deals (all won, cost = 70 % of the amount, so margin = 30 %):
 *   2026-09 Иванов  400 000 + 400 000 + 300 000 = 1 100 000 (3 deals), margin 330 000
 *           Петров  300 000 + 200 000           =   500 000 (2 deals), margin 150 000
 *   2026-10 Иванов  6 × 200 000                 = 1 200 000 (6 deals), margin 360 000
 *           Петров  900 000                     =   900 000 (1 deal),  margin 270 000
 *   2026-11 Иванов  11-05 500 000, 11-12 350 000, 11-25 400 000
 *           Петров  11-03 100 000
 */
import type { CellValue } from '../../src/core/numbers';
import type { RawWorkbook } from '../../src/workbook/raw';

export const IVANOV = 'Иванов Иван';
export const PETROV = 'Петров Пётр';

type DealRow = [date: string, manager: string, client: string, amount: number];

export const DEALS: DealRow[] = [
  ['2026-09-03', IVANOV, 'ООО Альфа', 400000],
  ['2026-09-10', IVANOV, 'ООО Бета', 400000],
  ['2026-09-20', IVANOV, 'ООО Гамма', 300000],
  ['2026-09-05', PETROV, 'ООО Дельта', 300000],
  ['2026-09-15', PETROV, 'ООО Эпсилон', 200000],
  ...[1, 2, 3, 4, 5, 6].map((d): DealRow => [`2026-10-0${d}`, IVANOV, 'ООО Альфа', 200000]),
  ['2026-10-10', PETROV, 'ООО Дельта', 900000],
  ['2026-11-05', IVANOV, 'ООО Бета', 500000],
  ['2026-11-12', IVANOV, 'ООО Гамма', 350000],
  ['2026-11-25', IVANOV, 'ООО Альфа', 400000],
  ['2026-11-03', PETROV, 'ООО Дельта', 100000],
];

export const SCHEME_ROWS: CellValue[][] = [
  ['scheme', 'rule', 'metric', 'rate', 'amount', 'threshold', 'tiers', 'mode', 'cap', 'months', 'comment'],
  ['Базовая', 'salary', '', '', 30000, '', '', '', '', '', ''],
  ['Базовая', 'percent', 'revenue', '3%', '', '', '', '', '', '', ''],
  ['Базовая', 'plan_bonus', 'revenue', '', 20000, '100%', '', '', '', '', ''],
  ['Базовая', 'deal_bonus', '', '', 2000, 5, '', '', '', '', ''],
  ['Новая', 'salary', '', '', 20000, '', '', '', '', '', ''],
  ['Новая', 'tiers', 'revenue', '', '', '', '0%:2%; 100%:5%', 'whole', '', '', ''],
  ['Новая', 'limit', 'margin', '15%', '', '', '', '', '', '', ''],
];

export interface FixtureOptions {
  /** Put the e-mails in a Managers sheet instead of the Plans e-mail column. */
  managersSheet?: boolean;
  /** Extra Schemes rows (an invalid scheme, …). */
  extraSchemeRows?: CellValue[][];
}

export function fixtureWorkbook(opts: FixtureOptions = {}): RawWorkbook {
  const deals: CellValue[][] = [['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Статус']];
  for (const [date, manager, client, amount] of DEALS) deals.push([date, manager, client, amount, (amount * 7) / 10, 'успешно']);
  const plans: CellValue[][] = [opts.managersSheet ? ['Период', 'Менеджер', 'Схема', 'Выручка'] : ['Период', 'Менеджер', 'Схема', 'Выручка', 'E-mail']];
  for (const period of ['2026-09', '2026-10', '2026-11']) {
    for (const [manager, email] of [[IVANOV, 'ivanov@example.com'], [PETROV, 'Petrov@Example.com']]) {
      plans.push(opts.managersSheet ? [period, manager, 'Базовая', 1000000] : [period, manager, 'Базовая', 1000000, email]);
    }
  }
  const sheets = [
    { name: 'Сделки', values: deals },
    { name: 'Планы', values: plans },
    { name: 'Схемы', values: [...SCHEME_ROWS, ...(opts.extraSchemeRows ?? [])] },
  ];
  if (opts.managersSheet) {
    sheets.push({ name: 'Менеджеры', values: [['Менеджер', 'E-mail'], [IVANOV, 'ivanov@example.com'], [PETROV, 'petrov@example.com']] });
  }
  return { sheets, timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: 'RUB' };
}
