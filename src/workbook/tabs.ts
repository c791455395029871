/**
 * A payout run as tab models: one statement tab per manager and a summary tab (SPEC §6).
 * Pure: both renderers (Google Sheets, .xlsx) write exactly these cells, formats and links.
 */
import { cutUtf16 } from '../core/utf16';
import { Dec, ZERO, sum } from '../core/decimal';
import type { Issue } from '../core/issues';
import type { Deal, ManagerPayout, PayoutLine, PayoutRun, SourceRef } from '../core/model';
import { formatMoney, moneyNumber, type Lang } from '../core/money';
import { msg, hasMessage, type MessageKey } from '../core/messages/index';
import { metricKind, metricLabel } from '../core/metricNames';
import { periodKey } from '../core/periods';
import type { CellFormat, CellRange, TabCell, TabLink, TabModel } from './tabModel';
import { columnReportRows, type ColumnReport } from './reading/columnReport';
import { fitColumnWidths, formatLookup } from './printLayout';
import { plansSummaryRows } from './plansSummary';
import { formatPercent, currencySymbol } from '../core/money';
import { dealCash, type DealCash } from './dealCash';
import { rankedManagers } from './ranking';

export interface TabsContext {
  generatedAt: string;
  currency: string;
  lang: Lang;
  /** Paid per deal id, in the period and before it (from the Payments sheet), for the deals table; else each deal's own paid column. */
  paidByDeal?: Map<string, DealCash>;
  /**
   * Every deal of the workbook by its row (the pipeline passes the reader's deals): a line's
   * `dealRefs` may name deals another manager closed (client turnover) or that were booked before
   * the period (payments received in it). Without it, only the manager's own deals are found.
   */
  dealAt?: (ref: SourceRef) => Deal | undefined;
  /** The reader's column report (SPEC §10.1), shown under the issues. */
  columns?: ColumnReport;
  /**
   * A statement for the manager's eyes only (e-mail, `--statements`): a deal behind it that another
   * manager closed shows "another manager" instead of their name (SPEC §12).
   */
  privateStatement?: boolean;
}

/** Print setup of every generated statement and summary (SPEC §12): A4 landscape, one page wide, the header rows on every page. */
const printPage = (repeatRows: number): NonNullable<TabModel['page']> => ({ orientation: 'landscape', fitToWidth: true, repeatRows });

/** A deal's row as a map key (sheet and row). */
export const refKey = (ref: SourceRef): string => `${ref.sheet}\u0000${ref.row}`;

/**
 * The deals behind a statement (review item 3): the union of every line's deals and the manager's
 * own deals in the period, by date then row, each with the numbers of the lines it feeds.
 */
function dealsBehind(m: ManagerPayout, ctx: Pick<TabsContext, 'dealAt'>): { deal: Deal; rules: number[] }[] {
  // By sheet, then row: a number key, no text made per deal (20 000 deals behind a statement).
  const found = new Map<string, Map<number, { deal: Deal; rules: number[] }>>();
  const bySheet = (sheet: string) => {
    let rows = found.get(sheet);
    if (!rows) found.set(sheet, (rows = new Map()));
    return rows;
  };
  for (const d of m.deals) bySheet(d.ref.sheet).set(d.ref.row, { deal: d, rules: [] });
  for (const [i, line] of m.lines.entries()) {
    const label = i + 1; // the line's number on the statement
    for (const ref of line.dealRefs ?? []) {
      const rows = bySheet(ref.sheet);
      let entry = rows.get(ref.row);
      if (!entry) {
        const deal = ctx.dealAt?.(ref); // the manager's own deals are in `found` already
        if (!deal) continue;
        entry = { deal, rules: [] };
        rows.set(ref.row, entry);
      }
      if (!entry.rules.includes(label)) entry.rules.push(label);
    }
  }
  const all: { deal: Deal; rules: number[] }[] = [];
  for (const rows of found.values()) for (const entry of rows.values()) all.push(entry);
  // Sheets compared only on a tie of dates, by code units: any fixed order will do for a few deals
  // sheets, and neither localeCompare per pair (seconds on a million deals) nor Intl (not in the bundle, SPEC §10.3).
  return all.sort(
    (a, b) => (a.deal.date < b.deal.date ? -1 : a.deal.date > b.deal.date ? 1 : 0) || (a.deal.ref.sheet < b.deal.ref.sheet ? -1 : a.deal.ref.sheet > b.deal.ref.sheet ? 1 : 0) || a.deal.ref.row - b.deal.ref.row,
  );
}

/** Sheets allows 100 characters (UTF-16 units) in a tab name. */
export const MAX_TAB_NAME = 100;
/** Keys are cut like names (they identify a tab across reruns; 100 characters is plenty). */
const MAX_KEY = 100;

/** Column layout of the manager tab's lines table (0-based). */
export const LINE_COLS = { rule: 0, metric: 1, fact: 2, plan: 3, attainment: 4, rate: 5, amount: 6, explanation: 7 } as const;
/** Column layout of the summary's manager table (0-based). */
export const SUMMARY_COLS = { rank: 0, manager: 1, scheme: 2, salary: 3, variable: 4, total: 5, attainment: 6, attainmentMetric: 7, payoutShare: 8, margin: 9, target: 10 } as const;

/** The period part of a tab key: `payout:2026-10:анна` → `2026-10`, `summary:2026-Q4` → `2026-Q4`. */
export function keyPeriod(key: string): string | null {
  const m = /^(?:summary|payout|register):([^:]+)/.exec(key);
  return m ? m[1] : null;
}

/** Manager names compare trimmed, whitespace collapsed, case-insensitive (ARCHITECTURE conventions). */
function managerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * `<base><suffix>` cut to `max` characters by shortening the base (the period suffix always shows),
 * and made unique against `taken` (lower-cased names) by ` (2)`, ` (3)`… before the suffix.
 */
export function fitName(base: string, suffix: string, taken: Set<string>, max = MAX_TAB_NAME): string {
  for (let n = 1; ; n++) {
    const mark = n === 1 ? '' : ` (${n})`;
    const room = Math.max(1, max - suffix.length - mark.length);
    // UTF-16 units, as Sheets counts (SPEC §10.3): an emoji is 2 and is never cut in half
    const cut = base.length > room ? cutUtf16(base, room).trimEnd() : base;
    const name = cutUtf16(cut + mark + suffix, max);
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** A small builder: rows, formats and bold ranges stay in step. */
class TabBuilder {
  rows: TabCell[][] = [];
  formats: { range: CellRange; format: CellFormat }[] = [];
  bold: CellRange[] = [];
  links: TabLink[] = [];

  get next(): number {
    return this.rows.length;
  }

  /** The last range of each column: a format of the cell below it with the same format grows it (linear, no sort of cells). */
  private open = new Map<number, { range: CellRange; format: CellFormat }>();

  add(cells: TabCell[], opts: { bold?: boolean; formats?: Record<number, CellFormat | null> } = {}): number {
    const row = this.rows.length;
    this.rows.push(cells);
    if (opts.bold && cells.length > 0) this.bold.push({ row, col: 0, rows: 1, cols: cells.length });
    const formats = opts.formats;
    if (formats) {
      for (const [col, format] of this.formatEntries(formats)) {
        const v = cells[col];
        if (!format || v === null || v === '' || v === undefined) continue;
        const last = this.open.get(col);
        if (last && last.format === format && last.range.row + last.range.rows === row) last.range.rows++;
        else {
          const f = { range: { row, col, rows: 1, cols: 1 }, format };
          this.formats.push(f);
          this.open.set(col, f);
        }
      }
    }
    return row;
  }

  blank(): void {
    this.rows.push([]);
  }

  /** A row's formats as [column, format] pairs, made once per formats object (the deals' rows share one). */
  private entries = new Map<object, [number, CellFormat | null][]>();
  private formatEntries(formats: Record<number, CellFormat | null>): [number, CellFormat | null][] {
    let entries = this.entries.get(formats);
    if (!entries) {
      entries = Object.entries(formats).map(([key, format]) => [Number(key), format]);
      this.entries.set(formats, entries);
    }
    return entries;
  }

  /** The formats, single cells of one column over consecutive rows collapsed into one range (as `add` made them), by column then row. */
  compactFormats(): { range: CellRange; format: CellFormat }[] {
    return [...this.formats].sort((a, b) => a.range.col - b.range.col || a.range.row - b.range.row);
  }
}

const num = (v: Dec | null | undefined): number | null => (v === null || v === undefined ? null : v.toNumber());

/** The format a metric's fact and plan are shown in. */
function metricFormat(metric: string | null): CellFormat {
  if (!metric) return 'number';
  switch (metricKind(metric)) {
    case 'money': return 'money';
    case 'count': return 'integer';
    case 'ratio': return 'percent';
    default: return 'number';
  }
}

/** A rule's rate cell: a fraction for percentage rules, an amount for bonuses, K for the KPI line. */
function rateFormat(rule: string): CellFormat {
  switch (rule) {
    case 'plan_bonus':
    case 'deal_bonus':
    case 'new_client_bonus':
    case 'salary':
      return 'money';
    case 'kpi':
    case 'kpi_gate':
      return 'coefficient';
    default:
      return 'percent';
  }
}

/** The rule in plain words: `Процент от показателя «выручка»`. */
export function ruleLabel(line: Pick<PayoutLine, 'rule' | 'metric'>, lang: Lang): string {
  const key = `tabs.rule.${line.rule}`;
  const metric = line.metric ? metricLabel(line.metric, lang) : '—';
  if (hasMessage(key)) return msg(lang, key as MessageKey, { metric });
  return msg(lang, 'tabs.rule.other', { rule: line.rule });
}

function statusLabel(deal: Deal, lang: Lang): string {
  return msg(lang, `tabs.status.${deal.status}` as MessageKey);
}

function managerTab(m: ManagerPayout, ctx: TabsContext, name: string, key: string): TabModel {
  const { lang } = ctx;
  const period = periodKey(m.period);
  const t = new TabBuilder();
  t.add([msg(lang, 'tabs.manager.title', { manager: m.manager, period })], { bold: true });
  t.add([msg(lang, 'tabs.header.manager'), m.manager]);
  t.add([msg(lang, 'tabs.header.period'), period]);
  t.add([msg(lang, 'tabs.header.scheme'), m.scheme]);
  // The same figure as the summary's, named by its metric (issue 16).
  t.add([msg(lang, 'tabs.header.attainment'), num(m.attainment), attainmentMetricText(m, lang)], { formats: { 1: 'percent' } });
  t.add([msg(lang, 'tabs.header.generatedAt'), ctx.generatedAt]);
  t.blank();

  // The statement: one line per rule, Σ amounts = total (engine contract).
  t.add(
    [
      msg(lang, 'tabs.lines.rule'), msg(lang, 'tabs.lines.metric'), msg(lang, 'tabs.lines.fact'), msg(lang, 'tabs.lines.plan'),
      msg(lang, 'tabs.lines.attainment'), msg(lang, 'tabs.lines.rate'), msg(lang, 'tabs.lines.amount'), msg(lang, 'tabs.lines.explanation'),
    ],
    { bold: true },
  );
  const frozenRows = t.next;
  for (const [i, line] of m.lines.entries()) {
    const mf = metricFormat(line.metric);
    t.add(
      [
        msg(lang, 'tabs.lines.numbered', { n: i + 1, rule: ruleLabel(line, lang) }),
        line.metric ? metricLabel(line.metric, lang) : '',
        num(line.fact),
        num(line.plan),
        num(line.attainment),
        line.rate === null || line.rate === undefined ? null : typeof line.rate === 'string' ? line.rate : line.rate.toNumber(),
        moneyNumber(line.amount),
        line.explanation,
      ],
      {
        formats: {
          [LINE_COLS.fact]: mf,
          [LINE_COLS.plan]: mf,
          [LINE_COLS.attainment]: 'percent',
          [LINE_COLS.rate]: typeof line.rate === 'string' ? 'text' : rateFormat(line.rule),
          [LINE_COLS.amount]: 'money',
        },
      },
    );
  }

  if (m.kpiRows.length > 0) {
    t.blank();
    t.add([msg(lang, 'tabs.kpi.title')], { bold: true });
    t.add(
      [
        msg(lang, 'tabs.kpi.metric'), msg(lang, 'tabs.kpi.fact'), msg(lang, 'tabs.kpi.target'), msg(lang, 'tabs.kpi.weight'),
        msg(lang, 'tabs.kpi.cap'), msg(lang, 'tabs.kpi.contribution'),
      ],
      { bold: true },
    );
    for (const k of m.kpiRows) {
      const mf = metricFormat(k.metric);
      t.add([metricLabel(k.metric, lang), num(k.fact), num(k.target), k.weight.toNumber(), k.cap.toNumber(), num(k.contribution)], {
        formats: { 1: mf, 2: mf, 3: 'percent', 4: 'coefficient', 5: 'coefficient' },
      });
    }
    t.add([msg(lang, 'tabs.kpi.k'), null, null, null, null, num(m.kpiCoefficient)], { bold: true, formats: { 5: 'coefficient' } });
  }

  if (m.notes.length > 0) {
    t.blank();
    t.add([msg(lang, 'tabs.notes')], { bold: true });
    for (const note of m.notes) t.add([note]);
  }

  // Totals aligned under the amount column.
  t.blank();
  const pad = (label: string, value: number): TabCell[] => {
    const cells: TabCell[] = [label];
    for (let c = 1; c < LINE_COLS.amount; c++) cells.push(null);
    cells.push(value);
    return cells;
  };
  t.add(pad(msg(lang, 'tabs.total.salary'), moneyNumber(m.salary)), { formats: { [LINE_COLS.amount]: 'money' } });
  t.add(pad(msg(lang, 'tabs.total.variable'), moneyNumber(m.variable)), { formats: { [LINE_COLS.amount]: 'money' } });
  t.add(pad(msg(lang, 'tabs.total.total'), moneyNumber(m.total)), { bold: true, formats: { [LINE_COLS.amount]: 'money' } });

  // The deals behind it.
  t.blank();
  t.add([msg(lang, 'tabs.deals.title')], { bold: true });
  t.add(
    [
      msg(lang, 'tabs.deals.date'), msg(lang, 'tabs.deals.id'), msg(lang, 'tabs.deals.client'), msg(lang, 'tabs.deals.amount'),
      msg(lang, 'tabs.deals.margin'), msg(lang, 'tabs.deals.status'), msg(lang, 'tabs.deals.paidInPeriod'), msg(lang, 'tabs.deals.paidBefore'),
      msg(lang, 'tabs.deals.row'), msg(lang, 'tabs.deals.manager'), msg(lang, 'tabs.deals.rules'),
    ],
    { bold: true },
  );
  const behind = dealsBehind(m, ctx);
  const days = new Map<string, Date>(); // one Date per day: a statement of 20 000 deals has ~30 distinct days
  const statuses = new Map<string, string>();
  const status = (d: Deal) => {
    let label = statuses.get(d.status);
    if (label === undefined) statuses.set(d.status, (label = statusLabel(d, lang)));
    return label;
  };
  if (behind.length === 0) t.add([msg(lang, 'tabs.deals.none')]);
  // A statement from the ledger (SPEC §11) has no line → deal links: no reason is known then.
  const linked = m.lines.some((l) => (l.dealRefs ?? []).length > 0);
  const paysOnCash = m.lines.some((l) => l.metric !== null && CASH_METRICS.has(l.metric)) || m.kpiRows.some((k) => CASH_METRICS.has(k.metric));
  for (const { deal: d, rules } of behind) {
    const cash = dealCash(d, m.period, ctx.paidByDeal);
    const row = t.add(
      [
        dayToDate(d.date, days), d.id ?? '', d.client ?? '', moneyNumber(d.amount), d.margin ? moneyNumber(d.margin) : null, status(d),
        cash && !cash.inPeriod.isZero() ? moneyNumber(cash.inPeriod) : null, cash && !cash.before.isZero() ? moneyNumber(cash.before) : null, d.ref.row,
        (ctx.privateStatement && managerKey(d.manager) !== managerKey(m.manager) ? msg(lang, 'statements.colleague') : d.manager) + (d.share ? ` · ${formatPercent(d.share, lang)}` : ''),
        rules.length > 0 ? rules.join(', ') : linked ? whyUnpaid(d, cash, paysOnCash, lang) : '',
      ],
      DEAL_ROW,
    );
    t.links.push({ row, col: DEAL_COLS.row, sheet: d.ref.sheet, targetRow: d.ref.row });
  }

  return {
    name,
    kind: 'manager',
    key,
    rows: t.rows,
    formats: t.compactFormats(),
    bold: t.bold,
    frozenRows,
    columnWidths: statementWidths(t),
    wrapColumns: [...STATEMENT_WRAP],
    links: t.links,
    page: printPage(frozenRows),
  };
}

/** Columns of the statement's deals table (0-based) that other code points at. */
export const DEAL_COLS = { paidInPeriod: 6, paidBefore: 7, row: 8, manager: 9, lines: 10 } as const;

/** Metrics counted from payments: a deal unpaid in the period adds nothing to them. */
const CASH_METRICS = new Set(['paid_revenue', 'paid_margin', 'collection']);

/**
 * Why an own deal of the period is in no line, as far as the statement knows (issue 16): its
 * status; the scheme pays on cash and none came in the period; else the scheme has no rule that
 * pays for it (a filter, a metric it does not feed).
 */
function whyUnpaid(d: Deal, cash: DealCash | null, paysOnCash: boolean, lang: Lang): string {
  if (d.status !== 'won') return msg(lang, 'tabs.deals.why.notWon', { status: statusLabel(d, lang) });
  if (paysOnCash && (!cash || cash.inPeriod.isZero())) return msg(lang, 'tabs.deals.why.unpaid');
  return msg(lang, 'tabs.deals.why.noRule');
}

/** «маржа» beside the headline attainment; blank when there is none. */
function attainmentMetricText(m: ManagerPayout, lang: Lang): string {
  return m.attainmentMetric ? metricLabel(m.attainmentMetric, lang) : '';
}

/** The statement's long texts wrap: the explanation, and the lines a deal feeds. */
const STATEMENT_WRAP = [LINE_COLS.explanation, DEAL_COLS.lines] as const;

/** The formats of a row of the deals behind a statement (one object for all of them). */
const DEAL_ROW: { formats: Record<number, CellFormat> } = {
  formats: { 0: 'date', 1: 'text', 2: 'text', 3: 'money', 4: 'money', 6: 'money', 7: 'money', [DEAL_COLS.row]: 'integer', 9: 'text', [DEAL_COLS.lines]: 'text' },
};

/** Widths that print on one A4 landscape page (see printLayout): the explanation column takes what the height needs. */
function statementWidths(t: TabBuilder): number[] {
  const widths = fitColumnWidths(t.rows, {
    max: [240, 110, 200, 120, 110, 130, 140, 300, 120, 140, 160],
    grow: LINE_COLS.explanation,
    wrap: STATEMENT_WRAP,
    formatAt: formatLookup(t.formats),
  });
  // «Оплачено в периоде» is set in bold, wider than the 6.5 px per character the fit counts
  widths[DEAL_COLS.paidInPeriod] = Math.max(widths[DEAL_COLS.paidInPeriod], 140);
  return widths;
}

/**
 * A calendar day as a Date at 12:00 UTC: the same day in every time zone from −11 to +11, so a
 * renderer that turns it into a local date-time never moves it to the previous or next day.
 */
function dayToDate(day: string, cache?: Map<string, Date>): Date {
  let date = cache?.get(day);
  if (!date) {
    const [y, mo, d] = day.split('-').map(Number);
    date = new Date(Date.UTC(y, mo - 1, d, 12));
    cache?.set(day, date);
  }
  return date;
}

function summaryTab(run: PayoutRun, allIssues: Issue[], ctx: TabsContext, name: string): TabModel {
  const { lang } = ctx;
  const period = periodKey(run.period);
  const t = new TabBuilder();
  t.add([msg(lang, 'tabs.summary.title', { period })], { bold: true });
  t.add([msg(lang, 'tabs.header.generatedAt'), ctx.generatedAt]);
  t.blank();
  t.add(
    [
      msg(lang, 'tabs.summary.rank'), msg(lang, 'tabs.summary.manager'), msg(lang, 'tabs.summary.scheme'), msg(lang, 'tabs.summary.salary'), msg(lang, 'tabs.summary.variable'),
      msg(lang, 'tabs.summary.total'), msg(lang, 'tabs.summary.attainment'), msg(lang, 'tabs.summary.attainmentMetric'), msg(lang, 'tabs.summary.payoutShare'),
      msg(lang, 'tabs.summary.margin'), msg(lang, 'tabs.summary.target'),
    ],
    { bold: true },
  );
  const frozenRows = t.next;
  const moneyCols = {
    [SUMMARY_COLS.rank]: 'integer', [SUMMARY_COLS.salary]: 'money', [SUMMARY_COLS.variable]: 'money', [SUMMARY_COLS.total]: 'money', [SUMMARY_COLS.attainment]: 'percent',
    [SUMMARY_COLS.payoutShare]: 'percent', [SUMMARY_COLS.margin]: 'money', [SUMMARY_COLS.target]: 'percent',
  } as const;
  const firstManagerRow = t.next;
  // Ranked by payout (issue 16, docs/DECISIONS.md «Owner's tool (#16)»); the chart follows the same order.
  for (const { manager: m, rank } of rankedManagers(run.managers)) {
    t.add(
      [
        rank, m.manager, m.scheme, moneyNumber(m.salary), moneyNumber(m.variable), moneyNumber(m.total), num(m.attainment), attainmentMetricText(m, lang),
        payoutShare(m.total, m.margin), m.margin ? moneyNumber(m.margin) : null, 1,
      ],
      { formats: moneyCols },
    );
  }
  const managerRows = run.managers.length;
  if (managerRows === 0) t.add([msg(lang, 'tabs.summary.noManagers')]);
  // Payout as a share of margin, company-wide: over the managers whose margin is known only, so
  // an unknown margin never counts as 0 while its pay still counts (review item 4).
  const withMargin = run.managers.filter((m) => m.margin !== null);
  const totalMargin = sum(withMargin.map((m) => m.margin ?? ZERO));
  const totalWithMargin = sum(withMargin.map((m) => m.total));
  const anyMargin = withMargin.length > 0;
  const total = sum(run.managers.map((m) => m.total));
  t.add(
    [
      null, msg(lang, 'tabs.summary.companyTotal'), null,
      moneyNumber(sum(run.managers.map((m) => m.salary))), moneyNumber(sum(run.managers.map((m) => m.variable))), moneyNumber(total),
      null, null, anyMargin ? payoutShare(totalWithMargin, totalMargin) : null, anyMargin ? moneyNumber(totalMargin) : null,
    ],
    { bold: true, formats: moneyCols },
  );
  for (const text of plansSummaryRows(run, lang, ctx.currency)) t.add([text]);
  if (anyMargin && withMargin.length < run.managers.length) {
    t.add([msg(lang, 'tabs.summary.marginPartial', {
      known: withMargin.length, count: run.managers.length,
      total: formatMoney(totalWithMargin, lang, ctx.currency), margin: formatMoney(totalMargin, lang, ctx.currency),
    })]);
  }

  for (const note of ledgerSummaryNotes(run, ctx)) t.add([note]);

  const charts = managerRows > 0
    ? [{
        title: msg(lang, 'tabs.summary.chartTitle'),
        kind: 'column' as const,
        categories: { row: firstManagerRow, col: SUMMARY_COLS.manager, rows: managerRows, cols: 1 },
        series: [
          { title: msg(lang, 'tabs.summary.total'), range: { row: firstManagerRow, col: SUMMARY_COLS.total, rows: managerRows, cols: 1 }, axis: 'left' as const },
          { title: msg(lang, 'tabs.summary.attainment'), range: { row: firstManagerRow, col: SUMMARY_COLS.attainment, rows: managerRows, cols: 1 }, axis: 'right' as const },
          // The 100 % line: a constant column of the table, so both renderers draw it as a series (Sheets takes no literal data).
          { title: msg(lang, 'tabs.summary.target'), range: { row: firstManagerRow, col: SUMMARY_COLS.target, rows: managerRows, cols: 1 }, axis: 'right' as const, target: true },
        ],
        // The workbook's currency as it is written (₽ for RUB, else its symbol or code: never a guessed one).
        axisTitles: { left: msg(lang, 'tabs.summary.moneyAxis', { currency: currencySymbol(ctx.currency) }), right: msg(lang, 'tabs.summary.attainmentAxis') },
        anchor: { row: frozenRows - 1, col: SUMMARY_COLS.target + 2 },
      }]
    : [];

  // Issues, each linked to the offending row.
  t.blank();
  t.add([msg(lang, 'tabs.summary.issuesTitle', { count: allIssues.length })], { bold: true });
  if (allIssues.length === 0) {
    t.add([msg(lang, 'tabs.summary.noIssues')]);
  } else {
    t.add([msg(lang, 'tabs.issue.sheet'), msg(lang, 'tabs.issue.row'), msg(lang, 'tabs.issue.column'), msg(lang, 'tabs.issue.value'), msg(lang, 'tabs.issue.message')], { bold: true });
    // issues with a row first, then the rest: the row links stay one run (a bounded number of writes, SPEC §9)
    for (const i of [...allIssues.filter((x) => x.row !== null), ...allIssues.filter((x) => x.row === null)]) {
      const row = t.add([i.sheet, i.row, i.column ?? '', i.value ?? '', i.message], { formats: { 1: 'integer', 3: 'text' } });
      if (i.row !== null) t.links.push({ row, col: 1, sheet: i.sheet, targetRow: i.row });
    }
  }
  if (ctx.columns) {
    t.blank();
    for (const [k, cells] of columnReportRows(ctx.columns, lang).entries()) t.add(cells, k === 0 ? { bold: true } : { formats: { 0: 'text', 1: 'text', 2: 'text' } });
  }

  return {
    name,
    kind: 'summary',
    key: `summary:${period}`,
    rows: t.rows,
    formats: t.compactFormats(),
    bold: t.bold,
    frozenRows,
    columnWidths: [50, 220, 200, 120, 130, 130, 120, 120, 120, 130, 110],
    links: t.links,
    charts,
    page: printPage(frozenRows),
  };
}

/** SPEC §11 / §10.2 under the summary's totals: the period closed, and each shortfall the floor withheld. */
function ledgerSummaryNotes(run: PayoutRun, ctx: TabsContext): string[] {
  const out = run.closed ? [msg(ctx.lang, 'ledger.summaryClosed', { at: run.closed.at, by: run.closed.by })] : [];
  for (const m of run.managers) {
    if (m.shortfall && m.shortfall.greaterThan(0)) out.push(msg(ctx.lang, 'ledger.summaryShortfall', { manager: m.manager, shortfall: formatMoney(m.shortfall, ctx.lang, ctx.currency) }));
  }
  return out;
}

/** Payout as a share of margin; null when there is no margin to compare with. */
function payoutShare(total: Dec, margin: Dec | null): number | null {
  if (margin === null || margin.isZero()) return null;
  return total.div(margin).toDecimalPlaces(6, Dec.ROUND_HALF_UP).toNumber();
}

/**
 * The tabs *Generate payouts* writes: the summary first, then one statement per manager, names
 * cut to 100 characters and unique (case-insensitive), keys stable across reruns.
 * @example payoutTabs(run, issues, { generatedAt: '2026-12-01 09:00', currency: 'RUB', lang: 'ru' })[0].name // 'Выплаты · 2026-11'
 */
export function payoutTabs(run: PayoutRun, allIssues: Issue[], ctx: TabsContext): TabModel[] {
  return [...eachPayoutTab(run, allIssues, ctx)];
}

/**
 * payoutTabs one tab at a time, each made when it is asked for: the .xlsx writer writes a tab and
 * lets it go before the next is made, so a million deals' statements are never all held at once.
 */
export function* eachPayoutTab(run: PayoutRun, allIssues: Issue[], ctx: TabsContext): Generator<TabModel> {
  const period = periodKey(run.period);
  const taken = new Set<string>();
  const summaryName = fitName(msg(ctx.lang, 'tabs.summaryTabName', { period }), '', taken);
  const keys = new Set<string>();
  yield summaryTab(run, allIssues, ctx, summaryName);
  for (const m of run.managers) {
    const suffix = msg(ctx.lang, 'tabs.managerTabName', { manager: '', period });
    const name = fitName(m.manager, suffix, taken);
    const base = Array.from(`payout:${period}:${managerKey(m.manager)}`).slice(0, MAX_KEY).join('');
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${Array.from(base).slice(0, MAX_KEY - 6).join('')}#${n}`;
    keys.add(key);
    yield managerTab(m, ctx, name, key);
  }
}
