/**
 * Sheets' 10 000 000-cell cap (SPEC §9, §10.3): when the new tabs would take the spreadsheet past
 * it, the deals-behind lists — the one part of a statement that grows with the deals — are cut to
 * the same length in every manager tab, with a note that the full list is in the CLI output. The
 * statement lines, KPI table and totals are never cut. Pure.
 */
import { KpiUserError } from '../core/issues';
import { msg } from '../core/messages/index';
import type { Lang } from '../core/money';
import type { CellRange, TabModel } from '../workbook/tabModel';

/** Where a manager tab's deals-behind rows start (0-based) and how many there are; null when it has none. */
function dealsSection(tab: TabModel, lang: Lang): { start: number; count: number } | null {
  if (tab.kind !== 'manager') return null;
  const title = msg(lang, 'tabs.deals.title');
  for (let i = tab.rows.length - 1; i >= 0; i--) {
    if (tab.rows[i]?.[0] === title) {
      const start = i + 2; // the title, then the header row
      return { start, count: Math.max(0, tab.rows.length - start) };
    }
  }
  return null;
}

/** A tab's widest row (a loop: `Math.max(...rows)` overflows the call stack past ~125 000 rows). */
export function widestRow(rows: readonly (readonly unknown[])[]): number {
  let cols = 1;
  for (const r of rows) if (r.length > cols) cols = r.length;
  return cols;
}

/** The grid a tab needs: its cells, room for its charts, a row below the frozen ones, its column widths. */
export function tabGrid(tab: TabModel): { rows: number; cols: number } {
  let rows = Math.max(1, tab.rows.length, tab.frozenRows + 1);
  let cols = Math.max(widestRow(tab.rows), (tab.columnWidths ?? []).length);
  for (const c of tab.charts ?? []) {
    rows = Math.max(rows, c.anchor.row + 20);
    cols = Math.max(cols, c.anchor.col + 8);
  }
  return { rows, cols };
}

const clip = (r: CellRange, rows: number): CellRange | null => (r.row >= rows ? null : { ...r, rows: Math.min(r.rows, rows - r.row) });

/** The tab with only its first `keep` deals and a note row in their place of the rest. */
function cutDeals(tab: TabModel, start: number, count: number, keep: number, lang: Lang): TabModel {
  const end = start + keep;
  const rows = [...tab.rows.slice(0, end), [msg(lang, 'ui.dealsCut', { shown: keep, total: count })]];
  return {
    ...tab,
    rows,
    formats: tab.formats.flatMap((f) => {
      const range = clip(f.range, end);
      return range ? [{ range, format: f.format }] : [];
    }),
    bold: [...tab.bold.flatMap((b) => clip(b, end) ?? []), { row: end, col: 0, rows: 1, cols: 1 }],
    links: (tab.links ?? []).filter((l) => l.row < end),
  };
}

function cells(tab: TabModel): number {
  const g = tabGrid(tab);
  return g.rows * g.cols;
}

/**
 * `tabs` as they fit in `room` cells: the same array when they fit; else every manager tab's deals
 * list cut to the longest common length that fits (found by bisection). Throws a KpiUserError when
 * even the statements without any deal would not fit.
 */
export function fitToCellCap(tabs: readonly TabModel[], room: number, lang: Lang): readonly TabModel[] {
  const total = tabs.reduce((n, t) => n + cells(t), 0);
  if (total <= room) return tabs;
  const sections = tabs.map((t) => dealsSection(t, lang));
  const at = (keep: number) =>
    tabs.map((t, i) => {
      const s = sections[i];
      return s && s.count > keep ? cutDeals(t, s.start, s.count, keep, lang) : t;
    });
  const fits = (keep: number) => at(keep).reduce((n, t) => n + cells(t), 0) <= room;
  if (!fits(0)) throw new KpiUserError(msg(lang, 'ui.cellCap', { cells: total }));
  let lo = 0;
  let hi = Math.max(0, ...sections.map((s) => s?.count ?? 0));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return at(lo);
}
