/**
 * Metric names (SPEC §3): what the owner writes in Plans, Schemes and KPI facts, in either
 * language, mapped to one canonical name the engine computes by.
 */
import type { Lang } from './money';
import { isBlank, type CellValue } from './numbers';

export type MetricKind = 'money' | 'count' | 'ratio' | 'number';

interface MetricInfo {
  kind: MetricKind;
  label: Record<Lang, string>;
  /** Written as `normaliseWord` leaves text: lower case, е for ё, single spaces. */
  synonyms: string[];
}

const METRICS: Record<string, MetricInfo> = {
  revenue: { kind: 'money', label: { ru: 'выручка', en: 'revenue' }, synonyms: ['revenue', 'выручка', 'оборот', 'sales'] },
  margin: { kind: 'money', label: { ru: 'маржа', en: 'margin' }, synonyms: ['margin', 'маржа', 'прибыль', 'profit'] },
  paid_revenue: {
    kind: 'money',
    label: { ru: 'оплаченная выручка', en: 'paid revenue' },
    synonyms: ['paid revenue', 'оплаченная выручка', 'оплаты', 'оплата', 'payments', 'cash collected', 'поступления'],
  },
  paid_margin: { kind: 'money', label: { ru: 'оплаченная маржа', en: 'paid margin' }, synonyms: ['paid margin', 'оплаченная маржа'] },
  deals: { kind: 'count', label: { ru: 'сделки', en: 'deals' }, synonyms: ['deals', 'сделки', 'сделок', 'договоры', 'contracts', 'количество сделок', 'число сделок', 'number of deals', 'deal count'] },
  new_clients: { kind: 'count', label: { ru: 'новые клиенты', en: 'new clients' }, synonyms: ['new clients', 'новые клиенты', 'новых клиентов', 'количество новых клиентов', 'число новых клиентов'] },
  conversion: { kind: 'ratio', label: { ru: 'конверсия', en: 'conversion' }, synonyms: ['conversion', 'конверсия'] },
  collection: { kind: 'ratio', label: { ru: 'собираемость', en: 'collection' }, synonyms: ['collection', 'собираемость', 'collection rate'] },
  new_client_share: {
    kind: 'ratio',
    label: { ru: 'доля новых клиентов', en: 'new client share' },
    synonyms: ['new client share', 'доля новых клиентов', 'new clients share'],
  },
  // SPEC §14 (seed 003: «% новых клиентов к постоянным»)
  regular_clients: { kind: 'count', label: { ru: 'постоянные клиенты', en: 'regular clients' }, synonyms: ['regular clients', 'постоянные клиенты', 'постоянных клиентов', 'repeat clients'] },
  new_to_regular: { kind: 'ratio', label: { ru: 'новые к постоянным', en: 'new to regular' }, synonyms: ['new to regular', 'новые к постоянным', 'новых к постоянным', 'новые клиенты к постоянным', 'new to regular clients'] },
  contacts: { kind: 'count', label: { ru: 'контакты', en: 'contacts' }, synonyms: ['contacts', 'контакты', 'звонки', 'calls'] },
  partner_price: { kind: 'money', label: { ru: 'партнёрская разница', en: 'partner price difference' }, synonyms: [] },
  score: { kind: 'number', label: { ru: 'оценка', en: 'score' }, synonyms: ['score', 'оценка', 'балл'] },
};

/** How metric and rule words are compared: lower-case, ё→е, underscores and runs of spaces → one space, trimmed. */
export function normaliseWord(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[_\s\u00a0]+/g, ' ').trim();
}

/**
 * `Выручка` → `revenue`, `new clients` / `Новые_клиенты` → `new_clients`, `оплаты` → `paid_revenue`.
 * Any other text is a KPI-facts metric: its normalised form with spaces as underscores
 * (`Оценка заказчика` → `оценка_заказчика`). Blank → null.
 */
export function canonicalMetric(text: CellValue): string | null {
  if (isBlank(text)) return null;
  const key = normaliseWord(String(text));
  if (key === '') return null;
  // Headers often carry units: `Выручка, руб.`, `Маржа (₽)`, `Revenue, $`.
  const loose = normaliseWord(key.replace(/\([^)]*\)/g, ' ').replace(/(^|[\s,])(руб\.?|р\.|rub|usd|eur|шт\.?|pcs)(?=$|[\s,.])/g, ' ').replace(/[.,:;%₽$€№#*]/g, ' '));
  // Synonyms are written normalised, so only the cell is normalised (this runs per KPI facts row).
  const matches = (word: string) => word === key || (loose !== '' && word === loose);
  for (const [name, info] of Object.entries(METRICS)) {
    if (matches(name.replace(/_/g, ' ')) || info.synonyms.some(matches)) return name;
  }
  return key.replace(/ /g, '_');
}

/** `revenue` → `выручка` / `revenue`; a KPI-facts metric is shown with spaces. */
export function metricLabel(metric: string, lang: Lang): string {
  return METRICS[metric]?.label[lang] ?? metric.replace(/_/g, ' ');
}

/** money (formatted with the currency), count (whole numbers), ratio (a percent), number (anything else). */
export function metricKind(metric: string): MetricKind {
  return METRICS[metric]?.kind ?? 'number';
}

// Literal lists (no work at module top level: Sheets evaluates the bundle on every call).
export const MONEY_METRICS: readonly string[] = ['revenue', 'margin', 'paid_revenue', 'paid_margin'];
export const COUNT_METRICS: readonly string[] = ['deals', 'new_clients', 'contacts', 'regular_clients'];
export const RATIO_METRICS: readonly string[] = ['conversion', 'collection', 'new_client_share', 'new_to_regular'];

/** Metrics the engine computes from Deals/Payments; everything else comes from the KPI facts sheet. */
export const DEAL_METRICS: readonly string[] = [
  'revenue', 'margin', 'paid_revenue', 'paid_margin', 'deals', 'new_clients', 'conversion', 'collection', 'new_client_share',
  'regular_clients', 'new_to_regular',
];

export function isDealMetric(metric: string): boolean {
  return DEAL_METRICS.includes(metric);
}
