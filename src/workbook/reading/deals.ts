/** The Deals sheet (SPEC §2): one deal per row, status words, the totals line left out. */
import { ZERO } from '../../core/decimal';
import { KpiUserError } from '../../core/issues';
import type { CellValue } from '../../core/numbers';
import { isBlank } from '../../core/numbers';
import type { LocalDate } from '../../core/periods';
import type { Deal, DealStatus, PayoutInput } from '../../core/model';
import { msg, type MessageKey } from '../../core/messages';
import { isBlankRow, normalizeHeader, ROLE_FIELDS } from '../headers';
import type { Located, Reader } from './reader';
import { cell, idText } from './reader';

/** Status words (SPEC §2), normalised like headers: lower case, ё → е, punctuation as spaces. */
const STATUS_WORDS: Record<string, DealStatus> = {
  'успешно': 'won', 'успешна': 'won', 'успех': 'won', 'выиграна': 'won', 'выиграно': 'won', 'закрыта': 'won', 'закрыто': 'won',
  'закрыта успешно': 'won', 'сделка успешна': 'won', 'продажа': 'won', 'won': 'won', 'closed won': 'won', 'win': 'won', 'success': 'won',
  'проиграна': 'lost', 'проиграно': 'lost', 'отказ': 'lost', 'закрыта неуспешно': 'lost', 'провал': 'lost', 'lost': 'lost', 'closed lost': 'lost', 'loss': 'lost',
  'отменена': 'cancelled', 'отменено': 'cancelled', 'отмена': 'cancelled', 'аннулирована': 'cancelled', 'аннулировано': 'cancelled',
  'cancelled': 'cancelled', 'canceled': 'cancelled', 'void': 'cancelled',
};


/** `TRUE`/`FALSE` checkboxes and да/нет in a paid column; null when the cell holds an amount. */
const PAID_WORDS: Record<string, boolean> = { 'да': true, 'нет': false, 'yes': true, 'no': false, 'true': true, 'false': false };
function paidCheckbox(v: CellValue): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return null;
  const word = PAID_WORDS[v.trim().toLowerCase()];
  return word === undefined ? null : word;
}

/** A 1C/CRM totals line (`Итого`, `Всего`, `Total`) under the deals: a sum, not a deal. */
const TOTAL_WORDS = new Set(['итого', 'всего', 'total', 'totals', 'grand total', 'sum total', 'итого по отчету', 'итого по всем']);
function isTotalRow(row: readonly CellValue[]): boolean {
  for (const v of row) if (typeof v === 'string' && TOTAL_WORDS.has(normalizeHeader(v))) return true;
  return false;
}

export interface DealsRead {
  deals: Deal[];
  columns: PayoutInput['columns'];
}

export function readDeals(reader: Reader, loc: Located): DealsRead {
  const { sheet, headerRow, cols: maybeCols } = loc;
  const lang = reader.lang;
  const name = sheet.name;
  if (!maybeCols) {
    throw new KpiUserError(msg(lang, 'workbook.noHeaders', { sheet: name }));
  }
  const cols = maybeCols;
  for (const spec of ROLE_FIELDS.deals) {
    if (spec.required && cols.index[spec.field] === null) {
      const headers = cols.headers.filter((h) => h !== '');
      throw new KpiUserError(msg(lang, 'workbook.noColumn', {
        sheet: name,
        column: msg(lang, `workbook.field.${spec.field}` as MessageKey),
        headers: headers.length ? headers.map((h) => `"${h}"`).join(', ') : msg(lang, 'workbook.none'),
      }));
    }
  }
  const ix = cols.index;
  const h = cols.header;
  const iDate = ix.date, iManager = ix.manager, iAmount = ix.amount;
  const iClient = ix.client, iCost = ix.cost, iMargin = ix.margin, iStatus = ix.status, iPaid = ix.paid;
  const iPaidDate = ix.paidDate, iId = ix.dealId, iPartner = ix.partnerPrice, iAttracted = ix.attractedBy;
  const statusCache = new Map<string, DealStatus | null>();
  const firstRowOfId = new Map<string, number>();
  const deals: Deal[] = [];
  const values = sheet.values;

  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (isBlankRow(row) || (isBlank(cell(row, iDate)) && isTotalRow(row))) continue;
    const before = reader.issues.length;

    let status: DealStatus = 'won';
    if (iStatus !== null && !isBlank(row[iStatus])) {
      const text = String(row[iStatus]);
      let found = statusCache.get(text);
      if (found === undefined) {
        found = STATUS_WORDS[normalizeHeader(text)] ?? null;
        statusCache.set(text, found);
      }
      if (found === null) reader.issue('unknown_status', name, r, h.status, row[iStatus], 'workbook.issue.unknownStatus');
      else status = found;
    }
    const date = reader.day(cell(row, iDate), name, r, h.date!, 'workbook.issue.missingDate', 'missing_date');
    const managerCell = cell(row, iManager);
    if (isBlank(managerCell)) reader.issue('missing_manager', name, r, h.manager, managerCell, 'workbook.issue.missingManager');
    // A lost or cancelled deal may have no amount: it only counts towards conversion.
    const amountBlankKey: MessageKey | null = status === 'won' ? 'workbook.issue.missingAmount' : null;
    const amount = reader.money(cell(row, iAmount), name, r, h.amount!, amountBlankKey, 'missing_amount');
    // Date, manager, amount and status are required: a problem there leaves the deal out. A bad
    // optional cell (cost, margin, paid, partner price, paid date) is an issue and reads as blank;
    // the deal and its revenue stay (README decisions). A duplicate deal id leaves the row out too.
    let leftOut = reader.issues.length > before;
    let id: string | null = null;
    if (!leftOut && iId !== null && !isBlank(row[iId])) {
      id = idText(row[iId]);
      const first = firstRowOfId.get(id);
      if (first !== undefined) {
        reader.issue('duplicate_deal_id', name, r, h.dealId, row[iId], 'workbook.issue.duplicateDealId', { firstRow: first });
        leftOut = true;
      } else {
        firstRowOfId.set(id, r + 1);
      }
    }
    const kept = !leftOut;
    const cost = iCost === null ? null : reader.money(row[iCost], name, r, h.cost!, null, '', kept);
    const marginCell = iMargin === null ? null : reader.money(row[iMargin], name, r, h.margin!, null, '', kept);
    // A checkbox (or да/нет) in «Оплачено» says whether the deal is paid in full.
    const paidFlag = iPaid === null ? null : paidCheckbox(row[iPaid]);
    const paid = iPaid === null || paidFlag !== null ? null : reader.money(row[iPaid], name, r, h.paid!, null, '', kept);
    const partnerPrice = iPartner === null ? null : reader.money(row[iPartner], name, r, h.partnerPrice!, null, '', kept);
    const paidDate = iPaidDate === null ? null : reader.day(row[iPaidDate], name, r, h.paidDate!, null, '', kept);
    if (leftOut) continue;

    const amountDec = amount ?? ZERO;
    const margin = marginCell ?? (cost != null ? reader.difference(amountDec, cost) : null);
    const clientCell = cell(row, iClient);
    const attractedCell = cell(row, iAttracted);
    deals.push({
      ref: { sheet: name, row: r + 1 },
      id,
      date: date as LocalDate,
      manager: reader.managers.name(managerCell),
      client: isBlank(clientCell) ? null : reader.clients.name(clientCell),
      amount: amountDec,
      cost: cost ?? null,
      margin,
      status,
      paid: paidFlag === true ? amountDec : paid ?? null,
      paidDate: paidDate ?? null,
      partnerPrice: partnerPrice ?? null,
      attractedBy: isBlank(attractedCell) ? null : reader.managers.name(attractedCell),
    });
  }
  return {
    deals,
    columns: {
      status: iStatus !== null,
      client: iClient !== null,
      margin: iMargin !== null || iCost !== null,
      paid: iPaid !== null,
      partnerPrice: iPartner !== null,
      attractedBy: iAttracted !== null,
      dealId: iId !== null,
    },
  };
}

