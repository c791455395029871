/**
 * Review item 1: a rerun of *Generate payouts* for a period removes every tab it generated for
 * that period before, not only those it writes again — a manager who dropped out or whose scheme
 * became invalid keeps no stale statement (SPEC §7: no payout tab rather than a wrong one).
 * Other periods' tabs and the user's own sheets stay. On the built script over the fake Sheets.
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/core/messages/index';
import { LINE_COLS } from '../../src/workbook/tabs';
import { rawWorkbook } from '../fixtures/rawWorkbooks';
import { generatedNames, rig } from './setup';

/**
 * Scheme A: salary 1 000 + 10 % of revenue; scheme B: 0.4 % of revenue.
 * 2026-10: Анна (A) 100 000 → 1 000 + 10 000 = 11 000; Борис (B) 50 000 × 0.4 % = 200.
 * 2026-09: Анна (A) 20 000 → 1 000 + 2 000 = 3 000.
 */
function workbook() {
  return rawWorkbook({
    'Сделки': [
      ['Дата', 'Менеджер', 'Сумма'],
      ['05.09.2026', 'Анна', 20000],
      ['05.10.2026', 'Анна', 100000],
      ['06.10.2026', 'Борис', 50000],
    ],
    'Планы': [
      ['Период', 'Менеджер', 'Схема'],
      ['2026-09', 'Анна', 'A'],
      ['2026-10', 'Анна', 'A'],
      ['2026-10', 'Борис', 'B'],
    ],
    'Схемы': [
      ['Схема', 'Правило', 'Показатель', 'Ставка', 'Сумма'],
      ['A', 'оклад', '', '', 1000],
      ['A', 'процент', 'выручка', '10%', ''],
      ['B', 'процент', 'выручка', '0,4%', ''],
    ],
  });
}

const totalOf = (sheet: { _dump(): unknown[][] }) => sheet._dump().find((r) => r[0] === msg('ru', 'tabs.total.total'))?.[LINE_COLS.amount];

describe('a rerun replaces every tab it generated for the period', () => {
  it('scheme B becomes invalid: Борис’s old 200 ₽ tab is deleted, Анна’s is rewritten, September stays', () => {
    const { ss, gas } = rig(workbook());
    gas.call('generatePayouts', '2026-09');
    gas.call('generatePayouts', '2026-10');
    expect(generatedNames(ss)).toEqual(['Выплаты · 2026-09', 'Анна · 2026-09', 'Выплаты · 2026-10', 'Анна · 2026-10', 'Борис · 2026-10']);
    expect(totalOf(ss._sheet('Борис · 2026-10')!)).toBe(200); // 50 000 × 0.4 %
    expect(totalOf(ss._sheet('Анна · 2026-10')!)).toBe(11000); // 1 000 + 10 % × 100 000

    ss._sheet('Схемы')!._set(4, 2, 'премия за погоду'); // an unknown rule: scheme B is invalid
    const json = gas.call('generatePayouts', '2026-10') as { managers: { manager: string }[]; issues: { sheet: string; row: number | null }[] };
    expect(json.managers.map((m) => m.manager)).toEqual(['Анна']);
    expect(json.issues.some((i) => i.sheet === 'Схемы' && i.row === 4)).toBe(true);
    expect(generatedNames(ss)).toEqual(['Выплаты · 2026-09', 'Анна · 2026-09', 'Выплаты · 2026-10', 'Анна · 2026-10']);
    expect(ss._sheet('Борис · 2026-10')).toBeUndefined();
    expect(totalOf(ss._sheet('Анна · 2026-10')!)).toBe(11000);
    expect(totalOf(ss._sheet('Анна · 2026-09')!)).toBe(3000); // 1 000 + 10 % × 20 000: untouched
  });

  it('a manager who drops out of the period (Plans row removed) loses the old tab; a user sheet stays', () => {
    const { ss, gas } = rig(workbook(), { 'Борис · заметки': [['мои заметки']] });
    gas.call('generatePayouts', '2026-10');
    expect(generatedNames(ss)).toContain('Борис · 2026-10');
    for (let c = 1; c <= 3; c++) ss._sheet('Планы')!._set(4, c, '');
    ss._sheet('Сделки')!._set(4, 2, 'Анна'); // his deal moves to Анна: 150 000 → 1 000 + 15 000 = 16 000
    gas.call('generatePayouts', '2026-10');
    expect(generatedNames(ss)).toEqual(['Выплаты · 2026-10', 'Анна · 2026-10']);
    expect(totalOf(ss._sheet('Анна · 2026-10')!)).toBe(16000);
    expect(ss._sheet('Борис · заметки')!._dump()).toEqual([['мои заметки']]);
  });
});
