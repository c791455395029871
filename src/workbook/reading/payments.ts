/** The Payments sheet (SPEC §2): part payments by deal id. */
import { isBlank } from '../../core/numbers';
import type { Payment } from '../../core/model';
import { isBlankRow } from '../headers';
import type { Located, Reader } from './reader';
import { cell, idText } from './reader';

export function readPayments(reader: Reader, loc: Located, dealIds: ReadonlySet<string>, dealsSheet: string, openIds: ReadonlySet<string> = new Set()): Payment[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('payments', name, cols) || !cols) return [];
  const { dealId: iId, date: iDate, amount: iAmount } = cols.index;
  const h = cols.header;
  const payments: Payment[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row) || reader.formulaGap(loc, r)) continue;
    const before = reader.issues.length;
    const idCell = cell(row, iId);
    let dealId: string | null = null;
    if (isBlank(idCell)) reader.issue('missing_deal_id', name, r, h.dealId, idCell, 'workbook.issue.missingDealId');
    else dealId = idText(idCell);
    const date = reader.day(cell(row, iDate), name, r, h.date!, 'workbook.issue.missingDate', 'missing_date');
    const amount = reader.money(cell(row, iAmount), name, r, h.amount!, 'workbook.issue.missingAmount', 'missing_amount');
    if (reader.issues.length > before) continue;
    // A prepayment on a deal still open in the CRM counts for nothing yet, and is no mistake.
    if (!dealIds.has(dealId!) && openIds.has(dealId!)) continue;
    if (!dealIds.has(dealId!)) {
      reader.issue('unknown_deal_id', name, r, h.dealId, idCell, 'workbook.issue.unknownDealId', { deals: dealsSheet });
      continue;
    }
    payments.push({ ref: { sheet: name, row: r + 1 }, dealId: dealId!, date: date!, amount: amount! });
  }
  return payments;
}

