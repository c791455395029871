import { Dec, dec, kopecks } from './decimal';
import { spellDigits, trimZeros, withCurrency, withPercent } from './moneyText';

export { currencySymbol } from './moneyText';

/** Money is rounded once, where a statement line is made: to 0.01, a tie away from zero. */
export function roundMoney(value: Dec | number): Dec {
  // A Dec is immutable: round it as it is (no copy; this runs once per row of a 10 000-row KPI_COMMISSION).
  return (typeof value === 'number' ? dec(value) : value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** A rounded money value as a plain JS number (for cells and JSON), exact to the kopeck. */
export function moneyNumber(value: Dec | number): number {
  // Runs once per row of a KPI_COMMISSION column. Rounded kopecks k give the same number as the
  // rounded Decimal's text: k / 100 and Number('…') are both the double nearest to k / 100.
  const k = typeof value === 'number' ? null : kopecks(value, 'halfUp');
  return k !== null ? k / 100 : roundMoney(value).toNumber();
}

export type Lang = 'ru' | 'en';

/** Groups of three (ru: a thin no-break space, en: a comma); fixed number of decimals. See moneyText.ts. */
export function formatNumber(value: Dec | number, lang: Lang, decimals = 2): string {
  const d = dec(value).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  const [intPart, fracPart = ''] = d.abs().toFixed(decimals).split('.');
  return spellDigits(d.isNegative() && !d.isZero(), intPart, fracPart, lang);
}

/**
 * `62 500,00 ₽` (ru: the symbol always after) / `$62,500.00`, `£1.00`, `€2.50` (en: $ £ € in
 * front, the minus before the symbol) / `62,500.00 ₽` (en, any other currency: after).
 */
export function formatMoney(value: Dec | number, lang: Lang, currency: string): string {
  return withCurrency(formatNumber(value, lang, 2), lang, currency);
}

/** A rate or attainment as a percent: 0.05 → `5 %` (ru) / `5%` (en); up to 2 decimals, trailing zeros dropped. */
export function formatPercent(fraction: Dec | number, lang: Lang): string {
  const text = formatNumber(dec(fraction).times(100), lang, 2);
  return withPercent(trimZeros(text), lang);
}

/** A plain decimal (a coefficient, a weight sum) up to `decimals` places, trailing zeros dropped: `1,1` (ru) / `1.1` (en). */
export function formatDecimal(value: Dec | number, lang: Lang, decimals = 4): string {
  return trimZeros(formatNumber(value, lang, decimals));
}

/** A percent with a fixed number of decimals, for a column of them that must line up: `127,90 %`, `114,11 %`. */
export function formatPercentFixed(fraction: Dec | number, lang: Lang, decimals = 2): string {
  return withPercent(formatNumber(dec(fraction).times(100), lang, decimals), lang);
}
