/**
 * The motivation regulation (SPEC §13) as both adapters make it: the workbook read once, the
 * document model built by the core, and — for Sheets — the document as a tab model (kind
 * 'regulation'): clause numbers in column A, the text wrapped in column B, tables across B…E,
 * every number written as text inside the sentences.
 */
import { buildRegulation } from '../core/regulation/build';
import type { RegulationDocument } from '../core/regulation/document';
import { schemeKey } from '../core/schemes';
import { msg } from '../core/messages/index';
import type { RawWorkbook } from './raw';
import { readWorkbook, type WorkbookRead } from './read';
import type { CellRange, TabCell, TabModel } from './tabModel';

export interface RegulationRunRequest {
  scheme: string;
  /** `YYYY-MM` / `YYYY-Qn`; blank → the latest Plans period naming the scheme. */
  period?: string | null;
}

export function regulationOfRead(read: WorkbookRead, req: RegulationRunRequest): RegulationDocument {
  return buildRegulation(read.input, { scheme: req.scheme, period: req.period ?? null, lang: read.lang, currency: read.currency });
}

/** @example runRegulation(raw, { scheme: 'Оклад + % + бонусы' }).version */
export function runRegulation(raw: RawWorkbook, req: RegulationRunRequest): RegulationDocument {
  return regulationOfRead(readWorkbook(raw), req);
}

/** Column widths of the regulation tab in pixels: number, text (and a table's first column), three narrower table columns. */
export const REGULATION_WIDTHS = [56, 420, 130, 130, 130];

/** The key marking the scheme's regulation tab: a rerun for the scheme replaces it, whatever the period. */
export function regulationTabKey(scheme: string): string {
  return `regulation:${schemeKey(scheme)}`.slice(0, 100);
}

/**
 * The document as a tab: the title block, then per section a bold heading row and one row per
 * clause (number | text); a table's header (bold) and rows start in column B. Every text cell is
 * wrapped so that the tab reads on screen and prints on A4 portrait, one page wide.
 */
export function regulationTab(doc: RegulationDocument): TabModel {
  const rows: TabCell[][] = [];
  const bold: CellRange[] = [];
  const range = (row: number, col: number, rs = 1, cs = 1): CellRange => ({ row, col, rows: rs, cols: cs });
  const add = (cells: TabCell[], isBold = false) => {
    rows.push(cells);
    if (isBold) bold.push(range(rows.length - 1, 0, 1, Math.max(cells.length, 1)));
  };
  for (const line of doc.approval) add(['', line]);
  add([]);
  add(['', doc.title], true);
  add(['', doc.subtitle]);
  add(['', doc.versionLine]);
  for (const s of doc.sections) {
    add([]);
    add([`${s.number}.`, s.title], true);
    for (const b of s.blocks) {
      if (b.kind === 'clause') add([b.number, b.text]);
      else {
        add(['', ...b.table.header], true);
        for (const r of b.table.rows) add(['', ...r]);
      }
    }
  }
  const width = REGULATION_WIDTHS.length;
  return {
    name: msg(doc.lang, 'reg.tabName', { scheme: doc.scheme }),
    kind: 'regulation',
    key: regulationTabKey(doc.scheme),
    rows,
    formats: [],
    bold,
    frozenRows: 0,
    columnWidths: REGULATION_WIDTHS,
    wrap: [range(0, 0, rows.length, width)],
    page: { orientation: 'portrait', fitToWidth: true, repeatRows: 0 },
  };
}
