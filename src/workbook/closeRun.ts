/**
 * *Close period…* (SPEC §11) as both adapters perform it: the period computed against the
 * ledger, what withholds a payout, the rows to append, the register, and the closed statements
 * (read back from those rows, so they are what every later run shows). Writes nothing.
 */
import type { Issue } from '../core/issues';
import { planClose } from '../core/ledger/close';
import { registerHeader, registerRows, type RegisterRow } from '../core/ledger/register';
import { msg } from '../core/messages/index';
import { periodKey } from '../core/periods';
import { toPayoutJson, type PayoutJson } from './json';
import { ledgerAppend, type LedgerAppend } from './ledgerSheet';
import { ledgerInputs } from './ledgerRun';
import { dealLookup, paidByDeal, resolvePeriod, type PipelineResult, type RunRequest } from './pipeline';
import type { RawWorkbook } from './raw';
import { readWorkbook } from './read';
import type { TabModel } from './tabModel';
import { fitName, payoutTabs } from './tabs';

export interface CloseRequest extends RunRequest {
  /** Who closes (the user's e-mail in Sheets, the OS user in the CLI). */
  closedBy: string;
  /** When, as shown: `YYYY-MM-DD HH:mm` in the workbook's zone. */
  closedAt: string;
}

export interface ClosingPlan {
  /** The closed period as every later run shows it: json has `closed: true`; tabs are the statements, the summary and the register. */
  result: PipelineResult;
  /** Issues that withhold a payout (closing needs confirmation while any exist). */
  blocking: Issue[];
  append: LedgerAppend;
  register: RegisterRow[];
}

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

/**
 * Plans closing the requested period. Throws KpiUserError when it (or a later one) is closed.
 * @example planClosing(raw, { period: '2026-10', today: '2026-11-02', closedAt: '2026-11-02 10:00', closedBy: 'owner@example.com' }).append.rows.length
 */
export function planClosing(raw: RawWorkbook, req: CloseRequest): ClosingPlan {
  const read = readWorkbook(raw);
  const period = resolvePeriod(req.period, req.today, read.lang);
  const { inputs, issues: adjIssues } = ledgerInputs(raw, read);
  const options = { lang: read.lang, currency: read.currency };
  const readerIssues = [...read.issues, ...adjIssues];
  const plan = planClose(read.input, period, options, inputs, { closedAt: req.closedAt, closedBy: req.closedBy }, readerIssues);
  const run = plan.closedRun;
  const issues = [...readerIssues, ...plan.run.issues];
  const json: PayoutJson = toPayoutJson(run, issues);
  const ctx = {
    generatedAt: req.generatedAt ?? req.closedAt, currency: read.currency, lang: read.lang, dealAt: dealLookup(read.input.deals),
    ...(read.input.payments ? { paidByDeal: paidByDeal(read.input.payments, period) } : {}),
  };
  const tabs = payoutTabs(run, issues, ctx);
  const register = registerRows(run, read.input.managers ?? []);
  const taken = new Set(tabs.map((t) => t.name.toLowerCase()));
  tabs.push(registerTab(register, periodKey(period), read.lang, taken));
  return { result: { read, run, issues, json, tabs }, blocking: plan.blocking, append: ledgerAppend(inputs.ledger, plan.rows, read.lang), register };
}

/** The JSON of `closePeriod` (SPEC §11): the period's statements, the issues, and what withholds a payout. */
export interface CloseJson extends PayoutJson {
  blocking: PayoutJson['issues'];
}

export function closeJson(plan: ClosingPlan, closed: boolean): CloseJson {
  const { closed: _closed, ...rest } = plan.result.json;
  const blocking = plan.blocking.map((i) => ({ sheet: i.sheet, row: i.row, column: i.column, value: i.value, message: i.message }));
  return closed ? { ...rest, blocking, closed: true } : { ...rest, blocking };
}
