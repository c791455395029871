/**
 * SPEC §10.2 as an invariant: over random deals with returns and random schemes (K, gate, limit
 * included), no statement ever shows a negative variable part or a total below the salary, the
 * lines still add up to the total, and the shortfall is exactly what the floor added back.
 * «Итого к выплате −40 000 ₽» is impossible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, sum } from '../../src/core/decimal';
import { ruleVariable } from '../../src/core/ledger/floor';
import { computePayouts } from '../../src/core/payout';
import { RU, deals, input, kpiFact, period, plan, schemeRows } from '../core/engine/builders';

const MANAGERS = ['Анна', 'Борис', 'Вера'];
const NOV = period('2026-11');

const deal = fc.record({
  manager: fc.constantFrom(...MANAGERS),
  day: fc.integer({ min: 1, max: 28 }),
  cents: fc.integer({ min: -100_000_000, max: 20_000_000 }), // returns dominate
  costShare: fc.integer({ min: 0, max: 120 }),
  partner: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
});

const ruleSets = fc.constantFrom(
  [{ rule: 'salary', amount: '30000' }, { rule: 'percent', metric: 'revenue', rate: '5%' }],
  [{ rule: 'salary', amount: '20000' }, { rule: 'percent', metric: 'margin', rate: '10%' }, { rule: 'plan_bonus', amount: '5000', threshold: '100%' }],
  [{ rule: 'percent', metric: 'revenue', rate: '3%' }, { rule: 'kpi', metric: 'revenue', rate: '0.5', threshold: '100000' }, { rule: 'kpi', metric: 'contacts', rate: '0.5', threshold: '300' }, { rule: 'kpi gate', threshold: '0.3' }],
  [{ rule: 'salary', amount: '10000' }, { rule: 'partner price', threshold: '0' }, { rule: 'limit', amount: '20000' }],
  [{ rule: 'salary', amount: '15000' }, { rule: 'tiers', metric: 'revenue', tiers: '0:1%; 80%:3%; 120%:5%', mode: 'marginal' }],
);

describe('the 0 floor (SPEC §10.2)', () => {
  it('no negative variable part, total ≥ salary, Σ lines = total, shortfall = what the floor added back', () => {
    let floored = 0;
    fc.assert(fc.property(fc.array(deal, { maxLength: 20 }), ruleSets, fc.integer({ min: 0, max: 600 }), (specs, rules, contacts) => {
      const ds = deals(specs.map((d, i) => ({
        row: i + 2, id: `D${i}`, date: `2026-11-${String(d.day).padStart(2, '0')}`, manager: d.manager, client: `c${i % 4}`,
        amount: (d.cents / 100).toFixed(2), cost: ((d.cents * d.costShare) / 10000).toFixed(2), status: 'won' as const,
        partnerPrice: d.partner === undefined ? undefined : ((d.cents * d.partner) / 10000).toFixed(2),
      })));
      const run = computePayouts(input({
        deals: ds,
        plans: MANAGERS.map((m, i) => plan(i + 2, '2026-11', m, 'S', { revenue: 500000, new_clients: 1, margin: 100000 })),
        kpiFacts: MANAGERS.map((m, i) => kpiFact(i + 2, '2026-11', m, 'contacts', contacts)),
        schemeRows: schemeRows('S', [...rules]),
      }, { margin: true, partnerPrice: true, client: true }), NOV, RU);
      for (const m of run.managers) {
        expect(m.variable.isNegative() && !m.variable.isZero()).toBe(false);
        expect(m.total.greaterThanOrEqualTo(m.salary)).toBe(true);
        expect(sum(m.lines.map((l) => l.amount)).equals(m.total)).toBe(true);
        const before = sum(m.lines.filter((l) => l.rule !== 'salary' && l.rule !== 'floor').map((l) => l.amount));
        const shortfall = m.shortfall ?? ZERO;
        expect(shortfall.equals(before.isNegative() ? before.negated() : ZERO)).toBe(true);
        expect(m.lines.filter((l) => l.rule === 'floor').length).toBe(shortfall.isZero() ? 0 : 1);
        expect(ruleVariable(m.lines).equals(before)).toBe(true);
        if (!shortfall.isZero()) floored++;
      }
    }), { numRuns: 200 });
    expect(floored).toBeGreaterThan(20); // the floor really was exercised, not passed vacuously
  });
});
