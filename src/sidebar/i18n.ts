/** The sidebar speaks through the one catalogue (core/messages): `t(lang, 'sb.save')`. */
import { hasMessage, msg, type MessageKey } from '../core/messages/index';
import type { Lang } from '../core/money';

export type { Lang, MessageKey };
export { hasMessage };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return msg(lang, key, params);
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
