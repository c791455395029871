/**
 * The one adapter between Sheets' custom-function calls and the pure core (STYLE §6): ranges vs
 * single values, broadcasting, the same-shape check, blanks, 1C text numbers, tier strings and
 * tables, ru/en mode names, money rounding and error messages that name the function, the
 * argument and the cell. Each custom function is a table of argument kinds plus one call.
 *
 * Messages follow the spreadsheet's locale (ru* → Russian, else English), read only on the error
 * path: never at load, never on success (a custom function may read the spreadsheet, but every
 * read is a round trip). If the read fails, English.
 */
import { Dec } from '../core/decimal';
import { cellText } from '../core/issues';
import { msg, type MessageKey } from '../core/messages/index';
import { formatDecimal, moneyNumber, type Lang } from '../core/money';
import { isBlank, parseNumber, type CellValue } from '../core/numbers';
import { ambiguousTiers, readsTwoWays, spellings } from '../core/readings';
import { parseMode, parseTiers, type RateOrTiers, type TierMode } from '../core/tiers';
import { spreadsheetLang } from './execution';
import { mayBeTimeOnly, typedTime } from './sheetLimits';

/** What Sheets passes for one argument: a single value, or a range as a 2-D array. */
export type Arg = CellValue | CellValue[][];
/** What a custom function gives back: one value, or a 2-D array that spills. */
export type Out = number | string | (number | string)[][];

/**
 * The language of an error message: the spreadsheet's locale, asked only when a function is about
 * to throw (review item 9). Outside Sheets (the CLI, HyperFormula) or on any failure: English.
 */
export function errorLang(): Lang {
  try {
    if (typeof SpreadsheetApp === 'undefined') return 'en';
    return spreadsheetLang(SpreadsheetApp.getActiveSpreadsheet());
  } catch {
    return 'en';
  }
}

/** The error a custom function throws: Sheets shows `#ERROR!` with this message on hover. */
export class FunctionError extends Error {
  override name = 'FunctionError';
}

/** Message parameters; a `Dec` is spelled in the message's language (`1,1` / `1.1`). */
type FailParams = Record<string, string | number | Dec>;

function spelled(params: FailParams, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = v instanceof Dec ? formatDecimal(v, lang, 6) : v;
  return out;
}

export function fail(key: MessageKey, params: FailParams): never {
  const lang = errorLang();
  throw new FunctionError(msg(lang, key, spelled(params, lang)));
}

/** Fails naming the function, argument and cell of `where` (`params` may override `arg`). */
export function failAt(key: MessageKey, where: CellRef, params: FailParams = {}): never {
  const lang = errorLang();
  throw new FunctionError(msg(lang, key, { fn: where.fn, arg: where.arg, cell: where.cellIn(lang), ...spelled(params, lang) }));
}

/** Where a value sits, for messages: '' for a single value, `, row 3` in a column, `, column 2` in a row. */
export interface CellRef {
  readonly fn: string;
  readonly arg: string;
  /** The cell's label in `lang`, made only when a message needs it. */
  cellIn(lang: Lang): string;
}

/** The CellRef of a single value (no cell label). */
export const singleRef = (fn: string, arg: string): CellRef => ({ fn, arg, cellIn: () => '' });

/**
 * The cell being computed, moved along the range: one object per call, and the label is made
 * only when a message needs it (a 10 000-row call must not build 10 000 labels).
 */
class Cursor implements CellRef {
  arg = '';
  row = 0;
  column = 0;
  constructor(readonly fn: string, private readonly rows: number, private readonly columns: number) {}
  cellIn(lang: Lang): string {
    return cellLabel(this.row, this.column, this.rows, this.columns, lang);
  }
}

export function cellLabel(row: number, column: number, rows: number, columns: number, lang: Lang = 'en'): string {
  if (rows === 1 && columns === 1) return '';
  if (columns === 1) return msg(lang, 'fnRowCell', { row: row + 1 });
  if (rows === 1) return msg(lang, 'fnColumnCell', { column: column + 1 });
  return msg(lang, 'fnRowColumnCell', { row: row + 1, column: column + 1 });
}

const BLANK = Symbol('blank');
type Blank = typeof BLANK;

/** How one argument is read. `wholeRange` says when a range is one value (a two-column tier table), not cells to broadcast. */
export interface ArgKind<T> {
  optional: boolean;
  /** The value when the argument is omitted, or a single blank value is given (optional arguments only). */
  fallback?: T;
  wholeRange?(range: CellValue[][]): boolean;
  read(v: Arg, where: CellRef): T | Blank;
}

type ValueOf<K> = K extends ArgKind<infer T> ? T : never;
export type ArgKinds = Record<string, ArgKind<unknown>>;
export type ArgValues<D extends ArgKinds> = { [K in keyof D]: ValueOf<D[K]> };

function readNumber(v: Arg, where: CellRef): Dec | Blank {
  const parsed = parseNumber(v as CellValue);
  if (parsed.kind === 'blank') return BLANK;
  if (parsed.kind === 'bad') failAt('fnNotANumber', where, { value: shownValue(v) });
  return parsed.value;
}

/** A number: a real number, a percent as a fraction (10 % → 0.1), or 1C text (`1 250 000,50`, `12,5%`). */
export function numberArg(): ArgKind<Dec> {
  return { optional: false, read: readNumber };
}

/** Amounts from 10¹² up are not plausible (SPEC §10.1): an error, never a silently huge result. */
const IMPLAUSIBLE = 1e12;
const IMPLAUSIBLE_DEC = new Dec(IMPLAUSIBLE);

function readAmount(v: Arg, where: CellRef): Dec | Blank {
  const value = readNumber(v, where);
  // A plain compare on a number cell (the common case: this runs per row); a Dec compare for text.
  const huge = typeof v === 'number' ? v >= IMPLAUSIBLE || v <= -IMPLAUSIBLE : value !== BLANK && value.abs().greaterThanOrEqualTo(IMPLAUSIBLE_DEC);
  if (huge) failAt('fnImplausibleAmount', where, { value: cellText(v as CellValue) });
  return value;
}

/** A money amount (a base, a price, a cost): a number below 10¹² in size. */
export function amountArg(): ArgKind<Dec> {
  return { optional: false, read: readAmount };
}

/** The same limit in kopecks, for fast paths that read amounts without this reader (commissionFast.ts). */
export const IMPLAUSIBLE_KOPECKS = IMPLAUSIBLE * 100;

/** An optional amount: `fallback` when omitted or a single blank value. */
export function optionalAmountArg<T extends Dec | null>(fallback: T): ArgKind<Dec | T> {
  return { optional: true, fallback, read: readAmount };
}

/**
 * A rate (SPEC §10.2): a custom function sees no cell formats, so a bare number above 1 (`5`: 5 %
 * or 500 %?) is an error asking for `5%` or `0.05`; a rate above 100 % is written as the text "150%".
 */
function readRate(v: Arg, where: CellRef): Dec | Blank {
  const parsed = parseNumber(v as CellValue);
  if (parsed.kind === 'blank') return BLANK;
  if (parsed.kind === 'bad') failAt('fnNotANumber', where, { value: cellText(v) });
  if (readsTwoWays(parsed, 'rate')) ambiguousRate(parsed.value, v, where);
  return parsed.value;
}

function ambiguousRate(value: Dec, v: Arg, where: CellRef): never {
  const lang = errorLang();
  failAt('fnAmbiguousRate', where, { value: cellText(v as CellValue), ...spellings(value, lang) });
}

/** An optional rate (`variable_rate`): `fallback` when omitted. */
export function optionalRateArg<T extends Dec | null>(fallback: T): ArgKind<Dec | T> {
  return { optional: true, fallback, read: readRate };
}

/** An optional number: `fallback` when omitted or a single blank value; a blank cell of a range still gives a blank result. */
export function optionalNumberArg<T extends Dec | null>(fallback: T): ArgKind<Dec | T> {
  return { optional: true, fallback, read: readNumber };
}

/** An optional plan: thresholds become attainment. Must be above zero. */
export function planArg(): ArgKind<Dec | null> {
  return {
    optional: true,
    fallback: null,
    read(v, where) {
      const value = readAmount(v, where);
      if (value !== BLANK && !value.greaterThan(0)) failAt('fnPlanNotPositive', where, { value: shownValue(v) });
      return value;
    },
  };
}

const isTierTable = (range: CellValue[][]) => range.length > 0 && range.every((row) => row.length === 2);

/**
 * A rate or tier table as read: `twoWayThresholds` when a threshold is a bare number above 10, which
 * reads two ways once a plan makes thresholds attainment (`100`: 100 % or 10 000 %?, SPEC §10.2).
 */
export type ReadRateOrTiers = RateOrTiers & { twoWayThresholds?: string | CellValue[][] };

function readRateOrTiers(v: Arg, where: CellRef, valuesAreRates: boolean): ReadRateOrTiers | Blank {
  if (Array.isArray(v)) return tiersOrFail(v.map((row) => row.map(typedCell)), where, '', valuesAreRates);
  v = typedCell(v); // a single tier `1:30` that Sheets turned into a time is the text typed
  const parsed = parseNumber(v);
  if (parsed.kind === 'blank') return BLANK;
  if (parsed.kind === 'number') {
    if (valuesAreRates && readsTwoWays(parsed, 'rate')) ambiguousRate(parsed.value, v, where);
    return { kind: 'flat', rate: parsed.value };
  }
  if (typeof v !== 'string') failAt('fnNotANumber', where, { value: shownValue(v) });
  return tiersOrFail(v, where, v, valuesAreRates);
}

const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The spreadsheet's zone, asked only when a Date must be shown or read (a service call); UTC outside Sheets. */
function sheetZone(): string {
  try {
    if (typeof SpreadsheetApp === 'undefined') return 'UTC';
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch {
    return 'UTC';
  }
}

/** `yyyy-MM-dd HH:mm:ss` of a Date in the spreadsheet's zone (Utilities.formatDate; no Intl in the bundle). */
function zoned(d: Date): string | null {
  try {
    return Utilities.formatDate(d, sheetZone(), 'yyyy-MM-dd HH:mm:ss');
  } catch {
    return null;
  }
}

/** A cell Sheets turned into a time (`1:30` typed in a tier cell) as the text typed; anything else as it is. */
function typedCell(v: CellValue): CellValue {
  if (!isDateValue(v) || isNaN(v.getTime()) || !mayBeTimeOnly(v)) return v;
  const stamp = zoned(v);
  return (stamp && typedTime(stamp)) ?? v;
}

/**
 * A value as an error message quotes it: a date as the day it is in the spreadsheet's zone (a
 * Date Sheets passes is midnight there — in UTC, east of Greenwich, that is the day before).
 */
export function shownValue(v: Arg): string {
  if (isDateValue(v) && !isNaN(v.getTime())) {
    const stamp = zoned(v);
    if (stamp) return typedTime(stamp) ?? (stamp.endsWith(' 00:00:00') ? stamp.slice(0, 10) : stamp.slice(0, 16));
  }
  return cellText(v);
}

function tiersOrFail(v: string | CellValue[][], where: CellRef, value: string, valuesAreRates: boolean): ReadRateOrTiers {
  const parsed = parseTiers(v);
  if (parsed.ok) {
    if (valuesAreRates && ambiguousTiers(v, { values: 'rate' }, 'en')) ambiguousTable(v, { values: 'rate' }, where);
    const table: ReadRateOrTiers = { kind: 'tiers', tiers: parsed.tiers };
    if (ambiguousTiers(v, { thresholds: 'attainment' }, 'en')) table.twoWayThresholds = v;
    return table;
  }
  const error = parsed.error;
  if (error.code === 'tiersEmpty') failAt('fnTiersEmpty', where);
  if (error.code === 'tiersNotAscending') failAt('fnTiersNotAscending', where, { entry: error.entry });
  failAt('fnTiersBadEntry', where, { value: value || error.entry, entry: error.entry });
}

function ambiguousTable(v: string | CellValue[][], reading: Parameters<typeof ambiguousTiers>[1], where: CellRef): never {
  const found = ambiguousTiers(v, reading, errorLang())!;
  failAt('fnAmbiguousTiers', where, { number: found.number, percent: found.percent, hundredfold: found.hundredfold, suggestion: found.suggestion });
}

/**
 * With a plan, tier thresholds are attainment: a bare threshold above 10 is an error (SPEC §10.2).
 * Called per row with the row's plan; costs one property check when the table is fine.
 */
export function checkAttainmentThresholds(tiers: ReadRateOrTiers, plan: Dec | null, fn: string, arg: string): void {
  if (plan !== null && tiers.twoWayThresholds !== undefined) ambiguousTable(tiers.twoWayThresholds, { thresholds: 'attainment' }, singleRef(fn, arg));
}

/** A rate (`5%`, `0.05`), a tier string (`0:3%; 100%:5%`) or a two-column `threshold, rate` range (one argument); a bare rate above 1 is an error. */
export function rateOrTiersArg(): ArgKind<ReadRateOrTiers> {
  return { optional: false, wholeRange: isTierTable, read: (v, where) => readRateOrTiers(v, where, true) };
}

/** A tier table whose values may be amounts (`10:5000; 15:10000`) or rates: only attainment thresholds are checked. */
export function tiersArg(): ArgKind<ReadRateOrTiers> {
  return { optional: false, wholeRange: isTierTable, read: (v, where) => readRateOrTiers(v, where, false) };
}

/** `whole` / `весь объём` (default) or `marginal` / `ступенчато`. */
export function modeArg(): ArgKind<TierMode> {
  return {
    optional: true,
    fallback: 'whole',
    read(v, where) {
      if (isBlank(v as CellValue)) return BLANK;
      const parsed = parseMode(v as CellValue);
      if (parsed === null) failAt('fnBadMode', where, { value: shownValue(v) });
      return parsed;
    },
  };
}

/** One argument once it has been looked at: a single value (read once) or a range (read per cell). */
type Prepared =
  | { kind: 'single'; value: unknown }
  | { kind: 'range'; cells: CellValue[][]; lastRaw: unknown; lastValue: unknown };

/** Bound once: per-cell global lookups (`Array.…`) are slow where the bench runs the bundle (a vm context). */
const isArray = Array.isArray;

/** The longest row (a loop: spreading a 100 000-row column into Math.max overflows the stack). */
function widest(range: unknown[][]): number {
  // An index loop: a cold call runs this over 10 000 rows before anything is optimised, and for…of costs 5× more there.
  let columns = 0;
  for (let i = 0; i < range.length; i++) {
    const length = range[i].length;
    if (length > columns) columns = length;
  }
  return columns;
}

const shapeOf = (range: unknown[][]) => `${range.length}×${range[0]?.length ?? 0}`;

function asRange(raw: Arg): CellValue[][] | null {
  if (!Array.isArray(raw)) return null;
  // A 1×1 range is a single value, as Sheets passes a one-cell reference.
  if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return null;
  // Sheets passes rows as arrays: keep the range as it is unless a row needs wrapping (no copy of a 10 000-row column).
  let i = 0;
  while (i < raw.length && isArray(raw[i])) i++;
  return i === raw.length ? (raw as CellValue[][]) : raw.map((row) => (isArray(row) ? row : [row]));
}

const unwrap = (raw: Arg): Arg => (Array.isArray(raw) && !asRange(raw) ? (raw[0] as CellValue[])[0] : raw);

/**
 * Runs `compute` on every cell of the arguments' common shape (single values broadcast). A blank
 * required value, or a blank cell of a range, gives a blank result cell (""). `width` result
 * cells per input cell (KPI_NEXT_TIER gives two). With no range among the arguments the result
 * is a single value (or a 1×width row).
 */
export function elementwise<D extends ArgKinds>(
  fn: string,
  kinds: D,
  args: readonly unknown[],
  compute: (values: ArgValues<D>, where: CellRef) => (number | string)[] | number | string,
  width = 1,
  fast?: FastCells,
): Out {
  const names = Object.keys(kinds);
  const prepared: Prepared[] = [];
  let shape = null as { rows: number; columns: number; arg: string; text: string } | null;
  let oneCellRange = false;
  const ranges = names.map((_, i) => (args[i] === undefined ? null : asRange(args[i] as Arg)));
  const widths = ranges.map((range) => (range ? widest(range) : 0)); // each range scanned once
  // A range shaped like another range argument is cells to pair up, never one value: a row of two
  // rates beside a row of two bases is two rates, not a tier table (review item 8).
  const sameShapeAsAnother = (i: number, range: CellValue[][]) =>
    ranges.some((r, j) => j !== i && r !== null && r.length === range.length && widths[j] === widths[i]);
  names.forEach((name, i) => {
    const kind = kinds[name];
    const raw = args[i] as Arg;
    if (raw === undefined || (!Array.isArray(raw) && isBlank(raw) && kind.optional)) {
      if (!kind.optional) fail('fnMissingArgument', { fn, arg: name });
      prepared.push({ kind: 'single', value: kind.fallback });
      return;
    }
    const range = ranges[i];
    if (Array.isArray(raw) && !range) oneCellRange = true;
    if (!range || (kind.wholeRange && kind.wholeRange(range) && !sameShapeAsAnother(i, range))) {
      const value = kind.read(range ?? unwrap(raw), singleRef(fn, name));
      prepared.push({ kind: 'single', value: value === BLANK && kind.optional ? kind.fallback : value });
      return;
    }
    const columns = widths[i];
    if (shape && (shape.rows !== range.length || shape.columns !== columns)) {
      fail('fnShapeMismatch', { fn, arg: shape.arg, shape: shape.text, other: name, otherShape: shapeOf(range) });
    }
    shape ??= { rows: range.length, columns, arg: name, text: shapeOf(range) };
    prepared.push({ kind: 'range', cells: range, lastRaw: undefined, lastValue: undefined });
  });

  const rows = shape?.rows ?? 1;
  const columns = shape?.columns ?? 1;
  const cursor = new Cursor(fn, rows, columns);
  const blankCell = Array(width).fill('') as string[];
  // One values object per call, refilled per cell: compute() reads it and keeps nothing. Single
  // values are put in once; per cell only the range arguments change.
  const values: Record<string, unknown> = {};
  const kindList = names.map((name) => kinds[name]);
  prepared.forEach((p, i) => {
    if (p.kind === 'single') values[names[i]] = p.value;
  });
  // Per cell only the range arguments are read, in argument order, up to a blank single value
  // (which blanks every cell, after the ranges before it have been read: a bad cell there still fails).
  let firstBlank = prepared.findIndex((p) => p.kind === 'single' && p.value === BLANK);
  if (firstBlank < 0) firstBlank = prepared.length;
  const rangeArgs = prepared.flatMap((p, i) => (p.kind === 'range' && i < firstBlank ? [i] : []));
  const blankSingle = firstBlank < prepared.length;
  const cellAt = (r: number, c: number): (number | string)[] | number | string => {
    cursor.row = r;
    cursor.column = c;
    for (let j = 0; j < rangeArgs.length; j++) {
      const i = rangeArgs[j];
      const p = prepared[i] as Extract<Prepared, { kind: 'range' }>;
      let value: unknown;
      const raw = p.cells[r][c] ?? '';
      // Columns repeat values (one plan for everyone): a value equal to the cell above is read once.
      if (raw === p.lastRaw && typeof raw !== 'object') value = p.lastValue;
      else {
        cursor.arg = names[i];
        value = kindList[i].read(raw, cursor);
        p.lastRaw = raw;
        p.lastValue = value;
      }
      if (value === BLANK) return width === 1 ? '' : blankCell;
      values[names[i]] = value;
    }
    if (blankSingle) return width === 1 ? '' : blankCell;
    cursor.arg = '';
    return compute(values as ArgValues<D>, cursor);
  };

  // The fast way, when the function has one and it applies to these arguments (one result per cell).
  const fastAt = fast && shape && width === 1 && !blankSingle ? fast(preparedArgs(names, prepared)) : null;
  if (!shape) {
    const out = cellAt(0, 0);
    // A 1×1 range broadcasts like a single value, and gives back a 1×1 range when it is the only range.
    if (Array.isArray(out)) return [[...out]];
    return oneCellRange ? [[out]] : out;
  }
  // A column in, a column out: the common case, in a small function of its own (V8 optimises a
  // small loop early; this one runs 10 000 times in a cold call).
  if (columns === 1) return columnResults(rows, fastAt, cellAt);
  const result: (number | string)[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line: (number | string)[] = [];
    for (let c = 0; c < columns; c++) {
      const out = (fastAt && fastAt(r, c)) ?? cellAt(r, c);
      if (isArray(out)) line.push(...out);
      else line.push(out);
    }
    result[r] = line;
  }
  return result;
}

/** One result row per input row: the fast way where it answers, else the ordinary cell. */
function columnResults(
  rows: number,
  fastAt: ((row: number, column: number) => number | undefined) | null,
  cellAt: (row: number, column: number) => (number | string)[] | number | string,
): (number | string)[][] {
  const result: (number | string)[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const fast = fastAt === null ? undefined : fastAt(r, 0);
    if (fast !== undefined) {
      result[r] = [fast];
      continue;
    }
    const out = cellAt(r, 0);
    result[r] = isArray(out) ? [...out] : [out];
  }
  return result;
}

/**
 * A function's cheaper way through a range (issue 11: a cold KPI_COMMISSION over 10 000 rows):
 * given the arguments as elementwise prepared them, a cell computer — or null when it does not
 * apply. The computer gets a cell's position and gives its result, or undefined to hand that cell
 * to the ordinary path, which reads, checks and fails as always: so it must answer only where the
 * ordinary path would give the same number, and hand over every cell it is not sure of (blanks,
 * text it does not read, anything that would be an error).
 */
export type FastCells = (args: PreparedArgs) => ((row: number, column: number) => number | undefined) | null;

/** The arguments of a call as prepared: a single value as read (optional ones with their fallback), or a range's raw cells. */
export interface PreparedArgs {
  /** The value read, when the argument is a single value; undefined when it is a range. */
  single(name: string): unknown;
  /** The raw cells, when the argument is a range; null when it is a single value. */
  range(name: string): CellValue[][] | null;
}

function preparedArgs(names: string[], prepared: Prepared[]): PreparedArgs {
  const at = (name: string) => prepared[names.indexOf(name)];
  return {
    single: (name) => {
      const p = at(name);
      return p.kind === 'single' ? p.value : undefined;
    },
    range: (name) => {
      const p = at(name);
      return p.kind === 'range' ? p.cells : null;
    },
  };
}

/**
 * `fn` remembering its last result: called per row with the same objects (one tier table, the
 * plan of the row above, read once), it computes once per run of equal arguments. Two arguments,
 * no rest array: this runs per row of a cold 10 000-row call (issue 11).
 */
export function lastResult<A, B, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  let known = false;
  let lastA: A;
  let lastB: B;
  let last: R;
  return (a: A, b: B) => {
    if (!known || a !== lastA || b !== lastB) {
      last = fn(a, b);
      lastA = a;
      lastB = b;
      known = true;
    }
    return last;
  };
}

/** A money result: rounded once to 0.01, a tie away from zero, as a plain number. */
export function money(value: Dec): number {
  // moneyNumber's kopeck fast path runs per row; `|| 0` turns −0 (a tiny negative rounded away) into a plain 0.
  return moneyNumber(value) || 0;
}

/** Every cell of an argument in reading order (rows, then columns), with its label: for functions over lists (KPI_INDEX). */
export function cellsOf(fn: string, arg: string, raw: Arg): { value: CellValue; where: CellRef }[] {
  if (raw === undefined) return [];
  const range = Array.isArray(raw) ? raw.map((row) => (Array.isArray(row) ? row : [row])) : [[raw]];
  const columns = widest(range);
  const cells: { value: CellValue; where: CellRef }[] = [];
  range.forEach((row, r) =>
    row.forEach((value, c) => cells.push({ value, where: { fn, arg, cellIn: (lang) => cellLabel(r, c, range.length, columns, lang) } })),
  );
  return cells;
}

/** Reads one cell as a number; null when blank. */
export function numberAt(value: CellValue, where: CellRef): Dec | null {
  const read = readNumber(value, where);
  return read === BLANK ? null : read;
}
