/**
 * The sheets of SPEC §11 as typed rows: the `Ledger` / `Начисления` sheet the add-on owns
 * (append-only: read here, appended by the adapters from `ledgerAppend`) and the owner's
 * `Adjustments` / `Корректировки` sheet (period, manager, amount, reason).
 */
import type { Issue } from '../core/issues';
import { cellText } from '../core/issues';
import { EMPTY_LEDGER, LEDGER_FIELDS, LEDGER_NUMBER_FIELDS, readLedgerRows, type Ledger, type LedgerCells } from '../core/ledger/ledger';
import type { ManualAdjustment } from '../core/ledger/period';
import { msg, type MessageKey } from '../core/messages/index';
import type { Lang } from '../core/money';
import { isBlank, parseNumber, type CellValue } from '../core/numbers';
import { displayName } from '../core/ownership';
import { intlLocalDay, parsePeriod } from '../core/periods';
import { normalizeHeader } from './headers';
import type { RawSheet, RawWorkbook } from './raw';

const LEDGER_NAMES = ['ledger', 'начисления'];
const ADJUSTMENT_NAMES = ['adjustments', 'корректировки'];

const sheetNameKey = (name: string) => name.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, '');

export function findNamedSheet(raw: Pick<RawWorkbook, 'sheets'>, names: readonly string[]): RawSheet | null {
  return raw.sheets.find((s) => names.includes(sheetNameKey(s.name))) ?? null;
}

/** Is this one of the sheets SPEC §11 adds (so a reader never mistakes it for input data)? */
export function isLedgerSheetName(name: string): boolean {
  return LEDGER_NAMES.includes(sheetNameKey(name)) || ADJUSTMENT_NAMES.includes(sheetNameKey(name));
}

/** The Ledger sheet's header row in `lang`. */
export function ledgerHeader(lang: Lang): string[] {
  return LEDGER_FIELDS.map((f) => msg(lang, `ledger.col.${f}` as MessageKey));
}

/** Column index of each ledger field: by its header in either language, else its place in LEDGER_FIELDS. */
function ledgerColumns(header: readonly CellValue[]): number[] {
  const norm = header.map(normalizeHeader);
  return LEDGER_FIELDS.map((f, i) => {
    const names = (['en', 'ru'] as const).map((l) => normalizeHeader(msg(l, `ledger.col.${f}` as MessageKey)));
    const at = norm.findIndex((h) => names.includes(h));
    return at >= 0 ? at : i;
  });
}

/**
 * The ledger as the workbook holds it: closed periods, and an issue for every row that does not
 * match its checksum (edited by hand) or cannot be read.
 */
export function readLedger(raw: Pick<RawWorkbook, 'sheets'>, lang: Lang): Ledger {
  const sheet = findNamedSheet(raw, LEDGER_NAMES);
  if (!sheet || sheet.values.length === 0) return { ...EMPTY_LEDGER, sheet: sheet?.name ?? null, periods: new Map(), issues: [] };
  const cols = ledgerColumns(sheet.values[0] ?? []);
  const rows = sheet.values.slice(1).map((r, i) => ({ row: i + 2, cells: cols.map((c) => r[c] ?? '') }));
  const { periods, problems, lastChecksum } = readLedgerRows(rows);
  const header = ledgerHeader(lang);
  const issues: Issue[] = problems.map((p) => {
    const cells = rows.find((r) => r.row === p.row)?.cells ?? [];
    const at = (f: (typeof LEDGER_FIELDS)[number]) => cellText(cells[LEDGER_FIELDS.indexOf(f)]);
    const column = header[LEDGER_FIELDS.indexOf(p.field)];
    return p.kind === 'edited'
      ? { code: 'ledger.edited', sheet: sheet.name, row: p.row, column, value: p.value, message: msg(lang, 'ledger.edited', { row: p.row, sheet: sheet.name, manager: at('manager'), period: at('period') }) }
      : { code: 'ledger.unreadable', sheet: sheet.name, row: p.row, column, value: p.value, message: msg(lang, 'ledger.unreadable', { row: p.row, sheet: sheet.name, field: column }) };
  });
  return { sheet: sheet.name, periods, issues, lastChecksum };
}

/** What an adapter appends: below the last row of `sheet` (created with `header` when `header` is set). */
export interface LedgerAppend {
  sheet: string;
  /** The header row, when the sheet does not exist yet. */
  header: string[] | null;
  rows: LedgerCells[];
  /** Per column: written as a number, or as text (so `2026-10` never becomes a date). */
  numeric: boolean[];
}

export function ledgerAppend(ledger: Ledger, rows: LedgerCells[], lang: Lang): LedgerAppend {
  return {
    sheet: ledger.sheet ?? msg(lang, 'ledger.sheetName'),
    header: ledger.sheet ? null : ledgerHeader(lang),
    rows,
    numeric: LEDGER_FIELDS.map((f) => LEDGER_NUMBER_FIELDS.has(f)),
  };
}

// ---------------------------------------------------------------------------------------------
// Adjustments / Корректировки

const ADJ_FIELDS = {
  period: ['period', 'период', 'месяц', 'month'],
  manager: ['manager', 'менеджер', 'сотрудник', 'employee'],
  amount: ['amount', 'сумма', 'сумма корректировки'],
  reason: ['reason', 'причина', 'основание', 'комментарий', 'comment'],
} as const;
type AdjField = keyof typeof ADJ_FIELDS;

/**
 * The manual adjustments (SPEC §11) with an issue for every row that cannot be used (its period,
 * amount, manager or reason): never a silent zero.
 */
export function readAdjustments(raw: Pick<RawWorkbook, 'sheets' | 'timeZone' | 'toLocalDay' | 'numberLang'>, lang: Lang): { adjustments: ManualAdjustment[]; issues: Issue[] } {
  const sheet = findNamedSheet(raw, ADJUSTMENT_NAMES);
  const adjustments: ManualAdjustment[] = [];
  const issues: Issue[] = [];
  if (!sheet) return { adjustments, issues };
  const headerAt = sheet.values.slice(0, 20).findIndex((r) => r.some((c) => (ADJ_FIELDS.amount as readonly string[]).includes(normalizeHeader(c))));
  const header = headerAt >= 0 ? sheet.values[headerAt].map(normalizeHeader) : [];
  const col = {} as Record<AdjField, number>;
  for (const f of Object.keys(ADJ_FIELDS) as AdjField[]) col[f] = header.findIndex((h) => (ADJ_FIELDS[f] as readonly string[]).includes(h));
  const missing = (Object.keys(ADJ_FIELDS) as AdjField[]).find((f) => col[f] < 0);
  if (headerAt < 0 || missing) {
    const column = msg(lang, `ledger.col.${missing ?? 'amount'}` as MessageKey);
    issues.push({ code: 'ledger.adj.noColumn', sheet: sheet.name, row: headerAt >= 0 ? headerAt + 1 : null, column, value: null, message: msg(lang, 'ledger.adj.noColumn', { sheet: sheet.name, column }) });
    return { adjustments, issues };
  }
  const headerText = (f: AdjField) => cellText(sheet.values[headerAt][col[f]]);
  for (let i = headerAt + 1; i < sheet.values.length; i++) {
    const r = sheet.values[i];
    const row = i + 1;
    if (r.every(isBlank)) continue;
    const bad = (f: AdjField, code: MessageKey, value: CellValue) =>
      issues.push({ code, sheet: sheet.name, row, column: headerText(f), value: cellText(value), message: msg(lang, code, { value: cellText(value) }) });
    const periodCell = r[col.period];
    const period = Object.prototype.toString.call(periodCell) === '[object Date]'
      ? parsePeriod((raw.toLocalDay ?? intlLocalDay(raw.timeZone))(periodCell as unknown as Date).slice(0, 7))
      : parsePeriod(cellText(periodCell));
    if (!period) { bad('period', 'ledger.adj.badPeriod', periodCell); continue; }
    // In the workbook's own language (raw.numberLang: the CLI's --lang is the output's only).
    const amount = parseNumber(r[col.amount], { lang: raw.numberLang ?? lang });
    if (amount.kind !== 'number' || amount.percent) { bad('amount', 'ledger.adj.badAmount', r[col.amount]); continue; }
    const manager = displayName(cellText(r[col.manager]));
    if (manager === '') { bad('manager', 'ledger.adj.noManager', r[col.manager]); continue; }
    const reason = cellText(r[col.reason]).trim();
    if (reason === '') { bad('reason', 'ledger.adj.noReason', r[col.reason]); continue; }
    adjustments.push({ ref: { sheet: sheet.name, row }, period, manager, amount: amount.value, reason });
  }
  return { adjustments, issues };
}
