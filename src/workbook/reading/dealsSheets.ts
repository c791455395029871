/**
 * Which sheet(s) hold the deals (SPEC §10.1 "one deals sheet, never a guess"): the one the
 * mapping names — several, comma-separated, read as one table (`--deals "Сделки 2025,Сделки 2026"`,
 * the sidebar's mapping) — else the one named Deals/Сделки, else the only sheet whose name starts
 * so. Two or more such sheets and none chosen stops the run with the list and how to choose.
 */
import { KpiUserError } from '../../core/issues';
import { msg } from '../../core/messages';
import type { ColumnMapping, RawSheet, SheetRole } from '../raw';
import type { DetectedMapping } from '../headers';
import { findSheet, normalizeSheetName, sheetCandidates } from '../headers';
import type { Located, Reader } from './reader';
import { locateSheet, sheetList } from './reader';

/** The sheets a mapping's deals entry names: one exact name (commas and all), else a comma-separated list. */
export function chosenDealsSheets(sheets: readonly RawSheet[], chosen: string): { found: RawSheet[]; missing: string[] } {
  const byName = (name: string) => sheets.find((s) => s.name === name) ?? sheets.find((s) => normalizeSheetName(s.name) === normalizeSheetName(name));
  const whole = byName(chosen.trim());
  if (whole) return { found: [whole], missing: [] };
  const found: RawSheet[] = [];
  const missing: string[] = [];
  for (const part of chosen.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const sheet = byName(part);
    if (!sheet) missing.push(part);
    else if (!found.includes(sheet)) found.push(sheet);
  }
  return { found, missing };
}

/**
 * The sheets a role reads by name, as the reader will pick them: for Deals every sheet of a
 * chosen comma list, else the one `findSheet` gives. `mappedMissing` when a sheet chosen by hand is
 * gone (the reader then names every sheet). The Sheets adapter reads the values of exactly these.
 */
export function roleSheets(sheets: readonly RawSheet[], role: SheetRole, mapping?: ColumnMapping): { sheets: RawSheet[]; mappedMissing: boolean } {
  const chosen = mapping?.sheets?.[role];
  if (role === 'deals' && chosen && chosen.trim() !== '') {
    const { found, missing } = chosenDealsSheets(sheets, chosen);
    return { sheets: found, mappedMissing: missing.length > 0 };
  }
  const found = findSheet(sheets, role, mapping);
  return { sheets: found.sheet ? [found.sheet] : [], mappedMissing: found.mappedMissing !== null };
}

export function locateDeals(reader: Reader, detected: DetectedMapping): Located[] {
  const lang = reader.lang;
  const sheets = reader.raw.sheets;
  const chosen = reader.raw.mapping?.sheets?.deals;
  let picked: RawSheet[];
  if (chosen && chosen.trim() !== '') {
    const { found, missing } = chosenDealsSheets(sheets, chosen);
    if (missing.length > 0) {
      throw new KpiUserError(msg(lang, 'workbook.mappedSheetMissing', {
        sheet: missing.join('", "'), role: msg(lang, 'workbook.role.deals'), sheets: sheetList(reader),
      }));
    }
    picked = found;
  } else {
    picked = sheetCandidates(sheets, 'deals');
    if (picked.length === 0) throw new KpiUserError(msg(lang, 'workbook.noDeals', { sheets: sheetList(reader) }));
    if (picked.length > 1) {
      const names = picked.map((s) => s.name);
      throw new KpiUserError(msg(lang, 'reading.severalDealsSheets', {
        sheets: names.map((n) => `"${n}"`).join(', '),
        example: names.join(','),
      }));
    }
  }
  detected.sheets.deals = picked.map((s) => s.name).join(', ');
  return picked.map((s) => locateSheet(reader, 'deals', s, detected)!);
}
