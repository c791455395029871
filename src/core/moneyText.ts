/**
 * The one locale-aware number formatter: every figure a user sees (tabs' texts, explanations, the
 * CLI, the sidebar, e-mails, documents) is spelled here. money.ts hands decimal.js values to it as
 * digit strings; the sidebar hands it the JSON numbers the server sends (decimal.js would be ~32 KB
 * of its one inline page). Same text for a Dec and for the number nearest to it.
 *
 * Russian: decimal comma, thousands separated by a narrow no-break space (U+202F, the typographic
 * thin space), a no-break space before `%` and the currency sign — so `1 250 000,00 ₽` never breaks
 * across lines. English: `1,250,000.00`, `5%`, `$` `£` `€` in front, any other sign after.
 */
import type { Lang } from './money';

/** Narrow no-break space: Russian thousands separator. */
export const THIN_SPACE = '\u202f';
/** No-break space: between a figure and its unit (`5 %`, `100 ₽`). */
export const UNIT_SPACE = '\u00a0';

const CURRENCY_SYMBOLS: Record<string, string> = {
  RUB: '₽', USD: '$', EUR: '€', KZT: '₸', BYN: 'Br', UAH: '₴', GBP: '£', CNY: '¥',
};

/** Currencies whose symbol an English reader expects in front: `$62,500.00`. */
const SYMBOL_FIRST_EN = new Set(['USD', 'EUR', 'GBP']);

export function currencySymbol(currency: string): string {
  return CURRENCY_SYMBOLS[currency] ?? currency;
}

/**
 * Sign, integer digits and fraction digits (already rounded) as the locale writes them.
 * The one place grouping and separators are decided.
 */
export function spellDigits(negative: boolean, intDigits: string, fracDigits: string, lang: Lang): string {
  const grouped = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? THIN_SPACE : ',');
  return (negative ? '-' : '') + grouped + (fracDigits ? (lang === 'ru' ? ',' : '.') + fracDigits : '');
}

/**
 * `value × 10^shift` to `decimals` places, a tie away from zero, grouped: as money.ts rounds
 * `dec(value)`. Parsing `<digits>e<n>` moves the decimal point of the number's own text exactly
 * (no float ×100), so 1.005 → `1,01` as decimal.js gives it.
 */
function numberText(value: number, lang: Lang, decimals: number, shift = 0): string {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const units = Math.round(Number(`${mantissa}e${Number(exponent) + shift + decimals}`));
  const digits = String(units).padStart(decimals + 1, '0');
  return spellDigits(value < 0 && units !== 0, digits.slice(0, digits.length - decimals), digits.slice(digits.length - decimals), lang);
}

/** `1 250,50` (ru, thin space) / `1,250.50` (en). */
export function formatNumber(value: number, lang: Lang, decimals = 2): string {
  return numberText(value, lang, decimals);
}

/**
 * A formatted amount with its currency (money.ts's formatMoney uses it too): ru, the symbol always
 * after; en, $ £ € in front with the minus before the symbol, any other currency after.
 */
export function withCurrency(text: string, lang: Lang, currency: string): string {
  if (lang === 'en' && SYMBOL_FIRST_EN.has(currency)) {
    return text.startsWith('-') ? `-${currencySymbol(currency)}${text.slice(1)}` : `${currencySymbol(currency)}${text}`;
  }
  return `${text}${UNIT_SPACE}${currencySymbol(currency)}`;
}

/** A percent figure already spelled (`12,5`) with its sign: `12,5 %` (ru) / `12.5%` (en). */
export function withPercent(text: string, lang: Lang): string {
  return lang === 'ru' ? `${text}${UNIT_SPACE}%` : `${text}%`;
}

/** Drops trailing zeros of a spelled fraction: `12,50` → `12,5`, `3,00` → `3`. */
export function trimZeros(text: string): string {
  const trimmed = text.replace(/[.,]?0+$/, '');
  return trimmed === '' || trimmed === '-' ? '0' : trimmed;
}

/** `62 500,00 ₽` (ru) / `$62,500.00`, `-€1,250.50` (en: $ £ € in front) / `62,500.00 ₽` (en, other currencies). */
export function formatMoney(value: number, lang: Lang, currency: string): string {
  return withCurrency(numberText(value, lang, 2), lang, currency);
}

/** 0.05 → `5 %` (ru) / `5%` (en); up to 2 decimals, trailing zeros dropped. */
export function formatPercent(fraction: number, lang: Lang): string {
  const text = numberText(fraction, lang, 2, 2);
  return withPercent(/[.,]/.test(text) ? trimZeros(text) : text, lang);
}

/** A plain decimal (a coefficient, a weight sum) up to `decimals` places, trailing zeros dropped: `1,1` / `1.1`. */
export function formatDecimal(value: number, lang: Lang, decimals = 4): string {
  return trimZeros(numberText(value, lang, decimals));
}

/** Whole units, grouped: `128 497` / `128,497` (the sidebar's narrow tables). */
export function formatWhole(value: number, lang: Lang): string {
  return numberText(value, lang, 0);
}

/** 1 250 000 → `1,3 млн` / `1.3M`; 25 000 → `25 тыс` / `25K` — for chart axes. */
export function formatCompact(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const [div, suffix] = abs >= 1e6 ? [1e6, lang === 'ru' ? `${UNIT_SPACE}млн` : 'M'] : abs >= 1e3 ? [1e3, lang === 'ru' ? `${UNIT_SPACE}тыс` : 'K'] : [1, ''];
  return trimZeros(numberText(value / div, lang, 1)) + suffix;
}
