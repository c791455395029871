/**
 * The sidebar speaks through the one catalogue (core/messages): `t(lang, 'sb.save')`. It looks up
 * only its own areas (sidebar, earnings/simulate): every other text it shows comes from the server
 * already translated, and importing the whole catalogue would ship ~38 KB of engine, reader and
 * tab messages in Sidebar.html.
 */
import { earningsMessages } from '../core/messages/earnings';
import { fillMessage, type MessageEntry } from '../core/messages/index';
import { sidebarMessages } from '../core/messages/sidebar';
import { sidebarPlansMessages } from '../core/messages/sidebarPlans';
import type { Lang } from '../core/money';

export type MessageKey = keyof typeof sidebarMessages | keyof typeof earningsMessages | keyof typeof sidebarPlansMessages;
export type { Lang };

function entryOf(key: string): MessageEntry | undefined {
  for (const area of [sidebarMessages, earningsMessages, sidebarPlansMessages]) {
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

/** Groups of three (ru: a space, en: a comma), no float money arithmetic: display only. */
export function formatAmount(value: number, lang: Lang): string {
  const rounded = Math.round(value);
  const text = Math.abs(rounded).toString().replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',');
  return (rounded < 0 ? '-' : '') + text;
}

/** 1 250 000 → `1,3M` / `1.3M`; 25 000 → `25K` — for chart axes. */
export function compactAmount(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const [div, suffix] = abs >= 1e6 ? [1e6, lang === 'ru' ? '\u00a0млн' : 'M'] : abs >= 1e3 ? [1e3, lang === 'ru' ? '\u00a0тыс' : 'K'] : [1, ''];
  const n = value / div;
  const text = (Number.isInteger(n) ? String(n) : n.toFixed(1)).replace('.', lang === 'ru' ? ',' : '.');
  return text + suffix;
}
