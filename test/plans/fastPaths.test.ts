/**
 * The §14 bench's fast paths (issue 14) give what the plain ways give: a filtered rule's facts
 * filtered from the manager's unfiltered lists equal facts filtered from every deal; split clients'
 * owners named without copying the deals equal the owners of the copies; displayName's shortcut for
 * texts already as shown equals the full normalisation; and the reader's deals have the fields of
 * the credited parts in their order (one hidden class for the engine's loops).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, dec } from '../../src/core/decimal';
import { parseFilter } from '../../src/core/filters';
import { companyFact } from '../../src/core/companyFund';
import { indexDeals, ManagerFacts } from '../../src/core/metrics';
import type { Deal, DealType } from '../../src/core/model';
import { cachedNameKey, clientOwnership, displayName } from '../../src/core/ownership';
import { creditedInDecimals, creditedParts, largestShare, SplitScales } from '../../src/core/splits';
import { readWorkbook } from '../../src/workbook/read';
import { deals, input, period } from '../core/engine/builders';

const NOV = period('2026-11');
const PEOPLE = ['Анна', 'Борис', 'Вера'];

/** A deal: who, when (Sep–Nov), how much, what, and maybe a split among the three (shares in whole percents, the last takes the rest). */
const oneDeal = fc.record({
  who: fc.integer({ min: 0, max: 2 }),
  client: fc.integer({ min: 0, max: 4 }),
  month: fc.integer({ min: 9, max: 11 }),
  day: fc.integer({ min: 1, max: 28 }),
  rubles: fc.integer({ min: 0, max: 90_000 }),
  lost: fc.boolean(),
  category: fc.constantFrom('Арматура', 'Услуги', null),
  type: fc.constantFrom<DealType | null>('new', 'repeat', 'upsell', null),
  first: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
});
type OneDeal = typeof oneDeal extends fc.Arbitrary<infer T> ? T : never;

function book(list: OneDeal[]) {
  const ds = deals(list.map((x, i) => ({
    row: i + 2, date: `2026-${String(x.month).padStart(2, '0')}-${String(x.day).padStart(2, '0')}`, manager: PEOPLE[x.who],
    client: x.client === 0 ? undefined : `Клиент ${x.client}`, amount: String(x.rubles), cost: String(Math.floor(x.rubles / 3)), status: x.lost ? 'lost' : 'won',
  })));
  list.forEach((x, i) => {
    ds[i].category = x.category;
    ds[i].dealType = x.type;
    ds[i].split = x.first === null ? null : [
      { manager: PEOPLE[x.who], share: dec(x.first).dividedBy(100) },
      { manager: PEOPLE[(x.who + 1) % 3], share: dec(100 - x.first).dividedBy(100) },
    ];
  });
  return input({ deals: ds }, { category: true, dealType: true, split: true });
}

const FILTERS = ['категория = Арматура', 'категория ≠ Арматура и тип сделки ≠ допродажа', 'клиент = новый', 'клиент = постоянный', 'тип сделки = допродажа'];

describe('§14 bench fast paths', () => {
  it('facts of a filter taken from the unfiltered facts equal facts filtered from every deal (lists, order, values)', () => {
    fc.assert(fc.property(fc.array(oneDeal, { maxLength: 40 }), fc.constantFrom(...FILTERS), (list, text) => {
      const index = indexDeals(book(list));
      const parsed = parseFilter(text);
      if (!parsed.ok) throw new Error(`bad filter ${text}`);
      for (const m of PEOPLE) {
        const derived = new ManagerFacts(index, m, NOV, 'ru').withFilter(parsed.filter);
        const direct = new ManagerFacts(index, m, NOV, 'ru', { filter: parsed.filter });
        expect(derived.periodDeals).toEqual(direct.periodDeals);
        expect(derived.wonInPeriod).toEqual(direct.wonInPeriod);
        for (const metric of ['revenue', 'margin', 'deals', 'conversion', 'new_clients', 'regular_clients']) {
          expect(String(derived.fact(metric).value)).toBe(String(direct.fact(metric).value));
        }
      }
    }));
  });

  it('split clients belong to the largest share: named per first deal, as the copies with that manager said', () => {
    fc.assert(fc.property(fc.array(oneDeal, { maxLength: 40 }), (list) => {
      const ds = book(list).deals;
      const copies = ds.map((d) => (d.split && d.split.length > 0 ? { ...d, manager: largestShare(d.split).manager } : d));
      const before = clientOwnership(copies, cachedNameKey());
      const now = clientOwnership(ds, cachedNameKey(), (d) => (d.split && d.split.length > 0 ? largestShare(d.split).manager : d.manager));
      expect(now).toEqual(before);
    }));
  });

  it('a 60/40 split of 1 000,01 ₽ (cost 333,33): 600,006 + 400,004 and 200,00 (rounded up from 199,998) + 133,332', () => {
    // 1000.01 × 0.6 = 600.006; the last share takes 1000.01 − 600.006 = 400.004.
    // cost 333.33 × 0.6 = 199.998, the rest 133.332; margin 666.68 × 0.6 = 400.008, the rest 266.672.
    const [d] = deals([{ row: 2, date: '2026-11-02', manager: 'Анна', amount: '1000.01', cost: '333.33' }]);
    d.split = [{ manager: 'Анна', share: dec('0.6') }, { manager: 'Борис', share: dec('0.4') }];
    const [a, b] = creditedParts(d);
    expect([a.amount, b.amount, a.cost, b.cost, a.margin, b.margin].map(String)).toEqual(['600.006', '400.004', '199.998', '133.332', '400.008', '266.672']);
    expect([a.manager, b.manager, String(a.share), String(b.share)]).toEqual(['Анна', 'Борис', '0.6', '0.4']);
    expect(a.whole).toBe(d);
  });

  it('split parts in whole kopecks are the very Decs decimal.js arithmetic gives (and the fallback takes what they cannot)', () => {
    const digits = (v: Dec | null | undefined) => (v == null ? v : { s: v.s, e: v.e, d: v.d });
    const money = fc.oneof(
      fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }).map((k) => new Dec(k.toString()).dividedBy(100)), // whole kopecks
      fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((k) => new Dec(k.toString()).dividedBy(1000)), // sub-kopeck, big
      fc.constantFrom(new Dec(0), new Dec(-0), new Dec('90071992547409.91')),
    );
    // Shares that add up to 1: two to four, each with 0–8 decimals (more than 6 takes the decimal path).
    const shares = fc.array(fc.tuple(fc.integer({ min: 1, max: 10 ** 8 }), fc.integer({ min: 0, max: 8 })), { minLength: 1, maxLength: 3 }).map((xs) => {
      const parts = xs.map(([n, places]) => new Dec(n).dividedBy(new Dec(10).pow(places)).dividedBy(xs.length + 1)).filter((p) => p.lessThan(1));
      const rest = new Dec(1).minus(parts.reduce((a, b) => a.plus(b), new Dec(0)));
      return rest.greaterThan(0) ? [...parts, rest] : [new Dec('0.5'), new Dec('0.5')];
    });
    // One cache of scaled shares across all cases, as one run shares it across its deals.
    const shared = new SplitScales();
    fc.assert(fc.property(money, fc.option(money), fc.option(money), fc.option(money), shares, (amount, cost, paid, partner, split) => {
      const [d] = deals([{ row: 2, date: '2026-11-02', manager: 'Анна', amount: '1' }]);
      d.amount = amount;
      d.cost = cost;
      d.margin = cost === null ? null : amount.minus(cost);
      d.paid = paid;
      d.partnerPrice = partner;
      d.split = split.map((share, i) => ({ manager: PEOPLE[i % 3] + i, share }));
      const fast = creditedParts(d, shared);
      const reference = creditedInDecimals(d, d.split);
      expect(fast.length).toBe(reference.length);
      fast.forEach((part, i) => {
        const ref = reference[i];
        for (const field of ['amount', 'cost', 'margin', 'paid', 'partnerPrice'] as const) expect(digits(part[field])).toEqual(digits(ref[field]));
        expect(Object.keys(part)).toEqual(Object.keys(ref));
        expect([part.manager, part.share, part.whole]).toEqual([ref.manager, ref.share, ref.whole]);
      });
    }), { numRuns: 3000 });
  });

  it("the fund's company revenue and margin, summed in one pass, equal the company facts' (values and reasons)", () => {
    fc.assert(fc.property(fc.array(oneDeal, { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), fc.boolean(), (list, blanks, marginColumn) => {
      const b = book(list);
      b.deals.forEach((d, i) => { if (blanks[i]) d.margin = null; });
      b.columns.margin = marginColumn;
      const index = indexDeals(b);
      for (const metric of ['revenue', 'margin']) {
        const f = new ManagerFacts(index, '*', NOV, 'ru', { company: true }).fact(metric);
        const fast = companyFact(index, metric, NOV, 'ru');
        expect(fast.reason).toBe(f.reason);
        expect(fast.value === null ? null : { s: fast.value.s, e: fast.value.e, d: fast.value.d }).toEqual(f.value === null ? null : { s: f.value.s, e: f.value.e, d: f.value.d });
      }
    }), { numRuns: 300 });
    // By hand: won in November 1 000 (Анна) + 500 (Борис, margin 200); October and lost deals do not count.
    const b = input({ deals: deals([
      { row: 2, date: '2026-11-02', manager: 'Анна', amount: '1000', cost: '600' },
      { row: 3, date: '2026-11-03', manager: 'Борис', amount: '500', cost: '300' },
      { row: 4, date: '2026-10-30', manager: 'Анна', amount: '7000', cost: '1' },
      { row: 5, date: '2026-11-04', manager: 'Анна', amount: '9000', cost: '1', status: 'lost' },
    ]) });
    expect(String(companyFact(indexDeals(b), 'revenue', NOV, 'ru').value)).toBe('1500'); // 1 000 + 500
    expect(String(companyFact(indexDeals(b), 'margin', NOV, 'ru').value)).toBe('600'); // 400 + 200
  });

  it('displayName returns a text already as shown unchanged, and normalises every other as before', () => {
    const full = (t: string) => t.replace(/[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
      .normalize('NFC').replace(/[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ').trim();
    const piece = fc.constantFrom('D', '7', '.', 'Ф', 'ё', 'Ё', 'й', 'и', '\u0306', ' ', '  ', '\u00a0', '\u200b', '\t', 'é', 'e\u0301', 'Я', 'z', '(', '-');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
      expect(displayName(text)).toBe(full(text));
    }), { numRuns: 2000 });
    expect(displayName('D100000')).toBe('D100000');
    expect(displayName('и\u0306 Фёдорова\u200b  Т. ')).toBe('й Фёдорова Т.');
  });

  it('the reader\'s deals have the credited parts\' fields in their order', () => {
    const read = readWorkbook({
      sheets: [{ name: 'Сделки', values: [
        ['Дата', 'Менеджер', 'Клиент', 'Сумма', 'Категория', 'Доли'],
        ['02.11.2026', 'Анна', 'Альфа', 1000, 'Арматура', 'Анна 60%; Борис 40%'],
        ['03.11.2026', 'Борис', 'Бета', 500, 'Услуги', ''],
      ] }],
      timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
    });
    const [split, whole] = read.input.deals as Deal[];
    const part = creditedParts(split)[0];
    expect(Object.keys(split)).toEqual(Object.keys(part));
    expect(Object.keys(whole)).toEqual(Object.keys(part));
    expect(read.issues).toEqual([]);
  });
});
