/**
 * Every option of `kpi-payouts`, as one list: what `--help` prints and what the parser accepts.
 * An area that adds an option adds one entry here (and its `cli.opt.*` / `cli.val.*` messages).
 */
import { msg, type MessageKey } from '../core/messages/index';
import type { Lang } from '../core/money';
import { pad } from './run';
import { parseDateOrder } from '../core/dateOrder';

export interface CliOption {
  /** `--period` */
  name: string;
  /** Other spellings of the same option (`-h`). */
  aliases?: readonly string[];
  /** The value's placeholder in the help; absent for a flag. */
  value?: MessageKey;
  help: MessageKey;
  /** A value the option refuses: the message saying why (exit 2). */
  refuse?: (value: string) => MessageKey | null;
}

export const CLI_OPTIONS: readonly CliOption[] = [
  { name: '--period', value: 'cli.val.period', help: 'cli.opt.period' },
  { name: '--out', value: 'cli.val.out', help: 'cli.opt.out' },
  { name: '--json', help: 'cli.opt.json' },
  { name: '--today', value: 'cli.val.today', help: 'cli.opt.today' },
  { name: '--tz', value: 'cli.val.tz', help: 'cli.opt.tz' },
  { name: '--lang', value: 'cli.val.lang', help: 'cli.opt.lang', refuse: (v) => (/^(ru|en)$/i.test(v.trim()) ? null : 'cli.badLang') },
  { name: '--currency', value: 'cli.val.currency', help: 'cli.opt.currency', refuse: (v) => (/^[A-Za-z]{3}$/.test(v.trim()) ? null : 'cli.badCurrency') },
  { name: '--deals', value: 'cli.val.deals', help: 'cli.opt.deals' },
  { name: '--date-order', value: 'cli.val.dateOrder', help: 'cli.opt.dateOrder', refuse: (v) => (parseDateOrder(v) ? null : 'cli.badDateOrder') },
  { name: '--statements', value: 'cli.val.dir', help: 'cli.opt.statements' },
  { name: '--close', help: 'cli.opt.close' },
  { name: '--confirm', help: 'cli.opt.confirm' },
  { name: '--register', value: 'cli.val.csv', help: 'cli.opt.register' },
  { name: '--regulation', value: 'cli.val.scheme', help: 'cli.opt.regulation' },
  { name: '--simulate', value: 'cli.val.simulate', help: 'cli.opt.simulate' },
  { name: '--from', value: 'cli.val.month', help: 'cli.opt.from' },
  { name: '--to', value: 'cli.val.month', help: 'cli.opt.to' },
  { name: '--managers', value: 'cli.val.managers', help: 'cli.opt.managers' },
  { name: '--help', aliases: ['-h'], help: 'cli.opt.help' },
];

/** The entry an argument names (`--period`, `-h`), or undefined. */
export function cliOption(arg: string): CliOption | undefined {
  return CLI_OPTIONS.find((o) => o.name === arg || o.aliases?.includes(arg));
}

/** Options that take a value, by every spelling: for `optionTokens`. */
export function valuedOptions(): Set<string> {
  const out = new Set<string>();
  for (const o of CLI_OPTIONS) if (o.value) for (const n of [o.name, ...(o.aliases ?? [])]) out.add(n);
  return out;
}

/** `kpi-payouts --help`: usage, what it does, one line per option, the exit codes. */
export function helpText(lang: Lang): string {
  const heads = CLI_OPTIONS.map((o) => [...(o.aliases ?? []), o.name].join(', ') + (o.value ? ` ${msg(lang, o.value)}` : ''));
  const width = Math.max(...heads.map((h) => Array.from(h).length));
  const lines = CLI_OPTIONS.map((o, i) => `  ${pad(heads[i], width)}  ${msg(lang, o.help)}`);
  return [msg(lang, 'cli.help.usage'), '', msg(lang, 'cli.help.about'), '', msg(lang, 'cli.help.options'), ...lines, '', msg(lang, 'cli.help.exitCodes')].join('\n') + '\n';
}
