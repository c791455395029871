/**
 * Tier tables and commission (SPEC §2 tiers, §5 KPI_COMMISSION). One implementation serves the
 * custom functions and the payout engine.
 *
 * A tier is `threshold → value`. Without a plan, thresholds are amounts of the base; with a plan
 * they are attainment (base ÷ plan, 1 = 100 %). Intervals are half-open: a tier applies from its
 * threshold (inclusive) up to the next threshold (exclusive).
 */
import { compare, Dec, ZERO } from './decimal';
import { isBlank, parseNumber, type CellValue } from './numbers';

export type TierMode = 'whole' | 'marginal';

export interface Tier {
  threshold: Dec;
  value: Dec;
}

/** A flat rate, or an ascending tier table. */
export type RateOrTiers =
  | { kind: 'flat'; rate: Dec }
  | {
      kind: 'tiers';
      tiers: Tier[];
      /** Optional, set by `tiersAtPlan`: the marginal commission below each threshold, so a column pays one slice per row. */
      paidBelow?: Dec[];
    };

export type TierError =
  | { code: 'tiersEmpty' }
  | { code: 'tiersBadEntry'; entry: string }
  | { code: 'tiersNotAscending'; entry: string };

/** Whether each side of a tier was written with a `%` sign (SPEC §10.2: a bare `3` among rates reads two ways). */
export interface TierWriting {
  entry: string;
  thresholdPercent: boolean;
  valuePercent: boolean;
}

export type TierParse = { ok: true; tiers: Tier[]; written: TierWriting[] } | { ok: false; error: TierError };

/** Entries are separated by `;`, new lines, or a comma that does not sit between digits. */
const ENTRY_SEPARATOR = /;|\n|,(?!\d)|(?<!\d),/;

/**
 * `0%:3%; 100%:5%; 120%:7%`, `10:5000; 15:10000`, `1:0.05` (= 100 % → 5 %), `0,5:2,5%`.
 * Also a two-column range of `threshold, value` rows (blank rows and a text header row skipped).
 */
export function parseTiers(input: CellValue | CellValue[][]): TierParse {
  const pairs: { entry: string; threshold: CellValue; value: CellValue }[] = [];
  if (Array.isArray(input)) {
    input.forEach((row, i) => {
      if (row.every(isBlank)) return;
      const [threshold, value] = row;
      const isHeader = i === 0 && parseNumber(threshold).kind === 'bad' && parseNumber(value).kind === 'bad';
      if (isHeader) return;
      pairs.push({ entry: row.map((c) => String(c ?? '')).join(' : '), threshold, value });
    });
  } else {
    if (typeof input !== 'string') return { ok: false, error: { code: 'tiersBadEntry', entry: String(input ?? '') } };
    for (const raw of input.split(ENTRY_SEPARATOR)) {
      const entry = raw.trim();
      if (entry === '') continue;
      const parts = entry.split(/:|→|=>/);
      if (parts.length !== 2) return { ok: false, error: { code: 'tiersBadEntry', entry } };
      pairs.push({ entry, threshold: parts[0], value: parts[1] });
    }
  }
  if (pairs.length === 0) return { ok: false, error: { code: 'tiersEmpty' } };
  const tiers: Tier[] = [];
  const written: TierWriting[] = [];
  for (const p of pairs) {
    const threshold = parseNumber(p.threshold);
    const value = parseNumber(p.value);
    if (threshold.kind !== 'number' || value.kind !== 'number') return { ok: false, error: { code: 'tiersBadEntry', entry: p.entry } };
    const previous = tiers[tiers.length - 1];
    if (previous && !threshold.value.greaterThan(previous.threshold)) return { ok: false, error: { code: 'tiersNotAscending', entry: p.entry } };
    tiers.push({ threshold: threshold.value, value: value.value });
    written.push({ entry: p.entry, thresholdPercent: threshold.percent, valuePercent: value.percent });
  }
  return { ok: true, tiers, written };
}

/** `whole`/`весь объём`/`весь` (default when blank), `marginal`/`ступенчато`/`ступенчатая`. Null when unknown. */
export function parseMode(v: CellValue): TierMode | null {
  if (isBlank(v)) return 'whole';
  const s = String(v).trim().toLowerCase().replace(/\s+/g, ' ').replace(/ё/g, 'е');
  if (['whole', 'весь объем', 'весь', 'на весь объем', 'all', 'flat'].includes(s)) return 'whole';
  if (['marginal', 'ступенчато', 'ступенчатая', 'ступенчатый', 'progressive', 'brackets'].includes(s)) return 'marginal';
  return null;
}

/** Where the base stands on the thresholds' scale: attainment with a plan, the base itself without. */
export function position(base: Dec, plan: Dec | null): Dec {
  return plan ? base.dividedBy(plan) : base;
}

/** The highest tier whose threshold ≤ position; null below the first threshold. */
export function tierReached(pos: Dec, tiers: readonly Tier[]): Tier | null {
  let reached: Tier | null = null;
  for (const tier of tiers) {
    if (compare(tier.threshold, pos) <= 0) reached = tier; // threshold ≤ pos, without a Decimal copy per row
    else break;
  }
  return reached;
}

/**
 * Commission on `base`, unrounded (the caller rounds once, where the line is made).
 * `plan`, when given, must be positive: thresholds are then attainment.
 *  - flat: base × rate (negative bases too: a return claws back);
 *  - whole: all of base at the rate of the tier reached; below the first threshold, 0;
 *  - marginal: each slice between consecutive thresholds (× plan) at its tier's rate.
 */
export function commission(base: Dec, rateOrTiers: RateOrTiers, mode: TierMode = 'whole', plan: Dec | null = null): Dec {
  if (rateOrTiers.kind === 'flat') return base.times(rateOrTiers.rate);
  const tiers = rateOrTiers.tiers;
  if (mode === 'whole') {
    const tier = tierReached(position(base, plan), tiers);
    return tier ? base.times(tier.value) : ZERO;
  }
  if (plan === null && rateOrTiers.paidBelow) {
    let reached = -1;
    for (let i = 0; i < tiers.length; i++) if (compare(base, tiers[i].threshold) > 0) reached = i;
    if (reached < 0) return ZERO;
    return rateOrTiers.paidBelow[reached].plus(base.minus(tiers[reached].threshold).times(tiers[reached].value));
  }
  // Runs once per row of a KPI_COMMISSION column: slices the base does not reach cost one comparison.
  const scaled = (threshold: Dec) => (plan ? threshold.times(plan) : threshold);
  let total = ZERO;
  for (let i = 0; i < tiers.length; i++) {
    const low = scaled(tiers[i].threshold);
    if (!(compare(base, low) > 0)) continue;
    const high = i + 1 < tiers.length ? scaled(tiers[i + 1].threshold) : null;
    const top = high !== null && compare(high, base) < 0 ? high : base;
    total = total.plus(top.minus(low).times(tiers[i].value));
  }
  return total;
}

/**
 * The same table with attainment thresholds turned into amounts of base (threshold × plan):
 * `commission(b, tiersAtPlan(t, p), m)` = `commission(b, t, m, p)`. A column sharing one plan
 * scales the table once instead of once per row.
 */
export function tiersAtPlan(rateOrTiers: RateOrTiers, plan: Dec | null): RateOrTiers {
  if (rateOrTiers.kind === 'flat') return rateOrTiers;
  const tiers = plan === null ? rateOrTiers.tiers : rateOrTiers.tiers.map((t) => ({ threshold: t.threshold.times(plan), value: t.value }));
  // paidBelow[i] = Σ over the tiers below i of (next threshold − threshold) × value: the same sum, in the same order, as commission's slices.
  const paidBelow: Dec[] = [];
  let paid = ZERO;
  tiers.forEach((t, i) => {
    paidBelow.push(paid);
    if (i + 1 < tiers.length) paid = paid.plus(tiers[i + 1].threshold.minus(t.threshold).times(t.value));
  });
  return { kind: 'tiers', tiers, paidBelow };
}

export interface NextTierStep {
  tier: Tier;
  /** How much more base reaches the next tier. */
  needed: Dec;
  /** How much more commission the base would pay there (unrounded). */
  extra: Dec;
}

/** The next tier above the base's position; null at the top tier (or for a flat rate). */
export function nextTier(base: Dec, rateOrTiers: RateOrTiers, mode: TierMode = 'whole', plan: Dec | null = null): NextTierStep | null {
  if (rateOrTiers.kind === 'flat') return null;
  const pos = position(base, plan);
  const tier = rateOrTiers.tiers.find((t) => t.threshold.greaterThan(pos));
  if (!tier) return null;
  const target = plan ? tier.threshold.times(plan) : tier.threshold;
  const extra = commission(target, rateOrTiers, mode, plan).minus(commission(base, rateOrTiers, mode, plan));
  return { tier, needed: target.minus(base), extra };
}

/**
 * The KPI coefficient (SPEC §2): K = Σ weightᵢ × min(max(factᵢ / targetᵢ, 0), capᵢ), kept at
 * full precision. A row whose fact or target is missing (null) or whose target is zero adds 0.
 */
export function kpiIndex(rows: readonly { fact: Dec | null; target: Dec | null; weight: Dec; cap: Dec }[]): Dec {
  let k = ZERO;
  for (const r of rows) k = k.plus(kpiContribution(r) ?? ZERO);
  return k;
}

export function kpiContribution(r: { fact: Dec | null; target: Dec | null; weight: Dec; cap: Dec }): Dec | null {
  if (r.fact === null || r.target === null || r.target.isZero()) return null;
  const ratio = Dec.min(Dec.max(r.fact.dividedBy(r.target), ZERO), r.cap);
  return r.weight.times(ratio);
}
