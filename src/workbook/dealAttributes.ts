/**
 * The Deals columns of SPEC §14: product, category, deal type (новая / повторная / допродажа) and
 * the split (`Иванов 60%; Петров 40%`). Kept apart from read.ts so the reader's split by sheet and
 * these columns merge cleanly.
 */
import { parseDealType } from '../core/filters';
import type { MessageKey } from '../core/messages/index';
import type { Deal } from '../core/model';
import { isBlank, type CellValue } from '../core/numbers';
import { parseSplit } from '../core/splits';
import { formatPercent, type Lang } from '../core/money';

/** A row's §14 cells as Deal holds them (absent columns undefined). */
export type DealPlans = Pick<Deal, 'product' | 'category' | 'dealType' | 'split'>;

export interface DealPlansColumns {
  product: number | null;
  category: number | null;
  dealType: number | null;
  split: number | null;
}

type Report = (code: string, column: string | null, value: CellValue, key: MessageKey, params?: Record<string, string | number>) => void;

function cleanText(v: CellValue): string {
  return String(v).replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

/** Per-read caches: categories, types and splits repeat across 100 000 rows; each is a few regular expressions. */
export interface DealPlansCache {
  text: Map<CellValue, string>;
  dealType: Map<string, ReturnType<typeof parseDealType>>;
  split: Map<string, ReturnType<typeof parseSplit>>;
}

export function dealPlansCache(): DealPlansCache {
  return { text: new Map(), dealType: new Map(), split: new Map() };
}

function memo<K, V>(map: Map<K, V>, key: K, make: (k: K) => V): V {
  let v = map.get(key);
  if (v === undefined && !map.has(key)) {
    v = make(key);
    // bounded: a column of distinct texts (ids, comments) should not fill memory
    if (map.size < 10_000) map.set(key, v);
  }
  return v as V;
}

/** A product or category cell as shown, null when blank. */
function textCell(v: CellValue | undefined, cache: DealPlansCache): string | null {
  const value = v ?? '';
  return isBlank(value) ? null : memo(cache.text, value, cleanText);
}

/**
 * A row's §14 cells. Undefined when the deal must be left out (a split that cannot be read or
 * does not add up to 100 %, an issue); an unknown deal type is an issue, and the deal stays
 * (it then matches no deal-type filter, and its `≠` form).
 */
export function readDealPlans(row: readonly CellValue[], cols: DealPlansColumns, headers: Record<string, string | null>, lang: Lang, report: Report, cache: DealPlansCache = dealPlansCache(),
  into: DealPlans = {}): DealPlans | undefined {
  // No closure per row: 100 000 rows made 200 000 of them. `into`: the caller's one object for
  // every row (the deals reader copies the fields out at once), not a new one per row.
  const out = into;
  out.product = undefined;
  out.category = undefined;
  out.dealType = undefined;
  out.split = undefined;
  if (cols.product !== null) out.product = textCell(row[cols.product], cache);
  if (cols.category !== null) out.category = textCell(row[cols.category], cache);
  if (cols.dealType !== null) {
    const v = row[cols.dealType] ?? '';
    out.dealType = null;
    if (!isBlank(v)) {
      const t = memo(cache.dealType, String(v), parseDealType);
      if (t === null) report('plans_deal_type', headers.dealType, v, 'plansIssueDealType');
      out.dealType = t;
    }
  }
  if (cols.split !== null) {
    const v = row[cols.split] ?? '';
    out.split = null;
    if (!isBlank(v)) {
      const parsed = memo(cache.split, String(v), parseSplit);
      if (!parsed.ok) {
        if (parsed.code === 'sum') report('plans_split_sum', headers.split, v, 'plansIssueSplitSum', { sum: formatPercent(parsed.sum, lang) });
        else report('plans_split_syntax', headers.split, v, 'plansIssueSplitSyntax');
        return undefined;
      }
      out.split = parsed.shares;
    }
  }
  return out;
}
