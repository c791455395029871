/**
 * What the wizard's filter field offers (SPEC §14): clauses built from the workbook's own Deals
 * values — `категория = Арматура`, `товар = Услуги`, `тип сделки = допродажа`, `клиент = новый` —
 * in the workbook's language. At most `limit` distinct values per column, most frequent first.
 */
import type { Lang } from '../core/money';
import { isBlank, type CellValue } from '../core/numbers';
import { parseDealType } from '../core/filters';
import { displayName, nameKey } from '../core/ownership';
import { findHeaderRow, mapColumns } from './headers';
import type { ColumnMapping } from './raw';

const ATTRIBUTE_WORD: Record<Lang, Record<'category' | 'product' | 'dealType' | 'client', string>> = {
  ru: { category: 'категория', product: 'товар', dealType: 'тип сделки', client: 'клиент' },
  en: { category: 'category', product: 'product', dealType: 'deal type', client: 'client' },
};
const DEAL_TYPE_WORD: Record<Lang, Record<'new' | 'repeat' | 'upsell', string>> = {
  ru: { new: 'новая', repeat: 'повторная', upsell: 'допродажа' },
  en: { new: 'new', repeat: 'repeat', upsell: 'upsell' },
};

export function filterSuggestions(dealsValues: readonly CellValue[][], lang: Lang, mapping?: ColumnMapping, limit = 30): string[] {
  const headerRow = findHeaderRow(dealsValues, 'deals');
  if (headerRow < 0) return [];
  const cols = mapColumns('deals', dealsValues[headerRow], mapping?.columns?.deals);
  const words = ATTRIBUTE_WORD[lang];
  const out: string[] = [];
  for (const field of ['category', 'product'] as const) {
    const i = cols.index[field];
    if (i === null || i === undefined) continue;
    const counts = new Map<string, { shown: string; n: number }>();
    for (let r = headerRow + 1; r < dealsValues.length; r++) {
      const v = dealsValues[r][i];
      if (isBlank(v)) continue;
      const shown = displayName(String(v));
      const key = nameKey(shown);
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { shown, n: 1 });
    }
    [...counts.values()].sort((a, b) => b.n - a.n).slice(0, limit).forEach((c) => out.push(`${words[field]} = ${c.shown}`));
  }
  const iType = cols.index.dealType;
  if (iType !== null && iType !== undefined) {
    const seen = new Set<string>();
    for (let r = headerRow + 1; r < dealsValues.length && seen.size < 3; r++) {
      const v = dealsValues[r][iType];
      const t = isBlank(v) ? null : parseDealType(String(v));
      if (t) seen.add(t);
    }
    for (const t of ['new', 'repeat', 'upsell'] as const) if (seen.has(t)) out.push(`${words.dealType} = ${DEAL_TYPE_WORD[lang][t]}`);
  }
  if (cols.index.client !== null && cols.index.client !== undefined) {
    out.push(lang === 'ru' ? 'клиент = новый' : 'client = new', lang === 'ru' ? 'клиент = постоянный' : 'client = regular');
  }
  return out;
}
