/** The payroll register (SPEC §11): employee ids from input.managers (aliases too), CSV for 1C:ZUP. */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import { registerCsv, registerRows } from '../../src/core/ledger/register';
import type { ManagerPayout, ManagerRecord, PayoutRun } from '../../src/core/model';

const payout = (manager: string, salary: string, variable: string): ManagerPayout => ({
  manager, scheme: 'S', period: { kind: 'month', year: 2026, month: 10 }, lines: [], salary: dec(salary), variableBeforeKpi: dec(variable),
  kpiRows: [], kpiCoefficient: null, variable: dec(variable), total: dec(salary).plus(dec(variable)), attainment: null, margin: null, deals: [], notes: [],
});
const record = (manager: string, employeeId: string | null, aliases: string[] = []): ManagerRecord => ({
  ref: { sheet: 'Сотрудники', row: 2 }, manager, email: null, aliases, employeeId, head: null, hired: null,
});

describe('payroll register', () => {
  const run: PayoutRun = {
    period: { kind: 'month', year: 2026, month: 10 }, currency: 'RUB', lang: 'ru', issues: [],
    managers: [payout('Анна Смирнова', '30000', '17000.5'), payout('Фёдорова Т.', '25000', '0'), payout('Без Номера', '1000', '2.25')],
  };
  const managers = [record('Анна Смирнова', '0007'), record('Татьяна Фёдорова', '0012', ['Фёдорова Т.'])];

  it('one row per manager; the employee id by name or alias; blank when unknown', () => {
    expect(registerRows(run, managers).map((r) => [r.manager, r.employeeId, r.total])).toEqual([
      ['Анна Смирнова', '0007', 47000.5],
      ['Фёдорова Т.', '0012', 25000],
      ['Без Номера', '', 1002.25],
    ]);
  });

  it('CSV: UTF-8 BOM, `;`, decimal comma in ru, dot in en, CRLF, quoted when needed', () => {
    const rows = registerRows(run, managers);
    expect(registerCsv(rows, 'ru')).toBe(
      '\uFEFFПериод;Менеджер;Табельный номер;Оклад;Переменная часть;Итого\r\n' +
      '2026-10;Анна Смирнова;0007;30000,00;17000,50;47000,50\r\n' +
      '2026-10;Фёдорова Т.;0012;25000,00;0,00;25000,00\r\n' +
      '2026-10;Без Номера;;1000,00;2,25;1002,25\r\n',
    );
    expect(registerCsv([{ ...rows[0], manager: 'A; "B"' }], 'en').split('\r\n')[1]).toBe('2026-10;"A; ""B""";0007;30000.00;17000.50;47000.50');
  });
});
