/**
 * Evidence that the plan is achievable (SPEC §13, seed 000): the scheme run by Simulate over the
 * last twelve months of data for the managers on it — how often each component paid and at which
 * step, how often the plan was met, and the median and range of pay.
 */
import { Dec } from '../decimal';
import type { PayoutInput, PayoutOptions } from '../model';
import { periodStart, previousPeriod, type Period } from '../periods';
import { limitShareOf, simulateSchemes, type SimulationResult } from '../simulate';

/**
 * The evidence window: 12 months (4 quarters for a quarterly period) ending with the period, or
 * with the last period that has deals when the period is later than the data; never before the
 * first period with deals. Empty when there are no deals.
 */
export function evidenceWindow(input: PayoutInput, period: Period): Period[] {
  let first: string | null = null;
  let last: string | null = null;
  for (const d of input.deals) {
    if (first === null || d.date < first) first = d.date;
    if (last === null || d.date > last) last = d.date;
  }
  if (first === null || last === null) return [];
  const periodOfDay = (day: string): Period => {
    const year = Number(day.slice(0, 4));
    const month = Number(day.slice(5, 7));
    return period.kind === 'month' ? { kind: 'month', year, month } : { kind: 'quarter', year, quarter: Math.floor((month - 1) / 3) + 1 };
  };
  let end = period;
  const lastPeriod = periodOfDay(last);
  if (periodStart(lastPeriod) < periodStart(end)) end = lastPeriod;
  const firstStart = periodStart(periodOfDay(first));
  const out: Period[] = [end];
  const length = period.kind === 'month' ? 12 : 4;
  let p = end;
  while (out.length < length) {
    p = previousPeriod(p);
    if (periodStart(p) < firstStart) break;
    out.unshift(p);
  }
  return out;
}

export interface Evidence {
  window: Period[];
  result: SimulationResult | null;
  /** Manager-periods the scheme paid. */
  count: number;
  /** Of those, how many met the headline plan (attainment ≥ 100 %), and how many had one. */
  attained: number;
  withPlan: number;
  total: { median: Dec; min: Dec; max: Dec } | null;
  variable: { median: Dec; min: Dec; max: Dec } | null;
}

function spread(values: Dec[]): { median: Dec; min: Dec; max: Dec } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1].plus(sorted[mid]).dividedBy(2);
  return { median: median.toDecimalPlaces(2, Dec.ROUND_HALF_UP), min: sorted[0], max: sorted[sorted.length - 1] };
}

export function gatherEvidence(input: PayoutInput, scheme: string, managers: string[], period: Period, options: Pick<PayoutOptions, 'lang' | 'currency'>): Evidence {
  const window = evidenceWindow(input, period);
  if (window.length === 0 || managers.length === 0) return { window, result: null, count: 0, attained: 0, withPlan: 0, total: null, variable: null };
  const result = simulateSchemes(input, { schemes: [scheme], periods: window, managers }, options, (s) => limitShareOf(input, s, options.lang));
  const cells = result.periods.flatMap((p) => p.cells);
  const withPlan = cells.filter((c) => c.attainment !== null);
  return {
    window, result, count: cells.length,
    attained: withPlan.filter((c) => (c.attainment as Dec).greaterThanOrEqualTo(1)).length,
    withPlan: withPlan.length,
    total: spread(cells.map((c) => c.total)),
    variable: spread(cells.map((c) => c.variable)),
  };
}

