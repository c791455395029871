/**
 * Reading the owner's workbook (SPEC §2, §4, §7): sheets as `getValues()` gives them → the typed
 * `PayoutInput` the engine works on, plus an issue for every row that cannot be used. One reader
 * per sheet in ./reading; nothing here knows Apps Script or exceljs.
 */
import type { Issue } from '../core/issues';
import type { Lang } from '../core/money';
import type { Payment, PayoutInput } from '../core/model';
import { langOfLocale } from '../core/messages';
import type { LocalDate } from '../core/periods';
import type { RawSheet, RawWorkbook } from './raw';
import type { DetectedMapping } from './headers';
import { emptyDetectedMapping } from './headers';
import { locate, Reader } from './reading/reader';
import type { ColumnReport } from './reading/columnReport';
import { locateDeals } from './reading/dealsSheets';
import { settleNames } from './reading/names';
import { readDeals } from './reading/deals';
import { dealManagers, readPayments } from './reading/payments';
import { readPlans } from './reading/plans';
import { readKpi } from './reading/kpi';
import { readSchemes } from './reading/schemes';
import { readManagers } from './reading/managers';
import { currencyOf } from './reading/currency';
import { currencyOfColumn } from './currency';

export { currencyOf };
export type { ColumnReport };

export interface WorkbookRead {
  input: PayoutInput;
  /** Reader issues only (the engine adds its own). */
  issues: Issue[];
  lang: Lang;
  currency: string;
  timeZone: string;
  detected: DetectedMapping;
  /** e-mail (lower case) → manager: the Managers sheet's, else Plans' e-mail column (SPEC §12). */
  managerEmails: Map<string, string>;
  /** Which header each field took, which were ignored (SPEC §10.1). */
  columns: ColumnReport;
}

export interface ReadOptions {
  /** Dates more than a year after this day are implausible (SPEC §10.1); unchecked when absent. */
  today?: LocalDate;
}

/**
 * Reads the owner's workbook into the engine's input. Throws `KpiUserError` (translated) when there
 * is no Deals sheet (or several and none chosen), or Deals lacks a required column or a header row; every other problem is an issue naming the
 * sheet, the row as Sheets numbers it, the column header and the value, and that row is left out.
 *
 * @example readWorkbook({ sheets: [{ name: 'Сделки', values: [['Дата', 'Менеджер', 'Сумма'], ['22.11.2026', 'Иванов', '1 250 000,50']] }],
 *   timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null }).input.deals[0].amount // 1250000.5
 */
export function readWorkbook(raw: RawWorkbook, opts: ReadOptions = {}): WorkbookRead {
  const lang = langOfLocale(raw.locale);
  const reader = new Reader(raw, lang, opts.today);
  const detected = emptyDetectedMapping();

  const dealsLocs = locateDeals(reader, detected);
  const dealsSheet = dealsLocs.map((l) => l.sheet.name).join(', ');
  const { deals, columns, openIds, twoWayDates } = readDeals(reader, dealsLocs);

  const planEmails = new Map<string, string>();
  let payments: Payment[] | null = null;
  const paymentsLoc = locate(reader, 'payments', detected);
  if (paymentsLoc) {
    const ids = new Set<string>();
    for (const d of deals) if (d.id !== null) ids.add(d.id);
    payments = readPayments(reader, paymentsLoc, ids, dealsSheet, openIds, { managersOf: dealManagers(deals), out: twoWayDates });
    columns.paid = true;
  }
  const plansLoc = locate(reader, 'plans', detected);
  const plans = plansLoc ? readPlans(reader, plansLoc, planEmails) : [];
  const kpiLoc = locate(reader, 'kpi', detected);
  const kpiFacts = kpiLoc ? readKpi(reader, kpiLoc) : [];
  const schemesLoc = locate(reader, 'schemes', detected);
  const schemeRows = schemesLoc ? readSchemes(reader, schemesLoc) : [];
  const managersLoc = locate(reader, 'managers', detected);
  const managers = managersLoc ? readManagers(reader, managersLoc, twoWayDates) : [];

  const input: PayoutInput = {
    deals,
    payments,
    plans,
    kpiFacts,
    schemeRows,
    managers,
    columns,
    dealManagerHeader: dealsLocs[0].cols?.header.manager ?? undefined,
    ...(twoWayDates.length > 0 ? { twoWayDates } : {}),
    sheetNames: {
      deals: dealsSheet,
      payments: paymentsLoc ? paymentsLoc.sheet.name : null,
      plans: plansLoc ? plansLoc.sheet.name : null,
      kpi: kpiLoc ? kpiLoc.sheet.name : null,
      schemes: schemesLoc ? schemesLoc.sheet.name : null,
    },
  };
  const { managerEmails } = settleNames(input, managers, planEmails);
  return {
    input,
    issues: reader.issues,
    lang,
    currency: currencyOf(raw.currency ?? dealsCurrency(dealsLocs[0]), raw.locale),
    timeZone: raw.timeZone,
    detected,
    managerEmails,
    columns: reader.columns,
  };
}

/**
 * The currency the Deals amount column shows (SPEC §1), from its first 500 formatted rows: a ruble
 * book stays in rubles whatever the spreadsheet's locale. `--currency` (raw.currency) still wins.
 */
function dealsCurrency(loc: { sheet: RawSheet; headerRow: number; cols: { index: Record<string, number | null> } | null } | undefined): string | null {
  if (!loc?.cols || !loc.sheet.formats) return null;
  const column = loc.cols.index.amount;
  if (column === null || column === undefined) return null;
  return currencyOfColumn(loc.sheet.formats.slice(0, loc.headerRow + 501), column, loc.headerRow);
}
