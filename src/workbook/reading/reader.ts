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
import { intlLocalDay, monthPeriodOf, parseDay, parsePeriod } from '../../core/periods';
import { msg, type MessageKey } from '../../core/messages';
import type { RawSheet, RawWorkbook, SheetRole } from '../raw';
import type { ColumnMap, DetectedMapping } from '../headers';
import { findHeaderRow, findSheet, mapColumns, ROLE_FIELDS } from '../headers';

const MINUS_ZERO = new Dec(-0);

/**
 * A per-read memo for cells that repeat (a price list's amounts and costs, 1C number texts): it
 * pays while most lookups hit, and switches itself off when they don't, as 100 000 distinct
 * amounts would only fill a big map for the collector.
 */
class RepeatMemo<K, V> {
  private readonly map = new Map<K, V>();
  private lookups = 0;
  private hits = 0;
  private active = true;

  /** Off once lookups mostly miss: callers then skip building what they would store. */
  get enabled(): boolean {
    return this.active;
  }

  get(key: K): V | undefined {
    if (!this.active) return undefined;
    this.lookups++;
    const value = this.map.get(key);
    if (value !== undefined) this.hits++;
    return value;
  }

  set(key: K, value: V): void {
    if (!this.active) return;
    if (this.lookups >= 4096 && this.hits * 2 < this.lookups) {
      this.active = false;
      this.map.clear();
      return;
    }
    this.map.set(key, value);
  }
}

/** Trimmed, inner whitespace (NBSP, thin) collapsed. */
export function cleanName(v: CellValue): string {
  return String(v).replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
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
    const key = clean.toLowerCase().replace(/ё/g, 'е');
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, clean);
    return clean;
  }
}

/** Everything one read shares: language, issues, cached date conversion, name books. */
export class Reader {
  readonly issues: Issue[] = [];
  readonly managers = new NameBook();
  readonly clients = new NameBook();
  private readonly dayCache = new Map<number, LocalDate>();
  private readonly dayTextCache = new Map<string, LocalDate | null>();
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

  constructor(readonly raw: RawWorkbook, readonly lang: Lang) {
    this.numberHint = { lang };
    this.toLocalDay = raw.toLocalDay ?? intlLocalDay(raw.timeZone || 'UTC');
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

  /** A day, or an issue: blank → `missing`, anything else unreadable → bad date (`kept`: an optional cell read as blank). */
  day(v: CellValue, sheet: string, rowIndex: number, column: string, blankKey: MessageKey | null, blankCode: string, kept = false): LocalDate | null | undefined {
    if (isBlank(v)) {
      if (blankKey) this.issue(blankCode, sheet, rowIndex, column, v, blankKey);
      return blankKey ? undefined : null;
    }
    let day: LocalDate | null | undefined;
    if (typeof v === 'string') {
      day = this.dayTextCache.get(v);
      if (day === undefined) {
        day = parseDay(v, this.toDay);
        this.dayTextCache.set(v, day);
      }
    } else {
      day = parseDay(v, this.toDay);
    }
    if (day === null) {
      if (kept) this.issue('bad_optional_cell', sheet, rowIndex, column, v, 'workbook.issue.badDateKept');
      else this.issue('bad_date', sheet, rowIndex, column, v, 'workbook.issue.badDate');
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
    if (kept) return this.number(v, sheet, rowIndex, column, blankKey, blankCode, 'workbook.issue.badNumberKept', 'bad_optional_cell');
    return this.number(v, sheet, rowIndex, column, blankKey, blankCode);
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
        const day = parseDay(v, this.toDay);
        period = day ? monthPeriodOf(day) : null;
      }
    }
    if (!period) {
      this.issue('bad_period', sheet, rowIndex, column, v, 'workbook.issue.badPeriod');
      return undefined;
    }
    return period;
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
}

export function locate(reader: Reader, role: SheetRole, detected: DetectedMapping): Located | null {
  const { sheet, mappedMissing } = findSheet(reader.raw.sheets, role, reader.raw.mapping);
  if (mappedMissing !== null && role === 'deals') {
    throw new KpiUserError(msg(reader.lang, 'workbook.mappedSheetMissing', {
      sheet: mappedMissing,
      role: msg(reader.lang, 'workbook.role.deals'),
      sheets: sheetList(reader),
    }));
  }
  if (mappedMissing !== null) {
    reader.issue('mapped_sheet_missing', mappedMissing, null, null, null, 'workbook.mappedSheetMissing', {
      sheet: mappedMissing,
      role: msg(reader.lang, `workbook.role.${role}` as MessageKey),
      sheets: sheetList(reader),
    });
  }
  detected.sheets[role] = sheet ? sheet.name : null;
  if (!sheet) return null;
  const headerRow = findHeaderRow(sheet.values, role);
  if (headerRow < 0) {
    detected.headers[role] = [];
    // An empty optional tab is as good as none; an empty Deals sheet stops the run (readDeals).
    return role === 'deals' ? { sheet, headerRow, cols: null } : null;
  }
  const cols = mapColumns(role, sheet.values[headerRow], reader.raw.mapping?.columns?.[role]);
  detected.headers[role] = cols.headers;
  detected.columns[role] = cols.header;
  return { sheet, headerRow, cols };
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

