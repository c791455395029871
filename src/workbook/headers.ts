/**
 * Finding the owner's sheets and columns: sheet names and header synonyms in Russian and English
 * (SPEC §2), normalised so `Сумма, руб.`, `СУММА` and `сумма (₽)` are one header. A mapping
 * chosen by hand in the sidebar (`RawWorkbook.mapping`) wins over what is detected.
 */
import { isLetter, replaceNonWords } from '../core/letters';
import type { CellValue } from '../core/numbers';
import { isBlank } from '../core/numbers';
import { canonicalMetric } from '../core/metricNames';
import type { ColumnMapping, RawSheet, SheetRole } from './raw';

export type { SheetRole } from './raw';

export const SHEET_ROLES: readonly SheetRole[] = ['deals', 'payments', 'plans', 'kpi', 'schemes', 'managers'];

/** Sheet names per role, lower-case, ё → е, without spaces (names match space-insensitively). */
const SHEET_NAMES: Record<SheetRole, readonly string[]> = {
  deals: ['deals', 'сделки', 'продажи', 'sales'],
  payments: ['payments', 'оплаты', 'платежи', 'поступления'],
  plans: ['plans', 'планы', 'план', 'plan'],
  kpi: ['kpi', 'показатели', 'kpifacts', 'фактыkpi', 'показателиkpi'],
  schemes: ['schemes', 'схемы', 'схемымотивации'],
  managers: ['managers', 'менеджеры', 'сотрудники', 'employees', 'staff', 'team', 'команда'],
};

/**
 * A column a role's sheet can have. `synonyms` are already normalised (see `normalizeHeader`) and
 * tried in order; `loose` fields also take a header that merely starts with a synonym
 * (`Сумма сделки` → amount) when no header matches exactly.
 */
export interface FieldSpec {
  field: string;
  required: boolean;
  loose?: boolean;
  synonyms: readonly string[];
}

const MANAGER = ['менеджер', 'ответственный', 'продавец', 'сотрудник', 'менеджер по продажам', 'ответственный менеджер', 'manager', 'rep', 'sales rep', 'salesperson', 'sales manager', 'responsible', 'agent', 'employee'];
const PERIOD = ['период', 'месяц', 'квартал', 'period', 'month', 'quarter'];
const EMAIL = ['e mail', 'email', 'почта', 'электронная почта', 'эл почта', 'адрес почты', 'mail', 'google account'];

export const ROLE_FIELDS: Record<SheetRole, readonly FieldSpec[]> = {
  deals: [
    // CRM exports (SPEC §10.1): `Дата закрытия` is the deal date, preferred over `Дата создания`.
    { field: 'date', required: true, loose: true, synonyms: ['дата', 'дата сделки', 'дата продажи', 'дата реализации', 'дата документа', 'дата заказа', 'дата закрытия', 'дата создания', 'date', 'deal date', 'sale date', 'booking date', 'order date', 'close date', 'closed date', 'closing date'] },
    { field: 'manager', required: true, loose: true, synonyms: MANAGER },
    // Bitrix24/amoCRM: `Компания`, else `Контакт` (tried in order, so Компания wins when both exist).
    { field: 'client', required: false, loose: true, synonyms: ['клиент', 'контрагент', 'покупатель', 'заказчик', 'партнер', 'наименование клиента', 'компания', 'контакт', 'client', 'customer', 'buyer', 'account', 'company', 'client name', 'customer name'] },
    { field: 'amount', required: true, loose: true, synonyms: ['сумма', 'выручка', 'оборот', 'сумма сделки', 'сумма продажи', 'сумма с ндс', 'стоимость', 'бюджет', 'бюджет сделки', 'amount', 'revenue', 'sales', 'total', 'deal amount', 'deal value', 'value', 'turnover', 'sum'] },
    { field: 'cost', required: false, synonyms: ['себестоимость', 'закупка', 'закупочная цена', 'цена закупки', 'сумма закупки', 'себестоимость продаж', 'cost', 'cogs', 'purchase cost', 'cost price', 'cost of sales'] },
    { field: 'margin', required: false, synonyms: ['маржа', 'прибыль', 'валовая прибыль', 'маржинальный доход', 'margin', 'profit', 'gross margin', 'gross profit'] },
    { field: 'status', required: false, synonyms: ['статус', 'статус сделки', 'стадия', 'стадия сделки', 'этап', 'этап сделки', 'состояние', 'status', 'deal status', 'stage', 'deal stage', 'state'] },
    { field: 'paid', required: false, synonyms: ['оплачено', 'сумма оплаты', 'оплата', 'оплачено всего', 'paid', 'paid amount', 'amount paid', 'payment', 'payment amount'] },
    { field: 'paidDate', required: false, synonyms: ['дата оплаты', 'дата платежа', 'оплачено дата', 'paid date', 'payment date', 'date paid', 'paid on'] },
    { field: 'dealId', required: false, synonyms: ['номер', 'номер сделки', 'id', 'id сделки', 'код', 'код сделки', 'номер документа', 'номер заказа', 'сделка', 'deal', 'deal id', 'deal no', 'deal number', 'number', 'no', 'order id', 'order no'] },
    { field: 'partnerPrice', required: false, synonyms: ['партнерская цена', 'оптовая цена', 'цена партнера', 'партнерская стоимость', 'partner price', 'wholesale price', 'dealer price'] },
    { field: 'attractedBy', required: false, synonyms: ['привлек', 'привлекший', 'кто привлек', 'привлек клиента', 'владелец клиента', 'attracted by', 'client owner', 'account owner', 'referrer', 'brought by'] },
    // SPEC §14 deal attributes and splits
    { field: 'product', required: false, synonyms: ['товар', 'продукт', 'номенклатура', 'наименование товара', 'product', 'item', 'product name', 'sku'] },
    { field: 'category', required: false, synonyms: ['категория', 'направление', 'категория товара', 'группа товаров', 'товарная группа', 'category', 'product category', 'product line'] },
    { field: 'dealType', required: false, synonyms: ['тип сделки', 'вид сделки', 'тип продажи', 'deal type', 'sale type', 'type of deal'] },
    { field: 'split', required: false, synonyms: ['доли', 'доля', 'распределение', 'разделение', 'split', 'splits', 'shares', 'credit split'] },
  ],
  payments: [
    { field: 'dealId', required: true, synonyms: ['номер сделки', 'номер', 'id сделки', 'сделка', 'код сделки', 'deal id', 'deal', 'id', 'deal no', 'deal number', 'number', 'no'] },
    { field: 'date', required: true, loose: true, synonyms: ['дата', 'дата оплаты', 'дата платежа', 'date', 'payment date', 'paid date', 'date paid'] },
    { field: 'amount', required: true, loose: true, synonyms: ['сумма', 'сумма оплаты', 'сумма платежа', 'оплачено', 'оплата', 'amount', 'paid', 'payment', 'payment amount', 'sum'] },
  ],
  plans: [
    { field: 'period', required: true, loose: true, synonyms: PERIOD },
    { field: 'manager', required: true, loose: true, synonyms: MANAGER },
    { field: 'scheme', required: true, synonyms: ['схема', 'схема мотивации', 'система мотивации', 'scheme', 'motivation scheme', 'pay scheme', 'plan scheme'] },
    { field: 'email', required: false, synonyms: EMAIL },
  ],
  kpi: [
    { field: 'period', required: true, loose: true, synonyms: PERIOD },
    { field: 'manager', required: true, loose: true, synonyms: MANAGER },
    { field: 'metric', required: true, synonyms: ['показатель', 'метрика', 'kpi', 'metric', 'indicator', 'kpi name'] },
    { field: 'value', required: true, synonyms: ['значение', 'факт', 'фактическое значение', 'value', 'fact', 'actual'] },
  ],
  schemes: [
    { field: 'scheme', required: true, synonyms: ['схема', 'схема мотивации', 'scheme', 'name'] },
    { field: 'rule', required: true, synonyms: ['правило', 'тип', 'вид', 'rule', 'type', 'kind'] },
    { field: 'metric', required: false, synonyms: ['показатель', 'метрика', 'metric'] },
    { field: 'rate', required: false, synonyms: ['ставка', 'процент', 'вес', 'rate', 'weight', 'percent'] },
    { field: 'amount', required: false, synonyms: ['сумма', 'amount'] },
    { field: 'threshold', required: false, synonyms: ['порог', 'цель', 'threshold', 'target'] },
    { field: 'tiers', required: false, synonyms: ['шкала', 'ступени', 'tiers', 'scale'] },
    { field: 'mode', required: false, synonyms: ['режим', 'mode'] },
    { field: 'cap', required: false, synonyms: ['потолок', 'максимум', 'cap', 'max'] },
    { field: 'months', required: false, synonyms: ['месяцев', 'месяцы', 'срок', 'months'] },
    { field: 'comment', required: false, synonyms: ['комментарий', 'примечание', 'описание', 'comment', 'note', 'description'] },
    { field: 'filter', required: false, synonyms: ['условие', 'фильтр', 'отбор', 'filter', 'condition'] },
  ],
  // SPEC §12: only the manager is required (a sheet of aliases alone is fine).
  managers: [
    { field: 'manager', required: true, loose: true, synonyms: [...MANAGER, 'фио', 'имя', 'name', 'full name'] },
    { field: 'email', required: false, synonyms: EMAIL },
    { field: 'aliases', required: false, synonyms: ['также известен как', 'также известна как', 'известен как', 'псевдонимы', 'другие написания', 'другие имена', 'алиасы', 'синонимы', 'also known as', 'aka', 'aliases', 'alias', 'other names', 'other spellings'] },
    { field: 'employeeId', required: false, synonyms: ['табельный номер', 'таб номер', 'табельный', 'таб', 'employee id', 'employee no', 'employee number', 'staff id', 'personnel number'] },
    { field: 'head', required: false, synonyms: ['руководитель', 'руководитель группы', 'начальник', 'head', 'team head', 'team lead', 'manager s head', 'supervisor', 'lead'] },
    { field: 'hired', required: false, synonyms: ['дата приема', 'принят', 'дата приема на работу', 'дата найма', 'hired', 'hire date', 'date hired', 'start date', 'hired on'] },
  ],
};

/** Plans columns that are notes, not planned metrics. */
const NOT_METRICS = new Set(['комментарий', 'примечание', 'comment', 'note', 'notes', 'описание', 'description']);

/** Words that only say the unit: `Сумма, руб.` is the amount column. */
const UNIT_TOKENS = new Set(['руб', 'р', 'rub', 'rur', 'usd', 'eur', 'kzt', 'тг', 'грн', 'uah', 'byn', 'рублей', 'рубли']);


/**
 * A header as compared: lower case, ё → е, `№` → `номер`, `#` → `id`, punctuation and odd spaces
 * (NBSP, thin) as one space, unit words dropped. `Сумма, руб.` → `сумма`; `№ сделки` → `номер сделки`.
 */
export function normalizeHeader(text: CellValue): string {
  if (isBlank(text)) return '';
  const s = String(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/№/g, ' номер ')
    .replace(/#/g, ' id ')
    .replace(/[\s\S]+/, (t) => replaceNonWords(t, ' '))
    .trim();
  if (s === '') return '';
  const tokens = s.split(' ');
  const kept = tokens.filter((t) => !UNIT_TOKENS.has(t));
  return (kept.length > 0 ? kept : tokens).join(' ');
}

export function normalizeSheetName(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0\u2000-\u200b\u202f]+/g, '');
}

export interface FoundSheet {
  sheet: RawSheet | null;
  /** A sheet the mapping names that the workbook does not have. */
  mappedMissing: string | null;
}

/** The sheet for a role: the hand-picked one when the mapping names it, else found by name. */
export function findSheet(sheets: readonly RawSheet[], role: SheetRole, mapping?: ColumnMapping): FoundSheet {
  const chosen = mapping?.sheets?.[role];
  if (chosen && chosen.trim() !== '') {
    const exact = sheets.find((s) => s.name === chosen) ?? sheets.find((s) => normalizeSheetName(s.name) === normalizeSheetName(chosen));
    if (exact) return { sheet: exact, mappedMissing: null };
    return { sheet: findByName(sheets, role), mappedMissing: chosen };
  }
  return { sheet: findByName(sheets, role), mappedMissing: null };
}

/**
 * Exact names first; failing those, a name that starts with one and goes on with something other
 * than a letter (`Сделки 2026`, `Deals (1C)`), so `Плановые` is not Plans.
 */
function findByName(sheets: readonly RawSheet[], role: SheetRole): RawSheet | null {
  const names = SHEET_NAMES[role];
  const normal = sheets.map((s) => normalizeSheetName(s.name));
  for (const name of names) {
    const i = normal.indexOf(name);
    if (i >= 0) return sheets[i];
  }
  for (const name of names) {
    const i = normal.findIndex((n) => n.startsWith(name) && !isLetter(n.charAt(name.length)));
    if (i >= 0) return sheets[i];
  }
  return null;
}


/**
 * Every sheet that could hold a role by its name: the exactly named one alone, else all those
 * whose name starts with a role name (`Сделки 2025`, `Сделки 2026`). Two or more is a choice
 * for the owner, never a guess (SPEC §10.1).
 */
export function sheetCandidates(sheets: readonly RawSheet[], role: SheetRole): RawSheet[] {
  const names = SHEET_NAMES[role];
  const normal = sheets.map((s) => normalizeSheetName(s.name));
  for (const name of names) {
    const i = normal.indexOf(name);
    if (i >= 0) return [sheets[i]];
  }
  return sheets.filter((_, i) => names.some((name) => normal[i].startsWith(name) && !isLetter(normal[i].charAt(name.length))));
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/** How many rows from the top may hold the header (SPEC §10.1: a report title, filters, a logo first). */
export const HEADER_SEARCH_ROWS = 20;

/** How many cells of `row` name one of the role's columns exactly. */
export function headerHits(row: readonly CellValue[] | undefined, role: SheetRole): number {
  if (!row) return 0;
  const known = new Set<string>();
  for (const spec of ROLE_FIELDS[role]) for (const s of spec.synonyms) known.add(s);
  let hits = 0;
  for (const cell of row) if (known.has(normalizeHeader(cell))) hits++;
  return hits;
}

/**
 * The header row: among the first 20 rows, the first that names at least two of the role's
 * columns (a 1C or CRM export may start with a title and filters); failing that, the first
 * non-blank row. -1 when the first 20 rows are blank.
 */
export function findHeaderRow(values: readonly (readonly CellValue[])[], role: SheetRole): number {
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  let firstNonBlank = -1;
  const known = new Set<string>();
  for (const spec of ROLE_FIELDS[role]) for (const s of spec.synonyms) known.add(s);
  const needed = Math.min(2, ROLE_FIELDS[role].length);
  for (let i = 0; i < limit; i++) {
    const row = values[i];
    if (isBlankRow(row)) continue;
    if (firstNonBlank < 0) firstNonBlank = i;
    let hits = 0;
    for (const cell of row) if (known.has(normalizeHeader(cell))) hits++;
    if (hits >= needed) return i;
  }
  return firstNonBlank;
}

export interface ColumnMap {
  /** field → column index, or null when the sheet has no such column. */
  index: Record<string, number | null>;
  /** field → the header as written, or null. */
  header: Record<string, string | null>;
  /** Every header as written (blank headers as ""). */
  headers: string[];
  /** Columns no field took (Plans: the planned metrics). */
  unmapped: number[];
}

/**
 * Maps a role's fields to columns of a header row: a hand-made mapping (field → header text) first,
 * then exact synonyms, then — for loose fields — a header starting with a synonym.
 * Any order; extra columns are left in `unmapped`.
 */
export function mapColumns(role: SheetRole, headerRow: readonly CellValue[], override?: Record<string, string>): ColumnMap {
  const headers = headerRow.map((h) => (isBlank(h) ? '' : String(h).trim()));
  const norm = headers.map(normalizeHeader);
  const taken = new Array<boolean>(headers.length).fill(false);
  const index: Record<string, number | null> = {};
  const fields = ROLE_FIELDS[role];
  for (const spec of fields) index[spec.field] = null;

  const take = (field: string, i: number) => {
    index[field] = i;
    taken[i] = true;
  };

  if (override) {
    for (const spec of fields) {
      const wanted = override[spec.field];
      if (!wanted || wanted.trim() === '') continue;
      let i = headers.findIndex((h, k) => !taken[k] && h === wanted.trim());
      if (i < 0) i = norm.findIndex((h, k) => !taken[k] && h !== '' && h === normalizeHeader(wanted));
      if (i >= 0) take(spec.field, i);
    }
  }
  for (const spec of fields) {
    if (index[spec.field] !== null) continue;
    for (const syn of spec.synonyms) {
      const i = norm.findIndex((h, k) => !taken[k] && h === syn);
      if (i >= 0) {
        take(spec.field, i);
        break;
      }
    }
  }
  for (const spec of fields) {
    if (index[spec.field] !== null || !spec.loose) continue;
    for (const syn of spec.synonyms) {
      const i = norm.findIndex((h, k) => !taken[k] && h.startsWith(syn + ' '));
      if (i >= 0) {
        take(spec.field, i);
        break;
      }
    }
  }

  const header: Record<string, string | null> = {};
  for (const spec of fields) {
    const i = index[spec.field];
    header[spec.field] = i === null ? null : headers[i];
  }
  const unmapped: number[] = [];
  for (let k = 0; k < headers.length; k++) if (!taken[k] && norm[k] !== '') unmapped.push(k);
  return { index, header, headers, unmapped };
}

/**
 * The metric a Plans column header or a KPI metric cell names: `Выручка, руб.` and `План выручки`
 * → revenue, `New clients` → new_clients; any other text → its own name (a KPI-facts metric). The
 * one normaliser is core's `canonicalMetric`, so Schemes, Plans and KPI names match (SPEC §10.2).
 */
export function metricOfText(text: CellValue): string | null {
  return canonicalMetric(text);
}

/** Is an unmapped Plans column a note rather than a planned metric? */
export function isNoteColumn(header: string): boolean {
  return NOT_METRICS.has(normalizeHeader(header));
}

/** What the reader found, for the sidebar's manual mapping: sheet per role, column per field, headers. */
export interface DetectedMapping {
  sheets: Record<SheetRole, string | null>;
  columns: Partial<Record<SheetRole, Record<string, string | null>>>;
  headers: Partial<Record<SheetRole, string[]>>;
}

export function emptyDetectedMapping(): DetectedMapping {
  return { sheets: { deals: null, payments: null, plans: null, kpi: null, schemes: null, managers: null }, columns: {}, headers: {} };
}
