import type { SchemeColumn } from './templates';

/**
 * An expected problem in the user's data: a value, never an exception (STYLE §7).
 * `row` is the row number as Sheets shows it (1-based, header included); null for
 * sheet-level issues. `message` is already in the workbook's language.
 */
export interface Issue {
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  /** The Schemes column at fault (scheme validation), so the sidebar can show the message beside the field. */
  field?: SchemeColumn;
}

/** A bug, not bad data: thrown by `assert`, turned into a message only by an adapter. */
export class KpiAssertionError extends Error {
  override name = 'KpiAssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new KpiAssertionError(message);
}

/** How a cell value is quoted in an issue: dates as ISO days, everything else as text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString().slice(0, 10);
  }
  return String(v);
}

/**
 * A problem with the whole run that the user must fix (no Deals sheet, a bad period): carries a
 * message already in the user's language. Adapters show it as one line, never a stack trace.
 */
export class KpiUserError extends Error {
  override name = 'KpiUserError';
}
