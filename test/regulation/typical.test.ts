/**
 * The worked examples' synthetic workbook reaches exactly the values it is built for (a property):
 * revenue and margin to the kopeck, deal and new-client counts rounded down, paid revenue, and the
 * collection when there is room for it — so the examples show the engine paying those values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import { indexDeals, ManagerFacts } from '../../src/core/metrics';
import { parseSchemes } from '../../src/core/schemes';
import { typicalInput, type TypicalValues } from '../../src/core/regulation/typical';
import { input, period, templateRows } from '../core/engine/builders';

const P = period('2026-10');
const rows = templateRows('seed003', 'KPI');
const scheme = parseSchemes(rows, 'ru').schemes.get('kpi')!;
const workbook = input({ deals: [], payments: [], schemeRows: rows });

describe('the typical manager’s synthetic workbook', () => {
  it('has the facts it was built for, at any share', () => {
    fc.assert(fc.property(
      fc.integer({ min: 100_000, max: 50_000_000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 10 }), fc.integer({ min: 50, max: 120 }), fc.constantFrom('0.8', '1', '1.2'),
      (revenueKop, marginPct, deals, fresh, paidPct, share) => {
        const revenue = dec(revenueKop).dividedBy(100);
        const base = new Map([
          ['revenue', revenue], ['margin', revenue.times(marginPct).dividedBy(100)], ['deals', dec(deals)], ['new_clients', dec(fresh)],
          ['paid_revenue', revenue.times(paidPct).dividedBy(100)], ['collection', dec('0.9')],
        ]);
        const typical: TypicalValues = { plan: {}, base, fromResults: [] };
        const s = dec(share);
        const synthetic = typicalInput(workbook, scheme, rows, typical, P, s, 'typical');
        const facts = new ManagerFacts(indexDeals(synthetic), 'typical', P, 'ru');
        const at = (m: string) => base.get(m)!.times(s);
        const kop = (v: ReturnType<typeof dec>) => v.toDecimalPlaces(2, 4).toString();
        expect(kop(facts.fact('revenue').value!)).toBe(kop(at('revenue')));
        expect(kop(facts.fact('margin').value!)).toBe(kop(at('margin')));
        const wantedDeals = Math.max(at('deals').floor().toNumber(), at('new_clients').floor().toNumber(), at('revenue').greaterThan(0) ? 1 : 0);
        expect(facts.fact('deals').value!.toNumber()).toBe(wantedDeals);
        expect(facts.fact('new_clients').value!.toNumber()).toBe(at('new_clients').floor().toNumber());
        expect(kop(facts.fact('paid_revenue').value!)).toBe(kop(at('paid_revenue')));
        // collection = paid ÷ (owed at the start + revenue): the wanted one when the paid revenue leaves room for an
        // earlier debt; otherwise no debt, and paid ÷ revenue (the document shows the value the engine used)
        const wantedCollection = at('collection');
        const got = facts.fact('collection').value!;
        const room = at('paid_revenue').dividedBy(wantedCollection).greaterThan(at('revenue'));
        const expected = room ? wantedCollection : at('paid_revenue').dividedBy(at('revenue'));
        expect(got.minus(expected).abs().lessThan('0.0001')).toBe(true);
      },
    ), { numRuns: 40 });
  });
});
