/**
 * The Schemes sheet ⇄ the wizard's drafts (SPEC §2 Schemes, §6 *Schemes…*). Pure: the sidebar
 * server reads the sheet with one getValues, calls these, and writes what schemeRowsPlan says —
 * only the edited scheme's rows (Sheets re-parses every string setValues writes, so writing other
 * rows back would mangle them).
 *
 * Writing replaces only one scheme's rows: other schemes' rows, blank and note rows, and any
 * extra columns the owner added stay where they are.
 */
import { dec } from '../core/decimal';
import type { Lang } from '../core/money';
import { isBlank, parseNumber, type CellValue } from '../core/numbers';
import { cellText } from '../core/issues';
import { parseMode } from '../core/tiers';
import { SCHEME_COLUMNS, SCHEME_HEADERS, type RuleDraft, type RuleKind, type SchemeColumn } from '../core/templates';
import { parseRuleKind, schemeKey } from '../core/schemes';
import { canonicalMetric, metricLabel } from '../core/metricNames';
import { isPercentFormat } from '../core/readings';
import { displayName } from '../core/ownership';
import { findHeaderRow, mapColumns } from './headers';
import type { ColumnMapping } from './raw';

/** The rule words as the Schemes sheet spells them (SPEC §2 table). */
export const RULE_WORDS: Record<Lang, Record<RuleKind, string>> = {
  en: {
    salary: 'salary', percent: 'percent', tiers: 'tiers', plan_bonus: 'plan_bonus', deal_bonus: 'deal_bonus',
    new_client_bonus: 'new_client_bonus', client_turnover: 'client_turnover', partner_price: 'partner_price',
    kpi: 'kpi', kpi_gate: 'kpi_gate', limit: 'limit',
  },
  ru: {
    salary: 'оклад', percent: 'процент', tiers: 'шкала', plan_bonus: 'бонус за план', deal_bonus: 'бонус за сделки',
    new_client_bonus: 'бонус за клиента', client_turnover: 'процент с клиентов', partner_price: 'партнёрская цена',
    kpi: 'kpi', kpi_gate: 'порог kpi', limit: 'лимит',
  },
};

export const RULE_KINDS = Object.keys(RULE_WORDS.en) as RuleKind[];

const MODE_WORDS: Record<Lang, Record<'whole' | 'marginal', string>> = {
  en: { whole: 'whole', marginal: 'marginal' },
  ru: { whole: 'весь объём', marginal: 'ступенчато' },
};

/** A blank draft of one rule type. */
export function emptyDraft(rule: RuleKind): RuleDraft {
  return { rule, metric: '', rate: '', amount: '', threshold: '', tiers: '', mode: '', cap: '', months: '', comment: '' };
}

function normalHeader(v: CellValue): string {
  return cellText(v).trim().toLowerCase().replace(/\s+/g, ' ').replace(/ё/g, 'е');
}

export interface SchemeSheetLayout {
  /** Index in `values` of the header row (Sheets row = index + 1). */
  headerRow: number;
  /** Column index of each Schemes column found. */
  columns: Partial<Record<SchemeColumn, number>>;
  /** The language the headers are written in (rule words are written in it too). */
  lang: Lang;
}

/**
 * The header row and the Schemes columns in it, found as the reader finds them (workbook/headers:
 * synonyms, a title line above, the hand-made mapping). Null when no row names `scheme` and `rule`.
 */
export function schemeSheetLayout(values: readonly CellValue[][], fallbackLang: Lang, mapping?: ColumnMapping): SchemeSheetLayout | null {
  const headerRow = findHeaderRow(values, 'schemes');
  if (headerRow < 0) return null;
  const map = mapColumns('schemes', values[headerRow], mapping?.columns?.schemes);
  const columns: Partial<Record<SchemeColumn, number>> = {};
  for (const col of SCHEME_COLUMNS) {
    const i = map.index[col];
    if (i !== null && i !== undefined) columns[col] = i;
  }
  if (columns.scheme === undefined || columns.rule === undefined) return null;
  let ru = 0;
  let en = 0;
  for (const cell of values[headerRow]) {
    const text = normalHeader(cell);
    if (SCHEME_COLUMNS.some((c) => normalHeader(SCHEME_HEADERS.ru[c]) === text)) ru++;
    else if (SCHEME_COLUMNS.some((c) => normalHeader(SCHEME_HEADERS.en[c]) === text)) en++;
    else if (/[а-яё]/i.test(cellText(cell))) ru++;
  }
  return { headerRow, columns, lang: ru > en ? 'ru' : en > ru ? 'en' : fallbackLang };
}

/** The scheme names in the sheet, as first written, in sheet order. */
export function listSchemeNames(values: readonly CellValue[][], fallbackLang: Lang, mapping?: ColumnMapping): string[] {
  const layout = schemeSheetLayout(values, fallbackLang, mapping);
  if (!layout) return [];
  const seen = new Map<string, string>();
  for (let r = layout.headerRow + 1; r < values.length; r++) {
    const name = displayName(cellText(values[r][layout.columns.scheme!]));
    if (name !== '' && !seen.has(schemeKey(name))) seen.set(schemeKey(name), name);
  }
  return [...seen.values()];
}

/**
 * A cell as the form shows it: numbers to 15 significant digits as Sheets shows them (a computed
 * 0.1 + 0.2 is `0.3`, not `0.30000000000000004`), dates as ISO days, text as is.
 */
function cellDraftText(v: CellValue, format = ''): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    // a percent-formatted cell (Sheets turns a typed `4%` into 0.04 shown as 4%) reads back as typed
    if (isPercentFormat(format)) return `${dec(v.toPrecision(15)).times(100).toString()}%`;
    return dec(v.toPrecision(15)).toString();
  }
  return cellText(v).trim();
}

/**
 * One scheme's rows as drafts, with rule, metric and mode words turned canonical (English) so the
 * form's selects show them. A rule word the engine does not know is kept as typed: validation
 * then says so beside the rule.
 */
export function readSchemeDrafts(
  values: readonly CellValue[][],
  name: string,
  fallbackLang: Lang,
  mapping?: ColumnMapping,
  /** The cells' number formats (getNumberFormats), to read a percent-formatted 0.04 back as `4%`. */
  formats?: readonly (readonly string[])[],
): RuleDraft[] {
  const layout = schemeSheetLayout(values, fallbackLang, mapping);
  if (!layout) return [];
  const key = schemeKey(name);
  const drafts: RuleDraft[] = [];
  for (let r = layout.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (schemeKey(cellText(row[layout.columns.scheme!])) !== key) continue;
    const cell = (col: SchemeColumn) => {
      const c = layout.columns[col];
      return c === undefined ? '' : cellDraftText(row[c], formats?.[r]?.[c] ?? '');
    };
    const ruleText = cell('rule');
    const kind = parseRuleKind(ruleText);
    const metricText = cell('metric');
    const mode = parseMode(cell('mode'));
    drafts.push({
      rule: (kind ?? ruleText) as RuleKind,
      metric: metricText === '' ? '' : canonicalMetric(metricText) ?? metricText,
      rate: cell('rate'),
      amount: cell('amount'),
      threshold: cell('threshold'),
      tiers: cell('tiers'),
      mode: cell('mode') === '' ? '' : mode ?? cell('mode'),
      cap: cell('cap'),
      months: cell('months'),
      comment: cell('comment'),
    });
  }
  return drafts;
}

const NUMBER_COLUMNS: readonly SchemeColumn[] = ['rate', 'amount', 'threshold', 'cap', 'months'];

/**
 * Text Sheets might not keep as typed: a formula, or anything that could read as a number, date,
 * time, currency amount or boolean (`1e5`, `$100`, `(5)`, `12.03`, `true`), or text starting with `'`. Broad on purpose: the
 * leading `'` is invisible in Sheets, a mangled value is not.
 */
function sheetsWouldParse(t: string): boolean {
  return /^[\d.,+\-=@$€£¥₽'(]/.test(t) || /^(true|false|истина|ложь)$/i.test(t);
}

/**
 * What goes into a cell. Number columns: a plain number as a number, a percent as typed (`3%`,
 * which Sheets turns into 3 %). Text columns stay text: a leading `'` (which Sheets drops) when
 * Sheets would read the text as a formula, number, date or time — tier tables always, since
 * `10:50` is a time to Sheets.
 */
export function sheetCell(column: SchemeColumn, text: string, numberLang?: Lang): CellValue {
  const t = text.trim();
  if (t === '') return '';
  if (NUMBER_COLUMNS.includes(column)) {
    // `250,000` typed in an English workbook is 250000, in a Russian one 250 (SPEC §4, README decisions).
    const n = parseNumber(t, numberLang ? { lang: numberLang } : undefined);
    if (n.kind === 'number' && !n.percent) return n.value.toNumber();
    return /^[=+\-@']/.test(t) ? `'${t}` : t;
  }
  return column === 'tiers' || sheetsWouldParse(t) ? `'${t}` : t;
}

/** One draft as the sheet's cells, rule/metric/mode words in the sheet's language. */
function draftCells(name: string, d: RuleDraft, lang: Lang, numberLang: Lang = lang): Record<SchemeColumn, CellValue> {
  const kind = parseRuleKind(d.rule);
  const mode = d.mode.trim() === '' ? null : parseMode(d.mode);
  const metric = d.metric.trim() === '' ? '' : canonicalMetric(d.metric) ?? d.metric.trim();
  return {
    scheme: sheetCell('scheme', name),
    rule: kind ? RULE_WORDS[lang][kind] : sheetCell('rule', d.rule),
    metric: metric === '' ? '' : sheetCell('metric', metricLabel(metric, lang)),
    rate: sheetCell('rate', d.rate, numberLang),
    amount: sheetCell('amount', d.amount, numberLang),
    threshold: sheetCell('threshold', d.threshold, numberLang),
    tiers: sheetCell('tiers', d.tiers),
    mode: mode ? MODE_WORDS[lang][mode] : sheetCell('mode', d.mode),
    cap: sheetCell('cap', d.cap, numberLang),
    months: sheetCell('months', d.months, numberLang),
    comment: sheetCell('comment', d.comment),
  };
}

/** A sheet ready for a scheme's rows: a header row with every Schemes column, and what that took. */
interface SchemeSheetFrame {
  /** The sheet, with the header row put above it when it had none (rows are the given ones, not copies). */
  values: readonly CellValue[][];
  headerRow: number;
  columns: Record<SchemeColumn, number>;
  /** The language the headers are written in. */
  lang: Lang;
  /** Columns the sheet needs. */
  width: number;
  /** The sheet had content but no header row: the header goes in above row 1. */
  insertHeaderRow: boolean;
  /** Column index → header text to write: a whole new header row, or the Schemes columns the owner's header lacks (at the right). */
  headerCells: Map<number, CellValue>;
}

/** The Schemes layout of `existing`, or a header row in `lang` when it has none; missing Schemes columns are added at the right. */
function schemeSheetFrame(existing: readonly CellValue[][], lang: Lang, mapping?: ColumnMapping): SchemeSheetFrame {
  let values = existing;
  let layout = schemeSheetLayout(values, lang, mapping);
  let insertHeaderRow = false;
  const headerCells = new Map<number, CellValue>();
  if (!layout) {
    const header = SCHEME_COLUMNS.map((c) => SCHEME_HEADERS[lang][c]);
    insertHeaderRow = values.some((row) => row.some((c) => !isBlank(c)));
    values = insertHeaderRow ? [header, ...values] : [header];
    layout = schemeSheetLayout(values, lang)!;
    header.forEach((h, i) => headerCells.set(i, h));
  }
  const { headerRow, columns } = layout;
  let width = Math.max(0, ...values.map((r) => r.length));
  for (const col of SCHEME_COLUMNS) {
    if (columns[col] === undefined) {
      columns[col] = width;
      headerCells.set(width, SCHEME_HEADERS[layout.lang][col]);
      width++;
    }
  }
  return { values, headerRow, columns: columns as Record<SchemeColumn, number>, lang: layout.lang, width, insertHeaderRow, headerCells };
}

export interface SchemeSheetWrite {
  /** The whole new sheet content, rectangular (every row as wide as the widest). */
  values: CellValue[][];
  /** How many rows the sheet had before: rows from values.length to this are left over and cleared. */
  previousRows: number;
  /** The language the rows were written in. */
  lang: Lang;
}

/**
 * The whole sheet as it looks after saving (the adapter writes it with schemeRowsPlan, which
 * places rows the same way; tests use this as the reference).
 * Replaces scheme `name`'s rows with `drafts` (an empty list removes the scheme). The new rows
 * take the place of the scheme's first row (a new scheme goes after the last used row); the
 * scheme's other rows go; every other row, and each replaced row's cells in columns that are not
 * Schemes columns, stay. An empty or header-less sheet gets the header row in `lang`; a header
 * missing from the owner's sheet is added at the right.
 */
export function writeSchemeRows(
  existing: readonly CellValue[][],
  name: string,
  drafts: readonly RuleDraft[],
  lang: Lang,
  mapping?: ColumnMapping,
): SchemeSheetWrite {
  const previousRows = existing.length;
  const frame = schemeSheetFrame(existing, lang, mapping);
  const { headerRow, columns, lang: sheetLang } = frame;
  let width = frame.width;
  const values: CellValue[][] = frame.values.map((row) => [...row]);
  for (const [c, header] of frame.headerCells) values[headerRow][c] = header;

  const key = schemeKey(name);
  const shownName = displayName(name);
  const schemeCol = columns.scheme;
  const body = values.slice(headerRow + 1);
  const oldRows = body.filter((row) => schemeKey(cellText(row[schemeCol])) === key);
  const first = body.findIndex((row) => schemeKey(cellText(row[schemeCol])) === key);
  const newRows = drafts.map((d, i) => {
    const row: CellValue[] = [...(oldRows[i] ?? [])];
    const cells = draftCells(shownName, d, sheetLang, lang);
    for (const col of SCHEME_COLUMNS) row[columns[col]] = cells[col];
    return row;
  });
  const kept = body.filter((row) => schemeKey(cellText(row[schemeCol])) !== key);
  let newBody: CellValue[][];
  if (first >= 0) {
    const before = body.slice(0, first).filter((row) => schemeKey(cellText(row[schemeCol])) !== key).length;
    newBody = [...kept.slice(0, before), ...newRows, ...kept.slice(before)];
  } else {
    let lastUsed = kept.length;
    while (lastUsed > 0 && kept[lastUsed - 1].every(isBlank)) lastUsed--;
    newBody = [...kept.slice(0, lastUsed), ...newRows, ...kept.slice(lastUsed)];
  }
  const out = [...values.slice(0, headerRow + 1), ...newBody];
  // Trailing blank rows are dropped so a shrinking scheme leaves no gap; the adapter clears the rest.
  while (out.length > headerRow + 1 && out[out.length - 1].every(isBlank)) out.pop();
  width = Math.max(width, ...out.map((r) => r.length));
  return { values: out.map((row) => Array.from({ length: width }, (_, c) => (row[c] === undefined || row[c] === null ? '' : row[c]))), previousRows, lang: sheetLang };
}

/** Cells to write: a rectangle at 1-based `row`, `col`, with the number format each cell needs (null: leave as is unless a stale percent). */
export interface SchemeCellBlock {
  row: number;
  col: number;
  values: CellValue[][];
  formats: (string | null)[][];
}

/**
 * How saving (or deleting, with no drafts) one scheme touches the sheet, so nothing else is
 * rewritten (SPEC §6: a round trip through getValues/setValues would turn another scheme's
 * `- основной процент` into a formula and replace the owner's formulas by their values).
 * Rows are 1-based; do the steps in order: insert the header row, grow the columns, delete the
 * scheme's stray rows (bottom-up, all below its block), resize the block at `start` from
 * `oldCount` to `newCount` rows, then write each block of `writes`.
 */
export interface SchemeRowsPlan {
  lang: Lang;
  /** A sheet with content but no header row: one row goes in above row 1 for the header. */
  insertHeaderRow: boolean;
  /** Columns the sheet needs. */
  width: number;
  /** The scheme's rows outside its first run of adjacent rows, bottom-up. */
  deletions: { start: number; count: number }[];
  start: number;
  oldCount: number;
  newCount: number;
  /** The new header cells (a new sheet, or Schemes columns the owner's header lacks) and the block, in runs of adjacent columns. */
  writes: SchemeCellBlock[];
}

/** The number format for a percent as typed: `4%` → `0%`, `4.5%` → `0.0%`. */
function percentFormat(fraction: ReturnType<typeof dec>): string {
  const places = Math.min(10, fraction.times(100).decimalPlaces());
  return places > 0 ? `0.${'0'.repeat(places)}%` : '0%';
}

/** Adjacent column indexes grouped: [0,1,2,5] → [[0,3],[5,1]] as [first, count]. */
function columnRuns(cols: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of [...cols].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else if (!last || last[0] + last[1] < c) runs.push([c, 1]);
  }
  return runs;
}

/** Plans writing scheme `name`'s rows as `drafts` (none: delete them); see SchemeRowsPlan and writeSchemeRows (same placement). */
export function schemeRowsPlan(
  existing: readonly CellValue[][],
  name: string,
  drafts: readonly RuleDraft[],
  lang: Lang,
  mapping?: ColumnMapping,
): SchemeRowsPlan {
  const { values, headerRow, columns, lang: sheetLang, width, insertHeaderRow, headerCells } = schemeSheetFrame(existing, lang, mapping);

  const key = schemeKey(name);
  const shownName = displayName(name);
  const schemeCol = columns.scheme;
  const own: number[] = []; // indexes in `values` of the scheme's rows
  for (let r = headerRow + 1; r < values.length; r++) if (schemeKey(cellText(values[r][schemeCol])) === key) own.push(r);
  let start: number;
  let oldCount = 0;
  const deletions: { start: number; count: number }[] = [];
  if (own.length > 0) {
    while (oldCount < own.length && own[oldCount] === own[0] + oldCount) oldCount++;
    start = own[0] + 1;
    for (const [first, count] of columnRuns(own.slice(oldCount)).reverse()) deletions.push({ start: first + 1, count });
  } else {
    let lastUsed = values.length - 1;
    while (lastUsed > headerRow && values[lastUsed].every(isBlank)) lastUsed--;
    start = lastUsed + 2;
  }

  const schemeCols = SCHEME_COLUMNS.map((c) => columns[c]);
  const rows = drafts.map((d) => {
    const cells = draftCells(shownName, d, sheetLang, lang);
    const out = new Map<number, { value: CellValue; format: string | null }>();
    for (const col of SCHEME_COLUMNS) {
      let value = cells[col];
      let format: string | null = null;
      // a percent is written as the number Sheets would make of it, with a percent format: what Sheets does with a typed `4%`
      if (NUMBER_COLUMNS.includes(col) && typeof value === 'string' && !value.startsWith("'")) {
        const n = parseNumber(value, { lang });
        if (n.kind === 'number' && n.percent) {
          value = n.value.toNumber();
          format = percentFormat(n.value);
        }
      }
      out.set(columns[col], { value, format });
    }
    return out;
  });

  const writes: SchemeCellBlock[] = [];
  const headerAbove = start === headerRow + 2;
  for (const [first, count] of columnRuns(schemeCols)) {
    const cols = Array.from({ length: count }, (_, j) => first + j);
    const withHeader = headerAbove && cols.every((c) => headerCells.has(c));
    const lines = rows.map((row) => cols.map((c) => row.get(c)!));
    if (withHeader) {
      lines.unshift(cols.map((c) => ({ value: headerCells.get(c)!, format: null })));
      cols.forEach((c) => headerCells.delete(c));
    }
    if (lines.length === 0) continue;
    writes.push({
      row: withHeader ? headerRow + 1 : start,
      col: first + 1,
      values: lines.map((l) => l.map((x) => x.value)),
      formats: lines.map((l) => l.map((x) => x.format)),
    });
  }
  for (const [first, count] of columnRuns([...headerCells.keys()])) {
    const cols = Array.from({ length: count }, (_, j) => first + j);
    writes.unshift({ row: headerRow + 1, col: first + 1, values: [cols.map((c) => headerCells.get(c)!)], formats: [cols.map(() => null)] });
  }
  return { lang: sheetLang, insertHeaderRow, width, deletions, start, oldCount, newCount: drafts.length, writes };
}
