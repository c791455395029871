/**
 * The typed data the payout engine works on, and what it returns. Readers (src/workbook) turn the
 * owner's sheets into these; renderers (tab model, JSON) turn the results into output.
 */
import type { Dec } from './decimal';
import type { Issue } from './issues';
import type { Lang } from './money';
import type { CellValue } from './numbers';
import type { LocalDate, Period } from './periods';
import type { TwoWayDate } from './twoWayDates';

/** Where a value came from: the sheet's name as the user wrote it, the row as Sheets numbers it. */
export interface SourceRef {
  sheet: string;
  row: number;
}

export type DealStatus = 'won' | 'lost' | 'cancelled';

export interface Deal {
  ref: SourceRef;
  id: string | null;
  date: LocalDate;
  manager: string;
  client: string | null;
  amount: Dec; // negative = a return
  cost: Dec | null;
  margin: Dec | null; // the margin column when given, else amount − cost, else null
  status: DealStatus;
  paid: Dec | null; // Deals' own paid column (ignored when a Payments sheet exists)
  paidDate: LocalDate | null;
  partnerPrice: Dec | null;
  attractedBy: string | null;
  /** SPEC §14 deal attributes (absent = no such column, null = blank cell). */
  product?: string | null;
  category?: string | null;
  dealType?: DealType | null;
  /** The split column (`Иванов 60%; Петров 40%`), shares summing to 1; absent/null = all to `manager`. */
  split?: DealShare[] | null;
  /** Set on a manager's credited part of a split deal (core/splits): the share, and the deal as written. */
  share?: Dec;
  whole?: Deal;
}

/** SPEC §14 deal types: новая / повторная / допродажа. */
export type DealType = 'new' | 'repeat' | 'upsell';

/** One manager's part of a split deal (a fraction: 0.6 = 60 %). */
export interface DealShare {
  manager: string;
  share: Dec;
}

export interface Payment {
  ref: SourceRef;
  dealId: string;
  date: LocalDate;
  amount: Dec;
}

/** Canonical metric name → planned value (a Plans row's targets, a preview sample's plan). */
export type PlanTargets = Record<string, Dec>;

export interface PlanRow {
  ref: SourceRef;
  period: Period;
  manager: string;
  scheme: string;
  /** Canonical metric name (see core/metricNames) → planned value. */
  targets: PlanTargets;
}

export interface KpiFact {
  ref: SourceRef;
  period: Period;
  manager: string;
  metric: string; // canonical metric name
  value: Dec;
}

/** One row of the Schemes sheet, cells as found; core/schemes parses and validates them. */
export interface SchemeRow {
  ref: SourceRef;
  scheme: string;
  rule: CellValue;
  metric: CellValue;
  rate: CellValue;
  amount: CellValue;
  threshold: CellValue;
  tiers: CellValue;
  mode: CellValue;
  cap: CellValue;
  months: CellValue;
  comment: CellValue;
  /** SPEC §14 `filter` / `условие` (absent when the sheet has no such column). */
  filter?: CellValue;
  /** Number formats of the cells that have one (a percent format makes `1.5` read as 150 %, SPEC §10.2). */
  formats?: Partial<Record<'rate' | 'amount' | 'threshold' | 'cap' | 'tiers', string>>;
  /** The language its text numbers are written in, when it is not the run's (the CLI's `--lang`; workbook/raw.ts numberLang). */
  numberLang?: Lang;
}

/**
 * A row of the Managers / Сотрудники sheet (SPEC §12): who is who, how to reach them, their team.
 * Read by the workbook reader; used for aliases (§10.2), e-mail → manager, teams (§14), the register (§11).
 */
export interface ManagerRecord {
  ref: SourceRef;
  /** As spelled there (NFC, invisible characters removed). */
  manager: string;
  /** Lower-cased; null when blank. */
  email: string | null;
  /** The `also known as` names, `;`-separated in the cell. */
  aliases: string[];
  employeeId: string | null;
  /** The team head's name as written (a manager of this sheet), null when blank. */
  head: string | null;
  hired: LocalDate | null;
}

/** Everything the engine needs, already parsed; bad rows are issues, not here. */
export interface PayoutInput {
  deals: Deal[];
  /** Null when there is no Payments sheet: then Deals' paid / paid date columns are used. */
  payments: Payment[] | null;
  plans: PlanRow[];
  kpiFacts: KpiFact[];
  schemeRows: SchemeRow[];
  /** The Managers sheet's rows; absent or empty without one. */
  managers?: ManagerRecord[];
  /** Which optional Deals columns exist: a metric needing an absent column is "missing". */
  columns: {
    status: boolean;
    client: boolean;
    margin: boolean; // a margin column, or a cost column to derive it
    paid: boolean; // paid column or a Payments sheet
    partnerPrice: boolean;
    attractedBy: boolean;
    dealId: boolean;
    /** SPEC §14 deal attribute columns (absent = false). */
    product?: boolean;
    category?: boolean;
    dealType?: boolean;
    split?: boolean;
  };
  /** The Deals manager column's header as written, for issues on it (SPEC §10.2). */
  dealManagerHeader?: string;
  /** Deals rows left out because a date reads two ways: their managers are withheld in either period (core/twoWayDates). */
  twoWayDates?: TwoWayDate[];
  /** Sheet names as found, for issue messages. */
  sheetNames: { deals: string; payments: string | null; plans: string | null; kpi: string | null; schemes: string | null };
}

export interface PayoutOptions {
  lang: Lang;
  currency: string; // ISO code, e.g. RUB
  /** Period to date: only deals, payments on or before this day count (My earnings). */
  asOf?: LocalDate;
  /** Simulation: every manager is paid by this scheme, whatever Plans says. */
  schemeOverride?: string;
  /** Only these managers (simulation of a group, My earnings). */
  managers?: string[];
}

export interface KpiRow {
  metric: string;
  fact: Dec | null;
  target: Dec | null;
  weight: Dec;
  cap: Dec;
  /** weight × min(max(fact/target, 0), cap); null when fact or target is missing (counts as 0). */
  contribution: Dec | null;
}

/** What the next tier or bonus needs and pays (My earnings, statement hints). */
export interface NextStep {
  metric: string;
  /** How much more of the metric reaches the next tier or bonus. */
  needed: Dec;
  /** How much more that line would pay (before the KPI coefficient). */
  pays: Dec;
}

export interface PayoutLine {
  rule: string; // rule kind, e.g. 'percent'
  metric: string | null;
  fact: Dec | null;
  plan: Dec | null;
  attainment: Dec | null; // fact ÷ plan
  /** The rate or the tier's value as shown: a number (fraction or amount) or text like `12:3%`. */
  rate: Dec | string | null;
  /** The rate as a number when `rate` is text: the reached tier's value; null when no single rate applies. */
  rateValue?: Dec | null;
  amount: Dec; // rounded to 0.01 when made
  explanation: string; // in the run's language
  next?: NextStep | null;
  /** Row refs of the deals behind this line. */
  dealRefs?: SourceRef[];
  /** A true-up (`adjustment`, SPEC §11): the closed period it corrects, `YYYY-MM` / `YYYY-Qn`. */
  forPeriod?: string;
}

export interface ManagerPayout {
  manager: string;
  scheme: string;
  period: Period;
  /** The whole statement: salary line(s), one line per variable rule (scheme order), then kpi/kpi_gate/limit adjustments that changed something. Σ amount = total. */
  lines: PayoutLine[];
  salary: Dec;
  /** Σ lines before K, gate and limit. */
  variableBeforeKpi: Dec;
  kpiRows: KpiRow[];
  kpiCoefficient: Dec | null; // null when the scheme has no kpi rules
  variable: Dec; // after K (rounded), gate and limit
  total: Dec; // salary + variable
  /** The headline attainment: of the metric that pays (core/headline.ts), the same on the summary, the statement and the JSON. */
  attainment: Dec | null;
  /** The metric `attainment` is of (`margin`, `revenue`…); null with it. */
  attainmentMetric?: string | null;
  margin: Dec | null; // the manager's margin in the period (for payout ÷ margin)
  /** The manager's (credited) revenue in the period, for payout ÷ revenue (SPEC §14). */
  revenue?: Dec | null;
  deals: Deal[]; // the deals behind the figures
  notes: string[]; // plain-language notes: gate closed, limit applied, missing facts
  /** What the 0 floor withheld (SPEC §10.2): > 0 when the variable part came out negative; carried by §11. */
  shortfall?: Dec;
}

export interface PayoutRun {
  period: Period;
  currency: string;
  lang: Lang;
  managers: ManagerPayout[];
  issues: Issue[];
  /** Set when the period is closed (SPEC §11): the statements come from the ledger. */
  closed?: { at: string; by: string };
  /** The company payroll fund of SPEC §14 (a `company_limit` in scheme `*`), when the workbook has one. */
  companyFund?: CompanyFund | null;
}

/** SPEC §14 company fund: the rule-made variable parts of all managers together at most `cap`. */
export interface CompanyFund {
  /** The cap: rate × the company's fact(metric), or the amount; null when the fact is missing. */
  cap: Dec | null;
  metric: string | null;
  rate: Dec | null;
  fact: Dec | null;
  /** Σ of the positive rule-made variable parts before scaling. */
  variable: Dec;
  /** The scaling factor when the fund binds (< 1), else null. */
  factor: Dec | null;
}
