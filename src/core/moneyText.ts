/**
 * money.ts's formatNumber / formatMoney / formatPercent for plain JS numbers, without decimal.js,
 * and the currency symbols both use: the sidebar shows the JSON numbers the server sends, and
 * decimal.js alone would be ~32 KB of its one inline page. Same text as money.ts for any number below 10^13
 * (test/sidebar/moneyText.test.ts compares the two).
 */
import type { Lang } from './money';

const CURRENCY_SYMBOLS: Record<string, string> = {
  RUB: '₽', USD: '$', EUR: '€', KZT: '₸', BYN: 'Br', UAH: '₴', GBP: '£', CNY: '¥',
};

/** Currencies whose symbol an English reader expects in front: `$62,500.00`. */
const SYMBOL_FIRST_EN = new Set(['USD', 'EUR', 'GBP']);

export function currencySymbol(currency: string): string {
  return CURRENCY_SYMBOLS[currency] ?? currency;
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
  const intPart = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
  const fracPart = digits.slice(digits.length - decimals);
  return (value < 0 && units !== 0 ? '-' : '') + intPart + (fracPart ? (lang === 'ru' ? ',' : '.') + fracPart : '');
}

/** `1 250,50` (ru) / `1,250.50` (en). */
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
  return `${text} ${currencySymbol(currency)}`;
}

/** `62 500,00 ₽` (ru) / `$62,500.00`, `-€1,250.50` (en: $ £ € in front) / `62,500.00 ₽` (en, other currencies). */
export function formatMoney(value: number, lang: Lang, currency: string): string {
  return withCurrency(numberText(value, lang, 2), lang, currency);
}

/** 0.05 → `5 %` (ru) / `5%` (en); up to 2 decimals, trailing zeros dropped. */
export function formatPercent(fraction: number, lang: Lang): string {
  let text = numberText(fraction, lang, 2, 2).replace(/[.,]?0+$/, '');
  if (text === '' || text === '-') text = '0';
  return lang === 'ru' ? `${text} %` : `${text}%`;
}
