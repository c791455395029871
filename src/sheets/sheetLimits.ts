/**
 * What a real spreadsheet refuses, counted the way Sheets counts (SPEC §10.3; APPS_SCRIPT_NOTES
 * "Limits that lose data when ignored"), and the calendar as Sheets stores it. Pure: no service
 * call, no Intl — the bundle's date path does no time-zone arithmetic at all.
 */
import type { LocalDate } from '../core/periods';
import { cutUtf16 } from '../core/utf16';

export { cutUtf16 };

/** A tab name: at most 100 UTF-16 units (JS `.length`; one emoji is 2). */
export const MAX_SHEET_NAME = 100;
/** A cell: at most 50 000 characters ("Your input contains more than the maximum of 50000 characters in a single cell"). */
export const MAX_CELL_CHARS = 50_000;
/** A spreadsheet: at most 10 000 000 cells, every sheet's grid counted (max rows × max columns). */
export const MAX_CELLS = 10_000_000;

/** `text` as a cell can hold it: cut with `…` to `max` UTF-16 units (SPEC §10.3: values quoted in issues are cut). */
export function fitCell(text: string, max = MAX_CELL_CHARS): string {
  return text.length <= max ? text : `${cutUtf16(text, max - 1)}…`;
}

/** 1899-12-30, day 0 of Sheets' (and Excel's 1900) serial day numbers. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The serial day number of a calendar day (days since 1899-12-30). Written with a date number
 * format it is that day in the spreadsheet's calendar, whatever its time zone: no local midnight
 * is computed, so a day whose midnight does not exist (Santiago, Havana, Asunción, São Paulo on
 * their daylight-saving days) is written as well as any other.
 */
export function serialDay(day: LocalDate): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - SERIAL_EPOCH_UTC) / DAY_MS);
}

/**
 * `yyyy-MM-dd HH:mm:ss` of a time-only cell (a day of 1899-12-30 in the spreadsheet's zone, how
 * getValues returns a cell Sheets turned into a time) as the text the owner typed: `1:30`,
 * `10:50`, `0:15:30`. Null when the cell holds a real day.
 */
export function typedTime(stamp: string): string | null {
  const m = /^1899-12-30 (\d\d):(\d\d):(\d\d)$/.exec(stamp);
  if (!m) return null;
  const h = String(Number(m[1]));
  return m[3] === '00' ? `${h}:${m[2]}` : `${h}:${m[2]}:${m[3]}`;
}

/** Whether a Date may be a time-only cell: before 1900-01-02 UTC in any zone (a real deal date never is). */
export function mayBeTimeOnly(d: Date): boolean {
  return d.getTime() < Date.UTC(1900, 0, 2);
}
