/**
 * An in-memory fake of the Apps Script services KPI Payouts uses (SpreadsheetApp, HtmlService,
 * LockService, PropertiesService, Session, Utilities, ScriptApp, Charts, Logger), strict where
 * Sheets is: one-based indexes, out-of-range ranges throw, setValues checks the 2-D shape, strings
 * starting with `=` (and `+`/`-`/`@` text that is not a number) become formulas unless
 * apostrophe-prefixed, and unprefixed strings Sheets would convert do convert (numbers, `3%`,
 * `TRUE`, dates and times → Date; see sheetsConversion); insertRowsAfter/deleteRows shift values,
 * formulas, links and formats as Sheets does. Every service call is counted
 * (`io.calls[method]`, `io.total`) so tests can assert bounded I/O.
 *
 * Usage:
 *   const ss = fakeSpreadsheet({ sheets: { Deals: [[...header], [...row]] }, timeZone: 'Europe/Moscow', locale: 'ru_RU' });
 *   const g = appsScriptGlobals(ss);          // pass to loadBundle(g)
 *   ss.io.calls.setValues; ss.io.total; ss.io.reset();
 *   ss._sheet('Deals')!._values()             // uncounted inspection
 *   ss.io.failOn('setValues', 2)              // the 2nd setValues call throws
 *
 * Values the bundle writes come from the vm realm: dates are recognised with
 * Object.prototype.toString, never instanceof; getValues returns Dates of this (outer) realm.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FakeMailApp } from './fakeMailApp';

export type FakeCellValue = string | number | boolean | Date;

/** Methods that change a spreadsheet: a read-only run must call none of them. */
export const WRITE_METHODS = new Set([
  'insertSheet', 'deleteSheet', 'setName', 'setValues', 'setValue', 'setFormula', 'setFormulas',
  'setNumberFormat', 'setNumberFormats', 'setFontWeight', 'setFontWeights', 'setBackground',
  'setBackgrounds', 'setRichTextValue', 'setRichTextValues', 'setFrozenRows', 'setFrozenColumns',
  'setColumnWidth', 'setColumnWidths', 'insertChart', 'removeChart', 'updateChart',
  'addDeveloperMetadata', 'remove', 'clear', 'clearContents', 'clearFormats', 'hideSheet',
  'showSheet', 'insertRowsAfter', 'insertRowsBefore', 'insertColumnsAfter', 'deleteRows', 'deleteColumns',
  'setProperty', 'setProperties', 'deleteProperty', 'setActiveSheet', 'activate', 'moveActiveSheet',
  'protect', 'setWarningOnly', 'setDescription', 'merge', 'setWrap', 'setWraps', 'setVerticalAlignment',
]);

/** Builder and UI calls: in-memory in Apps Script, not spreadsheet I/O. */
export const NON_IO_METHODS = new Set([
  'setText', 'setLinkUrl', 'build', 'addRange', 'setChartType', 'setPosition', 'setOption',
  'newRichTextValue', 'newChart', 'withKey', 'withValue', 'find', 'getKey', 'getValue', 'getId',
  'getLocation', 'getSheet', 'toast', 'getUi', 'getActive', 'getActiveSpreadsheet', 'formatDate',
]);

export class IoLog {
  calls: Record<string, number> = {};
  total = 0;
  private faults: { method: string; nth: number; message: string }[] = [];
  /** The `total` at which the next call throws (failAtCall), or null. */
  private faultAtTotal: number | null = null;
  private faultAtMessage = '';

  /**
   * The execution clock: simulated milliseconds spent in service calls so far. Apps Script stops an
   * execution after 6 minutes ("Exceeded maximum execution time", APPS_SCRIPT_NOTES: Limits); real
   * calls take tens of milliseconds each, so a test sets `latencyMs` and hands the bundle a `Date`
   * reading this clock (clockDate) to check a time budget without waiting.
   */
  elapsedMs = 0;
  /** Simulated cost of one counted call, in ms (0 = the clock stands still). */
  latencyMs = 0;
  /** When set, an execution past this many simulated ms throws on its next call, as Apps Script kills it. */
  killAfterMs: number | null = null;

  /** Every counted call in order, while `trace()` is on (null: off). */
  sequence: string[] | null = null;

  /** Starts recording the order of calls afresh in `sequence` (for "no read between writes" checks). */
  trace(): string[] {
    this.sequence = [];
    return this.sequence;
  }

  count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    this.total += 1;
    this.elapsedMs += this.latencyMs;
    this.sequence?.push(method);
    if (this.killAfterMs !== null && this.elapsedMs > this.killAfterMs) {
      throw new Error('Exceeded maximum execution time');
    }
    if (this.faultAtTotal === this.total) {
      this.faultAtTotal = null;
      throw new Error(this.faultAtMessage);
    }
    const fault = this.faults.find((f) => f.method === method && f.nth === this.calls[method]);
    if (fault) throw new Error(fault.message);
  }

  /** The nth call (1-based, counted from now on including earlier calls) of `method` throws. */
  failOn(method: string, nth: number, message = `Service error: ${method} failed (injected)`): void {
    this.faults.push({ method, nth: (this.calls[method] ?? 0) + nth, message });
  }

  /**
   * The k-th counted call from now (1-based), whatever its method, throws once — a service error
   * at any point of an execution (Sheets' "Service Spreadsheets failed while accessing document").
   */
  failAtCall(k: number, message = `Service Spreadsheets failed while accessing document (injected at call ${k})`): void {
    this.faultAtTotal = this.total + k;
    this.faultAtMessage = message;
  }

  reset(): void {
    this.calls = {};
    this.total = 0;
    this.faults = [];
    this.faultAtTotal = null;
  }

  /** Calls of write methods so far, e.g. `{ setValues: 3 }`. */
  writes(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.calls).filter(([m]) => WRITE_METHODS.has(m)));
  }

  /** Calls that are spreadsheet I/O (everything but builders, toasts, formatDate). */
  ioTotal(): number {
    return Object.entries(this.calls)
      .filter(([m]) => !NON_IO_METHODS.has(m))
      .reduce((s, [, n]) => s + n, 0);
  }
}

/** Wraps an object so every public method call (name not starting with `_`) is counted. */
function counted<T extends object>(target: T, io: IoLog): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        io.count(prop);
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Sheets' limits the fake enforces, each with its source. */
export const SHEETS_LIMITS = {
  /** "Your input contains more than the maximum of 50000 characters in a single cell" (APPS_SCRIPT_NOTES: Limits; counted in UTF-16 units, JS `.length`). */
  cellChars: 50_000,
  /** "A spreadsheet holds at most 10 million cells" (APPS_SCRIPT_NOTES: Spreadsheet I/O; Google's "Files you can store in Google Drive"). */
  cells: 10_000_000,
  /** "a tab name at most 100 characters", UTF-16 units (APPS_SCRIPT_NOTES: Limits). */
  sheetName: 100,
} as const;

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of instant `t` in `timeZone` as UTC fields (test-side only: the bundle never uses Intl for dates). */
function wallClock(t: number, timeZone: string): number {
  let fmt = zoneFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', era: 'short',
    });
    zoneFormats.set(timeZone, fmt);
  }
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(new Date(t))) p[part.type] = part.value;
  let year = Number(p.year);
  if (p.era && /^B/i.test(p.era)) year = 1 - year;
  const ms = ((t % 1000) + 1000) % 1000;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), ms);
  return d.getTime();
}

/** Milliseconds `timeZone`'s clock is ahead of UTC at instant t. */
export function zoneOffsetMs(t: number, timeZone: string): number {
  return wallClock(t, timeZone) - t;
}

/**
 * The instant whose wall clock in `timeZone` reads `wall` (ms of UTC fields). A wall time in a
 * daylight-saving gap (Santiago's midnight on its spring-forward day) does not exist: like
 * java.time, which Sheets runs on, it moves forward by the gap (00:00 → 01:00).
 */
export function zonedInstant(wall: number, timeZone: string): number {
  const hour = 3_600_000;
  const offsets = new Set([zoneOffsetMs(wall - 14 * hour, timeZone), zoneOffsetMs(wall, timeZone), zoneOffsetMs(wall + 14 * hour, timeZone)]);
  const exact = [...offsets].map((o) => wall - o).filter((t) => wallClock(t, timeZone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  return wall - zoneOffsetMs(wall - 14 * hour, timeZone); // in the gap: the offset before it
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** What getValues returns for a date/time-formatted number: the serial's wall time in the spreadsheet's zone. */
export function serialToDate(serial: number, timeZone: string): Date {
  return new Date(zonedInstant(SERIAL_EPOCH + Math.round(serial * DAY_MS), timeZone));
}

/** The serial day number Sheets stores for a Date written into a spreadsheet in `timeZone`. */
export function dateToSerial(d: Date, timeZone: string): number {
  return (wallClock(d.getTime(), timeZone) - SERIAL_EPOCH) / DAY_MS;
}

/** Whether a number format shows a date or time (`dd.mm.yyyy`, `yyyy-mm-dd`, `h:mm`), quoted text and `[…]` not counted. */
export function isDateFormat(format: string): boolean {
  const bare = String(format).replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function copyValue(v: unknown): unknown {
  return isDate(v) ? new Date(v.getTime()) : v;
}

export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${colLetter(col)}${row}`;
  return rows === 1 && cols === 1 ? start : `${start}:${colLetter(col + cols - 1)}${row + rows - 1}`;
}

/** `A1`, `B2:D9`, `'Sheet 1'!A1:B2` → { row, col, rows, cols } (1-based). */
function parseA1(text: string): { sheet: string | null; row: number; col: number; rows: number; cols: number } {
  let rest = text;
  let sheet: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    rest = text.slice(bang + 1);
  }
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(rest.trim());
  if (!m) throw new Error(`Range not found`);
  const r1 = Number(m[2]);
  const c1 = colNumber(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { sheet, row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

interface RectOp<T> {
  row: number;
  col: number;
  rows: number;
  cols: number;
  value: T;
  /** Write order (later wins over a cell-by-cell setter); absent = before any. */
  seq?: number;
}

let writeSeq = 1;

interface CellOp<T> {
  value: T;
  seq: number;
}

/** The latest of a rectangle op and a cell-by-cell op at one cell. */
function latest<T>(ops: RectOp<T>[], cells: Map<string, CellOp<T>>, row: number, col: number): T | undefined {
  let op: RectOp<T> | undefined;
  for (let i = ops.length - 1; i >= 0; i--) {
    const o = ops[i];
    if (row >= o.row && row < o.row + o.rows && col >= o.col && col < o.col + o.cols) {
      op = o;
      break;
    }
  }
  const cell = cells.get(`${row},${col}`);
  if (cell && (!op || cell.seq > (op.seq ?? 0))) return cell.value;
  return op?.value;
}

function lookupOp<T>(ops: RectOp<T>[], row: number, col: number): T | undefined {
  for (let i = ops.length - 1; i >= 0; i--) {
    const o = ops[i];
    if (row >= o.row && row < o.row + o.rows && col >= o.col && col < o.col + o.cols) return o.value;
  }
  return undefined;
}

const NUMBER_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A number as Sheets reads typed text in `locale`: plain decimals everywhere, `1 250,50` (ru), `1,250.50` (en). */
function numberOfText(t: string, locale: string): number | null {
  if (NUMBER_TEXT.test(t)) return Number(t);
  const s = t.trim();
  if (/^ru/i.test(locale)) {
    if (/^[-+]?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)(,\d+)?$/.test(s)) return Number(s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  } else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

function dayDate(y: number, m: number, d: number, timeZone: string): Date | null {
  const year = y < 100 ? (y < 30 ? 2000 + y : 1900 + y) : y;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const utc = new Date(Date.UTC(year, m - 1, d));
  if (utc.getUTCDate() !== d) return null;
  return new Date(zonedInstant(utc.getTime(), timeZone)); // a date cell is midnight in the spreadsheet's zone
}

/**
 * What Sheets makes of a string written by setValues without a leading apostrophe, beyond formulas:
 * a percent (`3%` → 0.03), a number (`00123` → 123, `1 250,50` in ru), a date (`22.11.2026`,
 * `2026-11-22`, `1/2` → a Date at midnight in the spreadsheet's zone; slash dates month-first in
 * en_US, day-first elsewhere), a time (`1:30`, `10:50` → a Date on 1899-12-30 at that wall time in
 * the zone, as getValues returns times) or a boolean (`TRUE`, `ложь` in ru). Null: the text stays text.
 */
export function sheetsConversion(v: string, locale: string, timeZone = 'UTC'): number | boolean | Date | null {
  const t = v.trim();
  if (t === '') return null;
  const pct = /^(.*\d)\s*%$/.exec(t);
  if (pct) {
    const n = numberOfText(pct[1], locale);
    if (n !== null) return n / 100;
  }
  const n = numberOfText(t, locale);
  if (n !== null) return n;
  let m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/.exec(t);
  if (m) {
    let h = Number(m[1]);
    if (m[4]) h = (h % 12) + (/p/i.test(m[4]) ? 12 : 0);
    if (h < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60) {
      return serialToDate((h * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400, timeZone);
    }
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return dayDate(Number(m[1]), Number(m[2]), Number(m[3]), timeZone);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (m) return dayDate(Number(m[3]), Number(m[2]), Number(m[1]), timeZone);
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const year = m[3] ? Number(m[3]) : new Date().getUTCFullYear();
    return monthFirst(locale) ? dayDate(year, Number(m[1]), Number(m[2]), timeZone) : dayDate(year, Number(m[2]), Number(m[1]), timeZone);
  }
  const ru = /^ru/i.test(locale);
  if (/^(true|false)$/i.test(t) || (ru && /^(истина|ложь)$/i.test(t))) return /^(true|истина)$/i.test(t);
  return null;
}

/** Locales that read `1/2/2026` month first (en_US and its neighbours); others day first. */
export function monthFirst(locale: string): boolean {
  return /^en[_-](US|PH)$|^en$/i.test(locale);
}

export class FakeRichTextValue {
  constructor(
    private readonly text: string,
    private readonly url: string | null,
  ) {}
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.url;
  }
}

class FakeRichTextBuilder {
  private text = '';
  private url: string | null = null;
  constructor(private readonly io: IoLog) {}
  setText(text: string) {
    this.text = String(text);
    return this._self();
  }
  setLinkUrl(...args: unknown[]) {
    // setLinkUrl(url) or setLinkUrl(start, end, url); we keep one link per cell
    this.url = String(args.length === 1 ? args[0] : args[2]);
    return this._self();
  }
  build() {
    return new FakeRichTextValue(this.text, this.url);
  }
  _proxy: FakeRichTextBuilder | null = null;
  _self(): FakeRichTextBuilder {
    return this._proxy ?? this;
  }
}

let metadataIds = 1;

export class FakeDeveloperMetadata {
  readonly _id = metadataIds++;
  constructor(
    readonly _sheet: FakeSheet | null,
    readonly _key: string,
    public _value: string | null,
    readonly _io: IoLog,
  ) {}
  getId() {
    return this._id;
  }
  getKey() {
    return this._key;
  }
  getValue() {
    return this._value;
  }
  setValue(v: string) {
    this._value = String(v);
    return this;
  }
  getVisibility() {
    return 'DOCUMENT';
  }
  getLocation() {
    const sheet = this._sheet;
    return counted(
      {
        getLocationType: () => (sheet ? 'SHEET' : 'SPREADSHEET'),
        getSheet: () => (sheet ? sheet._proxy : null),
        getSpreadsheet: () => (sheet ? null : undefined),
      },
      this._io,
    );
  }
  remove() {
    if (this._sheet) this._sheet._metadata = this._sheet._metadata.filter((m) => m !== this);
  }
}

export class FakeChart {
  constructor(
    readonly _type: string,
    readonly _ranges: string[],
    readonly _position: { row: number; col: number; offsetX: number; offsetY: number },
    readonly _options: Record<string, unknown>,
  ) {}
  getRanges() {
    return this._ranges;
  }
  getOptions() {
    return { get: (k: string) => this._options[k] };
  }
  getChartId() {
    return 1;
  }
}

/**
 * The chart options the add-on may set, as Sheets' embedded charts honour them (Google
 * Visualization option names). Strict where Sheets is silent: an option Sheets ignores would pass
 * unnoticed in Sheets, so the fake throws — `vAxis.title` is dropped on embedded charts (axis
 * titles go in `vAxes: {0: {title}}`), an unknown series key or type is a typo.
 */
const CHART_OPTIONS = new Set(['title', 'series', 'seriesType', 'vAxes', 'hAxis', 'legend', 'colors', 'width', 'height', 'useFirstColumnAsDomain', 'animation.duration']);
const SERIES_KEYS = new Set(['labelInLegend', 'targetAxisIndex', 'type', 'color', 'lineWidth', 'pointSize', 'visibleInLegend']);
const SERIES_TYPES = new Set(['line', 'bars', 'area', 'steppedArea', 'candlesticks']);
const AXIS_KEYS = new Set(['title', 'format', 'minValue', 'maxValue', 'viewWindow', 'gridlines', 'textStyle', 'titleTextStyle']);

function checkChartOption(key: string, value: unknown): void {
  const fail = (why: string) => { throw new Error(`setOption('${key}'): ${why} (fake restriction: Sheets would ignore it)`); };
  if (!CHART_OPTIONS.has(key)) fail('not an option of embedded charts');
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (key === 'seriesType' && !SERIES_TYPES.has(String(value))) fail(`unknown series type ${String(value)}`);
  if (key === 'series' || key === 'vAxes') {
    if (!isObject(value)) fail('expects an object keyed by index');
    for (const [index, entry] of Object.entries(value as Record<string, unknown>)) {
      if (!/^\d+$/.test(index)) fail(`key ${index} is not an index`);
      if (!isObject(entry)) fail(`entry ${index} is not an object`);
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
        if (!(key === 'series' ? SERIES_KEYS : AXIS_KEYS).has(k)) fail(`${index}.${k} is unknown`);
        if (k === 'type' && !SERIES_TYPES.has(String(v))) fail(`${index}.type ${String(v)} is unknown`);
        if (k === 'targetAxisIndex' && v !== 0 && v !== 1) fail(`${index}.targetAxisIndex must be 0 or 1`);
        if (k === 'title' && typeof v !== 'string') fail(`${index}.title must be text`);
      }
      if (key === 'vAxes' && Number(index) > 1) fail('a chart has two vertical axes, 0 and 1');
    }
  }
}

class FakeChartBuilder {
  _type = 'COLUMN';
  _ranges: string[] = [];
  _position = { row: 1, col: 1, offsetX: 0, offsetY: 0 };
  _options: Record<string, unknown> = {};
  _proxy: FakeChartBuilder | null = null;
  constructor(private readonly sheet: FakeSheet) {}
  addRange(range: FakeRange) {
    const r = range as unknown as { _sheet: FakeSheet; _row: number; _col: number; _rows: number; _cols: number };
    if (r._sheet !== this.sheet) throw new Error('Chart ranges must be on the chart\'s sheet (fake restriction)');
    this._ranges.push(a1(r._row, r._col, r._rows, r._cols));
    return this._proxy!;
  }
  setChartType(type: string) {
    this._type = String(type);
    return this._proxy!;
  }
  asColumnChart() {
    this._type = 'COLUMN';
    return this._proxy!;
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number) {
    this.sheet._checkRange(row, col, 1, 1);
    this._position = { row, col, offsetX, offsetY };
    return this._proxy!;
  }
  setOption(key: string, value: unknown) {
    checkChartOption(key, value);
    this._options[key] = JSON.parse(JSON.stringify(value ?? null));
    return this._proxy!;
  }
  setNumHeaders(n: number) {
    this._options.numHeaders = n;
    return this._proxy!;
  }
  build() {
    if (this._ranges.length === 0) throw new Error('A chart needs at least one range');
    return new FakeChart(this._type, [...this._ranges], { ...this._position }, { ...this._options });
  }
}

let sheetIds = 1000;


export class FakeSheet {
  _name: string;
  readonly _id = sheetIds++;
  _values: FakeCellValue[][] = []; // dense up to the used extent; '' = blank
  _formulas = new Map<string, string>(); // "r,c" (1-based) → formula
  _links = new Map<string, string>(); // "r,c" → rich-text link url
  _formats: RectOp<string>[] = [];
  _weights: RectOp<string>[] = [];
  /** setNumberFormats / setFontWeights, cell by cell ("r,c" → value): a whole tab's grid in one call. */
  _cellFormats = new Map<string, CellOp<string>>();
  _cellWeights = new Map<string, CellOp<string>>();
  _backgrounds: RectOp<string>[] = [];
  _wraps: RectOp<string>[] = [];
  _valigns: RectOp<string>[] = [];
  _frozenRows = 0;
  _frozenColumns = 0;
  _columnWidths = new Map<number, number>();
  _charts: FakeChart[] = [];
  _metadata: FakeDeveloperMetadata[] = [];
  _hidden = false;
  _protections: FakeProtection[] = [];
  /** Merged areas, 1-based. */
  _merges: { row: number; col: number; rows: number; cols: number }[] = [];
  _maxRows: number;
  _maxCols: number;
  _proxy!: FakeSheet;

  constructor(
    readonly _ss: FakeSpreadsheet,
    name: string,
    readonly _io: IoLog,
    rows = 1000,
    cols = 26,
  ) {
    this._name = name;
    this._maxRows = rows;
    this._maxCols = cols;
  }

  // ---- uncounted helpers for tests ----
  /** Values as getValues would return them over the used extent ([] when empty). */
  _dump(): FakeCellValue[][] {
    const rows = this._lastRow();
    const cols = this._lastCol();
    const out: FakeCellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: FakeCellValue[] = [];
      for (let c = 1; c <= cols; c++) line.push(this._get(r, c));
      out.push(line);
    }
    return out;
  }
  _get(row: number, col: number): FakeCellValue {
    const f = this._formulas.get(`${row},${col}`);
    if (f !== undefined) return `#FORMULA ${f}`;
    const v = this._values[row - 1]?.[col - 1];
    if (v === undefined) return '';
    // a number in a date- or time-formatted cell is a serial day number: getValues gives a Date, the
    // serial's wall time in the spreadsheet's zone (Range.getValues: "Date" for date-formatted cells)
    if (typeof v === 'number' && isDateFormat(this._numberFormatAt(row, col))) return serialToDate(v, this._ss._timeZone);
    return copyValue(v) as FakeCellValue;
  }
  _lastRow(): number {
    for (let r = this._values.length; r >= 1; r--) if (this._values[r - 1]?.some((v) => v !== '')) return r;
    let max = 0;
    for (const k of this._formulas.keys()) max = Math.max(max, Number(k.split(',')[0]));
    return max;
  }
  _lastCol(): number {
    let max = 0;
    for (const row of this._values) for (let c = row.length; c > max; c--) if (row[c - 1] !== '') { max = c; break; }
    for (const k of this._formulas.keys()) max = Math.max(max, Number(k.split(',')[1]));
    return max;
  }
  _numberFormatAt(row: number, col: number): string {
    return latest(this._formats, this._cellFormats, row, col) ?? 'General';
  }
  _fontWeightAt(row: number, col: number): string {
    return latest(this._weights, this._cellWeights, row, col) ?? 'normal';
  }
  _linkAt(row: number, col: number): string | null {
    return this._links.get(`${row},${col}`) ?? null;
  }
  _checkRange(row: number, col: number, rows: number, cols: number): void {
    for (const [n, what] of [[row, 'row'], [col, 'column']] as const) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`Exception: The starting ${what} of the range is too small.`);
    }
    if (!Number.isInteger(rows) || rows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (!Number.isInteger(cols) || cols < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
    if (row + rows - 1 > this._maxRows || col + cols - 1 > this._maxCols) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  _set(row: number, col: number, v: FakeCellValue): void {
    while (this._values.length < row) this._values.push([]);
    const line = this._values[row - 1];
    while (line.length < col) line.push('');
    line[col - 1] = v;
  }
  _range(row: number, col: number, rows: number, cols: number): FakeRange {
    this._checkRange(row, col, rows, cols);
    const r = new FakeRange(this, row, col, rows, cols);
    return counted(r, this._io);
  }

  // ---- the Sheet API ----
  getName() {
    return this._name;
  }
  setName(name: string) {
    this._ss._checkName(name, this);
    this._name = name;
    return this._proxy;
  }
  getSheetId() {
    return this._id;
  }
  getIndex() {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getParent() {
    return this._ss._proxy;
  }
  getRange(...args: unknown[]): FakeRange {
    if (typeof args[0] === 'string') {
      const p = parseA1(args[0]);
      return this._range(p.row, p.col, p.rows, p.cols);
    }
    const [row, col, rows = 1, cols = 1] = args as number[];
    return this._range(row, col, rows, cols);
  }
  getRangeList(a1s: string[]) {
    const ranges = a1s.map((s) => {
      const p = parseA1(s);
      this._checkRange(p.row, p.col, p.rows, p.cols);
      return new FakeRange(this, p.row, p.col, p.rows, p.cols);
    });
    const io = this._io;
    const list = {
      getRanges: () => ranges.map((r) => counted(r, io)),
      setNumberFormat: (f: string) => (ranges.forEach((r) => r.setNumberFormat(f)), proxy),
      setFontWeight: (w: string) => (ranges.forEach((r) => r.setFontWeight(w)), proxy),
      setBackground: (c: string) => (ranges.forEach((r) => r.setBackground(c)), proxy),
      setWrap: (on: boolean) => (ranges.forEach((r) => r.setWrap(on)), proxy),
      setVerticalAlignment: (a: string) => (ranges.forEach((r) => r.setVerticalAlignment(a)), proxy),
      clear: () => (ranges.forEach((r) => r.clear()), proxy),
    };
    const proxy = counted(list, io);
    return proxy;
  }
  getDataRange() {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastCol()));
  }
  getLastRow() {
    return this._lastRow();
  }
  getLastColumn() {
    return this._lastCol();
  }
  getMaxRows() {
    return this._maxRows;
  }
  getMaxColumns() {
    return this._maxCols;
  }
  /** Moves formulas, links and format rectangles of the rows below `at` by `by` (rows in [at, at - by) go when by < 0). */
  _shiftRows(at: number, by: number): void {
    const moveKeys = <T>(map: Map<string, T>) => {
      const entries = [...map.entries()];
      map.clear();
      for (const [key, v] of entries) {
        const [r, c] = key.split(',').map(Number);
        if (r < at) map.set(key, v);
        else if (by > 0 || r >= at - by) map.set(`${r + by},${c}`, v);
      }
    };
    moveKeys(this._formulas);
    moveKeys(this._links);
    moveKeys(this._cellFormats);
    moveKeys(this._cellWeights);
    const moveOps = (ops: RectOp<string>[]) =>
      ops.flatMap((o) => {
        const end = o.row + o.rows; // exclusive
        if (end <= at) return [o];
        if (by > 0) return [o.row >= at ? { ...o, row: o.row + by } : { ...o, rows: o.rows + by }];
        const gone = Math.max(0, Math.min(end, at - by) - Math.max(o.row, at));
        const rows = o.rows - gone;
        if (rows <= 0) return [];
        return [{ ...o, row: o.row >= at ? Math.max(at, o.row + by) : o.row, rows }];
      });
    this._formats = moveOps(this._formats);
    this._weights = moveOps(this._weights);
    this._backgrounds = moveOps(this._backgrounds);
    this._wraps = moveOps(this._wraps);
    this._valigns = moveOps(this._valigns);
  }
  insertRowsAfter(after: number, howMany: number) {
    if (!Number.isInteger(after) || !Number.isInteger(howMany) || after < 1 || after > this._maxRows || howMany < 1) {
      throw new Error('Exception: Those rows are out of bounds.');
    }
    this._ss._checkCells(howMany * this._maxCols);
    if (after < this._values.length) this._values.splice(after, 0, ...Array.from({ length: howMany }, () => []));
    this._shiftRows(after + 1, howMany);
    this._maxRows += howMany;
    return this._proxy;
  }
  insertRowsBefore(before: number, howMany: number) {
    if (!Number.isInteger(before) || !Number.isInteger(howMany) || before < 1 || before > this._maxRows || howMany < 1) {
      throw new Error('Exception: Those rows are out of bounds.');
    }
    this._ss._checkCells(howMany * this._maxCols);
    if (before <= this._values.length) this._values.splice(before - 1, 0, ...Array.from({ length: howMany }, () => []));
    this._shiftRows(before, howMany);
    this._maxRows += howMany;
    return this._proxy;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after < 1 || after > this._maxCols || howMany < 1) throw new Error('Exception: Those columns are out of bounds.');
    this._ss._checkCells(howMany * this._maxRows);
    for (const line of this._values) if (after < line.length) line.splice(after, 0, ...Array(howMany).fill(''));
    this._maxCols += howMany;
    return this._proxy;
  }
  deleteRows(start: number, howMany: number) {
    if (!Number.isInteger(start) || !Number.isInteger(howMany) || start < 1 || howMany < 1 || start + howMany - 1 > this._maxRows) {
      throw new Error('Exception: Those rows are out of bounds.');
    }
    if (howMany >= this._maxRows) throw new Error('Exception: You can\'t delete all the rows on the sheet.');
    if (howMany >= this._maxRows - this._frozenRows) throw new Error('Exception: You can\'t delete all the non-frozen rows on the sheet.');
    this._values.splice(start - 1, howMany);
    this._shiftRows(start, -howMany);
    this._maxRows -= howMany;
    return this._proxy;
  }
  deleteColumns(start: number, howMany: number) {
    if (start < 1 || howMany < 1 || start + howMany - 1 > this._maxCols) throw new Error('Exception: Those columns are out of bounds.');
    if (howMany >= this._maxCols) throw new Error('Exception: You can\'t delete all the columns on the sheet.');
    for (const line of this._values) line.splice(start - 1, howMany);
    this._maxCols -= howMany;
    return this._proxy;
  }
  setFrozenRows(n: number) {
    if (n < 0 || n > this._maxRows) throw new Error('Exception: frozen rows out of bounds');
    this._frozenRows = n;
    return this._proxy;
  }
  getFrozenRows() {
    return this._frozenRows;
  }
  setFrozenColumns(n: number) {
    this._frozenColumns = n;
    return this._proxy;
  }
  setColumnWidth(col: number, width: number) {
    this._checkRange(1, col, 1, 1);
    this._columnWidths.set(col, width);
    return this._proxy;
  }
  setColumnWidths(start: number, howMany: number, width: number) {
    this._checkRange(1, start, 1, howMany);
    for (let c = start; c < start + howMany; c++) this._columnWidths.set(c, width);
    return this._proxy;
  }
  getColumnWidth(col: number) {
    return this._columnWidths.get(col) ?? 100;
  }
  newChart() {
    const b = new FakeChartBuilder(this);
    b._proxy = counted(b, this._io);
    return b._proxy;
  }
  insertChart(chart: FakeChart) {
    this._charts.push(chart);
  }
  getCharts() {
    return [...this._charts];
  }
  removeChart(chart: FakeChart) {
    this._charts = this._charts.filter((c) => c !== chart);
  }
  addDeveloperMetadata(key: string, value?: string) {
    this._metadata.push(new FakeDeveloperMetadata(this, key, value ?? null, this._io));
    return this._proxy;
  }
  getDeveloperMetadata() {
    return this._metadata.map((m) => counted(m, this._io));
  }
  clear() {
    this._values = [];
    this._formulas.clear();
    this._links.clear();
    this._formats = [];
    this._weights = [];
    this._cellFormats.clear();
    this._cellWeights.clear();
    this._backgrounds = [];
    this._wraps = [];
    this._valigns = [];
    return this._proxy;
  }
  clearContents() {
    this._values = [];
    this._formulas.clear();
    this._links.clear();
    return this._proxy;
  }
  hideSheet() {
    if (!this._hidden && this._ss._sheets.filter((x) => !x._hidden).length === 1) throw new Error("Exception: You can't hide all the sheets in a document.");
    this._hidden = true;
    if (this._ss._active === this) this._ss._active = this._ss._sheets.find((x) => !x._hidden) ?? null;
    return this._proxy;
  }
  showSheet() {
    this._hidden = false;
    return this._proxy;
  }
  isSheetHidden() {
    return this._hidden;
  }
  activate() {
    this._ss._active = this;
    return this._proxy;
  }
  /** Sheet.protect(): a sheet-wide protection (APPS_SCRIPT_NOTES: `protect().setWarningOnly(true)` warns editors). */
  protect() {
    const p = new FakeProtection(this);
    this._protections.push(p);
    return counted(p, this._io);
  }
  getProtections(_type?: unknown) {
    return this._protections.map((p) => counted(p, this._io));
  }
}

export class FakeProtection {
  _description = '';
  _warningOnly = false;
  constructor(readonly _sheet: FakeSheet) {}
  setWarningOnly(on: boolean) {
    this._warningOnly = Boolean(on);
    return this;
  }
  isWarningOnly() {
    return this._warningOnly;
  }
  setDescription(d: string) {
    this._description = String(d);
    return this;
  }
  getDescription() {
    return this._description;
  }
  canEdit() {
    return true;
  }
  remove() {
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
}

export class FakeRange {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _rows: number,
    readonly _cols: number,
  ) {}
  _sheetRef() {
    return this._sheet;
  }
  private _shape<T>(data: T[][], what: string): void {
    if (!Array.isArray(data)) throw new Error(`Exception: The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`);
    if (data.length !== this._rows) {
      throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._rows}.`);
    }
    for (const line of data) {
      if (!Array.isArray(line)) throw new Error(`Exception: The parameters don't match the method signature for SpreadsheetApp.Range.${what}.`);
      if (line.length !== this._cols) {
        throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this._cols}.`);
      }
    }
  }
  private _each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this._rows; i++) for (let j = 0; j < this._cols; j++) fn(this._row + i, this._col + j, i, j);
  }
  /** Stores one value the way Sheets' setValues interprets it. */
  private _write(r: number, c: number, v: unknown): void {
    const key = `${r},${c}`;
    if (typeof v === 'string' && v.length > SHEETS_LIMITS.cellChars) {
      throw new Error(`Exception: Your input contains more than the maximum of ${SHEETS_LIMITS.cellChars} characters in a single cell.`);
    }
    this._sheet._formulas.delete(key);
    this._sheet._links.delete(key);
    if (v === null || v === undefined) return this._sheet._set(r, c, '');
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`Exception: cannot write the non-finite number ${v} (fake strictness)`);
      return this._sheet._set(r, c, v);
    }
    if (typeof v === 'boolean') return this._sheet._set(r, c, v);
    if (isDate(v)) return this._sheet._set(r, c, new Date(v.getTime()));
    if (typeof v !== 'string') throw new Error(`Exception: cannot write a value of type ${typeof v} (fake strictness)`);
    if (v.startsWith("'")) return this._sheet._set(r, c, v.slice(1));
    if (v.startsWith('=') && v.length > 1) {
      this._sheet._formulas.set(key, v);
      return this._sheet._set(r, c, '');
    }
    const converted = sheetsConversion(v, this._sheet._ss._locale, this._sheet._ss._timeZone);
    if (converted !== null) {
      // a typed percent also gets a percent format, as in Sheets
      if (typeof converted === 'number' && /%\s*$/.test(v)) this._sheet._formats.push({ row: r, col: c, rows: 1, cols: 1, value: /[.,]\d/.test(v) ? '0.00%' : '0%', seq: writeSeq++ });
      return this._sheet._set(r, c, converted);
    }
    if (/^[+\-@]/.test(v)) {
      // Sheets parses these as formulas (e.g. `+7 900 123-45-67`, `- основной процент` → #ERROR!)
      this._sheet._formulas.set(key, v);
      return this._sheet._set(r, c, '');
    }
    return this._sheet._set(r, c, v);
  }

  getRow() {
    return this._row;
  }
  getColumn() {
    return this._col;
  }
  getNumRows() {
    return this._rows;
  }
  getNumColumns() {
    return this._cols;
  }
  getLastRow() {
    return this._row + this._rows - 1;
  }
  getLastColumn() {
    return this._col + this._cols - 1;
  }
  getSheet() {
    return this._sheet._proxy;
  }
  getA1Notation() {
    return a1(this._row, this._col, this._rows, this._cols);
  }
  getValues(): FakeCellValue[][] {
    const out: FakeCellValue[][] = [];
    const plain =
      this._sheet._formulas.size === 0 && !this._sheet._formats.some((f) => isDateFormat(f.value)) && ![...this._sheet._cellFormats.values()].some((f) => isDateFormat(f.value));
    for (let i = 0; i < this._rows; i++) {
      const line: FakeCellValue[] = new Array(this._cols);
      const stored = this._sheet._values[this._row + i - 1];
      for (let j = 0; j < this._cols; j++) {
        if (plain) {
          const v = stored?.[this._col + j - 1];
          line[j] = v === undefined ? '' : isDate(v) ? new Date(v.getTime()) : v;
        } else line[j] = this._sheet._get(this._row + i, this._col + j);
      }
      out.push(line);
    }
    return out;
  }
  getValue(): FakeCellValue {
    return this._sheet._get(this._row, this._col);
  }
  getDisplayValues(): string[][] {
    const tz = this._sheet._ss._timeZone;
    return this.getValues().map((line) =>
      line.map((v) => (isDate(v) ? formatDate(v, tz, 'yyyy-MM-dd') : String(v))),
    );
  }
  getFormulas(): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < this._rows; i++) {
      const line: string[] = [];
      for (let j = 0; j < this._cols; j++) line.push(this._sheet._formulas.get(`${this._row + i},${this._col + j}`) ?? '');
      out.push(line);
    }
    return out;
  }
  getFormula() {
    return this.getFormulas()[0][0];
  }
  setValues(values: unknown[][]) {
    this._shape(values, 'setValues');
    this._checkLengths(values);
    this._each((r, c, i, j) => this._write(r, c, values[i][j]));
    return this;
  }
  /** A too-long cell fails the whole call before anything is written, as one Sheets request does. */
  private _checkLengths(values: unknown[][]): void {
    for (const line of values) for (const v of line) {
      if (typeof v === 'string' && v.length > SHEETS_LIMITS.cellChars) {
        throw new Error(`Exception: Your input contains more than the maximum of ${SHEETS_LIMITS.cellChars} characters in a single cell.`);
      }
    }
  }
  setValue(v: unknown) {
    this._checkLengths([[v]]);
    this._each((r, c) => this._write(r, c, v));
    return this;
  }
  setFormula(f: string) {
    this._each((r, c) => {
      this._sheet._formulas.set(`${r},${c}`, String(f));
      this._sheet._set(r, c, '');
    });
    return this;
  }
  setFormulas(fs: string[][]) {
    this._shape(fs, 'setFormulas');
    this._checkLengths(fs);
    this._each((r, c, i, j) => {
      this._sheet._formulas.set(`${r},${c}`, String(fs[i][j]));
      this._sheet._set(r, c, '');
    });
    return this;
  }
  setRichTextValues(values: FakeRichTextValue[][]) {
    this._shape(values, 'setRichTextValues');
    this._each((r, c, i, j) => {
      const v = values[i][j];
      if (!v || typeof (v as FakeRichTextValue).getText !== 'function') throw new Error('Exception: setRichTextValues needs RichTextValue cells');
      this._write(r, c, "'" + v.getText());
      const url = v.getLinkUrl();
      if (url) this._sheet._links.set(`${r},${c}`, url);
    });
    return this;
  }
  setRichTextValue(v: FakeRichTextValue) {
    return this.setRichTextValues(Array.from({ length: this._rows }, () => Array(this._cols).fill(v)));
  }
  getRichTextValues() {
    const out: FakeRichTextValue[][] = [];
    for (let i = 0; i < this._rows; i++) {
      const line: FakeRichTextValue[] = [];
      for (let j = 0; j < this._cols; j++) {
        const r = this._row + i;
        const c = this._col + j;
        line.push(new FakeRichTextValue(String(this._sheet._get(r, c)), this._sheet._linkAt(r, c)));
      }
      out.push(line);
    }
    return out;
  }
  setNumberFormat(f: string) {
    this._sheet._formats.push({ row: this._row, col: this._col, rows: this._rows, cols: this._cols, value: String(f), seq: writeSeq++ });
    return this;
  }
  setNumberFormats(fs: string[][]) {
    this._shape(fs, 'setNumberFormats');
    const seq = writeSeq++;
    this._each((r, c, i, j) => this._sheet._cellFormats.set(`${r},${c}`, { value: String(fs[i][j]), seq }));
    return this;
  }
  getNumberFormats(): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < this._rows; i++) {
      const line: string[] = [];
      for (let j = 0; j < this._cols; j++) line.push(this._sheet._numberFormatAt(this._row + i, this._col + j));
      out.push(line);
    }
    return out;
  }
  getNumberFormat() {
    return this._sheet._numberFormatAt(this._row, this._col);
  }
  setFontWeight(w: string | null) {
    this._sheet._weights.push({ row: this._row, col: this._col, rows: this._rows, cols: this._cols, value: w ?? 'normal', seq: writeSeq++ });
    return this;
  }
  setFontWeights(ws: string[][]) {
    this._shape(ws, 'setFontWeights');
    const seq = writeSeq++;
    this._each((r, c, i, j) => this._sheet._cellWeights.set(`${r},${c}`, { value: ws[i][j] ?? 'normal', seq }));
    return this;
  }
  getFontWeight() {
    return this._sheet._fontWeightAt(this._row, this._col);
  }
  setBackground(color: string | null) {
    this._sheet._backgrounds.push({ row: this._row, col: this._col, rows: this._rows, cols: this._cols, value: color ?? '#ffffff' });
    return this;
  }
  getBackground() {
    return lookupOp(this._sheet._backgrounds, this._row, this._col) ?? '#ffffff';
  }
  setWrap(on: boolean) {
    this._sheet._wraps.push({ row: this._row, col: this._col, rows: this._rows, cols: this._cols, value: on ? 'wrap' : 'overflow' });
    return this;
  }
  /** Range.setWraps(boolean[][]): the shape must match; kept as one op per column run of equal values. */
  setWraps(ws: boolean[][]) {
    this._shape(ws, 'setWraps');
    for (let j = 0; j < this._cols; j++) {
      let start = 0;
      for (let i = 1; i <= this._rows; i++) {
        if (i < this._rows && Boolean(ws[i][j]) === Boolean(ws[start][j])) continue;
        this._sheet._wraps.push({ row: this._row + start, col: this._col + j, rows: i - start, cols: 1, value: ws[start][j] ? 'wrap' : 'overflow' });
        start = i;
      }
    }
    return this;
  }
  getWrap() {
    return lookupOp(this._sheet._wraps, this._row, this._col) === 'wrap';
  }
  setVerticalAlignment(a: string | null) {
    this._sheet._valigns.push({ row: this._row, col: this._col, rows: this._rows, cols: this._cols, value: a ?? 'bottom' });
    return this;
  }
  getVerticalAlignment() {
    return lookupOp(this._sheet._valigns, this._row, this._col) ?? 'bottom';
  }
  clear() {
    this._each((r, c) => this._write(r, c, ''));
    return this;
  }
  clearContent() {
    return this.clear();
  }
  merge() {
    this._sheet._merges.push({ row: this._row, col: this._col, rows: this._rows, cols: this._cols });
    return this;
  }
  /** The merged areas that intersect this range, as ranges (Range.getMergedRanges). */
  getMergedRanges() {
    return this._sheet._merges
      .filter((m) => m.row < this._row + this._rows && m.row + m.rows > this._row && m.col < this._col + this._cols && m.col + m.cols > this._col)
      .map((m) => counted(new FakeRange(this._sheet, m.row, m.col, m.rows, m.cols), this._sheet._io));
  }
}

export class FakeSpreadsheet {
  _sheets: FakeSheet[] = [];
  _active: FakeSheet | null = null;
  _toasts: { message: string; title?: string }[] = [];
  _metadata: FakeDeveloperMetadata[] = [];
  _proxy!: FakeSpreadsheet;
  readonly _id = `fake-ss-${Math.random().toString(36).slice(2, 10)}`;

  constructor(
    readonly io: IoLog,
    public _timeZone: string,
    public _locale: string,
  ) {}

  // ---- uncounted helpers for tests ----
  _sheet(name: string): FakeSheet | undefined {
    return this._sheets.find((s) => s._name === name);
  }
  _names(): string[] {
    return this._sheets.map((s) => s._name);
  }
  /** Every sheet's values, for before/after comparisons. */
  _snapshot(): Record<string, FakeCellValue[][]> {
    return Object.fromEntries(this._sheets.map((s) => [s._name, s._dump()]));
  }
  /**
   * Everything a user could see or a later run could read, for "exactly as before / exactly as a
   * successful run would" comparisons: sheets in order with name, visibility, grid size, values and
   * formulas (a link's `#gid=` shown as the target's name, so two fakes compare), number formats,
   * bold, frozen rows, column widths, charts, merges, developer metadata and protections; plus the
   * spreadsheet's own metadata. Uncounted.
   */
  _fullSnapshot(): unknown {
    const nameOf = new Map(this._sheets.map((s) => [String(s._id), s._name]));
    const gidless = (v: unknown) => (typeof v === 'string' ? v.replace(/#gid=(\d+)/g, (_, id: string) => `#gid=<${nameOf.get(id) ?? '?'}>`) : v);
    return {
      metadata: this._metadata.map((m) => [m._key, m._value]),
      sheets: this._sheets.map((s) => {
        const rows = s._lastRow();
        const cols = s._lastCol();
        const cells: unknown[][] = [];
        for (let r = 1; r <= rows; r++) {
          const line: unknown[] = [];
          for (let c = 1; c <= cols; c++) {
            const v = s._get(r, c);
            line.push([isDate(v) ? `date:${v.getTime()}` : gidless(v), s._numberFormatAt(r, c), s._fontWeightAt(r, c)]);
          }
          cells.push(line);
        }
        return {
          name: s._name,
          hidden: s._hidden,
          grid: [s._maxRows, s._maxCols],
          frozenRows: s._frozenRows,
          cells,
          widths: [...s._columnWidths.entries()].sort((a, b) => a[0] - b[0]),
          charts: s._charts.map((c) => [c._type, c._ranges, c._position, c._options]),
          merges: s._merges,
          metadata: s._metadata.map((m) => [m._key, m._value]),
          protections: s._protections.map((p) => [p._description, p._warningOnly]),
        };
      }),
    };
  }
  _checkName(name: unknown, self: FakeSheet | null): void {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('Exception: Invalid argument: sheet name');
    // UTF-16 units, as JS counts (APPS_SCRIPT_NOTES: Limits — one emoji is 2)
    if (name.length > SHEETS_LIMITS.sheetName) throw new Error(`Exception: The sheet name cannot be longer than ${SHEETS_LIMITS.sheetName} characters.`);
    const clash = this._sheets.find((s) => s !== self && s._name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
  }
  /** Cells in every sheet's grid (max rows × max columns), what Sheets' 10 M cap counts. */
  _cellCount(): number {
    return this._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
  }
  /** Throws as Sheets does when `extra` more cells would pass the cap (SHEETS_LIMITS.cells). */
  _checkCells(extra: number): void {
    if (this._cellCount() + extra > SHEETS_LIMITS.cells) {
      throw new Error(`Exception: This action would increase the number of cells in the workbook above the limit of ${SHEETS_LIMITS.cells} cells.`);
    }
  }
  _addSheet(name: string, index?: number, rows?: number, cols?: number): FakeSheet {
    this._checkName(name, null);
    this._checkCells((rows ?? 1000) * (cols ?? 26));
    const sheet = new FakeSheet(this, name, this.io, rows, cols);
    sheet._proxy = counted(sheet, this.io);
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else {
      if (index < 0) throw new Error('Exception: Invalid sheet index');
      this._sheets.splice(index, 0, sheet);
    }
    return sheet;
  }

  // ---- the Spreadsheet API ----
  getId() {
    return this._id;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getName() {
    return 'Fake spreadsheet';
  }
  getSpreadsheetTimeZone() {
    return this._timeZone;
  }
  getSpreadsheetLocale() {
    return this._locale;
  }
  getSheets() {
    return this._sheets.map((s) => s._proxy);
  }
  getNumSheets() {
    return this._sheets.length;
  }
  getSheetByName(name: string) {
    return this._sheets.find((s) => s._name === name)?._proxy ?? null;
  }
  getSheetById(id: number) {
    return this._sheets.find((s) => s._id === id)?._proxy ?? null;
  }
  insertSheet(...args: unknown[]) {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof args[0] === 'string') {
      name = args[0];
      if (typeof args[1] === 'number') index = args[1];
    } else if (typeof args[0] === 'number') index = args[0];
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheets.some((s) => s._name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._addSheet(name, index);
    this._active = sheet;
    return sheet._proxy;
  }
  deleteSheet(sheet: FakeSheet) {
    const target = this._sheets.find((s) => s._proxy === sheet || s === sheet);
    if (!target) throw new Error('Exception: The sheet does not exist (deleted already?)');
    if (this._sheets.length === 1) throw new Error('Exception: You can\'t remove all the sheets in a document.');
    this._sheets = this._sheets.filter((s) => s !== target);
    if (this._active === target) this._active = this._sheets[0];
  }
  getActiveSheet() {
    return (this._active ?? this._sheets[0])?._proxy ?? null;
  }
  setActiveSheet(sheet: FakeSheet) {
    const target = this._sheets.find((s) => s._proxy === sheet || s === sheet);
    if (!target) throw new Error('Exception: The sheet does not exist');
    this._active = target;
    return sheet;
  }
  toast(message: string, title?: string, _timeout?: number) {
    this._toasts.push({ message: String(message), title: title === undefined ? undefined : String(title) });
  }
  getRangeByName() {
    return null;
  }
  addDeveloperMetadata(key: string, value?: string) {
    this._metadata.push(new FakeDeveloperMetadata(null, key, value ?? null, this.io));
    return this._proxy;
  }
  getDeveloperMetadata() {
    return this._metadata.map((m) => counted(m, this.io));
  }
  createDeveloperMetadataFinder() {
    const io = this.io;
    const filters: { key?: string; value?: string } = {};
    const all = () => [...this._metadata, ...this._sheets.flatMap((s) => s._metadata)];
    const finder = {
      withKey: (k: string) => ((filters.key = k), proxy),
      withValue: (v: string) => ((filters.value = v), proxy),
      find: () =>
        all()
          .filter((m) => (filters.key === undefined || m._key === filters.key) && (filters.value === undefined || m._value === filters.value))
          .map((m) => counted(m, io)),
    };
    const proxy = counted(finder, io);
    return proxy;
  }
}

// ---------------------------------------------------------------- other services

/** Utilities.formatDate with Intl: yyyy, yy, MM, dd, HH, mm, ss, and '…' literals. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date) || isNaN(date.getTime())) throw new Error('Exception: Invalid argument: date');
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const parts = Object.fromEntries(fmt.formatToParts(new Date(date.getTime())).map((p) => [p.type, p.value]));
  const tokens: Record<string, string> = {
    yyyy: parts.year, yy: parts.year.slice(-2), MM: parts.month, dd: parts.day, HH: parts.hour, mm: parts.minute, ss: parts.second,
  };
  return pattern.replace(/'([^']*)'|yyyy|yy|MM|dd|HH|mm|ss/g, (t, lit: string | undefined) => (lit !== undefined ? lit : tokens[t]));
}

export class FakeHtmlOutput {
  _title = '';
  _width = 0;
  _height = 0;
  constructor(public _content: string) {}
  setTitle(t: string) {
    this._title = t;
    return this;
  }
  getTitle() {
    return this._title;
  }
  setWidth(w: number) {
    this._width = w;
    return this;
  }
  getWidth() {
    return this._width;
  }
  setHeight(h: number) {
    this._height = h;
    return this;
  }
  getHeight() {
    return this._height;
  }
  append(s: string) {
    this._content += s;
    return this;
  }
  appendUntrusted(s: string) {
    this._content += s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    return this;
  }
  setContent(s: string) {
    this._content = s;
    return this;
  }
  getContent() {
    return this._content;
  }
  setSandboxMode() {
    return this;
  }
  setXFrameOptionsMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
  setFaviconUrl() {
    return this;
  }
}

export interface UiEvent {
  kind: 'alert' | 'prompt' | 'sidebar' | 'modal' | 'modeless';
  title?: string;
  message?: string;
  html?: FakeHtmlOutput;
}

export interface FakeMenu {
  title: string;
  addon: boolean;
  items: ({ caption: string; fn: string } | { separator: true })[];
  added: boolean;
}

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export class FakeUi {
  Button = Button;
  ButtonSet = ButtonSet;
  _menus: FakeMenu[] = [];
  _events: UiEvent[] = [];
  /** Scripted answers to prompt(), first in first out; default: blank text, OK. */
  _promptResponses: { text: string; button?: string }[] = [];
  /** Scripted answers to alert(); default OK. */
  _alertResponses: string[] = [];

  private menu(title: string, addon: boolean) {
    const m: FakeMenu = { title, addon, items: [], added: false };
    const api = {
      addItem: (caption: string, fn: string) => (m.items.push({ caption: String(caption), fn: String(fn) }), api),
      addSeparator: () => (m.items.push({ separator: true }), api),
      addSubMenu: () => api,
      addToUi: () => {
        m.added = true;
        this._menus.push(m);
      },
    };
    return api;
  }
  createAddonMenu() {
    return this.menu('(add-on)', true);
  }
  createMenu(title: string) {
    return this.menu(title, false);
  }
  alert(...args: unknown[]) {
    // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons)
    const [title, message] = args.length === 3 ? [String(args[0]), String(args[1])] : [undefined, String(args[0])];
    this._events.push({ kind: 'alert', title, message });
    return this._alertResponses.shift() ?? Button.OK;
  }
  prompt(...args: unknown[]) {
    const [title, message] = args.length >= 2 && typeof args[1] === 'string' ? [String(args[0]), String(args[1])] : [undefined, String(args[0])];
    this._events.push({ kind: 'prompt', title, message });
    const r = this._promptResponses.shift() ?? { text: '', button: Button.OK };
    return { getResponseText: () => r.text, getSelectedButton: () => r.button ?? Button.OK };
  }
  showSidebar(html: FakeHtmlOutput) {
    this._events.push({ kind: 'sidebar', title: html.getTitle(), html });
  }
  showModalDialog(html: FakeHtmlOutput, title: string) {
    this._events.push({ kind: 'modal', title, html });
  }
  showModelessDialog(html: FakeHtmlOutput, title: string) {
    this._events.push({ kind: 'modeless', title, html });
  }
}

export class FakeLock {
  _held = false;
  /** Simulates another execution holding the document lock. */
  _heldByOther = false;
  _log: string[] = [];
  tryLock(_ms: number) {
    if (this._heldByOther) {
      this._log.push('tryLock:failed');
      return false;
    }
    this._held = true;
    this._log.push('acquired');
    return true;
  }
  waitLock(_ms: number) {
    if (!this.tryLock(_ms)) throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock() {
    if (this._held) this._log.push('released');
    this._held = false;
  }
  hasLock() {
    return this._held;
  }
}

export class FakeProperties {
  _store = new Map<string, string>();
  getProperty(k: string) {
    return this._store.get(k) ?? null;
  }
  setProperty(k: string, v: string) {
    this._store.set(k, String(v));
    return this;
  }
  deleteProperty(k: string) {
    this._store.delete(k);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this._store);
  }
  setProperties(p: Record<string, string>) {
    for (const [k, v] of Object.entries(p)) this._store.set(k, String(v));
    return this;
  }
  getKeys() {
    return [...this._store.keys()];
  }
}

export interface FakeSpreadsheetOptions {
  sheets?: Record<string, unknown[][]>;
  timeZone?: string;
  locale?: string;
}

/**
 * A fake spreadsheet holding the given sheets (values as getValues would return them; a string's
 * leading apostrophe — how a user types text Sheets would otherwise convert — is dropped, as Sheets
 * shows it; other strings are kept as text, as if typed with that apostrophe).
 */
export function fakeSpreadsheet(opts: FakeSpreadsheetOptions = {}): FakeSpreadsheet {
  const io = new IoLog();
  const ss = new FakeSpreadsheet(io, opts.timeZone ?? 'Europe/Moscow', opts.locale ?? 'ru_RU');
  ss._proxy = counted(ss, io);
  const entries = Object.entries(opts.sheets ?? { Sheet1: [] });
  for (const [name, values] of entries) {
    const rows = Math.max(1000, values.length);
    const cols = Math.max(26, ...values.map((r) => r.length));
    const sheet = ss._addSheet(name, undefined, rows, cols);
    // as Sheets shows typed text: `'=старый оклад` is the text `=старый оклад`, the apostrophe never comes back
    sheet._values = values.map((line) =>
      line.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (copyValue(v) as FakeCellValue))),
    );
  }
  return ss._proxy; // calls from tests are counted too; `_…` helpers and `io` are not
}

/**
 * A `Date` for the bundle whose clock is the fake's execution clock: `start` plus the simulated
 * time spent in service calls (IoLog.elapsedMs). `new Date(...args)` with arguments is a plain Date.
 */
export function clockDate(io: IoLog, start: Date): DateConstructor {
  const t0 = start.getTime();
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(t0 + io.elapsedMs);
      else super(...(args as [number]));
    }
    static override now(): number {
      return t0 + io.elapsedMs;
    }
  }
  return ClockDate as unknown as DateConstructor;
}

export interface FakeEnvironment {
  ui: FakeUi;
  lock: FakeLock;
  documentProperties: FakeProperties;
  userProperties: FakeProperties;
  logs: unknown[][];
  userLocale: string;
  userEmail: string;
}

export interface AppsScriptGlobalsOptions {
  userLocale?: string;
  userEmail?: string;
  /** Where createHtmlOutputFromFile(name) finds `<name>.html`; default `build/`. */
  htmlDir?: string;
  /** The clock the bundle sees via `new Date()` is not faked; pass `now` to fake Session-free code paths if needed. */
}

/**
 * The globals to hand to loadBundle: every service the bundle may call, backed by `ss`.
 * `env` (also returned on the object as `__env`) exposes the UI events, lock, and properties.
 */
export function appsScriptGlobals(ss: FakeSpreadsheet, opts: AppsScriptGlobalsOptions = {}): Record<string, unknown> & { __env: FakeEnvironment } {
  const io = ss.io;
  const ui = new FakeUi();
  const lock = new FakeLock();
  const documentProperties = new FakeProperties();
  const userProperties = new FakeProperties();
  const scriptProperties = new FakeProperties();
  const logs: unknown[][] = [];
  const env: FakeEnvironment = {
    ui, lock, documentProperties, userProperties, logs,
    userLocale: opts.userLocale ?? 'ru', userEmail: opts.userEmail ?? 'owner@example.com',
  };
  const htmlDir = opts.htmlDir ?? resolve(process.cwd(), 'build');

  const SpreadsheetApp = counted(
    {
      getActive: () => ss._proxy,
      getActiveSpreadsheet: () => ss._proxy,
      getUi: () => counted(ui, io),
      flush: () => undefined,
      newRichTextValue: () => {
        const b = new FakeRichTextBuilder(io);
        b._proxy = counted(b, io);
        return b._proxy;
      },
      WeightType: undefined,
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    },
    io,
  );
  const HtmlService = counted(
    {
      createHtmlOutput: (html?: string) => new FakeHtmlOutput(html ?? ''),
      createHtmlOutputFromFile: (name: string) => new FakeHtmlOutput(readFileSync(resolve(htmlDir, `${name}.html`), 'utf8')),
      createTemplateFromFile: () => {
        throw new Error('KPI Payouts must not use templates (APPS_SCRIPT_NOTES): createTemplateFromFile called');
      },
      SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
      XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    },
    io,
  );
  const globals = {
    SpreadsheetApp,
    HtmlService,
    LockService: counted({ getDocumentLock: () => counted(lock, io), getScriptLock: () => counted(lock, io), getUserLock: () => counted(lock, io) }, io),
    PropertiesService: counted(
      {
        getDocumentProperties: () => counted(documentProperties, io),
        getUserProperties: () => counted(userProperties, io),
        getScriptProperties: () => counted(scriptProperties, io),
      },
      io,
    ),
    Session: counted(
      {
        getActiveUserLocale: () => env.userLocale,
        getActiveUser: () => ({ getEmail: () => env.userEmail }),
        getEffectiveUser: () => ({ getEmail: () => env.userEmail }),
        getScriptTimeZone: () => 'Etc/UTC',
        getTemporaryActiveUserKey: () => 'fake-user-key',
      },
      io,
    ),
    Utilities: counted(
      {
        formatDate: (d: Date, tz: string, pattern: string) => formatDate(d, tz, pattern),
        sleep: () => undefined,
        getUuid: () => `${Math.random().toString(16).slice(2)}-fake`,
      },
      io,
    ),
    ScriptApp: {
      AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
      getAuthorizationInfo: () => ({ getAuthorizationStatus: () => 'NOT_REQUIRED' }),
    },
    Charts: {
      ChartType: { COLUMN: 'COLUMN', BAR: 'BAR', LINE: 'LINE', COMBO: 'COMBO', PIE: 'PIE', AREA: 'AREA', SCATTER: 'SCATTER' },
    },
    Logger: { log: (...args: unknown[]) => (logs.push(args), undefined) },
    MailApp: new FakeMailApp(io), // recorded messages: `globals.MailApp._sent`; the quota: `_quota`
    __env: env,
  };
  return globals;
}
