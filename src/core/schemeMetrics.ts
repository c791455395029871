/**
 * Scheme metrics the workbook does not have (SPEC §10.2 "Metric names"): a metric a scheme names
 * that is not a built-in (§3, §14), not a Plans column and not in the KPI sheet for any period is a
 * typo. It is an issue on that Schemes cell with the nearest known name, and the scheme is invalid
 * (its managers are withheld) — never a rule that silently pays 0.
 */
import type { Issue } from './issues';
import type { Lang } from './money';
import { canonicalMetric, DEAL_METRICS, isNamedMetric, metricSpellings, metricWords } from './metricNames';
import type { PayoutInput, SchemeRow } from './model';
import { isBlank } from './numbers';
import { parseRuleKind, parseSchemes, schemeKey, schemeRowIssue, type Scheme } from './schemes';

/** Metrics the engine computes itself: §3 and §14. */
export const BUILT_IN_METRICS: readonly string[] = [...DEAL_METRICS, 'regular_clients', 'new_to_regular'];

/** Rules whose metric cell names what they read (client_turnover checks its own: revenue or margin). */
const METRIC_RULES: readonly string[] = ['percent', 'tiers', 'plan_bonus', 'kpi', 'limit', 'team_override'];

/** Every metric the workbook has: the built-ins, the Plans columns, the KPI sheet's metrics of any period. */
export function knownMetrics(input: Pick<PayoutInput, 'plans' | 'kpiFacts'>): Set<string> {
  const known = new Set<string>(BUILT_IN_METRICS);
  for (const plan of input.plans) for (const metric of Object.keys(plan.targets)) known.add(metric);
  for (const fact of input.kpiFacts) known.add(fact.metric);
  return known;
}

/** Edit distance between two texts (code points). */
function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The known spelling nearest to `text` (`выручкаа` → `выручка`); null when none is close (a third of the length). */
export function nearestMetric(text: string, known: Iterable<string>): string | null {
  const words = metricWords(text);
  let best: { spelling: string; d: number } | null = null;
  for (const metric of known) {
    for (const spelling of metricSpellings(metric)) {
      const d = distance(words, metricWords(spelling));
      if (!best || d < best.d) best = { spelling, d };
    }
  }
  const limit = Math.max(1, Math.floor(Array.from(words).length / 3));
  return best && best.d <= limit ? best.spelling : null;
}

/** Issues for scheme rows naming an unknown metric, and the keys of the schemes they make invalid. */
export function unknownMetricIssues(rows: readonly SchemeRow[], known: ReadonlySet<string>, lang: Lang): { issues: Issue[]; invalid: Set<string> } {
  const issues: Issue[] = [];
  const invalid = new Set<string>();
  for (const row of rows) {
    if (String(row.scheme ?? '').trim() === '' || isBlank(row.metric)) continue;
    const kind = parseRuleKind(row.rule) ?? String(row.rule ?? '').trim().toLowerCase();
    if (!METRIC_RULES.includes(kind)) continue;
    const metric = canonicalMetric(row.metric);
    if (metric === null || known.has(metric)) continue;
    // A name the engine knows (`контакты`) is no typo, only absent: no guess then.
    const guess = isNamedMetric(metric) ? null : nearestMetric(String(row.metric), known);
    issues.push(schemeRowIssue(row, lang, 'metric', guess ? 'rtUnknownMetricGuess' : 'rtUnknownMetric', guess ? { guess } : {}));
    invalid.add(schemeKey(row.scheme));
  }
  return { issues, invalid };
}

/**
 * The workbook's schemes (`parseSchemes`), with schemes naming a metric the workbook does not have
 * moved to `invalid`. What every run over a workbook uses (payouts, earnings, simulation).
 */
export function parseWorkbookSchemes(input: Pick<PayoutInput, 'schemeRows' | 'plans' | 'kpiFacts'>, lang: Lang): { schemes: Map<string, Scheme>; invalid: Set<string>; issues: Issue[] } {
  const parsed = parseSchemes(input.schemeRows, lang);
  const unknown = unknownMetricIssues(input.schemeRows, knownMetrics(input), lang);
  for (const key of unknown.invalid) {
    parsed.schemes.delete(key);
    parsed.invalid.add(key);
  }
  const issues = [...parsed.issues, ...unknown.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { schemes: parsed.schemes, invalid: parsed.invalid, issues };
}
