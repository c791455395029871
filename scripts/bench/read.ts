/**
 * Benchmark: reading 100 000 deals × 50 managers (SPEC §9 budget context: the whole payout run
 * must stay ≤ 1 s, so the reader aims well under 500 ms). Builds the RawWorkbook in memory.
 */
import type { CellValue } from '../../src/core/numbers';
import type { RawWorkbook } from '../../src/workbook/raw';
import { readWorkbook } from '../../src/workbook/read';

const STATUSES = ['Успешно', '', 'отказ', 'успешно', 'Отменена', ''];

/**
 * A 1C-like Deals sheet of `rows` deals over `managers` managers, three months of 2026: a mix of
 * Date cells and `dd.mm.yyyy` text, real numbers and `1 250 000,50` text, statuses and ids.
 */
export function bigWorkbook(rows = 100_000, managers = 50): RawWorkbook {
  const values: CellValue[][] = [['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма, руб.', 'Себестоимость', 'Статус', 'Комментарий']];
  for (let i = 0; i < rows; i++) {
    const month = 9 + (i % 3);
    const day = 1 + (i % 28);
    const date: CellValue = i % 2 === 0
      ? new Date(Date.UTC(2026, month - 1, day) - 3 * 3600_000) // midnight in Moscow
      : `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.2026`;
    const amount = 10_000 + (i % 977) * 1_000 + 0.5;
    values.push([
      i + 1,
      date,
      `Менеджер ${i % managers}`,
      `Клиент ${i % 5_000}`,
      i % 3 === 0 ? `${Math.floor(amount / 1000)}\u00a0${String(Math.floor(amount % 1000)).padStart(3, '0')},50` : amount,
      Math.round(amount * 0.6),
      STATUSES[i % STATUSES.length],
      '',
    ]);
  }
  return { sheets: [{ name: 'Сделки', values }], timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null };
}

/** As scripts/bench.ts prints it: value and budget as text with their unit. */
export interface BenchResult { name: string; value: string; budget?: string; ok?: boolean }

export async function run(): Promise<BenchResult[]> {
  const raw = bigWorkbook();
  readWorkbook(bigWorkbook(2_000)); // warm up the JIT
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    const read = readWorkbook(raw);
    times.push(performance.now() - start);
    if (read.input.deals.length !== 100_000) throw new Error(`expected 100000 deals, read ${read.input.deals.length}`);
  }
  const median = [...times].sort((a, b) => a - b)[1];
  const budget = 500;
  return [
    { name: 'readWorkbook 100 000 deals × 50 managers, first', value: `${Math.round(times[0])} ms` },
    { name: 'readWorkbook 100 000 deals × 50 managers, median', value: `${Math.round(median)} ms`, budget: `${budget} ms`, ok: median <= budget },
  ];
}
