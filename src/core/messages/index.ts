/**
 * The one message catalogue, in both languages. Each area keeps its entries in its own file
 * (fewer merge clashes); lookups all go through `msg`.
 * Placeholders are `{name}`; a missing parameter is a bug and throws.
 */
import type { Lang } from '../money';
import { assert } from '../issues';
import { formatWhole } from '../moneyText';
import { functionMessages } from './functions';
import { workbookMessages } from './workbook';
import { engineMessages } from './engine';
import { uiMessages } from './ui';
import { tabsMessages } from './tabs';
import { sidebarMessages } from './sidebar';
import { earningsMessages } from './earnings';
import { readingMessages } from './reading';
import { ledgerMessages } from './ledger';
import { statementsMessages } from './statements';
import { plansMessages } from './plans';
import { sidebarPlansMessages } from './sidebarPlans';
import { regulationMessages } from './regulation';
import { ratesMessages } from './rates';
import { cliMessages } from './cli';
import { datesMessages } from './dates';
import { dealsPickerMessages } from './dealsPicker';

export interface MessageEntry {
  en: string;
  ru: string;
}

// The area tables are looked up in turn, not merged: a merged copy of ~500 entries would be built
// at script load, and Sheets evaluates the bundle on every custom-function call. Keys are unique.
const areas = [functionMessages, workbookMessages, engineMessages, uiMessages, tabsMessages, sidebarMessages, earningsMessages, readingMessages, ledgerMessages, statementsMessages,
  plansMessages, sidebarPlansMessages, regulationMessages, ratesMessages, cliMessages, datesMessages, dealsPickerMessages] as const;

export type MessageKey = keyof typeof functionMessages | keyof typeof workbookMessages | keyof typeof engineMessages
  | keyof typeof uiMessages | keyof typeof tabsMessages | keyof typeof sidebarMessages | keyof typeof earningsMessages
  | keyof typeof readingMessages | keyof typeof ledgerMessages | keyof typeof statementsMessages | keyof typeof plansMessages | keyof typeof sidebarPlansMessages
  | keyof typeof regulationMessages | keyof typeof ratesMessages | keyof typeof cliMessages
  | keyof typeof datesMessages | keyof typeof dealsPickerMessages;

type AreaTable = Record<string, MessageEntry>;

/**
 * In build/Code.js each area's table is its JSON text in a comment, `{ '@json': function () {/*…*\/} }`,
 * put there by scripts/build.mjs and parsed here on first use (issue 11): Sheets evaluates the
 * whole bundle on every custom-function call; building ~170 KB of object literals at load cost
 * more than a whole KPI_COMMISSION column, and V8 skips a comment where it copies a string
 * literal's every character. Tests and the CLI see the tables as written.
 */
const tables: (AreaTable | undefined)[] = [];
function tableAt(i: number): AreaTable {
  let table = tables[i];
  if (table === undefined) {
    const area = areas[i] as unknown as AreaTable | { '@json': () => void };
    const json = (area as { '@json'?: unknown })['@json'];
    table = tables[i] = typeof json === 'function' ? (JSON.parse(commentText(json)) as AreaTable) : (area as AreaTable);
  }
  return table;
}

/** The text the build keeps in `function () {/*<marker>\n…*\/}` (`*` `/` written `*@@/`): Function.prototype.toString gives it back. */
function commentText(f: unknown): string {
  const t = String(f);
  return t.slice(t.indexOf('\n') + 1, t.lastIndexOf('*/')).split('*@@/').join('*/');
}

function entryOf(key: string): MessageEntry | undefined {
  for (let i = 0; i < areas.length; i++) {
    const table = tableAt(i);
    if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
  }
  return undefined;
}

export function msg(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage(entryOf(key), lang, key, params);
}

/**
 * An entry's text in `lang` with its placeholders filled; for lookups over a subset of areas (the sidebar).
 * `{name}` is the parameter as given; `{count|сделка|сделки|сделок}` (ru: one, few, many) or
 * `{count|deal|deals}` (en) is the number, grouped, and the word in the form it takes: «1 сделка»,
 * «3 сделки», «11 сделок», "1 deal", "2 deals".
 */
export function fillMessage(entry: MessageEntry | undefined, lang: Lang, key: string, params: Record<string, string | number>): string {
  assert(entry, `unknown message key ${key}`);
  return entry[lang].replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, name: string, forms: string | undefined) => {
    assert(name in params, `message ${key} needs parameter ${name}`);
    if (forms === undefined) return String(params[name]);
    const n = Number(params[name]);
    return `${formatWhole(n, lang)}\u00a0${pluralForm(n, forms.split('|'), lang)}`;
  });
}

/** The form of a noun for a count: ru one/few/many (1 сделка, 2 сделки, 5 сделок, 21 сделка), en one/other. */
export function pluralForm(n: number, forms: string[], lang: Lang): string {
  const abs = Math.abs(Math.trunc(n));
  if (lang === 'en') return abs === 1 ? forms[0] : forms[1] ?? forms[0];
  const last = abs % 10;
  const lastTwo = abs % 100;
  if (last === 1 && lastTwo !== 11) return forms[0];
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return forms[1] ?? forms[0];
  return forms[2] ?? forms[1] ?? forms[0];
}

export function hasMessage(key: string): key is MessageKey {
  return entryOf(key) !== undefined;
}

/** `ru*` locales speak Russian, everything else English (SPEC §1). */
export function langOfLocale(locale: string | null | undefined): Lang {
  return /^ru/i.test(String(locale ?? '')) ? 'ru' : 'en';
}
