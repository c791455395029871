/**
 * Whether a period has anything to compute (SPEC §10.1 "Empty periods"): Plans rows or deals in it
 * — a period with Plans rows and no deals is computed as usual (salaries, zero lines). A period
 * with neither stops, listing the periods that have data; a quarter asked of monthly Plans says
 * that Plans has no row for that quarter (each manager would otherwise be withheld one by one).
 */
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import type { PayoutInput } from '../core/model';
import type { Lang } from '../core/money';
import { monthPeriodOf, periodEnd, periodKey, periodStart, type Period } from '../core/periods';

/** Sorted, the last 12 shown (older ones as `…`). */
function listed(keys: Iterable<string>): string {
  const all = [...new Set(keys)].sort();
  return (all.length > 12 ? ['…', ...all.slice(-12)] : all).join(', ');
}

export function checkPeriodHasData(input: PayoutInput, period: Period, lang: Lang): void {
  const pk = periodKey(period);
  const start = periodStart(period);
  const end = periodEnd(period);
  const plansInPeriod = input.plans.some((p) => periodKey(p.period) === pk);
  if (period.kind === 'quarter' && !plansInPeriod && input.plans.length > 0 && input.plans.every((p) => p.period.kind === 'month')) {
    const months = input.plans.map((p) => periodKey(p.period)).filter((k) => k >= start.slice(0, 7) && k < end.slice(0, 7));
    throw new KpiUserError(msg(lang, 'reading.quarterOfMonthlyPlans', {
      sheet: input.sheetNames.plans ?? input.plans[0].ref.sheet, period: pk,
      months: listed(months.length > 0 ? months : input.plans.map((p) => periodKey(p.period))),
    }));
  }
  if (plansInPeriod || input.deals.some((d) => d.date >= start && d.date < end)) return;
  const periods = [...input.plans.map((p) => periodKey(p.period)), ...input.deals.map((d) => periodKey(monthPeriodOf(d.date)))];
  throw new KpiUserError(msg(lang, 'reading.emptyPeriod', { period: pk, periods: periods.length ? listed(periods) : msg(lang, 'workbook.none') }));
}
