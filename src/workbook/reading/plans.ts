/** The Plans sheet (SPEC §2): period, manager, scheme, planned metrics, e-mail. */
import type { Dec } from '../../core/decimal';
import { isBlank } from '../../core/numbers';
import type { PlanRow } from '../../core/model';
import type { ColumnMap } from '../headers';
import { isBlankRow, isNoteColumn, metricOfText } from '../headers';
import type { Located, Reader } from './reader';
import { cell, cleanName } from './reader';

/** Plans' planned-metric columns: every header no field took that names a metric (notes left out). */
export function planMetricColumns(cols: ColumnMap): { index: number; header: string; metric: string }[] {
  const metricCols: { index: number; header: string; metric: string }[] = [];
  for (const k of cols.unmapped) {
    const header = cols.headers[k];
    if (isNoteColumn(header)) continue;
    const metric = metricOfText(header);
    if (metric) metricCols.push({ index: k, header, metric });
  }
  return metricCols;
}

export function readPlans(reader: Reader, loc: Located, emails: Map<string, string>): PlanRow[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('plans', name, cols) || !cols) return [];
  const { period: iPeriod, manager: iManager, scheme: iScheme, email: iEmail } = cols.index;
  const h = cols.header;
  const metricCols = planMetricColumns(cols);
  const plans: PlanRow[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row) || reader.formulaGap(loc, r)) continue;
    const before = reader.issues.length;
    const period = reader.period(cell(row, iPeriod), name, r, h.period!);
    const managerCell = reader.managerCell(cell(row, iManager), name, r, h.manager);
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
    // As spelled here: Plans' spelling is the one shown (SPEC §10; settled in reading/names.ts).
    const manager = cleanName(managerCell);
    const emailCell = cell(row, iEmail);
    if (!isBlank(emailCell)) emails.set(cleanName(emailCell).toLowerCase(), manager);
    plans.push({ ref: { sheet: name, row: r + 1 }, period: period!, manager, scheme: cleanName(schemeCell), targets });
  }
  return plans;
}

