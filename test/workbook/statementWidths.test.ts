/**
 * Statement column widths measure every money cell as money (`12 345 678,90 ₽`), not only the first
 * row of a run of same-format cells: the tab model keeps one format range per run, and the widths
 * used to look the format up by where a range starts — a later, larger amount was measured as a
 * plain number, one thousands group and ` ₽` short, and printed as `####` in a narrow column.
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { DEAL_COLS } from '../../src/workbook/tabs';
import { formatLookup, PX_PER_ROW_ON_ONE_PAGE } from '../../src/workbook/printLayout';
import { rawWorkbook } from '../fixtures/rawWorkbooks';

const AMOUNT = 3; // the deals table's «Сумма» (and the lines' «План») column

describe('statement widths', () => {
  it('a large amount below a small one widens «Сумма»: 12 345 678,90 ₽ is 8 digits + 2 spaces + «,90 ₽» = 16 characters → 16 × 6.5 + 8 = 112 px', () => {
    const raw = rawWorkbook({
      'Сделки': [['Дата', 'Менеджер', 'Клиент', 'Сумма'], ['2026-11-03', 'Иванов', 'А', 1000], ['2026-11-04', 'Иванов', 'Б', 12345678.9]],
      'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка'], ['2026-11', 'Иванов', 'S', 100000]],
      'Схемы': [['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'], ['S', 'оклад', '', '', 10000], ['S', 'процент', 'выручка', '5%', '']],
    });
    const { tabs } = runPayouts(raw, { period: '2026-11', today: '2026-12-01' });
    const statement = tabs.find((t) => t.kind === 'manager')!;
    // the two deal rows share one money range that starts at the 1 000 row
    const bigRow = statement.rows.findIndex((r) => r[AMOUNT] === 12345678.9);
    expect(statement.rows[bigRow - 1][AMOUNT]).toBe(1000);
    expect(statement.formats.find((f) => f.range.col === AMOUNT && f.range.row === bigRow - 1)).toMatchObject({ format: 'money', range: { rows: 2 } });
    // Before: measured as a plain number, 8 digits + 5 = 13 characters → 92.5 → 93 px (the plan 100 000,00 ₽ needs 92.5 too).
    expect(statement.columnWidths![AMOUNT]).toBe(112);
    // wider columns only make the page taller room: the statement still fits one page at 24 px a row
    expect(statement.columnWidths!.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(statement.rows.length * PX_PER_ROW_ON_ONE_PAGE);
  });

  it('formatLookup answers for every cell a range covers, and nothing outside it', () => {
    const at = formatLookup([
      { range: { row: 2, col: 3, rows: 3, cols: 1 }, format: 'money' },
      { range: { row: 5, col: 3, rows: 1, cols: 2 }, format: 'percent' },
    ]);
    expect([1, 2, 3, 4, 5, 6].map((r) => at(r, AMOUNT))).toEqual([undefined, 'money', 'money', 'money', 'percent', undefined]);
    expect(at(5, 4)).toBe('percent');
    expect(at(3, DEAL_COLS.paidInPeriod)).toBeUndefined();
  });
});
