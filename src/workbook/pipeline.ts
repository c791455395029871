/**
 * One payout run, as both adapters (Apps Script and the CLI) perform it: read the workbook, pick
 * the period, compute, and turn the result into the SPEC §8 JSON and the tab models.
 * Deterministic: nothing here reads the clock; `today` and `generatedAt` come with the request.
 */
import { KpiUserError, type Issue } from '../core/issues';
import { msg } from '../core/messages/index';
import type { Deal, PayoutRun, SourceRef } from '../core/model';
import { lastCompleteMonth, parsePeriod, periodKey, type LocalDate, type Period } from '../core/periods';
import type { Lang } from '../core/money';
import { nearMissIssues } from './nearMisses';
import { paidByDeal } from './dealCash';
import { toPayoutJson, type PayoutJson } from './json';
import { closedRegisterTab, ledgerRun } from './ledgerRun';
import type { RawWorkbook } from './raw';
import { readWorkbook, type WorkbookRead } from './read';
import { checkPeriodHasData } from './periodCheck';
import { columnReportJson } from './reading/columnReport';
import type { TabModel } from './tabModel';
import { eachPayoutTab, refKey, type TabsContext } from './tabs';

export interface RunRequest {
  /** `YYYY-MM` or `YYYY-Qn`; blank or omitted → the last complete month before `today`. */
  period?: string | null;
  today: LocalDate;
  /** Period to date (My earnings): only what happened on or before this day counts. */
  asOf?: LocalDate;
  managers?: string[];
  /** Shown in the tabs' header; defaults to `today`. */
  generatedAt?: string;
}

export interface PipelineResult {
  read: WorkbookRead;
  run: PayoutRun;
  /** Reader issues, then engine issues. */
  issues: Issue[];
  json: PayoutJson;
  tabs: TabModel[];
  /**
   * The same tabs one at a time, each made when the iteration reaches it (the .xlsx writer: a
   * million deals' statements are written tab by tab, never all held). Absent: use `tabs`.
   */
  eachTab?: () => TabSequence;
  /** What the tabs were made with: private statements (e-mail, `--statements`) are made with it again. */
  tabsContext: TabsContext;
}

/** Tabs made as they are iterated; the periods of their keys (what a rerun replaces) are known before the first is made. */
export interface TabSequence extends Iterable<TabModel> {
  readonly periods: readonly string[];
}

/** The requested period, or the default; a period that cannot be read is the user's to fix. */
export function resolvePeriod(text: string | null | undefined, today: LocalDate, lang: Lang): Period {
  if (text === null || text === undefined || String(text).trim() === '') return lastCompleteMonth(today);
  const period = parsePeriod(String(text));
  if (!period) throw new KpiUserError(msg(lang, 'tabs.badPeriod', { value: String(text) }));
  return period;
}

/** What each deal had been paid, in the period and before it: the statement's two "paid" columns. */
export { paidByDeal };

/** Deals by sheet and row, the index made on the first look-up (most runs render few tabs). */
export function dealLookup(deals: readonly Deal[]): (ref: SourceRef) => Deal | undefined {
  let byRef: Map<string, Deal> | null = null;
  return (ref) => {
    if (!byRef) {
      byRef = new Map();
      for (const d of deals) byRef.set(refKey(d.ref), d);
    }
    return byRef.get(refKey(ref));
  };
}

/**
 * @example runPayouts(raw, { period: '2026-11', today: '2026-12-01' }).json.managers[0].total
 */
export function runPayouts(raw: RawWorkbook, req: RunRequest): PipelineResult {
  const read = readWorkbook(raw, { today: req.today });
  const period = resolvePeriod(req.period, req.today, read.lang);
  checkPeriodHasData(read.input, period, read.lang);
  const { run, issues: ledgerIssues } = ledgerRun(raw, read, period, {
    lang: read.lang,
    currency: read.currency,
    ...(req.asOf ? { asOf: req.asOf } : {}),
    ...(req.managers ? { managers: req.managers } : {}),
  });
  const issues = [...read.issues, ...ledgerIssues, ...run.issues, ...nearMissIssues(raw, read.input, period, read.lang, run.issues)];
  const json = toPayoutJson(run, issues, columnReportJson(read.columns));
  const tabsContext: TabsContext = {
    generatedAt: req.generatedAt ?? req.today,
    currency: read.currency,
    lang: read.lang,
    dealAt: dealLookup(read.input.deals),
    columns: read.columns,
    ...(read.input.payments ? { paidByDeal: paidByDeal(read.input.payments, period, req.asOf) } : {}),
  };
  // The tabs are made on first use: `kpi-payouts --json` never writes them (a million deals' statements cost seconds).
  let tabs: TabModel[] | null = null;
  function* made(): Generator<TabModel> {
    const names: { name: string }[] = [];
    for (const tab of eachPayoutTab(run, issues, tabsContext)) {
      names.push({ name: tab.name });
      yield tab;
    }
    if (run.closed) yield closedRegisterTab(run, read, names);
  }
  const periods = [periodKey(period)];
  const eachTab = (): TabSequence => ({ periods, [Symbol.iterator]: () => (tabs ?? made())[Symbol.iterator]() });
  const result = { read, run, issues, json, tabsContext, eachTab } as PipelineResult;
  Object.defineProperty(result, 'tabs', { enumerable: true, get: () => (tabs ??= [...made()]) });
  return result;
}
