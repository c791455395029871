/**
 * `team_override` / `командный процент` (SPEC §14): a head of sales is paid rate × the metric summed
 * over the deals of the managers whose head (Managers sheet) is m — or the tier table applied to
 * that sum (against m's own plan of the metric when Plans has one, else thresholds are amounts).
 */
import { Dec, ZERO, sum } from './decimal';
import { formatFact, tierText } from './explain';
import { msg } from './messages/index';
import type { MetricFact } from './metrics';
import { metricLabel } from './metricNames';
import type { PayoutLine } from './model';
import { formatMoney, formatPercent, roundMoney } from './money';
import type { RuleContext, RuleOutcome } from './rules';
import type { Rule } from './schemes';
import { commission, nextTier, position, tierReached } from './tiers';

type TeamRule = Extract<Rule, { kind: 'team_override' }>;

export function applyTeamOverride(
  rule: TeamRule,
  ctx: RuleContext,
  out: (line: Omit<PayoutLine, 'rule'>, extra?: Partial<RuleOutcome>) => RuleOutcome,
  missingLine: (metric: string, fact: MetricFact, plan?: Dec | null) => RuleOutcome,
): RuleOutcome {
  const { lang, currency } = ctx;
  const money = (v: Dec) => formatMoney(v, lang, currency);
  const team = ctx.team ? ctx.team(rule.metric, rule.filter ?? null) : { members: [], reason: msg(lang, 'plansReasonNoManagersSheet') };
  const planRaw = ctx.plan(rule.metric);
  if (team.reason !== null) return missingLine(rule.metric, { value: null, reason: team.reason, deals: [] }, planRaw);
  for (const m of team.members) if (m.fact.value === null) return missingLine(rule.metric, m.fact, planRaw);
  const fact = sum(team.members.map((m) => m.fact.value as Dec));
  const deals = team.members.flatMap((m) => m.fact.deals);
  const plan = planRaw !== null && planRaw.greaterThan(0) ? planRaw : null;
  const names = team.members.map((m) => m.manager).join(', ');
  const factText = formatFact(rule.metric, fact, lang, currency);
  const base = { metric: rule.metric, fact, plan: planRaw, attainment: plan ? fact.dividedBy(plan) : null, dealRefs: deals.map((d) => d.ref) };
  if (rule.rate !== null) {
    const amount = roundMoney(rule.rate.times(fact));
    return out({ ...base, rate: rule.rate, amount, next: null,
      explanation: msg(lang, 'plansExplainTeam', { count: team.members.length, names, terms: `${formatPercent(rule.rate, lang)} × ${factText}`, amount: money(amount) }) });
  }
  const tiers = rule.tiers ?? [];
  const table = { kind: 'tiers' as const, tiers };
  const raw = commission(fact, table, rule.mode, plan);
  const amount = roundMoney(raw);
  const reached = tierReached(position(fact, plan), tiers);
  const step = nextTier(fact, table, rule.mode, plan);
  const terms = rule.mode === 'marginal' ? `${rule.tiersText}: ${factText}` : reached ? `${formatPercent(reached.value, lang)} × ${factText}` : money(ZERO);
  return out({ ...base, rate: reached ? tierText(reached.threshold, reached.value, plan !== null, true) : null, rateValue: reached ? reached.value : null, amount,
    next: step ? { metric: rule.metric, needed: step.needed, pays: roundMoney(commission(fact.plus(step.needed), table, rule.mode, plan)).minus(amount) } : null,
    explanation: msg(lang, 'plansExplainTeam', { count: team.members.length, names, terms, amount: money(amount) }) });
}
