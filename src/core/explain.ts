/**
 * How figures read in statements: money with the currency, counts as whole numbers, ratios as
 * percents, coefficients to 4 places. All in the run's language (core/money formatters).
 */
import { Dec, dec } from './decimal';
import { msg } from './messages/index';
import { metricKind } from './metricNames';
import { formatMoney, formatNumber, formatPercent, type Lang } from './money';

/** Up to `decimals` places, trailing zeros dropped: 0.4 → `0,4` (ru) / `0.4` (en). */
export function formatDecimal(value: Dec | number, lang: Lang, decimals = 4): string {
  const text = formatNumber(value, lang, decimals);
  return text.includes(lang === 'ru' ? ',' : '.') ? text.replace(/0+$/, '').replace(/[.,]$/, '') : text;
}

/** A fact of a metric as the owner reads it. */
export function formatFact(metric: string, value: Dec, lang: Lang, currency: string): string {
  switch (metricKind(metric)) {
    case 'money': return formatMoney(value, lang, currency);
    case 'ratio': return formatPercent(value, lang);
    default: return formatDecimal(value, lang, 2);
  }
}

/** The K coefficient: always 4 places (`0,9533`). */
export function formatK(k: Dec, lang: Lang): string {
  return formatNumber(k, lang, 4);
}

/** `7 сделок` / `7 deals` (Russian plural forms). */
export function dealCount(n: Dec | number, lang: Lang): string {
  const count = dec(n);
  const text = formatDecimal(count, lang, 2);
  if (!count.isInteger()) return msg(lang, 'engDealsMany', { n: text });
  const abs = count.abs().toNumber();
  if (lang === 'en') return msg(lang, abs === 1 ? 'engDealsOne' : 'engDealsMany', { n: text });
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return msg(lang, 'engDealsOne', { n: text });
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return msg(lang, 'engDealsFew', { n: text });
  return msg(lang, 'engDealsMany', { n: text });
}

/** Language-neutral tier text for the statement's rate column: `100%:5%`, `10:5000`, `12:3%`. */
export function tierText(threshold: Dec, value: Dec, thresholdIsPercent: boolean, valueIsPercent: boolean): string {
  const pct = (d: Dec) => `${d.times(100).toDecimalPlaces(4).toString()}%`;
  return `${thresholdIsPercent ? pct(threshold) : threshold.toString()}:${valueIsPercent ? pct(value) : value.toString()}`;
}
