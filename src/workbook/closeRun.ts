/**
 * *Close period…* (SPEC §11) as both adapters perform it: the period computed against the
 * ledger, what withholds a payout, the rows to append, the register, and the closed statements
 * (read back from those rows, so they are what every later run shows). Writes nothing.
 */
import type { Issue } from '../core/issues';
import { planClose } from '../core/ledger/close';
import { registerRows, type RegisterRow } from '../core/ledger/register';
import { periodKey } from '../core/periods';
import { toPayoutJson, type PayoutJson } from './json';
import { ledgerAppend, type LedgerAppend } from './ledgerSheet';
import { ledgerInputs } from './ledgerRun';
import { dealLookup, paidByDeal, resolvePeriod, type PipelineResult, type RunRequest } from './pipeline';
import type { RawWorkbook } from './raw';
import { readWorkbook } from './read';
import { payoutTabs } from './tabs';
import { registerTab } from './registerTab';

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
  return { result: { read, run, issues, json, tabs, tabsContext: ctx }, blocking: plan.blocking, append: ledgerAppend(inputs.ledger, plan.rows, read.lang), register };
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
