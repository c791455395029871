/**
 * Each pay rule in plain words with its own numbers (SPEC §13). One switch over the rule union
 * with an exhaustive check: a new rule kind does not compile until it is described here.
 */
import type { Dec } from '../decimal';
import { describeFilter } from '../filters';
import type { Rule } from '../schemes';
import type { Tier } from '../tiers';
import type { RegulationTable } from './document';
import type { RegulationFormat } from './format';

export interface RuleDescription {
  /** The clause text; absent for a KPI row (the K clause gathers every kpi rule). */
  text?: string;
  table?: RegulationTable;
  /** A row of the K table: indicator, target, weight, cap. */
  kpiRow?: string[];
  /** The metrics this rule's clause names (their terms go into section 2). */
  metrics: string[];
  /** Other defined terms the clause uses. */
  terms: ('client' | 'newClient' | 'k' | 'partnerPrice' | 'deal')[];
}

function tierTable(f: RegulationFormat, tiers: readonly Tier[], header: [string, string], threshold: (d: Dec) => string, value: (d: Dec) => string): RegulationTable {
  return { header, rows: tiers.map((t) => [threshold(t.threshold), value(t.value)]), widths: [1, 1] };
}

/** The component's short name, as rows of the examples and achievability tables show it; a filtered rule names its deals. */
export function componentName(rule: Rule, f: RegulationFormat): string {
  const name = kindName(rule, f);
  return rule.filter ? `${name} (${describeFilter(rule.filter, f.lang)})` : name;
}

function kindName(rule: Rule, f: RegulationFormat): string {
  switch (rule.kind) {
    case 'percent': return f.t('reg.n.percent', { gen: f.term(rule.metric, 'gen') });
    case 'tiers': return f.t('reg.n.tiers', { gen: f.term(rule.metric, 'gen') });
    case 'plan_bonus': return f.t('reg.n.plan_bonus', { dat: f.term(rule.metric, 'dat') });
    case 'client_turnover': return f.t('reg.n.client_turnover');
    default: return f.t(`reg.n.${rule.kind}`);
  }
}

/** The rule's clause; a filtered rule (SPEC §14) says which Deals it counts. */
export function describeRule(rule: Rule, f: RegulationFormat): RuleDescription {
  const d = describeKind(rule, f);
  if (rule.filter && d.text !== undefined) d.text += f.t('reg.c.filter', { filter: describeFilter(rule.filter, f.lang) });
  return d;
}

function describeKind(rule: Rule, f: RegulationFormat): RuleDescription {
  switch (rule.kind) {
    case 'salary':
      return { text: f.t('reg.c.salary', { amount: f.money(rule.amount) }), metrics: [], terms: [] };

    case 'percent': {
      const gen = f.term(rule.metric, 'gen');
      let text = f.t('reg.c.percent', { gen, rate: f.percent(rule.rate) });
      if (rule.threshold !== null) text += f.t('reg.c.percentThreshold', { dat: f.term(rule.metric, 'dat'), threshold: f.percent(rule.threshold) });
      if (rule.cap !== null) text += f.t('reg.c.cap', { cap: f.money(rule.cap) });
      return { text, metrics: [rule.metric], terms: [] };
    }

    case 'tiers': {
      const gen = f.term(rule.metric, 'gen');
      let text = f.t('reg.c.tiers', { gen, dat: f.term(rule.metric, 'dat') });
      text += f.t(rule.mode === 'marginal' ? 'reg.c.tiersMarginal' : 'reg.c.tiersWhole', { gen });
      if (rule.cap !== null) text += f.t('reg.c.cap', { cap: f.money(rule.cap) });
      const table = tierTable(f, rule.tiers, [f.t('reg.t.attainmentFrom'), f.t('reg.t.rate')], (d) => f.percent(d), (d) => f.percent(d));
      return { text, table, metrics: [rule.metric], terms: [] };
    }

    case 'plan_bonus': {
      const dat = f.term(rule.metric, 'dat');
      if (rule.tiers) {
        const table = tierTable(f, rule.tiers, [f.t('reg.t.attainmentFrom'), f.t('reg.t.bonus')], (d) => f.percent(d), (d) => f.money(d));
        return { text: f.t('reg.c.planBonusTiers', { dat }), table, metrics: [rule.metric], terms: [] };
      }
      return { text: f.t('reg.c.planBonus', { dat, amount: f.money(rule.amount as Dec), threshold: f.percent(rule.threshold) }), metrics: [rule.metric], terms: [] };
    }

    case 'deal_bonus': {
      if (rule.tiers) {
        const table = tierTable(f, rule.tiers, [f.t('reg.t.dealsFrom'), f.t('reg.t.bonus')], (d) => f.number(d), (d) => f.money(d));
        return { text: f.t('reg.c.dealBonusTiers'), table, metrics: ['deals'], terms: ['deal'] };
      }
      const amount = f.money(rule.amount as Dec);
      const text = rule.threshold.isZero()
        ? f.t('reg.c.dealBonusEach', { amount })
        : f.t('reg.c.dealBonus', { amount, threshold: f.number(rule.threshold) });
      return { text, metrics: ['deals'], terms: ['deal'] };
    }

    case 'new_client_bonus':
      return { text: f.t('reg.c.newClientBonus', { amount: f.money(rule.amount) }), metrics: ['new_clients'], terms: ['client', 'newClient'] };

    case 'client_turnover': {
      const gen = f.term(rule.metric, 'gen');
      const first = rule.subsequent ? f.t('reg.c.turnoverSubsequent') : '';
      const tail = first + (rule.months !== null ? f.t('reg.c.turnoverWindow', { months: rule.months }) : f.t('reg.c.turnoverForever'));
      if (rule.tiers) {
        const table = tierTable(f, rule.tiers, [f.t('reg.t.monthsFrom'), f.t('reg.t.rate')], (d) => f.number(d), (d) => f.percent(d));
        return { text: f.t('reg.c.turnoverTiers', { gen }) + tail, table, metrics: [rule.metric], terms: ['client'] };
      }
      return { text: f.t('reg.c.turnover', { gen, rate: f.percent(rule.rate as Dec) }) + tail, metrics: [rule.metric], terms: ['client'] };
    }

    case 'partner_price': {
      const required = rule.threshold !== null ? f.number(rule.threshold) : f.t('reg.c.partnerPlan');
      return { text: f.t('reg.c.partner', { required }), metrics: ['new_clients'], terms: ['client', 'newClient', 'partnerPrice'] };
    }

    case 'kpi': {
      const target = rule.target !== null ? f.value(rule.metric, rule.target) : f.t('reg.t.planTarget');
      return { kpiRow: [f.term(rule.metric, 'nom'), target, f.number(rule.weight), f.number(rule.cap)], metrics: [rule.metric], terms: ['k'] };
    }

    case 'kpi_gate':
      return { text: f.t('reg.c.gate', { threshold: f.number(rule.threshold) }), metrics: [], terms: ['k'] };

    case 'limit':
      if (rule.rate !== null && rule.metric !== null) {
        return { text: f.t('reg.c.limitRate', { rate: f.percent(rule.rate), gen: f.term(rule.metric, 'gen') }), metrics: [rule.metric], terms: [] };
      }
      return { text: f.t('reg.c.limitAmount', { amount: f.money(rule.amount as Dec) }), metrics: [], terms: [] };

    case 'team_override': {
      const gen = f.term(rule.metric, 'gen');
      if (rule.tiers !== null) {
        const table = tierTable(f, rule.tiers, [f.t('reg.t.attainmentFrom'), f.t('reg.t.rate')], (d) => f.percent(d), (d) => f.percent(d));
        return { text: f.t('reg.c.teamTiers', { gen }), table, metrics: [rule.metric], terms: [] };
      }
      return { text: f.t('reg.c.team', { gen, rate: f.percent(rule.rate as Dec) }), metrics: [rule.metric], terms: [] };
    }

    case 'guarantee':
      return { text: f.t('reg.c.guarantee', { amount: f.money(rule.amount), months: f.number(rule.months) }), metrics: [], terms: [] };

    case 'company_limit':
      if (rule.rate !== null && rule.metric !== null) {
        return { text: f.t('reg.c.fundRate', { rate: f.percent(rule.rate), gen: f.term(rule.metric, 'gen') }), metrics: [rule.metric], terms: [] };
      }
      return { text: f.t('reg.c.fundAmount', { amount: f.money(rule.amount as Dec) }), metrics: [], terms: [] };

    default:
      return unreachable(rule);
  }
}

/** The exhaustive check: adding a kind to `Rule` without a case above is a compile error here. */
function unreachable(rule: never): never {
  throw new Error(`a rule kind without a description: ${(rule as { kind: string }).kind}`);
}
