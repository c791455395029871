/** The payroll register (SPEC §11) as a tab model: written on closing and with every re-render of a closed period. */
import { registerHeader, type RegisterRow } from '../core/ledger/register';
import { msg } from '../core/messages/index';
import type { TabModel } from './tabModel';
import { fitName } from './tabs';

/** The register tab (SPEC §11): one row per paid manager and the company total. */
export function registerTab(rows: readonly RegisterRow[], period: string, lang: 'ru' | 'en', taken: Set<string>): TabModel {
  const header = registerHeader(lang);
  const money = { 3: 'money', 4: 'money', 5: 'money' } as const;
  const body = rows.map((r) => [r.period, r.manager, r.employeeId, r.salary, r.variable, r.total]);
  const total = (k: 'salary' | 'variable' | 'total') => Math.round(rows.reduce((s, r) => s + Math.round(r[k] * 100), 0)) / 100;
  const out: TabModel = {
    name: fitName(msg(lang, 'ledger.registerTabName', { period }), '', taken),
    kind: 'register',
    key: `register:${period}`,
    rows: [[msg(lang, 'ledger.registerTitle', { period })], header, ...body, [msg(lang, 'ledger.reg.companyTotal'), '', '', total('salary'), total('variable'), total('total')]],
    formats: [
      { range: { row: 1, col: 0, rows: rows.length + 1, cols: 3 }, format: 'text' },
      ...Object.entries(money).map(([c, format]) => ({ range: { row: 2, col: Number(c), rows: rows.length + 1, cols: 1 }, format })),
    ],
    bold: [{ row: 0, col: 0, rows: 2, cols: header.length }, { row: rows.length + 2, col: 0, rows: 1, cols: header.length }],
    frozenRows: 2,
    columnWidths: [90, 220, 130, 120, 130, 120],
  };
  return out;
}

