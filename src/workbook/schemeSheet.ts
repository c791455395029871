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
import { FILTER_COLUMN, SCHEME_COLUMNS, SCHEME_HEADERS, type RuleDraft, type RuleKind, type SchemeColumn } from '../core/templates';
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
    kpi: 'kpi', kpi_gate: 'kpi_gate', limit: 'limit', team_override: 'team_override', guarantee: 'guarantee', company_limit: 'company_limit',
  },
  ru: {
    salary: 'оклад', percent: 'процент', tiers: 'шкала', plan_bonus: 'бонус за план', deal_bonus: 'бонус за сделки',
    new_client_bonus: 'бонус за клиента', client_turnover: 'процент с клиентов', partner_price: 'партнёрская цена',
    kpi: 'kpi', kpi_gate: 'порог kpi', limit: 'лимит', team_override: 'командный процент', guarantee: 'гарантия', company_limit: 'фонд',
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
  for (const col of [...SCHEME_COLUMNS, FILTER_COLUMN]) {
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
      mode: cell('mode') === '' ? '' : mode ?? (SUBSEQUENT.includes(cell('mode').toLowerCase()) ? 'subsequent' : cell('mode')),
      cap: cell('cap'),
      months: cell('months'),
      comment: cell('comment'),
      ...(layout.columns.filter !== undefined ? { filter: cell('filter') } : {}),
    });
  }
  return drafts;
}

/** client_turnover's mode that leaves the client's first deal out (SPEC §14), as written in en / ru. */
const SUBSEQUENT = ['subsequent', 'последующие'];

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
    mode: mode ? MODE_WORDS[lang][mode] : d.mode === 'subsequent' ? SUBSEQUENT[lang === 'ru' ? 1 : 0] : sheetCell('mode', d.mode),
    cap: sheetCell('cap', d.cap, numberLang),
    months: sheetCell('months', d.months, numberLang),
    comment: sheetCell('comment', d.comment),
    filter: sheetCell('filter', d.filter ?? ''),
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
  /** The Schemes columns written: the eleven, and `filter` when the sheet has it or a rule has a filter (SPEC §14). */
  written: readonly SchemeColumn[];
}

/** Does any draft have a filter (then the sheet gets the filter column, the twelfth)? */
function anyFilter(drafts: readonly RuleDraft[]): boolean {
  return drafts.some((d) => (d.filter ?? '').trim() !== '');
}

/** The Schemes layout of `existing`, or a header row in `lang` when it has none; missing Schemes columns are added at the right. */
function schemeSheetFrame(existing: readonly CellValue[][], lang: Lang, mapping: ColumnMapping | undefined, withFilter: boolean): SchemeSheetFrame {
  let values = existing;
  let layout = schemeSheetLayout(values, lang, mapping);
  let insertHeaderRow = false;
  const headerCells = new Map<number, CellValue>();
  const written: readonly SchemeColumn[] = withFilter || layout?.columns.filter !== undefined ? [...SCHEME_COLUMNS, FILTER_COLUMN] : SCHEME_COLUMNS;
  if (!layout) {
    const header = written.map((c) => SCHEME_HEADERS[lang][c]);
    insertHeaderRow = values.some((row) => row.some((c) => !isBlank(c)));
    values = insertHeaderRow ? [header, ...values] : [header];
    layout = schemeSheetLayout(values, lang)!;
    header.forEach((h, i) => headerCells.set(i, h));
  }
  const { headerRow, columns } = layout;
  let width = Math.max(0, ...values.map((r) => r.length));
  for (const col of written) {
    if (columns[col] === undefined) {
      columns[col] = width;
      headerCells.set(width, SCHEME_HEADERS[layout.lang][col]);
      width++;
    }
  }
  return { values, headerRow, columns: columns as Record<SchemeColumn, number>, lang: layout.lang, width, insertHeaderRow, headerCells, written };
}

export interface SchemeSheetWrite {
  /** The whole new sheet content, rectangular (every row as wide as the widest). */
  values: CellValue[][];
  /** How many rows the sheet had before. */
  previousRows: number;
  /** The language the rows were written in. */
  lang: Lang;
}

/**
 * The whole sheet after saving, as written: schemeRowsPlan's writes applied to a copy (text that
 * Sheets would parse keeps its leading apostrophe, a percent is the number with a percent format;
 * tests use this as the reference). Replaces scheme `name`'s rows with `drafts` (an empty list clears them).
 */
export function writeSchemeRows(
  existing: readonly CellValue[][],
  name: string,
  drafts: readonly RuleDraft[],
  lang: Lang,
  mapping?: ColumnMapping,
): SchemeSheetWrite {
  const plan = schemeRowsPlan(existing, name, drafts, lang, mapping);
  const values: CellValue[][] = existing.map((row) => [...row]);
  for (const block of plan.writes) {
    block.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const r = block.row - 1 + i;
        while (values.length <= r) values.push([]);
        values[r][block.col - 1 + j] = v;
      }),
    );
  }
  while (values.length > 0 && values[values.length - 1].every((c) => isBlank(c))) values.pop();
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    values: values.map((row) => Array.from({ length: width }, (_, c) => (row[c] === undefined || row[c] === null ? '' : row[c]))),
    previousRows: existing.length,
    lang: plan.lang,
  };
}

/** Cells to write: a rectangle at 1-based `row`, `col`, with the number format each cell needs (null: leave as is unless a stale percent). */
export interface SchemeCellBlock {
  row: number;
  col: number;
  values: CellValue[][];
  formats: (string | null)[][];
}

/**
 * How saving (or deleting, with no drafts) one scheme touches the sheet (SPEC §10.3): only cells of
 * the Schemes table's own columns, in that scheme's rows and in rows where those columns are blank
 * — never a whole row inserted or deleted, never another column (a side table in N:O survives),
 * never another scheme's cell (a round trip through getValues/setValues would turn another
 * scheme's `- основной процент` into a formula and the owner's formulas into values).
 * The scheme's rules take its rows in order; more rules take the blank table rows below its last
 * row (the end of the table at the latest); fewer leave the surplus rows' table cells blank.
 * A new scheme starts after the table's last used row.
 */
export interface SchemeRowsPlan {
  lang: Lang;
  /** The sheet has content but no Schemes header row: nothing can be placed without guessing. */
  headerless: boolean;
  /** Columns and rows the sheet's grid needs (it is grown at its end, never in the middle). */
  width: number;
  height: number;
  /** The header cells (a new sheet, or Schemes columns the owner's header lacks) and the scheme's cells, in rectangles. */
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

/** Plans writing scheme `name`'s rows as `drafts` (none: clear them); see SchemeRowsPlan. `replacing` names the scheme whose rows are taken (default: `name`). */
export function schemeRowsPlan(
  existing: readonly CellValue[][],
  name: string,
  drafts: readonly RuleDraft[],
  lang: Lang,
  mapping?: ColumnMapping,
  replacing: string = name,
): SchemeRowsPlan {
  const hasContent = existing.some((row) => row.some((c) => !isBlank(c)));
  if (!schemeSheetLayout(existing, lang, mapping) && hasContent) {
    return { lang, headerless: true, width: 0, height: 0, writes: [] };
  }
  const { values, headerRow, columns, lang: sheetLang, width, headerCells, written } = schemeSheetFrame(existing, lang, mapping, anyFilter(drafts));

  const key = schemeKey(replacing);
  const shownName = displayName(name);
  const schemeCol = columns.scheme;
  const tableCols = written.map((c) => columns[c]);
  const tableBlank = (r: number) => tableCols.every((c) => isBlank(values[r]?.[c]));
  const own: number[] = []; // 0-based rows of the scheme
  let lastUsed = headerRow;
  for (let r = headerRow + 1; r < values.length; r++) {
    if (schemeKey(cellText(values[r][schemeCol])) === key) own.push(r);
    if (!tableBlank(r)) lastUsed = r;
  }
  const targets = own.slice(0, drafts.length);
  for (let r = own.length > 0 ? own[own.length - 1] + 1 : lastUsed + 1; targets.length < drafts.length; r++) {
    if (r > lastUsed || tableBlank(r)) targets.push(r);
  }
  const cleared = own.slice(drafts.length);

  const rowCells = new Map<number, Map<number, { value: CellValue; format: string | null }>>();
  drafts.forEach((d, i) => {
    const cells = draftCells(shownName, d, sheetLang, lang);
    const out = new Map<number, { value: CellValue; format: string | null }>();
    for (const col of written) {
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
    rowCells.set(targets[i], out);
  });
  for (const r of cleared) rowCells.set(r, new Map(tableCols.map((c) => [c, { value: '', format: null }])));
  if (headerCells.size > 0) {
    const header = rowCells.get(headerRow) ?? new Map<number, { value: CellValue; format: string | null }>();
    for (const [c, v] of headerCells) header.set(c, { value: v, format: null });
    rowCells.set(headerRow, header);
  }

  // rectangles: runs of adjacent rows × runs of adjacent columns that every row of the run writes
  const writes: SchemeCellBlock[] = [];
  const rows = [...rowCells.keys()].sort((a, b) => a - b);
  for (let i = 0; i < rows.length; ) {
    const cols = [...rowCells.get(rows[i])!.keys()].sort((a, b) => a - b);
    const sig = cols.join(',');
    let j = i + 1;
    while (j < rows.length && rows[j] === rows[j - 1] + 1 && [...rowCells.get(rows[j])!.keys()].sort((a, b) => a - b).join(',') === sig) j++;
    for (const [first, count] of columnRuns(cols)) {
      const run = rows.slice(i, j);
      const lines = run.map((r) => Array.from({ length: count }, (_, k) => rowCells.get(r)!.get(first + k)!));
      writes.push({ row: run[0] + 1, col: first + 1, values: lines.map((l) => l.map((x) => x.value)), formats: lines.map((l) => l.map((x) => x.format)) });
    }
    i = j;
  }
  const height = Math.max(values.length, ...rows.map((r) => r + 1));
  return { lang: sheetLang, headerless: false, width, height, writes };
}
