/**
 * *My earnings* (SPEC §6, seed 003: "how much have I earned so far this month, and what does the
 * next tier pay"): which manager is asking, and the period-to-date statement turned into what the
 * panel shows — total, lines, attainment per planned metric, the next tier or bonus, the deals.
 */
import { Dec } from './decimal';
import { indexDeals, ManagerFacts, type DealIndex, type MetricFact } from './metrics';
import { applyScheme, runContext } from './payout';
import type { RuleContext } from './rules';
import { parseSchemes, schemeKey, type Scheme } from './schemes';
import { hasMessage, msg } from './messages';
import { metricKind, metricLabel } from './metricNames';
import { displayName, nameKey } from './ownership';
import { formatMoney, formatNumber, formatPercent, moneyNumber, type Lang } from './money';
import type { Deal, ManagerPayout, NextStep, PayoutInput, PayoutLine, PlanRow } from './model';
import { periodKey, type LocalDate, type Period } from './periods';

/** Every manager the workbook knows (Plans, then Deals), each once, as first written. */
export function knownManagers(input: Pick<PayoutInput, 'plans' | 'deals'>): string[] {
  const seen = new Map<string, string>();
  for (const name of [...input.plans.map((p) => p.manager), ...input.deals.map((d) => d.manager)]) {
    const key = nameKey(name);
    if (key !== '' && !seen.has(key)) seen.set(key, displayName(name));
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

export type ManagerChoice =
  | { kind: 'manager'; manager: string; via: 'argument' | 'email' | 'remembered' }
  | { kind: 'unknown'; requested: string }
  | { kind: 'pick' };

/**
 * Who *My earnings* is for: the manager named (matched case- and space-insensitively), else the
 * current user's e-mail through the Plans / Managers e-mail column, else the manager this user
 * picked last time (when still in the workbook), else the panel shows a picker.
 */
export function resolveManager(
  requested: string | null | undefined,
  email: string | null | undefined,
  managerEmails: ReadonlyMap<string, string>,
  known: readonly string[],
  remembered: string | null = null,
): ManagerChoice {
  const byKey = new Map(known.map((m) => [nameKey(m), m]));
  if (requested !== null && requested !== undefined && String(requested).trim() !== '') {
    const found = byKey.get(nameKey(requested));
    return found ? { kind: 'manager', manager: found, via: 'argument' } : { kind: 'unknown', requested: String(requested).trim() };
  }
  const mail = String(email ?? '').trim().toLowerCase();
  if (mail !== '') {
    const mapped = managerEmails.get(mail);
    if (mapped) return { kind: 'manager', manager: byKey.get(nameKey(mapped)) ?? mapped, via: 'email' };
  }
  const again = remembered ? byKey.get(nameKey(remembered)) : undefined;
  if (again) return { kind: 'manager', manager: again, via: 'remembered' };
  return { kind: 'pick' };
}

export interface EarningsNext {
  metric: string;
  /** How much more of the metric reaches the next tier or bonus (rounded up to 0.01). */
  needed: number;
  /** How much more this line would pay there (the engine's NextStep, before the KPI coefficient). */
  pays: number;
  /**
   * How much more the whole statement would pay with that much more of the metric, everything
   * else unchanged: every rule on the metric, K, gates and limits included. Null when it cannot
   * be worked out (then `text` shows `pays`).
   */
  pays_total: number | null;
  /** `до следующей ступени: ещё 150 000,00 ₽ выручки → +24 500,00 ₽`. */
  text: string;
}

export interface EarningsLine {
  rule: string;
  label: string;
  metric: string | null;
  fact: number | null;
  plan: number | null;
  attainment: number | null;
  amount: number;
  explanation: string;
  next: EarningsNext | null;
  /** Sheets row numbers of the deals behind the line. */
  deal_rows: number[];
}

export interface EarningsAttainment {
  metric: string;
  label: string;
  fact: number | null;
  plan: number;
  /** fact ÷ plan; null when the fact is missing or the plan is zero. */
  attainment: number | null;
}

export interface EarningsDeal {
  sheet: string;
  row: number;
  id: string | null;
  date: LocalDate;
  client: string | null;
  amount: number;
  margin: number | null;
  status: string;
}

/** The `earnings` object of `myEarnings` (SPEC §6), amounts as numbers. */
export interface EarningsJson {
  manager: string;
  scheme: string;
  period: string;
  as_of: LocalDate;
  currency: string;
  total: number;
  salary: number;
  variable: number;
  kpi_coefficient: number | null;
  lines: EarningsLine[];
  attainment: EarningsAttainment[];
  /** Every line's next step, cheapest first (what to aim for). */
  next: EarningsNext[];
  deals: EarningsDeal[];
  notes: string[];
}

/** Fact of a metric as the statement computed it (a line or a KPI row), when any rule used it. */
function factOf(payout: ManagerPayout, metric: string): Dec | null {
  for (const line of payout.lines) if (line.metric === metric && line.fact !== null) return line.fact;
  for (const row of payout.kpiRows) if (row.metric === metric && row.fact !== null) return row.fact;
  return null;
}

export function metricPhrase(metric: string, lang: Lang): string {
  const key = `earnings.metric.${metric}`;
  return hasMessage(key) ? msg(lang, key) : metricLabel(metric, lang);
}

export function ruleLabel(rule: string, lang: Lang): string {
  const key = `earnings.rule.${rule}`;
  return hasMessage(key) ? msg(lang, key) : rule;
}

/** `ещё 150 000,00 ₽ выручки` / `150,000.00 ₽ more revenue`; `ещё сделок: 3`. */
export function neededText(metric: string, needed: Dec, lang: Lang, currency: string): string {
  const phrase = metricPhrase(metric, lang);
  const kind = metricKind(metric);
  if (kind === 'money') return msg(lang, 'earnings.more.money', { needed: formatMoney(needed, lang, currency), metric: phrase });
  if (kind === 'ratio') return msg(lang, 'earnings.more.ratio', { needed: formatPercent(needed, lang), metric: phrase });
  const countKey = `earnings.more.${metric}`;
  if (needed.isInteger() && hasMessage(countKey)) return msg(lang, countKey, { count: needed.toNumber() });
  const decimals = needed.isInteger() ? 0 : 2;
  return msg(lang, 'earnings.more.count', { needed: formatNumber(needed, lang, decimals), metric: phrase });
}

/** How much more is needed, never rounded down: reaching the shown figure reaches the tier. */
function neededUp(needed: Dec): Dec {
  return needed.toDecimalPlaces(2, Dec.ROUND_UP);
}

/** The manager's Plans row for the period as the engine takes it: the lowest row when there are two. */
function planRowOf(plans: readonly PlanRow[], manager: string, period: Period): PlanRow | undefined {
  const key = nameKey(manager);
  const pk = periodKey(period);
  let found: PlanRow | undefined;
  for (const p of plans) {
    if (periodKey(p.period) === pk && nameKey(p.manager) === key && (!found || p.ref.row < found.ref.row)) found = p;
  }
  return found;
}

/** What the whole statement would gain with `needed` more of `metric` (null when unknown). */
export type StatementGain = (metric: string, needed: Dec) => Dec | null;

export function nextStepJson(step: NextStep, lang: Lang, currency: string, gain: StatementGain = () => null): EarningsNext {
  const needed = neededUp(step.needed);
  const what = neededText(step.metric, needed, lang, currency);
  const total = gain(step.metric, needed);
  return {
    metric: step.metric,
    needed: needed.toNumber(),
    pays: moneyNumber(step.pays),
    pays_total: total === null ? null : moneyNumber(total),
    text: msg(lang, 'earnings.nextStep', { what, pays: formatMoney(total ?? step.pays, lang, currency) }),
  };
}

/** A run context with one fact raised: the statement with `extra` more of `metric`, everything else as it is. */
function raisedContext(run: RuleContext, raise: { metric: string; extra: Dec }): RuleContext {
  return {
    ...run,
    fact: (metric): MetricFact => {
      const f = run.fact(metric);
      return metric === raise.metric && f.value !== null ? { ...f, value: f.value.plus(raise.extra) } : f;
    },
  };
}

/**
 * `StatementGain` for one manager's period-to-date payout: re-applies the manager's scheme with the
 * metric raised by the amount needed, and returns new total − current total.
 * Example (seed 001 scheme, plan 1 000 000, revenue 850 000): +150 000 revenue → 20 000 plan bonus
 * + 3 % × 150 000 = 24 500.
 */
export function statementGain(
  input: PayoutInput,
  payout: ManagerPayout,
  ctx: { lang: Lang; currency: string; asOf?: LocalDate; index?: DealIndex },
): StatementGain {
  let scheme: Scheme | null | undefined;
  let facts: ManagerFacts | null = null;
  let run: RuleContext | null = null;
  let base: Dec | null = null;
  const targets = planRowOf(input.plans, payout.manager, payout.period)?.targets ?? {};
  return (metric, needed) => {
    if (scheme === undefined) scheme = parseSchemes(input.schemeRows, ctx.lang).schemes.get(schemeKey(payout.scheme)) ?? null;
    if (scheme === null) return null;
    facts ??= new ManagerFacts(ctx.index ?? indexDeals(input, ctx.asOf), payout.manager, payout.period, ctx.lang);
    if (facts.fact(metric).value === null) return null;
    run ??= runContext(facts, targets, ctx.lang, ctx.currency, input.columns);
    base ??= applyScheme(scheme, run).total;
    const raised = applyScheme(scheme, raisedContext(run, { metric, extra: needed })).total;
    return raised.minus(base);
  };
}

function lineJson(line: PayoutLine, lang: Lang, currency: string, gain: StatementGain): EarningsLine {
  return {
    rule: line.rule,
    label: ruleLabel(line.rule, lang),
    metric: line.metric,
    fact: line.fact === null ? null : line.fact.toNumber(),
    plan: line.plan === null ? null : line.plan.toNumber(),
    attainment: line.attainment === null ? null : line.attainment.toNumber(),
    amount: moneyNumber(line.amount),
    explanation: line.explanation,
    next: line.next ? nextStepJson(line.next, lang, currency, gain) : null,
    deal_rows: (line.dealRefs ?? []).map((r) => r.row),
  };
}

function dealJson(d: Deal): EarningsDeal {
  return {
    sheet: d.ref.sheet,
    row: d.ref.row,
    id: d.id,
    date: d.date,
    client: d.client,
    amount: moneyNumber(d.amount),
    margin: d.margin === null ? null : moneyNumber(d.margin),
    status: d.status,
  };
}

/**
 * The planned metrics of the manager's Plans row for the period, each with the fact the statement
 * used for it (null when no rule needed that metric, or its fact is missing).
 */
export function attainmentRows(
  payout: ManagerPayout,
  input: Pick<PayoutInput, 'plans'>,
  period: Period,
  lang: Lang,
  factFor: (metric: string) => Dec | null = () => null,
): EarningsAttainment[] {
  const plan = planRowOf(input.plans, payout.manager, period);
  if (!plan) return [];
  return Object.entries(plan.targets).map(([metric, target]) => {
    const fact = factOf(payout, metric) ?? factFor(metric);
    return {
      metric,
      label: metricLabel(metric, lang),
      fact: fact === null ? null : fact.toNumber(),
      plan: target.toNumber(),
      attainment: fact === null || target.isZero() ? null : fact.dividedBy(target).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber(),
    };
  });
}

/** The `earnings` object for one manager's period-to-date payout. */
export function earningsJson(
  payout: ManagerPayout,
  input: Pick<PayoutInput, 'plans'>,
  ctx: { lang: Lang; currency: string; asOf: LocalDate; factFor?: (metric: string) => Dec | null; gain?: StatementGain },
): EarningsJson {
  const gain = ctx.gain ?? (() => null);
  const lines = payout.lines.map((l) => lineJson(l, ctx.lang, ctx.currency, gain));
  const next = lines
    .map((l) => l.next)
    .filter((n): n is EarningsNext => n !== null)
    .sort((a, b) => a.needed - b.needed);
  return {
    manager: payout.manager,
    scheme: payout.scheme,
    period: periodKey(payout.period),
    as_of: ctx.asOf,
    currency: ctx.currency,
    total: moneyNumber(payout.total),
    salary: moneyNumber(payout.salary),
    variable: moneyNumber(payout.variable),
    kpi_coefficient: payout.kpiCoefficient === null ? null : payout.kpiCoefficient.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber(),
    lines,
    attainment: attainmentRows(payout, input, payout.period, ctx.lang, ctx.factFor),
    next,
    deals: [...payout.deals].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.ref.row - b.ref.row)).map(dealJson),
    notes: [...payout.notes],
  };
}
