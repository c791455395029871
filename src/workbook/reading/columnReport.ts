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

/** The report as lines of text (CLI, summary tab): `Сделки: date ← «Дата закрытия», …; ignored: «Название»`. */
export function columnReportLines(report: ColumnReport, labels: { ignored: string; none: string }): string[] {
  const lines: string[] = [];
  for (const [sheet, fields] of Object.entries(report.sheets)) {
    const used = Object.entries(fields).filter(([, h]) => h !== null).map(([f, h]) => `${f} ← «${h}»`);
    const ignored = report.ignored[sheet] ?? [];
    lines.push(`${sheet}: ${used.length ? used.join(', ') : labels.none}` + (ignored.length ? `; ${labels.ignored}: ${ignored.map((h) => `«${h}»`).join(', ')}` : ''));
  }
  return lines;
}
