/**
 * The headline attainment of a statement (issue 16): the attainment of the metric that pays the
 * manager, named, so the summary, the statement, the console and the JSON show one figure.
 */
import type { Dec } from './decimal';
import type { PayoutLine, PlanTargets } from './model';

export interface Headline {
  /** fact ÷ plan of `metric`. */
  attainment: Dec;
  /** The canonical metric (`margin`, `revenue`, …): shown beside the figure. */
  metric: string;
}

/** Lines that carry no plan of their own: salary, the K / gate / limit adjustments, §11 and §14 lines. */
const NOT_PAYING = new Set(['salary', 'kpi', 'kpi_gate', 'limit', 'company_limit', 'guarantee', 'adjustment', 'carry', 'manual']);

/**
 * The first line in scheme order that pays against a plan (a rate, tier or bonus on a planned
 * metric): its attainment. A scheme that pays on no planned metric (4 % of paid revenue × K) falls
 * back to the revenue plan, else the first planned metric with a fact — named, so it is never
 * mistaken for the paying metric.
 * @example headline([{ rule: 'percent', metric: 'margin', attainment: dec('1.0903'), … }], {}, f)  // { attainment: 1.0903, metric: 'margin' }
 */
export function headline(lines: readonly PayoutLine[], targets: PlanTargets, factOf: (metric: string) => Dec | null): Headline | null {
  for (const line of lines) {
    if (NOT_PAYING.has(line.rule) || line.metric === null || line.attainment === null || line.attainment === undefined) continue;
    return { attainment: line.attainment, metric: line.metric };
  }
  const metrics = Object.keys(targets);
  const order = metrics.includes('revenue') ? ['revenue', ...metrics.filter((m) => m !== 'revenue')] : metrics;
  for (const metric of order) {
    const plan = targets[metric];
    if (!plan.greaterThan(0)) continue;
    const fact = factOf(metric);
    if (fact !== null) return { attainment: fact.dividedBy(plan), metric };
    if (metric === 'revenue') return null;
  }
  return null;
}
