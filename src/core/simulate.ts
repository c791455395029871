/**
 * *Simulate scheme…* (SPEC §6, seeds 000/002: "financial limits", "proof that the KPI is
 * achievable"): run one or two schemes over past periods as if they had been in force for every
 * manager, and show what they would have paid, payroll as a share of margin, how many managers
 * reached each tier or bonus, and the difference between the two schemes.
 */
import { Dec, ZERO, sum } from './decimal';
import { KpiUserError, type Issue } from './issues';
import { msg } from './messages';
import { formatPercent, moneyNumber, type Lang } from './money';
import type { Deal, ManagerPayout, PayoutInput, PayoutOptions, PayoutRun, Payment } from './model';
import { cachedNameKey, displayName, nameKey } from './ownership';
import { inSheetOrder } from './metrics';
import { computePayouts } from './payout';
import { inPeriod, nextPeriod, parsePeriod, periodEnd, periodKey, periodStart, type Period } from './periods';
import { COMPANY_SCHEME, parseRuleKind, parseSchemes, schemeKey } from './schemes';
import { applyCompanyFund } from './companyFund';
import { indexDeals } from './metrics';
import { parseWorkbookSchemes } from './schemeMetrics';

export interface SimulationCell {
  manager: string;
  total: Dec;
  salary: Dec;
  variable: Dec;
  margin: Dec | null;
  attainment: Dec | null;
}

export interface SimulationPeriod {
  period: Period;
  scheme: string;
  cells: SimulationCell[];
  payroll: Dec; // Σ totals
  margin: Dec | null; // Σ managers' margin (null when no margin data)
  /** payroll ÷ margin; null when margin is missing or not positive. */
  share: Dec | null;
  /** The scheme's limit as a share of margin (a `limit` rule on margin), when it has one. */
  limitShare: Dec | null;
  overLimit: boolean;
  /** SPEC §14: payroll ÷ the managers' revenue (null when revenue is not positive). */
  revenueShare?: Dec | null;
  /** SPEC §14: the company fund's factor when it binds in this period (scheme `*`), else null. */
  fundFactor?: Dec | null;
}

/** How many manager-periods reached a rule's tier or bonus (a line that paid more than 0). */
export interface TierReach {
  scheme: string;
  rule: string;
  /** The tier or bonus reached, as the statement shows it (a rate, an amount, a tier text); null = the rule's one bonus. */
  level: Dec | string | null;
  count: number;
}

export interface ManagerTotals {
  manager: string;
  /** Σ totals over the range, one per scheme in request order. */
  totals: Dec[];
  /** scheme 2 − scheme 1 (only with two schemes). */
  delta: Dec | null;
}

export interface SimulationResult {
  schemes: string[];
  periods: SimulationPeriod[];
  reach: TierReach[];
  /** How many manager-periods the KPI gate closed or a limit cut pay, per scheme (`level` null). */
  cuts: TierReach[];
  /** Per period and manager, scheme 2 − scheme 1 (only with two schemes). */
  difference: { period: Period; manager: string; first: Dec; second: Dec; delta: Dec }[] | null;
  managerTotals: ManagerTotals[];
  totals: { scheme: string; payroll: Dec; margin: Dec | null; share: Dec | null; managerPeriods: number }[];
  /** Managers that could not be paid, invalid schemes, missing facts: as the engine reports them. */
  issues: Issue[];
}

export interface SimulationRequest {
  schemes: string[]; // one or two scheme names
  periods: Period[];
  managers?: string[];
}

/** Adjustment lines carry no tier of their own (ARCHITECTURE: statement lines). */
const NOT_A_TIER = new Set(['salary', 'kpi', 'kpi_gate', 'limit']);

function levelKey(level: Dec | string | null): string {
  return level === null ? '' : typeof level === 'string' ? `s:${level}` : `d:${level.toString()}`;
}

/**
 * The input cut down to what manager m's payout in period P can depend on, so that the engine,
 * called once per manager and period, reads a few hundred deals instead of all of them (over
 * 12 periods × 50 managers × 100 000 deals that is what the 3 s budget needs):
 *  - m's deals dated in P (all of m's deals when there are payments: collection looks back, a
 *    payment in P may be on a deal booked earlier or later);
 *  - for every client m closed a deal with or is named `attracted by` for: the client's earliest
 *    won deal (who owns it, since when), its rows naming `attracted by`, and its deals in P
 *    (client turnover counts them whoever closed them). A client m never touched cannot be m's.
 *  - the payments on those deals, m's Plans and KPI rows.
 * The engine gives the same statement on the slice as on the whole input (a property test checks).
 */
export function managerSlices(input: PayoutInput): (manager: string, period: Period) => PayoutInput {
  // SPEC §14: a split credits a manager with other managers' rows, a team override reads the team's
  // deals, the company fund everyone's: then a manager's statement depends on the whole book.
  if (input.columns.split || input.schemeRows.some((r) => { const k = parseRuleKind(r.rule); return k === 'team_override' || k === 'company_limit'; })) {
    return () => input;
  }
  const order = new Map<Deal, number>();
  const own = new Map<string, Deal[]>();
  const clientsOf = new Map<string, Set<string>>();
  const clientDeals = new Map<string, Deal[]>();
  const earliestWon = new Map<string, Deal>();
  const attractedRows = new Map<string, Deal[]>();
  const nk = cachedNameKey(); // per deal: names repeat across 100 000 rows
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const touch = (mk: string, ck: string) => {
    let set = clientsOf.get(mk);
    if (!set) clientsOf.set(mk, (set = new Set()));
    set.add(ck);
  };
  // sheet order, as the engine reads it: "first row" means the lowest row
  const sorted = inSheetOrder([...input.deals]);
  sorted.forEach((deal, i) => {
    order.set(deal, i);
    const mk = nk(deal.manager);
    push(own, mk, deal);
    const ck = deal.client ? nk(deal.client) : '';
    if (ck === '') return;
    push(clientDeals, ck, deal);
    touch(mk, ck);
    if (deal.attractedBy && nk(deal.attractedBy) !== '') {
      touch(nk(deal.attractedBy), ck);
      push(attractedRows, ck, deal);
    }
    if (deal.status === 'won') {
      const first = earliestWon.get(ck);
      if (!first || deal.date < first.date) earliestWon.set(ck, deal);
    }
  });
  const paymentsByDeal = new Map<string, Payment[]>();
  for (const p of input.payments ?? []) push(paymentsByDeal, String(p.dealId).trim(), p);
  const withCash = input.payments !== null || input.columns.paid;
  const plansOf = new Map<string, PayoutInput['plans']>();
  for (const p of input.plans) push(plansOf, nk(p.manager), p);
  const kpiOf = new Map<string, PayoutInput['kpiFacts']>();
  for (const f of input.kpiFacts) push(kpiOf, nk(f.manager), f);

  const cache = new Map<string, PayoutInput>();
  return (manager, period) => {
    const mk = nameKey(manager);
    const cacheKey = `${periodKey(period)}|${mk}`;
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const start = periodStart(period);
    const end = periodEnd(period);
    const picked = new Set<number>(); // positions in sheet order
    const add = (d: Deal) => picked.add(order.get(d)!);
    for (const d of own.get(mk) ?? []) if (withCash || (d.date >= start && d.date < end)) add(d);
    for (const ck of clientsOf.get(mk) ?? []) {
      const first = earliestWon.get(ck);
      if (first) add(first);
      for (const d of attractedRows.get(ck) ?? []) add(d);
      for (const d of clientDeals.get(ck) ?? []) if (d.date >= start && d.date < end) add(d);
    }
    const list = Int32Array.from(picked).sort();
    const deals = Array.from(list, (i) => sorted[i]);
    let payments: Payment[] | null = null;
    if (input.payments !== null) {
      payments = [];
      const seen = new Set<string>();
      for (const d of deals) {
        const id = (d.id ?? '').trim();
        if (id === '' || seen.has(id)) continue;
        seen.add(id);
        payments.push(...(paymentsByDeal.get(id) ?? []));
      }
    }
    const slice: PayoutInput = { ...input, deals, payments, plans: plansOf.get(mk) ?? [], kpiFacts: kpiOf.get(mk) ?? [] };
    cache.set(cacheKey, slice);
    return slice;
  };
}

/** The managers of each period as the engine finds them: a Plans row, or a won or lost deal dated in it (key → name as first seen). */
function managersOfPeriods(input: PayoutInput, periods: readonly Period[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>(periods.map((p) => [periodKey(p), new Map()]));
  const wanted = new Set(out.keys());
  for (const row of [...input.plans].sort((a, b) => a.ref.row - b.ref.row)) {
    const names = out.get(periodKey(row.period));
    const mk = nameKey(row.manager);
    if (names && mk !== '' && !names.has(mk)) names.set(mk, displayName(row.manager));
  }
  const monthly = periods.every((p) => p.kind === 'month');
  const nk = cachedNameKey();
  for (const deal of input.deals) {
    if (deal.status !== 'won' && deal.status !== 'lost') continue;
    const keys = monthly ? [deal.date.slice(0, 7)] : periods.filter((p) => inPeriod(deal.date, p)).map(periodKey);
    for (const pk of keys) {
      if (!wanted.has(pk)) continue;
      const names = out.get(pk)!;
      const mk = nk(deal.manager);
      if (mk !== '' && !names.has(mk)) names.set(mk, displayName(deal.manager));
    }
  }
  return out;
}

export function simulateSchemes(
  input: PayoutInput,
  request: SimulationRequest,
  options: Omit<PayoutOptions, 'schemeOverride' | 'managers' | 'asOf'>,
  limitShareOf: (scheme: string) => Dec | null,
): SimulationResult {
  const periods: SimulationPeriod[] = [];
  const reachCounts = new Map<string, TierReach>();
  const cutCounts = new Map<string, TierReach>();
  const issueKeys = new Set<string>();
  const issues: Issue[] = [];
  // scheme index → period key → manager key → payout (nested: names may hold any character)
  const byScheme: Map<string, Map<string, ManagerPayout>>[] = [];
  const managerOrder = new Map<string, string>(); // manager key → as shown
  const managerPeriods: number[] = [];
  const slice = managerSlices(input);
  const periodManagers = managersOfPeriods(input, request.periods);
  const fundScheme = parseSchemes(input.schemeRows.filter((r) => schemeKey(String(r.scheme ?? '')) === COMPANY_SCHEME), options.lang).schemes.get(COMPANY_SCHEME) ?? null;
  let fundIndex: ReturnType<typeof indexDeals> | null = null;
  const wanted = request.managers ? new Set(request.managers.map(nameKey)) : null;

  request.schemes.forEach((scheme, schemeIndex) => {
    const perPeriod = new Map<string, Map<string, ManagerPayout>>();
    byScheme.push(perPeriod);
    managerPeriods.push(0);
    const limitShare = limitShareOf(scheme);
    // the engine parses the Schemes rows on every call: give it only this scheme's
    const schemeRows = input.schemeRows.filter((r) => schemeKey(String(r.scheme ?? '')) === schemeKey(scheme));
    for (const period of request.periods) {
      const pk = periodKey(period);
      const keys = [...periodManagers.get(pk)!.keys()].filter((k) => !wanted || wanted.has(k)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const payouts = new Map<string, ManagerPayout>();
      perPeriod.set(pk, payouts);
      const cells: SimulationCell[] = [];
      for (const mk of keys) {
        const name = periodManagers.get(pk)!.get(mk)!;
        const run: PayoutRun = computePayouts({ ...slice(name, period), schemeRows }, period, { ...options, schemeOverride: scheme, managers: [name] });
        for (const issue of run.issues) {
          const key = `${issue.code}|${issue.sheet}|${issue.row}|${issue.column}|${issue.message}`;
          if (!issueKeys.has(key)) { issueKeys.add(key); issues.push(issue); }
        }
        for (const m of run.managers) {
          payouts.set(mk, m);
          if (!managerOrder.has(mk)) managerOrder.set(mk, m.manager);
          managerPeriods[schemeIndex] += 1;
          for (const line of m.lines) {
            if ((line.rule === 'kpi_gate' || line.rule === 'limit') && line.amount.lessThan(0)) {
              const cut = cutCounts.get(`${scheme}|${line.rule}`) ?? { scheme, rule: line.rule, level: null, count: 0 };
              cut.count += 1;
              cutCounts.set(`${scheme}|${line.rule}`, cut);
            }
            if (NOT_A_TIER.has(line.rule) || !line.amount.greaterThan(0)) continue;
            const level = line.rate ?? null;
            const key = `${scheme}|${line.rule}|${levelKey(level)}`;
            const entry = reachCounts.get(key) ?? { scheme, rule: line.rule, level, count: 0 };
            entry.count += 1;
            reachCounts.set(key, entry);
          }
          cells.push({ manager: m.manager, total: m.total, salary: m.salary, variable: m.variable, margin: m.margin, attainment: m.attainment });
        }
      }
      const payroll = sum(cells.map((c) => c.total));
      const margins = cells.map((c) => c.margin).filter((x): x is Dec => x !== null);
      const margin = margins.length > 0 ? sum(margins) : null;
      const share = margin && margin.greaterThan(0) ? payroll.dividedBy(margin) : null;
      const revenue = sum([...payouts.values()].map((m) => m.revenue ?? ZERO));
      // The company fund (scheme *) over this scheme's variable parts: does it bind, and by how much?
      let fundFactor: Dec | null = null;
      for (const rule of fundScheme?.rules ?? []) {
        if (rule.kind !== 'company_limit') continue;
        fundIndex ??= indexDeals(input);
        const f = applyCompanyFund(rule, cells.map((c) => c.variable), fundIndex, period, options.lang, options.currency).fund.factor;
        if (f !== null) fundFactor = fundFactor === null || f.lessThan(fundFactor) ? f : fundFactor;
      }
      periods.push({
        revenueShare: revenue.greaterThan(0) ? payroll.dividedBy(revenue) : null, fundFactor,
        period, scheme, cells, payroll, margin, share, limitShare,
        // payroll against a margin that is missing or ≤ 0 is over any limit when anything is paid
        overLimit: limitShare !== null && margin !== null && (share !== null ? share.greaterThan(limitShare) : payroll.greaterThan(0)),
      });
    }
  });

  const managers = [...managerOrder.keys()];
  const totalOf = (schemeIndex: number, mk: string, pk?: string): Dec => {
    const perPeriod = byScheme[schemeIndex];
    if (pk !== undefined) return perPeriod.get(pk)?.get(mk)?.total ?? ZERO;
    return sum([...perPeriod.values()].map((p) => p.get(mk)?.total ?? ZERO));
  };

  let difference: SimulationResult['difference'] = null;
  if (request.schemes.length === 2) {
    difference = [];
    for (const period of request.periods) {
      const pk = periodKey(period);
      for (const mk of managers) {
        if (!byScheme[0].get(pk)?.has(mk) && !byScheme[1].get(pk)?.has(mk)) continue;
        const first = totalOf(0, mk, pk);
        const second = totalOf(1, mk, pk);
        difference.push({ period, manager: managerOrder.get(mk)!, first, second, delta: second.minus(first) });
      }
    }
  }

  const managerTotals: ManagerTotals[] = managers.map((mk) => {
    const totals = request.schemes.map((_, i) => totalOf(i, mk));
    return { manager: managerOrder.get(mk)!, totals, delta: totals.length === 2 ? totals[1].minus(totals[0]) : null };
  });

  const totals = request.schemes.map((scheme, i) => {
    const rows = periods.filter((p) => p.scheme === scheme);
    const payroll = sum(rows.map((r) => r.payroll));
    const margins = rows.map((r) => r.margin).filter((x): x is Dec => x !== null);
    const margin = margins.length > 0 ? sum(margins) : null;
    return { scheme, payroll, margin, share: margin && margin.greaterThan(0) ? payroll.dividedBy(margin) : null, managerPeriods: managerPeriods[i] };
  });

  const reach = [...reachCounts.values()].sort((a, b) =>
    a.scheme === b.scheme ? (a.rule === b.rule ? compareLevels(a.level, b.level) : 0) : request.schemes.indexOf(a.scheme) - request.schemes.indexOf(b.scheme));
  return { schemes: request.schemes, periods, reach, cuts: [...cutCounts.values()], difference, managerTotals, totals, issues };
}

function compareLevels(a: Dec | string | null, b: Dec | string | null): number {
  if (a !== null && b !== null && typeof a !== 'string' && typeof b !== 'string') return a.comparedTo(b);
  return levelKey(a).localeCompare(levelKey(b));
}

export const MAX_SIMULATION_PERIODS = 120;

/** Every period from `from` to `to` inclusive (both of one kind); at most MAX_SIMULATION_PERIODS. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  let p = from;
  while (out.length < MAX_SIMULATION_PERIODS && periodKey(p) <= periodKey(to)) {
    out.push(p);
    p = nextPeriod(p);
  }
  return out;
}

/**
 * The range the owner typed, checked: both periods readable, of one kind, from ≤ to, at most
 * MAX_SIMULATION_PERIODS. Throws KpiUserError with a translated one-line message otherwise.
 */
export function parseSimulationRange(from: string, to: string, lang: Lang): Period[] {
  const a = parsePeriod(String(from ?? ''));
  if (!a) throw new KpiUserError(msg(lang, 'simulate.badPeriod', { value: String(from ?? '') }));
  const b = parsePeriod(String(to ?? ''));
  if (!b) throw new KpiUserError(msg(lang, 'simulate.badPeriod', { value: String(to ?? '') }));
  if (a.kind !== b.kind) throw new KpiUserError(msg(lang, 'simulate.mixedRange'));
  if (periodKey(a) > periodKey(b)) throw new KpiUserError(msg(lang, 'simulate.badRange', { from: periodKey(a), to: periodKey(b) }));
  const count = (b.year - a.year) * (a.kind === 'month' ? 12 : 4)
    + (a.kind === 'month' && b.kind === 'month' ? b.month - a.month : a.kind === 'quarter' && b.kind === 'quarter' ? b.quarter - a.quarter : 0) + 1;
  if (count > MAX_SIMULATION_PERIODS) throw new KpiUserError(msg(lang, 'simulate.rangeTooLong', { max: MAX_SIMULATION_PERIODS }));
  return periodRange(a, b);
}

/**
 * The scheme names the owner asked for, as the Schemes sheet spells them: one or two, each a
 * valid scheme. Throws KpiUserError naming the first bad one.
 */
export function resolveSchemeNames(input: Pick<PayoutInput, 'schemeRows' | 'plans' | 'kpiFacts'>, requested: readonly string[], lang: Lang): string[] {
  const names = requested.map((s) => String(s ?? '').trim()).filter((s) => s !== '');
  if (names.length === 0) throw new KpiUserError(msg(lang, 'simulate.needScheme'));
  if (names.length > 2) throw new KpiUserError(msg(lang, 'simulate.tooManySchemes'));
  const parsed = parseWorkbookSchemes(input, lang);
  return names.map((name) => {
    const key = schemeKey(name);
    const scheme = parsed.schemes.get(key);
    if (scheme) return scheme.name;
    throw new KpiUserError(msg(lang, parsed.invalid.has(key) ? 'simulate.invalidScheme' : 'simulate.unknownScheme', { scheme: name }));
  });
}

/**
 * The scheme's payroll limit as a share of margin: the rate of its `limit` rule on margin
 * (`limit, margin, 15%` → 0.15), read from the scheme as the engine parses it, so the warning and
 * the statements agree on what the cell means. Null when the scheme has no such rule (an amount
 * limit caps one manager, not a share of the company's margin) or is invalid.
 */
export function limitShareOf(input: Pick<PayoutInput, 'schemeRows'>, scheme: string, lang: Lang): Dec | null {
  const parsed = parseSchemes(input.schemeRows, lang).schemes.get(schemeKey(scheme));
  for (const rule of parsed?.rules ?? []) {
    if (rule.kind === 'limit' && rule.metric === 'margin' && rule.rate !== null) return rule.rate;
  }
  return null;
}

/** Managers as the owner typed them, matched to the workbook's spelling (as names are everywhere: nameKey); unknown ones throw. */
export function resolveManagers(requested: readonly string[] | null | undefined, known: readonly string[], lang: Lang): string[] | undefined {
  const names = (requested ?? []).map(displayName).filter((s) => s !== '');
  if (names.length === 0) return undefined;
  const byKey = new Map(known.map((m) => [nameKey(m), m]));
  return names.map((n) => {
    const found = byKey.get(nameKey(n));
    if (!found) throw new KpiUserError(msg(lang, 'simulate.unknownManager', { manager: n }));
    return found;
  });
}

// ---- the documented JSON (sidebar, `simulate()` server function, `kpi-payouts --simulate --json`) ----

export interface SimulationJsonCell {
  manager: string;
  total: number;
  salary: number;
  variable: number;
  margin: number | null;
  attainment: number | null;
}

export interface SimulationJsonSchemePeriod {
  scheme: string;
  payroll: number;
  margin: number | null;
  share: number | null;
  /** SPEC §14: payroll ÷ revenue; the company fund's factor when it binds. */
  revenue_share?: number | null;
  fund_factor?: number | null;
  limit_share: number | null;
  over_limit: boolean;
  managers: SimulationJsonCell[];
}

/**
 * What `simulate()` returns and `kpi-payouts --simulate … --json` prints. Money is a number exact
 * to the kopeck; shares are fractions (0.25 = 25 %) to 4 places.
 */
export interface SimulationJson {
  schemes: string[];
  from: string;
  to: string;
  currency: string;
  /** null = every manager. */
  managers: string[] | null;
  periods: { period: string; schemes: SimulationJsonSchemePeriod[] }[];
  manager_totals: { manager: string; totals: number[]; difference: number | null }[];
  /** Only with two schemes: per period and manager, scheme 2 − scheme 1. */
  difference: { period: string; manager: string; first: number; second: number; difference: number }[] | null;
  reach: { scheme: string; rule: string; level: number | string | null; count: number }[];
  totals: { scheme: string; payroll: number; margin: number | null; share: number | null; manager_periods: number }[];
  /** One line per period and scheme where payroll exceeds the scheme's limit share of margin. */
  warnings: string[];
  issues: { sheet: string; row: number | null; column: string | null; value: string | null; message: string }[];
}

const share4 = (d: Dec | null): number | null => (d === null ? null : d.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber());
const money = (d: Dec | null): number | null => (d === null ? null : moneyNumber(d));

/** Over-limit warnings in the user's language. */
export function simulationWarnings(result: SimulationResult, lang: Lang): string[] {
  return result.periods
    .filter((p) => p.overLimit && p.limitShare !== null)
    .map((p) => msg(lang, 'simulate.overLimit', {
      scheme: p.scheme,
      period: periodKey(p.period),
      share: p.share === null ? '∞' : formatPercent(p.share, lang),
      limit: formatPercent(p.limitShare!, lang),
    }));
}

export function simulationJson(
  result: SimulationResult,
  ctx: { lang: Lang; currency: string; managers?: string[] | null; allIssues?: Issue[] },
): SimulationJson {
  const keys = [...new Set(result.periods.map((p) => periodKey(p.period)))];
  const first = result.periods[0]?.period;
  const last = result.periods[result.periods.length - 1]?.period;
  return {
    schemes: result.schemes,
    from: first ? periodKey(first) : '',
    to: last ? periodKey(last) : '',
    currency: ctx.currency,
    managers: ctx.managers && ctx.managers.length > 0 ? ctx.managers : null,
    periods: keys.map((pk) => ({
      period: pk,
      schemes: result.periods.filter((p) => periodKey(p.period) === pk).map((p) => ({
        scheme: p.scheme,
        payroll: moneyNumber(p.payroll),
        margin: money(p.margin),
        share: share4(p.share),
        revenue_share: share4(p.revenueShare ?? null),
        fund_factor: share4(p.fundFactor ?? null),
        limit_share: share4(p.limitShare),
        over_limit: p.overLimit,
        managers: p.cells.map((c) => ({
          manager: c.manager,
          total: moneyNumber(c.total),
          salary: moneyNumber(c.salary),
          variable: moneyNumber(c.variable),
          margin: money(c.margin),
          attainment: share4(c.attainment),
        })),
      })),
    })),
    manager_totals: result.managerTotals.map((m) => ({ manager: m.manager, totals: m.totals.map(moneyNumber), difference: money(m.delta) })),
    difference: result.difference === null ? null : result.difference.map((d) => ({
      period: periodKey(d.period), manager: d.manager, first: moneyNumber(d.first), second: moneyNumber(d.second), difference: moneyNumber(d.delta),
    })),
    reach: result.reach.map((r) => ({ scheme: r.scheme, rule: r.rule, level: r.level === null ? null : typeof r.level === 'string' ? r.level : r.level.toNumber(), count: r.count })),
    totals: result.totals.map((t) => ({ scheme: t.scheme, payroll: moneyNumber(t.payroll), margin: money(t.margin), share: share4(t.share), manager_periods: t.managerPeriods })),
    warnings: [...simulationWarnings(result, ctx.lang), ...result.periods.filter((p) => p.fundFactor).map((p) => msg(ctx.lang, 'plansSimFundBinds', {
      scheme: p.scheme, period: periodKey(p.period), factor: (p.fundFactor as Dec).toDecimalPlaces(4).toString().replace('.', ctx.lang === 'ru' ? ',' : '.') }))],
    issues: (ctx.allIssues ?? result.issues).map((i) => ({ sheet: i.sheet, row: i.row, column: i.column, value: i.value, message: i.message })),
  };
}
