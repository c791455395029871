/**
 * Which way a text date with slashes reads (`03/04/2026`: 3 April or March 4?), from the
 * spreadsheet's locale as Google Sheets reads typed dates (SPEC §10.3). ISO `2026-04-03`, dotted
 * `03.04.2026` (day first wherever dots are written) and real date cells never depend on it.
 *
 * Month first: the United States and the places that write as it does, and the Philippines —
 * the MDY rows of "Date format by country" (https://en.wikipedia.org/wiki/Date_format_by_country),
 * among the locales Sheets offers under File → Settings (en_US, en_PH, fil_PH). Year first (China,
 * Japan, Korea, Taiwan, Hungary, Mongolia, Lithuania, Sweden) and mixed places (Canada, South Africa,
 * es_US): a day-and-month-first text is foreign to the locale, so its order is not known. Every
 * other language with a region writes the day first (ru_RU, en_GB, de_DE, es_MX…). A bare `en` (the
 * CLI's guess for an English workbook) says nothing about the order.
 */
export type DateOrder = 'dmy' | 'mdy';

const MDY_REGIONS = new Set(['US', 'PH', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI', 'FM', 'MH', 'PW']);
const MDY_LANGUAGES = new Set(['en', 'fil']);
const UNKNOWN_REGIONS = new Set(['CN', 'JP', 'KR', 'KP', 'TW', 'HU', 'MN', 'LT', 'SE', 'BT', 'CA', 'ZA']);
const UNKNOWN_LANGUAGES = new Set(['zh', 'ja', 'ko', 'hu', 'mn', 'lt', 'sv']);

/** `en_US` → mdy, `ru_RU` / `en_GB` / `de` → dmy; `en`, `ja_JP`, `en_CA`, null → null (not known). */
export function dateOrderOfLocale(locale: string | null | undefined): DateOrder | null {
  const m = /^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?/.exec(String(locale ?? '').trim());
  if (!m) return null;
  const language = m[1].toLowerCase();
  const region = m[2] ? m[2].toUpperCase() : null;
  if (UNKNOWN_LANGUAGES.has(language) || (region !== null && UNKNOWN_REGIONS.has(region))) return null;
  if (language === 'fil') return 'mdy';
  if (region === null) return language === 'en' ? null : 'dmy';
  if (MDY_REGIONS.has(region)) return MDY_LANGUAGES.has(language) ? 'mdy' : null;
  return 'dmy';
}

/** `--date-order` as typed: `dmy` / `mdy` (also `d/m/y`, `DD.MM.YYYY`-like spellings), else null. */
export function parseDateOrder(text: string): DateOrder | null {
  // Separators dropped, letters kept: `dummy` is not an order (it used to read as dmy).
  const s = text.trim().toLowerCase().replace(/[\s./\-_]/g, '');
  const order = s.replace(/(.)\1+/g, '$1');
  return order === 'dmy' ? 'dmy' : order === 'mdy' ? 'mdy' : null;
}
