/**
 * Column widths of a statement tab that print well (SPEC §12): each column as wide as its longest
 * value (within bounds), so nothing is cut at the page's right edge once the tab is fitted to one
 * A4 landscape page wide; and wide enough overall that a statement with 30 deals behind it also
 * fits one page high (fitting to the width scales the height by the same factor).
 * Pure: both renderers (Sheets, .xlsx) take the widths from the tab model.
 */
import { codePointLength } from '../core/utf16';
import type { CellFormat, CellRange, TabCell } from './tabModel';

/** Pixels per character of the default 10–11 pt font, and the cell's padding. */
const PX_PER_CHAR = 6.5;
const PADDING = 8;
/**
 * Printed, a row is 11 460 / W points high when the tab is W pixels wide and fitted to the width
 * of A4 landscape (measured with LibreOffice: 47 rows at 1 910 px took 276 pt); 523 pt are
 * printable between 0.5" margins. So N rows fit one page from W ≥ 21.9 N px; 24 N leaves room.
 */
export const PX_PER_ROW_ON_ONE_PAGE = 24;

const MIN_WIDTH = 60;
/** Rows beyond which a statement is not squeezed onto one page (30 deals and a full statement take about 70). */
export const MAX_ONE_PAGE_ROWS = 120;

function shownLength(v: TabCell | undefined, format: CellFormat | undefined): number {
  if (v === null || v === undefined || v === '') return 0;
  if (Object.prototype.toString.call(v) === '[object Date]') return 10;
  if (typeof v === 'number') {
    const digits = String(Math.round(Math.abs(v))).length;
    if (format === 'money') return digits + Math.floor((digits - 1) / 3) + 6; // `1 234 567,89 ₽`
    if (format === 'percent') return digits + 6;
    return digits + 5;
  }
  return codePointLength(String(v)); // no array per value: 20 000 deals behind a statement
}

/** Cells that hold something. */
function filled(cells: readonly TabCell[]): number {
  let n = 0;
  for (const v of cells) if (v !== null && v !== undefined && v !== '') n++;
  return n;
}

/**
 * Widths (px) for `rows`: the longest value of each column among rows of two or more cells (a
 * one-cell row is a title or a note and may run across), between MIN_WIDTH and `max[c]`; then, when
 * the whole is narrower than the rows need to print on one page, the `grow` column takes the rest.
 * @example fitColumnWidths([['Дата', 'Клиент'], ['2026-10-01', 'ООО «Ромашка»']], { max: [300, 300], grow: 1 }) // [73, 93]
 */
export function fitColumnWidths(
  rows: readonly (readonly TabCell[])[],
  opts: {
    max: readonly number[];
    grow: number;
    /** Columns whose text wraps: a value longer than the width takes more lines, so its row is taller. */
    wrap?: readonly number[];
    formatAt?: (row: number, col: number) => CellFormat | undefined;
  },
): number[] {
  const cols = opts.max.length;
  const chars = new Array<number>(cols).fill(0);
  rows.forEach((cells, r) => {
    if (filled(cells) < 2) return;
    for (let c = 0; c < Math.min(cols, cells.length); c++) chars[c] = Math.max(chars[c], shownLength(cells[c], opts.formatAt?.(r, c)));
  });
  const widths = chars.map((n, c) => Math.min(opts.max[c], Math.max(MIN_WIDTH, Math.round(n * PX_PER_CHAR + PADDING))));
  // A statement far longer than a page (hundreds of deals) prints on as many pages as it needs:
  // widening it would only shrink the print, so it keeps its natural widths.
  if (rows.length > MAX_ONE_PAGE_ROWS) return widths;
  const wrap = opts.wrap ?? [];
  // each row's wrapped values, as pixels of text (measured once)
  const wrapped = rows.map((cells) =>
    filled(cells) >= 2 ? wrap.map((c) => shownLength(cells[c], undefined) * PX_PER_CHAR + PADDING) : [],
  );
  // printed height in lines: a wrapped value takes ⌈its width ÷ the column's⌉ lines
  const lines = (): number =>
    wrapped.reduce((n, px) => n + px.reduce((tallest, w, i) => Math.max(tallest, Math.ceil(w / widths[wrap[i]])), 1), 0);
  // the grow column widens (its wrapped values take fewer lines) until the lines fit one page
  for (let guard = 0; guard < 400; guard++) {
    const total = widths.reduce((a, b) => a + b, 0);
    if (total >= lines() * PX_PER_ROW_ON_ONE_PAGE) break;
    widths[opts.grow] += 10;
  }
  return widths;
}

/**
 * The format of any cell of the ranges, by column then row: every row a range covers, not only the
 * one it starts at (`add` grows a range down a run of same-format cells: a money column's later rows
 * were measured as plain numbers, one group and ` ₽` short).
 */
export function formatLookup(formats: readonly { range: CellRange; format: CellFormat }[]): (row: number, col: number) => CellFormat | undefined {
  const byCol: (CellFormat | undefined)[][] = [];
  for (const { range, format } of formats) {
    for (let c = range.col; c < range.col + range.cols; c++) {
      const rows = (byCol[c] ??= []);
      for (let r = range.row; r < range.row + range.rows; r++) rows[r] = format;
    }
  }
  return (row, col) => byCol[col]?.[row];
}
