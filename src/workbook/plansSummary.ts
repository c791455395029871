/**
 * SPEC §14 lines of the summary tab: payroll as a share of revenue (beside the share of margin),
 * and the company fund when the workbook has one (whether it bound, and its factor).
 */
import { sum } from '../core/decimal';
import { formatDecimal } from '../core/explain';
import { msg } from '../core/messages/index';
import { formatMoney, formatPercent, type Lang } from '../core/money';
import type { PayoutRun } from '../core/model';

export function plansSummaryRows(run: PayoutRun, lang: Lang, currency: string): string[] {
  const rows: string[] = [];
  const withRevenue = run.managers.filter((m) => m.revenue !== null && m.revenue !== undefined);
  const revenue = sum(withRevenue.map((m) => m.revenue!));
  if (withRevenue.length > 0 && revenue.greaterThan(0)) {
    const payroll = sum(withRevenue.map((m) => m.total));
    rows.push(msg(lang, 'plansSummaryRevenueShare', { share: formatPercent(payroll.dividedBy(revenue), lang), payroll: formatMoney(payroll, lang, currency), revenue: formatMoney(revenue, lang, currency) }));
  }
  const fund = run.companyFund;
  if (fund && fund.cap) {
    rows.push(fund.factor
      ? msg(lang, 'plansSummaryFundBinds', { cap: formatMoney(fund.cap, lang, currency), variable: formatMoney(fund.variable, lang, currency), factor: formatDecimal(fund.factor, lang) })
      : msg(lang, 'plansSummaryFundFree', { cap: formatMoney(fund.cap, lang, currency), variable: formatMoney(fund.variable, lang, currency) }));
  }
  return rows;
}
