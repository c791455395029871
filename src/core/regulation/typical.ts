/**
 * The worked examples' typical manager (SPEC §13): the median Plan of the scheme's managers in the
 * period, and a synthetic workbook in which that manager reaches a given share of every value, so
 * that the real engine (`computePayouts`) pays the examples — never a second implementation of the
 * rules.
 *
 * The 100 % value of each indicator: its median Plan when the Plans give one; for a KPI indicator
 * without a Plan, its target; otherwise the median of what the scheme's managers actually reached
 * over the evidence window (section 6). At share s every value is s × that (counts rounded down),
 * as the sidebar's preview curve does.
 */
import { Dec, ZERO, dec, sum } from '../decimal';
import { indexDeals, ManagerFacts } from '../metrics';
import { COUNT_METRICS, isDealMetric } from '../metricNames';
import type { Deal, KpiFact, Payment, PayoutInput, PlanRow, PlanTargets } from '../model';
import { nameKey } from '../ownership';
import { periodStart, previousPeriod, type Period } from '../periods';
import type { Scheme } from '../schemes';
import { median } from './format';

/** The pseudo-indicator of the partner price rule: Σ (amount − partner price) of the period's deals that have one. */
export const PARTNER_DIFFERENCE = 'partner_price';

/** Every indicator the scheme's pay depends on, with revenue and deal count (the examples' deals need them). */
export function schemeMetrics(scheme: Scheme): string[] {
  const out = new Set<string>(['revenue', 'deals']);
  for (const r of scheme.rules) {
    switch (r.kind) {
      case 'percent': case 'tiers': case 'plan_bonus': case 'kpi': out.add(r.metric); break;
      case 'client_turnover': out.add(r.metric); break;
      case 'deal_bonus': out.add('deals'); break;
      case 'new_client_bonus': out.add('new_clients'); break;
      case 'partner_price': out.add('new_clients').add(PARTNER_DIFFERENCE); break;
      case 'limit': if (r.metric) out.add(r.metric); break;
      case 'team_override': out.add(r.metric); break;
      case 'company_limit': if (r.metric) out.add(r.metric); break;
      case 'salary': case 'kpi_gate': case 'guarantee': break;
    }
  }
  if (out.has('paid_margin') || out.has('margin')) out.add('margin');
  if (out.has('collection') || out.has('paid_margin')) out.add('paid_revenue');
  return [...out];
}

export interface TypicalValues {
  /** Median Plans of the scheme's managers in the period (the synthetic Plans row). */
  plan: PlanTargets;
  /** The 100 % value of every indicator that has one. */
  base: Map<string, Dec>;
  /** Indicators whose 100 % value is a median of actual results (not a Plan or a target). */
  fromResults: string[];
}

/** The Plans rows of `period` naming the scheme, first row per manager. */
export function schemePlanRows(input: PayoutInput, schemeKeyText: string, period: Period, key: (s: string) => string): PlanRow[] {
  const seen = new Set<string>();
  const out: PlanRow[] = [];
  for (const row of [...input.plans].sort((a, b) => a.ref.row - b.ref.row)) {
    if (row.period.kind !== period.kind || periodStart(row.period) !== periodStart(period)) continue;
    const mk = nameKey(row.manager);
    if (seen.has(mk)) continue;
    seen.add(mk);
    if (key(String(row.scheme ?? '')) === schemeKeyText) out.push(row);
  }
  return out;
}

export function typicalValues(input: PayoutInput, scheme: Scheme, planRows: readonly PlanRow[], managers: readonly string[], window: readonly Period[]): TypicalValues {
  const plan: PlanTargets = {};
  const metricsPlanned = new Set(planRows.flatMap((r) => Object.keys(r.targets)));
  for (const metric of metricsPlanned) {
    const m = median(planRows.map((r) => r.targets[metric]).filter((v): v is Dec => v !== undefined));
    if (m !== null) plan[metric] = m;
  }
  const base = new Map<string, Dec>(Object.entries(plan));
  for (const r of scheme.rules) if (r.kind === 'kpi' && !base.has(r.metric) && r.target !== null) base.set(r.metric, r.target);
  const wanted = schemeMetrics(scheme).filter((m) => !base.has(m));
  const fromResults: string[] = [];
  if (wanted.length > 0 && window.length > 0 && managers.length > 0) {
    const index = indexDeals(input);
    const samples = new Map<string, Dec[]>(wanted.map((m) => [m, []]));
    for (const period of window) {
      for (const manager of managers) {
        const facts = new ManagerFacts(index, manager, period, 'en');
        for (const metric of wanted) {
          if (metric === PARTNER_DIFFERENCE) {
            const withPrice = facts.wonInPeriod.filter((d) => d.partnerPrice !== null);
            if (withPrice.length > 0) samples.get(metric)!.push(sum(withPrice.map((d) => d.amount.minus(d.partnerPrice as Dec))));
            continue;
          }
          const v = facts.fact(metric).value;
          if (v !== null) samples.get(metric)!.push(v);
        }
      }
    }
    for (const [metric, values] of samples) {
      const m = median(values);
      if (m === null) continue;
      base.set(metric, m);
      fromResults.push(metric);
    }
  }
  return { plan, base, fromResults };
}

/** `total` split into `n` kopeck amounts that add up to it exactly (the last takes the remainder). */
function split(total: Dec, n: number): Dec[] {
  if (n <= 0) return [];
  const each = total.dividedBy(n).toDecimalPlaces(2, Dec.ROUND_DOWN);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total.minus(each.times(n - 1)) : each));
}

const kop = (v: Dec) => v.toDecimalPlaces(2, Dec.ROUND_HALF_UP);

/**
 * A workbook of one manager, `name`, whose indicators in `period` are `share` × the typical values:
 * won deals carrying the revenue, margin and partner prices; new clients' first deals and regular
 * clients (first bought the month before); lost deals for the conversion; an earlier unpaid deal and
 * payments for the paid revenue and the collection; KPI facts for the rest. The workbook's own
 * columns are kept, so a value this workbook cannot give is missing in the example too.
 */
export function typicalInput(input: PayoutInput, scheme: Scheme, schemeRows: PayoutInput['schemeRows'], typical: TypicalValues, period: Period, share: Dec, name: string): PayoutInput {
  const at = (metric: string): Dec | null => {
    const b = typical.base.get(metric);
    if (b === undefined) return null;
    const v = b.times(share);
    return COUNT_METRICS.includes(metric) ? v.floor() : v;
  };
  const start = periodStart(period);
  const before = periodStart(previousPeriod(period.kind === 'month' ? period : { kind: 'month', year: period.year, month: (period.quarter - 1) * 3 + 1 }));
  const cols = input.columns;
  const revenue = kop(at('revenue') ?? ZERO);
  const newClients = cols.client ? (at('new_clients') ?? ZERO).toNumber() : 0;
  let count = (at('deals') ?? ZERO).toNumber();
  if (count === 0 && revenue.greaterThan(0)) count = 1;
  count = Math.max(count, newClients);
  const marginTotal = cols.margin ? at('margin') : null;
  const amounts = split(revenue, count);
  const margins = marginTotal !== null ? split(kop(marginTotal), count) : null;
  const partnerTotal = cols.partnerPrice ? at(PARTNER_DIFFERENCE) : null;
  const partner = partnerTotal !== null && partnerTotal.greaterThan(0) ? split(kop(partnerTotal), count) : null;

  let row = 1;
  const deals: Deal[] = [];
  const payments: Payment[] = [];
  const deal = (date: string, amount: Dec, margin: Dec | null, client: string | null, status: Deal['status'], partnerPrice: Dec | null = null): Deal => {
    row += 1;
    const d: Deal = {
      ref: { sheet: input.sheetNames.deals, row }, id: `T-${row}`, date, manager: name, client, amount,
      cost: margin !== null ? amount.minus(margin) : null, margin, status, paid: null, paidDate: null, partnerPrice, attractedBy: null,
    };
    deals.push(d);
    return d;
  };
  const paid = (d: Deal, date: string, amount: Dec) => {
    if (!amount.isZero()) payments.push({ ref: { sheet: input.sheetNames.payments ?? 'Payments', row: payments.length + 2 }, dealId: d.id as string, date, amount });
  };

  // regular clients first bought the month before, and paid for it then
  const regular = amounts.map((a, i) => (i >= newClients ? deal(before, a, margins ? margins[i] : null, `C${i + 1}`, 'won') : null));
  for (const d of regular) if (d) paid(d, before, d.amount);

  // what the manager's clients still owed at the start of the period, for the collection
  const paidRevenue = at('paid_revenue');
  const collection = at('collection');
  let owed = ZERO;
  if (paidRevenue !== null && collection !== null && collection.greaterThan(0)) owed = Dec.max(ZERO, kop(paidRevenue.dividedBy(collection).minus(revenue)));
  const earlier = owed.greaterThan(0)
    ? deal(before, owed, marginTotal !== null && revenue.greaterThan(0) ? kop(owed.times(marginTotal).dividedBy(revenue)) : null, 'C0', 'won')
    : null;

  const current = amounts.map((a, i) => deal(start, a, margins ? margins[i] : null, `C${i + 1}`, 'won', partner ? a.minus(partner[i]) : null));
  const conversion = cols.status ? at('conversion') : null;
  if (conversion !== null && conversion.greaterThan(0) && conversion.lessThan(1)) {
    const lost = Math.round(dec(count).times(ONE_MINUS(conversion)).dividedBy(conversion).toNumber());
    for (let i = 0; i < lost; i++) deal(start, amounts[0] ?? ZERO, null, null, 'lost');
  }

  // the period's payments: the old debt first, then the period's deals, any excess on the last one
  const withCash = input.payments !== null || cols.paid;
  if (withCash) {
    let left = kop(paidRevenue ?? revenue);
    const pay = (d: Deal, cap: Dec | null) => {
      const amount = cap === null ? left : Dec.min(left, cap);
      paid(d, start, amount);
      left = left.minus(amount);
    };
    if (earlier) pay(earlier, earlier.amount);
    current.forEach((d, i) => pay(d, i === current.length - 1 ? null : Dec.max(ZERO, d.amount)));
  }

  const kpiFacts: KpiFact[] = [];
  for (const metric of typical.base.keys()) {
    if (isDealMetric(metric) || metric === PARTNER_DIFFERENCE) continue;
    const v = at(metric);
    if (v !== null) kpiFacts.push({ ref: { sheet: input.sheetNames.kpi ?? 'KPI', row: kpiFacts.length + 2 }, period, manager: name, metric, value: v });
  }
  const plan: PlanRow = { ref: { sheet: input.sheetNames.plans ?? 'Plans', row: 2 }, period, manager: name, scheme: scheme.name, targets: typical.plan };
  // A scheme with a guarantee is a new hire's: the typical manager is hired on the period's first day, inside the guarantee.
  const hired = scheme.rules.some((r) => r.kind === 'guarantee') ? periodStart(period) : null;
  return {
    deals, payments: withCash ? payments : null, plans: [plan], kpiFacts, schemeRows,
    columns: { ...cols, paid: withCash, dealId: true }, sheetNames: input.sheetNames,
    ...(hired ? { managers: [{ ref: { sheet: 'Managers', row: 2 }, manager: name, email: null, aliases: [], employeeId: null, head: null, hired }] } : {}),
  };
}

const ONE_MINUS = (v: Dec) => new Dec(1).minus(v);
