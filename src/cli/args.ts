/**
 * `kpi-payouts` arguments. Errors are KpiUserErrors with a translated message: the command prints
 * one line and exits with code 2.
 */
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import type { Lang } from '../core/money';

export interface CliArgs {
  workbook: string;
  period: string | null;
  out: string | null;
  json: boolean;
  today: string | null;
  tz: string | null;
  lang: Lang | null;
  currency: string | null;
  help: boolean;
}

const VALUED = new Set(['--period', '--out', '--today', '--tz', '--lang', '--currency']);

export function parseArgs(argv: string[], lang: Lang): CliArgs {
  const args: CliArgs = { workbook: '', period: null, out: null, json: false, today: null, tz: null, lang: null, currency: null, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (VALUED.has(a)) {
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new KpiUserError(msg(lang, 'cli.optionNeedsValue', { option: a }));
      }
      if (a === '--period') args.period = value;
      else if (a === '--out') args.out = value;
      else if (a === '--today') args.today = value;
      else if (a === '--tz') args.tz = value;
      else if (a === '--currency') args.currency = value.trim().toUpperCase();
      else if (a === '--lang') args.lang = /^ru/i.test(value) ? 'ru' : 'en';
    } else if (a.startsWith('-') && a.length > 1) {
      throw new KpiUserError(msg(lang, 'cli.unknownOption', { option: a, usage: msg(lang, 'cli.usage') }));
    } else positional.push(a);
  }
  if (args.help) return args;
  if (positional.length !== 1) throw new KpiUserError(msg(lang, positional.length === 0 ? 'cli.noWorkbook' : 'cli.usage'));
  args.workbook = positional[0];
  return args;
}
