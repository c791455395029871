/**
 * The 0 floor of SPEC §10.2: a period's variable part is never paid below zero. It applies last,
 * after every other line (K, gate, limit, company fund, guarantee, and the §11 lines: adjustment,
 * carry, manual). What it withholds is the manager's shortfall: shown as a `floor` line that adds
 * the negative back (so Σ lines = total still holds), and carried forward once the period is closed.
 */
import { ZERO, sum, type Dec } from '../decimal';
import { msg } from '../messages/index';
import type { ManagerPayout, PayoutLine } from '../model';
import { formatMoney, roundMoney, type Lang } from '../money';

/** The statement line kinds of SPEC §11 (outside K, the gate and the limit; never recomputed). */
export const PERIOD_LINE_KINDS: ReadonlySet<string> = new Set(['adjustment', 'carry', 'manual']);
/** The floor line's rule kind. */
export const FLOOR = 'floor';

const isSalary = (l: PayoutLine) => l.rule === 'salary';

/**
 * The manager's rule-made variable part before the floor: every line but salary, the §11 lines
 * and the floor (what the ledger records and a true-up compares, SPEC §11).
 * @example ruleVariable([{ rule: 'salary', amount: 30000 }, { rule: 'percent', amount: -40000 }, { rule: 'floor', amount: 40000 }]) // −40 000
 */
export function ruleVariable(lines: readonly PayoutLine[]): Dec {
  return sum(lines.filter((l) => !isSalary(l) && !PERIOD_LINE_KINDS.has(l.rule) && l.rule !== FLOOR).map((l) => l.amount));
}

/**
 * The payout with the floor applied afresh (an earlier floor line and its note are dropped first,
 * so it can be called again after §11 lines are added). Salary is never reduced by commission.
 * @example floorVariable(m /* lines: salary 30 000, percent −40 000 *\/, 'ru', 'RUB').total // 30 000, shortfall 40 000
 */
export function floorVariable(m: ManagerPayout, lang: Lang, currency: string): ManagerPayout {
  const old = m.lines.find((l) => l.rule === FLOOR);
  const lines = m.lines.filter((l) => l.rule !== FLOOR);
  const notes = old ? m.notes.filter((n) => n !== old.explanation) : [...m.notes];
  const salary = sum(lines.filter(isSalary).map((l) => l.amount));
  const before = sum(lines.filter((l) => !isSalary(l)).map((l) => l.amount));
  let shortfall = ZERO;
  if (before.isNegative() && !before.isZero()) {
    shortfall = roundMoney(before.negated());
    const text = msg(lang, 'ledger.floorExplain', { variable: formatMoney(before, lang, currency), shortfall: formatMoney(shortfall, lang, currency) });
    lines.push({ rule: FLOOR, metric: null, fact: null, plan: null, attainment: null, rate: null, amount: shortfall, explanation: text, next: null, dealRefs: [] });
    notes.push(text);
  }
  const variable = before.plus(shortfall);
  return { ...m, lines, salary, variable, total: salary.plus(variable), notes, shortfall };
}
