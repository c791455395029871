import { msg } from '../../core/messages/index';
import type { Lang } from '../../core/money';

/**
 * The column report (SPEC §10.1): for every sheet read, which header each field took (fields named
 * as SPEC §2's English columns with `_`; Plans' metric columns by their metric) and which headers
 * were ignored. The JSON's `"columns"`, checkData, the summary tab and the CLI all show it.
 */
export interface ColumnReport {
  /** sheet name → field → the header as written, or null when the sheet has no such column. */
  sheets: Record<string, Record<string, string | null>>;
  /** sheet name → headers no field took. */
  ignored: Record<string, string[]>;
}

/** The JSON shape: `{ "<sheet>": { "<field>": "<header or null>" }, "ignored": { "<sheet>": […] } }`. */
export type ColumnReportJson = Record<string, Record<string, string | null> | Record<string, string[]>>;

export function columnReportJson(report: ColumnReport): ColumnReportJson {
  const out: ColumnReportJson = {};
  for (const [sheet, fields] of Object.entries(report.sheets)) out[sheet] = { ...fields };
  out.ignored = Object.fromEntries(Object.entries(report.ignored).map(([s, h]) => [s, [...h]]));
  return out;
}

/** One sheet's used fields as text: `date ← «Дата закрытия», manager ← «Ответственный»`. */
function usedText(fields: Record<string, string | null>, lang: Lang): string {
  const used = Object.entries(fields).filter(([, h]) => h !== null).map(([f, h]) => `${f} ← «${h}»`);
  return used.length ? used.join(', ') : msg(lang, 'workbook.none');
}

const quoted = (headers: string[]) => headers.map((h) => `«${h}»`).join(', ');

/** The report as lines of text (CLI): a title, then `Сделки: date ← «Дата закрытия», …; ignored: «Название»`. */
export function columnReportLines(report: ColumnReport, lang: Lang): string[] {
  const lines = [msg(lang, 'reading.columnsTitle') + ':'];
  for (const [sheet, fields] of Object.entries(report.sheets)) {
    const ignored = report.ignored[sheet] ?? [];
    lines.push(`  ${sheet}: ${usedText(fields, lang)}` + (ignored.length ? `; ${msg(lang, 'reading.columnsIgnored')}: ${quoted(ignored)}` : ''));
  }
  return lines;
}

/** The report as summary-tab rows: a title row, then [sheet, fields used, ignored headers] per sheet. */
export function columnReportRows(report: ColumnReport, lang: Lang): string[][] {
  const rows = [[msg(lang, 'reading.columnsTitle'), '', msg(lang, 'reading.columnsIgnored')]];
  for (const [sheet, fields] of Object.entries(report.sheets)) rows.push([sheet, usedText(fields, lang), quoted(report.ignored[sheet] ?? [])]);
  return rows;
}
