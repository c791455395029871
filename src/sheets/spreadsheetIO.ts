/**
 * Google Sheets I/O of a payout run: the user's sheets → RawWorkbook (one getValues per sheet),
 * and TabModel[] → generated tabs with batched writes. Nothing here computes pay: the pipeline
 * does, the same for Sheets and .xlsx.
 *
 * Generated tabs carry developer metadata `kpiPayouts.tab` = TabModel.key. A rerun for a period
 * replaces every tab with that mark generated for the period (`summary:<period>`,
 * `payout:<period>:*`), so a manager who dropped out or whose scheme became invalid keeps no stale
 * tab; other periods' tabs and every unmarked sheet (the input, a user's tab that happens to have
 * the same name) are never touched. All new tabs are built under temporary names first and
 * swapped in only when every one is complete, so a failure leaves the previous tabs as they were.
 */
import type { LocalDate } from '../core/periods';
import type { Lang } from '../core/money';
import { currencySymbol } from '../core/money';
import type { CellValue } from '../core/numbers';
import type { ColumnMapping, RawSheet, RawWorkbook, SheetRole } from '../workbook/raw';
import { SHEET_ROLES } from '../workbook/headers';
import { roleSheets } from '../workbook/reading/dealsSheets';
import type { CellFormat, CellRange, TabCell, TabChart, TabLink, TabModel } from '../workbook/tabModel';
import { keyPeriod } from '../workbook/tabs';
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import { cutUtf16 } from '../core/utf16';
import { fitCell, mayBeTimeOnly, MAX_CELL_CHARS, MAX_CELLS, MAX_SHEET_NAME, serialDay, typedTime } from './sheetLimits';
import { fitToCellCap, tabGrid, widestRow } from './cellCap';
import { bestEffort, retryOnce } from './execution';
import { isLedgerSheetName } from '../workbook/ledgerSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata key marking a generated tab; its value is the TabModel key. */
export const TAB_METADATA_KEY = 'kpiPayouts.tab';
/** Document property holding the sidebar's hand-made ColumnMapping (JSON). */
export const MAPPING_PROPERTY = 'kpiPayouts.mapping';
/** Name prefix of tabs under construction or set aside during a swap; a leftover from a killed run is removed by the next. */
export const TEMP_TAB_PREFIX = '~kpi-tmp ';
export { MAX_SHEET_NAME } from './sheetLimits';

export interface ReadOptions {
  /** Read every sheet that is not a generated tab, not only those the reader will use. */
  allSheets?: boolean;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The hand-made column mapping saved by the sidebar, or undefined (a broken value is ignored: auto-detect). */
export function readMapping(): ColumnMapping | undefined {
  const text = PropertiesService.getDocumentProperties().getProperty(MAPPING_PROPERTY);
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ColumnMapping) : undefined;
  } catch {
    return undefined;
  }
}

/** A Date as a calendar day in the spreadsheet's zone, via Utilities.formatDate, once per instant. */
export function sheetsLocalDay(timeZone: string): (d: Date) => LocalDate {
  const seen = new Map<number, LocalDate>();
  return (d: Date) => {
    const t = d.getTime();
    let day = seen.get(t);
    if (day === undefined) {
      day = Utilities.formatDate(d, timeZone, 'yyyy-MM-dd');
      seen.set(t, day);
    }
    return day;
  };
}

/** A sheet with its name, as listed once per execution (getSheets, one getName each). */
export interface SheetEntry {
  sheet: Sheet;
  name: string;
}

/**
 * Every sheet in tab order with its name: one getSheets() and one getName() per sheet. Made once
 * per execution and handed on (generatePayouts gives the reader's list to the writer).
 */
export function listSheets(ss: Spreadsheet): SheetEntry[] {
  return ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
}

/** Whether a sheet carries our generated-tab mark: one getDeveloperMetadata (a user's sheet has none to look at). */
function isGeneratedSheet(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((md) => md.getKey() === TAB_METADATA_KEY);
}

/**
 * Positions (1-based, as Sheet.getIndex) of every generated tab: one metadata search, and per tab
 * found its location's sheet and position — no name, so a list of sheets can skip them unread.
 */
export function generatedPositions(ss: Spreadsheet): Set<number> {
  const out = new Set<number>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(TAB_METADATA_KEY).find()) {
    const sheet = md.getLocation().getSheet();
    if (sheet) out.add(sheet.getIndex());
  }
  return out;
}

/**
 * The sheets a user works with, for pickers: every sheet but our generated tabs and half-built
 * `~kpi-tmp` ones. One getName per listed sheet; a generated tab costs its position, not its name.
 */
export function userSheets(ss: Spreadsheet): SheetEntry[] {
  const generated = generatedPositions(ss);
  const out: SheetEntry[] = [];
  ss.getSheets().forEach((sheet, i) => {
    if (generated.has(i + 1)) return;
    const name = sheet.getName();
    if (!name.startsWith(TEMP_TAB_PREFIX)) out.push({ sheet, name });
  });
  return out;
}

/**
 * The user's workbook as the pipeline reads it: one `getDataRange().getValues()` per sheet the
 * reader needs, the spreadsheet's time zone and locale, and the sidebar's saved mapping.
 *
 * The role sheets are found by name first, exactly as the reader will find them; only those few
 * are checked for our generated-tab mark (a generated tab named like an input sheet is dropped and
 * the role looked up again). So the calls do not grow with the number of generated tabs beyond the
 * one getName per sheet of `sheets` (pass the list when the caller needs it again, as the writer does).
 * Other sheets are listed by name with no values, so messages can name them.
 */
export function readRawWorkbook(ss: Spreadsheet, options: ReadOptions = {}, sheets: readonly SheetEntry[] = listSheets(ss)): RawWorkbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  const mapping = readMapping();
  let candidates = sheets.filter((c) => !c.name.startsWith(TEMP_TAB_PREFIX));

  let needed: Set<string> | null = null;
  if (options.allSheets) {
    const generated = generatedPositions(ss);
    candidates = candidates.filter((c) => !generated.has(sheets.indexOf(c) + 1));
  } else {
    const checked = new Set<string>();
    let mappedMissing = false;
    for (let again = true; again; ) {
      again = false;
      mappedMissing = false;
      needed = new Set<string>();
      const byName: RawSheet[] = candidates.map((c) => ({ name: c.name, values: [] }));
      roles: for (const role of SHEET_ROLES as readonly SheetRole[]) {
        // Deals may be several sheets chosen in the sidebar (`Сделки 2025,Сделки 2026`): read every one.
        const found = roleSheets(byName, role, mapping);
        if (found.mappedMissing) mappedMissing = true;
        for (const hit of found.sheets) {
          if (!checked.has(hit.name)) {
            checked.add(hit.name);
            const entry = candidates.find((c) => c.name === hit.name);
            if (entry && isGeneratedSheet(entry.sheet)) {
              candidates = candidates.filter((c) => c !== entry);
              again = true;
              break roles;
            }
          }
          needed.add(hit.name);
        }
      }
    }
    // The reader names every sheet when a sheet chosen by hand is gone: only then are the generated tabs looked up, to leave them out.
    if (mappedMissing) {
      const generated = generatedPositions(ss);
      candidates = candidates.filter((c) => !generated.has(sheets.indexOf(c) + 1));
    }
  }

  const raw: RawSheet[] = candidates.map((c) => (needed && !needed.has(c.name) && !isLedgerSheetName(c.name) ? { name: c.name, values: [] } : readSheet(c, timeZone)));
  return { sheets: raw, timeZone, locale, currency: null, mapping, toLocalDay: sheetsLocalDay(timeZone) };
}

/**
 * One input sheet as SPEC §9 allows: its values, number formats and merged areas — three reads
 * whatever its size. A cell Sheets turned into a time (`1:30` typed in a tier cell) comes back as
 * the text typed, read in the spreadsheet's zone (SPEC §10.3).
 */
export function readSheet(c: SheetEntry, timeZone: string): RawSheet {
  const range = c.sheet.getDataRange();
  const values = range.getValues() as CellValue[][];
  const formats = range.getNumberFormats();
  const merges = range.getMergedRanges().map((m) => a1Rectangle(m.getA1Notation()));
  for (const row of values) {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (isDate(v) && !isNaN(v.getTime()) && mayBeTimeOnly(v)) {
        const typed = typedTime(Utilities.formatDate(v, timeZone, 'yyyy-MM-dd HH:mm:ss'));
        if (typed !== null) row[j] = typed;
      }
    }
  }
  return { name: c.name, values, formats, merges: merges.filter((m): m is NonNullable<typeof m> => m !== null) };
}

/** `B2:D9` (or `B2`) → a 0-based rectangle; null for anything else. */
export function a1Rectangle(a1: string): { row: number; col: number; rows: number; cols: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { row: Math.min(r1, r2) - 1, col: Math.min(c1, c2) - 1, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

// ------------------------------------------------------------------------------------ rendering

export interface RenderContext {
  lang: Lang;
  currency: string;
  /** The spreadsheet's IANA zone (kept for callers; dates are serial day numbers, no zone arithmetic). */
  timeZone: string;
  /** Called before each tab is written (progress toasts). */
  onProgress?: (done: number, total: number, tab: TabModel) => void;
  /** The clock (ms) and the moment past which no new tab is started: the swap is abandoned cleanly (SPEC §10.3). */
  now?: () => number;
  deadline?: number;
}

/** Number formats in Sheets' pattern syntax (locale-independent; Sheets shows separators by locale). */
export function numberFormatPattern(format: CellFormat, currency: string, lang: Lang): string {
  switch (format) {
    case 'money': {
      const symbol = currencySymbol(currency);
      if (currency === 'RUB') return '#,##0.00 [$₽-419]';
      if (currency === 'USD') return '[$$]#,##0.00';
      return `#,##0.00 [$${symbol}]`;
    }
    case 'percent':
      return '0.00%';
    case 'coefficient':
      return '0.0000';
    case 'number':
      return '#,##0.00';
    case 'integer':
      return '0';
    case 'date':
      return lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
    case 'text':
      return '@';
  }
}

/** `A1` notation of a 0-based rectangle. */
export function a1Notation(r: CellRange): string {
  const start = `${columnLetter(r.col + 1)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return start;
  return `${start}:${columnLetter(r.col + r.cols)}${r.row + r.rows}`;
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A tab's cells as one rectangular block for one setValues: every string apostrophe-prefixed so
 * Sheets keeps it as text (a client `=HYPERLINK(…)`, `+7 900…`, `00123` stay what they are) and
 * cut with `…` to Sheets' 50 000 characters; numbers as numbers; dates (TabModel days at 12:00
 * UTC) as serial day numbers — with the date cells listed (0-based) so the writer gives them a
 * date format. No time-zone arithmetic: the day is the spreadsheet's day in every zone.
 */
export function cellBlock(tab: TabModel, _timeZone?: string): { values: unknown[][]; rows: number; cols: number; dateCells: CellRange[] } {
  const cols = widestRow(tab.rows);
  const rows = Math.max(1, tab.rows.length);
  const values: unknown[][] = [];
  const dateCells: CellRange[] = [];
  for (let i = 0; i < rows; i++) {
    const src = tab.rows[i] ?? [];
    const line: unknown[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const v = src[j];
      if (isDate(v) && !isNaN(v.getTime())) {
        line[j] = serialDay(v.toISOString().slice(0, 10));
        const last = dateCells[dateCells.length - 1];
        if (last && last.col === j && last.row + last.rows === i) last.rows += 1;
        else dateCells.push({ row: i, col: j, rows: 1, cols: 1 });
      } else line[j] = sheetCell(v);
    }
    values.push(line);
  }
  return { values, rows, cols, dateCells };
}

function sheetCell(v: TabCell | undefined): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : `'${fitCell(v, MAX_CELL_CHARS - 1)}`;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isDate(v)) return ''; // an invalid Date
  return `'${fitCell(String(v), MAX_CELL_CHARS - 1)}`;
}

/** A name no other sheet has (case-insensitive), cut to Sheets' 100 UTF-16 units: `Иванов · 2026-11 (2)`. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.trim() === '' ? 'KPI' : wanted;
  for (let n = 1; ; n++) {
    const mark = n === 1 ? '' : ` (${n})`;
    const cut = cutUtf16(base, MAX_SHEET_NAME - mark.length).trimEnd();
    const name = (cut === '' ? 'KPI' : cut) + mark;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** `=HYPERLINK("#gid=…&range=A<row>"; label)`: our own text only (a gid, a row number, a quoted label). */
function linkFormula(gid: number, targetRow: number, label: TabCell | undefined): string {
  const shown =
    typeof label === 'number' && Number.isFinite(label) ? String(label) : `"${String(label ?? targetRow).replace(/"/g, '""')}"`;
  // `;` separates arguments in every Sheets locale (a `,` breaks in decimal-comma locales such as ru).
  return `=HYPERLINK("#gid=${gid}&range=A${Math.max(1, Math.floor(targetRow))}";${shown})`;
}

/** Links grouped into runs of consecutive rows of one column to one sheet: one setFormulas per run. */
export function linkRuns(links: readonly TabLink[]): TabLink[][] {
  const sorted = [...links].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: TabLink[][] = [];
  for (const l of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.col === l.col && last.row === l.row) continue; // one link per cell
    if (last && last.col === l.col && last.row + 1 === l.row) run.push(l);
    else runs.push([l]);
  }
  return runs;
}

/**
 * Writes one tab into a new, empty sheet of `size` (a new sheet's default size, read once per run):
 * a bounded handful of calls whatever the number of rows, and writes only — no read in between.
 */
function writeTab(sheet: Sheet, tab: TabModel, ctx: RenderContext, gids: ReadonlyMap<string, number>, size: { rows: number; cols: number }): void {
  const block = cellBlock(tab);
  const grid = tabGrid(tab);
  // narrow first, widen last: the grid never holds more cells than the larger of its start and end (the 10 M cap)
  if (grid.cols < size.cols) sheet.deleteColumns(grid.cols + 1, size.cols - grid.cols);
  if (grid.rows > size.rows) sheet.insertRowsAfter(size.rows, grid.rows - size.rows);
  else if (grid.rows < size.rows) sheet.deleteRows(grid.rows + 1, size.rows - grid.rows);
  if (grid.cols > size.cols) sheet.insertColumnsAfter(size.cols, grid.cols - size.cols);

  // One range, three writes: values, number formats and weights cell by cell (a handful of calls per tab, whatever its size).
  const range = sheet.getRange(1, 1, block.rows, block.cols);
  range.setValues(block.values);
  const formats = grid2d(block.rows, block.cols, GENERAL_FORMAT);
  const paint = (r: CellRange, value: string, into: string[][]) => {
    for (let i = r.row; i < Math.min(r.row + r.rows, block.rows); i++) for (let j = r.col; j < Math.min(r.col + r.cols, block.cols); j++) into[i][j] = value;
  };
  for (const f of tab.formats) paint(f.range, numberFormatPattern(f.format, ctx.currency, ctx.lang), formats);
  const datePattern = numberFormatPattern('date', ctx.currency, ctx.lang);
  for (const r of block.dateCells) paint(r, datePattern, formats); // a serial day number is a date only with a date format
  range.setNumberFormats(formats);
  if (tab.bold.length > 0) {
    const weights = grid2d(block.rows, block.cols, 'normal');
    for (const b of tab.bold) paint(b, 'bold', weights);
    range.setFontWeights(weights as GoogleAppsScript.Spreadsheet.FontWeight[][]);
  }
  // wrapped text (the regulation's clauses) reads top-down beside its clause number
  if (tab.wrap && tab.wrap.length > 0) sheet.getRangeList(tab.wrap.map(a1Notation)).setWrap(true).setVerticalAlignment('top');
  // The statements' long columns wrap as the .xlsx writer wraps them (tab.wrapColumns): one call on
  // the block whatever the columns; Sheets grows the rows to fit (no top alignment: a call per tab, see DECISIONS).
  const wrapped = new Array<boolean>(block.cols).fill(false);
  for (const c of tab.wrapColumns ?? []) if (c >= 0 && c < block.cols) wrapped[c] = true;
  if (block.rows > 0 && wrapped.includes(true)) range.setWraps(new Array<boolean[]>(block.rows).fill(wrapped));
  if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
  setWidths(sheet, tab.columnWidths ?? []);

  // One setFormulas per column run whatever sheets the links point at (each formula has its own gid),
  // so the calls do not grow with the issues and deals listed (SPEC §9).
  for (const whole of linkRuns(tab.links ?? [])) {
    // a link to a sheet that is gone splits the run: its row number stays, unlinked
    let run: TabLink[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const formulas = run.map((l) => [linkFormula(gids.get(l.sheet)!, l.targetRow, tab.rows[l.row]?.[l.col])]);
      sheet.getRange(run[0].row + 1, run[0].col + 1, run.length, 1).setFormulas(formulas);
      run = [];
    };
    for (const l of whole) {
      if (gids.get(l.sheet) === undefined) flush();
      else run.push(l);
    }
    flush();
  }

  for (const chart of tab.charts ?? []) insertChart(sheet, chart);
}

/** Cells of a new sheet as Sheets makes it (1 000 rows × 26 columns). */
const NEW_SHEET_CELLS = 26_000;

/** Sheets' automatic number format: a cell the tab model leaves unformatted. */
const GENERAL_FORMAT = 'General';

function grid2d(rows: number, cols: number, fill: string): string[][] {
  const out: string[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = new Array<string>(cols).fill(fill);
  return out;
}

/**
 * Column widths in at most a few calls: the most common width for every column at once, then
 * each column that differs from it by more than a quarter on its own (a wide explanation column).
 */
function setWidths(sheet: Sheet, widths: readonly number[]): void {
  if (widths.length === 0) return;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  sheet.setColumnWidths(1, widths.length, common);
  widths.forEach((w, i) => {
    if (Math.abs(w - common) > common / 4) sheet.setColumnWidth(i + 1, w);
  });
}

/** The gid of every sheet the tabs link to, read before the first write (a few getSheetId calls, one per linked sheet). */
function linkTargets(tabs: readonly TabModel[], sheets: readonly SheetEntry[]): Map<string, number> {
  const gids = new Map<string, number>();
  const wanted = new Set<string>();
  for (const tab of tabs) for (const l of tab.links ?? []) wanted.add(l.sheet);
  for (const name of wanted) {
    const entry = sheets.find((e) => e.name === name);
    if (entry) gids.set(name, entry.sheet.getSheetId());
  }
  return gids;
}

function insertChart(sheet: Sheet, chart: TabChart): void {
  const rangeOf = (r: CellRange) => sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols);
  // Columns on the left axis; a right-axis series (attainment, a fraction) is drawn as a line.
  const combo = chart.series.some((s) => s.axis === 'right');
  let builder = sheet
    .newChart()
    .setChartType(combo ? Charts.ChartType.COMBO : Charts.ChartType.COLUMN)
    .addRange(rangeOf(chart.categories));
  for (const s of chart.series) builder = builder.addRange(rangeOf(s.range));
  const series: Record<number, { labelInLegend: string; targetAxisIndex: number; type?: string; color?: string; lineWidth?: number; pointSize?: number }> = {};
  chart.series.forEach((s, i) => {
    series[i] = {
      labelInLegend: s.title, targetAxisIndex: s.axis === 'right' ? 1 : 0, ...(s.axis === 'right' ? { type: 'line' } : {}),
      // the 100 % line: thin, red, no points
      ...(s.target ? { color: '#c00000', lineWidth: 1, pointSize: 0 } : {}),
    };
  });
  // No header row in the ranges: without setNumHeaders(0) Sheets guesses one when the first attainment cell is blank.
  builder = builder
    .setNumHeaders(0)
    .setPosition(chart.anchor.row + 1, chart.anchor.col + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('series', series);
  // Axis titles go in `vAxes` by index: Sheets ignores a `vAxis.title` on an embedded chart (APPS_SCRIPT_NOTES-style fact, see DECISIONS).
  const titles = chart.axisTitles ?? {};
  const left = titles.left ? { 0: { title: titles.left } } : {};
  if (combo) builder = builder.setOption('seriesType', 'bars').setOption('vAxes', { ...left, 1: { format: 'percent', ...(titles.right ? { title: titles.right } : {}) } });
  else if (titles.left) builder = builder.setOption('vAxes', left);
  sheet.insertChart(builder.build());
}

/** Whether a previous generated tab is replaced by a run writing `keys`: the same key, or any tab of a period the run writes. */
export function isReplaced(previousKey: string, keys: ReadonlySet<string>, periods: ReadonlySet<string>): boolean {
  if (keys.has(previousKey)) return true;
  const period = keyPeriod(previousKey);
  return period !== null && periods.has(period);
}

/**
 * A generated tab's mark (developer metadata `kpiPayouts.tab`): the TabModel key, then a tab and
 * the name the tab was given. A tab whose name is no longer that name was renamed by the user and
 * is theirs (SPEC §10.3). Marks written before the name was recorded hold the key alone.
 */
export function tabMark(key: string, name: string): string {
  return `${key}\t${name}`;
}

export function parseTabMark(value: string): { key: string; name: string | null } {
  const tab = value.indexOf('\t');
  return tab < 0 ? { key: value, name: null } : { key: value.slice(0, tab), name: value.slice(tab + 1) };
}

/** One generated tab found in the spreadsheet. */
export interface GeneratedTab {
  sheet: Sheet;
  /** 1-based position. */
  index: number;
  name: string;
  key: string;
  /** The user renamed it: theirs now, never replaced or removed. */
  renamed: boolean;
  /** Half-built or set aside by a run that was stopped: removed by the next run. */
  leftover: boolean;
}

/**
 * The marked tabs whose key `wanted` accepts, with their names from `sheets` (the list read once):
 * one metadata search, one getValue per mark, and only for a wanted one its location, sheet and
 * position. Half-built or set-aside tabs of a stopped run are found by name among `sheets` and
 * confirmed by their own metadata.
 */
export function generatedTabs(ss: Spreadsheet, sheets: readonly SheetEntry[], wanted: (key: string) => boolean): GeneratedTab[] {
  const out: GeneratedTab[] = [];
  const seen = new Set<number>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(TAB_METADATA_KEY).find()) {
    const mark = parseTabMark(String(md.getValue() ?? ''));
    if (!wanted(mark.key)) continue;
    const sheet = md.getLocation().getSheet();
    if (!sheet) continue;
    const index = sheet.getIndex();
    const entry = sheets[index - 1];
    if (!entry || seen.has(index) || entry.name.startsWith(TEMP_TAB_PREFIX)) continue;
    seen.add(index);
    out.push({ sheet: entry.sheet, index, name: entry.name, key: mark.key, leftover: false, renamed: mark.name !== null && mark.name !== entry.name });
  }
  sheets.forEach((e, i) => {
    if (e.name.startsWith(TEMP_TAB_PREFIX) && isGeneratedSheet(e.sheet)) out.push({ sheet: e.sheet, index: i + 1, name: e.name, key: '', leftover: true, renamed: false });
  });
  return out;
}

/**
 * Writes the run's tabs all-or-nothing (SPEC §10.3) and leaves the first summary tab active.
 *
 * 1. Reads first: the marked tabs (one metadata search), the linked sheets' gids, every sheet's
 *    grid size (the 10 M-cell cap counts old and new tabs together while both exist).
 * 2. Builds every new tab hidden, under a temporary name, marked with its key and final name.
 *    The time budget is checked before each; past it, or on any error, the new tabs are deleted
 *    and the spreadsheet is as it was.
 * 3. Swaps: the tabs being replaced are renamed aside, the new ones get their names and are shown.
 *    Any error here renames the old tabs back and deletes the new ones.
 * 4. Commits: the set-aside tabs (and any a stopped run left) are deleted last. From here on nothing reports a failure: a
 *    set-aside tab that cannot be deleted is hidden and removed by the next run.
 *
 * A tab the user renamed is theirs: never replaced or deleted. Rollback and clean-up steps retry
 * once (a service error is usually transient); the first error is what the caller sees.
 */
export function renderTabs(ss: Spreadsheet, tabs: readonly TabModel[], ctx: RenderContext, sheets: readonly SheetEntry[] = listSheets(ss)): RenderResult {
  const now = ctx.now ?? (() => Date.now());
  // ---- reads
  const keys = new Set(tabs.map((t) => t.key));
  const periods = new Set(tabs.map((t) => keyPeriod(t.key)).filter((p): p is string => p !== null));
  const marked = generatedTabs(ss, sheets, (key) => isReplaced(key, keys, periods));
  const leftovers = marked.filter((t) => t.leftover);
  const replaced = marked.filter((t) => !t.leftover && !t.renamed);
  const gids = linkTargets(tabs, sheets);
  const replacedNames = new Set(replaced.map((r) => r.name.toLowerCase()));
  const taken = new Set(sheets.map((e) => e.name.toLowerCase()).filter((n) => !replacedNames.has(n)));
  const names = tabs.map((tab) => {
    const name = uniqueSheetName(tab.name, taken);
    taken.add(name.toLowerCase());
    return name;
  });
  const usedCells = sheets.reduce((n, e) => n + e.sheet.getMaxRows() * e.sheet.getMaxColumns(), 0);
  // a new sheet starts as Sheets' default 1 000 × 26 before it is trimmed: keep room for one
  const fitted = fitToCellCap(tabs, MAX_CELLS - usedCells - NEW_SHEET_CELLS, ctx.lang);

  // ---- writes
  let index = sheets.length;
  const stamp = now().toString(36);
  const built: { sheet: Sheet; tab: TabModel; name: string }[] = [];
  let size: { rows: number; cols: number } | null = null;
  const dropBuilt = () => {
    for (const b of built) bestEffort(() => ss.deleteSheet(b.sheet));
  };
  try {
    fitted.forEach((tab, i) => {
      if (ctx.deadline !== undefined && now() > ctx.deadline) throw new KpiUserError(msg(ctx.lang, 'ui.timeBudget', { done: i, total: fitted.length }));
      ctx.onProgress?.(i, fitted.length, tab);
      const sheet = ss.insertSheet(`${TEMP_TAB_PREFIX}${stamp} ${i + 1}`, index++);
      built.push({ sheet, tab, name: names[i] });
      sheet.addDeveloperMetadata(TAB_METADATA_KEY, tabMark(tab.key, names[i])); // first, so a stopped run's leftover is found and removed
      sheet.hideSheet(); // never a half-built tab in sight
      size ??= { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() }; // the one read among the writes: a new sheet's size
      writeTab(sheet, tab, ctx, gids, size);
    });
    if (ctx.deadline !== undefined && now() > ctx.deadline) throw new KpiUserError(msg(ctx.lang, 'ui.timeBudget', { done: fitted.length, total: fitted.length }));
  } catch (e) {
    dropBuilt();
    throw e;
  }

  // ---- swap
  const aside: GeneratedTab[] = [];
  try {
    replaced.forEach((r, i) => {
      r.sheet.setName(`${TEMP_TAB_PREFIX}${stamp} old ${i + 1}`);
      aside.push(r);
    });
    for (const b of built) {
      nameInPlace(b, taken);
      b.sheet.showSheet();
    }
  } catch (e) {
    dropBuilt();
    for (const r of aside) bestEffort(() => r.sheet.setName(r.name));
    throw e;
  }

  // ---- committed: the old tabs and a stopped run's leftovers go, and nothing below reports a failure
  for (const r of [...aside, ...leftovers]) {
    try {
      retryOnce(() => ss.deleteSheet(r.sheet));
    } catch {
      try {
        r.sheet.hideSheet(); // marked and prefixed: the next run removes it
      } catch {
        // still marked and prefixed: the next run removes it
      }
    }
  }
  const summary = built.find((b) => b.tab.kind === 'summary') ?? built[0];
  if (summary) {
    try {
      ss.setActiveSheet(summary.sheet);
    } catch {
      // the tabs are written; which one is in front is a courtesy
    }
  }
  return { names: built.map((b) => b.name), cut: fitted !== tabs, sheets: built.map((b) => b.sheet) };
}

export interface RenderResult {
  /** The names the tabs were given, in order. */
  names: string[];
  /** Whether deals-behind lists were cut to stay within Sheets' 10 M cells. */
  cut: boolean;
  /** The tabs written, in order (a closed period protects them). */
  sheets: Sheet[];
}

/**
 * Gives a built tab its name: once more on a failure (usually transient), then — when another
 * editor has made a sheet of that name meanwhile — the next free name, with the mark updated so
 * the next run still knows the tab as its own.
 */
function nameInPlace(b: { sheet: Sheet; tab: TabModel; name: string }, taken: Set<string>): void {
  const planned = b.name;
  for (let attempt = 1; ; attempt++) {
    try {
      b.sheet.setName(b.name);
      break;
    } catch (e) {
      if (attempt >= 4) throw e;
      if (attempt >= 2) {
        taken.add(b.name.toLowerCase());
        b.name = uniqueSheetName(b.tab.name, taken);
        taken.add(b.name.toLowerCase());
      }
    }
  }
  if (b.name !== planned) {
    for (const md of b.sheet.getDeveloperMetadata()) if (md.getKey() === TAB_METADATA_KEY) md.setValue(tabMark(b.tab.key, b.name));
  }
}

