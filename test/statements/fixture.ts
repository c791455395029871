/**
 * A small workbook for statements by e-mail, every figure worked out by hand (scheme Базовая, as in
 * test/earnings/fixture.ts: salary 30 000; 3 % of revenue; plan bonus 20 000 at 100 % of the revenue
 * plan 1 000 000; 2 000 per won deal over 5). October 2026, all deals won:
 *   Иванов Иван     ЗК-1 300 000 (client `<script>alert("x")</script>`), ЗК-2 300 000 (client `=HYPERLINK(…)`)
 *                   → 3 % × 600 000 = 18 000; 60 % of plan: no bonus; total 30 000 + 18 000 = 48 000,00
 *   Петров Пётр     ЗК-3 1 200 000 (ООО Петровские) → 36 000 + 20 000 bonus; total 86 000,00
 *   Сидорова Анна   ЗК-4 500 000 (ООО Сидоровы) → 15 000; total 45 000,00 — no e-mail in the Managers sheet
 * Managers sheet: Иванов and Петров with e-mails; head: Сидорова Анна heads Иванов; Петров has no head.
 */
import type { CellValue } from '../../src/core/numbers';
import type { ManagerRecord } from '../../src/core/model';
import type { RawWorkbook } from '../../src/workbook/raw';

export const IVANOV = 'Иванов Иван';
export const PETROV = 'Петров Пётр';
export const SIDOROVA = 'Сидорова Анна';
export const SCRIPT_CLIENT = '<script>alert("x")</script>';
export const FORMULA_CLIENT = '=HYPERLINK("http://evil.example";"click")';

export const EMAILS = { [IVANOV]: 'ivanov@example.com', [PETROV]: 'petrov@example.com' } as const;

export const SCHEME_ROWS: CellValue[][] = [
  ['scheme', 'rule', 'metric', 'rate', 'amount', 'threshold', 'tiers', 'mode', 'cap', 'months', 'comment'],
  ['Базовая', 'salary', '', '', 30000, '', '', '', '', '', ''],
  ['Базовая', 'percent', 'revenue', '3%', '', '', '', '', '', '', ''],
  ['Базовая', 'plan_bonus', 'revenue', '', 20000, '100%', '', '', '', '', ''],
  ['Базовая', 'deal_bonus', '', '', 2000, 5, '', '', '', '', ''],
];

export interface StatementFixture {
  /** Amount of deal ЗК-3 (Петров's one deal); 1 200 000 by default. */
  petrovAmount?: number;
  /** Give Сидорова an e-mail. */
  sidorovaEmail?: string;
  /** An extra Plans row naming a scheme that does not exist (that manager is withheld). */
  withheld?: string;
}

export function statementWorkbook(opts: StatementFixture = {}): RawWorkbook {
  const deals: CellValue[][] = [
    ['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Статус'],
    ['ЗК-1', '2026-10-05', IVANOV, SCRIPT_CLIENT, 300000, 210000, 'успешно'],
    ['ЗК-2', '2026-10-12', IVANOV, FORMULA_CLIENT, 300000, 210000, 'успешно'],
    ['ЗК-3', '2026-10-15', PETROV, 'ООО Петровские', opts.petrovAmount ?? 1200000, 840000, 'успешно'],
    ['ЗК-4', '2026-10-20', SIDOROVA, 'ООО Сидоровы', 500000, 350000, 'успешно'],
  ];
  if (opts.withheld) deals.push(['ЗК-5', '2026-10-21', opts.withheld, 'ООО Прочие', 100000, 70000, 'успешно']);
  const plans: CellValue[][] = [['Период', 'Менеджер', 'Схема', 'Выручка']];
  for (const m of [IVANOV, PETROV, SIDOROVA]) plans.push(['2026-10', m, 'Базовая', 1000000]);
  if (opts.withheld) plans.push(['2026-10', opts.withheld, 'Нет такой', 1000000]);
  const managers: CellValue[][] = [
    ['Менеджер', 'E-mail', 'Руководитель'],
    [IVANOV, EMAILS[IVANOV], SIDOROVA],
    [PETROV, EMAILS[PETROV], ''],
  ];
  if (opts.sidorovaEmail) managers.push([SIDOROVA, opts.sidorovaEmail, '']);
  return {
    sheets: [
      { name: 'Сделки', values: deals },
      { name: 'Планы', values: plans },
      { name: 'Схемы', values: SCHEME_ROWS },
      { name: 'Сотрудники', values: managers },
    ],
    timeZone: 'Europe/Moscow',
    locale: 'ru_RU',
    currency: 'RUB',
  };
}

/**
 * The Managers sheet's rows as the `read` engineer's reader will give them (`input.managers`);
 * until that reader lands, tests of teams set them on the read result themselves.
 */
export function managerRecords(opts: { sidorovaEmail?: string } = {}): ManagerRecord[] {
  const rec = (row: number, manager: string, email: string | null, head: string | null): ManagerRecord => ({
    ref: { sheet: 'Сотрудники', row }, manager, email, aliases: [], employeeId: null, head, hired: null,
  });
  return [
    rec(2, IVANOV, EMAILS[IVANOV], SIDOROVA),
    rec(3, PETROV, EMAILS[PETROV], null),
    ...(opts.sidorovaEmail ? [rec(4, SIDOROVA, opts.sidorovaEmail, null)] : []),
  ];
}
