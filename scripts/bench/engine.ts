/**
 * Benchmark (SPEC §9): 100 000 deals, 50 managers, one month — readWorkbook + computePayouts must
 * take ≤ 1 s in Node. Beside it, the same revenue × rate computed with plain JS numbers (no
 * parsing, no Decimal, no explanations): a floor that shows what the real run costs on top.
 */
import { SCHEME_COLUMNS, SCHEME_TEMPLATES } from '../../src/core/templates';
import type { CellValue } from '../../src/core/numbers';
import { computePayouts } from '../../src/core/payout';
import type { RawWorkbook } from '../../src/workbook/raw';
import { readWorkbook } from '../../src/workbook/read';
import { payoutTabs } from '../../src/workbook/tabs';

export interface BenchResult { name: string; value: number; budget?: number; ok?: boolean }

const PERIOD = { kind: 'month', year: 2026, month: 11 } as const;

/** 100 000 deals in 2026-11 (a mix of 1C text and numbers), Plans and the seed-001 scheme for each manager. */
export function monthWorkbook(rows = 100_000, managers = 50): RawWorkbook {
  const deals: CellValue[][] = [['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Статус']];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 30);
    const amount = 10_000 + (i % 977) * 1_000 + 0.5;
    deals.push([
      `D${i + 1}`,
      i % 2 === 0 ? new Date(Date.UTC(2026, 10, day)) : `${String(day).padStart(2, '0')}.11.2026`,
      `Менеджер ${i % managers}`,
      `Клиент ${i % 5_000}`,
      i % 3 === 0 ? `${Math.floor(amount / 1000)}\u00a0${String(Math.floor(amount % 1000)).padStart(3, '0')},50` : amount,
      Math.round(amount * 0.8),
      i % 7 === 0 ? 'проиграна' : 'успешно',
    ]);
  }
  const template = SCHEME_TEMPLATES[0];
  const plans: CellValue[][] = [['период', 'менеджер', 'схема', 'выручка']];
  for (let m = 0; m < managers; m++) plans.push(['2026-11', `Менеджер ${m}`, template.name.ru, 1_000_000_000]);
  const schemes: CellValue[][] = [SCHEME_COLUMNS.map((c) => c)];
  for (const r of template.rules) schemes.push(SCHEME_COLUMNS.map((c) => (c === 'scheme' ? template.name.ru : r[c])));
  return {
    sheets: [{ name: 'Сделки', values: deals }, { name: 'Планы', values: plans }, { name: 'Схемы', values: schemes }],
    timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null, toLocalDay: (d) => d.toISOString().slice(0, 10),
  };
}

/** The floor: Σ amount × 3 % per manager with JS numbers, from the already-parsed cells. */
function baseline(raw: RawWorkbook): number {
  const values = raw.sheets[0].values;
  const byManager = new Map<string, number>();
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    if (row[6] !== 'успешно') continue;
    const a = typeof row[4] === 'number' ? row[4] : Number(String(row[4]).replace(/\u00a0/g, '').replace(',', '.'));
    byManager.set(row[2] as string, (byManager.get(row[2] as string) ?? 0) + a * 0.03);
  }
  let total = 0;
  for (const v of byManager.values()) total += v;
  return total;
}

function time<T>(f: () => T): [number, T] {
  const start = performance.now();
  const out = f();
  return [performance.now() - start, out];
}

export async function run(): Promise<BenchResult[]> {
  const raw = monthWorkbook();
  const small = monthWorkbook(2_000, 10);
  computePayouts(readWorkbook(small).input, PERIOD, { lang: 'ru', currency: 'RUB' }); // warm up the JIT
  const engine: number[] = [];
  const reads: number[] = [];
  const plain: number[] = [];
  const tabs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const [readMs, read] = time(() => readWorkbook(raw));
    const [computeMs, run] = time(() => computePayouts(read.input, PERIOD, { lang: read.lang, currency: read.currency }));
    if (run.managers.length !== 50) throw new Error(`expected 50 managers paid, got ${run.managers.length}`);
    const [tabsMs] = time(() => payoutTabs(run, [...read.issues, ...run.issues], { generatedAt: '2026-12-01', currency: read.currency, lang: read.lang }));
    tabs.push(tabsMs);
    reads.push(readMs);
    engine.push(readMs + computeMs);
    plain.push(time(() => baseline(raw))[0]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  const e = median(engine);
  const p = median(plain);
  const budget = 1000;
  return [
    { name: 'readWorkbook + computePayouts: 100 000 deals, 50 managers, one month, median of 3 (ms)', value: Math.round(e), budget, ok: e <= budget },
    { name: '  of which readWorkbook, median of 3 (ms)', value: Math.round(median(reads)) },
    { name: 'payoutTabs (every run writing tabs builds them), median of 3 (ms)', value: Math.round(median(tabs)) },
    { name: 'plain JS number baseline (Σ amount × 3 % per manager), median of 3 (ms)', value: Math.round(p * 10) / 10 },
    { name: 'ratio engine ÷ plain baseline', value: Math.round((e / Math.max(p, 0.1)) * 10) / 10 },
  ];
}

if (process.argv[1] && /bench[\\/]engine\.ts$/.test(process.argv[1])) {
  run().then((rows) => {
    for (const r of rows) process.stdout.write(`${r.name}: ${r.value}${r.budget !== undefined ? ` (budget ${r.budget}: ${r.ok ? 'ok' : 'OVER'})` : ''}\n`);
  });
}
