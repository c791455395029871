/**
 * Periods and calendar days. The core never sees time zones: readers turn every date into a
 * calendar day (`YYYY-MM-DD`) in the spreadsheet's time zone before it gets here.
 */
import type { DateOrder } from './dateOrder';

export type LocalDate = string; // 'YYYY-MM-DD'

export type Period =
  | { kind: 'month'; year: number; month: number } // month 1..12
  | { kind: 'quarter'; year: number; quarter: number }; // quarter 1..4

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function periodKey(p: Period): string {
  return p.kind === 'month' ? `${p.year}-${pad(p.month)}` : `${p.year}-Q${p.quarter}`;
}

/** `2026-11`, `2026-Q4` (also `2026-q4`, `2026-11-01` → its month). Null when not a period. */
export function parsePeriod(text: string): Period | null {
  const s = String(text).trim();
  let m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : null;
  }
  m = /^(\d{4})-?[QqКк](\d)$/.exec(s);
  if (m) {
    const quarter = Number(m[2]);
    return quarter >= 1 && quarter <= 4 ? { kind: 'quarter', year: Number(m[1]), quarter } : null;
  }
  m = /^(\d{1,2})\.(\d{4})$/.exec(s); // 11.2026
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[2]), month } : null;
  }
  return null;
}

export function monthPeriodOf(day: LocalDate): Period {
  return { kind: 'month', year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

export function periodOf(day: LocalDate, cadence: 'month' | 'quarter'): Period {
  const month = monthPeriodOf(day) as { year: number; month: number };
  return cadence === 'month'
    ? { kind: 'month', year: month.year, month: month.month }
    : { kind: 'quarter', year: month.year, quarter: Math.floor((month.month - 1) / 3) + 1 };
}

/** First day of the period. */
export function periodStart(p: Period): LocalDate {
  const month = p.kind === 'month' ? p.month : (p.quarter - 1) * 3 + 1;
  return `${p.year}-${pad(month)}-01`;
}

/** First day after the period (half-open interval [start, end)). */
export function periodEnd(p: Period): LocalDate {
  const lastMonth = p.kind === 'month' ? p.month : p.quarter * 3;
  const y = lastMonth === 12 ? p.year + 1 : p.year;
  const m = lastMonth === 12 ? 1 : lastMonth + 1;
  return `${y}-${pad(m)}-01`;
}

export function inPeriod(day: LocalDate, p: Period): boolean {
  return day >= periodStart(p) && day < periodEnd(p);
}

export function samePeriod(a: Period, b: Period): boolean {
  return periodKey(a) === periodKey(b);
}

/** The month before the one `today` falls in: the default period of *Generate payouts*. */
export function lastCompleteMonth(today: LocalDate): Period {
  const { year, month } = monthPeriodOf(today) as { year: number; month: number };
  return month === 1 ? { kind: 'month', year: year - 1, month: 12 } : { kind: 'month', year, month: month - 1 };
}

export function previousPeriod(p: Period): Period {
  if (p.kind === 'month') return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { kind: 'month', year: p.year, month: p.month - 1 };
  return p.quarter === 1 ? { kind: 'quarter', year: p.year - 1, quarter: 4 } : { kind: 'quarter', year: p.year, quarter: p.quarter - 1 };
}

export function nextPeriod(p: Period): Period {
  if (p.kind === 'month') return p.month === 12 ? { kind: 'month', year: p.year + 1, month: 1 } : { kind: 'month', year: p.year, month: p.month + 1 };
  return p.quarter === 4 ? { kind: 'quarter', year: p.year + 1, quarter: 1 } : { kind: 'quarter', year: p.year, quarter: p.quarter + 1 };
}

/** Whole months from `from` to `to` (both calendar days): 2026-01-31 → 2026-02-28 is 0, → 2026-03-01 is 1. */
export function wholeMonthsBetween(from: LocalDate, to: LocalDate): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}

/** Is `s` a valid calendar day in the form YYYY-MM-DD? */
export function isLocalDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Reads a date as owners' sheets hold it: a Date (already a day in the sheet's time zone,
 * via `toLocalDay`), or text `22.11.2026`, `22.11.26`, `2026-11-22`, `2026/11/22`, `22/11/2026`.
 * `toLocalDay` is injected by the adapter (Utilities.formatDate in Apps Script, Intl in Node),
 * so the core stays free of time zones. A slash date that reads two ways (`03/04/2026`) follows
 * `order` (the spreadsheet's locale, core/dateOrder.ts); with no order it is null. Null for anything else.
 */
export function parseDay(v: unknown, toLocalDay: (d: Date) => LocalDate, order: DateOrder | null = 'dmy'): LocalDate | null {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return isNaN(d.getTime()) ? null : toLocalDay(d);
  }
  if (typeof v !== 'string') return null;
  const read = readDayText(v, order);
  return read && 'day' in read ? read.day : null;
}

/**
 * A text date: its day, or — a slash date whose day and month both fit 1…12 and differ, with no
 * `order` — both readings, day-first then month-first (SPEC §10.3: never a guess). `only` is set on
 * a slash date that reads one way alone (`22/11/2026` is day first whatever the locale): the
 * evidence of a sheet's order. Dots are day first everywhere (`03.04.2026`); year first is ISO.
 */
export type DayText = { day: LocalDate; only?: DateOrder } | { twoWays: [dayFirst: LocalDate, monthFirst: LocalDate] };

export function readDayText(text: string, order: DateOrder | null): DayText | null {
  const s = text.trim();
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) {
    const day = `${m[1]}-${pad(Number(m[3]))}-${pad(Number(m[4]))}`;
    return isLocalDate(day) ? { day } : null;
  }
  m = /^(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (!m) return null;
  const year = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  const dayFirst = `${year}-${pad(Number(m[3]))}-${pad(Number(m[1]))}`;
  if (m[2] === '.') return isLocalDate(dayFirst) ? { day: dayFirst } : null;
  const monthFirst = `${year}-${pad(Number(m[1]))}-${pad(Number(m[3]))}`;
  const asDmy = isLocalDate(dayFirst);
  const asMdy = isLocalDate(monthFirst);
  if (asDmy && asMdy) {
    if (dayFirst === monthFirst) return { day: dayFirst };
    if (order === null) return { twoWays: [dayFirst, monthFirst] };
    return { day: order === 'dmy' ? dayFirst : monthFirst };
  }
  if (asDmy) return { day: dayFirst, only: 'dmy' };
  if (asMdy) return { day: monthFirst, only: 'mdy' };
  return null;
}

/** A Date as a calendar day in an IANA time zone, with Intl (Node, and V8 in Apps Script). */
export function intlLocalDay(timeZone: string): (d: Date) => LocalDate {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (d: Date) => {
    const parts = fmt.formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
}
