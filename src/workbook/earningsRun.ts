/**
 * *My earnings* and *Simulate scheme…* as both adapters run them (Apps Script server functions and
 * `kpi-payouts --simulate`): read the workbook once, compute, and shape the result. Pure and
 * deterministic like pipeline.ts: `today` and `generatedAt` come with the request.
 */
import { dec, type Dec } from '../core/decimal';
import { earningsJson, knownManagers, resolveManager, statementGain, type EarningsJson } from '../core/earnings';
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import { indexDeals, ManagerFacts } from '../core/metrics';
import { moneyNumber, type Lang } from '../core/money';
import { computePayouts } from '../core/payout';
import { computeWithLedger, type LedgerInputs } from '../core/ledger/period';
import { ledgerInputs } from './ledgerRun';
import type { PlanRow } from '../core/model';
import { displayName, nameKey } from '../core/ownership';
import {
  isLocalDate, lastCompleteMonth, monthPeriodOf, periodKey, periodOf, previousPeriod, samePeriod, type LocalDate, type Period,
} from '../core/periods';
import { schemeKey } from '../core/schemes';
import { parseWorkbookSchemes } from '../core/schemeMetrics';
import {
  limitShareOf, managerSlices, parseSimulationRange, resolveManagers, resolveSchemeNames, simulateSchemes, simulationJson,
  type SimulationJson, type SimulationResult,
} from '../core/simulate';
import { toPayoutJson, type PayoutJson } from './json';
import type { RawWorkbook } from './raw';
import { managerDirectory } from './managerDirectory';
import { readWorkbook, type WorkbookRead } from './read';
import type { CellRange, TabCell, TabModel } from './tabModel';

// ---------------------------------------------------------------- My earnings

export interface EarningsRequest {
  /** The manager asked for; blank → the user's e-mail through the Plans / Managers e-mail column. */
  manager?: string | null;
  /** The current user's e-mail (Session.getActiveUser().getEmail() in Apps Script). */
  email?: string | null;
  /** The manager this user picked last time (a user property in Apps Script). */
  remembered?: string | null;
  /**
   * `YYYY-MM-DD`; blank → `today`. The period is the month containing it, or the quarter containing
   * it when the manager's Plans have a row for that quarter and none for the month (see currentPeriod).
   */
  asOf?: string | null;
  today: LocalDate;
}

/**
 * The SPEC §8 object for one manager, period to date, plus what the panel needs:
 * `earnings` (null when there is nobody to show), `manager_choices` (the picker's list) and a
 * `message` saying why nothing is shown.
 */
export interface MyEarningsResult extends PayoutJson {
  lang: Lang;
  as_of: LocalDate;
  /** The manager shown, or null when the panel must ask. */
  manager: string | null;
  /** How the manager was found: the argument, the user's e-mail, the user's last pick, or not at all. */
  via: 'argument' | 'email' | 'remembered' | null;
  manager_choices: string[];
  earnings: EarningsJson | null;
  message: string | null;
}

function asOfDay(text: string | null | undefined, today: LocalDate, lang: Lang): LocalDate {
  if (text === null || text === undefined || String(text).trim() === '') return today;
  const s = String(text).trim().slice(0, 10);
  if (!isLocalDate(s)) throw new KpiUserError(msg(lang, 'earnings.badAsOf', { value: String(text) }));
  return s;
}

/**
 * The manager's current period on `asOf`: the month when Plans have a row for (manager, that month);
 * else the quarter containing `asOf` when Plans have a row for (manager, that quarter); else the month.
 */
export function currentPeriod(plans: readonly PlanRow[], manager: string, asOf: LocalDate): Period {
  const month = monthPeriodOf(asOf);
  const quarter = periodOf(asOf, 'quarter');
  const mk = nameKey(manager);
  const mine = plans.filter((p) => nameKey(p.manager) === mk);
  if (mine.some((p) => samePeriod(p.period, month))) return month;
  if (mine.some((p) => samePeriod(p.period, quarter))) return quarter;
  return month;
}

/** @example runMyEarnings(raw, { manager: 'Иванов', asOf: '2026-11-20', today: '2026-11-24' }).earnings.total */
export function runMyEarnings(raw: RawWorkbook, req: EarningsRequest): MyEarningsResult {
  const read = readWorkbook(raw);
  return myEarningsOfRead(read, req, ledgerInputs(raw, read).inputs);
}

/** `ledger`: the Ledger and Adjustments sheets (SPEC §11), so the period to date shows its true-ups, carry and manual lines. */
export function myEarningsOfRead(read: WorkbookRead, req: EarningsRequest, ledger?: LedgerInputs): MyEarningsResult {
  const { lang, currency, input } = read;
  const asOf = asOfDay(req.asOf, req.today, lang);
  const month = monthPeriodOf(asOf);
  const everyone = knownManagers(input);
  // who this user may see (SPEC §12): a mapped user themselves and their team, the unmapped everyone
  const access = earningsAccess(read, req.email);
  const known = access.allowed ? everyone.filter((m) => access.allowed!.has(nameKey(m))) : everyone;
  // a mapped user is themselves unless they ask for someone (checked below); a remembered pick is only for the unmapped
  const mail = String(req.email ?? '').trim().toLowerCase();
  const emails: ReadonlyMap<string, string> = access.self ? new Map([[mail, access.self]]) : read.managerEmails;
  const choice = resolveManager(req.manager, access.self ? mail : null, emails, everyone, access.allowed ? null : req.remembered ?? null);
  const empty = (message: string | null): MyEarningsResult => ({
    period: periodKey(month), currency, managers: [], issues: [],
    lang, as_of: asOf, manager: null, via: null, manager_choices: known, earnings: null, message,
  });
  if (choice.kind === 'pick') return empty(msg(lang, 'earnings.pickHint'));
  if (choice.kind === 'unknown') return empty(msg(lang, 'earnings.unknownManager', { manager: choice.requested }));
  if (access.allowed && !access.allowed.has(nameKey(choice.manager))) {
    const team = known.length > 1 ? msg(lang, 'statements.earnings.team') : '';
    return empty(msg(lang, 'statements.earnings.notYours', { team, manager: choice.manager }));
  }

  const period = currentPeriod(input.plans, choice.manager, asOf);
  // only what this manager's statement can depend on (see core/simulate managerSlices): the button is pressed often
  const mine = managerSlices(input)(choice.manager, period);
  const options = { lang, currency, asOf, managers: [choice.manager] };
  // True-ups recompute closed periods from the whole input (the slice holds only what P needs).
  const run = ledger && (ledger.ledger.periods.size > 0 || ledger.adjustments.length > 0)
    ? computeWithLedger(ledger.ledger.periods.size > 0 ? input : mine, period, options, ledger)
    : computePayouts(mine, period, options);
  const json = toPayoutJson(run, visibleIssues([...read.issues, ...run.issues], access.allowed ? everyone.filter((m) => !access.allowed!.has(nameKey(m))) : []));
  const payout = run.managers[0];
  const base = { ...json, lang, as_of: asOf, manager: choice.manager, via: choice.via, manager_choices: known };
  if (!payout) return { ...base, earnings: null, message: msg(lang, 'earnings.noPayout', { manager: choice.manager, period: periodKey(period) }) };
  const index = indexDeals(mine, asOf);
  const facts = new ManagerFacts(index, payout.manager, period, lang);
  const factFor = (metric: string): Dec | null => facts.fact(metric).value;
  const gain = statementGain(mine, payout, { lang, currency, asOf, index });
  return { ...base, earnings: earningsJson(payout, mine, { lang, currency, asOf, factFor, gain }), message: null };
}

/**
 * Who a user of *My earnings* may see. `self`: the manager their e-mail maps to (a blank e-mail never
 * maps); `allowed`: the name keys of that manager and of their team (managers whose head they are,
 * Managers sheet), or null for a user who maps to no manager (the owner, an accountant): everyone.
 */
export function earningsAccess(read: Pick<WorkbookRead, 'input' | 'managerEmails'>, email: string | null | undefined): { self: string | null; allowed: Set<string> | null } {
  const directory = managerDirectory(read);
  const self = directory.managerOf(email);
  return self ? { self, allowed: directory.teamOf(self) } : { self: null, allowed: null };
}

/** The issues a restricted user may read: none that names a manager outside what they may see. */
function visibleIssues<T extends { message: string; value?: unknown }>(issues: T[], hidden: readonly string[]): T[] {
  if (hidden.length === 0) return issues;
  const keys = hidden.map(nameKey).filter((k) => k !== '');
  return issues.filter((i) => {
    const text = nameKey(`${i.message} ${i.value ?? ''}`);
    return !keys.some((k) => text.includes(k));
  });
}

// ---------------------------------------------------------------- Simulate

export interface SimulateRequest {
  schemes: string[];
  from: string;
  to: string;
  managers?: string[] | null;
}

export interface SimulationRun {
  read: WorkbookRead;
  result: SimulationResult;
  json: SimulationJson;
}

/**
 * Checks the request (one or two valid schemes, a readable range, known managers: otherwise a
 * KpiUserError in the workbook's language) and simulates.
 * @example runSimulation(raw, { schemes: ['Базовая', 'Новая'], from: '2025-11', to: '2026-10' }).json.totals
 */
export function runSimulation(raw: RawWorkbook, req: SimulateRequest): SimulationRun {
  return simulationOfRead(readWorkbook(raw), req);
}

export function simulationOfRead(read: WorkbookRead, req: SimulateRequest): SimulationRun {
  const { lang, currency, input } = read;
  const schemes = resolveSchemeNames(input, req.schemes ?? [], lang);
  const periods = parseSimulationRange(req.from, req.to, lang);
  const managers = resolveManagers(req.managers, knownManagers(input), lang);
  const result = simulateSchemes(input, { schemes, periods, managers }, { lang, currency }, (s) => limitShareOf(input, s, lang));
  const json = simulationJson(result, { lang, currency, managers, allIssues: [...read.issues, ...result.issues] });
  return { read, result, json };
}

/** What the Simulate panel offers: valid scheme names, managers, a default range (the last 12 complete months). */
export interface SimulationSetup {
  lang: Lang;
  currency: string;
  schemes: string[];
  invalid_schemes: string[];
  managers: string[];
  from: string;
  to: string;
  /** First and last month with deals (null when there are none). */
  first_month: string | null;
  last_month: string | null;
}

export function simulationSetupOfRead(read: WorkbookRead, today: LocalDate): SimulationSetup {
  const parsed = parseWorkbookSchemes(read.input, read.lang);
  const invalid = new Map<string, string>(); // key → the name as first written
  for (const row of read.input.schemeRows) {
    const key = schemeKey(row.scheme);
    if (parsed.invalid.has(key) && !invalid.has(key)) invalid.set(key, displayName(row.scheme));
  }
  let first: string | null = null;
  let last: string | null = null;
  for (const d of read.input.deals) {
    const m = d.date.slice(0, 7);
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
  }
  const to: Period = lastCompleteMonth(today);
  let from: Period = to;
  for (let i = 0; i < 11; i++) from = previousPeriod(from);
  return {
    lang: read.lang,
    currency: read.currency,
    schemes: [...parsed.schemes.values()].map((s) => s.name),
    invalid_schemes: [...invalid.values()],
    managers: knownManagers(read.input),
    from: periodKey(from),
    to: periodKey(to),
    first_month: first,
    last_month: last,
  };
}

// ---------------------------------------------------------------- the simulation tab

const range = (row: number, col: number, rows = 1, cols = 1): CellRange => ({ row, col, rows, cols });

/** `second − first` of two money numbers (a missing one counts 0), exact to the kopeck. */
export function moneyDifference(first: number | null | undefined, second: number | null | undefined): number {
  return moneyNumber(dec(second ?? 0).minus(dec(first ?? 0)));
}

/**
 * The simulation as a tab (TabModel kind 'simulation'): header, one row per period with each
 * scheme's payroll, margin and share (and the difference with two schemes), per-manager totals side
 * by side, tier reach, warnings, and a column chart of payroll by period.
 */
export function simulationTab(json: SimulationJson, ctx: { lang: Lang; generatedAt: string }): TabModel {
  const { lang } = ctx;
  const t = (key: Parameters<typeof msg>[1], params: Record<string, string | number> = {}) => msg(lang, key, params);
  const two = json.schemes.length === 2;
  const rows: TabCell[][] = [];
  const formats: TabModel['formats'] = [];
  const bold: CellRange[] = [];
  const schemesText = json.schemes.join(' / ');

  rows.push([t('simulate.tabHeader', { schemes: schemesText, from: json.from, to: json.to })]);
  bold.push(range(0, 0));
  rows.push([t('simulate.tabGenerated', { at: ctx.generatedAt })]);
  if (json.managers) rows.push([t('simulate.managers'), json.managers.join(', ')]);
  rows.push([]);

  // per period: period | per scheme: payroll, margin, share, limit flag | difference
  const header: TabCell[] = [t('simulate.period')];
  for (const s of json.schemes) header.push(`${s}: ${t('simulate.payroll')}`, `${s}: ${t('simulate.margin')}`, `${s}: ${t('simulate.share')}`, `${s}: ${t('simulate.limit')}`);
  if (two) header.push(t('simulate.difference'));
  const headerRow = rows.length;
  rows.push(header);
  bold.push(range(headerRow, 0, 1, header.length));
  const firstData = rows.length;
  for (const p of json.periods) {
    const row: TabCell[] = [p.period];
    for (const name of json.schemes) {
      const s = p.schemes.find((x) => x.scheme === name);
      row.push(s?.payroll ?? null, s?.margin ?? null, s?.share ?? null, s?.over_limit ? t('simulate.overLimitShort') : '');
    }
    if (two) {
      const [a, b] = json.schemes.map((name) => p.schemes.find((x) => x.scheme === name)?.payroll);
      row.push(moneyDifference(a, b));
    }
    rows.push(row);
  }
  const dataRows = json.periods.length;
  const totalRow: TabCell[] = [t('simulate.total')];
  for (const name of json.schemes) {
    const tot = json.totals.find((x) => x.scheme === name);
    totalRow.push(tot?.payroll ?? null, tot?.margin ?? null, tot?.share ?? null, '');
  }
  if (two) totalRow.push(json.manager_totals.length > 0 || json.totals.length === 2 ? moneyDifference(json.totals[0]?.payroll, json.totals[1]?.payroll) : null);
  const totalIndex = rows.length;
  rows.push(totalRow);
  bold.push(range(totalIndex, 0, 1, totalRow.length));
  json.schemes.forEach((_, i) => {
    const col = 1 + i * 4;
    formats.push({ range: range(firstData, col, dataRows + 1, 2), format: 'money' });
    formats.push({ range: range(firstData, col + 2, dataRows + 1, 1), format: 'percent' });
  });
  if (two) formats.push({ range: range(firstData, 1 + json.schemes.length * 4, dataRows + 1, 1), format: 'money' });
  const chartSeries = json.schemes.map((name, i) => ({ title: name, range: range(firstData, 1 + i * 4, dataRows, 1) }));
  rows.push([]);

  // per manager, whole range
  rows.push([t('simulate.perManager')]);
  bold.push(range(rows.length - 1, 0));
  const mHeader: TabCell[] = [t('simulate.manager'), ...json.schemes];
  if (two) mHeader.push(t('simulate.difference'));
  bold.push(range(rows.length, 0, 1, mHeader.length));
  rows.push(mHeader);
  const mFirst = rows.length;
  for (const m of json.manager_totals) rows.push([m.manager, ...m.totals, ...(two ? [m.difference] : [])]);
  formats.push({ range: range(mFirst, 1, Math.max(json.manager_totals.length, 1), mHeader.length - 1), format: 'money' });
  rows.push([]);

  // per period and manager: what each would have paid
  rows.push([t('simulate.detail')]);
  bold.push(range(rows.length - 1, 0));
  const dHeader: TabCell[] = [t('simulate.period'), t('simulate.manager'), ...json.schemes, ...(two ? [t('simulate.difference')] : [])];
  bold.push(range(rows.length, 0, 1, dHeader.length));
  rows.push(dHeader);
  const dFirst = rows.length;
  for (const p of json.periods) {
    const names = [...new Set(p.schemes.flatMap((s) => s.managers.map((m) => m.manager)))];
    for (const name of names) {
      const totals = json.schemes.map((s) => p.schemes.find((x) => x.scheme === s)?.managers.find((m) => m.manager === name)?.total ?? null);
      const diff = two ? json.difference?.find((d) => d.period === p.period && d.manager === name)?.difference ?? null : null;
      rows.push([p.period, name, ...totals, ...(two ? [diff] : [])]);
    }
  }
  if (rows.length > dFirst) formats.push({ range: range(dFirst, 2, rows.length - dFirst, dHeader.length - 2), format: 'money' });
  rows.push([]);

  // tier reach
  rows.push([t('simulate.reach')]);
  bold.push(range(rows.length - 1, 0));
  bold.push(range(rows.length, 0, 1, 4));
  rows.push([t('simulate.scheme1'), t('simulate.reachRule'), t('simulate.reachLevel'), t('simulate.reachCount')]);
  for (const r of json.reach) rows.push([r.scheme, r.rule, r.level === null ? t('simulate.paid') : String(r.level), r.count]);

  if (json.warnings.length > 0) {
    rows.push([]);
    for (const w of json.warnings) rows.push([w]);
  }
  if (json.issues.length > 0) {
    rows.push([]);
    rows.push([t('simulate.issues', { count: json.issues.length })]);
    for (const i of json.issues) rows.push([i.sheet, i.row, i.column, i.value, i.message]);
  }

  return {
    name: t('simulate.tabName', { schemes: schemesText, from: json.from, to: json.to }),
    kind: 'simulation',
    key: `simulation:${json.schemes.join('|')}:${json.from}:${json.to}`,
    rows,
    formats,
    bold,
    frozenRows: headerRow + 1,
    columnWidths: [160],
    charts: dataRows > 0 ? [{
      title: t('simulate.chartTitle'),
      kind: 'column',
      categories: range(firstData, 0, dataRows, 1),
      series: chartSeries,
      anchor: { row: headerRow, col: header.length + 1 },
    }] : [],
  };
}
