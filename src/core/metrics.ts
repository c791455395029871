/**
 * Facts for manager m in period P (SPEC §3). A fact that cannot be computed is MISSING, with the
 * reason in the run's language: a rule that needs it pays 0 and says why.
 */
import { Dec, ZERO, sum, sumBy } from './decimal';
import { matchesFilter, type DealFilter, type FilterScope } from './filters';
import { countOf, creditedParts, largestShare, SplitScales } from './splits';
import { msg } from './messages/index';
import { metricKind, metricLabel } from './metricNames';
import type { Deal, KpiFact, PayoutInput } from './model';
import type { Lang } from './money';
import { cachedNameKey, clientOwnership, nameKey, type ClientOwnership } from './ownership';
import { periodEnd, periodKey, periodStart, type LocalDate, type Period } from './periods';

export interface MetricFact {
  value: Dec | null;
  /** Why the value is missing (null when it is known). */
  reason: string | null;
  /** The deals behind the fact. */
  deals: Deal[];
}

/** A payment received on a deal: a Payments row, or the Deals' own paid / paid date cells. */
export interface CashEvent {
  deal: Deal;
  date: LocalDate;
  amount: Dec;
}

/** The input prepared once per run: as-of cut applied, rows in sheet order, ownership known. */
export interface DealIndex {
  input: PayoutInput;
  /** The deals as written (a split deal once, whole). */
  deals: Deal[];
  /** The deals as credited (SPEC §14 splits): a split deal as one part per share, the others as they are. */
  credited: Deal[];
  /** Per-run nameKey cache (filters compare attribute values by it). */
  key(name: string): string;
  cash: CashEvent[] | null;
  cashByDeal: Map<Deal, CashEvent[]>;
  ownership: ClientOwnership;
  kpiFacts: KpiFact[];
  /** Name keys, from a per-run cache by spelling (nameKey is a regex: not per manager × deal). */
  managerKey(deal: Deal): string;
  clientKey(deal: Deal): string | null;
  /** manager key → that manager's credited deals, in sheet order. */
  byManager: Map<string, Deal[]>;
  /** client key → the client's deals, in sheet order. */
  readonly byClient: Map<string, Deal[]>;
  /** owner's manager key → the client keys that manager owns. */
  ownedClients: Map<string, string[]>;
  /** manager key → payments on that manager's won deals (a split deal's payments by share). */
  cashByManager: Map<string, CashEvent[]>;
}

const byRow = <T extends { ref: { sheet: string; row: number } }>(a: T, b: T) =>
  a.ref.sheet === b.ref.sheet ? a.ref.row - b.ref.row : a.ref.sheet < b.ref.sheet ? -1 : 1;

/** Rows in sheet order (sorted in place when they are not); readers already give them so, and sorting 100 000 rows is not free. */
export function inSheetOrder<T extends { ref: { sheet: string; row: number } }>(rows: T[]): T[] {
  return isInSheetOrder(rows) ? rows : rows.sort(byRow);
}

function isInSheetOrder<T extends { ref: { sheet: string; row: number } }>(rows: readonly T[]): boolean {
  for (let i = 1; i < rows.length; i++) if (byRow(rows[i - 1], rows[i]) > 0) return false;
  return true;
}

export function indexDeals(input: PayoutInput, asOf?: LocalDate): DealIndex {
  // The input's own array when it is in sheet order (nobody writes to it): a 100 000-entry copy less.
  const deals = asOf ? inSheetOrder(input.deals.filter((d) => d.date <= asOf)) : isInSheetOrder(input.deals) ? input.deals : [...input.deals].sort(byRow);
  let cash: CashEvent[] | null = null;
  if (input.payments !== null) {
    const byId = new Map<string, Deal>();
    for (const d of deals) if (d.id !== null && d.id.trim() !== '' && !byId.has(d.id.trim())) byId.set(d.id.trim(), d);
    cash = [];
    for (const p of [...input.payments].sort(byRow)) {
      if (asOf && p.date > asOf) continue;
      const deal = byId.get(String(p.dealId).trim());
      if (deal) cash.push({ deal, date: p.date, amount: p.amount });
    }
  } else if (input.columns.paid) {
    cash = [];
    // A paid amount without a paid date is taken as paid on the deal's own date.
    for (const d of deals) {
      if (d.paid === null) continue;
      const date = d.paidDate ?? d.date;
      if (asOf && date > asOf) continue;
      cash.push({ deal: d, date, amount: d.paid });
    }
  }
  // Keys by spelling, not by deal: a handful of distinct names, looked up in a small map, instead
  // of two 100 000-entry maps keyed by deal objects.
  const key = cachedNameKey();
  const managerKey = (d: Deal): string => key(d.manager);
  const clientKey = (d: Deal): string | null => (d.client ? key(d.client) || null : null);
  const byManager = new Map<string, Deal[]>();
  const credited: Deal[] = [];
  const partsOf = new Map<Deal, Deal[]>();
  let anySplit = false;
  const splitScales = new SplitScales();
  // Indexed loops here and below: until a loop is optimised, `for…of` makes an iterator result
  // per element, 100 000 of them per pass for the collector (the §14 bench, SPEC §9).
  for (let i = 0; i < deals.length; i++) {
    const d = deals[i];
    if (d.split && d.split.length > 0) {
      anySplit = true;
      const parts = creditedParts(d, splitScales);
      if (cash !== null) partsOf.set(d, parts);
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p];
        credited.push(part);
        push(byManager, managerKey(part), part);
      }
    } else {
      credited.push(d);
      push(byManager, managerKey(d), d);
    }
  }
  const creditedCash: CashEvent[] = [];
  for (const e of cash ?? []) {
    const parts = partsOf.get(e.deal);
    if (!parts) { creditedCash.push(e); continue; }
    // A payment on a split deal is credited by share; the last share takes the remainder.
    let left = e.amount;
    parts.forEach((part, i) => {
      const amount = i === parts.length - 1 ? left : e.amount.times(part.share as Dec);
      left = left.minus(amount);
      creditedCash.push({ deal: part, date: e.date, amount });
    });
  }
  const cashByDeal = new Map<Deal, CashEvent[]>();
  const cashByManager = new Map<string, CashEvent[]>();
  for (let i = 0; i < creditedCash.length; i++) {
    const e = creditedCash[i];
    push(cashByDeal, e.deal, e);
    if (e.deal.status === 'won') push(cashByManager, managerKey(e.deal), e);
  }
  // A split client's owner is the largest share's manager (SPEC §14).
  const ownership = clientOwnership(deals, key, anySplit ? (d) => (d.split && d.split.length > 0 ? largestShare(d.split).manager : d.manager) : undefined);
  const ownedClients = new Map<string, string[]>();
  let byClient: Map<string, Deal[]> | null = null;
  ownership.owner.forEach((owner, client) => push(ownedClients, owner, client));
  return {
    input, deals, credited, key, cash: cash === null ? null : creditedCash, cashByDeal, ownership, kpiFacts: [...input.kpiFacts].sort(byRow),
    managerKey, clientKey, byManager, ownedClients, cashByManager,
    // Made when first asked (client turnover, new clients): a plan without them skips 100 000 pushes.
    get byClient() {
      if (byClient === null) {
        byClient = new Map<string, Deal[]>();
        for (let i = 0; i < deals.length; i++) {
          const c = clientKey(deals[i]);
          if (c !== null) push(byClient, c, deals[i]);
        }
      }
      return byClient;
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whose facts: one manager's (optionally only the deals a filter matches), or the whole company's (SPEC §14 fund). */
export interface FactsScope {
  filter?: DealFilter | null;
  company?: boolean;
}

/** The facts of one manager in one period, computed on demand and cached. */
export class ManagerFacts {
  private readonly cache = new Map<string, MetricFact>();
  private readonly filtered = new Map<string, ManagerFacts>();
  readonly key: string;
  readonly filter: DealFilter | null;

  private readonly start: LocalDate;
  private readonly end: LocalDate;
  private readonly matches: ((d: Deal) => boolean) | null;
  /** The unfiltered facts a filtered one was made from (withFilter): its lists are filtered, not m's every deal again. */
  private readonly parent: ManagerFacts | null;
  private ownList: Deal[] | null = null;
  private periodList: Deal[] | null = null;
  private wonList: Deal[] | null = null;

  constructor(readonly index: DealIndex, readonly manager: string, readonly period: Period, readonly lang: Lang, readonly scope: FactsScope = {}, parent: ManagerFacts | null = null) {
    this.key = nameKey(manager);
    this.start = periodStart(period);
    this.end = periodEnd(period);
    this.filter = scope.filter ?? null;
    this.parent = parent;
    const filter = this.filter;
    if (filter) {
      const fs: FilterScope = {
        start: this.start, end: this.end, clientKey: index.clientKey, key: index.key,
        firstWon: (client) => index.ownership.firstWon.get(client),
      };
      this.matches = (d) => matchesFilter(filter, d, fs);
    } else {
      this.matches = null;
    }
  }

  /**
   * m's credited deals (every date), the filter applied. The three lists are made when first asked
   * (a filtered rule asks only for the won deals of P), each in sheet order: filtering the
   * parent's list gives the same deals in the same order as filtering m's every deal.
   */
  private get own(): Deal[] {
    if (this.ownList === null) {
      const all = this.parent ? this.parent.own : this.scope.company ? this.index.credited : this.index.byManager.get(this.key) ?? [];
      this.ownList = this.matches ? all.filter(this.matches) : all;
    }
    return this.ownList;
  }

  /** m's deals dated in P, every status. */
  get periodDeals(): Deal[] {
    if (this.periodList === null) {
      if (this.parent && this.matches) this.periodList = this.parent.periodDeals.filter(this.matches);
      else {
        const start = this.start;
        const end = this.end;
        this.periodList = this.own.filter((d) => d.date >= start && d.date < end);
      }
    }
    return this.periodList;
  }

  get wonInPeriod(): Deal[] {
    if (this.wonList === null) {
      this.wonList = this.parent && this.matches ? this.parent.wonInPeriod.filter(this.matches) : this.periodDeals.filter((d) => d.status === 'won');
    }
    return this.wonList;
  }

  /** The same manager's facts over the deals a filter matches (cached per filter text). */
  withFilter(filter: DealFilter | null): ManagerFacts {
    if (!filter) return this;
    let f = this.filtered.get(filter.text);
    if (!f) {
      // Filtered facts asked for another filter get that filter alone: only unfiltered facts lend their lists.
      f = new ManagerFacts(this.index, this.manager, this.period, this.lang, { ...this.scope, filter }, this.filter === null ? this : null);
      this.filtered.set(filter.text, f);
    }
    return f;
  }

  /** Is the day in P (half-open [start, end)). */
  inP(day: LocalDate): boolean {
    return day >= this.start && day < this.end;
  }

  /**
   * All won deals dated in P of clients m owns, whoever closed them (whole deals: this follows
   * ownership, not credit), with the client's first won day and whether it is the client's first won deal.
   */
  ownedClientDeals(): { deal: Deal; firstWon: LocalDate; first: boolean }[] {
    const out: { deal: Deal; firstWon: LocalDate; first: boolean }[] = [];
    for (const client of this.index.ownedClients.get(this.key) ?? []) {
      const firstWon = this.index.ownership.firstWon.get(client);
      if (!firstWon) continue;
      let firstSeen = false;
      const clientDeals = this.index.byClient.get(client) ?? [];
      for (let i = 0; i < clientDeals.length; i++) {
        const deal = clientDeals[i];
        if (deal.status !== 'won') continue;
        const first = !firstSeen && deal.date === firstWon;
        if (first) firstSeen = true;
        if (this.inP(deal.date) && (!this.matches || this.matches(deal))) out.push({ deal, firstWon, first });
      }
    }
    return out.sort((a, b) => a.deal.ref.row - b.deal.ref.row);
  }

  fact(metric: string): MetricFact {
    let f = this.cache.get(metric);
    if (!f) {
      f = this.compute(metric);
      this.cache.set(metric, f);
    }
    return f;
  }

  private known(value: Dec, deals: Deal[]): MetricFact {
    return { value, reason: null, deals };
  }

  private missing(reason: string, deals: Deal[] = []): MetricFact {
    return { value: null, reason, deals };
  }

  /** m's new clients in P: owned by m, earliest won deal in P (keys → the first such deal). */
  newClients(): Map<string, Deal> {
    const found: [string, Deal][] = [];
    for (const client of this.index.ownedClients.get(this.key) ?? []) {
      const first = this.index.ownership.firstWon.get(client);
      if (!first || !this.inP(first)) continue;
      const deal = (this.index.byClient.get(client) ?? []).find((d) => d.status === 'won' && d.date === first);
      if (deal && (!this.matches || this.matches(deal))) found.push([client, deal]);
    }
    found.sort((a, b) => a[1].ref.row - b[1].ref.row);
    return new Map(found);
  }

  private compute(metric: string): MetricFact {
    const lang = this.lang;
    const cols = this.index.input.columns;
    const won = this.wonInPeriod;
    switch (metric) {
      case 'revenue':
        return this.known(sumBy(won, amountOf), won);
      case 'margin': {
        if (!cols.margin) return this.missing(msg(lang, 'engReasonNoMarginColumn'), won);
        for (let i = 0; i < won.length; i++) if (won[i].margin === null) return this.missing(msg(lang, 'engReasonBlankMargin', { row: won[i].ref.row }), won);
        return this.known(sumBy(won, marginOf), won);
      }
      case 'paid_revenue': {
        const events = this.cashInPeriod();
        if (events === null) return this.missing(msg(lang, 'engReasonNoPayments'));
        return this.known(sumBy(events, (e) => e.amount), uniqueDeals(events.map((e) => e.deal)));
      }
      case 'paid_margin': {
        const events = this.cashInPeriod();
        if (events === null) return this.missing(msg(lang, 'engReasonNoPayments'));
        if (!cols.margin) return this.missing(msg(lang, 'engReasonNoMarginColumn'));
        let total = ZERO;
        for (const e of events) {
          if (e.deal.margin === null) return this.missing(msg(lang, 'engReasonBlankMargin', { row: e.deal.ref.row }));
          if (e.deal.amount.isZero()) return this.missing(msg(lang, 'engReasonZeroAmount', { row: e.deal.ref.row }));
          total = total.plus(e.amount.times(e.deal.margin).dividedBy(e.deal.amount));
        }
        return this.known(total, uniqueDeals(events.map((e) => e.deal)));
      }
      case 'deals': {
        // amount > 0, asked without greaterThan(0), which makes a Decimal of the 0 for every deal.
        // A split deal counts its share (SPEC §14: a 60 % share counts 0.6).
        const counted = won.filter((d) => d.amount.isPositive() && !d.amount.isZero());
        return this.known(this.index.input.columns.split ? sumBy(counted, countOf) : new Dec(counted.length), counted);
      }
      case 'new_clients': {
        if (!cols.client) return this.missing(msg(lang, 'engReasonNoClientColumn'));
        const clients = this.newClients();
        return this.known(new Dec(clients.size), [...clients.values()]);
      }
      case 'conversion': {
        if (!cols.status) return this.missing(msg(lang, 'engReasonNoStatusColumn'));
        const deals = this.fact('deals');
        const lost = this.periodDeals.filter((d) => d.status === 'lost');
        const denominator = (deals.value as Dec).plus(this.index.input.columns.split ? sumBy(lost, countOf) : lost.length);
        if (denominator.isZero()) return this.missing(msg(lang, 'engReasonNoDealsForConversion'));
        return this.known((deals.value as Dec).dividedBy(denominator), [...deals.deals, ...lost]);
      }
      case 'collection': {
        const paid = this.fact('paid_revenue');
        if (paid.value === null) return paid;
        const start = periodStart(this.period);
        let owed = ZERO;
        const before = this.own.filter((d) => d.status === 'won' && d.date < start);
        for (const d of before) {
          const paidBefore = sum((this.index.cashByDeal.get(d) ?? []).filter((e) => e.date < start).map((e) => e.amount));
          owed = owed.plus(Dec.max(ZERO, d.amount.minus(paidBefore)));
        }
        const denominator = owed.plus(this.fact('revenue').value as Dec);
        if (denominator.lessThanOrEqualTo(0)) return this.missing(msg(lang, 'engReasonNothingToCollect'));
        return this.known((paid.value as Dec).dividedBy(denominator), paid.deals);
      }
      case 'new_client_share': {
        const fresh = this.fact('new_clients');
        if (fresh.value === null) return fresh;
        const clients = new Set(won.map((d) => this.index.clientKey(d)).filter((c): c is string => !!c));
        if (clients.size === 0) return this.missing(msg(lang, 'engReasonNoClientsInPeriod'));
        return this.known((fresh.value as Dec).dividedBy(clients.size), fresh.deals);
      }
      case 'regular_clients': {
        if (!cols.client) return this.missing(msg(lang, 'engReasonNoClientColumn'));
        const regular = this.regularClients();
        return this.known(new Dec(regular.size), [...regular.values()]);
      }
      case 'new_to_regular': {
        const fresh = this.fact('new_clients');
        if (fresh.value === null) return fresh;
        const regular = this.fact('regular_clients');
        if (regular.value === null) return regular;
        if (regular.value.isZero()) return this.missing(msg(lang, 'plansReasonNoRegular'), fresh.deals);
        return this.known((fresh.value as Dec).dividedBy(regular.value), [...fresh.deals, ...regular.deals]);
      }
      default: {
        // Several KPI-facts rows for the same manager, metric and period are added up.
        const rows = this.index.kpiFacts.filter(
          (f) => f.metric === metric && nameKey(f.manager) === this.key && periodKey(f.period) === periodKey(this.period),
        );
        if (rows.length === 0 && this.period.kind === 'quarter') {
          const fromMonths = this.quarterFromMonths(metric);
          if (fromMonths !== null) return this.known(fromMonths, []);
        }
        if (rows.length === 0) {
          const sheet = this.index.input.sheetNames.kpi;
          return this.missing(
            sheet === null
              ? msg(lang, 'engReasonNoKpiSheet', { metric: metricLabel(metric, lang) })
              : msg(lang, 'engReasonNoKpiRow', { sheet, metric: metricLabel(metric, lang), period: periodKey(this.period) }),
          );
        }
        return this.known(sum(rows.map((r) => r.value)), []);
      }
    }
  }

  /**
   * A quarter with no quarter row of KPI facts: the months' rows (README decisions). Counts and
   * money (contacts, calls as `contacts`) add up over the months; anything else (score, ratios,
   * metrics the engine does not know) is the average of the months that have a row. Null when no
   * month of the quarter has a row.
   */
  private quarterFromMonths(metric: string): Dec | null {
    if (this.period.kind !== 'quarter') return null;
    const year = this.period.year;
    const first = (this.period.quarter - 1) * 3 + 1;
    const byMonth = new Map<number, Dec>();
    for (const f of this.index.kpiFacts) {
      if (f.metric !== metric || f.period.kind !== 'month' || f.period.year !== year) continue;
      if (f.period.month < first || f.period.month > first + 2 || nameKey(f.manager) !== this.key) continue;
      byMonth.set(f.period.month, (byMonth.get(f.period.month) ?? ZERO).plus(f.value));
    }
    if (byMonth.size === 0) return null;
    const total = sum([...byMonth.values()]);
    const kind = metricKind(metric);
    return kind === 'count' || kind === 'money' ? total : total.dividedBy(byMonth.size);
  }

  /**
   * SPEC §14: distinct clients of m's credited won deals in P who had a won deal (anyone's) before P
   * (keys → the first such deal of P).
   */
  regularClients(): Map<string, Deal> {
    const out = new Map<string, Deal>();
    const won = this.wonInPeriod;
    for (let i = 0; i < won.length; i++) {
      const d = won[i];
      const client = this.index.clientKey(d);
      if (client === null || out.has(client)) continue;
      const first = this.index.ownership.firstWon.get(client);
      if (first !== undefined && first < this.start) out.set(client, d);
    }
    return out;
  }

  /** Payments received in P on m's won deals; null when there is no payment data at all. */
  private cashInPeriod(): CashEvent[] | null {
    if (this.index.cash === null) return null;
    const events = this.scope.company ? this.index.cash.filter((e) => e.deal.status === 'won') : this.index.cashByManager.get(this.key) ?? [];
    return events.filter((e) => this.inP(e.date) && (!this.matches || this.matches(e.deal)));
  }
}

const amountOf = (d: Deal): Dec => d.amount;
/** A won deal's margin, once checked not null. */
const marginOf = (d: Deal): Dec => d.margin as Dec;

function uniqueDeals(deals: Deal[]): Deal[] {
  return [...new Set(deals)];
}
