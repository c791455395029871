/**
 * Random clean workbooks and single-cell corruptions for the "never a changed total without an
 * issue" property (issue 9's closing paragraph). Shared by the engine, bundle and CLI versions.
 *
 * A clean workbook (Russian): 2–4 managers with distinct surnames, 3–12 deals in 2026-11 (won or
 * lost), a Plans row each (revenue plan), one scheme «Основная» = salary 30 000 + r % of revenue
 * (r written with `%`) + a plan bonus of 20 000 at 100 % + a KPI coefficient on «Звонки/день»
 * (target 100, weight 1, a KPI sheet row per manager).
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/numbers';
import type { RawWorkbook } from '../../src/workbook/raw';

export const SURNAMES = ['Иванов', 'Петрова', 'Сидоренко', 'Кузнецова', 'Орлов', 'Лебедева'] as const;

export interface CleanSpec {
  managers: string[];
  deals: { manager: number; client: number; amount: number; won: boolean; day: number }[];
  plans: number[];
  rate: number; // percent, written `r%`
  calls: number[];
}

export const cleanSpec: fc.Arbitrary<CleanSpec> = fc
  .record({
    count: fc.integer({ min: 2, max: 4 }),
    deals: fc.array(
      fc.record({ manager: fc.nat(), client: fc.integer({ min: 0, max: 4 }), amount: fc.integer({ min: 1, max: 500 }).map((n) => n * 1000), won: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }),
      { minLength: 3, maxLength: 12 },
    ),
    plans: fc.array(fc.integer({ min: 1, max: 20 }).map((n) => n * 50000), { minLength: 4, maxLength: 4 }),
    // 2–9 %: a rate of 1 % losing its `%` is a bare 1 = 100 %, plain by SPEC §10.2 ("greater than 1"): see docs/DECISIONS.md
    rate: fc.integer({ min: 2, max: 9 }),
    calls: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ count, deals, plans, rate, calls }) => ({
    managers: SURNAMES.slice(0, count) as unknown as string[],
    deals: deals.map((d) => ({ ...d, manager: d.manager % count })),
    plans: plans.slice(0, count),
    rate,
    calls: calls.slice(0, count),
  }));

const CLIENTS = ['ООО Ромашка', 'АО Вектор', 'ИП Лебедев', 'ООО Север', 'ЗАО Юг'];

export function cleanWorkbook(spec: CleanSpec): RawWorkbook {
  const day = (d: number) => `${String(d).padStart(2, '0')}.11.2026`;
  return {
    sheets: [
      {
        name: 'Сделки',
        values: [
          ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'],
          ...spec.deals.map((d) => [day(d.day), spec.managers[d.manager], CLIENTS[d.client], d.amount, d.won ? 'успешно' : 'проиграна'] as CellValue[]),
        ],
      },
      { name: 'Планы', values: [['Период', 'Менеджер', 'Схема', 'Выручка'], ...spec.managers.map((m, i) => ['2026-11', m, 'Основная', spec.plans[i]] as CellValue[])] },
      {
        name: 'Схемы',
        values: [
          ['схема', 'правило', 'показатель', 'ставка', 'сумма', 'порог', 'шкала', 'режим', 'потолок', 'месяцев', 'комментарий'],
          ['Основная', 'оклад', '', '', 30000, '', '', '', '', '', ''],
          ['Основная', 'процент', 'выручка', `${spec.rate}%`, '', '', '', '', '', '', ''],
          ['Основная', 'бонус за план', 'выручка', '', 20000, '100%', '', '', '', '', ''],
          ['Основная', 'kpi', 'Звонки/день', 1, '', 100, '', '', '', '', ''],
        ],
      },
      { name: 'Показатели', values: [['Период', 'Менеджер', 'Показатель', 'Значение'], ...spec.managers.map((m, i) => ['2026-11', m, 'Звонки/день', spec.calls[i]] as CellValue[])] },
    ],
    timeZone: 'Europe/Moscow',
    locale: 'ru_RU',
    currency: null,
  };
}

export type CorruptionClass = 'header' | 'status' | 'name' | 'rate' | 'metric';
export const CLASSES: readonly CorruptionClass[] = ['header', 'status', 'name', 'rate', 'metric'];

export interface Corruption {
  kind: CorruptionClass;
  sheet: string;
  /** 0-based row and column in `values`; the issue must name row + 1. */
  row: number;
  col: number;
  before: CellValue;
  after: CellValue;
}

/** A one-letter typo: drop, double or swap a letter at `at` (mod the length). */
export function typo(text: string, how: number, at: number): string {
  const chars = Array.from(text);
  const i = at % chars.length;
  if (how % 3 === 0 && chars.length > 1) chars.splice(i, 1);
  else if (how % 3 === 1) chars.splice(i, 0, chars[i]);
  else if (i + 1 < chars.length && chars[i] !== chars[i + 1]) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  else chars.splice(i, 0, 'ъ');
  return chars.join('');
}

/** Where each class may strike, as [sheet, row, col] candidates in the clean workbook. */
function candidates(wb: RawWorkbook, kind: CorruptionClass): [string, number, number][] {
  const sheet = (name: string) => wb.sheets.find((s) => s.name === name)!.values;
  const out: [string, number, number][] = [];
  switch (kind) {
    case 'header':
      for (const name of ['Сделки', 'Планы', 'Схемы', 'Показатели']) sheet(name)[0].forEach((_, c) => out.push([name, 0, c]));
      break;
    case 'status':
      sheet('Сделки').forEach((_, r) => r > 0 && out.push(['Сделки', r, 4]));
      break;
    case 'name':
      sheet('Сделки').forEach((_, r) => r > 0 && out.push(['Сделки', r, 1]));
      sheet('Планы').forEach((_, r) => r > 0 && out.push(['Планы', r, 1]));
      sheet('Показатели').forEach((_, r) => r > 0 && out.push(['Показатели', r, 1]));
      break;
    case 'rate':
      out.push(['Схемы', 2, 3], ['Схемы', 3, 5]);
      break;
    case 'metric':
      out.push(['Схемы', 2, 2], ['Схемы', 3, 2], ['Схемы', 4, 2]);
      sheet('Показатели').forEach((_, r) => r > 0 && out.push(['Показатели', r, 2]));
      break;
  }
  return out;
}

/** The corrupted copy: a rate loses its `%` (`3%` → `3`, `100%` → `100`), any other cell gets a one-letter typo. */
export function corrupt(wb: RawWorkbook, kind: CorruptionClass, pick: number, how: number, at: number): { wb: RawWorkbook; corruption: Corruption } {
  const places = candidates(wb, kind);
  const [sheetName, row, col] = places[pick % places.length];
  const copy: RawWorkbook = { ...wb, sheets: wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) })) };
  const values = copy.sheets.find((s) => s.name === sheetName)!.values;
  const before = values[row][col];
  const after = kind === 'rate' ? String(before).replace('%', '') : typo(String(before), how, at);
  values[row][col] = after;
  return { wb: copy, corruption: { kind, sheet: sheetName, row, col, before, after } };
}

export const corruptionArgs = fc.record({
  kind: fc.constantFrom(...CLASSES),
  pick: fc.nat(),
  how: fc.nat(),
  at: fc.nat(),
});

export interface IssueLike {
  sheet: string;
  row: number | null;
}

export type Outcome = 'unchanged' | 'issue' | 'stopped' | 'VIOLATION';

/**
 * Judges one case: totals (manager → total) before and after, the issues after (null: the run
 * stopped with a message, which pays nobody and so changes nothing silently).
 */
export function judge(clean: Record<string, number>, after: Record<string, number> | null, issues: IssueLike[] | null, c: Corruption): Outcome {
  if (after === null) return 'stopped';
  const named = (issues ?? []).some((i) => i.sheet === c.sheet && i.row === c.row + 1);
  if (named) return 'issue';
  const same = Object.keys(clean).length === Object.keys(after).length && Object.entries(clean).every(([m, t]) => after[m] === t);
  return same ? 'unchanged' : 'VIOLATION';
}

/** Counts per class and outcome, printed by each test and recorded in docs/DECISIONS.md. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(kind: CorruptionClass, outcome: Outcome): void {
    const key = `${kind}/${outcome}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  text(): string {
    return CLASSES.map((k) => `${k}: ${(['unchanged', 'issue', 'stopped', 'VIOLATION'] as const).map((o) => `${o} ${this.counts.get(`${k}/${o}`) ?? 0}`).join(', ')}`).join('\n');
  }
}
