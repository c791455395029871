/**
 * SPEC §14 invariants (fast-check), extending the engine's: with filters and splits, statement lines
 * add up to the total; the credited parts of every deal add up to the deal; a filter and its
 * negation split a rule's base exactly; every won deal of P is credited to someone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, sum, ZERO } from '../../src/core/decimal';
import { parseFilter } from '../../src/core/filters';
import { indexDeals, ManagerFacts } from '../../src/core/metrics';
import type { DealType } from '../../src/core/model';
import { computePayouts } from '../../src/core/payout';
import { deals, input, period, plan, RU, schemeRows } from '../core/engine/builders';

const NOV = period('2026-11');
const MANAGERS = ['Анна', 'Борис', 'Вера'];
const CATEGORIES = ['Арматура', 'Услуги', 'Трубы'];
const TYPES: DealType[] = ['new', 'repeat', 'upsell'];

const shareSplit = fc.array(fc.tuple(fc.constantFrom(...MANAGERS), fc.integer({ min: 1, max: 97 })), { minLength: 1, maxLength: 3 })
  .map((parts) => {
    // shares in whole percents that add up to 100: the last takes the rest
    const seen = new Set<string>();
    const uniq = parts.filter(([m]) => (seen.has(m) ? false : (seen.add(m), true)));
    let left = 100;
    const out = uniq.map(([m, p], i) => {
      const share = i === uniq.length - 1 ? left : Math.max(1, Math.min(p, left - (uniq.length - 1 - i)));
      left -= share;
      return { manager: m, share };
    });
    return out.filter((s) => s.share > 0);
  });

const dealSpec = fc.record({
  manager: fc.constantFrom(...MANAGERS),
  client: fc.option(fc.constantFrom('c1', 'c2', 'c3', 'c4'), { nil: undefined }),
  month: fc.constantFrom('2026-09', '2026-10', '2026-11'),
  day: fc.integer({ min: 1, max: 28 }),
  cents: fc.integer({ min: -1_000_000, max: 50_000_000 }),
  costShare: fc.integer({ min: 0, max: 100 }),
  status: fc.constantFrom('won', 'won', 'won', 'lost') as fc.Arbitrary<'won' | 'lost'>,
  category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
  type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
  split: fc.option(shareSplit, { freq: 2, nil: undefined }),
});

const FILTERS = ['категория = Арматура', 'тип сделки = допродажа', 'клиент = новый', 'клиент = постоянный', 'категория = Услуги и клиент = постоянный'];
const negation = (f: string) => f.replace(' = ', ' ≠ ');

type Spec = typeof dealSpec extends fc.Arbitrary<infer T> ? T : never;

function build(specs: Spec[], rules: Parameters<typeof schemeRows>[1], fund: string | null) {
  const ds = deals(specs.map((s, i) => ({
    row: i + 2, date: `${s.month}-${String(s.day).padStart(2, '0')}`, manager: s.manager, client: s.client,
    amount: (s.cents / 100).toFixed(2), cost: (Math.round(s.cents * s.costShare / 100) / 100).toFixed(2), status: s.status,
  })));
  specs.forEach((s, i) => {
    ds[i].category = s.category ?? null;
    ds[i].dealType = s.type ?? null;
    ds[i].split = s.split ? s.split.map((p: { manager: string; share: number }) => ({ manager: p.manager, share: dec(p.share).dividedBy(100) })) : null;
  });
  return input({
    deals: ds,
    plans: MANAGERS.map((m, i) => plan(i + 2, '2026-11', m, 'S', { revenue: 500000 })),
    schemeRows: [...schemeRows('S', rules), ...(fund ? schemeRows('*', [{ rule: 'фонд', metric: 'маржа', rate: fund }], 40) : [])],
  }, { category: true, dealType: true, split: true });
}

describe('§14 invariants', () => {
  it('the credited parts of every deal add up to the deal (amount and margin); shares to 1', () => {
    fc.assert(fc.property(fc.array(dealSpec, { maxLength: 30 }), (specs) => {
      const index = indexDeals(build(specs, [], null));
      for (const deal of index.deals) {
        const parts = index.credited.filter((d) => d === deal || d.whole === deal);
        expect(sum(parts.map((p) => p.amount)).equals(deal.amount)).toBe(true);
        expect(sum(parts.map((p) => p.margin ?? ZERO)).equals(deal.margin ?? ZERO)).toBe(true);
        expect(sum(parts.map((p) => p.share ?? dec(1))).equals(1)).toBe(true);
      }
    }));
  });

  it('a filter and its negation split every deal metric exactly', () => {
    fc.assert(fc.property(fc.array(dealSpec, { maxLength: 30 }), fc.constantFrom(...FILTERS.slice(0, 4)), (specs, text) => {
      const index = indexDeals(build(specs, [], null));
      const yes = parseFilter(text);
      const no = parseFilter(negation(text));
      if (!yes.ok || !no.ok) throw new Error('bad filter');
      for (const m of MANAGERS) {
        const all = new ManagerFacts(index, m, NOV, 'ru');
        for (const metric of ['revenue', 'margin', 'deals']) {
          const whole = all.fact(metric).value!;
          const a = all.withFilter(yes.filter).fact(metric).value!;
          const b = all.withFilter(no.filter).fact(metric).value!;
          expect(a.plus(b).equals(whole)).toBe(true);
        }
      }
    }));
  });

  it('every won deal of P is credited: Σ managers\' revenue = the company\'s', () => {
    fc.assert(fc.property(fc.array(dealSpec, { maxLength: 30 }), (specs) => {
      const index = indexDeals(build(specs, [], null));
      const each = sum(MANAGERS.map((m) => new ManagerFacts(index, m, NOV, 'ru').fact('revenue').value!));
      const company = new ManagerFacts(index, '*', NOV, 'ru', { company: true }).fact('revenue').value!;
      const written = sum(index.deals.filter((d) => d.status === 'won' && d.date >= '2026-11-01' && d.date < '2026-12-01').map((d) => d.amount));
      expect(each.equals(company)).toBe(true);
      expect(company.equals(written)).toBe(true);
    }));
  });

  it('with filters, splits and a company fund, each statement adds up to its total; the fund holds', () => {
    const rules = fc.array(fc.tuple(fc.constantFrom('процент', 'бонус за сделки', 'процент с клиентов'), fc.integer({ min: 1, max: 20 }), fc.option(fc.constantFrom(...FILTERS), { nil: '' }), fc.boolean()), { minLength: 1, maxLength: 4 })
      .map((list) => [{ rule: 'оклад', amount: '10000' }, ...list.map(([rule, r, filter, sub]) => (
        rule === 'бонус за сделки' ? { rule, amount: String(r * 100), threshold: '0', filter: filter ?? '' }
          : rule === 'процент с клиентов' ? { rule, metric: 'выручка', rate: `${r}%`, mode: sub ? 'последующие' : '', filter: filter ?? '' }
            : { rule, metric: 'выручка', rate: `${r}%`, filter: filter ?? '' }))]);
    fc.assert(fc.property(fc.array(dealSpec, { maxLength: 30 }), rules, fc.option(fc.constantFrom('10%', '40%'), { nil: null }), (specs, ruleCells, fund) => {
      const run = computePayouts(build(specs, ruleCells, fund), NOV, RU);
      expect(run.issues.filter((i) => i.code.startsWith('engScheme') || i.code.startsWith('plans'))).toEqual([]);
      for (const m of run.managers) {
        expect(sum(m.lines.map((l) => l.amount)).equals(m.total)).toBe(true);
        for (const l of m.lines) expect(l.amount.decimalPlaces()).toBeLessThanOrEqual(2);
      }
      if (run.companyFund?.factor && run.companyFund.cap) {
        const positive = sum(run.managers.map((m) => m.variable).filter((v) => v.greaterThan(0)));
        expect(positive.equals(run.companyFund.cap)).toBe(true);
      }
    }), { numRuns: 150 });
  });
});
