/**
 * The payout engine (SPEC §2, §3): for every manager of period P, the scheme's rules applied to
 * the manager's facts, as a statement whose lines add up to the total to the kopeck.
 */
import { Dec, ZERO, dec, sum } from './decimal';
import { formatK } from './explain';
import { headline, type Headline } from './headline';
import { floorVariable } from './ledger/floor';
import type { Issue } from './issues';
import { msg, type MessageKey } from './messages/index';
import { indexDeals, ManagerFacts, type MetricFact } from './metrics';
import { COUNT_METRICS, isDealMetric, metricLabel } from './metricNames';
import type { Deal, KpiRow, ManagerPayout, ManagerRecord, PayoutInput, PayoutLine, PayoutOptions, PayoutRun, PlanRow, PlanTargets } from './model';
import { describeFilter, type DealFilter } from './filters';
import { finishVariableParts } from './fundAndGuarantee';
import { formatMoney, formatPercent, roundMoney, type Lang } from './money';
import { checkNames } from './nameCheck';
import { displayName, nameKey } from './ownership';
import { periodEnd, periodKey, periodStart, type Period } from './periods';
import { applyRule, explainK, kpiRow, type RuleContext, type RuleProblem } from './rules';
import { COMPANY_SCHEME, schemeKey, type Rule, type Scheme } from './schemes';
import { parseWorkbookSchemes } from './schemeMetrics';
import { SCHEME_HEADERS } from './templates';
import { kpiIndex } from './tiers';
import { hiredSettled, withheldForDates, withheldForHired } from './twoWayDates';

/** What a scheme pays one manager: the statement and everything reported along the way. */
export interface SchemeResult {
  lines: PayoutLine[];
  salary: Dec;
  variableBeforeKpi: Dec;
  kpiRows: KpiRow[];
  kpiCoefficient: Dec | null;
  variable: Dec;
  total: Dec;
  notes: string[];
  missing: { metric: string; reason: string }[];
  problems: RuleProblem[];
  blocking: RuleProblem | null;
}

/**
 * Applies a scheme in SPEC §2 order: variable lines (V), then K (V × K rounded), every kpi_gate,
 * every limit; total = salary + variable. Adjustment lines record what K, gates and limits changed.
 */
export function applyScheme(scheme: Scheme, ctx: RuleContext): SchemeResult {
  const { lang, currency } = ctx;
  const money = (v: Dec) => formatMoney(v, lang, currency);
  const salaryLines: PayoutLine[] = [];
  const variableLines: PayoutLine[] = [];
  const adjustments: PayoutLine[] = [];
  const notes: string[] = [];
  const missing: { metric: string; reason: string }[] = [];
  const problems: RuleProblem[] = [];
  let blocking: RuleProblem | null = null;

  for (const rule of scheme.rules) {
    if (rule.kind === 'kpi' || rule.kind === 'kpi_gate' || rule.kind === 'limit' || rule.kind === 'guarantee' || rule.kind === 'company_limit') continue;
    // A filtered rule (SPEC §14) sees only the matching deals; its plan stays the whole plan.
    const filter = rule.filter ?? null;
    const outcome = applyRule(rule, filter && ctx.withFilter ? ctx.withFilter(filter) : ctx);
    if (filter) {
      const metric = outcome.line.metric ?? (rule.kind === 'client_turnover' ? 'revenue' : 'deals');
      outcome.line = { ...outcome.line, explanation: msg(lang, 'plansFilterPrefix', { metric: metricLabel(metric, lang), filter: describeFilter(filter, lang) }) + outcome.line.explanation };
    }
    (rule.kind === 'salary' ? salaryLines : variableLines).push(outcome.line);
    missing.push(...outcome.missing);
    problems.push(...outcome.problems);
    if (outcome.blocking && !blocking) blocking = outcome.blocking;
  }
  const salary = sum(salaryLines.map((l) => l.amount));
  const V = sum(variableLines.map((l) => l.amount));
  let variable = V;

  const kpiRules = scheme.rules.filter((r): r is Extract<Rule, { kind: 'kpi' }> => r.kind === 'kpi');
  const kpiRows: KpiRow[] = [];
  let K: Dec | null = null;
  if (kpiRules.length > 0) {
    for (const rule of kpiRules) {
      const r = kpiRow(rule, ctx);
      kpiRows.push(r.row);
      missing.push(...r.missing);
    }
    K = kpiIndex(kpiRows);
    variable = roundMoney(V.times(K));
    const change = variable.minus(V);
    if (!change.isZero()) {
      adjustments.push(adjustment('kpi', K, change,
        `${explainK(kpiRows, K, lang)}; ${money(V)} × ${formatK(K, lang)} = ${money(variable)}`));
    }
  }

  for (const rule of scheme.rules) {
    if (rule.kind !== 'kpi_gate' || K === null) continue;
    if (K.lessThan(rule.threshold)) {
      const text = msg(lang, 'engExplainGate', { k: formatK(K, lang), threshold: formatDecimalPlain(rule.threshold, lang) });
      notes.push(text);
      if (!variable.isZero()) adjustments.push(adjustment('kpi_gate', rule.threshold, variable.negated(), text));
      variable = ZERO;
    }
  }

  for (const rule of scheme.rules) {
    if (rule.kind !== 'limit') continue;
    let cap: Dec;
    let text: string;
    if (rule.rate !== null && rule.metric !== null) {
      const fact = ctx.fact(rule.metric);
      if (fact.value === null) {
        missing.push({ metric: rule.metric, reason: fact.reason ?? '' });
        notes.push(msg(lang, 'engNoteLimitNotApplied', { metric: metricLabel(rule.metric, lang), reason: fact.reason ?? '' }));
        continue;
      }
      cap = roundMoney(rule.rate.times(fact.value));
      text = msg(lang, 'engExplainLimitRate', { rate: formatPercent(rule.rate, lang), metric: metricLabel(rule.metric, lang), fact: money(fact.value), cap: money(cap) });
    } else {
      cap = roundMoney(rule.amount as Dec);
      text = msg(lang, 'engExplainLimitAmount', { cap: money(cap) });
    }
    // A limit only ever takes pay away, and never below zero.
    const limited = Dec.max(Dec.min(variable, cap), Dec.min(variable, ZERO));
    const removed = variable.minus(limited);
    if (!removed.isZero()) {
      const line = text + msg(lang, 'engExplainLimitRemoved', { removed: money(removed), amount: money(limited) });
      notes.push(line);
      adjustments.push(adjustment('limit', rule.rate ?? cap, removed.negated(), line, rule.metric));
      variable = limited;
    }
  }

  for (const m of dedupeMissing(missing)) notes.push(msg(lang, 'engNoteMissing', { metric: metricLabel(m.metric, lang), reason: m.reason }));
  for (const p of problems) if (!notes.includes(p.message)) notes.push(p.message);

  return {
    lines: [...salaryLines, ...variableLines, ...adjustments],
    salary, variableBeforeKpi: V, kpiRows, kpiCoefficient: K, variable, total: salary.plus(variable),
    notes, missing: dedupeMissing(missing), problems, blocking,
  };
}

function formatDecimalPlain(v: Dec, lang: Lang): string {
  const s = v.toString();
  return lang === 'ru' ? s.replace('.', ',') : s;
}

function adjustment(rule: string, rate: Dec | null, amount: Dec, explanation: string, metric: string | null = null): PayoutLine {
  return { rule, metric, fact: null, plan: null, attainment: null, rate, amount: roundMoney(amount), explanation, next: null, dealRefs: [] };
}

function dedupeMissing(list: { metric: string; reason: string }[]) {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.metric) ? false : (seen.add(m.metric), true)));
}

/**
 * The context of a real run: manager m's facts in P from the deals, and m's Plans row (exported for
 * My earnings' what-ifs). `factsOf` gives another manager's facts in the same run (the run's own,
 * so a head's team and the members' own filtered rules share their lists); absent, they are made here.
 */
export function runContext(facts: ManagerFacts, targets: PlanTargets, lang: Lang, currency: string, columns: PayoutInput['columns'], managers?: readonly ManagerRecord[],
  factsOf?: (manager: string) => ManagerFacts): RuleContext {
  const plan = (metric: string) => (Object.prototype.hasOwnProperty.call(targets, metric) ? targets[metric] : null);
  const memberFacts = (manager: string, filter: DealFilter | null) =>
    (factsOf ? factsOf(manager).withFilter(filter) : new ManagerFacts(facts.index, manager, facts.period, lang, { filter }));
  return {
    withFilter: (filter) => runContext(facts.withFilter(filter), targets, lang, currency, columns, managers, factsOf),
    team: (metric, filter) => {
      if (!managers || managers.length === 0) return { members: [], reason: msg(lang, 'plansReasonNoManagersSheet') };
      const team = managers.filter((r) => r.head !== null && nameKey(r.head) === facts.key && nameKey(r.manager) !== facts.key);
      if (team.length === 0) return { members: [], reason: msg(lang, 'plansReasonNoTeam', { manager: facts.manager }) };
      return {
        members: team.map((r) => ({ manager: r.manager, fact: memberFacts(r.manager, filter).fact(metric) })),
        reason: null,
      };
    },
    lang, currency,
    fact: (metric) => facts.fact(metric),
    plan,
    ownedClientDeals: () => (columns.client
      ? { deals: facts.ownedClientDeals(), reason: null }
      : { deals: [], reason: msg(lang, 'engReasonNoClientColumn') }),
    partnerDeals: () => facts.wonInPeriod.filter((d) => d.partnerPrice !== null),
    partnerPriceMissing: columns.partnerPrice ? null : msg(lang, 'engReasonNoPartnerColumn'),
    marginMissing: columns.margin ? null : msg(lang, 'engReasonNoMarginColumn'),
  };
}

/**
 * Pays every manager of period P (SPEC §2). run.issues holds the engine's issues only (scheme
 * validation, missing facts, managers who get no payout); the reader's issues are added by the pipeline.
 * Example (seed 001 scheme, revenue 1 100 000 on a plan of 1 000 000, 7 deals):
 * lines 30 000 + 33 000 + 20 000 + 4 000, total 87 000.
 */
export function computePayouts(input: PayoutInput, period: Period, options: PayoutOptions): PayoutRun {
  const { lang, currency } = options;
  const issues: Issue[] = [];
  const pk = periodKey(period);
  const index = indexDeals(input, options.asOf);
  const parsed = parseWorkbookSchemes(input, lang);
  issues.push(...parsed.issues);
  // SPEC §14: scheme `*` holds the company fund; it needs every manager of P, so a run for some
  // managers (My earnings) pays from the whole company's run. Simulate (a scheme override) has no fund.
  const fundScheme = options.schemeOverride === undefined ? parsed.schemes.get(COMPANY_SCHEME) ?? null : null;
  const fundInvalid = options.schemeOverride === undefined && parsed.invalid.has(COMPANY_SCHEME);
  if (fundScheme && options.managers) {
    const whole = computePayouts(input, period, { ...options, managers: undefined });
    const own = new Set(options.managers.map(nameKey));
    const mine = computePayouts({ ...input, schemeRows: input.schemeRows.filter((r) => schemeKey(String(r.scheme ?? '')) !== COMPANY_SCHEME) }, period, options);
    return { ...mine, managers: whole.managers.filter((m) => own.has(nameKey(m.manager))), companyFund: whole.companyFund };
  }
  const schemesSheet = input.sheetNames.schemes ?? input.schemeRows[0]?.ref.sheet ?? 'Schemes';
  const plansSheet = input.sheetNames.plans ?? input.sheetNames.deals;

  const managerIssue = (code: MessageKey, message: string, extra: Partial<Issue> = {}) =>
    issues.push({ code, sheet: input.sheetNames.deals, row: null, column: null, value: null, message, ...extra });

  // The Plans rows of P: the first (lowest) row per manager; a second one is an issue.
  const plans = new Map<string, PlanRow>();
  for (const row of [...input.plans].sort((a, b) => a.ref.row - b.ref.row)) {
    if (periodKey(row.period) !== pk) continue;
    const key = nameKey(row.manager);
    if (plans.has(key)) {
      managerIssue('engIssueDuplicatePlan', msg(lang, 'engIssueDuplicatePlan', { manager: displayName(row.manager), period: pk, row: plans.get(key)!.ref.row }),
        { sheet: row.ref.sheet, row: row.ref.row, column: null, value: displayName(row.manager) });
      continue;
    }
    plans.set(key, row);
  }

  // The managers of P: a Plans row, or won/lost deals dated in P. Names shown as first seen.
  const names = new Map<string, string>();
  for (const row of plans.values()) names.set(nameKey(row.manager), displayName(row.manager));
  const start = periodStart(period);
  const end = periodEnd(period);
  const wanted = options.managers ? new Set(options.managers.map(nameKey)) : null;
  // The deals (not cancelled) dated in P of the managers asked for: one pass, for the names and their check.
  const inPeriod: Deal[] = [];
  for (let i = 0; i < index.deals.length; i++) {
    const d = index.deals[i];
    if (d.status === 'cancelled' || d.date < start || d.date >= end) continue;
    const key = index.managerKey(d);
    if (key !== '' && !names.has(key)) names.set(key, displayName(d.manager));
    if (!wanted || wanted.has(key)) inPeriod.push(d);
  }
  // SPEC §10.2: a manager nobody planned, or two names that look like one person, is withheld.
  const nameCheck = options.schemeOverride !== undefined ? null : checkNames(input, {
    periodKey: pk, lang, names, planned: new Map([...plans].map(([k, row]) => [k, names.get(k)!])),
    singleScheme: parsed.schemes.size === 1 && parsed.invalid.size === 0,
  }, inPeriod, index.managerKey);
  if (nameCheck) issues.push(...nameCheck.issues);
  // Simulate (a scheme override) withholds too: a what-if paid on a guessed date is still a guess (SPEC §10.2).
  const twoWayDates = (input.twoWayDates ?? []).filter((t) => !wanted || wanted.has(nameKey(t.manager)));
  const dateDoubt = withheldForDates(twoWayDates, period, nameKey, lang);
  issues.push(...dateDoubt.issues);
  const managerKeys = [...names.keys()].filter((k) => !wanted || wanted.has(k)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  // Each manager's facts, made once: a head's team_override asks for the members' (SPEC §14).
  const factsByKey = new Map<string, ManagerFacts>();
  const factsOf = (name: string): ManagerFacts => {
    const k = nameKey(name);
    let f = factsByKey.get(k);
    if (!f) {
      f = new ManagerFacts(index, name, period, lang);
      factsByKey.set(k, f);
    }
    return f;
  };
  const managers: ManagerPayout[] = [];
  const schemesPaid: Scheme[] = [];
  for (const key of managerKeys) {
    if (nameCheck?.withheld.has(key) || dateDoubt.withheld.has(key)) continue;
    const manager = names.get(key)!;
    const planRow = plans.get(key) ?? null;
    const who = { manager, period: pk };

    let schemeName: string | null = null;
    if (options.schemeOverride !== undefined) schemeName = options.schemeOverride;
    else if (planRow && String(planRow.scheme ?? '').trim() !== '') schemeName = planRow.scheme;
    // The single-scheme fallback only when the Schemes sheet holds exactly one scheme, and it is valid:
    // with an invalid second scheme, which one was meant is not known (review item 18).
    else if (parsed.schemes.size - (fundScheme ? 1 : 0) === 1 && parsed.invalid.size - (fundInvalid ? 1 : 0) === 0) {
      schemeName = [...parsed.schemes.values()].find((s) => schemeKey(s.name) !== COMPANY_SCHEME)!.name;
    }
    if (schemeName === null) {
      managerIssue('engIssueNoScheme', msg(lang, planRow ? 'engIssueBlankScheme' : 'engIssueNoScheme', { ...who, sheet: plansSheet }),
        planRow ? { sheet: planRow.ref.sheet, row: planRow.ref.row, column: SCHEME_HEADERS[lang].scheme, value: '' } : { sheet: plansSheet });
      continue;
    }
    const sk = schemeKey(schemeName);
    if (fundInvalid) {
      // A company fund that cannot be read could change everyone's pay: nobody is paid a guess.
      managerIssue('engIssueInvalidScheme', msg(lang, 'engIssueInvalidScheme', { ...who, scheme: COMPANY_SCHEME }), { sheet: schemesSheet, value: COMPANY_SCHEME });
      continue;
    }
    if (parsed.invalid.has(sk)) {
      managerIssue('engIssueInvalidScheme', msg(lang, 'engIssueInvalidScheme', { ...who, scheme: schemeName.trim() }), { sheet: schemesSheet, value: schemeName.trim() });
      continue;
    }
    const scheme = parsed.schemes.get(sk);
    if (!scheme) {
      const fromPlan = options.schemeOverride === undefined && planRow !== null;
      managerIssue('engIssueUnknownScheme', msg(lang, 'engIssueUnknownScheme', { ...who, scheme: schemeName.trim() }), fromPlan
        ? { sheet: planRow!.ref.sheet, row: planRow!.ref.row, column: SCHEME_HEADERS[lang].scheme, value: schemeName }
        : { sheet: schemesSheet, value: schemeName });
      continue;
    }
    // SPEC §10.2: a `hired` that reads two ways withholds where a guarantee of the scheme could depend on it.
    const hiredDoubt = withheldForHired(twoWayDates, key, scheme, period, nameKey, lang);
    if (hiredDoubt) {
      issues.push(hiredDoubt);
      continue;
    }

    let facts = factsByKey.get(key);
    if (!facts || facts.manager !== manager) {
      facts = new ManagerFacts(index, manager, period, lang);
      factsByKey.set(key, facts);
    }
    const targets = planRow?.targets ?? {};
    const result = applyScheme(scheme, runContext(facts, targets, lang, currency, input.columns, input.managers, factsOf));
    for (const m of result.missing) {
      const sheet = isDealMetric(m.metric) || m.metric === 'partner_price' ? input.sheetNames.deals : input.sheetNames.kpi ?? input.sheetNames.deals;
      managerIssue('engIssueMissing', msg(lang, 'engIssueMissing', { ...who, metric: metricLabel(m.metric, lang), reason: m.reason }),
        { sheet, column: metricLabel(m.metric, lang) });
    }
    const atPlanRow = { sheet: planRow ? planRow.ref.sheet : plansSheet, row: planRow?.ref.row ?? null };
    for (const p of result.problems) {
      managerIssue(p.code, `${manager}, ${pk}: ${p.message}`, p.where ?? atPlanRow);
    }
    if (result.blocking) {
      // A rule that names its own row (a tiers rule with no plan: SPEC §7) points at the scheme row.
      managerIssue(result.blocking.code, `${manager}, ${pk}: ${result.blocking.message}` + msg(lang, 'engNoPayout'), result.blocking.where ?? atPlanRow);
      continue;
    }

    managers.push({
      manager, scheme: scheme.name, period,
      lines: result.lines, salary: result.salary, variableBeforeKpi: result.variableBeforeKpi,
      kpiRows: result.kpiRows, kpiCoefficient: result.kpiCoefficient, variable: result.variable, total: result.total,
      ...headlineFields(headline(result.lines, targets, (metric) => facts.fact(metric).value)),
      margin: facts.fact('margin').value,
      revenue: facts.fact('revenue').value,
      deals: facts.periodDeals,
      notes: result.notes,
    });
    schemesPaid.push(scheme);
  }
  // SPEC §14 order, after the limit: company fund scaling, then the guarantee top-up.
  const companyFund = finishVariableParts(managers, schemesPaid, fundScheme, { index, period, lang, currency, managerRecords: hiredSettled(input.managers ?? [], twoWayDates, nameKey), issue: managerIssue });
  // The hook where the period's lines are finished: the 0 floor of SPEC §10.2 applies last.
  return { period, currency, lang, managers: managers.map((m) => floorVariable(m, lang, currency)), issues, companyFund };
}

/** The statement's headline attainment and its metric (core/headline.ts). */
function headlineFields(h: Headline | null): Pick<ManagerPayout, 'attainment' | 'attainmentMetric'> {
  return { attainment: h ? h.attainment : null, attainmentMetric: h ? h.metric : null };
}

export interface CurvePoint {
  attainment: number; // percent of plan, 0…150
  salary: number;
  variable: number;
  total: number;
}


/**
 * What the scheme pays a sample manager at x % of plan on every planned metric (the sidebar's
 * chart): fact = x % × plan for each planned metric (counts rounded down), KPI facts at x % of
 * their target; client turnover is taken as x % of the revenue (or margin) plan from clients in
 * their first month; a sample has no partner-price deals. `salaryOnly` draws the salary alone.
 */
export function previewCurve(
  scheme: Scheme,
  sample: { plan: PlanTargets; salaryOnly?: boolean },
  points: readonly number[] = Array.from({ length: 31 }, (_, i) => i * 5),
): CurvePoint[] {
  const lang: Lang = 'en';
  const kpiTargets = new Map<string, Dec>();
  for (const r of scheme.rules) if (r.kind === 'kpi' && r.target !== null && !kpiTargets.has(r.metric)) kpiTargets.set(r.metric, r.target);
  const start = periodStart({ kind: 'month', year: 2000, month: 1 });
  return points.map((x) => {
    const share = dec(x).dividedBy(100);
    const fact = (metric: string): MetricFact => {
      const base = sample.plan[metric] ?? kpiTargets.get(metric) ?? null;
      if (base === null || base === undefined) return { value: null, reason: 'no plan in the sample', deals: [] };
      let value = base.times(share);
      if (COUNT_METRICS.includes(metric)) value = value.floor();
      return { value, reason: null, deals: [] };
    };
    const ctx: RuleContext = {
      lang, currency: 'RUB', fact,
      plan: (metric) => sample.plan[metric] ?? null,
      ownedClientDeals: () => {
        const revenue = fact('revenue').value;
        const margin = fact('margin').value;
        if (revenue === null && margin === null) return { deals: [], reason: null };
        const deal: Deal = {
          ref: { sheet: 'sample', row: 2 }, id: null, date: start, manager: 'sample', client: 'sample', amount: revenue ?? ZERO,
          cost: null, margin, status: 'won', paid: null, paidDate: null, partnerPrice: null, attractedBy: null,
        };
        return { deals: [{ deal, firstWon: start }], reason: null };
      },
      partnerDeals: () => [],
    };
    const rules = sample.salaryOnly ? scheme.rules.filter((r) => r.kind === 'salary') : scheme.rules;
    const result = applyScheme({ name: scheme.name, rules }, ctx);
    return { attainment: x, salary: result.salary.toNumber(), variable: result.variable.toNumber(), total: result.total.toNumber() };
  });
}
