/**
 * What every sheet reader shares: the `Reader` (language, issues, cached number and date parsing,
 * name books), locating a role's sheet and header row, and small cell helpers.
 */
import { Dec, ZERO } from '../../core/decimal';
import type { Issue } from '../../core/issues';
import { KpiUserError } from '../../core/issues';
import type { Lang } from '../../core/money';
import type { CellValue, NumberHint, NumberParse } from '../../core/numbers';
import { isBlank, parseNumber } from '../../core/numbers';
import type { LocalDate, Period } from '../../core/periods';
import { intlLocalDay, monthPeriodOf, parsePeriod, readDayText, type DayText } from '../../core/periods';
import { dateOrderOfLocale, type DateOrder } from '../../core/dateOrder';
import { msg, type MessageKey } from '../../core/messages';
import type { RawSheet, RawWorkbook, SheetRole } from '../raw';
import type { ColumnMap, DetectedMapping } from '../headers';
import { findHeaderRow, findSheet, isNoteColumn, mapColumns, metricOfText, ROLE_FIELDS } from '../headers';
import type { ColumnReport } from './columnReport';
import { displayName, nameKey } from '../../core/ownership';
import { RepeatMemo } from '../../core/repeatMemo';

const MINUS_ZERO = new Dec(-0);
const IMPLAUSIBLE_EXPONENT = 12;
const EARLIEST_DAY: LocalDate = '2000-01-01';

/** A name or text cell as shown: NFC, invisible characters removed, spaces collapsed (SPEC §10.2). */
export function cleanName(v: CellValue): string {
  return displayName(String(v));
}

/** Names compare case-insensitively and show as first seen (ARCHITECTURE conventions). */
export class NameBook {
  private readonly seen = new Map<string, string>();
  /** The same cell text again and again (100 000 deals, 50 managers): look it up, don't re-clean it. */
  private readonly byCell = new Map<CellValue, string>();
  name(v: CellValue): string {
    const known = this.byCell.get(v);
    if (known !== undefined) return known;
    const shown = this.firstSpelling(v);
    this.byCell.set(v, shown);
    return shown;
  }

  private firstSpelling(v: CellValue): string {
    const clean = cleanName(v);
    const key = nameKey(clean);
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, clean);
    return clean;
  }
}

/** Everything one read shares: language, issues, cached date conversion, name books. */
export class Reader {
  readonly issues: Issue[] = [];
  /** The column report of every sheet read (SPEC §10.1). */
  readonly columns: ColumnReport = { sheets: {}, ignored: {} };
  readonly managers = new NameBook();
  readonly clients = new NameBook();
  private readonly dayCache = new Map<number, LocalDate>();
  /** Text dates read so far, as read with no order (a sheet's order picks one of two readings after). */
  private readonly dayTextCache = new Map<string, DayText | null>();
  /** The order slash dates read in (SPEC §10.3): `raw.dateOrder`, else the spreadsheet's locale's; null = not known. */
  readonly dateOrder: DateOrder | null;
  /** Per sheet: the order its slash dates read in, and a text of it that reads only the other way (null when none). */
  private readonly sheetOrders = new Map<string, { order: DateOrder | null; contrary: string | null }>();
  /** The two readings of the last date `day()` refused because it reads two ways; null otherwise (for the caller to withhold). */
  lastTwoWays: [LocalDate, LocalDate] | null = null;
  private readonly decOfNumber = new RepeatMemo<number, Dec>();
  private readonly parsedText = new RepeatMemo<string, NumberParse>();
  private readonly lastDifference = new RepeatMemo<Dec, { b: Dec; difference: Dec }>();
  private readonly toLocalDay: (d: Date) => LocalDate;
  readonly toDay = (d: Date): LocalDate => {
    const t = d.getTime();
    let day = this.dayCache.get(t);
    if (day === undefined) {
      day = this.toLocalDay(d);
      this.dayCache.set(t, day);
    }
    return day;
  };

  /** `30,000` is thirty thousand in an English workbook, 30 in a Russian one (SPEC §4). */
  private readonly numberHint: NumberHint;
  /** The language text numbers are read in: the workbook's own (`raw.numberLang`), else `lang`. */
  readonly numberLang: Lang;

  /** Implausible amounts and dates met so far: such a row is left out even for an optional cell. */
  implausible = 0;
  /** Dates after this day are implausible (a year after today); null when today is not known. */
  private readonly latestDay: LocalDate | null;

  constructor(readonly raw: RawWorkbook, readonly lang: Lang, today?: LocalDate) {
    this.latestDay = today ? `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` : null;
    this.numberLang = raw.numberLang ?? lang;
    this.numberHint = { lang: this.numberLang };
    this.toLocalDay = raw.toLocalDay ?? intlLocalDay(raw.timeZone || 'UTC');
    this.dateOrder = raw.dateOrder !== undefined ? raw.dateOrder : dateOrderOfLocale(raw.locale);
  }

  /**
   * The order `sheet`'s slash dates read in: the workbook's, unless the sheet holds a slash date
   * that reads only the other way (`22/11/2026` under en_US) — then its source writes the other way
   * and a `03/04/2026` in it is not known (SPEC §10.2: never a guess). Scanned once per sheet, and
   * only when a slash date that reads two ways is met.
   */
  private sheetOrder(sheet: string): { order: DateOrder | null; contrary: string | null } {
    let known = this.sheetOrders.get(sheet);
    if (known) return known;
    known = { order: this.dateOrder, contrary: null };
    const raw = this.dateOrder === null ? undefined : this.raw.sheets.find((s) => s.name === sheet);
    for (const row of raw?.values ?? []) {
      for (const v of row) {
        if (typeof v !== 'string' || v.indexOf('/') < 0) continue;
        const read = readDayText(v, null);
        if (read && 'only' in read && read.only !== this.dateOrder) {
          known = { order: null, contrary: v.trim() };
          break;
        }
      }
      if (known.contrary !== null) break;
    }
    this.sheetOrders.set(sheet, known);
    return known;
  }

  /** A text date as `sheet` reads it (the text's readings cached once, whatever the order). */
  private dayText(v: string, sheet: string): DayText | null {
    const cache = this.dayTextCache;
    let read = cache.get(v);
    if (read === undefined) {
      read = readDayText(v, null);
      cache.set(v, read);
    }
    if (read === null || !('twoWays' in read)) return read;
    const order = this.sheetOrder(sheet).order;
    return order === null ? read : { day: read.twoWays[order === 'dmy' ? 0 : 1] };
  }

  /** The issue on a slash date that reads two ways: both readings, and why the order is not known. */
  private twoWaysIssue(code: string, sheet: string, rowIndex: number, column: string, v: CellValue, days: [LocalDate, LocalDate], consequence: MessageKey = 'dates.consequence.leftOut'): void {
    const { contrary } = this.sheetOrder(sheet);
    const params = { dayFirst: days[0], monthFirst: days[1], consequence: msg(this.lang, consequence) };
    if (contrary !== null && this.dateOrder !== null) {
      this.issue(code, sheet, rowIndex, column, v, 'dates.issue.orderConflict', { ...params, example: contrary, order: msg(this.lang, `dates.order.${this.dateOrder}`), locale: this.raw.locale ?? '—' });
    } else this.issue(code, sheet, rowIndex, column, v, 'dates.issue.twoWays', params);
  }

  /** A cell as an issue quotes it: a Date as its day in the sheet's time zone. */
  valueText(v: CellValue): string {
    if (v === null || v === undefined) return '';
    if (Object.prototype.toString.call(v) === '[object Date]') {
      const d = v as Date;
      return isNaN(d.getTime()) ? 'Invalid Date' : this.toDay(d);
    }
    return String(v);
  }

  issue(code: string, sheet: string, rowIndex: number | null, column: string | null, value: CellValue, key: MessageKey, params: Record<string, string | number> = {}): void {
    const valueText = value === null ? null : this.valueText(value);
    this.issues.push({
      code,
      sheet,
      row: rowIndex === null ? null : rowIndex + 1,
      column,
      value: valueText,
      message: msg(this.lang, key, { value: valueText ?? '', column: column ?? '', sheet, ...params }),
    });
  }

  /**
   * A day, or an issue: blank → `missing`, anything else unreadable → bad date (`kept`: an optional cell read as blank).
   * `twoWays`: what the issue on a date that reads two ways says follows (the row left out, unless the caller keeps it).
   */
  day(v: CellValue, sheet: string, rowIndex: number, column: string, blankKey: MessageKey | null, blankCode: string, kept = false, twoWays: MessageKey = 'dates.consequence.leftOut'): LocalDate | null | undefined {
    this.lastTwoWays = null;
    if (isBlank(v)) {
      if (blankKey) this.issue(blankCode, sheet, rowIndex, column, v, blankKey);
      return blankKey ? undefined : null;
    }
    let day: LocalDate | null | undefined;
    if (typeof v === 'string') {
      const read = this.dayText(v, sheet);
      if (read !== null && 'twoWays' in read) {
        // SPEC §10.2: a value that reads two ways is said so, and the payout it affects withheld.
        this.lastTwoWays = read.twoWays;
        this.twoWaysIssue('two_way_date', sheet, rowIndex, column, v, read.twoWays, twoWays);
        return undefined;
      }
      day = read === null ? null : read.day;
    } else {
      day = Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime()) ? this.toDay(v as Date) : null;
    }
    if (day === null) {
      if (kept) this.issue('bad_optional_cell', sheet, rowIndex, column, v, 'workbook.issue.badDateKept');
      else this.issue('bad_date', sheet, rowIndex, column, v, 'workbook.issue.badDate');
      return undefined;
    }
    // SPEC §10.1: a date before 2000 or over a year ahead is a typo (`2062`, `1926`), not a sale.
    if (day < EARLIEST_DAY || (this.latestDay !== null && day > this.latestDay)) {
      this.implausible++;
      this.issue('implausible_date', sheet, rowIndex, column, v, 'reading.issue.implausibleDate', { latest: this.latestDay ?? '—' });
      return undefined;
    }
    return day;
  }

  /** A number, or an issue. Returns undefined on a problem, null for an allowed blank. */
  number(v: CellValue, sheet: string, rowIndex: number, column: string, blankKey: MessageKey | null, blankCode: string, badKey: MessageKey = 'workbook.issue.badNumber', badCode = 'bad_number'): Dec | null | undefined {
    // Real numbers are most cells: decimal.js reads a JS number exactly as it prints (no binary noise).
    if (typeof v === 'number' && Number.isFinite(v)) {
      // Prices and costs repeat across thousands of rows, and a Dec is immutable: share one per
      // distinct number. Zeros apart: a Map key does not tell −0 from 0, and new Dec(v) keeps the sign.
      if (v === 0) return Object.is(v, -0) ? MINUS_ZERO : ZERO;
      let known = this.decOfNumber.get(v);
      if (known === undefined) {
        known = new Dec(v);
        this.decOfNumber.set(v, known);
      }
      return known;
    }
    let parsed: NumberParse | undefined;
    if (typeof v === 'string') {
      // 1C text numbers repeat too, and parsing one is a dozen regular expressions.
      parsed = this.parsedText.get(v);
      if (parsed === undefined) {
        parsed = parseNumber(v, this.numberHint);
        this.parsedText.set(v, parsed);
      }
    } else {
      parsed = parseNumber(v, this.numberHint);
    }
    if (parsed.kind === 'number') return parsed.value;
    if (parsed.kind === 'blank') {
      if (blankKey) {
        this.issue(blankCode, sheet, rowIndex, column, v, blankKey);
        return undefined;
      }
      return null;
    }
    this.issue(badCode, sheet, rowIndex, column, v, badKey);
    return undefined;
  }

  /**
   * a − b, shared by the rows with the same pair of (cached) Decimals: a price list makes the same
   * amount and cost again and again, and each `minus` is two Decimal copies for the collector.
   * One remembered pair per `a` (an amount nearly always comes with the same cost).
   */
  difference(a: Dec, b: Dec): Dec {
    if (!this.lastDifference.enabled) return a.minus(b);
    const last = this.lastDifference.get(a);
    if (last !== undefined && last.b === b) return last.difference;
    const difference = a.minus(b);
    this.lastDifference.set(a, { b, difference });
    return difference;
  }

  /** An amount of money: a number, never a percentage (`12%` in Сумма is a typo, not 0.12). */
  money(v: CellValue, sheet: string, rowIndex: number, column: string, blankKey: MessageKey | null, blankCode: string, kept = false): Dec | null | undefined {
    if (typeof v === 'string' && v.includes('%')) {
      if (kept) this.issue('bad_optional_cell', sheet, rowIndex, column, v, 'workbook.issue.percentMoneyKept');
      else this.issue('bad_number', sheet, rowIndex, column, v, 'workbook.issue.percentMoney');
      return undefined;
    }
    const amount = kept
      ? this.number(v, sheet, rowIndex, column, blankKey, blankCode, 'workbook.issue.badNumberKept', 'bad_optional_cell')
      : this.number(v, sheet, rowIndex, column, blankKey, blankCode);
    // SPEC §10.1: 10¹² or more is no sale anyone makes; 1e300 would otherwise pay 1e299.
    // `e` is the decimal exponent: |x| ≥ 10¹² exactly when e ≥ 12 (no Decimal made per cell).
    if (amount && amount.e >= IMPLAUSIBLE_EXPONENT) {
      this.implausible++;
      this.issue('implausible_amount', sheet, rowIndex, column, v, 'reading.issue.implausibleAmount');
      return undefined;
    }
    return amount;
  }

  /** The manager cell of a Plans or KPI row, as it is; a blank one is an issue naming the cell. */
  managerCell(v: CellValue, sheet: string, rowIndex: number, column: string | null): CellValue {
    if (isBlank(v)) this.issue('missing_manager', sheet, rowIndex, column, v, 'workbook.issue.missingManager');
    return v;
  }

  /** A period: `2026-11`, `2026-Q4`, or a date cell (its month). */
  period(v: CellValue, sheet: string, rowIndex: number, column: string): Period | undefined {
    if (isBlank(v)) {
      this.issue('missing_period', sheet, rowIndex, column, v, 'workbook.issue.missingPeriod');
      return undefined;
    }
    let period: Period | null = null;
    if (Object.prototype.toString.call(v) === '[object Date]') {
      const d = v as Date;
      period = isNaN(d.getTime()) ? null : monthPeriodOf(this.toDay(d));
    } else if (typeof v === 'string') {
      period = parsePeriod(v);
      if (!period) {
        const read = this.dayText(v, sheet);
        if (read !== null && 'twoWays' in read) {
          this.twoWaysIssue('two_way_date', sheet, rowIndex, column, v, read.twoWays);
          return undefined;
        }
        period = read ? monthPeriodOf(read.day) : null;
      }
    }
    if (!period) {
      this.issue('bad_period', sheet, rowIndex, column, v, 'workbook.issue.badPeriod');
      return undefined;
    }
    return period;
  }

  /**
   * A row with a formula that has no saved value in a used column (SPEC §10.1): an issue per such
   * cell, and the row is left out — its figures are not known.
   */
  formulaGap(loc: Located, rowIndex: number): boolean {
    const cols = loc.formulaGaps?.get(rowIndex);
    if (!cols) return false;
    for (const c of cols) this.issue('formula_no_value', loc.sheet.name, rowIndex, loc.cols?.headers[c] ?? null, '', 'reading.issue.formulaNoValue');
    return true;
  }

  /** A sheet-level issue: a required column of an optional sheet is missing. */
  missingColumn(role: SheetRole, sheet: string, cols: ColumnMap | null): boolean {
    for (const spec of ROLE_FIELDS[role]) {
      if (!spec.required || (cols && cols.index[spec.field] !== null)) continue;
      const headers = cols ? cols.headers.filter((h) => h !== '') : [];
      const column = msg(this.lang, `workbook.field.${spec.field}` as MessageKey);
      this.issue('sheet_missing_column', sheet, null, column, null, 'workbook.issue.sheetNoColumn', {
        headers: headers.length ? headers.join(', ') : msg(this.lang, 'workbook.none'),
        column,
      });
      return true;
    }
    return false;
  }
}

/** A located sheet with its header row mapped; data rows start after `headerRow`. */
export interface Located {
  sheet: RawSheet;
  headerRow: number;
  cols: ColumnMap | null;
  /** Row index → the used columns of that row holding a formula with no saved value. */
  formulaGaps?: Map<number, number[]>;
}

export function locate(reader: Reader, role: SheetRole, detected: DetectedMapping): Located | null {
  const { sheet, mappedMissing } = findSheet(reader.raw.sheets, role, reader.raw.mapping);
  if (mappedMissing !== null) {
    reader.issue('mapped_sheet_missing', mappedMissing, null, null, null, 'workbook.mappedSheetMissing', {
      sheet: mappedMissing,
      role: msg(reader.lang, `workbook.role.${role}` as MessageKey),
      sheets: sheetList(reader),
    });
  }
  detected.sheets[role] = sheet ? sheet.name : null;
  if (!sheet) return null;
  return locateSheet(reader, role, sheet, detected);
}

/**
 * One sheet of a role: its header row (any of the first 20 rows), its columns mapped and put in
 * the column report, merged cells spread down their rows, formulas with no saved value noted.
 */
export function locateSheet(reader: Reader, role: SheetRole, rawSheet: RawSheet, detected: DetectedMapping): Located | null {
  const sheet = withMergesSpread(rawSheet);
  const headerRow = findHeaderRow(sheet.values, role);
  if (headerRow < 0) {
    detected.headers[role] = [];
    // An empty optional tab is as good as none; an empty Deals sheet stops the run (readDeals).
    return role === 'deals' ? { sheet, headerRow, cols: null } : null;
  }
  const cols = mapColumns(role, sheet.values[headerRow], reader.raw.mapping?.columns?.[role]);
  detected.headers[role] = cols.headers;
  detected.columns[role] = cols.header;
  const used = reportColumns(reader.columns, role, sheet.name, cols);
  return { sheet, headerRow, cols, formulaGaps: formulaGaps(rawSheet, headerRow, used) };
}

/** `paidDate` → `paid_date`: the column report names fields as SPEC §2's English columns. */
function snakeField(field: string): string {
  return field.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

/** Records which header each field took and which were ignored; returns the used column indexes. */
function reportColumns(report: ColumnReport, role: SheetRole, sheetName: string, cols: ColumnMap): Set<number> {
  const fields: Record<string, string | null> = {};
  const used = new Set<number>();
  for (const spec of ROLE_FIELDS[role]) {
    fields[snakeField(spec.field)] = cols.header[spec.field];
    const i = cols.index[spec.field];
    if (i !== null) used.add(i);
  }
  const ignored: string[] = [];
  for (const k of cols.unmapped) {
    const header = cols.headers[k];
    // Plans: every other column is a planned metric (notes apart).
    const metric = role === 'plans' && !isNoteColumn(header) ? metricOfText(header) : null;
    if (metric) {
      fields[metric] = header;
      used.add(k);
    } else ignored.push(header);
  }
  report.sheets[sheetName] = fields;
  report.ignored[sheetName] = ignored;
  return used;
}

/** A merged area's value counts for every row of it (SPEC §10.1): copied down its first column. */
function withMergesSpread(sheet: RawSheet): RawSheet {
  if (!sheet.merges || sheet.merges.length === 0) return sheet;
  const values = sheet.values.slice();
  for (const m of sheet.merges) {
    const top = values[m.row];
    if (!top || m.rows <= 1) continue;
    const v = top[m.col] ?? '';
    for (let r = m.row + 1; r < m.row + m.rows && r < values.length; r++) {
      const row = values[r].slice();
      if (isBlank(row[m.col])) row[m.col] = v;
      values[r] = row;
    }
  }
  return { ...sheet, values };
}

function formulaGaps(sheet: RawSheet, headerRow: number, used: Set<number>): Map<number, number[]> | undefined {
  if (!sheet.formulasWithoutValue || sheet.formulasWithoutValue.length === 0) return undefined;
  const gaps = new Map<number, number[]>();
  for (const [r, c] of sheet.formulasWithoutValue) {
    if (r <= headerRow || !used.has(c)) continue;
    const list = gaps.get(r) ?? [];
    list.push(c);
    gaps.set(r, list);
  }
  return gaps;
}

export function sheetList(reader: Reader): string {
  const names = reader.raw.sheets.map((s) => `"${s.name}"`);
  return names.length ? names.join(', ') : msg(reader.lang, 'workbook.none');
}

export const cell = (row: readonly CellValue[], i: number | null): CellValue => (i === null ? '' : row[i] ?? '');

/** The deal id as text: numbers as written (`1001`), text trimmed. */
export function idText(v: CellValue): string {
  return typeof v === 'number' ? String(v) : cleanName(v);
}

