/**
 * Small workbooks built in code (exceljs), with hand-worked payouts, for the CLI end-to-end tests.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/numbers';
import { writeFile } from 'node:fs/promises';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * English workbook, scheme "Basic" = salary 1 000 + 5 % of revenue + 500 when revenue ≥ 100 % of plan.
 * Alice, 2026-11: revenue = 10 000 + 2 000 − 1 000 (a return) = 11 000 (the lost 5 000 and the
 *   October 7 000 do not count); 5 % × 11 000 = 550; 11 000 ÷ plan 10 000 = 110 % ≥ 100 % → 500;
 *   total = 1 000 + 550 + 500 = 2 050 (variable 1 050).
 * Bob, 2026-11: revenue 3 000; 5 % × 3 000 = 150; 3 000 ÷ 10 000 = 30 % < 100 % → 0; total 1 150.
 * One bad row (amount "abc") is an issue and left out.
 */
export const EN_EXPECTED = {
  Alice: { salary: 1000, variable: 1050, total: 2050 },
  Bob: { salary: 1000, variable: 150, total: 1150 },
};
export const FORMULA_LOOKING = ['=HYPERLINK("x")', '+7 900 123-45-67', '@home', '-minus'];

export function englishWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const deals = wb.addWorksheet('Deals');
  deals.addRow(['Deal ID', 'Date', 'Manager', 'Client', 'Amount', 'Status']);
  deals.addRow(['D1', day(2026, 11, 3), 'Alice', FORMULA_LOOKING[0], 10000, 'won']);
  deals.addRow(['D2', day(2026, 11, 10), 'Alice', FORMULA_LOOKING[1], 2000, 'won']);
  deals.addRow(['D3', day(2026, 11, 15), 'Alice', FORMULA_LOOKING[2], -1000, 'won']);
  deals.addRow(['D4', day(2026, 11, 20), 'Alice', FORMULA_LOOKING[3], 5000, 'lost']);
  deals.addRow(['D5', day(2026, 10, 30), 'Alice', 'Old Co', 7000, 'won']);
  deals.addRow(['D6', day(2026, 11, 5), 'Bob', 'Bob Client', 3000, 'won']);
  deals.addRow(['D7', day(2026, 11, 6), 'Bob', 'Bad Co', 'abc', 'won']);
  const plans = wb.addWorksheet('Plans');
  plans.addRow(['Period', 'Manager', 'Scheme', 'Revenue']);
  plans.addRow(['2026-11', 'Alice', 'Basic', 10000]);
  plans.addRow(['2026-11', 'Bob', 'Basic', 10000]);
  const schemes = wb.addWorksheet('Schemes');
  schemes.addRow(['Scheme', 'Rule', 'Metric', 'Rate', 'Amount', 'Threshold', 'Tiers', 'Mode', 'Cap', 'Months', 'Comment']);
  schemes.addRow(['Basic', 'salary', '', '', 1000]);
  schemes.addRow(['Basic', 'percent', 'revenue', '5%']);
  schemes.addRow(['Basic', 'plan_bonus', 'revenue', '', 500, '100%']);
  return wb;
}

/**
 * Russian workbook, 1C-style: scheme «Стандарт» = оклад 30 000 + 3 % выручки + 2 000 за каждую
 * сделку сверх одной.
 * Иванов, 2026-11: выручка = 1 250 000,50 (text with NBSP) + 749 999,50 = 2 000 000,00 (the lost
 *   300 000 does not count); 3 % × 2 000 000 = 60 000; deals = 2 → 2 000 × (2 − 1) = 2 000;
 *   total = 30 000 + 60 000 + 2 000 = 92 000 (variable 62 000).
 */
export const RU_EXPECTED = { 'Иванов Иван': { salary: 30000, variable: 62000, total: 92000 } };

export function russianWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const deals = wb.addWorksheet('Сделки');
  deals.addRow(['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус']);
  deals.addRow([day(2026, 11, 3), 'Иванов Иван', 'ООО «Ромашка»', '1\u00a0250\u00a0000,50', 'успешно']);
  deals.addRow(['05.11.2026', 'Иванов Иван', 'АО «Сталь»', 749999.5, 'закрыта']);
  deals.addRow([day(2026, 11, 7), 'Иванов Иван', 'ИП Петров', 300000, 'проиграна']);
  const plans = wb.addWorksheet('Планы');
  plans.addRow(['Период', 'Менеджер', 'Схема', 'Выручка']);
  plans.addRow(['2026-11', 'Иванов Иван', 'Стандарт', 2000000]);
  const schemes = wb.addWorksheet('Схемы');
  schemes.addRow(['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма', 'Порог', 'Шкала', 'Режим', 'Потолок', 'Месяцев', 'Комментарий']);
  schemes.addRow(['Стандарт', 'оклад', '', '', 30000]);
  schemes.addRow(['Стандарт', 'процент', 'выручка', '3%']);
  schemes.addRow(['Стандарт', 'бонус за сделки', '', '', 2000, 1]);
  return wb;
}

export function noDealsWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['nothing', 'here']);
  return wb;
}

export async function save(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** A workbook of plain rows per sheet (cells as exceljs writes them: a text stays a text cell). */
export function bookOf(sheets: Record<string, CellValue[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  }
  return wb;
}
