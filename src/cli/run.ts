/**
 * The `kpi-payouts` command: the same pipeline as *Generate payouts* in the add-on, on an .xlsx.
 * stdout carries the result (the summary table, or only the SPEC §8 JSON with --json); progress
 * and warnings go to stderr. A problem the user must fix is one line on stderr and exit code 2;
 * anything unexpected is one line and exit code 1 — never a stack trace.
 */
import { sum as sumDec } from '../core/decimal';
import { KpiUserError, type Issue } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import { formatNumber, formatPercentFixed, type Lang } from '../core/money';
import { intlLocalDay, isLocalDate } from '../core/periods';
import { runPayouts, type PipelineResult } from '../workbook/pipeline';
import { columnReportLines } from '../workbook/reading/columnReport';
import { rankedManagers } from '../workbook/ranking';
import { metricLabel } from '../core/metricNames';
import { parseArgs } from './args';
import { NO_PROGRESS, progressBar } from './progress';
import { runClose, writeRegister } from './close';
import { helpText } from './options';
import { envLang, failed, loadWorkbookFile, saveWorkbookFile, timeZoneOf } from './load';
import { writeStatements } from './statements';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The clock, injectable for tests. */
  now: () => Date;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Draw a progress bar on stderr for long runs (main.ts: when stderr is a terminal). */
  progress?: boolean;
}

export { DEFAULT_TIME_ZONE } from './load';

/** `text` filled with spaces to `width` characters (code points), on the left when `right`. */
export function pad(text: string, width: number, right = false): string {
  const len = Array.from(text).length;
  const fill = ' '.repeat(Math.max(0, width - len));
  return right ? fill + text : text + fill;
}

/** The summary printed on stdout: one row per manager, the company total, the issue count. */
function summaryText(result: PipelineResult, lang: Lang): string {
  const { run, issues } = result;
  // The summary tab's columns and order (ranked by payout), so the console and the tab agree.
  const header = [
    msg(lang, 'tabs.summary.rank'), msg(lang, 'tabs.summary.manager'), msg(lang, 'tabs.summary.scheme'), msg(lang, 'tabs.summary.salary'),
    msg(lang, 'tabs.summary.variable'), msg(lang, 'tabs.summary.total'), msg(lang, 'tabs.summary.attainment'), msg(lang, 'tabs.summary.attainmentMetric'),
  ];
  const rows = rankedManagers(run.managers).map(({ manager: m, rank }) => [
    String(rank), m.manager, m.scheme, formatNumber(m.salary, lang), formatNumber(m.variable, lang), formatNumber(m.total, lang),
    m.attainment ? formatPercentFixed(m.attainment, lang) : '—', // one column: the same decimals on every row
    m.attainment && m.attainmentMetric ? metricLabel(m.attainmentMetric, lang) : '',
  ]);
  const json = result.json;
  const sum = (k: 'salary' | 'variable' | 'total') => sumDec(run.managers.map((m) => m[k]));
  if (run.managers.length > 0) {
    rows.push(['', msg(lang, 'tabs.summary.companyTotal'), '', formatNumber(sum('salary'), lang), formatNumber(sum('variable'), lang), formatNumber(sum('total'), lang), '', '']);
  }
  const widths = header.map((h, c) => Math.max(Array.from(h).length, ...rows.map((r) => Array.from(r[c]).length)));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c], c === 0 || (c >= 3 && c <= 6))).join('  ').trimEnd();
  const out = [msg(lang, 'cli.summaryTitle', { period: json.period, currency: json.currency }), line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r));
  if (run.managers.length === 0) out.push(msg(lang, 'tabs.summary.noManagers'));
  out.push('', msg(lang, 'cli.issueCount', { count: issues.length }));
  out.push(...issueLines(issues, lang));
  out.push('', ...columnReportLines(result.read.columns, lang));
  return out.join('\n') + '\n';
}

/** How many issues the text output lists; the rest are counted (all of them are in --json and on the summary tab). */
export const ISSUES_SHOWN = 20;

/** The first ISSUES_SHOWN issues, one line each (`Сделки, строка 5, Статус «???»: message`), then how many more. */
export function issueLines(issues: readonly Issue[], lang: Lang): string[] {
  if (issues.length === 0) return [];
  const lines = issues.slice(0, ISSUES_SHOWN).map((i) => {
    const where = [i.sheet, i.row !== null ? msg(lang, 'cli.issueRow', { row: i.row }) : null, i.column].filter((x) => x !== null && x !== '').join(', ');
    return `- ${where}: ${i.message}`;
  });
  if (issues.length > ISSUES_SHOWN) lines.push(msg(lang, 'cli.issueMore', { count: issues.length - ISSUES_SHOWN }));
  return [msg(lang, 'cli.issuesTitle'), ...lines];
}

/** Runs the command; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let lang: Lang = envLang(io.env);
  try {
    const args = parseArgs(argv, lang);
    if (args.lang) lang = args.lang;
    if (args.help) {
      io.stdout(helpText(lang));
      return 0;
    }
    const tz = timeZoneOf(args.tz, io.env, lang);
    if (args.today !== null && !isLocalDate(args.today)) throw new KpiUserError(msg(lang, 'cli.badToday', { value: args.today }));
    const bar = io.progress ? progressBar(io.stderr) : NO_PROGRESS;
    const { pkg, raw } = await loadWorkbookFile(args.workbook, { cwd: io.cwd, timeZone: tz, lang: args.lang, currency: args.currency, dateOrder: args.dateOrder, progress: (f) => bar.update(f * 0.6) }, lang);
    lang = langOfLocale(raw.locale);
    if (args.deals !== null) raw.mapping = { ...raw.mapping, sheets: { ...raw.mapping?.sheets, deals: args.deals } };

    const now = io.now();
    const today = args.today ?? intlLocalDay(tz)(now);
    const generatedAt = args.today ?? `${today} ${timeOfDay(now, tz)}`;
    if (args.close) return await runClose(args, { pkg, raw, today, generatedAt, io });
    const result = runPayouts(raw, { period: args.period, today, generatedAt });
    if (args.register) await writeRegister(args.register, result.run, result.read, io);
    bar.update(0.75);
    bar.done();
    lang = result.read.lang;
    io.stderr(msg(lang, 'cli.computing', { period: result.json.period }) + '\n');

    const out = args.out ?? (args.json || args.statements ? null : 'payouts.xlsx');
    if (out) {
      bar.update(0.8);
      await saveWorkbookFile(pkg, result.eachTab?.() ?? result.tabs, out, { cwd: io.cwd, currency: result.read.currency, lang, warn: (line) => {
        bar.done();
        io.stderr(line + '\n');
      }, ...(result.run.closed ? { protect: true } : {}) });
      bar.done();
    }
    if (args.statements) {
      await writeStatements(result, args.statements, { cwd: io.cwd, currency: result.read.currency, lang, env: io.env, warn: (line) => io.stderr(line + '\n') });
    }
    if (args.json) io.stdout(JSON.stringify(result.json, null, 2) + '\n');
    else io.stdout(summaryText(result, lang));
    if (result.issues.length > 0) io.stderr(msg(lang, 'cli.issuesHint') + '\n');
    return 0;
  } catch (e) {
    return failed(e, lang, io.stderr);
  }
}

function timeOfDay(d: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}
