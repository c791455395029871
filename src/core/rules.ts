/**
 * One entry point per rule (STYLE §8): `applyRule` turns a rule into a statement line for manager
 * m in period P; `kpiRow`, `applyGate` and `applyLimit` give the KPI coefficient and the
 * adjustments. Every line is rounded once, here, where it is made.
 */
import { Dec, ZERO, dec, sum } from './decimal';
import { dealCount, formatDecimal, formatFact, formatK, tierText } from './explain';
import { msg, type MessageKey } from './messages/index';
import type { MetricFact } from './metrics';
import { metricLabel } from './metricNames';
import type { Deal, KpiRow, NextStep, PayoutLine } from './model';
import { formatMoney, formatPercent, roundMoney, type Lang } from './money';
import type { LocalDate, Period } from './periods';
import { wholeMonthsBetween } from './periods';
import type { Rule } from './schemes';
import type { DealFilter } from './filters';
import { applyTeamOverride } from './team';
import { SCHEME_HEADERS } from './templates';
import { commission, kpiContribution, nextTier, tierReached, type Tier } from './tiers';

/** What a rule can ask about manager m in period P: real deals in a run, a sample in the preview. */
export interface RuleContext {
  lang: Lang;
  currency: string;
  fact(metric: string): MetricFact;
  /** The Plans value for the metric (as written; may be 0); null when there is none. */
  plan(metric: string): Dec | null;
  /** All won deals dated in P of clients m owns (whoever closed them), with the client's first won day (and whether it is the client's first deal). */
  ownedClientDeals(): { deals: { deal: Deal; firstWon: LocalDate; first?: boolean }[]; reason: string | null };
  /** SPEC §14: the same context over the deals a filter matches (plans unchanged); absent = filters unsupported (the rule's own facts). */
  withFilter?(filter: DealFilter): RuleContext;
  /** SPEC §14 team_override: the metric's fact for each manager whose head is m; reason when there is no team to ask. */
  team?(metric: string, filter: DealFilter | null): { members: { manager: string; fact: MetricFact }[]; reason: string | null };
  /** m's won deals in P that have a partner price. */
  partnerDeals(): Deal[];
  /** Why partner prices are unknown (Deals has no partner price column); absent or null when known. */
  partnerPriceMissing?: string | null;
  /** Why margins are unknown for every deal (Deals has no margin or cost column); absent or null when known. */
  marginMissing?: string | null;
}

export interface RuleProblem {
  code: MessageKey;
  message: string;
  /** Where the issue points when not at the manager's Plans row (e.g. the scheme row of the rule). */
  where?: { sheet: string; row: number | null; column: string | null; value: string | null };
}

export interface RuleOutcome {
  line: PayoutLine;
  /** Facts the rule needed but could not get (reported once per manager and metric). */
  missing: { metric: string; reason: string }[];
  /** Other problems, reported as issues. */
  problems: RuleProblem[];
  /** When set, the manager gets no payout at all (a wrong one would be worse). */
  blocking: RuleProblem | null;
}

type VariableRule = Exclude<Rule, { kind: 'kpi' | 'kpi_gate' | 'limit' | 'guarantee' | 'company_limit' }>;

/** A plan usable as a denominator: positive, else null. */
function positivePlan(ctx: RuleContext, metric: string): Dec | null {
  const plan = ctx.plan(metric);
  return plan !== null && plan.greaterThan(0) ? plan : null;
}

function refs(deals: readonly Deal[]) {
  return deals.map((d) => d.ref);
}

/**
 * Applies one line-making rule (salary and every variable rule) to manager m in P: the line,
 * rounded once, with its explanation and next step.
 * Example: percent 3 % of revenue 1 100 000 → amount 33 000, `3 % × 1 100 000,00 ₽ = 33 000,00 ₽`.
 */
export function applyRule(rule: VariableRule, ctx: RuleContext): RuleOutcome {
  const { lang, currency } = ctx;
  const money = (v: Dec) => formatMoney(v, lang, currency);
  const out = (line: Omit<PayoutLine, 'rule'>, extra: Partial<RuleOutcome> = {}): RuleOutcome => ({
    line: { rule: rule.kind, ...line },
    missing: [],
    problems: [],
    blocking: null,
    ...extra,
  });
  const missingLine = (metric: string, fact: MetricFact, plan: Dec | null = null): RuleOutcome =>
    out(
      { metric, fact: null, plan, attainment: null, rate: null, amount: ZERO, next: null, dealRefs: refs(fact.deals),
        explanation: msg(lang, 'engExplainMissing', { metric: metricLabel(metric, lang), reason: fact.reason ?? '', amount: money(ZERO) }) },
      { missing: [{ metric, reason: fact.reason ?? '' }] },
    );

  switch (rule.kind) {
    case 'salary': {
      const amount = roundMoney(rule.amount);
      return out({ metric: null, fact: null, plan: null, attainment: null, rate: amount, amount, next: null, dealRefs: [],
        explanation: msg(lang, 'engExplainSalary', { amount: money(amount) }) });
    }

    case 'percent': {
      const fact = ctx.fact(rule.metric);
      const planRaw = ctx.plan(rule.metric);
      if (fact.value === null) return missingLine(rule.metric, fact, planRaw);
      const plan = positivePlan(ctx, rule.metric);
      const attainment = plan ? fact.value.dividedBy(plan) : null;
      const capped = (v: Dec) => (rule.cap !== null && v.greaterThan(rule.cap) ? rule.cap : v);
      const base = { metric: rule.metric, fact: fact.value, plan: planRaw, attainment, rate: rule.rate, dealRefs: refs(fact.deals) };
      const factText = formatFact(rule.metric, fact.value, lang, currency);
      if (rule.threshold !== null && plan && attainment && attainment.lessThan(rule.threshold)) {
        const target = rule.threshold.times(plan);
        return out({ ...base, amount: ZERO,
          next: { metric: rule.metric, needed: target.minus(fact.value), pays: roundMoney(capped(rule.rate.times(target))) },
          explanation: msg(lang, 'engExplainThresholdNotReached', {
            metric: metricLabel(rule.metric, lang), attainment: formatPercent(attainment, lang), threshold: formatPercent(rule.threshold, lang), amount: money(ZERO) }) });
      }
      const raw = rule.rate.times(fact.value);
      const amount = roundMoney(capped(raw));
      let explanation = msg(lang, 'engExplainPercent', { rate: formatPercent(rule.rate, lang), fact: factText, amount: money(roundMoney(raw)) });
      if (!amount.equals(roundMoney(raw))) explanation += msg(lang, 'engExplainCapped', { cap: money(rule.cap as Dec), amount: money(amount) });
      return out({ ...base, amount, next: null, explanation });
    }

    case 'tiers': {
      const planRaw = ctx.plan(rule.metric);
      const plan = positivePlan(ctx, rule.metric);
      const fact = ctx.fact(rule.metric);
      if (!plan) {
        // SPEC §7: a tier rule with no plan is an issue naming the scheme row (column tiers); a plan of 0 says so.
        const code: MessageKey = planRaw !== null && planRaw.isZero() ? 'engIssueTiersPlanZero' : 'engIssueTiersNoPlan';
        const problem: RuleProblem = { code, message: msg(lang, code, { metric: metricLabel(rule.metric, lang) }),
          where: { sheet: rule.ref.sheet, row: rule.ref.row, column: SCHEME_HEADERS[lang].tiers, value: rule.tiersText === '' ? null : rule.tiersText } };
        return out({ metric: rule.metric, fact: fact.value, plan: planRaw, attainment: null, rate: null, amount: ZERO, next: null, dealRefs: refs(fact.deals),
          explanation: problem.message }, { blocking: problem });
      }
      if (fact.value === null) return missingLine(rule.metric, fact, planRaw);
      const table = { kind: 'tiers' as const, tiers: rule.tiers };
      const capped = (v: Dec) => (rule.cap !== null && v.greaterThan(rule.cap) ? rule.cap : v);
      const raw = commission(fact.value, table, rule.mode, plan);
      const amount = roundMoney(capped(raw));
      const attainment = fact.value.dividedBy(plan);
      const reached = tierReached(attainment, rule.tiers);
      const step = nextTier(fact.value, table, rule.mode, plan);
      const next: NextStep | null = step
        ? { metric: rule.metric, needed: step.needed, pays: roundMoney(capped(commission(fact.value.plus(step.needed), table, rule.mode, plan))).minus(amount) }
        : null;
      const factText = formatFact(rule.metric, fact.value, lang, currency);
      let explanation: string;
      if (rule.mode === 'marginal') {
        const slices = marginalSlices(fact.value, rule.tiers, plan)
          .map((s) => `${formatPercent(s.rate, lang)} × ${formatFact(rule.metric, s.slice, lang, currency)}`);
        explanation = msg(lang, 'engExplainTiersMarginal', {
          attainment: formatPercent(attainment, lang), slices: slices.length > 0 ? slices.join(' + ') : money(ZERO), amount: money(roundMoney(raw)) });
      } else if (reached) {
        explanation = msg(lang, 'engExplainTiersWhole', {
          attainment: formatPercent(attainment, lang), rate: formatPercent(reached.value, lang), fact: factText, amount: money(roundMoney(raw)) });
      } else {
        explanation = msg(lang, 'engExplainTiersBelow', {
          attainment: formatPercent(attainment, lang), first: formatPercent(rule.tiers[0].threshold, lang), amount: money(ZERO) });
      }
      if (!amount.equals(roundMoney(raw))) explanation += msg(lang, 'engExplainCapped', { cap: money(rule.cap as Dec), amount: money(amount) });
      return out({ metric: rule.metric, fact: fact.value, plan: planRaw, attainment,
        rate: reached ? tierText(reached.threshold, reached.value, true, true) : null, rateValue: reached ? reached.value : null,
        amount, next, explanation, dealRefs: refs(fact.deals) });
    }

    case 'plan_bonus': {
      const planRaw = ctx.plan(rule.metric);
      const plan = positivePlan(ctx, rule.metric);
      const fact = ctx.fact(rule.metric);
      if (!plan) {
        const zero = planRaw !== null && planRaw.isZero();
        const code: MessageKey = zero ? 'engIssuePlanZero' : 'engIssueNoPlan';
        const message = msg(lang, code, { metric: metricLabel(rule.metric, lang) });
        return out({ metric: rule.metric, fact: fact.value, plan: planRaw, attainment: null, rate: null, amount: ZERO, next: null, dealRefs: refs(fact.deals),
          explanation: msg(lang, zero ? 'engExplainPlanZero' : 'engExplainNoPlan', { metric: metricLabel(rule.metric, lang), amount: money(ZERO) }) },
          { problems: [{ code, message }] });
      }
      if (fact.value === null) return missingLine(rule.metric, fact, planRaw);
      const attainment = fact.value.dividedBy(plan);
      const base = { metric: rule.metric, fact: fact.value, plan: planRaw, attainment, dealRefs: refs(fact.deals) };
      const att = formatPercent(attainment, lang);
      if (rule.tiers) {
        const reached = tierReached(attainment, rule.tiers);
        const amount = roundMoney(reached ? reached.value : ZERO);
        const above = rule.tiers.find((t) => t.threshold.greaterThan(attainment));
        return out({ ...base, amount,
          rate: reached ? tierText(reached.threshold, reached.value, true, false) : null, rateValue: reached ? reached.value : null,
          next: above ? { metric: rule.metric, needed: above.threshold.times(plan).minus(fact.value), pays: roundMoney(above.value).minus(amount) } : null,
          explanation: reached
            ? msg(lang, 'engExplainPlanBonusTier', { attainment: att, threshold: formatPercent(reached.threshold, lang), amount: money(amount) })
            : msg(lang, 'engExplainPlanBonusNotReached', { attainment: att, threshold: formatPercent(rule.tiers[0].threshold, lang), amount: money(ZERO) }) });
      }
      const bonus = roundMoney(rule.amount as Dec);
      const reached = attainment.greaterThanOrEqualTo(rule.threshold);
      return out({ ...base, amount: reached ? bonus : ZERO, rate: bonus,
        next: reached ? null : { metric: rule.metric, needed: rule.threshold.times(plan).minus(fact.value), pays: bonus },
        explanation: msg(lang, reached ? 'engExplainPlanBonus' : 'engExplainPlanBonusNotReached', {
          attainment: att, threshold: formatPercent(rule.threshold, lang), amount: money(reached ? bonus : ZERO) }) });
    }

    case 'deal_bonus': {
      const fact = ctx.fact('deals');
      if (fact.value === null) return missingLine('deals', fact);
      const count = fact.value;
      const base = { metric: 'deals', fact: count, plan: ctx.plan('deals'), attainment: ratio(count, positivePlan(ctx, 'deals')), dealRefs: refs(fact.deals) };
      if (rule.tiers) {
        const reached = tierReached(count, rule.tiers);
        const amount = roundMoney(reached ? reached.value : ZERO);
        const above = rule.tiers.find((t) => t.threshold.greaterThan(count));
        return out({ ...base, amount, rate: reached ? tierText(reached.threshold, reached.value, false, false) : null, rateValue: reached ? reached.value : null,
          next: above ? { metric: 'deals', needed: above.threshold.minus(count), pays: roundMoney(above.value).minus(amount) } : null,
          explanation: reached
            ? msg(lang, 'engExplainDealBonusTier', { deals: dealCount(count, lang), threshold: formatDecimal(reached.threshold, lang), amount: money(amount) })
            : msg(lang, 'engExplainDealBonusBelow', { deals: dealCount(count, lang), threshold: formatDecimal(rule.tiers[0].threshold, lang), amount: money(ZERO) }) });
      }
      const per = rule.amount as Dec;
      const pay = (n: Dec) => roundMoney(per.times(Dec.max(ZERO, n.minus(rule.threshold))));
      const amount = pay(count);
      const needed = count.greaterThan(rule.threshold) ? dec(1) : rule.threshold.floor().plus(1).minus(count);
      return out({ ...base, amount, rate: roundMoney(per),
        next: { metric: 'deals', needed, pays: pay(count.plus(needed)).minus(amount) },
        explanation: count.greaterThan(rule.threshold)
          ? msg(lang, 'engExplainDealBonus', { per: money(per), deals: dealCount(count, lang), threshold: formatDecimal(rule.threshold, lang), amount: money(amount) })
          : msg(lang, 'engExplainDealBonusBelow', { deals: dealCount(count, lang), threshold: formatDecimal(rule.threshold, lang), amount: money(ZERO) }) });
    }

    case 'new_client_bonus': {
      const fact = ctx.fact('new_clients');
      if (fact.value === null) return missingLine('new_clients', fact);
      const per = roundMoney(rule.amount);
      const amount = roundMoney(rule.amount.times(fact.value));
      return out({ metric: 'new_clients', fact: fact.value, plan: ctx.plan('new_clients'), attainment: ratio(fact.value, positivePlan(ctx, 'new_clients')),
        rate: per, amount, dealRefs: refs(fact.deals), next: { metric: 'new_clients', needed: dec(1), pays: per },
        explanation: msg(lang, 'engExplainNewClientBonus', { per: money(per), count: formatDecimal(fact.value, lang), amount: money(amount) }) });
    }

    case 'client_turnover': {
      const owned = ctx.ownedClientDeals();
      if (owned.reason !== null) return missingLine(rule.metric, { value: null, reason: owned.reason, deals: [] });
      // No margin column: a margin-based line would be a guess. Blank margins are checked only on the
      // deals the rule uses (below), not on the manager's own deals (review item 11).
      if (rule.metric === 'margin' && ctx.marginMissing) return missingLine('margin', { value: null, reason: ctx.marginMissing, deals: [] });
      const groups = new Map<string, { rate: Dec; base: Dec }>();
      const used: Deal[] = [];
      let raw = ZERO;
      let factSum = ZERO;
      for (const { deal, firstWon, first } of owned.deals) {
        // mode subsequent: «со всех последующих покупок» — the client's first deal is not paid on.
        if (rule.subsequent && first) continue;
        const months = wholeMonthsBetween(firstWon, deal.date);
        if (rule.months !== null && months >= rule.months) continue;
        const value = rule.metric === 'revenue' ? deal.amount : deal.margin;
        if (value === null) {
          return missingLine(rule.metric, { value: null, reason: msg(lang, 'engReasonBlankMargin', { row: deal.ref.row }), deals: [deal] });
        }
        const rate = rule.tiers ? tierReached(dec(months), rule.tiers)?.value ?? null : rule.rate;
        if (rate === null) continue;
        raw = raw.plus(rate.times(value));
        factSum = factSum.plus(value);
        used.push(deal);
        const g = groups.get(rate.toString()) ?? { rate, base: ZERO };
        g.base = g.base.plus(value);
        groups.set(rate.toString(), g);
      }
      const amount = roundMoney(raw);
      const terms = [...groups.values()].map((g) => `${formatPercent(g.rate, lang)} × ${formatFact(rule.metric, g.base, lang, currency)}`);
      const windowText = (rule.months !== null ? msg(lang, 'engExplainTurnoverWindow', { months: rule.months }) : '')
        + (rule.subsequent ? msg(lang, 'plansExplainTurnoverSubsequent') : '');
      // With month tiers one rate applies only when every deal used fell in the same tier; else none (null).
      const single = groups.size === 1 ? [...groups.values()][0].rate : null;
      return out({ metric: rule.metric, fact: factSum, plan: null, attainment: null, rate: rule.tiers ? rule.tiersText : rule.rate,
        rateValue: rule.tiers ? single : rule.rate, amount, next: null,
        dealRefs: refs(used),
        explanation: used.length === 0
          ? msg(lang, 'engExplainTurnoverNone', { amount: money(ZERO) }) + windowText
          : msg(lang, 'engExplainTurnover', { deals: dealCount(used.length, lang), terms: terms.join(' + '), amount: money(amount) }) + windowText });
    }

    case 'team_override':
      return applyTeamOverride(rule, ctx, out, missingLine);

    case 'partner_price': {
      if (ctx.partnerPriceMissing) return missingLine('partner_price', { value: null, reason: ctx.partnerPriceMissing, deals: [] });
      const deals = ctx.partnerDeals();
      const difference = sum(deals.map((d) => d.amount.minus(d.partnerPrice as Dec)));
      const full = roundMoney(difference);
      const fresh = ctx.fact('new_clients');
      if (fresh.value === null) return missingLine('new_clients', fresh);
      const planRaw = ctx.plan('new_clients');
      const required = rule.threshold ?? planRaw;
      const below = deals.filter((d) => d.amount.lessThan(d.partnerPrice as Dec));
      const belowText = below.length > 0 ? msg(lang, 'engExplainPartnerBelow', { rows: below.map((d) => d.ref.row).join(', ') }) : '';
      const base = { metric: 'new_clients', fact: fresh.value, plan: required, attainment: null, rate: null, dealRefs: refs(deals) };
      if (required === null) {
        const message = msg(lang, 'engIssuePartnerNoTarget');
        return out({ ...base, amount: ZERO, next: null, explanation: message }, { problems: [{ code: 'engIssuePartnerNoTarget', message }] });
      }
      const qualified = fresh.value.greaterThanOrEqualTo(required);
      if (!qualified) {
        return out({ ...base, amount: ZERO, next: { metric: 'new_clients', needed: required.minus(fresh.value), pays: full },
          explanation: msg(lang, 'engExplainPartnerNotQualified', { count: formatDecimal(fresh.value, lang), required: formatDecimal(required, lang), sum: money(full), amount: money(ZERO) }) });
      }
      return out({ ...base, amount: full, next: null,
        explanation: msg(lang, 'engExplainPartner', { deals: dealCount(deals.length, lang), count: formatDecimal(fresh.value, lang), required: formatDecimal(required, lang), amount: money(full) }) + belowText });
    }
  }
}

function ratio(fact: Dec, plan: Dec | null): Dec | null {
  return plan ? fact.dividedBy(plan) : null;
}

/** The slices of base between consecutive thresholds (× plan) and their rates, as `commission` marginal counts them. */
function marginalSlices(base: Dec, tiers: readonly Tier[], plan: Dec): { rate: Dec; slice: Dec }[] {
  const out: { rate: Dec; slice: Dec }[] = [];
  tiers.forEach((tier, i) => {
    const low = tier.threshold.times(plan);
    const high = i + 1 < tiers.length ? tiers[i + 1].threshold.times(plan) : null;
    const top = high === null ? base : Dec.min(base, high);
    if (top.greaterThan(low)) out.push({ rate: tier.value, slice: top.minus(low) });
  });
  return out;
}

/** One row of the KPI table: target = the Plans value when there is one, else the rule's threshold. */
export function kpiRow(rule: Extract<Rule, { kind: 'kpi' }>, ctx: RuleContext): { row: KpiRow; missing: { metric: string; reason: string }[] } {
  const fact = ctx.fact(rule.metric);
  const plan = ctx.plan(rule.metric);
  const target = plan ?? rule.target;
  const row: KpiRow = { metric: rule.metric, fact: fact.value, target, weight: rule.weight, cap: rule.cap, contribution: null };
  row.contribution = kpiContribution(row);
  const missing: { metric: string; reason: string }[] = [];
  if (fact.value === null) missing.push({ metric: rule.metric, reason: fact.reason ?? '' });
  else if (target === null || target.isZero()) missing.push({ metric: rule.metric, reason: msg(ctx.lang, 'engReasonNoKpiTarget') });
  return { row, missing };
}

/** `K = 0,4 × 0,8 + 0,4 × 1,2 + 0,2 × 0 = 0,8000`. */
export function explainK(rows: readonly KpiRow[], k: Dec, lang: Lang): string {
  const terms = rows.map((r) => {
    const ratioValue = r.contribution === null ? ZERO : r.contribution.dividedBy(r.weight.isZero() ? 1 : r.weight);
    return `${formatDecimal(r.weight, lang)} × ${formatDecimal(ratioValue, lang)}`;
  });
  return `K = ${terms.join(' + ')} = ${formatK(k, lang)}`;
}

