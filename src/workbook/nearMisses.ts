/**
 * One-letter typos that would otherwise change a payout without a word (issue 9's property test
 * found each of these): a header that misses its synonym by a letter, a Plans metric column or a
 * KPI metric that misses the scheme's metric, a KPI row for a name nobody else has, and a Plans
 * name with no deals beside a Deals name with no plan. Each is an issue on that cell, with the name
 * it was probably meant to be. They withhold nothing: the payout still follows what is written.
 */
import type { Issue } from '../core/issues';
import { msg, type MessageKey } from '../core/messages/index';
import { canonicalMetric, isNamedMetric, metricSpellings, metricWords } from '../core/metricNames';
import type { PayoutInput } from '../core/model';
import type { Lang } from '../core/money';
import { isBlank } from '../core/numbers';
import { displayName, nameKey } from '../core/ownership';
import { periodEnd, periodKey, periodStart, type Period } from '../core/periods';
import { BUILT_IN_METRICS, nearest } from '../core/schemeMetrics';
import { findHeaderRow, normalizeHeader, ROLE_FIELDS } from './headers';
import type { RawWorkbook, SheetRole } from './raw';

function issue(code: MessageKey, lang: Lang, at: { sheet: string; row: number; column: string | null; value: string }, params: Record<string, string>): Issue {
  return { code, sheet: at.sheet, row: at.row, column: at.column, value: at.value, message: msg(lang, code, { value: at.value, ...params }) };
}

/** Metrics the schemes name (canonical). */
function schemeMetrics(input: PayoutInput): Set<string> {
  const out = new Set<string>();
  for (const row of input.schemeRows) {
    const m = canonicalMetric(row.metric);
    if (m) out.add(m);
  }
  return out;
}

/** Headers of the input sheets that miss an unmapped field's synonym, or (Plans) a metric's name, by a letter or two. */
function headerTypos(raw: RawWorkbook, input: PayoutInput, lang: Lang, used: Set<string>): Issue[] {
  const issues: Issue[] = [];
  const roles: [SheetRole, string | null][] = [['deals', input.sheetNames.deals], ['plans', input.sheetNames.plans], ['kpi', input.sheetNames.kpi], ['schemes', input.sheetNames.schemes]];
  for (const [role, name] of roles) {
    const sheet = name === null ? undefined : raw.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const headerRow = findHeaderRow(sheet.values, role);
    const headers = (sheet.values[headerRow] ?? []).map((h) => (isBlank(h) ? '' : String(h).trim()));
    const norms = headers.map(normalizeHeader);
    const specs = ROLE_FIELDS[role];
    const mapped = new Set<string>();
    for (const spec of specs) if (norms.some((h) => spec.synonyms.includes(h) || (spec.loose && spec.synonyms.some((s) => h.startsWith(s + ' '))))) mapped.add(spec.field);
    const missing = specs.filter((s) => !mapped.has(s.field)).flatMap((s) => s.synonyms);
    headers.forEach((header, c) => {
      const h = norms[c];
      if (h === '' || specs.some((s) => s.synonyms.includes(h))) return;
      const at = { sheet: sheet.name, row: headerRow + 1, column: header, value: header };
      const guess = nearest(h, missing);
      if (guess) {
        issues.push(issue('rtHeaderTypo', lang, at, { guess }));
        return;
      }
      if (role !== 'plans') return;
      const metric = canonicalMetric(header);
      if (metric === null || isNamedMetric(metric) || used.has(metric)) return;
      const meant = nearest(header, [...BUILT_IN_METRICS, ...used].flatMap(metricSpellings), metricWords);
      if (meant) issues.push(issue('rtMetricTypo', lang, at, { guess: meant }));
    });
  }
  return issues;
}

/**
 * Deals rows in P of a manager with no Plans row in P who looks like a planned one (`Ивано` beside
 * `Иванов`): an issue on each such row — only on rows the engine's name check (SPEC §10.2
 * "Managers nobody planned", `not_in_plans`) left without one: one issue per cause. What is left
 * for this check: rows the name check skips (`--managers Иванов` leaves «Ивано»'s rows out of it).
 */
function unplannedDealRows(input: PayoutInput, dealers: Map<string, string>, plannedKeys: Set<string>, start: string, end: string, pk: string, lang: Lang, already: readonly Issue[], keyOf: (name: string) => string): Issue[] {
  const issues: Issue[] = [];
  const named = new Set(already.filter((i) => i.code === 'not_in_plans').map((i) => `${i.sheet}\u0000${i.row}`));
  const guesses = new Map<string, string | null>();
  for (const d of input.deals) {
    if (d.date < start || d.date >= end) continue;
    const key = keyOf(d.manager);
    if (plannedKeys.has(key) || named.has(`${d.ref.sheet}\u0000${d.ref.row}`)) continue;
    if (!guesses.has(key)) guesses.set(key, nearest(key, [...plannedKeys]));
    const guess = guesses.get(key);
    if (!guess) continue;
    const planned = input.plans.find((p) => nameKey(p.manager) === guess)!;
    issues.push(issue('rtUnplannedLookalike', lang, { sheet: d.ref.sheet, row: d.ref.row, column: null, value: dealers.get(key)! }, { guess: displayName(planned.manager), period: pk }));
  }
  return issues;
}

/** `f` remembered per argument (a name normaliser over a million deals' few spellings). */
function remembered(f: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let out = known.get(name);
    if (out === undefined) known.set(name, (out = f(name)));
    return out;
  };
}

/**
 * Near misses of period P (SPEC §10.2 spirit: a doubt is an issue naming the cell). `already`: the
 * run's issues, so a row the engine already named is not named twice for the same cause.
 * Example: a KPI row «Звоонки/день» beside a scheme on «Звонки/день» → an issue on that row, "did you mean «Звонки/день»?".
 */
export function nearMissIssues(raw: RawWorkbook, input: PayoutInput, period: Period, lang: Lang, already: readonly Issue[] = []): Issue[] {
  // A million deals name fifty managers: each spelling is normalised once, not several times per deal.
  const keyOf = remembered(nameKey);
  const shownOf = remembered(displayName);
  const used = schemeMetrics(input);
  const issues = headerTypos(raw, input, lang, used);

  const kpiSheet = raw.sheets.find((s) => s.name === input.sheetNames.kpi);
  const kpiHeaders = kpiSheet ? kpiSheet.values[findHeaderRow(kpiSheet.values, 'kpi')] ?? [] : [];
  const kpiColumn = (field: string) => {
    const spec = ROLE_FIELDS.kpi.find((s) => s.field === field)!;
    const cell = kpiHeaders.find((h) => spec.synonyms.includes(normalizeHeader(h)));
    return cell === undefined ? null : String(cell).trim();
  };
  const planned = new Set<string>();
  for (const p of input.plans) for (const m of Object.keys(p.targets)) planned.add(m);
  const people = new Map<string, string>();
  for (const p of input.plans) people.set(nameKey(p.manager), displayName(p.manager));
  for (const d of input.deals) if (!people.has(keyOf(d.manager))) people.set(keyOf(d.manager), shownOf(d.manager));
  for (const f of input.kpiFacts) {
    const at = (column: string | null, value: string) => ({ sheet: f.ref.sheet, row: f.ref.row, column, value });
    if (!used.has(f.metric) && !planned.has(f.metric) && !isNamedMetric(f.metric)) {
      const guess = nearest(f.metric, [...used].flatMap(metricSpellings), metricWords);
      if (guess) issues.push(issue('rtMetricTypo', lang, at(kpiColumn('metric'), f.metric.replace(/_/g, ' ')), { guess }));
    }
    if (people.size > 0 && !people.has(nameKey(f.manager))) {
      const guess = nearest(nameKey(f.manager), [...people.keys()]);
      issues.push(guess
        ? issue('rtNobodyCalledGuess', lang, at(kpiColumn('manager'), displayName(f.manager)), { guess: people.get(guess)! })
        : issue('rtNobodyCalled', lang, at(kpiColumn('manager'), displayName(f.manager)), {}));
    }
  }

  // A Plans row of P with no deals in P, beside someone with deals in P and no Plans row: one person, mistyped?
  const pk = periodKey(period);
  const start = periodStart(period);
  const end = periodEnd(period);
  const inP = input.plans.filter((p) => periodKey(p.period) === pk);
  const plannedKeys = new Set(inP.map((p) => nameKey(p.manager)));
  const dealers = new Map<string, string>();
  for (const d of input.deals) if (d.date >= start && d.date < end) dealers.set(keyOf(d.manager), shownOf(d.manager));
  // Someone with deals or KPI facts in P but no Plans row in P.
  const others = new Map(dealers);
  for (const f of input.kpiFacts) if (periodKey(f.period) === pk && !others.has(nameKey(f.manager))) others.set(nameKey(f.manager), displayName(f.manager));
  const unplanned = [...others.keys()].filter((k) => !plannedKeys.has(k));
  if (unplanned.length > 0) {
    for (const p of inP) {
      if (dealers.has(nameKey(p.manager))) continue;
      const guess = nearest(nameKey(p.manager), unplanned);
      if (guess) issues.push(issue('rtPlanNameTypo', lang, { sheet: p.ref.sheet, row: p.ref.row, column: null, value: displayName(p.manager) }, { guess: others.get(guess)!, period: pk }));
    }
  }
  if (inP.length > 0) issues.push(...unplannedDealRows(input, dealers, plannedKeys, start, end, pk, lang, already, keyOf));
  return issues;
}
