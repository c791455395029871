import DecimalBase from 'decimal.js';

/**
 * Our own Decimal constructor: a clone, so nothing we do touches the global `Decimal.set`.
 * ROUND_HALF_UP in decimal.js rounds a tie away from zero (−0.005 → −0.01), which is the
 * money rounding SPEC §2 asks for.
 */
export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** A Decimal from a JS number without binary noise: 0.1 + 0.2 stays what the cell showed. */
export function dec(value: number | string | Dec): Dec {
  if (typeof value === 'number') return new Dec(String(value));
  return new Dec(value);
}

/**
 * a.comparedTo(b) (−1, 0, 1; NaN with a NaN), without the copy of `b` decimal.js makes first: the
 * tier loops compare every row of a 10 000-row column against the table. Same steps as
 * decimal.js 10's `comparedTo` (a copy only differs for exponents beyond ±9e15).
 */
export function compare(a: Dec, b: Dec): number {
  const ad = a.d;
  const bd = b.d;
  const as = a.s;
  const bs = b.s;
  if (!ad || !bd) return !as || !bs ? NaN : as !== bs ? as : ad === bd ? 0 : (!ad !== as < 0) ? 1 : -1;
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -bs : 0;
  if (as !== bs) return as;
  if (a.e !== b.e) return (a.e > b.e) !== as < 0 ? 1 : -1;
  const n = ad.length < bd.length ? ad.length : bd.length;
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return (ad[i] > bd[i]) !== as < 0 ? 1 : -1;
  return ad.length === bd.length ? 0 : (ad.length > bd.length) !== as < 0 ? 1 : -1;
}

/**
 * Σ values, exactly as `ZERO.plus(v₁).plus(v₂)…` gives it.
 *
 * Why the fast path: a run adds up 100 000 deal amounts, and every `plus` copies both operands.
 * While every value is a whole number of kopecks and the running total stays a safe integer,
 * integer addition of kopecks is exact, and so is the `plus` chain (a few digits, nowhere near
 * the 40-digit precision): both give the same number, and a Decimal's digits are canonical, so
 * the result is the same Dec. The first value that is not whole kopecks (or a total past 2^53)
 * hands the exact total so far to the plain `plus` chain.
 */
export function sum(values: readonly Dec[]): Dec {
  return sumBy(values, same);
}

const same = (v: Dec): Dec => v;

/**
 * Σ pick(item), as `sum(items.map(pick))` gives it, without the mapped array: a fact over 100 000
 * deals made one more 100 000-entry array per metric for the collector.
 */
export function sumBy<T>(items: readonly T[], pick: (item: T) => Dec): Dec {
  let total = 0;
  let i = 0;
  for (; i < items.length; i++) {
    const k = kopecks(pick(items[i]), 'exact');
    if (k === null) break;
    const next = total + k;
    // Both are safe integers, so the float sum is exact unless it leaves the safe range.
    if (!(next <= MAX_SAFE && next >= -MAX_SAFE)) break;
    total = next;
  }
  if (i === 0) {
    let slow = ZERO;
    for (const item of items) slow = slow.plus(pick(item));
    return slow;
  }
  let rest = kopecksToDec(total);
  for (; i < items.length; i++) rest = rest.plus(pick(items[i]));
  return rest;
}

/**
 * 2^53 − 1 as a module constant: the custom functions run in a context where every global lookup
 * (`Number.…`) is slow, and these helpers run per row.
 */
export const MAX_SAFE = 9007199254740991;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** decimal.js keeps the digits in base 10⁷ words: `d` (most significant first), `e` the exponent of the first digit, `s` the sign. */
const WORD_DIGITS = 7;

/**
 * v × 100 as a safe integer, or null when it is not one (NaN, ±Infinity, |v| ≥ ~9·10¹³):
 * `exact` — null also when v has digits below a kopeck; `halfUp` — rounded to the kopeck, a tie
 * away from zero (what `roundMoney` does). A rounded −0.004 gives −0, as roundMoney's does.
 */
export function kopecks(v: Dec, rounding: 'exact' | 'halfUp'): number | null {
  return scaledInteger(v, 2, rounding);
}

/** v × 10^places (0 ≤ places ≤ 15) as a safe integer, as `kopecks` does for places = 2. */
export function scaledInteger(v: Dec, places: number, rounding: 'exact' | 'halfUp'): number | null {
  const words = v.d;
  if (!words) return null;
  const first = words[0];
  const firstDigits = first < 10 ? 1 : first < 100 ? 2 : first < 1e3 ? 3 : first < 1e4 ? 4 : first < 1e5 ? 5 : first < 1e6 ? 6 : 7;
  // The power of ten, in kopecks, of the last digit of word i.
  let scale = v.e - firstDigits + 1 + places;
  let total = 0;
  for (let i = 0; i < words.length; i++, scale -= WORD_DIGITS) {
    const word = words[i];
    if (scale >= 0) {
      if (word === 0) continue;
      if (scale >= POW10.length) return null;
      const part = word * POW10[scale]; // exact while it is a safe integer: checked
      total += part;
      if (!(part <= MAX_SAFE && total <= MAX_SAFE)) return null;
      continue;
    }
    // The first word with digits below a kopeck. Only a first word can lie wholly further down: |v| < 0.001, 0 when rounded.
    if (scale < -WORD_DIGITS) return rounding === 'halfUp' ? (v.s < 0 ? -0 : 0) : null;
    const divisor = POW10[-scale];
    const below = word % divisor;
    total += (word - below) / divisor;
    if (rounding === 'exact') {
      // Trailing zero words are dropped, so a later word has non-zero digits below a kopeck.
      if (below !== 0 || i + 1 < words.length) return null;
    } else if (below * 2 >= divisor) {
      // Half a kopeck or more (what follows adds less than one unit of `below`): away from zero.
      total += 1;
    }
    if (total > MAX_SAFE) return null;
    break;
  }
  return v.s < 0 ? -total : total;
}

/** The Dec of a safe integer number of kopecks (a 0 total is ZERO, never −0). */
function kopecksToDec(k: number): Dec {
  return k === 0 ? ZERO : scaledDec(k, 2);
}

/**
 * The Dec of n × 10^−places for a safe integer n (places ≥ 0), built from its digits without
 * decimal.js arithmetic: the same Dec `new Dec(String(n)).dividedBy(10 ** places)` gives (same
 * sign, exponent and base-10⁷ words; test/core/decimal.test.ts compares them). A split deal's
 * parts (core/splits) are made this way: `times` and `minus` copy both operands per call, and
 * 20 000 split deals made 12 of those objects each for the collector.
 */
export function scaledDec(n: number, places: number): Dec {
  const x = new Dec(0);
  if (n === 0) return x; // +0, as a product or difference of exact values gives it under ROUND_HALF_UP
  let v = n < 0 ? -n : n;
  // Words cover exponents [7j, 7j + 6]; v's last digit (exponent −places) sits at offset r in word j.
  // Quotients by floor(v / 10^m): exact for a safe v (the quotient's rounding error is below 1 / 10^m),
  // and much cheaper than `%` on doubles.
  const j = Math.floor(-places / WORD_DIGITS);
  const r = -places - j * WORD_DIGITS;
  const firstCut = POW10[WORD_DIGITS - r];
  let q = Math.floor(v / firstCut);
  // `| 0`: each word is below 10⁷, a small integer; decimal.js's own word arrays hold small
  // integers, and an array of doubles here would send its loops down a second, slower path.
  const last = ((v - q * firstCut) * POW10[r]) | 0;
  v = q;
  // At most three more words below 2^53; array literals of the exact length (a push-grown array
  // keeps spare room, and a part's values live as long as the run).
  let words: number[];
  if (v === 0) words = [last];
  else {
    q = Math.floor(v / 1e7);
    const w1 = (v - q * 1e7) | 0;
    v = q;
    if (v === 0) words = [w1, last];
    else {
      q = Math.floor(v / 1e7);
      const w2 = (v - q * 1e7) | 0;
      v = q;
      words = v === 0 ? [w2, w1, last] : [v | 0, w2, w1, last];
    }
  }
  const wordsAbove = words.length - 1; // words above word j
  // decimal.js keeps no trailing zero words (the top word is not 0: v > 0).
  while (words[words.length - 1] === 0) words.pop();
  const top = words[0];
  const topDigits = top < 10 ? 1 : top < 100 ? 2 : top < 1e3 ? 3 : top < 1e4 ? 4 : top < 1e5 ? 5 : top < 1e6 ? 6 : 7;
  const digits = x as unknown as { s: number; e: number; d: number[] };
  digits.s = n < 0 ? -1 : 1;
  digits.e = (j + wordsAbove) * WORD_DIGITS + topDigits - 1;
  digits.d = words;
  return x;
}
