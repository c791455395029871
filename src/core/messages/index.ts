/**
 * The one message catalogue, in both languages. Each area keeps its entries in its own file
 * (fewer merge clashes); lookups all go through `msg`.
 * Placeholders are `{name}`; a missing parameter is a bug and throws.
 */
import type { Lang } from '../money';
import { assert } from '../issues';
import { functionMessages } from './functions';
import { workbookMessages } from './workbook';
import { engineMessages } from './engine';
import { uiMessages } from './ui';
import { tabsMessages } from './tabs';
import { sidebarMessages } from './sidebar';
import { earningsMessages } from './earnings';
import { ratesMessages } from './rates';
import { cliMessages } from './cli';

export interface MessageEntry {
  en: string;
  ru: string;
}

// The area tables are looked up in turn, not merged: a merged copy of ~500 entries would be built
// at script load, and Sheets evaluates the bundle on every custom-function call. Keys are unique.
const areas = [functionMessages, workbookMessages, engineMessages, uiMessages, tabsMessages, sidebarMessages, earningsMessages, ratesMessages, cliMessages] as const;

export type MessageKey = keyof typeof functionMessages | keyof typeof workbookMessages | keyof typeof engineMessages
  | keyof typeof uiMessages | keyof typeof tabsMessages | keyof typeof sidebarMessages | keyof typeof earningsMessages
  | keyof typeof ratesMessages | keyof typeof cliMessages;

function entryOf(key: string): MessageEntry | undefined {
  for (const area of areas) if (Object.prototype.hasOwnProperty.call(area, key)) return (area as Record<string, MessageEntry>)[key];
  return undefined;
}

export function msg(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage(entryOf(key), lang, key, params);
}

/** An entry's text in `lang` with its `{name}` placeholders filled; for lookups over a subset of areas (the sidebar). */
export function fillMessage(entry: MessageEntry | undefined, lang: Lang, key: string, params: Record<string, string | number>): string {
  assert(entry, `unknown message key ${key}`);
  return entry[lang].replace(/\{(\w+)\}/g, (_, name: string) => {
    assert(name in params, `message ${key} needs parameter ${name}`);
    return String(params[name]);
  });
}

export function hasMessage(key: string): key is MessageKey {
  return entryOf(key) !== undefined;
}

/** `ru*` locales speak Russian, everything else English (SPEC §1). */
export function langOfLocale(locale: string | null | undefined): Lang {
  return /^ru/i.test(String(locale ?? '')) ? 'ru' : 'en';
}
