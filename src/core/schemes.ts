/**
 * The Schemes sheet (SPEC §2): one row per rule, a scheme is all rows sharing a name. Rows are
 * parsed into the `Rule` union and validated; an invalid scheme pays nobody (never a wrong payout).
 */
import { Dec, ONE, ZERO, dec, sum } from './decimal';
import { cellText, type Issue } from './issues';
import { msg, type MessageKey } from './messages/index';
import { canonicalMetric, isDealMetric, metricLabel, normaliseWord } from './metricNames';
import { missingFilterColumn, parseFilter, type DealFilter } from './filters';
import type { PayoutInput, SchemeRow, SourceRef } from './model';
import { formatDecimal, type Lang } from './money';
import { isBlank, parseNumber, type CellValue } from './numbers';
import { displayName, nameKey } from './ownership';
import { ambiguousCells } from './readings';
import { SCHEME_HEADERS, type RuleDraft, type RuleKind, type SchemeColumn } from './templates';
import { parseMode, parseTiers, type Tier, type TierMode } from './tiers';

interface RuleBase {
  ref: SourceRef;
  comment: string;
  /** The tiers cell as written (for statements), '' when none. */
  tiersText: string;
  /** SPEC §14: only the deals this matches count (null = all). */
  filter?: DealFilter | null;
}

export type Rule =
  | (RuleBase & { kind: 'salary'; amount: Dec })
  | (RuleBase & { kind: 'percent'; metric: string; rate: Dec; threshold: Dec | null; cap: Dec | null })
  | (RuleBase & { kind: 'tiers'; metric: string; tiers: Tier[]; mode: TierMode; cap: Dec | null })
  | (RuleBase & { kind: 'plan_bonus'; metric: string; amount: Dec | null; threshold: Dec; tiers: Tier[] | null })
  | (RuleBase & { kind: 'deal_bonus'; amount: Dec | null; threshold: Dec; tiers: Tier[] | null })
  | (RuleBase & { kind: 'new_client_bonus'; amount: Dec })
  | (RuleBase & { kind: 'client_turnover'; metric: 'revenue' | 'margin'; rate: Dec | null; tiers: Tier[] | null; months: number | null; subsequent?: boolean })
  | (RuleBase & { kind: 'partner_price'; threshold: Dec | null })
  | (RuleBase & { kind: 'kpi'; metric: string; weight: Dec; target: Dec | null; cap: Dec })
  | (RuleBase & { kind: 'kpi_gate'; threshold: Dec })
  | (RuleBase & { kind: 'limit'; metric: string | null; rate: Dec | null; amount: Dec | null })
  | (RuleBase & { kind: 'team_override'; metric: string; rate: Dec | null; tiers: Tier[] | null; mode: TierMode })
  | (RuleBase & { kind: 'guarantee'; amount: Dec; months: number })
  | (RuleBase & { kind: 'company_limit'; metric: string | null; rate: Dec | null; amount: Dec | null });

/** The scheme name whose rules apply to the whole company (SPEC §14 `company_limit`). */
export const COMPANY_SCHEME = '*';

/** Rules that make no line of their own and so take no filter. */
const NO_FILTER: ReadonlySet<string> = new Set(['salary', 'kpi', 'kpi_gate', 'limit', 'guarantee', 'company_limit']);
/** What a team override and the company fund sum up: amounts and counts from the deals. */
const TEAM_METRICS: readonly string[] = ['revenue', 'margin', 'paid_revenue', 'paid_margin', 'deals', 'new_clients', 'regular_clients'];
const FUND_METRICS: readonly string[] = ['revenue', 'margin', 'paid_revenue', 'paid_margin'];
const SUBSEQUENT_WORDS: readonly string[] = ['subsequent', 'последующие', 'последующих', 'со всех последующих', 'кроме первой', 'except first'];

export interface Scheme {
  name: string;
  rules: Rule[];
}

/** The KPI cap when the rule leaves it blank (SPEC §2). */
export const DEFAULT_KPI_CAP = '1.2';

const RULE_WORDS: Record<RuleKind, string[]> = {
  salary: ['salary', 'оклад', 'фикс', 'fixed'],
  percent: ['percent', 'процент', 'commission', '%'],
  tiers: ['tiers', 'шкала', 'tiered', 'ступени'],
  plan_bonus: ['plan bonus', 'бонус за план', 'премия за план'],
  deal_bonus: ['deal bonus', 'бонус за сделки', 'бонус за сделку', 'бонус за договоры'],
  new_client_bonus: ['new client bonus', 'бонус за клиента', 'бонус за нового клиента', 'client bonus'],
  client_turnover: ['client turnover', 'процент с клиентов', 'процент с оборота клиентов', '% с клиентов'],
  partner_price: ['partner price', 'партнерская цена'],
  kpi: ['kpi', 'кпи'],
  kpi_gate: ['kpi gate', 'порог kpi', 'порог кпи'],
  limit: ['limit', 'лимит', 'cap', 'ограничение'],
  team_override: ['team override', 'командный процент', 'процент с команды', 'team commission', 'override'],
  guarantee: ['guarantee', 'гарантия', 'гарантированная выплата', 'гарантированный минимум', 'minimum guarantee'],
  company_limit: ['company limit', 'фонд', 'фонд компании', 'фонд оплаты', 'фонд оплаты труда', 'company fund', 'payroll fund'],
};

/** `оклад`, `Salary`, `бонус_за план`, `ПОРОГ KPI` … → the rule kind; null when unknown or blank. */
export function parseRuleKind(v: CellValue): RuleKind | null {
  if (isBlank(v)) return null;
  const word = normaliseWord(String(v));
  // RULE_WORDS are written as normaliseWord leaves them.
  for (const [kind, words] of Object.entries(RULE_WORDS) as [RuleKind, string[]][]) {
    if (words.includes(word)) return kind;
  }
  return null;
}

/** How scheme names are matched: as manager names are (trimmed, spaces collapsed, lower-case, ё → е). */
export function schemeKey(name: string): string {
  return nameKey(name);
}

/** One draft (the sidebar's form, the templates) as a Schemes sheet row. */
export function draftToSchemeRow(scheme: string, draft: RuleDraft, ref: SourceRef): SchemeRow {
  return {
    ref, scheme, rule: draft.rule, metric: draft.metric, rate: draft.rate, amount: draft.amount, threshold: draft.threshold,
    tiers: draft.tiers, mode: draft.mode, cap: draft.cap, months: draft.months, comment: draft.comment,
    ...(draft.filter !== undefined ? { filter: draft.filter } : {}),
  };
}

/** An issue on one cell of a Schemes row: sheet, row, column, value, and `field` for the sidebar. */
export function schemeRowIssue(row: SchemeRow, lang: Lang, field: SchemeColumn, key: MessageKey, params: Record<string, string | number> = {}): Issue {
  const value = field === 'scheme' ? row.scheme : cellText(row[field] ?? '');
  return {
    code: key,
    sheet: row.ref.sheet,
    row: row.ref.row,
    column: SCHEME_HEADERS[lang][field],
    value: value === '' ? null : value,
    message: msg(lang, 'engSchemeRowPrefix', { scheme: row.scheme, row: row.ref.row }) + msg(lang, key, { value, column: SCHEME_HEADERS[lang][field], ...params }),
    field,
  };
}

class RowChecker {
  readonly issues: Issue[] = [];
  constructor(private readonly row: SchemeRow, private readonly lang: Lang) {}

  problem(field: SchemeColumn, key: MessageKey, params: Record<string, string | number> = {}): void {
    this.issues.push(schemeRowIssue(this.row, this.lang, field, key, params));
  }

  /** A number cell: null when blank, undefined (and an issue) when not a number. */
  number(field: 'rate' | 'amount' | 'threshold' | 'cap' | 'months'): Dec | null | undefined {
    const parsed = parseNumber(this.row[field], { lang: this.row.numberLang ?? this.lang });
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'bad') { this.problem(field, 'engSchemeBadNumber'); return undefined; }
    return parsed.value;
  }

  required<T>(field: SchemeColumn, value: T | null | undefined, rule: string): T | undefined {
    if (value === null) { this.problem(field, 'engSchemeMissing', { rule }); return undefined; }
    return value ?? undefined;
  }

  tiers(): Tier[] | null | undefined {
    const cell = this.row.tiers;
    if (isBlank(cell)) return null;
    const parsed = parseTiers(typeof cell === 'string' ? cell : String(cell));
    if (parsed.ok) return parsed.tiers;
    const e = parsed.error;
    if (e.code === 'tiersEmpty') this.problem('tiers', 'engSchemeTiersEmpty');
    else if (e.code === 'tiersNotAscending') this.problem('tiers', 'engSchemeTiersNotAscending', { entry: e.entry });
    else this.problem('tiers', 'engSchemeTiersBadEntry', { entry: e.entry });
    return undefined;
  }
}

/** The row's filter (SPEC §14): null when blank, undefined (and an issue) when it cannot be used. */
function ruleFilter(c: RowChecker, row: SchemeRow, kind: RuleKind, metric: string | null, lang: Lang, dealColumns?: PayoutInput['columns']): DealFilter | null | undefined {
  if (row.filter === undefined || isBlank(row.filter)) return null;
  if (NO_FILTER.has(kind)) { c.problem('filter', 'plansFilterNotAllowed', { rule: cellText(row.rule).trim() }); return undefined; }
  const parsed = parseFilter(cellText(row.filter));
  if (!parsed.ok) { c.problem('filter', parsed.error.code, { part: parsed.error.part }); return undefined; }
  if (metric !== null && !isDealMetric(metric)) { c.problem('filter', 'plansFilterNotDealMetric', { metric: metricLabel(metric, lang) }); return undefined; }
  const lacking = dealColumns ? missingFilterColumn(parsed.filter, dealColumns) : null;
  if (lacking) {
    const attribute = msg(lang, lacking === 'category' ? 'plansAttrCategory' : lacking === 'product' ? 'plansAttrProduct' : lacking === 'dealType' ? 'plansAttrDealType' : 'plansAttrClient');
    c.problem('filter', 'plansFilterNoColumn', { attribute });
    return undefined;
  }
  return parsed.filter;
}

/** Parses one row; null (with issues) when the row is invalid. */
function parseRule(row: SchemeRow, lang: Lang, dealColumns?: PayoutInput['columns']): { rule: Rule | null; issues: Issue[] } {
  const c = new RowChecker(row, lang);
  const kind = parseRuleKind(row.rule);
  if (kind === null) {
    if (isBlank(row.rule)) c.problem('rule', 'engSchemeRuleBlank');
    else c.problem('rule', 'engSchemeUnknownRule');
    return { rule: null, issues: c.issues };
  }
  const ruleWord = cellText(row.rule).trim();
  const rate = c.number('rate');
  const amount = c.number('amount');
  const threshold = c.number('threshold');
  const cap = c.number('cap');
  const monthsCell = c.number('months');
  const tiers = c.tiers();
  // client_turnover's `subsequent` / `последующие` leaves the client's first deal out (SPEC §14).
  const subsequent = kind === 'client_turnover' && !isBlank(row.mode) && SUBSEQUENT_WORDS.includes(normaliseWord(cellText(row.mode)));
  const mode = subsequent ? 'whole' : parseMode(row.mode);
  if (mode === null) c.problem('mode', 'engSchemeBadMode');
  const metric = canonicalMetric(row.metric);
  const filter = ruleFilter(c, row, kind, kind === 'client_turnover' || kind === 'partner_price' ? null : kind === 'deal_bonus' ? 'deals' : kind === 'new_client_bonus' ? 'new_clients' : metric, lang, dealColumns);
  const base: RuleBase = { ref: row.ref, comment: cellText(row.comment), tiersText: isBlank(row.tiers) ? '' : cellText(row.tiers).trim(), filter: filter ?? null };
  const bad = () => ({ rule: null, issues: c.issues });
  // SPEC §10.2: a bare `10` where a rate goes reads two ways; never guessed.
  for (const a of ambiguousCells(kind, row, lang)) c.problem(a.field, a.key, a.params);
  const failed = [rate, amount, threshold, cap, monthsCell, tiers, filter].some((x) => x === undefined) || mode === null;

  let rule: Rule | null = null;
  switch (kind) {
    case 'salary': {
      const a = c.required('amount', amount, ruleWord);
      if (a !== undefined) rule = { ...base, kind, amount: a };
      break;
    }
    case 'percent': {
      const m = c.required('metric', metric, ruleWord);
      const r = c.required('rate', rate, ruleWord);
      if (m !== undefined && r !== undefined) rule = { ...base, kind, metric: m, rate: r, threshold: threshold ?? null, cap: cap ?? null };
      break;
    }
    case 'tiers': {
      const m = c.required('metric', metric, ruleWord);
      const t = c.required('tiers', tiers, ruleWord);
      if (m !== undefined && t !== undefined && mode !== null) rule = { ...base, kind, metric: m, tiers: t, mode, cap: cap ?? null };
      break;
    }
    case 'plan_bonus': {
      if (amount === null && tiers === null) { c.problem('amount', 'engSchemeAmountOrTiers', { rule: ruleWord }); break; }
      rule = { ...base, kind, metric: metric ?? 'revenue', amount: amount ?? null, threshold: threshold ?? ONE, tiers: tiers ?? null };
      break;
    }
    case 'deal_bonus': {
      if (amount === null && tiers === null) { c.problem('amount', 'engSchemeAmountOrTiers', { rule: ruleWord }); break; }
      rule = { ...base, kind, amount: amount ?? null, threshold: threshold ?? ZERO, tiers: tiers ?? null };
      break;
    }
    case 'new_client_bonus': {
      const a = c.required('amount', amount, ruleWord);
      if (a !== undefined) rule = { ...base, kind, amount: a };
      break;
    }
    case 'client_turnover': {
      const m = metric ?? 'revenue';
      if (m !== 'revenue' && m !== 'margin') { c.problem('metric', 'engSchemeTurnoverMetric'); break; }
      if (rate === null && tiers === null) { c.problem('rate', 'engSchemeRateOrTiers', { rule: ruleWord }); break; }
      let months: number | null = null;
      if (monthsCell) {
        if (!monthsCell.isInteger() || monthsCell.lessThanOrEqualTo(0)) { c.problem('months', 'engSchemeBadMonths'); break; }
        months = monthsCell.toNumber();
      }
      rule = { ...base, kind, metric: m, rate: tiers ? null : rate ?? null, tiers: tiers ?? null, months, subsequent };
      break;
    }
    case 'team_override': {
      const m = metric ?? 'revenue';
      if (!TEAM_METRICS.includes(m)) { c.problem('metric', 'plansSchemeTeamMetric'); break; }
      if (rate === null && tiers === null) { c.problem('rate', 'engSchemeRateOrTiers', { rule: ruleWord }); break; }
      if (mode !== null) rule = { ...base, kind, metric: m, rate: tiers ? null : rate ?? null, tiers: tiers ?? null, mode };
      break;
    }
    case 'guarantee': {
      if (amount === null || monthsCell === null) { c.problem(amount === null ? 'amount' : 'months', 'plansSchemeGuaranteeNeeds'); break; }
      if (monthsCell && (!monthsCell.isInteger() || monthsCell.lessThanOrEqualTo(0))) { c.problem('months', 'engSchemeBadMonths'); break; }
      if (amount && monthsCell) rule = { ...base, kind, amount, months: monthsCell.toNumber() };
      break;
    }
    case 'company_limit': {
      if (rate !== null && rate !== undefined && metric === null) { c.problem('metric', 'engSchemeMissing', { rule: ruleWord }); break; }
      if (rate && metric && !FUND_METRICS.includes(metric)) { c.problem('metric', 'plansSchemeFundMetric'); break; }
      if ((rate === null || metric === null) && amount === null) { c.problem('amount', 'engSchemeLimitNeeds'); break; }
      rule = { ...base, kind, metric: rate ? metric : null, rate: rate && metric ? rate : null, amount: rate && metric ? null : amount ?? null };
      break;
    }
    case 'partner_price':
      rule = { ...base, kind, threshold: threshold ?? null };
      break;
    case 'kpi': {
      const m = c.required('metric', metric, ruleWord);
      const w = c.required('rate', rate, ruleWord);
      if (cap && cap.lessThanOrEqualTo(0)) { c.problem('cap', 'engSchemeBadCap'); break; }
      if (m !== undefined && w !== undefined) rule = { ...base, kind, metric: m, weight: w, target: threshold ?? null, cap: cap ?? dec(DEFAULT_KPI_CAP) };
      break;
    }
    case 'kpi_gate': {
      const t = c.required('threshold', threshold, ruleWord);
      if (t !== undefined) rule = { ...base, kind, threshold: t };
      break;
    }
    case 'limit': {
      if (rate !== null && rate !== undefined && metric === null) { c.problem('metric', 'engSchemeMissing', { rule: ruleWord }); break; }
      if ((rate === null || metric === null) && amount === null) { c.problem('amount', 'engSchemeLimitNeeds'); break; }
      rule = { ...base, kind, metric: rate ? metric : null, rate: rate && metric ? rate : null, amount: rate && metric ? null : amount ?? null };
      break;
    }
  }
  if (failed || c.issues.length > 0) return bad();
  return { rule, issues: c.issues };
}

/**
 * Validates ONE scheme's rows (the sidebar's "validate as you type"): every problem is an issue
 * naming the row and column (and `field`), and the scheme is null when any rule is invalid.
 * Scheme-wide checks: KPI weights must sum to exactly 1 when any kpi rule exists; a kpi_gate
 * needs kpi rules. Several salary, kpi_gate or limit rows are allowed: salaries add up, every
 * gate and every limit applies in turn.
 */
export function validateSchemeRows(rows: SchemeRow[], lang: Lang, dealColumns?: PayoutInput['columns']): { scheme: Scheme | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const rules: Rule[] = [];
  let invalid = false;
  const company = rows.length > 0 && schemeKey(rows[0].scheme) === COMPANY_SCHEME;
  for (const row of rows) {
    const parsed = parseRule(row, lang, dealColumns);
    issues.push(...parsed.issues);
    if (parsed.rule) rules.push(parsed.rule);
    else invalid = true;
    // The company fund lives in scheme `*`, and `*` holds nothing else (SPEC §14).
    const kind = parseRuleKind(row.rule);
    if (kind !== null && (kind === 'company_limit') !== company) {
      const c = new RowChecker(row, lang);
      c.problem('rule', company ? 'plansSchemeStarOnlyFund' : 'plansSchemeFundOnlyStar');
      issues.push(...c.issues);
      invalid = true;
    }
  }
  const kpiRows = rows.filter((r) => parseRuleKind(r.rule) === 'kpi');
  const kpiRules = rules.filter((r): r is Extract<Rule, { kind: 'kpi' }> => r.kind === 'kpi');
  if (kpiRules.length > 0 && kpiRules.length === kpiRows.length) {
    const total = sum(kpiRules.map((r) => r.weight));
    if (!total.equals(ONE)) {
      invalid = true;
      for (const row of kpiRows) {
        const c = new RowChecker(row, lang);
        c.problem('rate', 'engSchemeWeights', { sum: formatDecimal(total, lang, 6) });
        issues.push(...c.issues);
      }
    }
  }
  if (kpiRows.length === 0) {
    for (const row of rows.filter((r) => parseRuleKind(r.rule) === 'kpi_gate')) {
      const c = new RowChecker(row, lang);
      c.problem('rule', 'engSchemeGateWithoutKpi');
      issues.push(...c.issues);
      invalid = true;
    }
  }
  const name = rows.length > 0 ? displayName(rows[0].scheme) : '';
  return { scheme: invalid ? null : { name, rules }, issues };
}

/**
 * The whole Schemes sheet: rows grouped by scheme name (schemeKey), in order of first appearance.
 * Example: rows `Base | salary | | | 30000` and ` base | percent | revenue | 3%` → one scheme `base` of two rules.
 * `schemes` holds the valid ones, `invalid` the keys of the others; issues name every bad row.
 */
export function parseSchemes(rows: SchemeRow[], lang: Lang, dealColumns?: PayoutInput['columns']): { schemes: Map<string, Scheme>; invalid: Set<string>; issues: Issue[] } {
  const groups = new Map<string, SchemeRow[]>();
  const issues: Issue[] = [];
  const sorted = [...rows].sort((a, b) => a.ref.row - b.ref.row);
  for (const row of sorted) {
    const name = String(row.scheme ?? '').trim();
    if (name === '') {
      if (isBlank(row.rule)) continue;
      const c = new RowChecker(row, lang);
      c.problem('scheme', 'engSchemeNoName');
      issues.push(...c.issues);
      continue;
    }
    const key = schemeKey(name);
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const schemes = new Map<string, Scheme>();
  const invalid = new Set<string>();
  for (const [key, group] of groups) {
    const result = validateSchemeRows(group, lang, dealColumns);
    issues.push(...result.issues);
    if (result.scheme) schemes.set(key, result.scheme);
    else invalid.add(key);
  }
  return { schemes, invalid, issues };
}
