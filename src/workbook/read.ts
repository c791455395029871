/**
 * Reading the owner's workbook (SPEC §2, §4, §7): sheets as `getValues()` gives them → the typed
 * `PayoutInput` the engine works on, plus an issue for every row that cannot be used. One reader
 * per sheet in ./reading; nothing here knows Apps Script or exceljs.
 */
import type { Issue } from '../core/issues';
import { KpiUserError } from '../core/issues';
import type { Lang } from '../core/money';
import type { Payment, PayoutInput } from '../core/model';
import { langOfLocale, msg } from '../core/messages';
import type { RawWorkbook } from './raw';
import type { DetectedMapping } from './headers';
import { emptyDetectedMapping } from './headers';
import { locate, Reader, sheetList } from './reading/reader';
import { readDeals } from './reading/deals';
import { readPayments } from './reading/payments';
import { readPlans } from './reading/plans';
import { readKpi } from './reading/kpi';
import { readSchemes } from './reading/schemes';
import { readManagers } from './reading/managers';
import { currencyOf } from './reading/currency';

export { currencyOf };

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
