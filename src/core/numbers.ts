import { Dec } from './decimal';

/** What a spreadsheet cell can hold, as Sheets' getValues() and custom functions pass it. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type NumberParse =
  | { kind: 'blank' }
  | { kind: 'number'; value: Dec; percent: boolean }
  | { kind: 'bad' };

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000']/g;
const CURRENCY = /(₽|руб\.?|р\.|rub|\$|usd|€|eur|₸|тг|₴|грн|£|¥)/gi;

/** Digits, grouped by spaces or NBSP or not, with at most one decimal point or comma: most 1C text numbers. */
export const PLAIN_NUMBER_TEXT = /^\d+(?:[ \u00a0]\d+)*(?:[.,]\d+)?$/;
const GROUP_SPACES = /[ \u00a0]/g;
/** Bound once: a global lookup (`Number.…`) per cell is slow where the custom-function bench runs them (a vm context). */
const isFiniteNumber = Number.isFinite;

export function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Reads a number as owners' sheets hold it: a real number, or text exported from 1C/CRMs —
 * `1 250 000,50`, `1 250 000.50 ₽`, `12,5%`, NBSP/thin-space thousands separators,
 * `(1 000)` or a Unicode minus for negatives. A comma is a decimal separator when it sits
 * between digits and is not a thousands separator (`1,250,000` is one million and a quarter).
 *
 * A single comma followed by exactly three digits (`30,000`) is ambiguous: with no hint (custom
 * functions) it is the decimal point, as before; `{ lang: 'en' }` (an English workbook) reads it
 * as a thousands separator (30000), `{ lang: 'ru' }` as the decimal point (30). A single dot is
 * the decimal point in every language (`1.250` = 1.25).
 */
export interface NumberHint {
  /** The workbook's language: 'en' reads `30,000` as thirty thousand. */
  lang?: 'ru' | 'en';
  /** Same as lang 'en' for the single-comma case (overrides lang when given). */
  thousandsComma?: boolean;
}

export function parseNumber(v: CellValue, hint?: NumberHint): NumberParse {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!isFiniteNumber(v)) return { kind: 'bad' };
    // new Dec(v) reads v's text as new Dec(String(v)) does, minus the text validation (a regular
    // expression per cell) and with an integer shortcut; −0 alone differs, so a zero is a plain 0.
    return { kind: 'number', value: new Dec(v === 0 ? 0 : v), percent: false };
  }
  if (typeof v !== 'string') return { kind: 'bad' };
  const thousandsComma = hint?.thousandsComma ?? hint?.lang === 'en';
  if (PLAIN_NUMBER_TEXT.test(v) && !(thousandsComma && v.includes(','))) {
    // Fast path (custom functions parse a column per call): for these strings the steps below come
    // down to dropping the group spaces and reading a comma as the decimal point.
    return { kind: 'number', value: new Dec(v.replace(GROUP_SPACES, '').replace(',', '.')), percent: false };
  }
  let s = v.replace(SPACES, '').replace(CURRENCY, '').replace(/[\u2212\u2013]/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
  let percent = false;
  if (s.endsWith('%')) { percent = true; s = s.slice(0, -1); }
  if (s.startsWith('+')) s = s.slice(1);
  else if (s.startsWith('-')) { negative = !negative; s = s.slice(1); }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { kind: 'bad' };
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let normal: string;
  if (commas > 0 && dots > 0) {
    // The later separator is the decimal one: 1.250.000,50 or 1,250,000.50.
    const decimalSep = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const groupSep = decimalSep === ',' ? '.' : ',';
    if (s.split(decimalSep).length !== 2) return { kind: 'bad' };
    normal = s.split(groupSep).join('').replace(decimalSep, '.');
  } else if (commas > 1) {
    if (!/^\d{1,3}(,\d{3})+$/.test(s)) return { kind: 'bad' };
    normal = s.replace(/,/g, '');
  } else if (dots > 1) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return { kind: 'bad' };
    normal = s.replace(/\./g, '');
  } else if (commas === 1 && /^\d{1,3},\d{3}$/.test(s) && thousandsComma) {
    normal = s.replace(',', '');
  } else {
    normal = s.replace(',', '.');
  }
  if (!/^(\d+\.?\d*|\.\d+)$/.test(normal)) return { kind: 'bad' };
  let value = new Dec(normal);
  if (negative) value = value.negated();
  if (percent) value = value.dividedBy(100);
  return { kind: 'number', value, percent };
}
