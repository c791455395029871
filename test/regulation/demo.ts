/** The shipped demo workbook, read once per test file through the CLI's .xlsx reader, and small text helpers. */
import ExcelJS from 'exceljs';
import { rawWorkbookOf } from '../../src/cli/xlsxRead';
import type { RegulationDocument, RegulationTable } from '../../src/core/regulation/document';
import { documentLines } from '../../src/core/regulation/document';
import { SCHEME_TEMPLATES } from '../../src/core/templates';
import type { RawWorkbook } from '../../src/workbook/raw';
import { readWorkbook, type WorkbookRead } from '../../src/workbook/read';

export const DEMO = 'demo/demo-workbook.xlsx';
export const TZ = 'Europe/Moscow';

export async function demoRaw(): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DEMO);
  return rawWorkbookOf(wb, { timeZone: TZ });
}

export async function demoRead(): Promise<WorkbookRead> {
  return readWorkbook(await demoRaw());
}

/** The demo's three schemes are the seed templates under their Russian names (scripts/make-demo.ts). */
export const SCHEMES = Object.fromEntries(SCHEME_TEMPLATES.map((t) => [t.id, t.name.ru])) as Record<'seed001' | 'seed002' | 'seed003', string>;

/** No-break spaces as plain ones: the document keeps numbers on one line, the tests read them as typed. */
export const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

export function docText(doc: RegulationDocument): string {
  return plainSpaces(documentLines(doc).join('\n'));
}

/** Every table of the document, spaces plain. */
export function tables(doc: RegulationDocument): RegulationTable[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])))
    .map((t) => ({ ...t, header: t.header.map(plainSpaces), rows: t.rows.map((r) => r.map(plainSpaces)) }));
}

/**
 * Each template's numbers as the document must write them (hand-copied from core/templates.ts),
 * each in the clause or table row that carries it.
 */
export const TEMPLATE_NUMBERS: Record<'seed001' | 'seed002' | 'seed003', { ru: string[]; en: string[] }> = {
  seed001: {
    ru: ['Оклад: 30 000 ₽ за каждый Расчётный период', 'Процент от Выручки: 3 % от Выручки', 'Премия за выполнение Плана по Выручке: 20 000 ₽, если Выполнение плана по Выручке составляет не менее 100 %', 'Премия за сделки: 2 000 ₽ за каждую Сделку Расчётного периода сверх 5.'],
    en: ['Salary: 30,000 ₽ for each Pay period', 'Percentage of Revenue: 3% of the Employee’s Revenue', 'Bonus for meeting the Plan for Revenue: 20,000 ₽ when Plan attainment for Revenue is at least 100%', 'Bonus for deals: 2,000 ₽ for each Deal of the Pay period over 5.'],
  },
  seed002: {
    ru: ['Оклад: 25 000 ₽', 'Процент от Маржи: 10 % от Маржи', '0 | 5 %', '12 | 3 %', '24 | 2 %', 'в течение всего срока сотрудничества с Клиентом', 'Премия за новых клиентов: 3 000 ₽ за каждого Нового клиента', 'не менее Плана по новым клиентам'],
    en: ['Salary: 25,000 ₽', 'Percentage of Margin: 10% of the Employee’s Margin', '0 | 5%', '12 | 3%', '24 | 2%', 'for the whole time the Client buys', 'Bonus for new clients: 3,000 ₽ for each New client', 'at least the Plan for new clients'],
  },
  seed003: {
    ru: ['Оклад: 35 000 ₽', 'Процент от Оплаченной выручки: 4 % от Оплаченной выручки', 'Конверсия | 30 % | 0,4 | 1,2', 'Собираемость | 90 % | 0,4 | 1,2', 'Количество контактов | 300 | 0,2 | 1,2', 'если K меньше 0,5, Переменная часть', 'не превышает 15 % от Маржи'],
    en: ['Salary: 35,000 ₽', 'Percentage of Paid revenue: 4% of the Employee’s Paid revenue', 'Conversion | 30% | 0.4 | 1.2', 'Collection | 90% | 0.4 | 1.2', 'Number of contacts | 300 | 0.2 | 1.2', 'when K is below 0.5, the Variable part', 'at most 15% of the Employee’s Margin'],
  },
};
