/**
 * `kpi-payouts WORKBOOK.xlsx --regulation "SCHEME" [--period P] --out FILE.docx [--lang ru|en]
 *  [--currency RUB] [--tz ZONE] [--date-order dmy|mdy]` — the motivation regulation of SPEC §13 as a .docx, through the
 * same document model the add-on writes as a tab. One line on stdout says what was written.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KpiUserError } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import { readWorkbook } from '../workbook/read';
import { regulationOfRead } from '../workbook/regulation';
import { checkOption, optionTokens } from './args';
import { parseDateOrder, type DateOrder } from '../core/dateOrder';
import { envLang, failed, loadWorkbookFile, timeZoneOf } from './load';
import { regulationDocx } from './regulationDocx';
import type { CliIO } from './run';

interface RegulationArgs {
  workbook: string;
  scheme: string;
  period: string | null;
  out: string | null;
  tz: string | null;
  lang: Lang | null;
  currency: string | null;
  /** --date-order, as in the main run and --simulate (Plans periods and deal dates typed `03/04/2026`). */
  dateOrder: DateOrder | null;
}

const VALUED = new Set(['--regulation', '--period', '--out', '--tz', '--lang', '--currency', '--date-order']);

function parseRegulationArgs(argv: string[], lang: Lang): RegulationArgs {
  const args: RegulationArgs = { workbook: '', scheme: '', period: null, out: null, tz: null, lang: null, currency: null, dateOrder: null };
  const positional: string[] = [];
  const seen = new Set<string>();
  for (const [a, value] of optionTokens(argv, VALUED, () => new KpiUserError(msg(lang, 'reg.cliUsage')))) {
    // A repeated option or a refused value (`--date-order ymd`, `--lang de`) says why, as the main run does.
    checkOption(a, value, seen, lang);
    if (value !== undefined) {
      if (a === '--regulation') args.scheme = value.trim();
      else if (a === '--period') args.period = value.trim();
      else if (a === '--out') args.out = value;
      else if (a === '--tz') args.tz = value;
      else if (a === '--currency') args.currency = value.trim().toUpperCase();
      else if (a === '--lang') args.lang = langOfLocale(value);
      else if (a === '--date-order') args.dateOrder = parseDateOrder(value);
    } else if (a.startsWith('-') && a.length > 1) throw new KpiUserError(msg(lang, 'reg.cliUsage'));
    else positional.push(a);
  }
  if (positional.length !== 1) throw new KpiUserError(msg(lang, 'reg.cliUsage'));
  args.workbook = positional[0];
  if (args.out === null) throw new KpiUserError(msg(lang, 'reg.cliNeedOut'));
  if (!/\.docx$/i.test(args.out)) throw new KpiUserError(msg(lang, 'reg.cliOutDocx', { value: args.out }));
  return args;
}

/** Runs the command; resolves to the exit code (0 done, 2 the user's to fix, 1 unexpected). */
export async function runRegulationCommand(argv: string[], io: CliIO): Promise<number> {
  let lang: Lang = envLang(io.env);
  try {
    const args = parseRegulationArgs(argv, lang);
    if (args.lang) lang = args.lang;
    const tz = timeZoneOf(args.tz, io.env, lang);
    const { raw } = await loadWorkbookFile(args.workbook, { cwd: io.cwd, timeZone: tz, lang: args.lang, currency: args.currency, dateOrder: args.dateOrder }, lang);
    const read = readWorkbook(raw);
    lang = read.lang;
    const doc = regulationOfRead(read, { scheme: args.scheme, period: args.period });
    const bytes = await regulationDocx(doc);
    try {
      await writeFile(resolve(io.cwd, args.out as string), bytes);
    } catch (e) {
      throw new KpiUserError(msg(lang, 'cli.cannotWrite', { file: args.out as string, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) }));
    }
    io.stdout(msg(lang, 'reg.cliWritten', { scheme: doc.scheme, period: doc.period, version: doc.version, file: args.out as string }) + '\n');
    return 0;
  } catch (e) {
    return failed(e, lang, io.stderr);
  }
}
