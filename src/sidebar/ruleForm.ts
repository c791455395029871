/**
 * What the rule form needs, pure and small (the sidebar bundle must stay light: no decimal.js here).
 */
import type { RuleDraft, RuleKind } from '../core/templates';

/** Which draft fields each rule type uses (SPEC §2 "uses"); the form shows only these. */
export const RULE_FIELDS: Record<RuleKind, readonly (keyof Omit<RuleDraft, 'rule' | 'comment'>)[]> = {
  salary: ['amount'],
  percent: ['metric', 'rate', 'threshold', 'cap', 'filter'],
  tiers: ['metric', 'tiers', 'mode', 'cap', 'filter'],
  plan_bonus: ['metric', 'amount', 'threshold', 'tiers', 'filter'],
  deal_bonus: ['amount', 'threshold', 'tiers', 'filter'],
  new_client_bonus: ['amount', 'filter'],
  client_turnover: ['metric', 'rate', 'tiers', 'months', 'mode', 'filter'],
  partner_price: ['threshold', 'filter'],
  kpi: ['metric', 'rate', 'threshold', 'cap'],
  kpi_gate: ['threshold'],
  limit: ['metric', 'rate', 'amount'],
  team_override: ['metric', 'rate', 'tiers', 'mode', 'filter'],
  guarantee: ['amount', 'months'],
  company_limit: ['metric', 'rate', 'amount'],
};

/** Tier rows of the form ⇄ the `threshold:value; …` text (SPEC §2). */
export interface TierRowDraft {
  threshold: string;
  value: string;
}

export function tiersToText(rows: readonly TierRowDraft[]): string {
  return rows
    .filter((r) => r.threshold.trim() !== '' || r.value.trim() !== '')
    .map((r) => `${r.threshold.trim()}:${r.value.trim()}`)
    .join('; ');
}

/** Splits tier text into rows for editing, keeping each side as typed (validation is the engine's). */
export function textToTiers(text: string): TierRowDraft[] {
  return text
    .split(/;|\n|,(?!\d)|(?<!\d),/)
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .map((e) => {
      const i = e.search(/:|→|=>/);
      if (i < 0) return { threshold: e, value: '' };
      const sep = e.slice(i).startsWith('=>') ? 2 : 1;
      return { threshold: e.slice(0, i).trim(), value: e.slice(i + sep).trim() };
    });
}

/** Every rule type, in the order the type select offers them. */
export const RULE_KIND_LIST = Object.keys(RULE_FIELDS) as RuleKind[];
