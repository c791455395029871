/** The KPI sheet (SPEC §2): period, manager, metric, value. */
import type { KpiFact } from '../../core/model';
import { isBlankRow, metricOfText } from '../headers';
import type { Located, Reader } from './reader';
import { cell } from './reader';

export function readKpi(reader: Reader, loc: Located): KpiFact[] {
  const { sheet, headerRow, cols } = loc;
  const name = sheet.name;
  if (reader.missingColumn('kpi', name, cols) || !cols) return [];
  const { period: iPeriod, manager: iManager, metric: iMetric, value: iValue } = cols.index;
  const h = cols.header;
  const facts: KpiFact[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (isBlankRow(row) || reader.formulaGap(loc, r)) continue;
    const before = reader.issues.length;
    const period = reader.period(cell(row, iPeriod), name, r, h.period!);
    const managerCell = reader.managerCell(cell(row, iManager), name, r, h.manager);
    const metricCell = cell(row, iMetric);
    const metric = metricOfText(metricCell);
    if (!metric) reader.issue('missing_metric', name, r, h.metric, metricCell, 'workbook.issue.missingMetric');
    const value = reader.number(cell(row, iValue), name, r, h.value!, 'workbook.issue.missingValue', 'missing_value', 'workbook.issue.badMetricValue', 'bad_metric_value');
    if (reader.issues.length > before) continue;
    facts.push({ ref: { sheet: name, row: r + 1 }, period: period!, manager: reader.managers.name(managerCell), metric: metric!, value: value! });
  }
  return facts;
}

