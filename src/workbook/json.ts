/**
 * The SPEC §8 JSON: what `kpi-payouts --json`, `generatePayouts()` and `checkData()` return.
 * Money is a number exact to the kopeck (moneyNumber); facts, plans, rates and K are plain numbers
 * at full Decimal precision converted once; null where a value is unknown.
 */
import { Dec } from '../core/decimal';
import type { Issue } from '../core/issues';
import type { ManagerPayout, PayoutLine, PayoutRun } from '../core/model';
import { moneyNumber } from '../core/money';
import { periodKey } from '../core/periods';
import type { ColumnReportJson } from './reading/columnReport';

export interface PayoutJsonLine {
  rule: string;
  metric: string | null;
  fact: number | null;
  plan: number | null;
  /** Always a number (or null): for tier rules the reached tier's rate or amount; null when none applies (README decisions). */
  rate: number | null;
  amount: number;
  explanation: string;
}

export interface PayoutJsonManager {
  manager: string;
  scheme: string;
  lines: PayoutJsonLine[];
  kpi_coefficient: number | null;
  variable: number;
  salary: number;
  total: number;
  /** The headline attainment as a fraction to 4 places (1.0903 = 109,03 %), of the metric that pays (core/headline.ts); null when there is none. */
  attainment: number | null;
  /** The metric `attainment` is of (`margin`, `revenue`, …), as the Schemes sheet names it canonically. */
  attainment_metric: string | null;
  /** What the 0 floor withheld (SPEC §10.2), only when there is one. */
  shortfall?: number;
}

export interface PayoutJsonIssue {
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface PayoutJson {
  period: string;
  currency: string;
  managers: PayoutJsonManager[];
  issues: PayoutJsonIssue[];
  /** SPEC §10.1 column report: sheet → field → header, and `ignored`: sheet → headers. */
  columns?: ColumnReportJson;
  /** A closed period (SPEC §11): its statements come from the ledger. */
  closed?: true;
}

function num(v: Dec | null | undefined): number | null {
  return v === null || v === undefined ? null : v.toNumber();
}

function lineJson(line: PayoutLine): PayoutJsonLine {
  return {
    rule: line.rule,
    metric: line.metric,
    fact: num(line.fact),
    plan: num(line.plan),
    rate: line.rate === null || line.rate === undefined ? null : typeof line.rate === 'string' ? num(line.rateValue) : line.rate.toNumber(),
    amount: moneyNumber(line.amount),
    explanation: line.explanation,
  };
}

function managerJson(m: ManagerPayout): PayoutJsonManager {
  return {
    manager: m.manager,
    scheme: m.scheme,
    lines: m.lines.map(lineJson),
    kpi_coefficient: num(m.kpiCoefficient),
    variable: moneyNumber(m.variable),
    salary: moneyNumber(m.salary),
    total: moneyNumber(m.total),
    attainment: m.attainment === null ? null : m.attainment.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber(),
    attainment_metric: m.attainment === null ? null : m.attainmentMetric ?? null,
    ...(m.shortfall && m.shortfall.greaterThan(0) ? { shortfall: moneyNumber(m.shortfall) } : {}),
  };
}

function issueJson(i: Issue): PayoutJsonIssue {
  return { sheet: i.sheet, row: i.row, column: i.column, value: i.value, message: i.message };
}

/**
 * The run as SPEC §8 asks, keys in the documented order.
 * @example toPayoutJson(run, [...read.issues, ...run.issues]).managers[0].total // 92500
 */
export function toPayoutJson(run: PayoutRun, allIssues: Issue[], columns?: ColumnReportJson): PayoutJson {
  return {
    period: periodKey(run.period),
    currency: run.currency,
    managers: run.managers.map(managerJson),
    issues: allIssues.map(issueJson),
    ...(columns ? { columns } : {}),
    ...(run.closed ? { closed: true as const } : {}),
  };
}
