/** Invariants of the engine over random deals and schemes (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sum } from '../../../src/core/decimal';
import type { SchemeRow } from '../../../src/core/model';
import { computePayouts } from '../../../src/core/payout';
import { type DealSpec, RU, deals, input, kpiFact, payment, period, plan, schemeRows } from './builders';

const NOV = period('2026-11');
const MANAGERS = ['Анна', 'Борис', 'Вера'];

const dealSpec = fc.record({
  manager: fc.constantFrom(...MANAGERS),
  client: fc.option(fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'), { nil: undefined }),
  month: fc.constantFrom('2026-09', '2026-10', '2026-11', '2026-12'),
  day: fc.integer({ min: 1, max: 28 }),
  cents: fc.integer({ min: -5_000_000, max: 50_000_000 }),
  costShare: fc.integer({ min: 0, max: 100 }),
  status: fc.constantFrom('won', 'won', 'won', 'lost', 'cancelled') as fc.Arbitrary<'won' | 'lost' | 'cancelled'>,
  partner: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  attractedBy: fc.option(fc.constantFrom(...MANAGERS), { freq: 5, nil: undefined }),
  paidShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
});

const money = (cents: number) => (cents / 100).toFixed(2);

type Cells = Partial<Omit<SchemeRow, 'ref' | 'scheme'>>;
const ruleCells: fc.Arbitrary<Cells[]> = fc.oneof<fc.Arbitrary<Cells[]>[]>(
  fc.integer({ min: 0, max: 100000 }).map((a) => [{ rule: 'salary', amount: String(a) }]),
  fc.tuple(fc.constantFrom('revenue', 'margin', 'paid_revenue', 'deals'), fc.integer({ min: 0, max: 20 }), fc.option(fc.constantFrom('80%', '100%'), { nil: '' }))
    .map(([metric, r, threshold]) => [{ rule: 'percent', metric, rate: `${r}%`, threshold }]),
  fc.constantFrom('whole', 'marginal').map((mode) => [{ rule: 'tiers', metric: 'revenue', tiers: '0:1%; 80%:3,5%; 120%:7%', mode }]),
  fc.integer({ min: 0, max: 50000 }).map((a) => [{ rule: 'plan_bonus', amount: String(a), threshold: '90%' }]),
  fc.constant([{ rule: 'бонус за сделки', tiers: '2:1000; 4:2500,5' }]),
  fc.integer({ min: 0, max: 5000 }).map((a) => [{ rule: 'deal bonus', amount: String(a), threshold: '1' }]),
  fc.integer({ min: 0, max: 5000 }).map((a) => [{ rule: 'new client bonus', amount: String(a) }]),
  fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }).map((months) => [{ rule: 'client turnover', tiers: '0:5%; 1:3,33%; 2:1%', months: months ? String(months) : '' }]),
  fc.constantFrom('', '0', '1').map((threshold) => [{ rule: 'partner price', threshold }]),
  fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 100 })).map(([w, g]) => [
    { rule: 'kpi', metric: 'revenue', rate: String(w / 20), threshold: '100000' },
    { rule: 'kpi', metric: 'contacts', rate: String(1 - w / 20), threshold: '300', cap: '1.5' },
    { rule: 'kpi gate', threshold: String(g / 100) },
  ]),
  fc.constantFrom<Cells[]>([{ rule: 'limit', metric: 'margin', rate: '15%' }], [{ rule: 'limit', amount: '20000' }]),
);

const scenario = fc.record({
  specs: fc.array(dealSpec, { maxLength: 25 }),
  rules: fc.array(ruleCells, { minLength: 1, maxLength: 5 }).map((groups) => {
    // at most one kpi group, so weights sum to 1
    let seenKpi = false;
    return groups.filter((g) => (g[0].rule === 'kpi' ? (seenKpi ? false : (seenKpi = true)) : true)).flat();
  }),
  withPayments: fc.boolean(),
  contacts: fc.integer({ min: 0, max: 600 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const ds: DealSpec[] = s.specs.map((d, i) => {
    const amount = d.cents / 100;
    return {
      row: i + 2, id: `D${i}`, date: `${d.month}-${String(d.day).padStart(2, '0')}`, manager: d.manager, client: d.client,
      amount: money(d.cents), cost: money(Math.round((d.cents * d.costShare) / 100)), status: d.status,
      partnerPrice: d.partner === undefined ? undefined : money(Math.round((d.cents * d.partner) / 100)),
      attractedBy: d.attractedBy, paid: d.paidShare === undefined ? undefined : (amount * d.paidShare / 100).toFixed(2),
      paidDate: d.paidShare === undefined ? undefined : `${d.month}-${String(d.day).padStart(2, '0')}`,
    };
  });
  const payments = s.withPayments ? ds.filter((d) => d.paid !== undefined).map((d, i) => payment(i + 2, d.id!, d.paidDate!, d.paid!)) : null;
  return input({
    deals: deals(ds),
    payments,
    plans: MANAGERS.map((m, i) => plan(i + 2, '2026-11', m, 'S', { revenue: 500000, deals: 3, new_clients: 1, margin: 100000 })),
    kpiFacts: MANAGERS.map((m, i) => kpiFact(i + 2, '2026-11', m, 'contacts', s.contacts)),
    schemeRows: schemeRows('S', s.rules),
  }, { paid: true });
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let x = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('engine invariants', () => {
  it('Σ lines = total to the kopeck; salary = Σ salary lines; variable = total − salary; every line has 2 decimals', () => {
    fc.assert(fc.property(scenario, (s) => {
      const run = computePayouts(build(s), NOV, RU);
      for (const m of run.managers) {
        expect(sum(m.lines.map((l) => l.amount)).equals(m.total)).toBe(true);
        expect(sum(m.lines.filter((l) => l.rule === 'salary').map((l) => l.amount)).equals(m.salary)).toBe(true);
        expect(m.total.minus(m.salary).equals(m.variable)).toBe(true);
        for (const l of m.lines) expect(l.amount.decimalPlaces()).toBeLessThanOrEqual(2);
      }
    }), { numRuns: 150 });
  });

  it('the result does not depend on the order of the deal rows', () => {
    fc.assert(fc.property(scenario, fc.integer({ min: 1, max: 1e6 }), (s, seed) => {
      const a = build(s);
      const b = { ...a, deals: shuffled(a.deals, seed), payments: a.payments && shuffled(a.payments, seed + 1), plans: shuffled(a.plans, seed + 2) };
      expect(computePayouts(b, NOV, RU)).toEqual(computePayouts(a, NOV, RU));
    }), { numRuns: 100 });
  });

  it('computing twice gives identical output', () => {
    fc.assert(fc.property(scenario, (s) => {
      const inp = build(s);
      expect(computePayouts(inp, NOV, RU)).toEqual(computePayouts(inp, NOV, RU));
    }), { numRuns: 50 });
  });

  it('K is within [0, the largest cap]', () => {
    fc.assert(fc.property(scenario, (s) => {
      const run = computePayouts(build(s), NOV, RU);
      for (const m of run.managers) {
        if (m.kpiCoefficient === null) continue;
        const maxCap = m.kpiRows.reduce((mx, r) => (r.cap.greaterThan(mx) ? r.cap.toNumber() : mx), 0);
        expect(m.kpiCoefficient.greaterThanOrEqualTo(0)).toBe(true);
        expect(m.kpiCoefficient.lessThanOrEqualTo(maxCap)).toBe(true);
      }
    }), { numRuns: 100 });
  });

  it('an invalid scheme never pays: every manager gets an issue instead', () => {
    fc.assert(fc.property(scenario, (s) => {
      const inp = build(s);
      inp.schemeRows.push(...schemeRows('S', [{ rule: 'шкала', metric: 'revenue', tiers: '2:1%; 1:2%' }], 99));
      const run = computePayouts(inp, NOV, RU);
      expect(run.managers).toEqual([]);
      expect(run.issues.filter((i) => i.code === 'engIssueInvalidScheme')).toHaveLength(MANAGERS.length);
    }), { numRuns: 30 });
  });
});
