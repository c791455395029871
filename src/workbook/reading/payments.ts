/** The Payments sheet (SPEC §2): part payments by deal id. */
import { isBlank } from '../../core/numbers';
import type { Deal, Payment } from '../../core/model';
import type { TwoWayDate } from '../../core/twoWayDates';
import { isBlankRow } from '../headers';
import type { Located, Reader } from './reader';
import { cell, idText } from './reader';

/**
 * A payment date that reads two ways leaves the payment out (issue on the cell); with `twoWays`, the
 * managers of its deal (`managersOf(id)`) are withheld in both periods it could fall in (core/twoWayDates).
 */
export interface PaymentTwoWays {
  managersOf: (dealId: string) => readonly string[];
  out: TwoWayDate[];
}

export function readPayments(reader: Reader, loc: Located, dealIds: ReadonlySet<string>, dealsSheet: string, openIds: ReadonlySet<string> = new Set(), twoWays?: PaymentTwoWays): Payment[] {
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
    if (reader.lastTwoWays && twoWays && dealId !== null && dealIds.has(dealId)) {
      const value = String(cell(row, iDate)).trim();
      for (const manager of twoWays.managersOf(dealId)) twoWays.out.push({ ref: { sheet: name, row: r + 1 }, column: h.date!, value, manager, days: reader.lastTwoWays });
    }
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

/**
 * Who a deal's payments are credited to, by deal id: its manager, the managers of its split and
 * whoever attracted it. The index is built on the first call (only a payment date that reads two ways asks).
 */
export function dealManagers(deals: readonly Deal[]): (dealId: string) => readonly string[] {
  let byId: Map<string, string[]> | null = null;
  return (dealId) => {
    if (!byId) {
      byId = new Map();
      for (const d of deals) {
        if (d.id === null) continue;
        const names = byId.get(d.id) ?? [];
        for (const m of [d.manager, ...(d.split ?? []).map((s) => s.manager), d.attractedBy]) if (m && !names.includes(m)) names.push(m);
        byId.set(d.id, names);
      }
    }
    return byId.get(dealId) ?? [];
  };
}
