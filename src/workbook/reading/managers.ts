/**
 * The Managers / Сотрудники sheet (SPEC §12): who is who — the name as the company spells it, the
 * e-mail (My earnings, statements), the other spellings that mean the same person (`также известен
 * как`, `;`-separated), employee id, team head, hired date. Its own issues: a duplicate manager or
 * e-mail, an alias that names two people, a head who is not a manager, a bad hired date.
 */
import type { ManagerRecord } from '../../core/model';
import { isBlank } from '../../core/numbers';
import { displayName, nameKey } from '../../core/ownership';
import type { TwoWayDate } from '../../core/twoWayDates';
import { isBlankRow } from '../headers';
import type { Located, Reader } from './reader';
import { cell, cleanName } from './reader';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** The aliases of one cell: `;`-separated (a line break or `|` too), each cleaned, blanks dropped. */
export function aliasList(text: string): string[] {
  return text.split(/[;\n|]+/).map((a) => displayName(a)).filter((a) => a !== '');
}

/** `twoWayDates` collects the `hired` dates that read two ways (the run withholds where a guarantee depends on them). */
export function readManagers(reader: Reader, loc: Located, twoWayDates?: TwoWayDate[]): ManagerRecord[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('managers', name, cols) || !cols) return [];
  const { manager: iManager, email: iEmail, aliases: iAliases, employeeId: iId, head: iHead, hired: iHired } = cols.index;
  const h = cols.header;
  const records: ManagerRecord[] = [];
  const byKey = new Map<string, ManagerRecord>();
  const emailRow = new Map<string, number>();
  const headCells: { record: ManagerRecord; rowIndex: number }[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row)) continue;
    if (reader.formulaGap(loc, r)) continue;
    const managerCell = reader.managerCell(cell(row, iManager), name, r, h.manager);
    if (isBlank(managerCell)) continue;
    const manager = cleanName(managerCell);
    const first = byKey.get(nameKey(manager));
    if (first) {
      reader.issue('duplicate_manager', name, r, h.manager, managerCell, 'reading.issue.duplicateManager', { firstRow: first.ref.row });
      continue;
    }
    let email: string | null = null;
    const emailCell = cell(row, iEmail);
    if (!isBlank(emailCell)) {
      const text = cleanName(emailCell).toLowerCase();
      if (!EMAIL_SHAPE.test(text)) {
        reader.issue('bad_email', name, r, h.email, emailCell, 'workbook.issue.badEmail');
        continue;
      }
      const firstRow = emailRow.get(text);
      if (firstRow !== undefined) {
        // Whose statement would go to this address is not known: neither row keeps it.
        reader.issue('duplicate_email', name, r, h.email, emailCell, 'reading.issue.duplicateEmail', { firstRow });
      } else {
        emailRow.set(text, r + 1);
        email = text;
      }
    }
    const aliasCell = cell(row, iAliases);
    const idCell = cell(row, iId);
    const headCell = cell(row, iHead);
    const hired = iHired === null ? null : reader.day(row[iHired] ?? '', name, r, h.hired!, null, '', true, 'dates.consequence.hiredKept');
    // SPEC §10.2: a hired date that reads two ways is kept as blank, and the guarantee it decides withholds (core/twoWayDates).
    if (iHired !== null && reader.lastTwoWays && twoWayDates) {
      twoWayDates.push({ ref: { sheet: name, row: r + 1 }, column: h.hired!, value: String(row[iHired!]).trim(), manager, days: reader.lastTwoWays, hired: true });
    }
    const record: ManagerRecord = {
      ref: { sheet: name, row: r + 1 },
      manager,
      email,
      aliases: isBlank(aliasCell) ? [] : aliasList(String(aliasCell)),
      employeeId: isBlank(idCell) ? null : typeof idCell === 'number' ? String(idCell) : cleanName(idCell),
      head: isBlank(headCell) ? null : cleanName(headCell),
      hired: hired ?? null,
    };
    if (record.head !== null) headCells.push({ record, rowIndex: r });
    byKey.set(nameKey(manager), record);
    records.push(record);
  }
  // A duplicated e-mail is dropped from its first row too.
  const dropped = new Set(reader.issues.filter((i) => i.code === 'duplicate_email' && i.sheet === name).map((i) => String(i.value).toLowerCase().trim()));
  for (const rec of records) if (rec.email !== null && dropped.has(rec.email)) rec.email = null;

  checkAliases(reader, loc, records, byKey);
  for (const { record, rowIndex } of headCells) {
    if (!byKey.has(nameKey(record.head!))) {
      reader.issue('unknown_head', name, rowIndex, h.head, record.head, 'reading.issue.unknownHead');
      record.head = null;
    }
  }
  return records;
}

/**
 * An alias must point at one person: one that is another manager's name, or that two managers
 * both claim, is an issue and is dropped from every record that claims it.
 */
function checkAliases(reader: Reader, loc: Located, records: ManagerRecord[], byKey: Map<string, ManagerRecord>): void {
  const claimedBy = new Map<string, ManagerRecord>();
  const bad = new Set<string>();
  const name = loc.sheet.name;
  const column = loc.cols!.header.aliases;
  for (const rec of records) {
    const own = nameKey(rec.manager);
    for (const alias of rec.aliases) {
      const key = nameKey(alias);
      if (key === own) continue;
      const other = byKey.get(key) ?? claimedBy.get(key);
      if (other && other !== rec) {
        reader.issue('ambiguous_alias', name, rec.ref.row - 1, column, alias, 'reading.issue.ambiguousAlias', { other: other.manager, manager: rec.manager });
        bad.add(key);
        continue;
      }
      claimedBy.set(key, rec);
    }
  }
  for (const rec of records) rec.aliases = rec.aliases.filter((a) => nameKey(a) !== nameKey(rec.manager) && !bad.has(nameKey(a)));
}
