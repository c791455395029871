/**
 * Unit economics (SPEC §5 UNIT_MARGIN, UNIT_MARGIN_PCT, UNIT_BREAKEVEN): contribution margin of a
 * product before and after what scales with its price (sales commission, acquiring, tax).
 * Pure and unrounded: the caller rounds money once.
 */
import { Dec, ONE, ZERO } from './decimal';

/** What one unit leaves after its cost and the price-proportional costs: price − cost − price × variableRate. */
export function unitContribution(price: Dec, cost: Dec, variableRate: Dec = ZERO): Dec {
  return price.minus(cost).minus(price.times(variableRate));
}

/** quantity × (price − cost − price × variableRate) − fixedCosts. `unitMargin(1000, 600, 10, 0.05)` = 3500. */
export function unitMargin(price: Dec, cost: Dec, quantity: Dec = ONE, variableRate: Dec = ZERO, fixedCosts: Dec = ZERO): Dec {
  return quantity.times(unitContribution(price, cost, variableRate)).minus(fixedCosts);
}

/** Contribution as a share of the price; null when the price is zero. `unitMarginPct(1000, 600, 0.05)` = 0.35. */
export function unitMarginPct(price: Dec, cost: Dec, variableRate: Dec = ZERO): Dec | null {
  if (price.isZero()) return null;
  return unitContribution(price, cost, variableRate).dividedBy(price);
}

export type Breakeven = { ok: true; units: Dec } | { ok: false; contribution: Dec };

/**
 * Whole units needed to cover the fixed costs, rounded up (0 when there is nothing to cover);
 * not ok when each unit earns nothing or loses money.
 * `unitBreakeven(100000, 1000, 600, 0.05)`: 100000 ÷ 350 = 285.7… → 286.
 */
export function unitBreakeven(fixedCosts: Dec, price: Dec, cost: Dec, variableRate: Dec = ZERO): Breakeven {
  const contribution = unitContribution(price, cost, variableRate);
  if (!contribution.greaterThan(ZERO)) return { ok: false, contribution };
  if (!fixedCosts.greaterThan(ZERO)) return { ok: true, units: ZERO };
  return { ok: true, units: fixedCosts.dividedBy(contribution).toDecimalPlaces(0, Dec.ROUND_CEIL) };
}
