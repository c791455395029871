/**
 * A small Russian workbook for the ledger tests, and closing it in memory as the adapters do
 * (the ledger rows appended below the Ledger sheet's last row, earlier rows untouched).
 *
 * Scheme «Простая»: оклад 30 000 + 5 % of revenue + 1 % of paid revenue.
 */
import type { CellValue } from '../../src/core/numbers';
import { SCHEME_COLUMNS, SCHEME_HEADERS } from '../../src/core/templates';
import { planClosing, type ClosingPlan } from '../../src/workbook/closeRun';
import type { RawWorkbook } from '../../src/workbook/raw';
import { rawWorkbook } from '../fixtures/rawWorkbooks';

export interface LDeal {
  id: string;
  date: string; // YYYY-MM-DD
  manager: string;
  amount: number;
  status?: string;
}

export interface LPayment {
  id: string;
  date: string;
  amount: number;
}

export const SCHEME = 'Простая';

export function schemeSheet(rules: Partial<Record<(typeof SCHEME_COLUMNS)[number], CellValue>>[] = [
  { rule: 'оклад', amount: 30000 },
  { rule: 'процент', metric: 'выручка', rate: '5%' },
  { rule: 'процент', metric: 'оплаченная выручка', rate: '1%' },
]): CellValue[][] {
  return [SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]), ...rules.map((r) => SCHEME_COLUMNS.map((c) => (c === 'scheme' ? SCHEME : r[c] ?? '')))];
}

export interface LedgerWorkbook {
  deals: LDeal[];
  payments: LPayment[];
  /** period → managers planned on «Простая» */
  plans: Record<string, string[]>;
  /** More Plans rows as written: [period, manager, scheme, revenue]. */
  extraPlans?: CellValue[][];
  adjustments?: CellValue[][];
  managers?: CellValue[][];
  /** The Ledger sheet as it stands (header + rows), absent before the first closing. */
  ledger?: CellValue[][];
  schemes?: CellValue[][];
}

export function ledgerWorkbook(w: LedgerWorkbook): RawWorkbook {
  const sheets: Record<string, CellValue[][]> = {
    'Сделки': [['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'], ...w.deals.map((d) => [d.id, d.date, d.manager, `Клиент ${d.id}`, d.amount, d.status ?? 'Успешно'])],
    'Оплаты': [['Номер сделки', 'Дата', 'Сумма'], ...w.payments.map((p) => [p.id, p.date, p.amount])],
    'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ...Object.entries(w.plans).flatMap(([period, ms]) => ms.map((m) => [period, m, SCHEME, 100000])), ...(w.extraPlans ?? [])],
    'Схемы': w.schemes ?? schemeSheet(),
  };
  if (w.adjustments) sheets['Корректировки'] = w.adjustments;
  if (w.managers) sheets['Сотрудники'] = w.managers;
  if (w.ledger) sheets['Начисления'] = w.ledger;
  return rawWorkbook(sheets);
}

/** Closes `period` of `w` and returns the workbook with the Ledger sheet as the adapter leaves it. */
export function closeInMemory(w: LedgerWorkbook, period: string, at = `${period}-28 18:00`): { w: LedgerWorkbook; plan: ClosingPlan } {
  const plan = planClosing(ledgerWorkbook(w), { period, today: '2027-06-01', closedAt: at, closedBy: 'owner@example.com' });
  const ledger = w.ledger ? w.ledger.map((r) => [...r]) : [plan.append.header!];
  ledger.push(...plan.append.rows.map((r) => [...r]));
  return { w: { ...w, ledger }, plan };
}

export const ANNA = 'Анна Смирнова';
export const BORIS = 'Борис Петров';

/** October's deals (D4 falls in November), D1 paid in October, both managers planned in October and November. */
export const OCTOBER: LedgerWorkbook = {
  deals: [
    { id: 'D1', date: '2026-10-05', manager: ANNA, amount: 200000 },
    { id: 'D2', date: '2026-10-20', manager: ANNA, amount: 100000 },
    { id: 'D3', date: '2026-10-12', manager: BORIS, amount: 50000 },
    { id: 'D4', date: '2026-11-03', manager: ANNA, amount: 60000 },
  ],
  payments: [{ id: 'D1', date: '2026-10-25', amount: 200000 }],
  plans: { '2026-10': [ANNA, BORIS], '2026-11': [ANNA, BORIS] },
};
