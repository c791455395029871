/**
 * `kpi-payouts` arguments. Errors are KpiUserErrors with a translated message: the command prints
 * one line and exits with code 2.
 */
import { KpiUserError } from '../core/issues';
import { langOfLocale, msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import { cliOption, valuedOptions } from './options';
import { parseDateOrder, type DateOrder } from '../core/dateOrder';

export interface CliArgs {
  workbook: string;
  period: string | null;
  out: string | null;
  /** --statements DIR: one .xlsx (and PDF) per paid manager holding only their statement (SPEC §12). */
  statements: string | null;
  json: boolean;
  today: string | null;
  tz: string | null;
  lang: Lang | null;
  currency: string | null;
  /** --deals "A,B": the Deals sheet(s), several read as one table (SPEC §10.1). */
  deals: string | null;
  /** --date-order dmy|mdy: how `03/04/2026` reads (else the workbook's language says, or it is an issue). */
  dateOrder: DateOrder | null;
  help: boolean;
  /** SPEC §11: close the period (needs --out), --confirm to close despite withholding issues, --register FILE.csv. */
  close: boolean;
  confirm: boolean;
  register: string | null;
}

/**
 * The arguments in order, as [arg, value]: an option is split off its `=value` (`--opt=value`), and
 * an option in `valued` without one takes the next argument (`--opt value`) — none left, or an
 * option there (`--x`; a bare `--` is a value), throws missingValue(option). `value` is set exactly
 * for the options in `valued`; anything else (a flag, an unknown option, a positional) comes alone.
 */
export function* optionTokens(argv: readonly string[], valued: ReadonlySet<string>, missingValue: (option: string) => Error): Generator<[arg: string, value: string | undefined]> {
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (!valued.has(a)) yield [a, undefined];
    else {
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) throw missingValue(a);
      }
      yield [a, value];
    }
  }
}

/** An option given twice, or a value it refuses (`--lang de`, `--currency ₽`): say which and why (exit 2), never pick one. */
export function checkOption(arg: string, value: string | undefined, seen: Set<string>, lang: Lang): void {
  const option = cliOption(arg);
  if (!option) return;
  if (seen.has(option.name)) throw new KpiUserError(msg(lang, 'cli.repeatedOption', { option: option.name }));
  seen.add(option.name);
  const refused = value !== undefined ? option.refuse?.(value) : null;
  if (refused) throw new KpiUserError(msg(lang, refused, { value: value ?? '' }));
}

export function parseArgs(argv: string[], lang: Lang): CliArgs {
  const args: CliArgs = { workbook: '', period: null, out: null, statements: null, json: false, today: null, tz: null, lang: null, currency: null, deals: null, dateOrder: null, help: false, close: false, confirm: false, register: null };
  const positional: string[] = [];
  const seen = new Set<string>();
  for (const [a, value] of optionTokens(argv, valuedOptions(), (option) => new KpiUserError(msg(lang, 'cli.optionNeedsValue', { option })))) {
    checkOption(a, value, seen, lang);
    if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--close') args.close = true;
    else if (a === '--confirm') args.confirm = true;
    else if (value !== undefined) {
      if (a === '--period') args.period = value;
      else if (a === '--out') args.out = value;
      else if (a === '--statements') args.statements = value;
      else if (a === '--today') args.today = value;
      else if (a === '--tz') args.tz = value;
      else if (a === '--currency') args.currency = value.trim().toUpperCase();
      else if (a === '--lang') args.lang = langOfLocale(value);
      else if (a === '--deals') args.deals = value;
      else if (a === '--date-order') args.dateOrder = parseDateOrder(value);
      else if (a === '--register') args.register = value;
    } else if (a.startsWith('-') && a.length > 1) {
      throw new KpiUserError(msg(lang, 'cli.unknownOptionHelp', { option: a }));
    } else positional.push(a);
  }
  if (args.help) return args;
  if (positional.length !== 1) throw new KpiUserError(msg(lang, positional.length === 0 ? 'cli.noWorkbook' : 'cli.usage'));
  args.workbook = positional[0];
  return args;
}
