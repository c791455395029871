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

export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
