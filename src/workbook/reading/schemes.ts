/** The Schemes sheet (SPEC §3): rule rows as written; core/schemes.ts parses them. */
import { isBlank } from '../../core/numbers';
import type { SchemeRow } from '../../core/model';
import { isBlankRow } from '../headers';
import type { Located, Reader } from './reader';
import { cell, cleanName } from './reader';

export function readSchemes(reader: Reader, loc: Located): SchemeRow[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('schemes', name, cols) || !cols) return [];
  const ix = cols.index;
  const h = cols.header;
  const rows: SchemeRow[] = [];
  // A blank scheme cell continues the scheme of the row above (merged-looking layout).
  let lastScheme: string | null = null;
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row) || reader.formulaGap(loc, r)) continue;
    const schemeCell = cell(row, ix.scheme);
    const ruleCell = cell(row, ix.rule);
    const scheme: string | null = isBlank(schemeCell) ? lastScheme : cleanName(schemeCell);
    if (scheme === null) {
      reader.issue('missing_scheme', name, r, h.scheme, schemeCell, 'workbook.issue.missingScheme');
      continue;
    }
    lastScheme = scheme;
    if (isBlank(ruleCell)) {
      reader.issue('missing_rule', name, r, h.rule, ruleCell, 'workbook.issue.missingRule');
      continue;
    }
    rows.push({
      ref: { sheet: name, row: r + 1 },
      scheme,
      rule: ruleCell,
      metric: cell(row, ix.metric),
      rate: cell(row, ix.rate),
      amount: cell(row, ix.amount),
      threshold: cell(row, ix.threshold),
      tiers: cell(row, ix.tiers),
      mode: cell(row, ix.mode),
      cap: cell(row, ix.cap),
      months: cell(row, ix.months),
      comment: cell(row, ix.comment),
      ...(ix.filter !== null && ix.filter !== undefined ? { filter: cell(row, ix.filter) } : {}),
      formats: schemeFormats(loc.sheet.formats?.[r], ix),
      // Rates and amounts typed as text read in the workbook's language, not the messages' (CLI --lang).
      ...(reader.numberLang !== reader.lang ? { numberLang: reader.numberLang } : {}),
    });
  }
  return rows;
}

/** The number formats of a Schemes row's number cells (a percent format changes how a rate reads, SPEC §10.2). */
function schemeFormats(formats: string[] | undefined, ix: Record<string, number | null>): SchemeRow['formats'] {
  if (!formats) return undefined;
  const out: NonNullable<SchemeRow['formats']> = {};
  for (const field of ['rate', 'amount', 'threshold', 'cap', 'tiers'] as const) {
    const i = ix[field];
    if (i !== null && i !== undefined && formats[i]) out[field] = formats[i];
  }
  return out;
}
