/** previewCurve: what a scheme pays a sample manager at x % of plan (the sidebar's chart). */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal';
import { previewCurve } from '../../../src/core/payout';
import { validateSchemeRows } from '../../../src/core/schemes';
import { templateRows } from './builders';

const scheme = (id: 'seed001' | 'seed002' | 'seed003') => validateSchemeRows(templateRows(id, id), 'ru').scheme!;

describe('previewCurve', () => {
  it('seed 001 on a 1 000 000 revenue plan and 7 deals', () => {
    const curve = previewCurve(scheme('seed001'), { plan: { revenue: dec(1000000), deals: dec(7) } });
    expect(curve).toHaveLength(31); // 0, 5, …, 150
    const at = (x: number) => curve.find((p) => p.attainment === x)!;
    expect(at(0)).toEqual({ attainment: 0, salary: 30000, variable: 0, total: 30000 });
    // 50 %: 3 % × 500 000 = 15 000; 3 deals (⌊3.5⌋) ≤ 5; no plan bonus
    expect(at(50).total).toBe(45000);
    // 100 %: 30 000 + 30 000 + 20 000 + 2 000 × (7 − 5) = 84 000
    expect(at(100).total).toBe(84000);
    // 150 %: 30 000 + 45 000 + 20 000 + 2 000 × (10 − 5) = 105 000
    expect(at(150)).toEqual({ attainment: 150, salary: 30000, variable: 75000, total: 105000 });
  });

  it('seed 003: K follows attainment (targets from the rules), the gate shuts below 50 %, K caps at 1.2', () => {
    const curve = previewCurve(scheme('seed003'), { plan: { paid_revenue: dec(1000000), margin: dec(500000) } }, [40, 50, 100, 150]);
    // 40 %: K = 0.4 < 0.5 → salary only
    // 50 %: 4 % × 500 000 = 20 000 × K 0.5 = 10 000
    // 100 %: 40 000 × 1 = 40 000 (limit 15 % × 500 000 = 75 000 not reached)
    // 150 %: 60 000 × 1.2 = 72 000 (limit 15 % × 750 000 = 112 500 not reached)
    expect(curve.map((p) => p.total)).toEqual([35000, 45000, 75000, 107000]);
  });

  it('salaryOnly draws the salary alone; the partner scheme pays client turnover on the sample', () => {
    const s = scheme('seed002');
    expect(previewCurve(s, { plan: { revenue: dec(100000) }, salaryOnly: true }, [100]).map((p) => p.total)).toEqual([25000]);
    // 100 %: 25 000 + 10 % × margin 40 000 + 5 % × 100 000 (first-month clients) + 3 000 × 2 new clients = 25 000 + 4 000 + 5 000 + 6 000
    const [p] = previewCurve(s, { plan: { revenue: dec(100000), margin: dec(40000), new_clients: dec(2) } }, [100]);
    expect(p.total).toBe(40000);
  });

  it('is monotone in attainment for seed 001 (more sales never pay less)', () => {
    const curve = previewCurve(scheme('seed001'), { plan: { revenue: dec(1000000), deals: dec(7) } });
    for (let i = 1; i < curve.length; i++) expect(curve[i].total).toBeGreaterThanOrEqual(curve[i - 1].total);
  });
});
