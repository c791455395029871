/** The Managers / Сотрудники sheet (SPEC §12): who is who, and e-mail → manager. */
import { isBlank } from '../../core/numbers';
import { isBlankRow } from '../headers';
import type { Located, Reader } from './reader';
import { cell, cleanName } from './reader';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

export function readManagers(reader: Reader, loc: Located, emails: Map<string, string>): void {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('managers', name, cols) || !cols) return;
  const { manager: iManager, email: iEmail } = cols.index;
  const h = cols.header;
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row)) continue;
    const managerCell = cell(row, iManager);
    const emailCell = cell(row, iEmail);
    if (isBlank(managerCell)) {
      reader.issue('missing_manager', name, r, h.manager, managerCell, 'workbook.issue.missingManager');
      continue;
    }
    if (isBlank(emailCell)) {
      reader.issue('missing_email', name, r, h.email, emailCell, 'workbook.issue.missingEmail');
      continue;
    }
    const email = cleanName(emailCell).toLowerCase();
    if (!EMAIL_SHAPE.test(email)) {
      reader.issue('bad_email', name, r, h.email, emailCell, 'workbook.issue.badEmail');
      continue;
    }
    emails.set(email, reader.managers.name(managerCell));
  }
}

