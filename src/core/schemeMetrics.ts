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

/** Edit distance between two texts (code points; a swap of two neighbours is one edit). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

/** The candidate nearest to `text` within a third of its length (at least one edit); null when none is. */
export function nearest(text: string, candidates: Iterable<string>, norm: (s: string) => string = (s) => s): string | null {
  const words = norm(text);
  let best: { candidate: string; d: number } | null = null;
  for (const candidate of candidates) {
    const d = editDistance(words, norm(candidate));
    if (!best || d < best.d) best = { candidate, d };
  }
  const limit = Math.max(1, Math.floor(Array.from(words).length / 3));
  return best && best.d <= limit && best.d > 0 ? best.candidate : null;
}

/** The known spelling nearest to `text` (`выручкаа` → `выручка`); null when none is close (a third of the length). */
export function nearestMetric(text: string, known: Iterable<string>): string | null {
  return nearest(text, [...known].flatMap(metricSpellings), metricWords);
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
export function parseWorkbookSchemes(input: Pick<PayoutInput, 'schemeRows' | 'plans' | 'kpiFacts'> & Partial<Pick<PayoutInput, 'columns'>>, lang: Lang): { schemes: Map<string, Scheme>; invalid: Set<string>; issues: Issue[] } {
  const parsed = parseSchemes(input.schemeRows, lang, input.columns);
  const unknown = unknownMetricIssues(input.schemeRows, knownMetrics(input), lang);
  for (const key of unknown.invalid) {
    parsed.schemes.delete(key);
    parsed.invalid.add(key);
  }
  const issues = [...parsed.issues, ...unknown.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { schemes: parsed.schemes, invalid: parsed.invalid, issues };
}
