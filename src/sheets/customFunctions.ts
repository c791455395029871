/**
 * The custom functions of SPEC §5. Each is a table of its arguments plus one call into the pure
 * core; ranges, blanks, parsing, rounding and messages live once, in functionAdapter.ts.
 * The JSDoc below is what Sheets' autocomplete and help show (the build copies it to the
 * top-level stubs of build/Code.js).
 */
import { Dec, ONE, ZERO } from '../core/decimal';
import { isBlank } from '../core/numbers';
import { commission, kpiIndex, nextTier, position, tierReached, tiersAtPlan } from '../core/tiers';
import { commissionFast } from './commissionFast';
import { marginFast } from './marginFast';
import { unitBreakeven, unitMargin, unitMarginPct } from '../core/unitEconomics';
import {
  amountArg, cellsOf, checkAttainmentThresholds, elementwise, fail, failAt, lastResult, modeArg, money, numberArg, numberAt, optionalAmountArg,
  optionalNumberArg, optionalRateArg, planArg, rateOrTiersArg, tiersArg, type Arg, type Out,
} from './functionAdapter';

const DEFAULT_KPI_CAP = new Dec('1.2');
/** Weights read from percent cells can carry binary noise (0.30000000000000004): sums within this of 1 are 1. */
const WEIGHT_TOLERANCE = new Dec('1e-9');

// Amounts are below 10¹², rates are never a bare number above 1 (SPEC §10.1, §10.2): both are errors naming the cell.
const COMMISSION_ARGS = { base: amountArg(), rate_or_tiers: rateOrTiersArg(), plan: planArg(), mode: modeArg() };
const TIER_ARGS = { value: numberArg(), tiers: tiersArg(), plan: planArg() };
const MARGIN_ARGS = {
  price: amountArg(), cost: amountArg(), quantity: optionalNumberArg(ONE), variable_rate: optionalRateArg(ZERO), fixed_costs: optionalAmountArg(ZERO),
};
const MARGIN_PCT_ARGS = { price: amountArg(), cost: amountArg(), variable_rate: optionalRateArg(ZERO) };
const NEXT_TIER_ARGS = { base: amountArg(), tiers: rateOrTiersArg(), plan: planArg(), mode: modeArg() };
const BREAKEVEN_ARGS = { fixed_costs: amountArg(), price: amountArg(), cost: amountArg(), variable_rate: optionalRateArg(ZERO) };

/**
 * Commission on a base: a flat rate, or a tier table applied to the whole base or slice by slice.
 * Без плана пороги — суммы базы; с планом — выполнение плана (1 = 100 %).
 * Example: =KPI_COMMISSION(1000000, 5%) → 50000;
 * =KPI_COMMISSION(1100000, "0:3%; 100%:5%; 120%:7%", 1000000) → 55000;
 * =KPI_COMMISSION(1100000, "0:3%; 100%:5%; 120%:7%", 1000000, "marginal") → 35000.
 * A column in, a column out: =KPI_COMMISSION(B2:B100, "0:3%; 100%:5%", C2:C100).
 * A rate range shaped like the base range is one rate per cell (=KPI_COMMISSION(B2:C2, D2:E2)), even two wide.
 * A rate is written 5% or 0.05: a bare 5 reads two ways (5 % or 500 %?) and is an error; 150 % is the text "150%".
 * With a plan, thresholds are attainment: 100% or 1, never a bare 100. Bases of 10^12 or more are an error.
 *
 * @param {number|Array<Array<number>>} base The amount the commission is on (revenue, margin…): a cell or a column.
 * @param {number|string|Array<Array<number>>} rate_or_tiers A rate (5% or 0.05, not 5), a tier string "threshold:rate; …" ("0:3%; 100%:5%") or a two-column range of threshold, rate rows.
 * @param {number|Array<Array<number>>} [plan] The plan: when given, thresholds are attainment (base ÷ plan; 100% = 1).
 * @param {string} [mode] "whole" (default, all of the base at the tier reached) or "marginal" (each slice at its tier's rate); also "весь объём" / "ступенчато".
 * @return {number|Array<Array<number>>} The commission, rounded to 0.01.
 * @customfunction
 */
export function KPI_COMMISSION(base: Arg, rate_or_tiers: Arg, plan?: Arg, mode?: Arg): Out {
  const atPlan = lastResult(tiersAtPlan); // the same result as passing the plan, without scaling the table per row
  return elementwise('KPI_COMMISSION', COMMISSION_ARGS, [base, rate_or_tiers, plan, mode], (a) => {
    checkAttainmentThresholds(a.rate_or_tiers, a.plan, 'KPI_COMMISSION', 'rate_or_tiers');
    return money(commission(a.base, atPlan(a.rate_or_tiers, a.plan), a.mode));
  }, 1, commissionFast);
}

/**
 * The rate or amount of the tier a value reaches (0 below the first threshold).
 * Ставка или сумма достигнутой ступени шкалы.
 * Example: =KPI_TIER(1100000, "0:3%; 100%:5%; 120%:7%", 1000000) → 0.05 (5%);
 * =KPI_TIER(12, "10:5000; 15:10000") → 5000.
 *
 * @param {number|Array<Array<number>>} value The value placed on the tiers (base, deal count…): a cell or a column.
 * @param {number|string|Array<Array<number>>} tiers A tier string "threshold:value; …" or a two-column range of threshold, value rows (a single rate is returned as is).
 * @param {number|Array<Array<number>>} [plan] The plan: when given, thresholds are attainment (value ÷ plan; 100% = 1).
 * @return {number|Array<Array<number>>} The rate or amount of the tier reached.
 * @customfunction
 */
export function KPI_TIER(value: Arg, tiers: Arg, plan?: Arg): Out {
  return elementwise('KPI_TIER', TIER_ARGS, [value, tiers, plan], (a) => {
    checkAttainmentThresholds(a.tiers, a.plan, 'KPI_TIER', 'tiers');
    return a.tiers.kind === 'flat' ? a.tiers.rate.toNumber() : (tierReached(position(a.value, a.plan), a.tiers.tiers)?.value ?? ZERO).toNumber();
  });
}

/**
 * How much more base reaches the next tier, and how much more commission it would then pay: a 1×2 row
 * (a column in gives two columns out); blank at the top tier.
 * Сколько ещё нужно до следующей ступени и сколько она добавит к комиссии.
 * Example: =KPI_NEXT_TIER(1100000, "0:3%; 100%:5%; 120%:7%", 1000000) → 100000 | 29000
 * (at 1 200 000 × 7% = 84 000 instead of 1 100 000 × 5% = 55 000).
 *
 * @param {number|Array<Array<number>>} base The amount so far: a cell or a column.
 * @param {string|Array<Array<number>>} tiers A tier string "threshold:rate; …" or a two-column range of threshold, rate rows.
 * @param {number|Array<Array<number>>} [plan] The plan: when given, thresholds are attainment (base ÷ plan; 100% = 1).
 * @param {string} [mode] "whole" (default) or "marginal"; also "весь объём" / "ступенчато".
 * @return {Array<Array<number>>} [more base needed, more commission], rounded to 0.01; blanks at the top tier.
 * @customfunction
 */
export function KPI_NEXT_TIER(base: Arg, tiers: Arg, plan?: Arg, mode?: Arg): Out {
  const atPlan = lastResult(tiersAtPlan);
  return elementwise('KPI_NEXT_TIER', NEXT_TIER_ARGS, [base, tiers, plan, mode], (a) => {
    checkAttainmentThresholds(a.tiers, a.plan, 'KPI_NEXT_TIER', 'tiers');
    const step = nextTier(a.base, atPlan(a.tiers, a.plan), a.mode);
    return step ? [money(step.needed), money(step.extra)] : ['', ''];
  }, 2);
}

/**
 * The KPI coefficient K = Σ weight × min(max(fact ÷ target, 0), cap); weights must add up to 1 (100%).
 * A row with some of fact, target, weight blank gives a blank result (not yet known); a zero target adds 0.
 * Коэффициент KPI: сумма весов × выполнение каждого показателя (не выше потолка).
 * Example: =KPI_INDEX({90;120}, {100;100}, {60%;40%}) → 0.6 × 0.9 + 0.4 × 1.2 = 1.02.
 *
 * @param {Array<Array<number>>} facts The facts, one cell per KPI.
 * @param {Array<Array<number>>} targets The targets, in the same order.
 * @param {Array<Array<number>>} weights The weights, in the same order; they add up to 1 (100%).
 * @param {number|Array<Array<number>>} [cap] The most any KPI can count for (default 1.2 = 120%), or one per KPI.
 * @return {number} K, unrounded (show it to 4 places).
 * @customfunction
 */
export function KPI_INDEX(facts: Arg, targets: Arg, weights: Arg, cap?: Arg): Out {
  const fn = 'KPI_INDEX';
  if (facts === undefined) fail('fnMissingArgument', { fn, arg: 'facts' });
  if (targets === undefined) fail('fnMissingArgument', { fn, arg: 'targets' });
  if (weights === undefined) fail('fnMissingArgument', { fn, arg: 'weights' });
  const f = cellsOf(fn, 'facts', facts);
  const t = cellsOf(fn, 'targets', targets);
  const w = cellsOf(fn, 'weights', weights);
  const capCells = cap === undefined || (!Array.isArray(cap) && isBlank(cap)) ? [] : cellsOf(fn, 'cap', cap);
  for (const [name, cells] of [['targets', t], ['weights', w]] as const) {
    if (cells.length !== f.length) fail('fnCountMismatch', { fn, arg: 'facts', count: f.length, other: name, otherCount: cells.length });
  }
  if (capCells.length > 1 && capCells.length !== f.length) fail('fnCountMismatch', { fn, arg: 'facts', count: f.length, other: 'cap', otherCount: capCells.length });
  const rows: { fact: Dec | null; target: Dec | null; weight: Dec; cap: Dec }[] = [];
  let partlyBlank = false;
  f.forEach((factCell, i) => {
    const blanks = [factCell.value, t[i].value, w[i].value].filter((v) => isBlank(v)).length;
    if (blanks === 3) return;
    if (blanks > 0) partlyBlank = true; // still read the row's other cells: a bad one is an error
    const capCell = capCells.length === 1 ? capCells[0] : capCells[i];
    rows.push({
      fact: numberAt(factCell.value, factCell.where),
      target: numberAt(t[i].value, t[i].where),
      weight: numberAt(w[i].value, w[i].where) ?? ZERO,
      cap: (capCell && numberAt(capCell.value, capCell.where)) ?? DEFAULT_KPI_CAP,
    });
  });
  if (rows.length === 0) fail('fnNoKpi', { fn });
  // SPEC §5: a blank input cell gives a blank output; a KPI with only part of its row is not yet K.
  if (partlyBlank) return '';
  const weightSum = rows.reduce((s, r) => s.plus(r.weight), ZERO);
  if (weightSum.minus(1).abs().greaterThan(WEIGHT_TOLERANCE)) fail('fnWeightsSum', { fn, sum: weightSum });
  return kpiIndex(rows).toNumber();
}

/**
 * Contribution margin: quantity × (price − cost − price × variable_rate) − fixed_costs.
 * Маржинальная прибыль: количество × (цена − себестоимость − цена × переменная ставка) − постоянные затраты.
 * Example: =UNIT_MARGIN(1000, 600, 10, 5%) → 10 × (1000 − 600 − 50) = 3500.
 *
 * @param {number|Array<Array<number>>} price The price of one unit.
 * @param {number|Array<Array<number>>} cost The cost of one unit.
 * @param {number|Array<Array<number>>} [quantity] How many units (default 1).
 * @param {number|Array<Array<number>>} [variable_rate] What scales with the price: sales commission, acquiring, tax (5% or 0.05; default 0).
 * @param {number|Array<Array<number>>} [fixed_costs] Fixed costs to take off (default 0).
 * @return {number|Array<Array<number>>} The margin, rounded to 0.01.
 * @customfunction
 */
export function UNIT_MARGIN(price: Arg, cost: Arg, quantity?: Arg, variable_rate?: Arg, fixed_costs?: Arg): Out {
  return elementwise('UNIT_MARGIN', MARGIN_ARGS, [price, cost, quantity, variable_rate, fixed_costs], (a) =>
    money(unitMargin(a.price, a.cost, a.quantity, a.variable_rate, a.fixed_costs)), 1, marginFast);
}

/**
 * Contribution margin as a share of the price: (price − cost − price × variable_rate) ÷ price.
 * Маржинальность: доля маржинальной прибыли в цене.
 * Example: =UNIT_MARGIN_PCT(1000, 600, 5%) → 0.35 (35%).
 *
 * @param {number|Array<Array<number>>} price The price of one unit (not zero).
 * @param {number|Array<Array<number>>} cost The cost of one unit.
 * @param {number|Array<Array<number>>} [variable_rate] What scales with the price: sales commission, acquiring, tax (default 0).
 * @return {number|Array<Array<number>>} The margin share (format the cell as a percent).
 * @customfunction
 */
export function UNIT_MARGIN_PCT(price: Arg, cost: Arg, variable_rate?: Arg): Out {
  return elementwise('UNIT_MARGIN_PCT', MARGIN_PCT_ARGS, [price, cost, variable_rate], (a, where) => {
    const share = unitMarginPct(a.price, a.cost, a.variable_rate);
    if (share === null) failAt('fnPriceZero', where, { arg: 'price' });
    return share.toNumber();
  });
}

/**
 * Units to sell to cover the fixed costs, rounded up: fixed_costs ÷ (price − cost − price × variable_rate).
 * An error when each unit earns nothing or loses money.
 * Точка безубыточности в штуках (с округлением вверх).
 * Example: =UNIT_BREAKEVEN(100000, 1000, 600, 5%) → 100000 ÷ 350 = 285.7… → 286.
 *
 * @param {number|Array<Array<number>>} fixed_costs The fixed costs to cover.
 * @param {number|Array<Array<number>>} price The price of one unit.
 * @param {number|Array<Array<number>>} cost The cost of one unit.
 * @param {number|Array<Array<number>>} [variable_rate] What scales with the price: sales commission, acquiring, tax (default 0).
 * @return {number|Array<Array<number>>} Whole units.
 * @customfunction
 */
export function UNIT_BREAKEVEN(fixed_costs: Arg, price: Arg, cost: Arg, variable_rate?: Arg): Out {
  return elementwise('UNIT_BREAKEVEN', BREAKEVEN_ARGS, [fixed_costs, price, cost, variable_rate], (a, where) => {
    const result = unitBreakeven(a.fixed_costs, a.price, a.cost, a.variable_rate);
    if (!result.ok) failAt('fnUnitLoses', where, { margin: result.contribution });
    return result.units.toNumber();
  });
}
