/**
 * The company payroll fund (SPEC §14, seed 002's "financial limits"): a `company_limit` / `фонд`
 * rule in the scheme named `*`. The rule-made variable parts of all managers in P together are at
 * most rate × the company's fact(metric), or at most the amount. When the positive ones exceed it,
 * each is scaled by one factor, rounded per manager, the kopeck remainder to the largest; every
 * statement then shows a `company_limit` line with the factor.
 */
import { Dec, ZERO, sum, sumBy } from './decimal';
import { formatDecimal } from './explain';
import { msg } from './messages/index';
import { ManagerFacts, type DealIndex } from './metrics';
import { metricLabel } from './metricNames';
import type { CompanyFund, Deal, PayoutLine } from './model';
import { formatMoney, formatPercent, roundMoney, type Lang } from './money';
import { periodEnd, periodStart, type Period } from './periods';
import type { Rule } from './schemes';

type FundRule = Extract<Rule, { kind: 'company_limit' }>;

export interface FundOutcome {
  fund: CompanyFund;
  /** Per manager (same order as `variables`): the line to add, null when the fund does not bind. */
  lines: (PayoutLine | null)[];
  /** Why the fund could not be applied (its metric is missing), else null. */
  missing: { metric: string; reason: string } | null;
}

/** The company's fact of a money metric in P: every manager's credited deals together. */
export function companyFact(index: DealIndex, metric: string, period: Period, lang: Lang): { value: Dec | null; reason: string | null } {
  if (metric === 'revenue' || metric === 'margin') return companyDealTotal(index, metric, period, lang);
  const f = new ManagerFacts(index, '*', period, lang, { company: true }).fact(metric);
  return { value: f.value, reason: f.reason };
}

/**
 * Revenue or margin of every credited won deal dated in P, in one pass and with no list of the
 * deals (the fund needs the figure only; the company's lists were three 100 000-entry arrays in the
 * §14 bench). The same value and the same reasons as ManagerFacts' company scope
 * (test/plans/fastPaths.test.ts compares them).
 */
function companyDealTotal(index: DealIndex, metric: 'revenue' | 'margin', period: Period, lang: Lang): { value: Dec | null; reason: string | null } {
  const start = periodStart(period);
  const end = periodEnd(period);
  const deals = index.credited;
  const counts = (d: Deal) => d.status === 'won' && d.date >= start && d.date < end;
  if (metric === 'margin') {
    if (!index.input.columns.margin) return { value: null, reason: msg(lang, 'engReasonNoMarginColumn') };
    for (let i = 0; i < deals.length; i++) {
      if (deals[i].margin === null && counts(deals[i])) return { value: null, reason: msg(lang, 'engReasonBlankMargin', { row: deals[i].ref.row }) };
    }
    return { value: sumBy(deals, (d) => (counts(d) ? (d.margin as Dec) : ZERO)), reason: null };
  }
  return { value: sumBy(deals, (d) => (counts(d) ? d.amount : ZERO)), reason: null };
}

/**
 * Scales the variable parts (rule-made, after K, gate and limit) to the fund.
 * Example: cap 100 000, parts 90 000 and 60 000 → factor 2/3 → 60 000 and 40 000.
 */
export function applyCompanyFund(rule: FundRule, variables: readonly Dec[], index: DealIndex, period: Period, lang: Lang, currency: string): FundOutcome {
  const money = (v: Dec) => formatMoney(v, lang, currency);
  const positive = sum(variables.filter((v) => v.greaterThan(0)));
  let cap: Dec;
  let capText: string;
  let fact: Dec | null = null;
  if (rule.rate !== null && rule.metric !== null) {
    const f = companyFact(index, rule.metric, period, lang);
    if (f.value === null) {
      return { fund: { cap: null, metric: rule.metric, rate: rule.rate, fact: null, variable: positive, factor: null },
        lines: variables.map(() => null), missing: { metric: rule.metric, reason: f.reason ?? '' } };
    }
    fact = f.value;
    cap = roundMoney(Dec.max(ZERO, rule.rate.times(f.value)));
    capText = msg(lang, 'plansFundCapRate', { rate: formatPercent(rule.rate, lang), metric: metricLabel(rule.metric, lang), fact: money(f.value), cap: money(cap) });
  } else {
    cap = roundMoney(Dec.max(ZERO, rule.amount as Dec));
    capText = money(cap);
  }
  const fund: CompanyFund = { cap, metric: rule.metric, rate: rule.rate, fact, variable: positive, factor: null };
  if (!positive.greaterThan(cap)) return { fund, lines: variables.map(() => null), missing: null };

  const factor = cap.dividedBy(positive);
  fund.factor = factor;
  const scaled = variables.map((v) => (v.greaterThan(0) ? roundMoney(v.times(factor)) : v));
  // The kopeck remainder goes to the largest part (ties: the first), so the parts add up to the cap.
  let largest = -1;
  variables.forEach((v, i) => { if (v.greaterThan(0) && (largest < 0 || v.greaterThan(variables[largest]))) largest = i; });
  const remainder = cap.minus(sum(scaled.filter((_, i) => variables[i].greaterThan(0))));
  if (largest >= 0) scaled[largest] = scaled[largest].plus(remainder);
  const lines = variables.map((v, i): PayoutLine => ({
    rule: 'company_limit', metric: rule.metric, fact, plan: null, attainment: null, rate: factor, amount: scaled[i].minus(v),
    explanation: msg(lang, 'plansExplainFund', { cap: capText, total: money(positive), factor: formatDecimal(factor, lang), variable: money(v), scaled: money(scaled[i]) }),
    next: null, dealRefs: [],
  }));
  return { fund, lines, missing: null };
}
