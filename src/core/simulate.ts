/**
 * *Simulate scheme…* (SPEC §6, seeds 000/002: "financial limits", "proof that the KPI is
 * achievable"): run one or two schemes over past periods as if they had been in force for every
 * manager, and show what they would have paid, payroll as a share of margin, how many managers
 * reached each tier or bonus, and the difference between the two schemes.
 */
import { ZERO, sum, type Dec } from './decimal';
import type { Issue } from './issues';
import type { ManagerPayout, PayoutInput, PayoutOptions, PayoutRun } from './model';
import { computePayouts } from './payout';
import { nextPeriod, periodKey, type Period } from './periods';

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
}

/** How many manager-periods reached a rule's tier or bonus (a line that paid more than 0). */
export interface TierReach {
  scheme: string;
  rule: string;
  /** The tier or bonus reached, as the statement shows it (a rate, an amount, a tier text). */
  level: string;
  count: number;
}

export interface SimulationResult {
  schemes: string[];
  periods: SimulationPeriod[];
  reach: TierReach[];
  /** Per period and manager, scheme 2 − scheme 1 (only with two schemes). */
  difference: { period: Period; manager: string; delta: Dec }[] | null;
  totals: { scheme: string; payroll: Dec; margin: Dec | null; share: Dec | null }[];
  /** Managers that could not be paid, invalid schemes, missing facts: as the engine reports them. */
  issues: Issue[];
}

export interface SimulationRequest {
  schemes: string[]; // one or two scheme names
  periods: Period[];
  managers?: string[];
}

export function simulateSchemes(
  input: PayoutInput,
  request: SimulationRequest,
  options: Omit<PayoutOptions, 'schemeOverride' | 'managers' | 'asOf'>,
  limitShareOf: (scheme: string) => Dec | null,
): SimulationResult {
  const periods: SimulationPeriod[] = [];
  const reachCounts = new Map<string, TierReach>();
  const issueKeys = new Set<string>();
  const issues: Issue[] = [];
  const byScheme = new Map<string, Map<string, ManagerPayout>>(); // scheme → "period|manager" → payout

  for (const scheme of request.schemes) {
    const payouts = new Map<string, ManagerPayout>();
    byScheme.set(scheme, payouts);
    const limitShare = limitShareOf(scheme);
    for (const period of request.periods) {
      const run: PayoutRun = computePayouts(input, period, { ...options, schemeOverride: scheme, managers: request.managers });
      for (const issue of run.issues) {
        const key = `${issue.code}|${issue.sheet}|${issue.row}|${issue.column}|${issue.message}`;
        if (!issueKeys.has(key)) { issueKeys.add(key); issues.push(issue); }
      }
      const cells = run.managers.map((m): SimulationCell => {
        payouts.set(`${periodKey(period)}|${m.manager}`, m);
        for (const line of m.lines) {
          if (line.rule === 'salary' || !line.amount.greaterThan(0) || line.rate === null) continue;
          const level = typeof line.rate === 'string' ? line.rate : line.rate.toString();
          const key = `${scheme}|${line.rule}|${level}`;
          const entry = reachCounts.get(key) ?? { scheme, rule: line.rule, level, count: 0 };
          entry.count += 1;
          reachCounts.set(key, entry);
        }
        return { manager: m.manager, total: m.total, salary: m.salary, variable: m.variable, margin: m.margin, attainment: m.attainment };
      });
      const payroll = sum(cells.map((c) => c.total));
      const margins = cells.map((c) => c.margin).filter((x): x is Dec => x !== null);
      const margin = margins.length > 0 ? sum(margins) : null;
      const share = margin && margin.greaterThan(0) ? payroll.dividedBy(margin) : null;
      periods.push({
        period, scheme, cells, payroll, margin, share, limitShare,
        overLimit: limitShare !== null && share !== null && share.greaterThan(limitShare),
      });
    }
  }

  let difference: SimulationResult['difference'] = null;
  if (request.schemes.length === 2) {
    const [first, second] = request.schemes.map((s) => byScheme.get(s)!);
    const keys = new Set([...first.keys(), ...second.keys()]);
    difference = [...keys].sort().map((key) => {
      const [pk, manager] = key.split('|');
      const a = first.get(key)?.total ?? ZERO;
      const b = second.get(key)?.total ?? ZERO;
      const period = request.periods.find((p) => periodKey(p) === pk)!;
      return { period, manager, delta: b.minus(a) };
    });
  }

  const totals = request.schemes.map((scheme) => {
    const rows = periods.filter((p) => p.scheme === scheme);
    const payroll = sum(rows.map((r) => r.payroll));
    const margins = rows.map((r) => r.margin).filter((x): x is Dec => x !== null);
    const margin = margins.length > 0 ? sum(margins) : null;
    return { scheme, payroll, margin, share: margin && margin.greaterThan(0) ? payroll.dividedBy(margin) : null };
  });

  return { schemes: request.schemes, periods, reach: [...reachCounts.values()], difference, totals, issues };
}

/** Every period from `from` to `to` inclusive (both of one kind); at most 120. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  let p = from;
  while (out.length < 120 && periodKey(p) <= periodKey(to)) {
    out.push(p);
    p = nextPeriod(p);
  }
  return out;
}

