/** Simulate (SPEC §14): payroll ÷ revenue beside ÷ margin, and when the company fund binds. */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/workbook/earningsRun';
import { CATEGORIES, FUND, rawOf } from './scenarios';

describe('Simulate with §14', () => {
  it('shows payroll ÷ revenue and that the company fund binds, with its factor', () => {
    // «Продажи» for 2026-11: each of three managers 10 000 + 10 % × 100 000 = 20 000 → payroll 60 000
    // over revenue 300 000 = 20 % (Simulate shows the scheme before the fund); variable parts 30 000 >
    // fund 20 000 → factor 20 000 / 30 000 = 0,6667.
    const json = runSimulation(rawOf(FUND), { schemes: ['Продажи'], from: '2026-11', to: '2026-11' }).json;
    const p = json.periods[0].schemes[0];
    expect(p.payroll).toBe(60000);
    expect(p.revenue_share).toBe(0.2);
    expect(p.fund_factor).toBe(0.6667);
    expect(json.warnings.some((w) => w.includes('фонд компании превышен') && w.includes('0,6667'))).toBe(true);
  });
  it('splits: a manager is simulated on the credited shares of the whole book', () => {
    // «Категории» for Иванов, 2026-11: 54 100 as in the Generate run (scenarios.ts).
    const json = runSimulation(rawOf(CATEGORIES), { schemes: ['Категории'], from: '2026-11', to: '2026-11' }).json;
    const cells = Object.fromEntries(json.periods[0].schemes[0].managers.map((m) => [m.manager, m.total]));
    expect(cells).toEqual({ 'Иванов': 54100, 'Петров': 45900 });
  });
});
