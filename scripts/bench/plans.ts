/**
 * Benchmark (SPEC §9 with §14): 100 000 deals × 50 managers, one month, with deal attributes, rule
 * filters (category, deal type, new / regular client), splits on every fifth deal and a company
 * fund — readWorkbook + computePayouts, the same ≤ 1 s budget as the plain engine case.
 */
import type { CellValue } from '../../src/core/numbers';
import { computePayouts } from '../../src/core/payout';
import type { RawWorkbook } from '../../src/workbook/raw';
import { readWorkbook } from '../../src/workbook/read';

export interface BenchResult { name: string; value: number; budget?: number; ok?: boolean }

const PERIOD = { kind: 'month', year: 2026, month: 11 } as const;
const CATEGORIES = ['Арматура', 'Трубы', 'Услуги', 'Неликвид'];
const TYPES = ['новая', 'повторная', 'допродажа'];

export function plansWorkbook(rows = 100_000, managers = 50): RawWorkbook {
  const deals: CellValue[][] = [['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Себестоимость', 'Категория', 'Тип сделки', 'Доли']];
  for (let i = 0; i < rows; i++) {
    const m = i % managers;
    const amount = 10_000 + (i % 977) * 1_000;
    // a tenth of the deals in October, so November has regular clients
    const month = i % 10 === 0 ? 10 : 11;
    deals.push([
      `D${i + 1}`, `${String(1 + (i % 28)).padStart(2, '0')}.${month}.2026`, `Менеджер ${m}`, `Клиент ${i % 5_000}`, amount, Math.round(amount * 0.8),
      CATEGORIES[i % 4], TYPES[i % 3], i % 5 === 0 ? `Менеджер ${m} 60%; Менеджер ${(m + 1) % managers} 40%` : '',
    ]);
  }
  const plans: CellValue[][] = [['период', 'менеджер', 'схема', 'выручка']];
  for (let m = 0; m < managers; m++) plans.push(['2026-11', `Менеджер ${m}`, 'Категории', 1_000_000_000]);
  const head = ['схема', 'правило', 'показатель', 'ставка', 'сумма', 'порог', 'шкала', 'режим', 'потолок', 'месяцев', 'комментарий', 'условие'];
  const r = (rule: string, metric: string, rate: string, amount: CellValue, filter: string, scheme = 'Категории') => [scheme, rule, metric, rate, amount, '', '', '', '', '', '', filter];
  const schemes: CellValue[][] = [head,
    r('оклад', '', '', 30000, ''),
    r('процент', 'выручка', '3%', '', 'категория = Арматура'),
    r('процент', 'выручка', '1%', '', 'категория ≠ Арматура и тип сделки ≠ допродажа'),
    r('процент', 'маржа', '5%', '', 'клиент = новый'),
    r('процент', 'выручка', '0,5%', '', 'клиент = постоянный'),
    r('бонус за сделки', '', '', 10, 'тип сделки = допродажа'),
    r('фонд', 'маржа', '40%', '', '', '*'),
  ];
  return {
    sheets: [{ name: 'Сделки', values: deals }, { name: 'Планы', values: plans }, { name: 'Схемы', values: schemes }],
    timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
  };
}

function time<T>(f: () => T): [number, T] {
  const start = performance.now();
  const out = f();
  return [performance.now() - start, out];
}

export async function run(): Promise<BenchResult[]> {
  const raw = plansWorkbook();
  const small = plansWorkbook(2_000, 10);
  computePayouts(readWorkbook(small).input, PERIOD, { lang: 'ru', currency: 'RUB' }); // warm up the JIT
  const total: number[] = [];
  const compute: number[] = [];
  for (let k = 0; k < 3; k++) {
    const [readMs, read] = time(() => readWorkbook(raw));
    const [computeMs, run] = time(() => computePayouts(read.input, PERIOD, { lang: read.lang, currency: read.currency }));
    if (run.managers.length !== 50) throw new Error(`expected 50 managers paid, got ${run.managers.length}: ${run.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
    total.push(readMs + computeMs);
    compute.push(computeMs);
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[1]);
  const t = median(total);
  return [
    { name: '§14: 100 000 deals, filters + splits + fund, read + compute (ms)', value: t, budget: 1000, ok: t <= 1000 },
    { name: '§14: of which compute (ms)', value: median(compute) },
  ];
}
