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
import { findSheet, SHEET_ROLES } from '../workbook/headers';
import type { CellFormat, CellRange, TabCell, TabChart, TabLink, TabModel } from '../workbook/tabModel';
import { keyPeriod } from '../workbook/tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata key marking a generated tab; its value is the TabModel key. */
export const TAB_METADATA_KEY = 'kpiPayouts.tab';
/** Document property holding the sidebar's hand-made ColumnMapping (JSON). */
export const MAPPING_PROPERTY = 'kpiPayouts.mapping';
/** Name prefix of tabs under construction; a leftover from a killed run is removed by the next. */
export const TEMP_TAB_PREFIX = '~kpi-tmp ';
/** Sheets' limit on a tab name. */
export const MAX_SHEET_NAME = 100;

export interface ReadOptions {
  /** Read every sheet that is not a generated tab, not only those the reader will use. */
  allSheets?: boolean;
}

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
      for (const role of SHEET_ROLES as readonly SheetRole[]) {
        const found = findSheet(byName, role, mapping);
        if (found.mappedMissing !== null) mappedMissing = true;
        const hit = found.sheet;
        if (!hit) continue;
        if (!checked.has(hit.name)) {
          checked.add(hit.name);
          const entry = candidates.find((c) => c.name === hit.name);
          if (entry && isGeneratedSheet(entry.sheet)) {
            candidates = candidates.filter((c) => c !== entry);
            again = true;
            break;
          }
        }
        needed.add(hit.name);
      }
    }
    // The reader names every sheet when a sheet chosen by hand is gone: only then are the generated tabs looked up, to leave them out.
    if (mappedMissing) {
      const generated = generatedPositions(ss);
      candidates = candidates.filter((c) => !generated.has(sheets.indexOf(c) + 1));
    }
  }

  const raw: RawSheet[] = candidates.map((c) => ({
    name: c.name,
    values: needed && !needed.has(c.name) ? [] : (c.sheet.getDataRange().getValues() as CellValue[][]),
  }));
  return { sheets: raw, timeZone, locale, currency: null, mapping, toLocalDay: sheetsLocalDay(timeZone) };
}

// ------------------------------------------------------------------------------------ rendering

export interface RenderContext {
  lang: Lang;
  currency: string;
  /** The spreadsheet's IANA zone: date cells are written as midnight there. */
  timeZone: string;
  /** Called before each tab is written (progress toasts). */
  onProgress?: (done: number, total: number, tab: TabModel) => void;
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

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * The instant that is midnight of `day` in `timeZone`, so Sheets shows that day with no time part.
 * Pure Intl (no service call per cell); exact across DST because the offset is re-read at the result.
 */
export function zonedMidnight(day: LocalDate, timeZone: string, fmt = offsetFormatter(timeZone)): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  let t = guess - zoneOffset(guess, fmt);
  t = guess - zoneOffset(t, fmt);
  return new Date(t);
}

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
}

/** Milliseconds the zone's wall clock is ahead of UTC at instant t. */
function zoneOffset(t: number, fmt: Intl.DateTimeFormat): number {
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(t / 1000) * 1000;
}

/**
 * A tab's cells as one rectangular block for one setValues: every string apostrophe-prefixed so
 * Sheets keeps it as text (a client `=HYPERLINK(…)`, `+7 900…`, `00123` stay what they are),
 * numbers as numbers, dates (TabModel days at 12:00 UTC) as midnight in the spreadsheet's zone.
 */
export function cellBlock(tab: TabModel, timeZone: string): { values: unknown[][]; rows: number; cols: number } {
  const cols = Math.max(1, ...tab.rows.map((r) => r.length));
  const rows = Math.max(1, tab.rows.length);
  const fmt = offsetFormatter(timeZone);
  const days = new Map<string, Date>();
  const values: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const src = tab.rows[i] ?? [];
    const line: unknown[] = new Array(cols);
    for (let j = 0; j < cols; j++) line[j] = sheetCell(src[j], timeZone, fmt, days);
    values.push(line);
  }
  return { values, rows, cols };
}

function sheetCell(v: TabCell | undefined, timeZone: string, fmt: Intl.DateTimeFormat, days: Map<string, Date>): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isDate(v)) {
    if (isNaN(v.getTime())) return '';
    const day = v.toISOString().slice(0, 10);
    let out = days.get(day);
    if (!out) {
      out = zonedMidnight(day, timeZone, fmt);
      days.set(day, out);
    }
    return new Date(out.getTime());
  }
  return `'${String(v)}`;
}

/** A name no other sheet has (case-insensitive), cut to Sheets' 100 characters: `Иванов · 2026-11 (2)`. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = Array.from(wanted.trim() === '' ? 'KPI' : wanted);
  for (let n = 1; ; n++) {
    const mark = n === 1 ? '' : ` (${n})`;
    const cut = base.slice(0, MAX_SHEET_NAME - mark.length).join('').trimEnd();
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
    if (last && last.col === l.col && last.row + 1 === l.row && last.sheet === l.sheet) run.push(l);
    else runs.push([l]);
  }
  return runs;
}

/**
 * Writes one tab into a new, empty sheet of `size` (a new sheet's default size, read once per run):
 * a bounded handful of calls whatever the number of rows, and writes only — no read in between.
 */
function writeTab(sheet: Sheet, tab: TabModel, ctx: RenderContext, gids: ReadonlyMap<string, number>, size: { rows: number; cols: number }): void {
  const block = cellBlock(tab, ctx.timeZone);
  const chartRoom = (tab.charts ?? []).reduce(
    (acc, c) => ({ rows: Math.max(acc.rows, c.anchor.row + 20), cols: Math.max(acc.cols, c.anchor.col + 8) }),
    { rows: 0, cols: 0 },
  );
  const needRows = Math.max(block.rows, chartRoom.rows, tab.frozenRows + 1);
  const needCols = Math.max(block.cols, chartRoom.cols, (tab.columnWidths ?? []).length);
  const maxRows = size.rows;
  const maxCols = size.cols;
  if (needRows > maxRows) sheet.insertRowsAfter(maxRows, needRows - maxRows);
  else if (needRows < maxRows) sheet.deleteRows(needRows + 1, maxRows - needRows);
  if (needCols > maxCols) sheet.insertColumnsAfter(maxCols, needCols - maxCols);
  else if (needCols < maxCols) sheet.deleteColumns(needCols + 1, maxCols - needCols);

  sheet.getRange(1, 1, block.rows, block.cols).setValues(block.values);

  const byFormat = new Map<CellFormat, string[]>();
  for (const f of tab.formats) {
    const list = byFormat.get(f.format) ?? [];
    list.push(a1Notation(f.range));
    byFormat.set(f.format, list);
  }
  for (const [format, ranges] of byFormat) {
    sheet.getRangeList(ranges).setNumberFormat(numberFormatPattern(format, ctx.currency, ctx.lang));
  }
  if (tab.bold.length > 0) sheet.getRangeList(tab.bold.map(a1Notation)).setFontWeight('bold');
  // wrapped text reads top-down beside its clause number
  if (tab.wrap && tab.wrap.length > 0) sheet.getRangeList(tab.wrap.map(a1Notation)).setWrap(true).setVerticalAlignment('top');
  if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
  const widths = tab.columnWidths ?? [];
  for (let i = 0; i < widths.length; ) {
    let j = i + 1;
    while (j < widths.length && widths[j] === widths[i]) j++;
    if (j - i === 1) sheet.setColumnWidth(i + 1, widths[i]);
    else sheet.setColumnWidths(i + 1, j - i, widths[i]);
    i = j;
  }

  for (const run of linkRuns(tab.links ?? [])) {
    const gid = gids.get(run[0].sheet);
    if (gid === undefined) continue; // a sheet that is gone: the row number stays, unlinked
    const formulas = run.map((l) => [linkFormula(gid, l.targetRow, tab.rows[l.row]?.[l.col])]);
    sheet.getRange(run[0].row + 1, run[0].col + 1, run.length, 1).setFormulas(formulas);
  }

  for (const chart of tab.charts ?? []) insertChart(sheet, chart);
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
  const series: Record<number, { labelInLegend: string; targetAxisIndex: number; type?: string }> = {};
  chart.series.forEach((s, i) => {
    series[i] = { labelInLegend: s.title, targetAxisIndex: s.axis === 'right' ? 1 : 0, ...(s.axis === 'right' ? { type: 'line' } : {}) };
  });
  // No header row in the ranges: without setNumHeaders(0) Sheets guesses one when the first attainment cell is blank.
  builder = builder
    .setNumHeaders(0)
    .setPosition(chart.anchor.row + 1, chart.anchor.col + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('series', series);
  if (combo) builder = builder.setOption('seriesType', 'bars').setOption('vAxes', { 1: { format: 'percent' } });
  sheet.insertChart(builder.build());
}

/** Whether a previous generated tab is replaced by a run writing `keys`: the same key, or any tab of a period the run writes. */
export function isReplaced(previousKey: string, keys: ReadonlySet<string>, periods: ReadonlySet<string>): boolean {
  if (keys.has(previousKey)) return true;
  const period = keyPeriod(previousKey);
  return period !== null && periods.has(period);
}

/**
 * Writes the run's tabs. Each is built complete under a temporary name; only when all are done
 * are the previous tabs of the run's period(s) deleted and the new ones renamed. On any error the
 * half-built tabs are deleted and the error rethrown: the spreadsheet is as it was.
 *
 * Every read comes first (the previous tabs through one metadata search, the linked sheets' gids,
 * the sheet count), then writes only — but for one read of the first new sheet's size, which
 * every later new sheet shares. `sheets` is the reader's list when the caller has it (no second
 * getName per sheet); the calls do not grow with the number of earlier generated tabs beyond one
 * getValue per metadata entry the search returns.
 */
export function renderTabs(ss: Spreadsheet, tabs: readonly TabModel[], ctx: RenderContext, sheets: readonly SheetEntry[] = listSheets(ss)): void {
  // ---- reads
  const leftovers = sheets.filter((e) => e.name.startsWith(TEMP_TAB_PREFIX) && isGeneratedSheet(e.sheet)); // of a killed run
  const leftoverIds = new Set(leftovers.map((e) => e.sheet.getSheetId()));
  const keys = new Set(tabs.map((t) => t.key));
  const periods = new Set(tabs.map((t) => keyPeriod(t.key)).filter((p): p is string => p !== null));
  const replaced: { sheet: Sheet; id: number; name: string }[] = [];
  for (const md of ss.createDeveloperMetadataFinder().withKey(TAB_METADATA_KEY).find()) {
    if (!isReplaced(String(md.getValue() ?? ''), keys, periods)) continue;
    const sheet = md.getLocation().getSheet();
    if (!sheet) continue;
    const id = sheet.getSheetId();
    if (leftoverIds.has(id) || replaced.some((r) => r.id === id)) continue;
    replaced.push({ sheet, id, name: sheet.getName() });
  }
  const gids = linkTargets(tabs, sheets);
  const replacedNames = new Set(replaced.map((r) => r.name.toLowerCase()));
  const taken = new Set(sheets.map((e) => e.name.toLowerCase()).filter((n) => !replacedNames.has(n)));
  let index = ss.getNumSheets();

  // ---- writes
  for (const e of leftovers) ss.deleteSheet(e.sheet);
  index -= leftovers.length;
  const stamp = Date.now().toString(36);
  const built: { sheet: Sheet; tab: TabModel }[] = [];
  let size: { rows: number; cols: number } | null = null;
  try {
    tabs.forEach((tab, i) => {
      ctx.onProgress?.(i, tabs.length, tab);
      const sheet = ss.insertSheet(`${TEMP_TAB_PREFIX}${stamp} ${i + 1}`, index++);
      built.push({ sheet, tab });
      sheet.addDeveloperMetadata(TAB_METADATA_KEY, tab.key); // first, so a killed run's leftover is found and removed
      size ??= { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() }; // the one read among the writes: a new sheet's size
      writeTab(sheet, tab, ctx, gids, size);
    });
  } catch (e) {
    for (const b of built) {
      try {
        ss.deleteSheet(b.sheet);
      } catch {
        // the sheet is already gone; the original error is what the user must see
      }
    }
    throw e;
  }

  for (const r of replaced) ss.deleteSheet(r.sheet);
  for (const b of built) {
    for (let attempt = 1; ; attempt++) {
      const name = uniqueSheetName(b.tab.name, taken);
      taken.add(name.toLowerCase());
      try {
        b.sheet.setName(name);
        break;
      } catch (e) {
        // `taken` is the list read before the run: a sheet of that name made since (another editor) → the next free name
        if (attempt >= 3) throw e;
      }
    }
  }
}
