/**
 * The Deals sheet (SPEC §2, §10.1): one deal per row, status words (CRM stages: open deals left
 * out), the totals line left out; several sheets with the same columns read as one table.
 */
import { ZERO } from '../../core/decimal';
import { KpiUserError } from '../../core/issues';
import type { CellValue } from '../../core/numbers';
import { isBlank } from '../../core/numbers';
import type { LocalDate } from '../../core/periods';
import type { Deal, DealStatus, PayoutInput } from '../../core/model';
import type { TwoWayDate } from '../../core/twoWayDates';
import { msg, type MessageKey } from '../../core/messages';
import type { Lang } from '../../core/money';
import type { ColumnMap } from '../headers';
import { dealPlansCache, readDealPlans, type DealPlans, type DealPlansColumns } from '../dealAttributes';
import { HEADER_SEARCH_ROWS, headerHits, isBlankRow, normalizeHeader, ROLE_FIELDS } from '../headers';
import type { Located, Reader } from './reader';
import { cell, idText } from './reader';
import { parseSplit } from '../../core/splits';

/** Status words (SPEC §2), normalised like headers: lower case, ё → е, punctuation as spaces. */
const STATUS_WORDS: Record<string, DealStatus> = {
  'успешно': 'won', 'успешна': 'won', 'успех': 'won', 'выиграна': 'won', 'выиграно': 'won', 'закрыта': 'won', 'закрыто': 'won',
  'закрыта успешно': 'won', 'сделка успешна': 'won', 'продажа': 'won', 'won': 'won', 'closed won': 'won', 'win': 'won', 'success': 'won',
  'проиграна': 'lost', 'проиграно': 'lost', 'отказ': 'lost', 'закрыта неуспешно': 'lost', 'провал': 'lost', 'lost': 'lost', 'closed lost': 'lost', 'loss': 'lost',
  'отменена': 'cancelled', 'отменено': 'cancelled', 'отмена': 'cancelled', 'аннулирована': 'cancelled', 'аннулировано': 'cancelled',
  'cancelled': 'cancelled', 'canceled': 'cancelled', 'void': 'cancelled',
  // Bitrix24 and amoCRM final stages (SPEC §10.1), in a status column too.
  'успешно реализовано': 'won', 'сделка провалена': 'lost', 'закрыто и не реализовано': 'lost',
};

/**
 * Headers that make the status column a CRM stage (Bitrix24 `Стадия сделки`, amoCRM `Этап`): a
 * stage that is not a final one is an open deal — not revenue, not lost, not an issue.
 */
const STAGE_HEADERS = new Set(['стадия', 'стадия сделки', 'этап', 'этап сделки', 'stage', 'deal stage']);


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
  /** Ids of open CRM deals: a payment on one is not an unknown deal. */
  openIds: Set<string>;
  /** Rows left out because a date reads two ways: their managers' payouts are withheld (SPEC §10.2). */
  twoWayDates: TwoWayDate[];
}

/** Deals from one or more sheets (`--deals "A,B"`): the same columns each, one table. */
export function readDeals(reader: Reader, locs: readonly Located[]): DealsRead {
  const deals: Deal[] = [];
  const state: DealsState = { deals, firstRowOfId: new FirstRowOfId(deals), openIds: new Set(), twoWayDates: [] };
  let fields: string | null = null;
  let columns: PayoutInput['columns'] | null = null;
  for (const loc of locs) {
    const cols = checkedColumns(reader, loc);
    const found = ROLE_FIELDS.deals.filter((f) => cols.index[f.field] !== null).map((f) => f.field).join(',');
    if (fields !== null && found !== fields) {
      throw new KpiUserError(msg(reader.lang, 'reading.dealsSheetsDiffer', {
        first: locs[0].sheet.name, sheet: loc.sheet.name,
        firstHeaders: headerList(locs[0].cols!), headers: headerList(cols),
      }));
    }
    fields = found;
    columns = readDealSheet(reader, loc, cols, state);
  }
  return { deals: state.deals, columns: columns!, openIds: state.openIds, twoWayDates: state.twoWayDates };
}

function headerList(cols: ColumnMap): string {
  return ROLE_FIELDS.deals.filter((f) => cols.index[f.field] !== null).map((f) => `"${cols.header[f.field]}"`).join(', ');
}

interface DealsState {
  deals: Deal[];
  firstRowOfId: FirstRowOfId;
  openIds: Set<string>;
  twoWayDates: TwoWayDate[];
}

type RowRef = { sheet: string; row: number };

/**
 * Deal ids met so far and the row each was first met in (for the duplicate-id issue). Ids are
 * nearly always unique, so a Set answers "seen?" with one hash operation and no entry object per
 * deal (100 000 rows); the rows are looked up only when a first duplicate appears, from the deals
 * kept so far (each kept deal's id is exactly one claimed id), and kept in a Map from then on.
 */
class FirstRowOfId {
  private readonly seen = new Set<string>();
  private rows: Map<string, RowRef> | null = null;

  constructor(private readonly kept: readonly Deal[]) {}

  /** Claims `id` for the row at `ref`; the first row's ref when the id was claimed before, else null. */
  claim(id: string, ref: RowRef): RowRef | null {
    if (this.rows === null) {
      const size = this.seen.size;
      this.seen.add(id);
      if (this.seen.size !== size) return null;
      const rows = new Map<string, RowRef>();
      for (let i = 0; i < this.kept.length; i++) if (this.kept[i].id !== null) rows.set(this.kept[i].id as string, this.kept[i].ref);
      this.rows = rows;
      this.seen.clear();
    }
    const first = this.rows.get(id);
    if (first !== undefined) return first;
    this.rows.set(id, ref);
    return null;
  }

  /** Gives `id` back: its row was left out after all. */
  release(id: string): void {
    if (this.rows !== null) this.rows.delete(id);
    else this.seen.delete(id);
  }
}

/** The sheet's columns, or the run stops: no header row in the first 20, or a required column missing. */
function checkedColumns(reader: Reader, loc: Located): ColumnMap {
  const lang = reader.lang;
  const name = loc.sheet.name;
  const cols = loc.cols;
  if (!cols) throw new KpiUserError(msg(lang, 'reading.noHeaderRow', { sheet: name, rows: HEADER_SEARCH_ROWS, held: msg(lang, 'workbook.none') }));
  for (const spec of ROLE_FIELDS.deals) {
    if (spec.required && cols.index[spec.field] === null) {
      // No row of the first 20 looked like a header: say what they held, not just one row's cells.
      if (headerHits(loc.sheet.values[loc.headerRow], 'deals') < 2) {
        throw new KpiUserError(msg(lang, 'reading.noHeaderRow', { sheet: name, rows: HEADER_SEARCH_ROWS, held: rowsHeld(loc.sheet.values, lang) }));
      }
      const headers = cols.headers.filter((h) => h !== '');
      throw new KpiUserError(msg(lang, 'workbook.noColumn', {
        sheet: name,
        column: msg(lang, `workbook.field.${spec.field}` as MessageKey),
        headers: headers.length ? headers.map((h) => `"${h}"`).join(', ') : msg(lang, 'workbook.none'),
      }));
    }
  }
  return cols;
}

/** What the searched rows held: `row 1: "Отчёт", "за октябрь"; row 3: …` (non-blank rows, 4 cells each). */
function rowsHeld(values: readonly (readonly CellValue[])[], lang: Lang): string {
  const parts: string[] = [];
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const cells = values[r].filter((v) => !isBlank(v)).map((v) => `"${String(v).slice(0, 30)}"`);
    if (cells.length === 0) continue;
    parts.push(msg(lang, 'reading.rowHeld', { row: r + 1, cells: cells.slice(0, 4).join(', ') + (cells.length > 4 ? ', …' : '') }));
    if (parts.length === 6) break;
  }
  return parts.length ? parts.join('; ') : msg(lang, 'workbook.none');
}

/** The cells of a row that name who its deal credits: its manager, its split, whoever attracted it. */
interface CreditCells {
  manager: number | null;
  split: number | null;
  attractedBy: number | null;
}

/**
 * Whether the date `reader.day` just read (v, in `column` of row r) reads two ways; if so, the date
 * is noted for withholding the payout of everyone the deal would credit (SPEC §10.2): its manager,
 * the managers of its split and whoever attracted it — as a Payments date does (payments.ts
 * dealManagers). The row itself is left out, so without this the split's other managers were paid
 * as if the deal did not exist. A function of its own, not a closure per row.
 */
function noteTwoWays(reader: Reader, state: DealsState, sheet: string, r: number, row: readonly CellValue[], credit: CreditCells, column: string, v: CellValue, dealDay?: LocalDate | null): boolean {
  if (!reader.lastTwoWays) return false;
  const names: string[] = [];
  const add = (c: CellValue) => {
    if (isBlank(c)) return;
    const name = reader.managers.name(c);
    if (!names.includes(name)) names.push(name);
  };
  add(cell(row, credit.manager));
  const split = cell(row, credit.split);
  if (!isBlank(split)) {
    const parsed = parseSplit(String(split));
    if (parsed.ok) for (const share of parsed.shares) add(share.manager);
  }
  add(cell(row, credit.attractedBy));
  const value = String(v).trim();
  for (const manager of names) state.twoWayDates.push({ ref: { sheet, row: r + 1 }, column, value, manager, days: reader.lastTwoWays, ...(dealDay ? { dealDay } : {}) });
  return true;
}

function readDealSheet(reader: Reader, loc: Located, cols: ColumnMap, state: DealsState): PayoutInput['columns'] {
  const { sheet, headerRow } = loc;
  const name = sheet.name;
  const ix = cols.index;
  const h = cols.header;
  const iDate = ix.date, iManager = ix.manager, iAmount = ix.amount;
  const iClient = ix.client, iCost = ix.cost, iMargin = ix.margin, iStatus = ix.status, iPaid = ix.paid;
  const iPaidDate = ix.paidDate, iId = ix.dealId, iPartner = ix.partnerPrice, iAttracted = ix.attractedBy;
  const isStage = iStatus !== null && STAGE_HEADERS.has(normalizeHeader(h.status));
  const plansCols: DealPlansColumns = { product: ix.product ?? null, category: ix.category ?? null, dealType: ix.dealType ?? null, split: ix.split ?? null };
  const withPlans = plansCols.product !== null || plansCols.category !== null || plansCols.dealType !== null || plansCols.split !== null;
  const plansCache = dealPlansCache();
  const plansScratch: DealPlans = {};
  const credit: CreditCells = { manager: iManager, split: plansCols.split, attractedBy: iAttracted };
  // One issue callback for the sheet (not one per row); plansRow is the row being read.
  let plansRow = 0;
  const reportPlans = (code: string, column: string | null, value: CellValue, key: MessageKey, params?: Record<string, string | number>) =>
    reader.issue(code, name, plansRow, column, value, key, params);
  const statusCache = new Map<string, DealStatus | null>();
  const { deals, firstRowOfId, openIds } = state;
  const values = sheet.values;

  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (isBlankRow(row) || (isBlank(cell(row, iDate)) && isTotalRow(row))) continue;
    const before = reader.issues.length;
    const implausibleBefore = reader.implausible;

    let status: DealStatus = 'won';
    if (iStatus !== null && !isBlank(row[iStatus])) {
      const text = String(row[iStatus]);
      let found = statusCache.get(text);
      if (found === undefined) {
        found = STATUS_WORDS[normalizeHeader(text)] ?? null;
        statusCache.set(text, found);
      }
      if (found === null && isStage) {
        // An open CRM deal: no revenue, no loss, no issue; its id still names a deal for Payments.
        if (iId !== null && !isBlank(row[iId])) openIds.add(idText(row[iId]));
        continue;
      }
      if (found === null) reader.issue('unknown_status', name, r, h.status, row[iStatus], 'workbook.issue.unknownStatus');
      else status = found;
    }
    if (reader.formulaGap(loc, r)) continue;
    const date = reader.day(cell(row, iDate), name, r, h.date!, 'workbook.issue.missingDate', 'missing_date');
    const managerCell = cell(row, iManager);
    noteTwoWays(reader, state, name, r, row, credit, h.date!, cell(row, iDate));
    reader.managerCell(managerCell, name, r, h.manager);
    // A lost or cancelled deal may have no amount: it only counts towards conversion.
    const amountBlankKey: MessageKey | null = status === 'won' ? 'workbook.issue.missingAmount' : null;
    const amount = reader.money(cell(row, iAmount), name, r, h.amount!, amountBlankKey, 'missing_amount');
    // Date, manager, amount and status are required: a problem there leaves the deal out. A bad
    // optional cell (cost, margin, paid, partner price, paid date) is an issue and reads as blank;
    // the deal and its revenue stay (README decisions). A duplicate deal id leaves the row out too.
    let leftOut = reader.issues.length > before;
    // The deal's own ref, also what the first-row-of-id map holds (not a second object per row).
    const ref = { sheet: name, row: r + 1 };
    let id: string | null = null;
    if (!leftOut && iId !== null && !isBlank(row[iId])) {
      id = idText(row[iId]);
      const first = firstRowOfId.claim(id, ref);
      if (first !== null) {
        const firstRow = first.sheet === name ? String(first.row) : `${first.row} («${first.sheet}»)`;
        reader.issue('duplicate_deal_id', name, r, h.dealId, row[iId], 'workbook.issue.duplicateDealId', { firstRow });
        leftOut = true;
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
    // A paid date that reads two ways leaves the row out too: read as blank, its cash would count on the deal date.
    const paidTwoWays = iPaidDate !== null && !leftOut && noteTwoWays(reader, state, name, r, row, credit, h.paidDate!, row[iPaidDate], date);
    // An implausible amount or date anywhere in the row leaves it out (SPEC §10.1), optional cells too.
    if (leftOut || paidTwoWays || reader.implausible > implausibleBefore) {
      if (id !== null && !leftOut) firstRowOfId.release(id);
      continue;
    }
    // SPEC §14: product, category, deal type, split; a split that does not add up leaves the deal out.
    plansRow = r;
    const attributes = withPlans ? readDealPlans(row, plansCols, h, reader.lang, reportPlans, plansCache, plansScratch) : null;
    if (attributes === undefined) {
      if (id !== null) firstRowOfId.release(id);
      continue;
    }

    const amountDec = amount ?? ZERO;
    const margin = marginCell ?? (cost != null ? reader.difference(amountDec, cost) : null);
    const clientCell = cell(row, iClient);
    const attractedCell = cell(row, iAttracted);
    // Every field written, in the order of core/splits' credited parts (absent ones undefined): deals
    // and parts then share one hidden class, and the engine's loops over them stay monomorphic.
    deals.push({
      ref,
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
      product: attributes?.product,
      category: attributes?.category,
      dealType: attributes?.dealType,
      split: attributes?.split,
      share: undefined,
      whole: undefined,
    });
  }
  return {
    status: iStatus !== null,
    client: iClient !== null,
    margin: iMargin !== null || iCost !== null,
    paid: iPaid !== null,
    partnerPrice: iPartner !== null,
    attractedBy: iAttracted !== null,
    dealId: iId !== null,
    ...(withPlans ? { product: plansCols.product !== null, category: plansCols.category !== null, dealType: plansCols.dealType !== null, split: plansCols.split !== null } : {}),
  };
}
