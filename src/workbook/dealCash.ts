/**
 * What a deal was paid, split at the period's start (issue 16): the statement's «Оплачено в периоде»
 * column adds up to the paid-revenue base of the statement's lines, «Оплачено раньше» is the rest
 * received before the period. Payments after the period (a rerun months later) are in neither.
 */
import { ZERO, type Dec } from '../core/decimal';
import type { Deal, Payment } from '../core/model';
import { periodEnd, periodStart, type LocalDate, type Period } from '../core/periods';

export interface DealCash {
  inPeriod: Dec;
  before: Dec;
}

/** Payments sheet rows by deal id (trimmed, as the engine matches them), split at the period's start; none after its end or after `asOf`. */
export function paidByDeal(payments: readonly Payment[], period: Period, asOf?: LocalDate): Map<string, DealCash> {
  const start = periodStart(period);
  const end = periodEnd(period);
  const out = new Map<string, DealCash>();
  for (const p of payments) {
    if (p.date >= end || (asOf && p.date > asOf)) continue;
    const id = String(p.dealId).trim();
    const cash = out.get(id) ?? { inPeriod: ZERO, before: ZERO };
    if (p.date >= start) cash.inPeriod = cash.inPeriod.plus(p.amount);
    else cash.before = cash.before.plus(p.amount);
    out.set(id, cash);
  }
  return out;
}

/**
 * One deal's cash as the engine credits it: from the Payments sheet when there is one, else the
 * deal's own paid / paid-date columns (no date: paid on the deal's date). A split deal's part
 * (`share`) gets its share. Only won deals: the engine counts no cash on lost or cancelled ones.
 */
export function dealCash(d: Deal, period: Period, byId: Map<string, DealCash> | undefined): DealCash | null {
  if (d.status !== 'won') return null;
  let cash: DealCash | null;
  if (byId) cash = d.id ? byId.get(d.id.trim()) ?? null : null;
  else if (d.paid === null || d.paid === undefined) cash = null;
  else {
    const day = d.paidDate ?? d.date;
    if (day >= periodEnd(period)) cash = null;
    else cash = day >= periodStart(period) ? { inPeriod: d.paid, before: ZERO } : { inPeriod: ZERO, before: d.paid };
  }
  if (!cash || !d.share) return cash;
  return { inPeriod: cash.inPeriod.times(d.share), before: cash.before.times(d.share) };
}
