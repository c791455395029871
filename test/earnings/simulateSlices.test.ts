/**
 * Simulation calls the engine once per manager and period on a slice of the input (core/simulate
 * `managerSlices`), for speed. Property: on any workbook, every scheme, every period, the slice gives
 * exactly the statement the engine gives on the whole input — clients shared between managers,
 * `attracted by`, returns, lost deals, payments before and after the deal, partner prices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import type { Deal, KpiFact, PayoutInput, Payment, PlanRow, SchemeRow } from '../../src/core/model';
import { computePayouts } from '../../src/core/payout';
import { managerSlices, periodRange, simulateSchemes } from '../../src/core/simulate';
import { SCHEME_TEMPLATES } from '../../src/core/templates';

const MANAGERS = ['Анна', 'Борис', 'Вера'];
const CLIENTS = ['Альфа', 'Бета', 'Гамма', 'Дельта', null];
const PERIODS = periodRange({ kind: 'month', year: 2026, month: 1 }, { kind: 'month', year: 2026, month: 4 });
const SCHEMES = ['S1', 'S2', 'S3'];

const schemeRows: SchemeRow[] = SCHEME_TEMPLATES.flatMap((t, ti) => t.rules.map((r, i) => ({
  ref: { sheet: 'Schemes', row: 2 + ti * 20 + i }, scheme: SCHEMES[ti], rule: r.rule, metric: r.metric, rate: r.rate, amount: r.amount,
  threshold: r.threshold, tiers: r.tiers, mode: r.mode, cap: r.cap, months: r.months, comment: r.comment,
})));

const day = fc.record({ m: fc.integer({ min: 1, max: 5 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ m, d }) => `2026-0${m}-${String(d).padStart(2, '0')}`);

const dealArb = fc.record({
  date: day,
  manager: fc.constantFrom(...MANAGERS),
  client: fc.constantFrom(...CLIENTS),
  amount: fc.integer({ min: -20, max: 200 }).map((n) => n * 1000),
  marginPct: fc.integer({ min: 10, max: 60 }),
  status: fc.constantFrom('won', 'won', 'won', 'lost', 'cancelled') as fc.Arbitrary<Deal['status']>,
  attractedBy: fc.option(fc.constantFrom(...MANAGERS), { freq: 5 }),
  partnerPct: fc.option(fc.integer({ min: 50, max: 95 }), { freq: 3 }),
  paidDate: fc.option(day, { freq: 2 }),
});

type DealDraft = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(rows: DealDraft[], withPayments: boolean, payDays: string[]): PayoutInput {
  const deals: Deal[] = rows.map((r, i) => {
    const amount = dec(r.amount);
    return {
      ref: { sheet: 'Deals', row: i + 2 }, id: String(1000 + i), date: r.date, manager: r.manager, client: r.client,
      amount, cost: null, margin: amount.times(r.marginPct).dividedBy(100), status: r.status,
      paid: r.paidDate ? amount : null, paidDate: r.paidDate, partnerPrice: r.partnerPct ? amount.times(r.partnerPct).dividedBy(100) : null,
      attractedBy: r.attractedBy,
    };
  });
  const payments: Payment[] | null = withPayments
    ? deals.flatMap((d, i) => (i % 2 === 0 ? [{ ref: { sheet: 'Payments', row: i + 2 }, dealId: d.id!, date: payDays[i % payDays.length], amount: d.amount.dividedBy(2) }] : []))
    : null;
  const plans: PlanRow[] = PERIODS.flatMap((period, pi) => MANAGERS.map((manager, mi) => ({
    ref: { sheet: 'Plans', row: 2 + pi * 3 + mi }, period, manager, scheme: 'S1',
    targets: { revenue: dec(300000), margin: dec(90000), deals: dec(3), new_clients: dec(1) },
  })));
  const kpiFacts: KpiFact[] = PERIODS.flatMap((period, pi) => MANAGERS.map((manager, mi) => ({
    ref: { sheet: 'KPI', row: 2 + pi * 3 + mi }, period, manager, metric: 'contacts', value: dec(100 + 50 * mi),
  })));
  return {
    deals, payments, plans, kpiFacts, schemeRows,
    columns: { status: true, client: true, margin: true, paid: true, partnerPrice: true, attractedBy: true, dealId: true },
    sheetNames: { deals: 'Deals', payments: withPayments ? 'Payments' : null, plans: 'Plans', kpi: 'KPI', schemes: 'Schemes' },
  };
}

describe('simulation slices = the whole input', () => {
  it('every scheme, period and manager: the same lines and totals as computePayouts on everything', () => {
    fc.assert(
      fc.property(fc.array(dealArb, { minLength: 1, maxLength: 40 }), fc.boolean(), fc.array(day, { minLength: 1, maxLength: 5 }), (rows, withPayments, payDays) => {
        const input = inputOf(rows, withPayments, payDays);
        const options = { lang: 'en' as const, currency: 'RUB' };
        for (const scheme of SCHEMES) {
          const sim = simulateSchemes(input, { schemes: [scheme], periods: PERIODS }, options, () => null);
          for (const p of sim.periods) {
            const whole = computePayouts(input, p.period, { ...options, schemeOverride: scheme });
            expect(p.cells.map((c) => [c.manager, c.total.toString(), c.margin?.toString() ?? null]))
              .toEqual(whole.managers.map((m) => [m.manager, m.total.toString(), m.margin?.toString() ?? null]));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('period to date (My earnings): the slice with asOf gives the whole input\'s statement with asOf', () => {
    fc.assert(
      fc.property(fc.array(dealArb, { minLength: 1, maxLength: 40 }), fc.boolean(), fc.array(day, { minLength: 1, maxLength: 5 }), day, (rows, withPayments, payDays, asOf) => {
        const input = inputOf(rows, withPayments, payDays);
        const slice = managerSlices(input);
        const period = { kind: 'month' as const, year: 2026, month: Number(asOf.slice(5, 7)) };
        for (const manager of MANAGERS) {
          const options = { lang: 'en' as const, currency: 'RUB', asOf, managers: [manager] };
          const whole = computePayouts(input, period, options).managers;
          const sliced = computePayouts(slice(manager, period), period, options).managers;
          expect(sliced.map((m) => [m.manager, m.total.toString(), m.lines.map((l) => l.explanation)]))
            .toEqual(whole.map((m) => [m.manager, m.total.toString(), m.lines.map((l) => l.explanation)]));
        }
      }),
      { numRuns: 40 },
    );
  });
});
