/**
 * The sidebar speaks through the one catalogue (core/messages): `t(lang, 'sb.save')`. It looks up
 * only its own areas (sidebar, earnings/simulate): every other text it shows comes from the server
 * already translated, and importing the whole catalogue would ship ~38 KB of engine, reader and
 * tab messages in Sidebar.html.
 */
import { dealsPickerMessages } from '../core/messages/dealsPicker';
import { earningsMessages } from '../core/messages/earnings';
import { fillMessage, type MessageEntry } from '../core/messages/index';
import { sidebarMessages } from '../core/messages/sidebar';
import { sidebarPlansMessages } from '../core/messages/sidebarPlans';
import type { Lang } from '../core/money';
import { formatCompact, formatWhole } from '../core/moneyText';

export type MessageKey = keyof typeof sidebarMessages | keyof typeof earningsMessages | keyof typeof sidebarPlansMessages | keyof typeof dealsPickerMessages;
export type { Lang };

function entryOf(key: string): MessageEntry | undefined {
  for (const area of [sidebarMessages, earningsMessages, sidebarPlansMessages, dealsPickerMessages]) {
    if (Object.prototype.hasOwnProperty.call(area, key)) return (area as Record<string, MessageEntry>)[key];
  }
  return undefined;
}

export function hasMessage(key: string): key is MessageKey {
  return entryOf(key) !== undefined;
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage(entryOf(key), lang, key, params);
}

/** Whole units, grouped as everywhere else (core/moneyText): display only. */
export const formatAmount = formatWhole;

/** 1 250 000 → `1,3 млн` / `1.3M`; 25 000 → `25 тыс` / `25K` — for chart axes. */
export const compactAmount = formatCompact;
