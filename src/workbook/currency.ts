/**
 * The workbook's currency from the Deals amount column's number format (SPEC §1): what the owner
 * sees beside the figures is the currency, in every language — a ruble book opened in an English
 * spreadsheet stays in rubles. Sheets and Excel write a currency into a format as a locale tag
 * (`[$₽-419]`, `[$$-409]`, `[$EUR]`), a quoted text (`"руб."`, `"₽"`) or a bare sign (`$#,##0.00`).
 */

const SIGNS: [RegExp, string][] = [
  [/₽|руб|\bр\.|\brub\b/i, 'RUB'],
  [/€|\beur\b/i, 'EUR'],
  [/£|\bgbp\b/i, 'GBP'],
  [/₸|\bkzt\b|тг/i, 'KZT'],
  [/₴|\buah\b|грн/i, 'UAH'],
  [/\bbyn\b|\bbr\b/i, 'BYN'],
  [/¥|\bcny\b/i, 'CNY'],
  [/\$|\busd\b/i, 'USD'],
];

/** Locale tags of a `[$…-NNN]` block whose sign alone would not say which currency (`$` is many). */
const LCID_CURRENCY: Record<string, string> = { '419': 'RUB', '409': 'USD', '809': 'GBP', '43f': 'KZT', '422': 'UAH', '423': 'BYN', '804': 'CNY' };

/** The ISO currency a number format shows, or null for a format with no currency (`#,##0.00`, `General`). */
export function currencyOfFormat(pattern: string | null | undefined): string | null {
  if (!pattern) return null;
  const block = /\[\$([^\]-]*)(?:-([0-9a-f]+))?\]/i.exec(pattern);
  if (block) {
    const sign = block[1];
    const byLcid = block[2] ? LCID_CURRENCY[block[2].toLowerCase()] : undefined;
    if (sign === '$' && byLcid) return byLcid;
    for (const [re, iso] of SIGNS) if (re.test(sign)) return iso;
    if (/^[A-Z]{3}$/.test(sign)) return sign;
    if (byLcid) return byLcid;
  }
  const quoted = (pattern.match(/"[^"]*"/g) ?? []).join(' ');
  for (const [re, iso] of SIGNS) if (re.test(quoted)) return iso;
  // a bare sign outside quotes and brackets
  const bare = pattern.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  for (const [re, iso] of SIGNS) if (/[₽€£₸₴¥$]/.test(bare) && re.test(bare)) return iso;
  return null;
}

/**
 * The currency most of a column's cells show (its formats, header row excluded), or null when no
 * cell shows one. A tie goes to the first seen: one odd cell does not decide for a thousand.
 */
export function currencyOfColumn(formats: readonly (readonly string[])[] | undefined, column: number, headerRow: number): string | null {
  if (!formats || column < 0) return null;
  const counts = new Map<string, number>();
  const seen = new Map<string, string | null>();
  for (let r = headerRow + 1; r < formats.length; r++) {
    const f = formats[r]?.[column];
    if (!f) continue;
    let iso = seen.get(f);
    if (iso === undefined) {
      iso = currencyOfFormat(f);
      seen.set(f, iso);
    }
    if (iso) counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [iso, n] of counts) if (best === null || n > counts.get(best)!) best = iso;
  return best;
}
