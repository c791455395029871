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

type DraftField = keyof Omit<RuleDraft, 'rule' | 'comment'>;

/**
 * Fields typed as percents (SPEC §10.2): rates and attainment thresholds. The form labels them `%`,
 * shows `10` for 10 % and keeps `10%` in the draft (so the Schemes sheet gets `10%`): a bare `10`
 * can never reach the sheet, where it would read two ways. Keyed by rule word, as core/readings.
 */
export const PERCENT_FIELDS: Readonly<Record<string, readonly DraftField[]>> = {
  percent: ['rate', 'threshold'],
  plan_bonus: ['threshold'],
  client_turnover: ['rate'],
  limit: ['rate'],
  team_override: ['rate'],
  company_limit: ['rate'],
};

export function isPercentField(kind: string, field: string): boolean {
  return (PERCENT_FIELDS[kind] ?? []).includes(field as DraftField);
}

const PLAIN = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * What a percent field shows for a draft cell: `10%` → `10`; a plain fraction from the sheet
 * (`0.1`, `0,25`) → `10`, `25`; anything else as is (a bare `10` stays `10`, and the engine's
 * message beside the field says it reads two ways until it is typed again).
 */
export function percentShown(cell: string): string {
  const t = cell.trim();
  if (t.endsWith('%')) return t.slice(0, -1).trim();
  if (!PLAIN.test(t)) return t;
  const n = Number(t.replace(',', '.'));
  if (Math.abs(n) > 1) return t;
  const shown = String(Number((n * 100).toPrecision(12)));
  return t.includes(',') ? shown.replace('.', ',') : shown;
}

/** What a percent field keeps for the text typed: `10` → `10%`, `10%` as is, blank stays blank. */
export function percentTyped(text: string): string {
  const t = text.trim();
  if (t === '' || t.endsWith('%')) return t;
  return `${t}%`;
}
