/**
 * *My earnings* when the manager's scheme is planned by quarter (SPEC §6 "the current period so
 * far"): the period is the Plans row for (manager, asOf's month) if there is one, else the quarter
 * row containing asOf, else the month. Workbook: ./fixture.ts with Иванов's October and November
 * rows replaced by one `2026-Q4` row (scheme Базовая: salary 30 000 + 3 % of revenue + 20 000 at
 * 100 % of the revenue plan + 2 000 per won deal over 5).
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { currentPeriod, runMyEarnings } from '../../src/workbook/earningsRun';
import type { RawWorkbook } from '../../src/workbook/raw';
import { readWorkbook } from '../../src/workbook/read';
import { fixtureWorkbook, IVANOV, PETROV } from './fixture';

const TODAY = '2026-11-24';

/** Иванов's 2026-10 and 2026-11 Plans rows → one `2026-Q4` row (revenue plan `qPlan`); `keepNov` keeps his 2026-11 row too. */
function quarterly(qPlan: number, keepNov = false): RawWorkbook {
  const raw = fixtureWorkbook();
  const plans = raw.sheets.find((s) => s.name === 'Планы')!;
  const rows: CellValue[][] = plans.values.filter((r) => !(r[1] === IVANOV && (r[0] === '2026-10' || (!keepNov && r[0] === '2026-11'))));
  rows.push(['2026-Q4', IVANOV, 'Базовая', qPlan, 'ivanov@example.com']);
  return { ...raw, sheets: raw.sheets.map((s) => (s === plans ? { ...s, values: rows } : s)) };
}

describe('My earnings: a quarter-planned manager sees the quarter to date', () => {
  it('Иванов on 2026-11-20, plan 3 000 000 for Q4: October + November to 11-20, salary once', () => {
    const r = runMyEarnings(quarterly(3000000), { manager: IVANOV, asOf: '2026-11-20', today: TODAY });
    expect(r.period).toBe('2026-Q4');
    expect(r.as_of).toBe('2026-11-20');
    const e = r.earnings!;
    // revenue: October 6 × 200 000 = 1 200 000; November to 11-20: 500 000 + 350 000 = 850 000
    //          (the 400 000 deal of 11-25 is after asOf) → 2 050 000; 8 won deals
    // salary 30 000 (once for the quarter, not × 3)
    // percent 3 % × 2 050 000 = 61 500
    // plan bonus: 2 050 000 / 3 000 000 ≈ 68 % < 100 % → 0
    // deal bonus: (8 − 5) × 2 000 = 6 000
    // total 30 000 + 61 500 + 0 + 6 000 = 97 500
    expect(e.lines.map((l) => [l.rule, l.amount])).toEqual([
      ['salary', 30000],
      ['percent', 61500],
      ['plan_bonus', 0],
      ['deal_bonus', 6000],
    ]);
    expect(e.salary).toBe(30000);
    expect(e.variable).toBe(67500);
    expect(e.total).toBe(97500);
    expect(e.deals).toHaveLength(8);
    expect(e.deals.every((d) => d.date >= '2026-10-01' && d.date <= '2026-11-20')).toBe(true);
    expect(r.managers).toHaveLength(1);
    expect(r.managers[0].total).toBe(97500);
  });

  it('with a Q4 plan of 2 000 000 the plan bonus is reached: 30 000 + 61 500 + 20 000 + 6 000 = 117 500', () => {
    // 2 050 000 / 2 000 000 = 102.5 % ≥ 100 %
    const e = runMyEarnings(quarterly(2000000), { manager: IVANOV, asOf: '2026-11-20', today: TODAY }).earnings!;
    expect(e.lines.find((l) => l.rule === 'plan_bonus')!.amount).toBe(20000);
    expect(e.total).toBe(117500);
  });

  it('on 2026-10-03 the quarter holds 3 October deals: 30 000 + 3 % × 600 000 = 48 000 (key 2026-Q4)', () => {
    const r = runMyEarnings(quarterly(3000000), { manager: IVANOV, today: '2026-10-03' });
    expect(r.period).toBe('2026-Q4');
    expect(r.earnings!.total).toBe(48000);
  });

  it('a month row for asOf\'s month wins over the quarter row: Иванов with 2026-11 and 2026-Q4 rows → November', () => {
    const r = runMyEarnings(quarterly(3000000, true), { manager: IVANOV, asOf: '2026-11-20', today: TODAY });
    expect(r.period).toBe('2026-11');
    // as the monthly test: 30 000 + 3 % × (500 000 + 350 000) = 55 500
    expect(r.earnings!.total).toBe(55500);
  });

  it('other managers keep their months: Петров (month rows) on 2026-11-20 → 2026-11, 30 000 + 3 % × 100 000 = 33 000', () => {
    const r = runMyEarnings(quarterly(3000000), { manager: PETROV, asOf: '2026-11-20', today: TODAY });
    expect(r.period).toBe('2026-11');
    expect(r.earnings!.total).toBe(33000);
  });

  it('currentPeriod: month row, else quarter row, else the month; names matched as the engine does', () => {
    const plans = readWorkbook(quarterly(3000000)).input.plans;
    expect(currentPeriod(plans, IVANOV, '2026-11-20')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(currentPeriod(plans, '  иванов   иван ', '2026-12-31')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    // September: Иванов still has a month row
    expect(currentPeriod(plans, IVANOV, '2026-09-15')).toEqual({ kind: 'month', year: 2026, month: 9 });
    // 2027-01: no month row, no Q1 row → the month
    expect(currentPeriod(plans, IVANOV, '2027-01-10')).toEqual({ kind: 'month', year: 2027, month: 1 });
    expect(currentPeriod(plans, 'Сидоров', '2026-11-20')).toEqual({ kind: 'month', year: 2026, month: 11 });
  });
});
