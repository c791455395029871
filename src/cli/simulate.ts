/**
 * `kpi-payouts WORKBOOK.xlsx --simulate SCHEME[,SCHEME2] --from YYYY-MM --to YYYY-MM
 *  [--managers A,B] [--json] [--out FILE.xlsx] [--tz ZONE] [--lang ru|en] [--currency RUB]`
 * — *Simulate scheme…* on an .xlsx, through the same code the add-on runs (workbook/earningsRun).
 * stdout: a table per period (or, with --json, only the SimulationJson object of core/simulate);
 * progress and warnings on stderr. A bad scheme, range or option: one line on stderr, exit 2.
 * `--out` writes the simulation as a tab into a copy of the workbook.
 */
import { KpiUserError } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import { formatMoney, formatPercent, type Lang } from '../core/money';
import { intlLocalDay } from '../core/periods';
import type { SimulationJson } from '../core/simulate';
import { moneyDifference, runSimulation, simulationTab } from '../workbook/earningsRun';
import { checkOption, optionTokens } from './args';
import { parseDateOrder, type DateOrder } from '../core/dateOrder';
import { envLang, failed, loadWorkbookFile, saveWorkbookFile, timeZoneOf } from './load';
import { pad, type CliIO } from './run';

export interface SimulateArgs {
  workbook: string;
  schemes: string[];
  from: string | null;
  to: string | null;
  managers: string[] | null;
  json: boolean;
  out: string | null;
  tz: string | null;
  lang: Lang | null;
  currency: string | null;
  dateOrder?: DateOrder | null;
}

const VALUED = new Set(['--simulate', '--from', '--to', '--managers', '--out', '--tz', '--lang', '--currency', '--date-order']);

const list = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');

function parseSimulateArgs(argv: string[], lang: Lang): SimulateArgs {
  const args: SimulateArgs = { workbook: '', schemes: [], from: null, to: null, managers: null, json: false, out: null, tz: null, lang: null, currency: null };
  const positional: string[] = [];
  const seen = new Set<string>();
  for (const [a, value] of optionTokens(argv, VALUED, () => new KpiUserError(msg(lang, 'simulate.cliUsage')))) {
    checkOption(a, value, seen, lang);
    if (a === '--json') args.json = true;
    else if (value !== undefined) {
      // one of VALUED
      if (a === '--simulate') args.schemes = list(value);
      else if (a === '--from') args.from = value.trim();
      else if (a === '--to') args.to = value.trim();
      else if (a === '--managers') args.managers = list(value);
      else if (a === '--out') args.out = value;
      else if (a === '--tz') args.tz = value;
      else if (a === '--currency') args.currency = value.trim().toUpperCase();
      else if (a === '--lang') args.lang = langOfLocale(value);
      else if (a === '--date-order') args.dateOrder = parseDateOrder(value);
    } else if (a.startsWith('-') && a.length > 1) {
      throw new KpiUserError(msg(lang, 'simulate.cliUsage'));
    } else positional.push(a);
  }
  if (positional.length !== 1) throw new KpiUserError(msg(lang, 'simulate.cliUsage'));
  args.workbook = positional[0];
  if (args.schemes.length === 0) throw new KpiUserError(msg(lang, 'simulate.needScheme'));
  if (args.from === null || args.to === null) throw new KpiUserError(msg(lang, 'simulate.cliNeedRange'));
  return args;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) => r.map((cell, c) => pad(cell ?? '', widths[c], c > 0)).join('  ').trimEnd()).join('\n') + '\n';
}

/** The human output: one table per period (managers × schemes), then per-manager totals and warnings. */
function simulationText(json: SimulationJson, lang: Lang): string {
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, lang, json.currency));
  const pct = (n: number | null) => (n === null ? '—' : formatPercent(n, lang));
  const two = json.schemes.length === 2;
  let out = `${msg(lang, 'simulate.tabHeader', { schemes: json.schemes.join(' / '), from: json.from, to: json.to })}\n`;
  for (const p of json.periods) {
    out += `\n${msg(lang, 'simulate.period')} ${p.period}\n`;
    const managers = [...new Set(p.schemes.flatMap((s) => s.managers.map((m) => m.manager)))];
    const header = [msg(lang, 'simulate.manager'), ...json.schemes, ...(two ? [msg(lang, 'simulate.difference')] : [])];
    const rows = managers.map((m) => {
      const totals = json.schemes.map((s) => p.schemes.find((x) => x.scheme === s)?.managers.find((x) => x.manager === m)?.total ?? null);
      return [m, ...totals.map(money), ...(two ? [money(moneyDifference(totals[0], totals[1]))] : [])];
    });
    const payrolls = json.schemes.map((s) => p.schemes.find((x) => x.scheme === s)?.payroll ?? null);
    rows.push([msg(lang, 'simulate.payroll'), ...payrolls.map(money), ...(two ? [money(moneyDifference(payrolls[0], payrolls[1]))] : [])]);
    rows.push([msg(lang, 'simulate.margin'), ...json.schemes.map((s) => money(p.schemes.find((x) => x.scheme === s)?.margin ?? null)), ...(two ? [''] : [])]);
    rows.push([msg(lang, 'simulate.share'), ...json.schemes.map((s) => {
      const x = p.schemes.find((y) => y.scheme === s);
      return x ? pct(x.share) + (x.over_limit ? ` (${msg(lang, 'simulate.overLimitShort')})` : '') : '—';
    }), ...(two ? [''] : [])]);
    out += table([header, ...rows]);
  }
  out += `\n${msg(lang, 'simulate.perManager')}\n`;
  const header = [msg(lang, 'simulate.manager'), ...json.schemes, ...(two ? [msg(lang, 'simulate.difference')] : [])];
  const rows = json.manager_totals.map((m) => [m.manager, ...m.totals.map(money), ...(two ? [money(m.difference)] : [])]);
  rows.push([msg(lang, 'simulate.total'), ...json.totals.map((t) => `${money(t.payroll)} (${pct(t.share)})`), ...(two ? [money(moneyDifference(json.totals[0].payroll, json.totals[1].payroll))] : [])]);
  out += table([header, ...rows]);
  if (json.reach.length > 0) {
    out += `\n${msg(lang, 'simulate.reach')}\n`;
    out += table([
      [msg(lang, 'simulate.scheme1'), msg(lang, 'simulate.reachRule'), msg(lang, 'simulate.reachLevel'), msg(lang, 'simulate.reachCount')],
      ...json.reach.map((r) => [r.scheme, r.rule, r.level === null ? msg(lang, 'simulate.paid') : String(r.level), String(r.count)]),
    ]);
  }
  for (const w of json.warnings) out += `\n${w}`;
  if (json.warnings.length > 0) out += '\n';
  return out;
}

/** Runs the command; resolves to the exit code (0 done, 2 the user's to fix, 1 unexpected). */
export async function runSimulateCommand(argv: string[], io: CliIO): Promise<number> {
  let lang: Lang = envLang(io.env);
  try {
    const args = parseSimulateArgs(argv, lang);
    if (args.lang) lang = args.lang;
    const tz = timeZoneOf(args.tz, io.env, lang);
    const { pkg, raw } = await loadWorkbookFile(args.workbook, { cwd: io.cwd, timeZone: tz, lang: args.lang, currency: args.currency, dateOrder: args.dateOrder }, lang);
    lang = langOfLocale(raw.locale);
    const { read, json } = runSimulation(raw, { schemes: args.schemes, from: args.from!, to: args.to!, managers: args.managers });
    lang = read.lang;
    if (args.out) {
      const today = intlLocalDay(tz)(io.now());
      const tab = simulationTab(json, { lang, generatedAt: today });
      await saveWorkbookFile(pkg, [tab], args.out, { cwd: io.cwd, currency: read.currency, lang, warn: (line) => io.stderr(line + '\n') });
    }
    if (args.json) {
      io.stdout(JSON.stringify(json, null, 2) + '\n');
      for (const w of json.warnings) io.stderr(w + '\n');
    } else io.stdout(simulationText(json, lang));
    return 0;
  } catch (e) {
    return failed(e, lang, io.stderr);
  }
}
