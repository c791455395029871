import { Dec } from './decimal';

/** What a spreadsheet cell can hold, as Sheets' getValues() and custom functions pass it. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type NumberParse =
  | { kind: 'blank' }
  | { kind: 'number'; value: Dec; percent: boolean }
  | { kind: 'bad' };

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000']/g;
const CURRENCY = /(₽|руб\.?|р\.|rub|\$|usd|€|eur|₸|тг|₴|грн|£|¥)/gi;

export function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Reads a number as owners' sheets hold it: a real number, or text exported from 1C/CRMs —
 * `1 250 000,50`, `1 250 000.50 ₽`, `12,5%`, NBSP/thin-space thousands separators,
 * `(1 000)` or a Unicode minus for negatives. A comma is a decimal separator when it sits
 * between digits and is not a thousands separator (`1,250,000` is one million and a quarter).
 */
export function parseNumber(v: CellValue): NumberParse {
  if (isBlank(v)) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: new Dec(String(v)), percent: false } : { kind: 'bad' };
  if (typeof v !== 'string') return { kind: 'bad' };
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
  } else {
    normal = s.replace(',', '.');
  }
  if (!/^(\d+\.?\d*|\.\d+)$/.test(normal)) return { kind: 'bad' };
  let value = new Dec(normal);
  if (negative) value = value.negated();
  if (percent) value = value.dividedBy(100);
  return { kind: 'number', value, percent };
}
