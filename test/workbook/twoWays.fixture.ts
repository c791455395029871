/**
 * A small Russian workbook for values that read two ways (SPEC §10.2): one manager, Анна, with
 * 300 000 ₽ of revenue in November 2026 (two won deals, 100 000 + 200 000) on a plan of 1 000 000,
 * and a scheme «Тест» whose rows the test gives. Row numbers as Sheets shows them: the Schemes
 * header is row 1, so the scheme's first rule is row 2.
 */
import type { CellValue } from '../../src/core/numbers';
import { SCHEME_COLUMNS, SCHEME_HEADERS, type SchemeColumn } from '../../src/core/templates';
import type { RawSheet, RawWorkbook } from '../../src/workbook/raw';

export type SchemeCells = Partial<Record<SchemeColumn, CellValue>>;

export interface TwoWaysOptions {
  /** The rules of scheme «Тест» (column → cell). */
  rules: SchemeCells[];
  /** Number formats of the rules' cells (same order as rules). */
  formats?: Partial<Record<SchemeColumn, string>>[];
  /** Extra Plans columns: header → value (Анна's November row). */
  planColumns?: Record<string, CellValue>;
  /** KPI sheet rows: [period, manager, metric, value]. */
  kpi?: CellValue[][];
}

export const ANNA = 'Анна';

export function twoWaysWorkbook(opts: TwoWaysOptions): RawWorkbook {
  const deals: CellValue[][] = [
    ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'],
    ['03.11.2026', ANNA, 'ООО Ромашка', 100000, 'успешно'],
    ['20.11.2026', ANNA, 'АО Вектор', 200000, 'успешно'],
  ];
  const extra = opts.planColumns ?? {};
  const plans: CellValue[][] = [
    ['Период', 'Менеджер', 'Схема', 'Выручка', ...Object.keys(extra)],
    ['2026-11', ANNA, 'Тест', 1000000, ...Object.values(extra)],
  ];
  const header = SCHEME_COLUMNS.map((c) => SCHEME_HEADERS.ru[c]);
  const schemeValues: CellValue[][] = [header, ...opts.rules.map((r) => SCHEME_COLUMNS.map((c) => (c === 'scheme' ? 'Тест' : r[c] ?? '')))];
  const schemeFormats: string[][] | undefined = opts.formats
    ? [header.map(() => 'General'), ...opts.rules.map((_, i) => SCHEME_COLUMNS.map((c) => opts.formats?.[i]?.[c] ?? 'General'))]
    : undefined;
  const sheets: RawSheet[] = [
    { name: 'Сделки', values: deals },
    { name: 'Планы', values: plans },
    { name: 'Схемы', values: schemeValues, ...(schemeFormats ? { formats: schemeFormats } : {}) },
  ];
  if (opts.kpi) sheets.push({ name: 'Показатели', values: [['Период', 'Менеджер', 'Показатель', 'Значение'], ...opts.kpi] });
  return { sheets, timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null };
}

/** Column letter-free coordinates of a Schemes cell: its row and header. */
export function schemesCell(row: number, column: SchemeColumn): { sheet: string; row: number; column: string } {
  return { sheet: 'Схемы', row, column: SCHEME_HEADERS.ru[column] };
}
