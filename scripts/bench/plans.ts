/**
 * Benchmark (SPEC §9 with §14): 100 000 deals × 50 managers, one month, with deal attributes, rule
 * filters (category, deal type, new / regular client), splits on every fifth deal, a team override
 * and a guarantee read from the Managers sheet, and a company fund — readWorkbook + computePayouts,
 * the same ≤ 1 s budget as the plain engine case. Each figure is the median of 3 fresh Node
 * processes (`--once` below), printed with the load average; beside it, the plain engine book
 * (engine.ts, no §14 columns or rules) timed the same way in the same run, and their ratio: what
 * §14 costs on top, whatever the machine's load.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CellValue } from '../../src/core/numbers';
import { computePayouts } from '../../src/core/payout';
import type { RawWorkbook } from '../../src/workbook/raw';
import { readWorkbook } from '../../src/workbook/read';
import { monthWorkbook } from './engine';

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
  // Every tenth manager heads the nine after them (team override); every seventh was hired in October (guarantee).
  const staff: CellValue[][] = [['менеджер', 'руководитель', 'дата приёма']];
  for (let m = 0; m < managers; m++) staff.push([`Менеджер ${m}`, m % 10 === 0 ? '' : `Менеджер ${m - (m % 10)}`, m % 7 === 0 ? '01.10.2026' : '01.03.2024']);
  const plans: CellValue[][] = [['период', 'менеджер', 'схема', 'выручка']];
  for (let m = 0; m < managers; m++) plans.push(['2026-11', `Менеджер ${m}`, m % 10 === 0 ? 'Руководители' : 'Категории', 1_000_000_000]);
  const head = ['схема', 'правило', 'показатель', 'ставка', 'сумма', 'порог', 'шкала', 'режим', 'потолок', 'месяцев', 'комментарий', 'условие'];
  const r = (rule: string, metric: string, rate: string, amount: CellValue, filter: string, scheme = 'Категории') => [scheme, rule, metric, rate, amount, '', '', '', '', '', '', filter];
  const common = (scheme: string) => [
    r('оклад', '', '', 30000, '', scheme),
    r('процент', 'выручка', '3%', '', 'категория = Арматура', scheme),
    r('процент', 'выручка', '1%', '', 'категория ≠ Арматура и тип сделки ≠ допродажа', scheme),
    r('процент', 'маржа', '5%', '', 'клиент = новый', scheme),
    r('процент', 'выручка', '0,5%', '', 'клиент = постоянный', scheme),
    r('бонус за сделки', '', '', 10, 'тип сделки = допродажа', scheme),
  ];
  const guarantee = [...r('гарантия', '', '', 5_000_000, '')];
  guarantee[9] = 3; // месяцев
  const schemes: CellValue[][] = [head,
    ...common('Категории'),
    guarantee,
    ...common('Руководители'),
    r('командный процент', 'выручка', '0,5%', '', 'категория = Арматура', 'Руководители'),
    r('фонд', 'маржа', '40%', '', '', '*'),
  ];
  return {
    sheets: [{ name: 'Сделки', values: deals }, { name: 'Сотрудники', values: staff }, { name: 'Планы', values: plans }, { name: 'Схемы', values: schemes }],
    timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
  };
}

function time<T>(f: () => T): [number, T] {
  const start = performance.now();
  const out = f();
  return [performance.now() - start, out];
}

type Book = 'plans' | 'engine';
const BOOKS: Record<Book, (rows?: number, managers?: number) => RawWorkbook> = { plans: plansWorkbook, engine: monthWorkbook };

/** One measured run in this process (after a small warm-up, as engine.ts does): wall and CPU ms of read + compute. */
function once(book: Book): { wall: number; cpu: number; compute: number; paid: number; issues: number } {
  const raw = BOOKS[book]();
  computePayouts(readWorkbook(BOOKS[book](2_000, 10)).input, PERIOD, { lang: 'ru', currency: 'RUB' });
  const cpu0 = process.cpuUsage();
  const [readMs, read] = time(() => readWorkbook(raw));
  const [computeMs, run] = time(() => computePayouts(read.input, PERIOD, { lang: read.lang, currency: read.currency }));
  const cpu = process.cpuUsage(cpu0);
  return { wall: readMs + computeMs, cpu: (cpu.user + cpu.system) / 1000, compute: computeMs, paid: run.managers.length, issues: read.issues.length + run.issues.length };
}

/** Median of 3 fresh Node processes running `once`. */
function fresh(book: Book): { wall: number; cpu: number; compute: number } {
  const runs = [0, 1, 2].map(() => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--once', book], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    if (r.status !== 0) throw new Error(`${book} run failed: ${r.stderr.slice(-2000)}`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as ReturnType<typeof once>;
    // A clean book: an issue would mean rows left out (every split did, while split names ending in a number misread).
    if (out.paid !== 50 || out.issues !== 0) throw new Error(`expected 50 managers paid and no issues in the ${book} book, got ${out.paid} and ${out.issues}`);
    return out;
  });
  const median = (pick: (x: ReturnType<typeof once>) => number) => Math.round(runs.map(pick).sort((a, b) => a - b)[1]);
  return { wall: median((x) => x.wall), cpu: median((x) => x.cpu), compute: median((x) => x.compute) };
}

export async function run(): Promise<BenchResult[]> {
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  const before = load();
  const plans = fresh('plans');
  const engine = fresh('engine');
  return [
    { name: `§14: 100 000 deals, filters + splits + team + guarantee + fund, read + compute, median of 3 fresh processes, load ${before} → ${load()} (ms)`, value: plans.wall, budget: 1000, ok: plans.wall <= 1000 },
    { name: '§14: of which compute (ms)', value: plans.compute },
    { name: '§14: CPU time (user + system) of read + compute (ms)', value: plans.cpu },
    { name: 'the plain engine book (engine.ts), same run, read + compute (ms)', value: engine.wall },
    { name: 'the plain engine book, CPU time (ms)', value: engine.cpu },
    { name: 'ratio §14 ÷ plain engine book (wall)', value: Math.round((plans.wall / Math.max(engine.wall, 1)) * 100) / 100 },
  ];
}

if (process.argv.includes('--once')) {
  const book = process.argv[process.argv.indexOf('--once') + 1] as Book;
  process.stdout.write(`${JSON.stringify(once(book))}\n`);
}
