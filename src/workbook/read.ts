/**
 * Reading the owner's workbook (SPEC §2, §4, §7): sheets as `getValues()` gives them → the typed
 * `PayoutInput` the engine works on, plus an issue for every row that cannot be used. One pass per
 * sheet; nothing here knows Apps Script or exceljs.
 */
import { Dec, ZERO } from '../core/decimal';
import type { Issue } from '../core/issues';
import { KpiUserError } from '../core/issues';
import type { Lang } from '../core/money';
import type { CellValue, NumberHint, NumberParse } from '../core/numbers';
import { isBlank, parseNumber } from '../core/numbers';
import type { LocalDate, Period } from '../core/periods';
import { intlLocalDay, monthPeriodOf, parseDay, parsePeriod } from '../core/periods';
import type { Deal, DealStatus, KpiFact, Payment, PayoutInput, PlanRow, SchemeRow } from '../core/model';
import { langOfLocale, msg, type MessageKey } from '../core/messages';
import type { RawSheet, RawWorkbook, SheetRole } from './raw';
import type { ColumnMap, DetectedMapping } from './headers';
import { emptyDetectedMapping, findHeaderRow, findSheet, isBlankRow, isNoteColumn, mapColumns, metricOfText, normalizeHeader, ROLE_FIELDS } from './headers';

export interface WorkbookRead {
  input: PayoutInput;
  /** Reader issues only (the engine adds its own). */
  issues: Issue[];
  lang: Lang;
  currency: string;
  timeZone: string;
  detected: DetectedMapping;
  /** e-mail (lower case) → manager, from Plans' e-mail column and the Managers sheet. */
  managerEmails: Map<string, string>;
}

/** Status words (SPEC §2), normalised like headers: lower case, ё → е, punctuation as spaces. */
const STATUS_WORDS: Record<string, DealStatus> = {
  'успешно': 'won', 'успешна': 'won', 'успех': 'won', 'выиграна': 'won', 'выиграно': 'won', 'закрыта': 'won', 'закрыто': 'won',
  'закрыта успешно': 'won', 'сделка успешна': 'won', 'продажа': 'won', 'won': 'won', 'closed won': 'won', 'win': 'won', 'success': 'won',
  'проиграна': 'lost', 'проиграно': 'lost', 'отказ': 'lost', 'закрыта неуспешно': 'lost', 'провал': 'lost', 'lost': 'lost', 'closed lost': 'lost', 'loss': 'lost',
  'отменена': 'cancelled', 'отменено': 'cancelled', 'отмена': 'cancelled', 'аннулирована': 'cancelled', 'аннулировано': 'cancelled',
  'cancelled': 'cancelled', 'canceled': 'cancelled', 'void': 'cancelled',
};

/** ISO currency of a locale's country (`en_US` → USD); ru locales and unknown countries → RUB. */
const COUNTRY_CURRENCY: Record<string, string> = {
  RU: 'RUB', US: 'USD', GB: 'GBP', KZ: 'KZT', UA: 'UAH', BY: 'BYN', UZ: 'UZS', KG: 'KGS', AM: 'AMD', GE: 'GEL', AZ: 'AZN',
  MD: 'MDL', TJ: 'TJS', TM: 'TMT', CH: 'CHF', PL: 'PLN', CZ: 'CZK', SE: 'SEK', NO: 'NOK', DK: 'DKK', HU: 'HUF', RO: 'RON',
  RS: 'RSD', TR: 'TRY', IL: 'ILS', AE: 'AED', CA: 'CAD', AU: 'AUD', NZ: 'NZD', IN: 'INR', JP: 'JPY', CN: 'CNY', KR: 'KRW',
  SG: 'SGD', BR: 'BRL', MX: 'MXN', ZA: 'ZAR',
  AT: 'EUR', BE: 'EUR', BG: 'EUR', CY: 'EUR', DE: 'EUR', EE: 'EUR', ES: 'EUR', FI: 'EUR', FR: 'EUR', GR: 'EUR', HR: 'EUR',
  IE: 'EUR', IT: 'EUR', LT: 'EUR', LU: 'EUR', LV: 'EUR', MT: 'EUR', NL: 'EUR', PT: 'EUR', SI: 'EUR', SK: 'EUR',
};

/** The workbook's currency: as given, else RUB for ru locales, else the locale country's, else RUB. */
export function currencyOf(currency: string | null | undefined, locale: string | null | undefined): string {
  if (currency && currency.trim() !== '') return currency.trim().toUpperCase();
  const loc = String(locale ?? '');
  if (/^ru/i.test(loc)) return 'RUB';
  const country = /^[a-z]{2,3}[_-]([a-z]{2})\b/i.exec(loc)?.[1]?.toUpperCase();
  return (country && COUNTRY_CURRENCY[country]) || 'RUB';
}

const MINUS_ZERO = new Dec(-0);

/**
 * A per-read memo for cells that repeat (a price list's amounts and costs, 1C number texts): it
 * pays while most lookups hit, and switches itself off when they don't, as 100 000 distinct
 * amounts would only fill a big map for the collector.
 */
class RepeatMemo<K, V> {
  private readonly map = new Map<K, V>();
  private lookups = 0;
  private hits = 0;
  private active = true;

  /** Off once lookups mostly miss: callers then skip building what they would store. */
  get enabled(): boolean {
    return this.active;
  }

  get(key: K): V | undefined {
    if (!this.active) return undefined;
    this.lookups++;
    const value = this.map.get(key);
    if (value !== undefined) this.hits++;
    return value;
  }

  set(key: K, value: V): void {
    if (!this.active) return;
    if (this.lookups >= 4096 && this.hits * 2 < this.lookups) {
      this.active = false;
      this.map.clear();
      return;
    }
    this.map.set(key, value);
  }
}

/** Trimmed, inner whitespace (NBSP, thin) collapsed. */
function cleanName(v: CellValue): string {
  return String(v).replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

/** Names compare case-insensitively and show as first seen (ARCHITECTURE conventions). */
class NameBook {
  private readonly seen = new Map<string, string>();
  /** The same cell text again and again (100 000 deals, 50 managers): look it up, don't re-clean it. */
  private readonly byCell = new Map<CellValue, string>();
  name(v: CellValue): string {
    const known = this.byCell.get(v);
    if (known !== undefined) return known;
    const shown = this.firstSpelling(v);
    this.byCell.set(v, shown);
    return shown;
  }

  private firstSpelling(v: CellValue): string {
    const clean = cleanName(v);
    const key = clean.toLowerCase().replace(/ё/g, 'е');
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, clean);
    return clean;
  }
}

/** Everything one read shares: language, issues, cached date conversion, name books. */
class Reader {
  readonly issues: Issue[] = [];
  readonly managers = new NameBook();
  readonly clients = new NameBook();
  private readonly dayCache = new Map<number, LocalDate>();
  private readonly dayTextCache = new Map<string, LocalDate | null>();
  private readonly decOfNumber = new RepeatMemo<number, Dec>();
  private readonly parsedText = new RepeatMemo<string, NumberParse>();
  private readonly lastDifference = new RepeatMemo<Dec, { b: Dec; difference: Dec }>();
  private readonly toLocalDay: (d: Date) => LocalDate;
  readonly toDay = (d: Date): LocalDate => {
    const t = d.getTime();
    let day = this.dayCache.get(t);
    if (day === undefined) {
      day = this.toLocalDay(d);
      this.dayCache.set(t, day);
    }
    return day;
  };

  /** `30,000` is thirty thousand in an English workbook, 30 in a Russian one (SPEC §4). */
  private readonly numberHint: NumberHint;

  constructor(readonly raw: RawWorkbook, readonly lang: Lang) {
    this.numberHint = { lang };
    this.toLocalDay = raw.toLocalDay ?? intlLocalDay(raw.timeZone || 'UTC');
  }

  /** A cell as an issue quotes it: a Date as its day in the sheet's time zone. */
  valueText(v: CellValue): string {
    if (v === null || v === undefined) return '';
    if (Object.prototype.toString.call(v) === '[object Date]') {
      const d = v as Date;
      return isNaN(d.getTime()) ? 'Invalid Date' : this.toDay(d);
    }
    return String(v);
  }

  issue(code: string, sheet: string, rowIndex: number | null, column: string | null, value: CellValue, key: MessageKey, params: Record<string, string | number> = {}): void {
    const valueText = value === null ? null : this.valueText(value);
    this.issues.push({
      code,
      sheet,
      row: rowIndex === null ? null : rowIndex + 1,
      column,
      value: valueText,
      message: msg(this.lang, key, { value: valueText ?? '', column: column ?? '', sheet, ...params }),
    });
  }

  /** A day, or an issue: blank → `missing`, anything else unreadable → bad date (`kept`: an optional cell read as blank). */
  day(v: CellValue, sheet: string, rowIndex: number, column: string, blankKey: MessageKey | null, blankCode: string, kept = false): LocalDate | null | undefined {
    if (isBlank(v)) {
      if (blankKey) this.issue(blankCode, sheet, rowIndex, column, v, blankKey);
      return blankKey ? undefined : null;
    }
    let day: LocalDate | null | undefined;
    if (typeof v === 'string') {
      day = this.dayTextCache.get(v);
      if (day === undefined) {
        day = parseDay(v, this.toDay);
        this.dayTextCache.set(v, day);
      }
    } else {
      day = parseDay(v, this.toDay);
    }
    if (day === null) {
      if (kept) this.issue('bad_optional_cell', sheet, rowIndex, column, v, 'workbook.issue.badDateKept');
      else this.issue('bad_date', sheet, rowIndex, column, v, 'workbook.issue.badDate');
      return undefined;
    }
    return day;
  }

  /** A number, or an issue. Returns undefined on a problem, null for an allowed blank. */
  number(v: CellValue, sheet: string, rowIndex: number, column: string, blankKey: MessageKey | null, blankCode: string, badKey: MessageKey = 'workbook.issue.badNumber', badCode = 'bad_number'): Dec | null | undefined {
    // Real numbers are most cells: decimal.js reads a JS number exactly as it prints (no binary noise).
    if (typeof v === 'number' && Number.isFinite(v)) {
      // Prices and costs repeat across thousands of rows, and a Dec is immutable: share one per
      // distinct number. Zeros apart: a Map key does not tell −0 from 0, and new Dec(v) keeps the sign.
      if (v === 0) return Object.is(v, -0) ? MINUS_ZERO : ZERO;
      let known = this.decOfNumber.get(v);
      if (known === undefined) {
        known = new Dec(v);
        this.decOfNumber.set(v, known);
      }
      return known;
    }
    let parsed: NumberParse | undefined;
    if (typeof v === 'string') {
      // 1C text numbers repeat too, and parsing one is a dozen regular expressions.
      parsed = this.parsedText.get(v);
      if (parsed === undefined) {
        parsed = parseNumber(v, this.numberHint);
        this.parsedText.set(v, parsed);
      }
    } else {
      parsed = parseNumber(v, this.numberHint);
    }
    if (parsed.kind === 'number') return parsed.value;
    if (parsed.kind === 'blank') {
      if (blankKey) {
        this.issue(blankCode, sheet, rowIndex, column, v, blankKey);
        return undefined;
      }
      return null;
    }
    this.issue(badCode, sheet, rowIndex, column, v, badKey);
    return undefined;
  }

  /**
   * a − b, shared by the rows with the same pair of (cached) Decimals: a price list makes the same
   * amount and cost again and again, and each `minus` is two Decimal copies for the collector.
   * One remembered pair per `a` (an amount nearly always comes with the same cost).
   */
  difference(a: Dec, b: Dec): Dec {
    if (!this.lastDifference.enabled) return a.minus(b);
    const last = this.lastDifference.get(a);
    if (last !== undefined && last.b === b) return last.difference;
    const difference = a.minus(b);
    this.lastDifference.set(a, { b, difference });
    return difference;
  }

  /** An amount of money: a number, never a percentage (`12%` in Сумма is a typo, not 0.12). */
  money(v: CellValue, sheet: string, rowIndex: number, column: string, blankKey: MessageKey | null, blankCode: string, kept = false): Dec | null | undefined {
    if (typeof v === 'string' && v.includes('%')) {
      if (kept) this.issue('bad_optional_cell', sheet, rowIndex, column, v, 'workbook.issue.percentMoneyKept');
      else this.issue('bad_number', sheet, rowIndex, column, v, 'workbook.issue.percentMoney');
      return undefined;
    }
    if (kept) return this.number(v, sheet, rowIndex, column, blankKey, blankCode, 'workbook.issue.badNumberKept', 'bad_optional_cell');
    return this.number(v, sheet, rowIndex, column, blankKey, blankCode);
  }

  /** A period: `2026-11`, `2026-Q4`, or a date cell (its month). */
  period(v: CellValue, sheet: string, rowIndex: number, column: string): Period | undefined {
    if (isBlank(v)) {
      this.issue('missing_period', sheet, rowIndex, column, v, 'workbook.issue.missingPeriod');
      return undefined;
    }
    let period: Period | null = null;
    if (Object.prototype.toString.call(v) === '[object Date]') {
      const d = v as Date;
      period = isNaN(d.getTime()) ? null : monthPeriodOf(this.toDay(d));
    } else if (typeof v === 'string') {
      period = parsePeriod(v);
      if (!period) {
        const day = parseDay(v, this.toDay);
        period = day ? monthPeriodOf(day) : null;
      }
    }
    if (!period) {
      this.issue('bad_period', sheet, rowIndex, column, v, 'workbook.issue.badPeriod');
      return undefined;
    }
    return period;
  }

  /** A sheet-level issue: a required column of an optional sheet is missing. */
  missingColumn(role: SheetRole, sheet: string, cols: ColumnMap | null): boolean {
    for (const spec of ROLE_FIELDS[role]) {
      if (!spec.required || (cols && cols.index[spec.field] !== null)) continue;
      const headers = cols ? cols.headers.filter((h) => h !== '') : [];
      const column = msg(this.lang, `workbook.field.${spec.field}` as MessageKey);
      this.issue('sheet_missing_column', sheet, null, column, null, 'workbook.issue.sheetNoColumn', {
        headers: headers.length ? headers.join(', ') : msg(this.lang, 'workbook.none'),
        column,
      });
      return true;
    }
    return false;
  }
}

/** A located sheet with its header row mapped; data rows start after `headerRow`. */
interface Located {
  sheet: RawSheet;
  headerRow: number;
  cols: ColumnMap | null;
}

function locate(reader: Reader, role: SheetRole, detected: DetectedMapping): Located | null {
  const { sheet, mappedMissing } = findSheet(reader.raw.sheets, role, reader.raw.mapping);
  if (mappedMissing !== null && role === 'deals') {
    throw new KpiUserError(msg(reader.lang, 'workbook.mappedSheetMissing', {
      sheet: mappedMissing,
      role: msg(reader.lang, 'workbook.role.deals'),
      sheets: sheetList(reader),
    }));
  }
  if (mappedMissing !== null) {
    reader.issue('mapped_sheet_missing', mappedMissing, null, null, null, 'workbook.mappedSheetMissing', {
      sheet: mappedMissing,
      role: msg(reader.lang, `workbook.role.${role}` as MessageKey),
      sheets: sheetList(reader),
    });
  }
  detected.sheets[role] = sheet ? sheet.name : null;
  if (!sheet) return null;
  const headerRow = findHeaderRow(sheet.values, role);
  if (headerRow < 0) {
    detected.headers[role] = [];
    // An empty optional tab is as good as none; an empty Deals sheet stops the run (readDeals).
    return role === 'deals' ? { sheet, headerRow, cols: null } : null;
  }
  const cols = mapColumns(role, sheet.values[headerRow], reader.raw.mapping?.columns?.[role]);
  detected.headers[role] = cols.headers;
  detected.columns[role] = cols.header;
  return { sheet, headerRow, cols };
}

function sheetList(reader: Reader): string {
  const names = reader.raw.sheets.map((s) => `"${s.name}"`);
  return names.length ? names.join(', ') : msg(reader.lang, 'workbook.none');
}

const cell = (row: readonly CellValue[], i: number | null): CellValue => (i === null ? '' : row[i] ?? '');

/** The deal id as text: numbers as written (`1001`), text trimmed. */
function idText(v: CellValue): string {
  return typeof v === 'number' ? String(v) : cleanName(v);
}

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

interface DealsRead {
  deals: Deal[];
  columns: PayoutInput['columns'];
}

function readDeals(reader: Reader, loc: Located): DealsRead {
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

function readPayments(reader: Reader, loc: Located, dealIds: ReadonlySet<string>, dealsSheet: string): Payment[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('payments', name, cols) || !cols) return [];
  const { dealId: iId, date: iDate, amount: iAmount } = cols.index;
  const h = cols.header;
  const payments: Payment[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row)) continue;
    const before = reader.issues.length;
    const idCell = cell(row, iId);
    let dealId: string | null = null;
    if (isBlank(idCell)) reader.issue('missing_deal_id', name, r, h.dealId, idCell, 'workbook.issue.missingDealId');
    else dealId = idText(idCell);
    const date = reader.day(cell(row, iDate), name, r, h.date!, 'workbook.issue.missingDate', 'missing_date');
    const amount = reader.money(cell(row, iAmount), name, r, h.amount!, 'workbook.issue.missingAmount', 'missing_amount');
    if (reader.issues.length > before) continue;
    if (!dealIds.has(dealId!)) {
      reader.issue('unknown_deal_id', name, r, h.dealId, idCell, 'workbook.issue.unknownDealId', { deals: dealsSheet });
      continue;
    }
    payments.push({ ref: { sheet: name, row: r + 1 }, dealId: dealId!, date: date!, amount: amount! });
  }
  return payments;
}

function readPlans(reader: Reader, loc: Located, emails: Map<string, string>): PlanRow[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('plans', name, cols) || !cols) return [];
  const { period: iPeriod, manager: iManager, scheme: iScheme, email: iEmail } = cols.index;
  const h = cols.header;
  const metricCols: { index: number; header: string; metric: string }[] = [];
  for (const k of cols.unmapped) {
    const header = cols.headers[k];
    if (isNoteColumn(header)) continue;
    const metric = metricOfText(header);
    if (metric) metricCols.push({ index: k, header, metric });
  }
  const plans: PlanRow[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row)) continue;
    const before = reader.issues.length;
    const period = reader.period(cell(row, iPeriod), name, r, h.period!);
    const managerCell = cell(row, iManager);
    if (isBlank(managerCell)) reader.issue('missing_manager', name, r, h.manager, managerCell, 'workbook.issue.missingManager');
    const schemeCell = cell(row, iScheme);
    if (isBlank(schemeCell)) reader.issue('missing_scheme', name, r, h.scheme, schemeCell, 'workbook.issue.missingScheme');
    // A bad target cell is an issue and drops only that target; the row (and the manager's scheme) stays.
    const leftOut = reader.issues.length > before;
    const targets: Record<string, Dec> = {};
    for (const mc of metricCols) {
      const value = leftOut
        ? reader.number(row[mc.index] ?? '', name, r, mc.header, null, '', 'workbook.issue.badMetricValue', 'bad_metric_value')
        : reader.number(row[mc.index] ?? '', name, r, mc.header, null, '', 'workbook.issue.badTargetKept', 'plan_target_dropped');
      if (value) targets[mc.metric] = value;
    }
    if (leftOut) continue;
    const manager = reader.managers.name(managerCell);
    const emailCell = cell(row, iEmail);
    if (!isBlank(emailCell)) emails.set(cleanName(emailCell).toLowerCase(), manager);
    plans.push({ ref: { sheet: name, row: r + 1 }, period: period!, manager, scheme: cleanName(schemeCell), targets });
  }
  return plans;
}

function readKpi(reader: Reader, loc: Located): KpiFact[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('kpi', name, cols) || !cols) return [];
  const { period: iPeriod, manager: iManager, metric: iMetric, value: iValue } = cols.index;
  const h = cols.header;
  const facts: KpiFact[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row)) continue;
    const before = reader.issues.length;
    const period = reader.period(cell(row, iPeriod), name, r, h.period!);
    const managerCell = cell(row, iManager);
    if (isBlank(managerCell)) reader.issue('missing_manager', name, r, h.manager, managerCell, 'workbook.issue.missingManager');
    const metricCell = cell(row, iMetric);
    const metric = metricOfText(metricCell);
    if (!metric) reader.issue('missing_metric', name, r, h.metric, metricCell, 'workbook.issue.missingMetric');
    const value = reader.number(cell(row, iValue), name, r, h.value!, 'workbook.issue.missingValue', 'missing_value', 'workbook.issue.badMetricValue', 'bad_metric_value');
    if (reader.issues.length > before) continue;
    facts.push({ ref: { sheet: name, row: r + 1 }, period: period!, manager: reader.managers.name(managerCell), metric: metric!, value: value! });
  }
  return facts;
}

function readSchemes(reader: Reader, loc: Located): SchemeRow[] {
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
    if (isBlankRow(row)) continue;
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
      formats: schemeFormats(sheet.formats?.[r], ix),
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

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

function readManagers(reader: Reader, loc: Located, emails: Map<string, string>): void {
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

/**
 * Reads the owner's workbook into the engine's input. Throws `KpiUserError` (translated) when there
 * is no Deals sheet or Deals lacks a required column; every other problem is an issue naming the
 * sheet, the row as Sheets numbers it, the column header and the value, and that row is left out.
 *
 * @example readWorkbook({ sheets: [{ name: 'Сделки', values: [['Дата', 'Менеджер', 'Сумма'], ['22.11.2026', 'Иванов', '1 250 000,50']] }],
 *   timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null }).input.deals[0].amount // 1250000.5
 */
export function readWorkbook(raw: RawWorkbook): WorkbookRead {
  const lang = langOfLocale(raw.locale);
  const reader = new Reader(raw, lang);
  const detected = emptyDetectedMapping();

  const dealsLoc = locate(reader, 'deals', detected);
  if (!dealsLoc) throw new KpiUserError(msg(lang, 'workbook.noDeals', { sheets: sheetList(reader) }));
  const { deals, columns } = readDeals(reader, dealsLoc);

  const managerEmails = new Map<string, string>();
  let payments: Payment[] | null = null;
  const paymentsLoc = locate(reader, 'payments', detected);
  if (paymentsLoc) {
    const ids = new Set<string>();
    for (const d of deals) if (d.id !== null) ids.add(d.id);
    payments = readPayments(reader, paymentsLoc, ids, dealsLoc.sheet.name);
    columns.paid = true;
  }
  const plansLoc = locate(reader, 'plans', detected);
  const plans = plansLoc ? readPlans(reader, plansLoc, managerEmails) : [];
  const kpiLoc = locate(reader, 'kpi', detected);
  const kpiFacts = kpiLoc ? readKpi(reader, kpiLoc) : [];
  const schemesLoc = locate(reader, 'schemes', detected);
  const schemeRows = schemesLoc ? readSchemes(reader, schemesLoc) : [];
  const managersLoc = locate(reader, 'managers', detected);
  if (managersLoc) readManagers(reader, managersLoc, managerEmails);

  const input: PayoutInput = {
    deals,
    payments,
    plans,
    kpiFacts,
    schemeRows,
    columns,
    sheetNames: {
      deals: dealsLoc.sheet.name,
      payments: paymentsLoc ? paymentsLoc.sheet.name : null,
      plans: plansLoc ? plansLoc.sheet.name : null,
      kpi: kpiLoc ? kpiLoc.sheet.name : null,
      schemes: schemesLoc ? schemesLoc.sheet.name : null,
    },
  };
  return {
    input,
    issues: reader.issues,
    lang,
    currency: currencyOf(raw.currency, raw.locale),
    timeZone: raw.timeZone,
    detected,
    managerEmails,
  };
}
