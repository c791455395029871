/**
 * Benchmark: *Simulate scheme…* over 12 months × 50 managers × 100 000 deals (budget 3 s in Node),
 * one scheme and two schemes, plus *My earnings* for one manager on the same data (it is the button
 * pressed thousands of times a week, seed 003). Builds a PayoutInput in memory (the reader has its
 * own benchmark, scripts/bench/read.ts).
 */
import { dec } from '../../src/core/decimal';
import type { Deal, PayoutInput, PlanRow, SchemeRow } from '../../src/core/model';
import type { Period } from '../../src/core/periods';
import { myEarningsOfRead } from '../../src/workbook/earningsRun';
import type { WorkbookRead } from '../../src/workbook/read';
import { simulateSchemes, limitShareOf, periodRange } from '../../src/core/simulate';
import { SCHEME_TEMPLATES } from '../../src/core/templates';

/** As scripts/bench.ts prints them: value and budget as text with their unit. */
export interface BenchResult { name: string; value: string; budget?: string; ok?: boolean }

const ms = (t: number) => `${Math.round(t)} ms`;

const FROM: Period = { kind: 'month', year: 2025, month: 11 };
const TO: Period = { kind: 'month', year: 2026, month: 10 };

function schemeRows(name: string, templateIndex: number, startRow: number): SchemeRow[] {
  return SCHEME_TEMPLATES[templateIndex].rules.map((r, i) => ({
    ref: { sheet: 'Схемы', row: startRow + i }, scheme: name, rule: r.rule, metric: r.metric, rate: r.rate, amount: r.amount,
    threshold: r.threshold, tiers: r.tiers, mode: r.mode, cap: r.cap, months: r.months, comment: r.comment,
  }));
}

/** 100 000 won/lost deals spread over 12 months, 50 managers, 5 000 clients; a plan per manager and month. */
export function bigInput(deals = 100_000, managers = 50): PayoutInput {
  const periods = periodRange(FROM, TO);
  const list: Deal[] = [];
  for (let i = 0; i < deals; i++) {
    const p = periods[i % periods.length] as { year: number; month: number };
    const day = 1 + (i % 28);
    const amount = dec(10_000 + (i % 977) * 1_000);
    list.push({
      ref: { sheet: 'Сделки', row: i + 2 }, id: String(i + 1),
      date: `${p.year}-${String(p.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      manager: `Менеджер ${i % managers}`, client: `Клиент ${i % 5_000}`,
      amount, cost: amount.times('0.6'), margin: amount.times('0.4'), status: i % 7 === 0 ? 'lost' : 'won',
      paid: null, paidDate: null, partnerPrice: null, attractedBy: null,
    });
  }
  const plans: PlanRow[] = [];
  let row = 2;
  for (const period of periods) {
    for (let m = 0; m < managers; m++) {
      plans.push({ ref: { sheet: 'Планы', row: row++ }, period, manager: `Менеджер ${m}`, scheme: 'Стандарт', targets: { revenue: dec(4_000_000), deals: dec(150) } });
    }
  }
  return {
    deals: list, payments: null, plans, kpiFacts: [],
    schemeRows: [...schemeRows('Стандарт', 0, 2), ...schemeRows('Партнёр', 1, 10)],
    columns: { status: true, client: true, margin: true, paid: false, partnerPrice: false, attractedBy: false, dealId: true },
    sheetNames: { deals: 'Сделки', payments: null, plans: 'Планы', kpi: null, schemes: 'Схемы' },
  };
}

function time<T>(f: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = f();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<BenchResult[]> {
  const input = bigInput();
  const periods = periodRange(FROM, TO);
  const options = { lang: 'ru' as const, currency: 'RUB' };
  const limits = (s: string) => limitShareOf(input, s, options.lang);
  simulateSchemes(bigInput(2_000, 10), { schemes: ['Стандарт'], periods: periods.slice(0, 2) }, options, limits); // warm up the JIT

  const one = time(() => simulateSchemes(input, { schemes: ['Стандарт'], periods }, options, limits));
  const cells = one.value.periods.reduce((n, p) => n + p.cells.length, 0);
  if (cells !== 12 * 50) throw new Error(`expected 600 manager-months, got ${cells}`);
  const two = time(() => simulateSchemes(input, { schemes: ['Стандарт', 'Партнёр'], periods }, options, limits));
  const read = { input, issues: [], lang: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow', managerEmails: new Map<string, string>() } as unknown as WorkbookRead;
  myEarningsOfRead(read, { manager: 'Менеджер 7', asOf: '2026-10-20', today: '2026-10-20' }); // warm up
  const earnings = time(() => myEarningsOfRead(read, { manager: 'Менеджер 7', asOf: '2026-10-20', today: '2026-10-20' }));
  if (earnings.value.earnings === null) throw new Error('myEarnings found no payout');
  const budget = 3000;
  return [
    { name: 'simulate: 1 scheme, 12 months × 50 managers × 100 000 deals', value: ms(one.ms), budget: `≤ ${budget} ms`, ok: one.ms <= budget },
    { name: 'simulate: 2 schemes, 12 months × 50 managers × 100 000 deals', value: ms(two.ms) },
    { name: 'myEarnings: one manager, month to date, 100 000 deals, workbook already read', value: ms(earnings.ms), budget: '≤ 1000 ms', ok: earnings.ms <= 1000 },
  ];
}

// `tsx scripts/bench/simulate.ts` prints the results on its own.
if (process.argv[1] && /bench[\\/]simulate\.ts$/.test(process.argv[1])) {
  run().then((r) => console.table(r));
}
