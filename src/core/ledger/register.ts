/**
 * The payroll register (SPEC §11): one row per paid manager — period, manager, employee id
 * (Managers sheet), salary, variable, total — for the accountant and a 1C:ZUP import. As CSV:
 * UTF-8 with a BOM, `;`-separated, decimal comma in Russian.
 */
import type { ManagerRecord, PayoutRun } from '../model';
import { moneyNumber, type Lang } from '../money';
import { nameKey } from '../ownership';
import { periodKey } from '../periods';
import { msg } from '../messages/index';

export interface RegisterRow {
  period: string;
  manager: string;
  employeeId: string;
  salary: number;
  variable: number;
  total: number;
}

/** Manager (or alias) key → employee id, from the Managers sheet's rows. */
function employeeIds(records: readonly ManagerRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) {
    if (!r.employeeId) continue;
    for (const name of [r.manager, ...r.aliases]) if (!out.has(nameKey(name))) out.set(nameKey(name), r.employeeId);
  }
  return out;
}

export function registerRows(run: PayoutRun, records: readonly ManagerRecord[] = []): RegisterRow[] {
  const ids = employeeIds(records);
  const period = periodKey(run.period);
  return run.managers.map((m) => ({
    period, manager: m.manager, employeeId: ids.get(nameKey(m.manager)) ?? '',
    salary: moneyNumber(m.salary), variable: moneyNumber(m.variable), total: moneyNumber(m.total),
  }));
}

export function registerHeader(lang: Lang): string[] {
  return (['ledger.reg.period', 'ledger.reg.manager', 'ledger.reg.employeeId', 'ledger.reg.salary', 'ledger.reg.variable', 'ledger.reg.total'] as const).map((k) => msg(lang, k));
}

/** A CSV field: quoted when it holds `;`, a quote or a line break. */
function field(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A money amount for the register: two decimals, no grouping, a decimal comma in Russian. */
function amount(v: number, lang: Lang): string {
  const t = v.toFixed(2);
  return lang === 'ru' ? t.replace('.', ',') : t;
}

/**
 * The register as CSV text (BOM first, CRLF line ends as 1C expects).
 * @example registerCsv([{ period: '2026-10', manager: 'Анна', employeeId: '0007', salary: 30000, variable: 0, total: 30000 }], 'ru')
 *   // '\uFEFFПериод;Менеджер;Табельный номер;Оклад;Переменная часть;Итого\r\n2026-10;Анна;0007;30000,00;0,00;30000,00\r\n'
 */
export function registerCsv(rows: readonly RegisterRow[], lang: Lang): string {
  const lines = [registerHeader(lang).map(field).join(';')];
  for (const r of rows) {
    lines.push([r.period, r.manager, r.employeeId, amount(r.salary, lang), amount(r.variable, lang), amount(r.total, lang)].map(field).join(';'));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
