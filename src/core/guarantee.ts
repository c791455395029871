/**
 * `guarantee` / `гарантия` (SPEC §14): for the first `months` calendar months after the manager's
 * hired date (Managers sheet), the variable part is at least `amount`; a line shows the top-up.
 * It comes after the company fund (a contractual minimum is never scaled) and before §11 lines.
 */
import { Dec, ZERO } from './decimal';
import { msg } from './messages/index';
import type { PayoutLine } from './model';
import { formatMoney, roundMoney, type Lang } from './money';
import { periodEnd, periodStart, type LocalDate, type Period } from './periods';
import type { Rule } from './schemes';

type GuaranteeRule = Extract<Rule, { kind: 'guarantee' }>;

/** `2026-10-31` + 1 → `2026-11-30`: the same day `months` calendar months later, clamped to the month's end. */
export function addMonths(day: LocalDate, months: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Is P guaranteed: its first day before hired + months, and the manager hired before P ends (hired 2026-10-01, 3 months: Oct, Nov, Dec). */
export function guaranteed(period: Period, hired: LocalDate, months: number): boolean {
  return periodStart(period) < addMonths(hired, months) && hired < periodEnd(period);
}

/**
 * The guarantee's line for a variable part (after the company fund): the top-up to `amount`, or
 * null outside the guaranteed months. Without a hired date the line pays 0 and says why (`missing`).
 * Example: 40 000 for 3 months from 2026-10-01, November variable 12 500 → top-up 27 500.
 */
export function guaranteeLine(rule: GuaranteeRule, hired: LocalDate | null, manager: string, period: Period, variable: Dec, lang: Lang, currency: string):
  { line: PayoutLine | null; missing: string | null } {
  const money = (v: Dec) => formatMoney(v, lang, currency);
  const amount = roundMoney(rule.amount);
  const line = (topUp: Dec, explanation: string): PayoutLine => ({
    rule: 'guarantee', metric: null, fact: variable, plan: amount, attainment: null, rate: amount, amount: topUp, explanation, next: null, dealRefs: [],
  });
  if (hired === null) {
    const reason = msg(lang, 'plansReasonNoHired', { manager });
    return { line: line(ZERO, msg(lang, 'engExplainMissing', { metric: msg(lang, 'plansRuleGuarantee'), reason, amount: money(ZERO) })), missing: reason };
  }
  if (!guaranteed(period, hired, rule.months)) return { line: null, missing: null };
  const topUp = roundMoney(Dec.max(ZERO, amount.minus(variable)));
  return { line: line(topUp, msg(lang, 'plansExplainGuarantee', { amount: money(amount), months: rule.months, hired, variable: money(variable), topUp: money(topUp) })), missing: null };
}


