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

/** A metric the engine has a name for (`contacts`, `score`…), whether computed from deals or read from the KPI sheet. */
export function isNamedMetric(metric: string): boolean {
  return Object.prototype.hasOwnProperty.call(METRICS, metric);
}

/** Every way a built-in metric is written (name, labels, synonyms), as `metricWords` leaves them: for "did you mean". */
export function metricSpellings(metric: string): string[] {
  const info = METRICS[metric];
  if (!info) return [metric.replace(/_/g, ' ')];
  return [metric.replace(/_/g, ' '), info.label.ru, info.label.en, ...info.synonyms];
}

/** How metric and rule words are compared: lower-case, ё→е, underscores and runs of spaces → one space, trimmed. */
export function normaliseWord(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[_\s\u00a0]+/g, ' ').trim();
}

/** Words that only say the unit: `Выручка, руб.`, `Revenue, $` (`$`, `₽` are dropped as punctuation). */
const UNIT_WORDS: readonly string[] = ['руб', 'р', 'rub', 'rur', 'usd', 'eur', 'kzt', 'тг', 'грн', 'uah', 'byn', 'рублей', 'рубли', 'шт', 'pcs'];
/** Words around a metric in a plan header: `План выручки`, `Выручка (план)`, `Revenue target`. */
const PLAN_WORDS: readonly string[] = ['план', 'плана', 'плановая', 'плановый', 'плановые', 'планируемая', 'по', 'цель', 'plan', 'planned', 'target'];
/** The case a Russian plan header puts a metric in: `план выручки`, `количество сделок`, `план по марже` (the dative). */
const GENITIVE: Readonly<Record<string, string>> = {
  'выручки': 'выручка', 'маржи': 'маржа', 'прибыли': 'прибыль', 'оборота': 'оборот', 'сделок': 'сделки', 'количество сделок': 'сделки',
  'новых клиентов': 'новые клиенты', 'контактов': 'контакты', 'количество контактов': 'контакты', 'конверсии': 'конверсия',
  'собираемости': 'собираемость', 'оценки': 'оценка', 'оплат': 'оплаты', 'договоров': 'договоры',
  'выручке': 'выручка', 'марже': 'маржа', 'обороту': 'оборот', 'сделкам': 'сделки', 'новым клиентам': 'новые клиенты', 'контактам': 'контакты', 'оплатам': 'оплаты',
};

/**
 * The words of a metric name: lower case, ё → е, `№` → `номер`, `#` → `id`, every character that is
 * neither a letter nor a digit a space (no `\p{…}`: the bundle avoids them), unit words dropped.
 * `NPS, %` → `nps`, `Звонки/день` → `звонки день`, `KPI-1` → `kpi 1`, `Качество №1` → `качество номер 1`.
 */
export function metricWords(text: string): string {
  const lower = text.toLowerCase().replace(/ё/g, 'е').replace(/№/g, ' номер ').replace(/#/g, ' id ');
  let out = '';
  for (const ch of lower) out += (ch >= '0' && ch <= '9') || ch.toUpperCase() !== ch ? ch : ' ';
  const tokens = out.split(' ').filter((t) => t !== '');
  const kept = tokens.filter((t) => !UNIT_WORDS.includes(t));
  return (kept.length > 0 ? kept : tokens).join(' ');
}

/** A built-in metric whose name, label or synonym is exactly these words; null when none. */
function builtIn(words: string): string | null {
  for (const [name, info] of Object.entries(METRICS)) {
    if (words === name.replace(/_/g, ' ') || info.synonyms.includes(words)) return name;
  }
  return null;
}

/**
 * The one metric-name normaliser (SPEC §10.2), for Schemes metric cells, Plans headers and the KPI
 * sheet alike: `Выручка`, `Выручка, руб.`, `План выручки` → `revenue`; `new clients` / `Новые_клиенты`
 * → `new_clients`; `оплаты` → `paid_revenue`. Any other text is a KPI-facts metric: its words joined
 * by `_` (`Оценка заказчика` → `оценка_заказчика`, `NPS, %` → `nps`, `Качество №1` → `качество_номер_1`),
 * so it matches itself wherever it is written. Blank → null.
 */
export function canonicalMetric(text: CellValue): string | null {
  if (isBlank(text)) return null;
  const words = metricWords(String(text));
  if (words === '') return null;
  const direct = builtIn(words);
  if (direct) return direct;
  const stripped = words.split(' ').filter((t) => !PLAN_WORDS.includes(t)).join(' ');
  const planned = stripped === '' ? null : builtIn(GENITIVE[stripped] ?? stripped);
  return planned ?? words.replace(/ /g, '_');
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
