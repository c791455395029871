/**
 * The middle of SPEC §14's order for manager m in P: after rule lines, K, gate and limit come the
 * company fund scaling (of the rule-made variable parts) and the guarantee top-up (never scaled).
 * §11 lines and the 0 floor come after (the ledger).
 */
import type { Dec } from './decimal';
import type { Issue } from './issues';
import { msg, type MessageKey } from './messages/index';
import type { DealIndex } from './metrics';
import { metricLabel } from './metricNames';
import type { CompanyFund, ManagerPayout, ManagerRecord, PayoutLine } from './model';
import type { Lang } from './money';
import { nameKey } from './ownership';
import { periodKey, type Period } from './periods';
import type { Scheme } from './schemes';
import { applyCompanyFund } from './companyFund';
import { guaranteeLine } from './guarantee';

export interface FinishContext {
  index: DealIndex;
  period: Period;
  lang: Lang;
  currency: string;
  managerRecords: readonly ManagerRecord[];
  issue(code: MessageKey, message: string, extra?: Partial<Issue>): void;
}

function addLine(m: ManagerPayout, line: PayoutLine): void {
  m.lines.push(line);
  m.variable = m.variable.plus(line.amount);
  m.total = m.salary.plus(m.variable);
}

/**
 * Scales every payout's variable part to the company fund (when `fundScheme` has one and it binds),
 * then tops up guaranteed managers. `schemes[i]` is the scheme `managers[i]` was paid by. Edits the
 * payouts in place (lines added, variable and total updated); returns the fund, null without one.
 */
export function finishVariableParts(managers: ManagerPayout[], schemes: readonly Scheme[], fundScheme: Scheme | null, ctx: FinishContext): CompanyFund | null {
  const { lang, currency, period } = ctx;
  let fund: CompanyFund | null = null;
  for (const rule of fundScheme?.rules ?? []) {
    if (rule.kind !== 'company_limit') continue;
    const outcome = applyCompanyFund(rule, managers.map((m) => m.variable), ctx.index, period, lang, currency);
    fund = outcome.fund;
    if (outcome.missing) {
      const note = msg(lang, 'plansNoteFundMissing', { reason: outcome.missing.reason });
      ctx.issue('plansNoteFundMissing', `${periodKey(period)}: ${note}`, { column: metricLabel(outcome.missing.metric, lang) });
      for (const m of managers) m.notes.push(note);
      continue;
    }
    outcome.lines.forEach((line, i) => { if (line) addLine(managers[i], line); });
  }
  const hiredOf = new Map<string, ManagerRecord>();
  for (const r of ctx.managerRecords) if (!hiredOf.has(nameKey(r.manager))) hiredOf.set(nameKey(r.manager), r);
  managers.forEach((m, i) => {
    for (const rule of schemes[i]?.rules ?? []) {
      if (rule.kind !== 'guarantee') continue;
      const hired = hiredOf.get(nameKey(m.manager))?.hired ?? null;
      const variable: Dec = m.variable;
      const g = guaranteeLine(rule, hired, m.manager, period, variable, lang, currency);
      if (g.missing) {
        ctx.issue('plansReasonNoHired', `${m.manager}, ${periodKey(period)}: ${g.missing}`, { sheet: rule.ref.sheet, row: rule.ref.row });
        m.notes.push(g.missing);
      }
      if (g.line) addLine(m, g.line);
    }
  });
  return fund;
}
