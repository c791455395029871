/**
 * Nothing is lost silently (SPEC §7): for any rows, good or bad, every non-blank input row is
 * either in the input or named in the issues — never both, never neither.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readWorkbook } from '../../src/workbook/read';
import type { CellValue } from '../../src/core/numbers';
import { rawWorkbook } from '../fixtures/rawWorkbooks';
import { bigWorkbook } from '../../scripts/bench/read';

const blank = fc.constantFrom<CellValue>('', '   ');
const date = fc.oneof(
  fc.constantFrom<CellValue>('22.11.2026', '2026-11-05', '31.02.2026', 'вчера', '1.1.26'),
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
  blank,
);
const manager = fc.oneof(fc.constantFrom<CellValue>('Иванов', ' петров ', 'ИВАНОВ', 'Smith'), blank);
const amount = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom<CellValue>('1 000,50', '1\u00a0250\u00a0000.50 ₽', '12,5%', 'abc', '12.5.3', '(500)'),
  blank,
);
const optionalNumber = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom<CellValue>('x', '1,5'), blank);
const status = fc.constantFrom<CellValue>('', 'успешно', 'lost', 'Отменена', 'в работе', 'WON');
const dealId = fc.oneof(fc.integer({ min: 1, max: 15 }), fc.constantFrom<CellValue>('A-1', 'A-2'), blank);
const dealRow = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(dealId, date, manager, amount, optionalNumber, status) as fc.Arbitrary<CellValue[]> },
  { weight: 1, arbitrary: fc.constant<CellValue[]>(['', '', '', '', '', '']) },
);
const paymentRow = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(dealId, date, amount) as fc.Arbitrary<CellValue[]> },
  { weight: 1, arbitrary: fc.constant<CellValue[]>(['', '', '']) },
);
const period = fc.oneof(fc.constantFrom<CellValue>('2026-11', '2026-Q4', '2026-13', 'ноябрь', '11.2026'), fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }), blank);
const planRow = fc.tuple(period, manager, fc.oneof(fc.constantFrom<CellValue>('S', 'Партнёр'), blank), optionalNumber, optionalNumber) as fc.Arbitrary<CellValue[]>;

/** Sheets row numbers of rows with any non-blank cell (row 1 is the header). */
function nonBlankRows(rows: CellValue[][]): number[] {
  return rows.flatMap((row, i) => (row.some((v) => typeof v !== 'string' || v.trim() !== '') ? [i + 2] : []));
}

function accountFor(sheet: string, rows: CellValue[][], kept: number[], issueRows: number[]) {
  const issued = new Set(issueRows);
  expect(new Set(kept).size).toBe(kept.length); // a row is in the input at most once
  for (const row of kept) expect(issued.has(row)).toBe(false); // never both
  expect([...new Set([...kept, ...issued])].sort((a, b) => a - b)).toEqual(nonBlankRows(rows)); // never neither
}

describe('every non-blank row is either in the input or in the issues', () => {
  it('Deals, Payments and Plans, random rows', () => {
    fc.assert(
      fc.property(fc.array(dealRow, { maxLength: 25 }), fc.array(paymentRow, { maxLength: 10 }), fc.array(planRow, { maxLength: 10 }), (deals, payments, plans) => {
        const raw = rawWorkbook({
          'Сделки': [['Номер', 'Дата', 'Менеджер', 'Сумма', 'Себестоимость', 'Статус'], ...deals],
          'Оплаты': [['Номер сделки', 'Дата', 'Сумма'], ...payments],
          'Планы': [['Период', 'Менеджер', 'Схема', 'Выручка', 'Сделки'], ...plans],
        });
        const r = readWorkbook(raw);
        // A bad optional cell (deals) or plan target is an issue on a row that is kept (README decisions).
        const cellOnly = new Set(['bad_optional_cell', 'plan_target_dropped']);
        const issueRows = (sheet: string) => r.issues.filter((i) => i.sheet === sheet && !cellOnly.has(i.code)).map((i) => i.row!);
        for (const i of r.issues.filter((x) => cellOnly.has(x.code))) {
          const kept = i.sheet === 'Сделки' ? r.input.deals.map((d) => d.ref.row) : r.input.plans.map((p) => p.ref.row);
          expect(kept).toContain(i.row);
        }
        expect(r.issues.every((i) => i.row !== null && i.message !== '')).toBe(true);
        accountFor('Сделки', deals, r.input.deals.map((d) => d.ref.row), issueRows('Сделки'));
        accountFor('Оплаты', payments, r.input.payments!.map((p) => p.ref.row), issueRows('Оплаты'));
        accountFor('Планы', plans, r.input.plans.map((p) => p.ref.row), issueRows('Планы'));
        // Kept deal ids are unique, and every kept payment points at a kept deal.
        const ids = r.input.deals.flatMap((d) => (d.id === null ? [] : [d.id]));
        expect(new Set(ids).size).toBe(ids.length);
        for (const p of r.input.payments!) expect(ids).toContain(p.dealId);
      }),
      { numRuns: 300 },
    );
  });
});

const text = fc.oneof(fc.constantFrom<CellValue>('Контакты', 'score', 'оклад', 'процент', 'a@b.ru', 'нет почты'), blank);
const kpiRow = fc.tuple(period, manager, text, optionalNumber) as fc.Arbitrary<CellValue[]>;
const schemeRow = fc.tuple(fc.oneof(fc.constantFrom<CellValue>('S', 'Партнёр'), blank), text, optionalNumber) as fc.Arbitrary<CellValue[]>;
const managerRow = fc.tuple(manager, text) as fc.Arbitrary<CellValue[]>;

describe('every non-blank row of KPI, Schemes and Managers is accounted for', () => {
  it('random rows', () => {
    fc.assert(
      fc.property(fc.array(kpiRow, { maxLength: 10 }), fc.array(schemeRow, { maxLength: 10 }), fc.array(managerRow, { maxLength: 10 }), (kpi, schemes, managers) => {
        const r = readWorkbook(rawWorkbook({
          'Сделки': [['Дата', 'Менеджер', 'Сумма']],
          'Показатели': [['Период', 'Менеджер', 'Показатель', 'Значение'], ...kpi],
          'Схемы': [['Схема', 'Правило', 'Ставка'], ...schemes],
          'Менеджеры': [['Менеджер', 'E-mail'], ...managers],
        }));
        const issueRows = (sheet: string) => r.issues.filter((i) => i.sheet === sheet).map((i) => i.row!);
        accountFor('Показатели', kpi, r.input.kpiFacts.map((k) => k.ref.row), issueRows('Показатели'));
        accountFor('Схемы', schemes, r.input.schemeRows.map((s) => s.ref.row), issueRows('Схемы'));
        // Managers rows become e-mails, not input rows: a valid row is one without an issue.
        const managerIssues = new Set(issueRows('Менеджеры'));
        const valid = nonBlankRows(managers).filter((row) => !managerIssues.has(row));
        expect(new Set(valid.map((row) => String(managers[row - 2][1]).trim().toLowerCase())).size).toBe(r.managerEmails.size);
      }),
      { numRuns: 200 },
    );
  });
});

describe('speed', () => {
  it('reads 100 000 deals × 50 managers (timing logged, not asserted)', () => {
    const raw = bigWorkbook(100_000, 50);
    readWorkbook(bigWorkbook(2_000, 50));
    const start = performance.now();
    const r = readWorkbook(raw);
    const ms = performance.now() - start;
    console.log(`readWorkbook: 100 000 deals × 50 managers in ${ms.toFixed(0)} ms`);
    expect(r.input.deals).toHaveLength(100_000);
    expect(r.issues).toEqual([]);
    expect(new Set(r.input.deals.map((d) => d.manager)).size).toBe(50);
  });
});
