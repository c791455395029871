/**
 * Issue 16, statements and summary that read right: the attainment of the metric that pays, named,
 * the same on the summary, the statement, the console and --json; paid in the period vs before,
 * reconciling with the paid-revenue base; numbered lines; a ranked summary.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawWorkbookOf } from '../../src/cli/xlsxRead';
import { runPayouts, type PipelineResult } from '../../src/workbook/pipeline';
import type { RawWorkbook } from '../../src/workbook/raw';
import { DEAL_COLS, SUMMARY_COLS } from '../../src/workbook/tabs';
import type { TabCell, TabModel } from '../../src/workbook/tabModel';

const ROOT = resolve(__dirname, '../..');
const DEMO = join(ROOT, 'demo/demo-workbook.xlsx');

const demo = (): PipelineResult =>
  runPayouts(rawWorkbookOf(new Uint8Array(readFileSync(DEMO)), { timeZone: 'Europe/Moscow' }), { period: '2026-10', today: '2026-11-02', generatedAt: '2026-11-02 10:00' });

const summaryRow = (r: PipelineResult, manager: string) => {
  const s = r.tabs[0];
  return s.rows.find((row) => row[SUMMARY_COLS.manager] === manager)!;
};
const statement = (r: PipelineResult, manager: string) => r.tabs.find((t) => t.kind === 'manager' && t.rows[1][1] === manager)!;
const headerAttainment = (tab: TabModel) => tab.rows.find((row) => row[0] === 'Выполнение плана')!;

/** The rows of a statement's deals table. */
function dealRows(tab: TabModel): TabCell[][] {
  const header = tab.rows.findIndex((row) => row[0] === 'Дата' && row[1] === '№ сделки');
  return tab.rows.slice(header + 1).filter((row) => row.length > 1);
}

const kopecks = (cells: TabCell[]) => cells.reduce<number>((a, v) => a + (typeof v === 'number' ? Math.round(v * 100) : 0), 0);

describe('the demo workbook (2026-10)', () => {
  const r = demo();

  it('Волкова, paid on margin: 316 193,48 ÷ 290 000 = 109,03 % of margin on the summary, her statement and in --json', () => {
    const row = summaryRow(r, 'Волкова Анна');
    expect(row[SUMMARY_COLS.attainment]).toBeCloseTo(316193.48 / 290000, 12);
    expect(row[SUMMARY_COLS.attainmentMetric]).toBe('маржа');
    // her statement: the same figure, named, in the header — and it is her margin line's attainment
    expect(headerAttainment(statement(r, 'Волкова Анна')).slice(1)).toEqual([row[SUMMARY_COLS.attainment], 'маржа']);
    const json = r.json.managers.find((m) => m.manager === 'Волкова Анна')!;
    expect([json.attainment, json.attainment_metric]).toEqual([1.0903, 'margin']);
  });

  it('Лебедева, paid 4 % of paid revenue × K (no plan on it): the revenue plan, named, 120,22 % on both', () => {
    const row = summaryRow(r, 'Лебедева Елена');
    expect(row[SUMMARY_COLS.attainmentMetric]).toBe('выручка');
    expect((row[SUMMARY_COLS.attainment] as number) * 100).toBeCloseTo(120.22, 2);
    expect(headerAttainment(statement(r, 'Лебедева Елена')).slice(1)).toEqual([row[SUMMARY_COLS.attainment], 'выручка']);
    expect(r.json.managers.find((m) => m.manager === 'Лебедева Елена')!.attainment).toBe(1.2022);
  });

  it('every manager: the summary, the statement and the JSON show one attainment', () => {
    for (const m of r.json.managers) {
      const row = summaryRow(r, m.manager);
      const head = headerAttainment(statement(r, m.manager));
      expect(head[1], m.manager).toBe(row[SUMMARY_COLS.attainment]);
      expect(head[2], m.manager).toBe(row[SUMMARY_COLS.attainmentMetric]);
      expect(m.attainment, m.manager).toBe(Math.round((row[SUMMARY_COLS.attainment] as number) * 10000) / 10000);
    }
  });

  it('ranked by payout with a rank column: Смирнов 311 150,61 first, Петрова 60 819,63 last; the total row stays', () => {
    const s = r.tabs[0];
    const managers = s.rows.slice(s.frozenRows, s.frozenRows + 10);
    expect(managers.map((row) => row[SUMMARY_COLS.rank])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([managers[0][SUMMARY_COLS.manager], managers[0][SUMMARY_COLS.total]]).toEqual(['Смирнов Игорь', 311150.61]);
    expect([managers[9][SUMMARY_COLS.manager], managers[9][SUMMARY_COLS.total]]).toEqual(['Петрова Мария', 60819.63]);
    const totals = managers.map((row) => row[SUMMARY_COLS.total] as number);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(s.rows[s.frozenRows + 10][SUMMARY_COLS.manager]).toBe('Итого по компании');
    expect(s.rows[s.frozenRows + 10][SUMMARY_COLS.total]).toBe(1413593.66);
  });

  it('Лебедева: paid in the period over her deals = the 1 856 591,51 base of her paid-revenue line', () => {
    const tab = statement(r, 'Лебедева Елена');
    const deals = dealRows(tab);
    // 145 683,23 + 248 047,40 + 242 414,63 + 402 040,10 + 590 360,44 + 228 045,71 = 1 856 591,51
    expect(kopecks(deals.map((d) => d[DEAL_COLS.paidInPeriod]))).toBe(185659151);
    // ЗК-00958 (booked 8 September): 108 997,03 paid before October, 145 683,23 in it
    expect(deals.find((d) => d[1] === 'ЗК-00958')!.slice(DEAL_COLS.paidInPeriod, DEAL_COLS.paidBefore + 1)).toEqual([145683.23, 108997.03]);
    // the lines are numbered and the deals point at them; an own deal unpaid in October says why
    expect(tab.rows[tab.frozenRows + 1][0]).toBe('2. Процент от показателя «оплаченная выручка»');
    expect(deals.find((d) => d[1] === 'ЗК-00958')![DEAL_COLS.lines]).toBe('2');
    expect(deals.find((d) => d[1] === 'ЗК-01057')![DEAL_COLS.lines]).toBe('не оплачена в периоде');
    expect(deals.find((d) => d[1] === 'ЗК-01055')![DEAL_COLS.lines]).toBe('отменена: не оплачивается');
  });

  it('every statement with a paid-revenue line: Σ paid in period over its own deals = the line’s fact, to the kopeck', () => {
    let checked = 0;
    for (const m of r.run.managers) {
      const line = m.lines.find((l) => l.metric === 'paid_revenue');
      if (!line) continue;
      const own = dealRows(statement(r, m.manager)).filter((d) => d[DEAL_COLS.manager] === m.manager);
      expect(kopecks(own.map((d) => d[DEAL_COLS.paidInPeriod])), m.manager).toBe(Math.round(line.fact!.toNumber() * 100));
      checked++;
    }
    expect(checked).toBe(3); // Лебедева, Новиков, Фёдорова
  });

  it('the console table agrees with the tab: rank, 109,03 % and «маржа» for Волкова', () => {
    const out = spawnSync(process.execPath, [join(ROOT, 'bin/kpi-payouts.js'), DEMO, '--period', '2026-10', '--today', '2026-11-02'], { encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[1]).toMatch(/^Место\s+Менеджер\s+Схема.*Выполнение плана\s+Метрика плана$/);
    expect(lines[3]).toMatch(/^\s+1\s+Смирнов Игорь\s.*311\s150,61\s+84,52\s%\s+маржа$/);
    expect(lines.find((l) => l.includes('Волкова Анна'))).toMatch(/^\s+2\s+Волкова Анна\s.*267\s974,78\s+109,03\s%\s+маржа$/);
    expect(lines.find((l) => l.includes('Лебедева Елена'))).toMatch(/120,22\s%\s+выручка$/);
  });
});

/**
 * Random workbooks: deals booked August–October 2026 (some lost), payments on them dated July–
 * November; scheme «Оплаты» = 4 % of paid revenue. For October, per manager, Σ of the statement's
 * «Оплачено в периоде» over the manager's deals = the paid-revenue fact; «Оплачено раньше» = what
 * came before 1 October on those deals; November's money is in neither.
 */
describe('property: paid in the period reconciles with the paid-revenue base', () => {
  const managers = ['Иванов', 'Петрова', 'Сидоров'];
  const days = ['2026-07-20', '2026-08-05', '2026-09-15', '2026-09-30', '2026-10-01', '2026-10-17', '2026-10-31', '2026-11-01', '2026-11-20'];
  const dealArb = fc.record({
    manager: fc.constantFrom(...managers),
    day: fc.constantFrom('2026-08-10', '2026-09-12', '2026-10-03', '2026-10-25'),
    kopecks: fc.integer({ min: 1, max: 50_000_000 }),
    status: fc.constantFrom('успешно', 'успешно', 'успешно', 'проиграна'),
  });
  const paymentArb = fc.record({ deal: fc.nat(), day: fc.constantFrom(...days), kopecks: fc.integer({ min: 1, max: 20_000_000 }) });

  it('holds on random deals and payments', () => {
    fc.assert(
      fc.property(fc.array(dealArb, { minLength: 1, maxLength: 12 }), fc.array(paymentArb, { maxLength: 20 }), (deals, payments) => {
        const dot = (day: string) => day.split('-').reverse().join('.');
        const raw: RawWorkbook = {
          sheets: [
            { name: 'Сделки', values: [['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'], ...deals.map((d, i) => [`Д-${i}`, dot(d.day), d.manager, `Клиент ${i}`, d.kopecks / 100, d.status])] },
            { name: 'Оплаты', values: [['Номер сделки', 'Дата', 'Сумма'], ...payments.map((p) => [`Д-${p.deal % deals.length}`, dot(p.day), p.kopecks / 100])] },
            { name: 'Планы', values: [['Период', 'Менеджер', 'Схема'], ...managers.map((m) => ['2026-10', m, 'Оплаты'])] },
            { name: 'Схемы', values: [['Схема', 'Правило', 'Показатель', 'Ставка'], ['Оплаты', 'процент', 'оплаченная выручка', '4%']] },
          ],
          timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
        };
        const r = runPayouts(raw, { period: '2026-10', today: '2026-12-01' });
        for (const m of r.run.managers) {
          const line = m.lines.find((l) => l.metric === 'paid_revenue')!;
          const own = dealRows(statement(r, m.manager)).filter((d) => d[DEAL_COLS.manager] === m.manager);
          expect(kopecks(own.map((d) => d[DEAL_COLS.paidInPeriod]))).toBe(Math.round(line.fact!.toNumber() * 100));
          // before: by hand from the generated payments, over the deals listed (won ones only: the engine counts no cash on lost deals)
          const listed = new Set(own.map((d) => d[1]));
          const before = payments
            .filter((p) => p.day < '2026-10-01' && listed.has(`Д-${p.deal % deals.length}`) && deals[p.deal % deals.length].status === 'успешно')
            .reduce((a, p) => a + p.kopecks, 0);
          expect(kopecks(own.map((d) => d[DEAL_COLS.paidBefore]))).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
  });
});
