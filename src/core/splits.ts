/**
 * Deal splits (SPEC §14): a `split` / `доли` cell (`Иванов 60%; Петров 40%`) divides a deal's
 * amount, margin and count among managers. Each manager's metrics and rules see their credited
 * part (a copy of the deal with the share applied); ownership of the client goes to the largest
 * share (ties: the first listed); client_turnover follows ownership and pays on the whole deal.
 */
import { Dec, kopecks, MAX_SAFE, ONE, scaledDec, scaledInteger, sum } from './decimal';
import type { Deal, DealShare } from './model';
import { parseNumber } from './numbers';
import { displayName, nameKey } from './ownership';

export type SplitParse = { ok: true; shares: DealShare[] } | { ok: false; code: 'syntax' } | { ok: false; code: 'sum'; sum: Dec };

const PART = /^(.*?\S)[\s:—–-]*?(-?\d+(?:[.,]\d+)?)\s*%$/;

/**
 * `Иванов 60%; Петров 40%` → [{Иванов, 0.6}, {Петров, 0.4}]. Parts are `;`- or line-separated;
 * a name written twice has its shares added. Shares must be above 0 and add up to exactly 100 %.
 */
export function parseSplit(text: string): SplitParse {
  const parts = String(text ?? '').split(/[;\n]+/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, code: 'syntax' };
  const byKey = new Map<string, DealShare>();
  for (const part of parts) {
    const m = PART.exec(part);
    if (!m) return { ok: false, code: 'syntax' };
    const name = displayName(m[1].replace(/[\s:—–-]+$/, ''));
    const n = parseNumber(`${m[2]}%`, { lang: 'ru' });
    if (name === '' || n.kind !== 'number' || !n.value.greaterThan(0)) return { ok: false, code: 'syntax' };
    const key = nameKey(name);
    const known = byKey.get(key);
    if (known) known.share = known.share.plus(n.value);
    else byKey.set(key, { manager: name, share: n.value });
  }
  const shares = [...byKey.values()];
  const total = sum(shares.map((s) => s.share));
  if (!total.equals(ONE)) return { ok: false, code: 'sum', sum: total };
  return { ok: true, shares };
}

/** The manager credited with the largest share (ties: the first listed): the split deal's owner for §2 ownership. */
export function largestShare(shares: readonly DealShare[]): DealShare {
  let best = shares[0];
  for (const s of shares) if (s.share.greaterThan(best.share)) best = s;
  return best;
}

/**
 * A deal as credited to managers: the deal itself when it has no split, else one copy per share
 * with amount, cost, margin, paid and partner price multiplied by the share. The last listed share
 * takes what is left, so the parts add up to the deal exactly.
 */
export function creditedParts(deal: Deal, scales: SplitScales = new SplitScales()): Deal[] {
  const shares = deal.split;
  if (!shares || shares.length === 0) return [deal];
  return creditedInKopecks(deal, shares, scales) ?? creditedInDecimals(deal, shares);
}

/**
 * One run's shares as integers, per split (core/metrics' indexDeals makes one): a split text
 * repeats, the reader gives its rows one shares array, and scaling it per deal was three calls and
 * an array for each of 20 000 split deals in the §14 bench.
 */
export class SplitScales {
  private readonly known = new Map<readonly DealShare[], { numerators: number[]; places: number } | null>();

  /** The shares as integers over 10^places (the fewest places that hold them all); null when one needs more than SHARE_DECIMALS. */
  of(shares: readonly DealShare[]): { numerators: number[]; places: number } | null {
    let scaled = this.known.get(shares);
    if (scaled === undefined) {
      scaled = scaledShares(shares);
      if (this.known.size < 10_000) this.known.set(shares, scaled);
    }
    return scaled;
  }
}

/** The parts by decimal.js arithmetic: any deal (the fallback of creditedInKopecks, and its reference in the tests). */
export function creditedInDecimals(deal: Deal, shares: readonly DealShare[]): Deal[] {
  const parts: Deal[] = [];
  // What is left of each field for the last share (no closure or keyed object per share: 20 000
  // split deals make 40 000 parts, and each allocation here outlives the run's young generation).
  let amountLeft = deal.amount;
  let costLeft = deal.cost;
  let marginLeft = deal.margin;
  let paidLeft = deal.paid;
  let partnerLeft = deal.partnerPrice;
  const lastIndex = shares.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const s = shares[i];
    let amount = amountLeft, cost = costLeft, margin = marginLeft, paid = paidLeft, partnerPrice = partnerLeft;
    if (i < lastIndex) {
      amount = deal.amount.times(s.share);
      amountLeft = amountLeft.minus(amount);
      if (deal.cost !== null) { cost = deal.cost.times(s.share); costLeft = (costLeft as Dec).minus(cost); }
      if (deal.margin !== null) { margin = deal.margin.times(s.share); marginLeft = (marginLeft as Dec).minus(margin); }
      if (deal.paid !== null) { paid = deal.paid.times(s.share); paidLeft = (paidLeft as Dec).minus(paid); }
      if (deal.partnerPrice !== null) { partnerPrice = deal.partnerPrice.times(s.share); partnerLeft = (partnerLeft as Dec).minus(partnerPrice); }
    }
    parts.push(part(deal, s, amount, cost, margin, paid, partnerPrice));
  }
  return parts;
}

/** The most decimals a share may have for the kopeck path (33,3333 % = 0.333333). */
const SHARE_DECIMALS = 6;
const SHARE_SCALE = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/**
 * The same parts as creditedInDecimals, in whole numbers: each field as kopecks, each share as an
 * integer over 10^places, a part = kopecks × share exactly (a safe integer), the last part the
 * rest. Null — the decimal path then — when a field is not whole kopecks, a share has more than
 * SHARE_DECIMALS decimals, a product may pass 2^53, or a field is 0 (decimal.js keeps a zero's sign).
 * Exact arithmetic on both paths and one Dec per value (scaledDec): the very same Decs.
 */
function creditedInKopecks(deal: Deal, shares: readonly DealShare[], scales: SplitScales): Deal[] | null {
  const scaledAll = scales.of(shares);
  if (scaledAll === null) return null;
  const { numerators: whole, places } = scaledAll;
  const scale = SHARE_SCALE[places];
  const amount = splitKopecks(deal.amount, whole, scale, places);
  const cost = deal.cost === null ? null : splitKopecks(deal.cost, whole, scale, places);
  const margin = deal.margin === null ? null : splitKopecks(deal.margin, whole, scale, places);
  const paid = deal.paid === null ? null : splitKopecks(deal.paid, whole, scale, places);
  const partnerPrice = deal.partnerPrice === null ? null : splitKopecks(deal.partnerPrice, whole, scale, places);
  if (amount === undefined || cost === undefined || margin === undefined || paid === undefined || partnerPrice === undefined) return null;
  return shares.map((s, i) => part(deal, s, amount[i], cost === null ? null : cost[i], margin === null ? null : margin[i], paid === null ? null : paid[i], partnerPrice === null ? null : partnerPrice[i]));
}

/** Each share × 10^places, with the fewest places (≤ SHARE_DECIMALS) that keep every share whole; null otherwise. */
function scaledShares(shares: readonly DealShare[]): { numerators: number[]; places: number } | null {
  const numerators: number[] = [];
  for (let i = 0; i < shares.length; i++) {
    const n = shares[i].share.s > 0 ? scaledInteger(shares[i].share, SHARE_DECIMALS, 'exact') : null;
    if (n === null || n > SHARE_SCALE[SHARE_DECIMALS]) return null;
    numerators.push(n);
  }
  let places = SHARE_DECIMALS;
  while (places > 0 && numerators.every((n) => n % 10 === 0)) {
    for (let i = 0; i < numerators.length; i++) numerators[i] /= 10;
    places--;
  }
  return { numerators, places };
}

/**
 * A value's parts by share, as Decs: kopecks × numerator over 10^(2 + places) for all shares but
 * the last, which takes the rest; undefined when the kopeck path cannot be exact.
 */
function splitKopecks(value: Dec, numerators: readonly number[], scale: number, places: number): Dec[] | undefined {
  const k = kopecks(value, 'exact');
  if (k === null || k === 0) return undefined;
  let left = k * scale;
  if (!(left <= MAX_SAFE && left >= -MAX_SAFE)) return undefined;
  // The common two-way split as one array literal (no push-grown spare room: parts live for the run).
  if (numerators.length === 2) {
    const first = k * numerators[0];
    if (!(first <= MAX_SAFE && first >= -MAX_SAFE)) return undefined;
    return [scaledDec(first, 2 + places), scaledDec(left - first, 2 + places)];
  }
  const out: Dec[] = [];
  const last = numerators.length - 1;
  for (let i = 0; i < last; i++) {
    const product = k * numerators[i];
    if (!(product <= MAX_SAFE && product >= -MAX_SAFE)) return undefined;
    left -= product;
    out.push(scaledDec(product, 2 + places));
  }
  out.push(scaledDec(left, 2 + places));
  return out;
}

/** One credited part: the deal with the share's manager and values. */
function part(deal: Deal, s: DealShare, amount: Dec, cost: Dec | null, margin: Dec | null, paid: Dec | null, partnerPrice: Dec | null): Deal {
  // Every field written out, in one order: a spread per part gave each part a hidden class of its
  // own, and every metric loop over 100 000 deals went megamorphic (3× the compute time).
  const credited: EveryField<Deal> = {
    ref: deal.ref, id: deal.id, date: deal.date, manager: s.manager, client: deal.client,
    amount, cost, margin, status: deal.status,
    paid, paidDate: deal.paidDate, partnerPrice, attractedBy: deal.attractedBy,
    product: deal.product, category: deal.category, dealType: deal.dealType, split: deal.split, share: s.share, whole: deal,
  };
  return credited;
}

/** Every key of T present (a field added to Deal must be copied above), each of its own type. */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };

/** What a deal counts towards `deals` and conversion: its share (a 60 % share counts 0.6), 1 when whole. */
export function countOf(deal: Deal): Dec {
  return deal.share ?? ONE;
}
