/**
 * Rule filters (SPEC §14): the `filter` / `условие` cell of a Schemes row, e.g.
 * `категория = Арматура и клиент = новый`, `товар ≠ Услуги`, `deal type = upsell`. Parsed once per
 * scheme; a filtered rule counts only the deals that match (its plan stays the whole plan).
 */
import type { Deal, DealType, PayoutInput } from './model';
import type { Lang } from './money';
import { msg } from './messages/index';
import { normaliseWord } from './metricNames';
import { nameKey } from './ownership';
import type { LocalDate } from './periods';

export type FilterAttribute = 'category' | 'product' | 'dealType' | 'client';
export type ClientKind = 'new' | 'regular';

export interface FilterClause {
  attribute: FilterAttribute;
  negated: boolean;
  /** category / product: the value's nameKey; dealType / client: the canonical word. */
  value: string;
  /** The value as written (for statements). */
  shown: string;
}

export interface DealFilter {
  /** The cell as written, trimmed. */
  text: string;
  clauses: FilterClause[];
}

export type FilterError =
  | { code: 'plansFilterSyntax'; part: string }
  | { code: 'plansFilterAttribute'; part: string }
  | { code: 'plansFilterDealType'; part: string }
  | { code: 'plansFilterClient'; part: string };

/** Written as `normaliseWord` leaves them. */
const ATTRIBUTE_WORDS: Record<FilterAttribute, readonly string[]> = {
  category: ['категория', 'направление', 'category', 'категория товара', 'product category'],
  product: ['товар', 'продукт', 'product', 'номенклатура', 'item'],
  dealType: ['тип сделки', 'тип', 'вид сделки', 'deal type', 'type'],
  client: ['клиент', 'client', 'customer', 'покупатель'],
};

const DEAL_TYPE_WORDS: Record<string, DealType> = {
  'новая': 'new', 'новый': 'new', 'новая сделка': 'new', 'new': 'new', 'new business': 'new',
  'повторная': 'repeat', 'повторный': 'repeat', 'повтор': 'repeat', 'повторная продажа': 'repeat', 'repeat': 'repeat', 'repeat sale': 'repeat',
  'допродажа': 'upsell', 'доп продажа': 'upsell', 'допродажи': 'upsell', 'upsell': 'upsell', 'up sell': 'upsell', 'cross sell': 'upsell',
};

const CLIENT_WORDS: Record<string, ClientKind> = {
  'новый': 'new', 'новые': 'new', 'новая': 'new', 'new': 'new',
  'постоянный': 'regular', 'постоянные': 'regular', 'постоянная': 'regular', 'regular': 'regular', 'repeat': 'regular', 'existing': 'regular',
};

/** `Допродажа`, `up-sell`, `Повторная` → the deal type; null when the word is not one. */
export function parseDealType(text: string): DealType | null {
  return DEAL_TYPE_WORDS[normaliseWord(text.replace(/[-‐–]/g, ' '))] ?? null;
}

const OPERATOR = /\s*(≠|!=|<>|=)\s*/;
const JOINER = /\s+(?:и|and)\s+/i;

function unquote(v: string): string {
  return v.trim().replace(/^[«"“']\s*/, '').replace(/\s*[»"”']$/, '').trim();
}

function attributeOf(word: string): FilterAttribute | null {
  const w = normaliseWord(word);
  for (const [attr, words] of Object.entries(ATTRIBUTE_WORDS) as [FilterAttribute, readonly string[]][]) if (words.includes(w)) return attr;
  return null;
}

/**
 * Parses a filter cell. Example: `категория = Арматура и тип сделки ≠ допродажа` → two clauses.
 * A piece without an operator continues the value before it (`категория = Двери и окна`).
 */
export function parseFilter(text: string): { ok: true; filter: DealFilter } | { ok: false; error: FilterError } {
  const trimmed = String(text ?? '').trim();
  const pieces: string[] = [];
  for (const piece of trimmed.split(JOINER)) {
    if (pieces.length > 0 && !OPERATOR.test(piece)) pieces[pieces.length - 1] += ` ${/[А-Яа-яЁё]/.test(piece) ? 'и' : 'and'} ${piece}`;
    else pieces.push(piece);
  }
  const clauses: FilterClause[] = [];
  for (const part of pieces) {
    const m = OPERATOR.exec(part);
    if (!m || m.index === 0) return { ok: false, error: { code: 'plansFilterSyntax', part } };
    const attribute = attributeOf(part.slice(0, m.index));
    if (!attribute) return { ok: false, error: { code: 'plansFilterAttribute', part } };
    const shown = unquote(part.slice(m.index + m[0].length));
    if (shown === '') return { ok: false, error: { code: 'plansFilterSyntax', part } };
    const negated = m[1] !== '=';
    let value: string;
    if (attribute === 'dealType') {
      const t = parseDealType(shown);
      if (!t) return { ok: false, error: { code: 'plansFilterDealType', part } };
      value = t;
    } else if (attribute === 'client') {
      const k = CLIENT_WORDS[normaliseWord(shown)];
      if (!k) return { ok: false, error: { code: 'plansFilterClient', part } };
      value = k;
    } else {
      value = nameKey(shown);
    }
    clauses.push({ attribute, negated, value, shown });
  }
  if (clauses.length === 0) return { ok: false, error: { code: 'plansFilterSyntax', part: trimmed } };
  return { ok: true, filter: { text: trimmed, clauses } };
}

/** The Deals column a filter needs that the workbook lacks, or null when it has them all. */
export function missingFilterColumn(filter: DealFilter, columns: PayoutInput['columns']): FilterAttribute | null {
  for (const c of filter.clauses) {
    const has = c.attribute === 'client' ? columns.client : columns[c.attribute] === true;
    if (!has) return c.attribute;
  }
  return null;
}

/** What matching a deal needs to know about the period and the client's history. */
export interface FilterScope {
  start: LocalDate;
  end: LocalDate;
  clientKey(deal: Deal): string | null;
  /** The day of the client's earliest won deal (anyone's), undefined when the client never won. */
  firstWon(client: string): LocalDate | undefined;
  /** nameKey with a per-run cache (attribute values repeat across 100 000 rows). */
  key(text: string): string;
}

function clauseHolds(c: FilterClause, deal: Deal, scope: FilterScope): boolean {
  switch (c.attribute) {
    case 'category': return deal.category != null && scope.key(deal.category) === c.value;
    case 'product': return deal.product != null && scope.key(deal.product) === c.value;
    case 'dealType': return deal.dealType === c.value;
    case 'client': {
      const client = scope.clientKey(deal);
      const first = client === null ? undefined : scope.firstWon(client);
      if (first === undefined) return false;
      // new: the client's first won deal falls in P; regular: the client had a won deal before P.
      return c.value === 'new' ? first >= scope.start && first < scope.end : first < scope.start;
    }
  }
}

/** Does the deal match every clause (a `≠` clause holds exactly when its `=` does not)? */
export function matchesFilter(filter: DealFilter, deal: Deal, scope: FilterScope): boolean {
  const clauses = filter.clauses;
  // Indexed: called per deal and filter (500 000 times in the §14 bench), before it is optimised too.
  for (let i = 0; i < clauses.length; i++) if (clauseHolds(clauses[i], deal, scope) === clauses[i].negated) return false;
  return true;
}

/** `по категории «Арматура»`, `кроме товара «Услуги» и по новым клиентам` (what the statement line says). */
export function describeFilter(filter: DealFilter, lang: Lang): string {
  return filter.clauses.map((c) => {
    if (c.attribute === 'client') return msg(lang, c.value === 'new' ? (c.negated ? 'plansDescNotNewClients' : 'plansDescNewClients') : (c.negated ? 'plansDescNotRegularClients' : 'plansDescRegularClients'));
    const key = c.attribute === 'category' ? (c.negated ? 'plansDescNotCategory' : 'plansDescCategory')
      : c.attribute === 'product' ? (c.negated ? 'plansDescNotProduct' : 'plansDescProduct')
        : (c.negated ? 'plansDescNotDealType' : 'plansDescDealType');
    return msg(lang, key, { value: c.shown });
  }).join(lang === 'ru' ? ' и ' : ' and ');
}
