/**
 * Deals left out because their date reads two ways (SPEC §10.2, §10.3): the manager's payout in
 * either period the date could fall in is withheld, never computed without the deal.
 */
import type { Issue } from './issues';
import type { Lang } from './money';
import { msg } from './messages/index';
import type { SourceRef } from './model';
import { inPeriod, periodKey, type LocalDate, type Period } from './periods';

/** A Deals row whose date (or paid date) reads two ways: day first, month first. */
export interface TwoWayDate {
  ref: SourceRef;
  column: string;
  value: string;
  manager: string;
  days: [dayFirst: LocalDate, monthFirst: LocalDate];
  /** A paid date's deal date: the row is left out, so the deal's own period is withheld too. */
  dealDay?: LocalDate;
}

/**
 * The managers to withhold in `period` (by `keyOf(manager)`), one issue per manager and row.
 * E.g. `03/04/2026` with no known order: withheld in 2026-03 and in 2026-04, paid in 2026-05.
 */
export function withheldForDates(dates: readonly TwoWayDate[] | undefined, period: Period, keyOf: (manager: string) => string, lang: Lang): { withheld: Set<string>; issues: Issue[] } {
  const withheld = new Set<string>();
  const issues: Issue[] = [];
  for (const t of dates ?? []) {
    if (!t.days.some((day) => inPeriod(day, period)) && !(t.dealDay && inPeriod(t.dealDay, period))) continue;
    withheld.add(keyOf(t.manager));
    issues.push({
      code: 'two_way_date_withheld', sheet: t.ref.sheet, row: t.ref.row, column: t.column, value: t.value,
      message: msg(lang, 'dates.withheld', { manager: t.manager, period: periodKey(period), value: t.value, sheet: t.ref.sheet, row: t.ref.row, dayFirst: t.days[0], monthFirst: t.days[1] }),
    });
  }
  return { withheld, issues };
}
