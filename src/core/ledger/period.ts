/**
 * A period computed against the ledger (SPEC §11): a closed period is its ledger rows; an open
 * period gets, after its rule lines, a true-up (`adjustment`) for every closed period before it
 * whose recomputation from today's data differs, the `carry` of the last closed period's
 * shortfall, and the `manual` adjustments of the period — then the 0 floor of §10.2.
 */
import { ZERO, sum, type Dec } from '../decimal';
import type { Issue } from '../issues';
import { msg, type MessageKey } from '../messages/index';
import type { ManagerPayout, PayoutInput, PayoutLine, PayoutOptions, PayoutRun, SourceRef } from '../model';
import { formatMoney, roundMoney, type Lang } from '../money';
import { displayName, nameKey } from '../ownership';
import { periodEnd, periodKey, periodStart, type Period } from '../periods';
import { computePayouts } from '../payout';
import { dealIndex, managerFingerprints, type DealIndex } from './fingerprints';
import { floorVariable, ruleVariable } from './floor';
import { closedManagerPayout, dealChanges, trueUpsMade, type ClosedPeriod, type Ledger } from './ledger';

/** A row of the Adjustments / Корректировки sheet. */
export interface ManualAdjustment {
  ref: SourceRef;
  period: Period;
  manager: string;
  amount: Dec;
  reason: string;
}

export interface LedgerInputs {
  ledger: Ledger;
  adjustments: ManualAdjustment[];
}

/** How many changed deals a true-up line names before "and N more". */
const NAMED_DEALS = 10;

const before = (a: Period, b: Period) => periodEnd(a) <= periodStart(b);

/** Managers the period would pay: a Plans row in P or a won/lost deal dated in P (withheld when absent from the run). */
export function candidates(input: PayoutInput, period: Period): Set<string> {
  const key = periodKey(period);
  const out = new Set<string>();
  for (const p of input.plans) if (periodKey(p.period) === key) out.add(nameKey(p.manager));
  const start = periodStart(period);
  const end = periodEnd(period);
  for (const d of input.deals) if (d.status !== 'cancelled' && d.date >= start && d.date < end) out.add(nameKey(d.manager));
  return out;
}

function signed(v: Dec, lang: Lang, currency: string): string {
  const text = formatMoney(v, lang, currency);
  return v.greaterThan(0) ? `+${text}` : text;
}

function line(rule: string, amount: Dec, explanation: string, extra: Partial<PayoutLine> = {}): PayoutLine {
  return { rule, metric: null, fact: null, plan: null, attainment: null, rate: null, amount: roundMoney(amount), explanation, next: null, dealRefs: [], ...extra };
}

/** "сделки: 1001 — изменена; 1009 — добавлена", or that no deal changed (plans, KPI or the scheme did). */
export function changedDealsText(stored: ReadonlyMap<string, string>, today: ReadonlyMap<string, string>, lang: Lang): string {
  const { changed, added, removed } = dealChanges(stored, today);
  const named = [
    ...changed.map((deal) => msg(lang, 'ledger.dealChanged', { deal })),
    ...added.map((deal) => msg(lang, 'ledger.dealAdded', { deal })),
    ...removed.map((deal) => msg(lang, 'ledger.dealRemoved', { deal })),
  ];
  if (named.length === 0) return msg(lang, 'ledger.noDealChanged');
  const shown = named.slice(0, NAMED_DEALS).join('; ');
  return msg(lang, 'ledger.dealsChanged', { list: named.length > NAMED_DEALS ? shown + msg(lang, 'ledger.moreDeals', { count: named.length - NAMED_DEALS }) : shown });
}

interface Recomputed {
  run: PayoutRun;
  candidates: Set<string>;
  byKey: Map<string, ManagerPayout>;
}

function recompute(input: PayoutInput, period: Period, options: PayoutOptions): Recomputed {
  const run = computePayouts(input, period, { lang: options.lang, currency: options.currency, ...(options.managers ? { managers: options.managers } : {}) });
  return { run, candidates: candidates(input, period), byKey: new Map(run.managers.map((m) => [nameKey(m.manager), m])) };
}

/**
 * Period P as the ledger makes it. A closed P is its ledger rows (plus, as issues, what would
 * differ today); an open P is computePayouts plus the §11 lines and the floor.
 * @example computeWithLedger(input, nov, { lang: 'ru', currency: 'RUB' }, { ledger, adjustments: [] }).managers[0].lines.at(-1).rule // 'adjustment'
 */
export function computeWithLedger(input: PayoutInput, period: Period, options: PayoutOptions, inputs: LedgerInputs): PayoutRun {
  const { ledger } = inputs;
  const key = periodKey(period);
  const closed = ledger.periods.get(key);
  if (closed) return closedRun(input, closed, options, ledger);

  const { lang, currency } = options;
  const base = computePayouts(input, period, options);
  const issues: Issue[] = [...ledger.issues, ...base.issues];
  const sheet = ledger.sheet ?? msg(lang, 'ledger.sheetName');
  const extra = new Map<string, { name: string; lines: PayoutLine[] }>();
  const add = (name: string, l: PayoutLine) => {
    const k = nameKey(name);
    const entry = extra.get(k) ?? { name: displayName(name), lines: [] };
    entry.lines.push(l);
    extra.set(k, entry);
  };
  const untrusted = new Map<string, string>(); // manager key → the closed period whose rows fail
  const wanted = options.managers ? new Set(options.managers.map(nameKey)) : null;
  let index: DealIndex | null = null; // only when a closed period is recomputed

  const closedBefore = [...ledger.periods.values()].filter((c) => before(c.period, period)).sort((a, b) => (periodStart(a.period) < periodStart(b.period) ? -1 : 1));
  for (const c of closedBefore) for (const [mk, cm] of c.managers) if (!cm.trusted && !untrusted.has(mk)) untrusted.set(mk, c.key);

  // True-ups: every closed period before P, recomputed from today's data.
  for (const c of closedBefore) {
    const today = recompute(input, c.period, options);
    const keys = new Set([...c.managers.keys(), ...today.byKey.keys()]);
    for (const mk of keys) {
      if (untrusted.has(mk) || (wanted && !wanted.has(mk))) continue;
      const cm = c.managers.get(mk);
      const now = today.byKey.get(mk);
      const name = now?.manager ?? cm!.manager;
      if (!now && today.candidates.has(mk)) {
        issues.push(issue('ledger.cannotRecompute', sheet, lang, { manager: name, closed: c.key, period: key }));
        continue;
      }
      const recorded = cm?.ruleVariable ?? ZERO;
      const made = trueUpsMade(ledger, mk, c.key, (d) => before(c.period, d.period) && before(d.period, period));
      const todayVariable = now ? ruleVariable(now.lines) : ZERO;
      const diff = roundMoney(todayVariable.minus(recorded).minus(made));
      if (diff.isZero()) continue;
      const deals = changedDealsText(cm?.deals ?? new Map(), now ? managerFingerprints(now, c.period, (index ??= dealIndex(input))) : new Map(), lang);
      add(name, line('adjustment', diff, msg(lang, 'ledger.trueUpExplain', { period: c.key, amount: signed(diff, lang, currency), deals }), { forPeriod: c.key }));
    }
  }

  // Carry: the last closed period's shortfall, consumed by the next period computed after it.
  const last = closedBefore[closedBefore.length - 1];
  if (last) {
    for (const [mk, cm] of last.managers) {
      if (untrusted.has(mk) || (wanted && !wanted.has(mk)) || !cm.shortfall.greaterThan(0)) continue;
      add(cm.manager, line('carry', cm.shortfall.negated(), msg(lang, 'ledger.carryExplain', { period: last.key, amount: formatMoney(cm.shortfall.negated(), lang, currency) }), { forPeriod: last.key }));
    }
  }

  // Manual adjustments of P, with their reason.
  for (const a of inputs.adjustments) {
    if (periodKey(a.period) !== key || (wanted && !wanted.has(nameKey(a.manager)))) continue;
    add(a.manager, line('manual', a.amount, a.reason));
  }

  const paid = new Map(base.managers.map((m) => [nameKey(m.manager), m]));
  const here = candidates(input, period);
  for (const [mk, { name, lines }] of extra) {
    const m = paid.get(mk);
    if (m) paid.set(mk, floorVariable({ ...m, lines: [...m.lines, ...lines] }, lang, currency));
    else if (here.has(mk)) issues.push(issue('ledger.linesWithheld', sheet, lang, { manager: name, period: key }));
    else {
      // SPEC §10.2: a manager with only §11 lines gets a statement with those lines and no salary.
      paid.set(mk, floorVariable({
        manager: name, scheme: '', period, lines, salary: ZERO, variableBeforeKpi: ZERO, kpiRows: [], kpiCoefficient: null,
        variable: ZERO, total: ZERO, attainment: null, margin: null, deals: [], notes: [],
      }, lang, currency));
    }
  }
  for (const [mk, closedKey] of untrusted) {
    const m = paid.get(mk);
    if (!m && !here.has(mk)) continue;
    paid.delete(mk);
    issues.push(issue('ledger.untrustedWithheld', sheet, lang, { manager: m?.manager ?? displayName(mk), period: key, closed: closedKey, sheet }));
  }
  const managers = [...paid.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, m]) => m);
  return { ...base, managers, issues };
}

function issue(code: MessageKey, sheet: string, lang: Lang, params: Record<string, string>, row: number | null = null, value: string | null = null): Issue {
  return { code, sheet, row, column: null, value, message: msg(lang, code, params) };
}

/** A closed period: the ledger's statements, and as issues what today's data would make of it. */
function closedRun(input: PayoutInput, closed: ClosedPeriod, options: PayoutOptions, ledger: Ledger): PayoutRun {
  const { lang, currency } = options;
  const sheet = ledger.sheet ?? msg(lang, 'ledger.sheetName');
  const wanted = options.managers ? new Set(options.managers.map(nameKey)) : null;
  const issues: Issue[] = [...ledger.issues];
  const note = msg(lang, 'ledger.closedNote', { at: closed.closedAt, by: closed.closedBy, sheet });
  const managers: ManagerPayout[] = [];
  for (const [mk, cm] of [...closed.managers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (wanted && !wanted.has(mk)) continue;
    const m = closedManagerPayout(closed, cm);
    managers.push({ ...m, notes: [note, ...(cm.trusted ? [] : [msg(lang, 'ledger.untrustedNote', { sheet, rows: cm.rows.join(', ') })])] });
  }
  // What would differ today (SPEC §11: checkData lists it); the difference is a true-up in the next open period.
  const today = recompute(input, closed.period, options);
  const index = dealIndex(input);
  const keys = new Set([...closed.managers.keys(), ...today.byKey.keys()]);
  for (const mk of keys) {
    if (wanted && !wanted.has(mk)) continue;
    const cm = closed.managers.get(mk);
    const now = today.byKey.get(mk);
    if (cm && !cm.trusted) continue;
    const recorded = cm?.ruleVariable ?? ZERO;
    const todayVariable = now ? ruleVariable(now.lines) : ZERO;
    if (!now && today.candidates.has(mk)) continue;
    if (todayVariable.equals(recorded)) continue;
    issues.push(issue('ledger.wouldDiffer', sheet, lang, {
      manager: now?.manager ?? cm!.manager, period: closed.key,
      today: formatMoney(todayVariable, lang, currency), closed: formatMoney(recorded, lang, currency),
      deals: changedDealsText(cm?.deals ?? new Map(), now ? managerFingerprints(now, closed.period, index) : new Map(), lang),
    }));
  }
  return { period: closed.period, currency, lang, managers, issues, closed: { at: closed.closedAt, by: closed.closedBy } };
}

/** The rows' total, for summaries. */
export function runTotal(run: PayoutRun): Dec {
  return sum(run.managers.map((m) => m.total));
}

export type { DealIndex };
