/**
 * Whole-kopeck arithmetic for the custom functions' columns (issue 11): KPI_COMMISSION over a
 * 10 000-row column reads every cell and pays every row, and building a decimal.js value per cell
 * is most of what a cold call costs. Ordinary money is a whole number of kopecks and an ordinary
 * rate has a few decimals, so a row's commission is an integer product, rounded once.
 *
 * Every function here answers `null` where it cannot be exact — a value with digits below a
 * kopeck, a rate with more than MAX_DECIMALS decimals, a product that may pass 2^53 — and the
 * caller then takes the decimal path. Where it answers, the result is the decimal path's to the
 * kopeck (test/core/kopeckMath.test.ts compares the two on random tables and bases).
 */
import { Dec, kopecks, MAX_SAFE, ZERO } from './decimal';
import { PLAIN_NUMBER_TEXT, type CellValue } from './numbers';
import type { RateOrTiers, TierMode } from './tiers';

/** A whole number of kopecks (a safe integer), as a plain number. */
export type Kopecks = number & { readonly __kopecks: true };

/** Below 2^51 (as kopecks: ±22 trillion), a double is closer to its kopeck than half a kopeck's spacing: see kopecksOfCell. */
const EXACT_KOPECKS = 2 ** 51;
/** More decimals than this in a rate (0.000001) take the decimal path. */
const MAX_DECIMALS = 6;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
const round = Math.round;
const abs = Math.abs;

/**
 * The kopecks a cell holds when it is exactly a whole number of them: a number cell, or plain 1C
 * text (`1 250 000,50`, the text parseNumber reads on its fast path); null for anything else.
 *
 * Why a number cell is exact: for |k| < 2^51 the spacing of doubles near k / 100 is below a
 * kopeck's half, so the double v equals k / 100 only if v is the double nearest to that decimal,
 * and then v's shortest text (what `new Dec(v)` reads) is that decimal: any shorter text that also
 * rounds to v would be another whole number of kopecks within a spacing of it.
 */
export function kopecksOfCell(v: CellValue): Kopecks | null {
  if (typeof v === 'number') {
    const k = round(v * 100);
    if (k / 100 !== v || !(k < EXACT_KOPECKS && k > -EXACT_KOPECKS)) return null;
    return (k === 0 ? 0 : k) as Kopecks; // −0 is a plain 0, as parseNumber makes it
  }
  if (typeof v !== 'string' || !PLAIN_NUMBER_TEXT.test(v)) return null;
  // Digits, group spaces, at most one `.` or `,` and digits after it.
  let whole = 0;
  let fraction = 0;
  let decimals = -1; // digits seen after the separator; −1 before it
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 44 || c === 46) decimals = 0; // `,` or `.`
    else if (c >= 48 && c <= 57) {
      if (decimals < 0) whole = whole * 10 + (c - 48);
      else if (decimals < 2) { fraction = fraction * 10 + (c - 48); decimals++; }
      else if (c !== 48) return null; // a digit below a kopeck
    }
  }
  if (decimals === 1) fraction *= 10;
  if (!(whole < EXACT_KOPECKS / 100)) return null; // the digits were summed as a float: keep them exact
  return (whole * 100 + fraction) as Kopecks;
}

/** d × 10^decimals as a safe integer, or null when that is not a whole number or not safe. */
function scaled(d: Dec, decimals: number): number | null {
  const x = d.times(POW10[decimals]);
  if (!x.isInteger() || x.abs().greaterThan(MAX_SAFE)) return null;
  return x.toNumber();
}

/** The fewest decimals (up to MAX_DECIMALS) that write every value exactly; null when more are needed. */
function decimalsOf(values: readonly Dec[]): number | null {
  let most = 0;
  for (const v of values) {
    const places = v.decimalPlaces();
    if (places > MAX_DECIMALS) return null;
    if (places > most) most = places;
  }
  return most;
}

/**
 * A rate or tier table, with thresholds in amounts of base (what `tiersAtPlan` gives), as
 * integers: rates as numerators over 10^decimals, thresholds in kopecks.
 */
export interface KopeckTable {
  mode: TierMode;
  /** Rates and tier values are `numerator / divisor`. */
  divisor: number;
  /** flat: one rate; whole/marginal: one per tier. */
  rates: number[];
  /** whole: the least whole kopecks at or above each threshold; marginal: each threshold, whole kopecks. Empty when flat. */
  thresholds: number[];
  /** marginal: what the slices below each threshold pay, in kopecks × divisor. */
  paidBelow: number[];
  flat: boolean;
}

/**
 * The integer form of a table for `commissionKopecks`, or null when it has none (a rate with too
 * many decimals, a threshold past 2^53 kopecks, a marginal threshold with digits below a kopeck).
 * Build it once per table: it costs a few decimal.js operations.
 */
export function kopeckTable(table: RateOrTiers, mode: TierMode): KopeckTable | null {
  if (table.kind === 'flat') {
    const decimals = decimalsOf([table.rate]);
    const rate = decimals === null ? null : scaled(table.rate, decimals);
    if (decimals === null || rate === null) return null;
    return { mode, divisor: POW10[decimals], rates: [rate], thresholds: [], paidBelow: [], flat: true };
  }
  const decimals = decimalsOf(table.tiers.map((t) => t.value));
  if (decimals === null) return null;
  const rates: number[] = [];
  const thresholds: number[] = [];
  const paidBelow: number[] = [];
  for (const tier of table.tiers) {
    const rate = scaled(tier.value, decimals);
    // whole: base ≥ T ⇔ base in kopecks ≥ ⌈100·T⌉ (the base is whole kopecks); marginal needs T itself.
    const inKopecks = tier.threshold.times(100);
    if (mode === 'marginal' && !inKopecks.isInteger()) return null;
    const threshold = scaled(inKopecks.ceil(), 0);
    if (rate === null || threshold === null) return null;
    rates.push(rate);
    thresholds.push(threshold);
  }
  if (mode === 'marginal') {
    // Σ (next threshold − threshold) × rate over the tiers below, as `tiersAtPlan` sums it: exact integers here.
    let paid = ZERO;
    for (let i = 0; i < thresholds.length; i++) {
      const below = scaled(paid, 0);
      if (below === null) return null;
      paidBelow.push(below);
      if (i + 1 < thresholds.length) paid = paid.plus(new Dec(thresholds[i + 1]).minus(thresholds[i]).times(rates[i]));
    }
  }
  return { mode, divisor: POW10[decimals], rates, thresholds, paidBelow, flat: false };
}

/** numerator / divisor rounded to a whole number, a tie away from zero (roundMoney's rule); both safe integers. */
function divideHalfUp(numerator: number, divisor: number): number {
  const n = abs(numerator);
  const rest = n % divisor;
  const q = (n - rest) / divisor + (rest * 2 >= divisor ? 1 : 0);
  return numerator < 0 ? -q : q;
}

const isSafe = (x: number) => x <= MAX_SAFE && x >= -MAX_SAFE;

/**
 * The commission on `base` kopecks, rounded to the kopeck — `commission(base, table, mode)`
 * rounded by roundMoney — or null when an intermediate product may not be exact.
 * −0 comes back as it would from the decimal path (a tiny negative rounded away); the caller clears it.
 */
export function commissionKopecks(base: Kopecks, table: KopeckTable): number | null {
  const { rates, thresholds } = table;
  let product: number;
  if (table.flat) product = base * rates[0];
  else if (table.mode === 'whole') {
    let reached = -1;
    for (let i = 0; i < thresholds.length && thresholds[i] <= base; i++) reached = i; // threshold ≤ base: tierReached
    if (reached < 0) return 0;
    product = base * rates[reached];
  } else {
    let reached = -1;
    for (let i = 0; i < thresholds.length; i++) if (base > thresholds[i]) reached = i; // base > threshold: commission's slices
    if (reached < 0) return 0;
    const slice = (base - thresholds[reached]) * rates[reached];
    if (!isSafe(slice)) return null;
    product = table.paidBelow[reached] + slice;
  }
  return isSafe(product) ? divideHalfUp(product, table.divisor) : null;
}

/** A number as an integer over 10^decimals (decimals ≤ MAX_DECIMALS), from a Dec; null when it needs more or is not safe. */
export interface Scaled {
  numerator: number;
  decimals: number;
}

export function scaledOf(d: Dec): Scaled | null {
  const decimals = decimalsOf([d]);
  const numerator = decimals === null ? null : scaled(d, decimals);
  return decimals === null || numerator === null ? null : { numerator, decimals };
}

/**
 * UNIT_MARGIN in kopecks: quantity × (price − cost − price × rate) − fixed, rounded once to the
 * kopeck as roundMoney does — or null when an intermediate product may not be exact. Amounts in
 * kopecks; quantity and rate as integers over 10^decimals.
 * `unitMarginKopecks(100000, 60000, {10, 0}, {5, 2}, 0)` = 10 × (100 000 − 60 000 − 5 000) = 350 000 (3 500.00).
 */
export function unitMarginKopecks(price: Kopecks, cost: Kopecks, quantity: Scaled, rate: Scaled, fixed: Kopecks): number | null {
  const rateDivisor = POW10[rate.decimals];
  const divisor = POW10[rate.decimals + quantity.decimals];
  if (divisor === undefined) return null;
  // One unit, in kopecks × 10^rate.decimals: (price − cost) × 10^d − price × rate numerator.
  const gross = (price - cost) * rateDivisor;
  const scaledRate = price * rate.numerator;
  const unit = gross - scaledRate;
  const margin = quantity.numerator * unit;
  const fixedScaled = fixed * divisor;
  const total = margin - fixedScaled;
  if (!(isSafe(gross) && isSafe(scaledRate) && isSafe(unit) && isSafe(margin) && isSafe(fixedScaled) && isSafe(total))) return null;
  return divideHalfUp(total, divisor);
}

/** The Dec of a whole number of kopecks (for the decimal path, when a row cannot take this one). */
export function kopecksDec(k: Kopecks): Dec {
  return new Dec(k).dividedBy(100);
}

/** The kopecks of a Dec when it is a whole number of them (e.g. a value read by parseNumber). */
export function exactKopecks(d: Dec): Kopecks | null {
  const k = kopecks(d, 'exact');
  return k !== null && k < EXACT_KOPECKS && k > -EXACT_KOPECKS ? ((k === 0 ? 0 : k) as Kopecks) : null;
}
