/**
 * Rows left out because their date reads two ways (SPEC §10.2, §10.3): the manager's payout in
 * either period the date could fall in is withheld, never computed without the deal (or payment).
 * A Managers `hired` date that reads two ways keeps its row: the manager is withheld only in the
 * periods a guarantee could depend on it (`withheldForHired`).
 */
import { guaranteed } from './guarantee';
import type { Issue } from './issues';
import type { Lang } from './money';
import { msg } from './messages/index';
import type { ManagerRecord, SourceRef } from './model';
import { inPeriod, periodKey, type LocalDate, type Period } from './periods';
import type { Scheme } from './schemes';

/**
 * A date that reads two ways: day first, month first. A Deals date or paid date, a Payments date
 * (`manager` = the deal's), or a Managers `hired` date (`hired: true`).
 */
export interface TwoWayDate {
  ref: SourceRef;
  column: string;
  value: string;
  manager: string;
  days: [dayFirst: LocalDate, monthFirst: LocalDate];
  /** A paid date's deal date: the row is left out, so the deal's own period is withheld too. */
  dealDay?: LocalDate;
  /** A Managers `hired` cell: it matters only where a guarantee could depend on it (withheldForHired). */
  hired?: true;
}

/**
 * The managers to withhold in `period` (by `keyOf(manager)`), one issue per manager and row.
 * E.g. `03/04/2026` with no known order: withheld in 2026-03 and in 2026-04, paid in 2026-05.
 */
export function withheldForDates(dates: readonly TwoWayDate[] | undefined, period: Period, keyOf: (manager: string) => string, lang: Lang): { withheld: Set<string>; issues: Issue[] } {
  const withheld = new Set<string>();
  const issues: Issue[] = [];
  for (const t of dates ?? []) {
    if (t.hired) continue;
    if (!t.days.some((day) => inPeriod(day, period)) && !(t.dealDay && inPeriod(t.dealDay, period))) continue;
    withheld.add(keyOf(t.manager));
    issues.push({
      code: 'two_way_date_withheld', sheet: t.ref.sheet, row: t.ref.row, column: t.column, value: t.value,
      message: msg(lang, 'dates.withheld', { manager: t.manager, period: periodKey(period), value: t.value, sheet: t.ref.sheet, row: t.ref.row, dayFirst: t.days[0], monthFirst: t.days[1] }),
    });
  }
  return { withheld, issues };
}

/**
 * The issue withholding `manager` in `period` when their `hired` date reads two ways and a guarantee
 * of `scheme` holds under either reading (SPEC §10.2: the guarantee's top-up, and the date its line
 * quotes, depend on it); null when the scheme has no guarantee or neither reading reaches `period`.
 * E.g. hired `03/04/2026`, 3 months: 2026-04-03 guarantees April–July, 2026-03-04 March–June, so
 * March–July are withheld; August pays (neither reading guarantees it).
 */
export function withheldForHired(dates: readonly TwoWayDate[] | undefined, managerKey: string, scheme: Scheme, period: Period, keyOf: (manager: string) => string, lang: Lang): Issue | null {
  const months = scheme.rules.flatMap((r) => (r.kind === 'guarantee' ? [r.months] : []));
  if (months.length === 0) return null;
  for (const t of dates ?? []) {
    if (!t.hired || keyOf(t.manager) !== managerKey) continue;
    if (!t.days.some((day) => months.some((m) => guaranteed(period, day, m)))) continue;
    return {
      code: 'two_way_date_withheld', sheet: t.ref.sheet, row: t.ref.row, column: t.column, value: t.value,
      message: msg(lang, 'dates.withheldHired', { manager: t.manager, period: periodKey(period), value: t.value, sheet: t.ref.sheet, row: t.ref.row, dayFirst: t.days[0], monthFirst: t.days[1], scheme: scheme.name }),
    };
  }
  return null;
}

/**
 * The Managers records as the guarantee reads them once `withheldForHired` has withheld whom it must:
 * a `hired` that reads two ways takes either reading (both leave this period outside every guarantee
 * of a manager still paid, so the guarantee adds no line, rather than «no hired date»).
 */
export function hiredSettled(records: readonly ManagerRecord[], dates: readonly TwoWayDate[] | undefined, keyOf: (manager: string) => string): ManagerRecord[] {
  const doubtful = new Map<string, LocalDate>();
  for (const t of dates ?? []) if (t.hired) doubtful.set(keyOf(t.manager), t.days[0]);
  if (doubtful.size === 0) return records as ManagerRecord[];
  return records.map((r) => (r.hired === null && doubtful.has(keyOf(r.manager)) ? { ...r, hired: doubtful.get(keyOf(r.manager))! } : r));
}
