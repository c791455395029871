/**
 * The invariant of SPEC §11, per manager, to the kopeck, over random sequences of close / edit /
 * recompute across six months (returns included, so floors and carries happen):
 *   everything paid (closed periods from the ledger + the next open period as computed now)
 *   = Σ the periods' pre-floor variable parts recomputed from today's data
 *     + the shortfall still outstanding (the open period's) + salaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { closeInMemory, ledgerWorkbook, type LDeal, type LedgerWorkbook } from './fixture';

const MANAGERS = ['Анна', 'Борис'];
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];

const kopecks = (n: number) => Math.round(n * 100);

const dealArb = fc.record({
  manager: fc.constantFrom(...MANAGERS),
  month: fc.integer({ min: 0, max: 5 }),
  day: fc.integer({ min: 1, max: 28 }),
  amount: fc.integer({ min: -1_500_000, max: 600_000 }),
  paidShare: fc.constantFrom(0, 0, 50, 100),
});

const op = fc.oneof(
  fc.record({ kind: fc.constant('close' as const) }),
  fc.record({ kind: fc.constant('edit' as const), which: fc.nat(), amount: fc.integer({ min: -1_500_000, max: 600_000 }) }),
  fc.record({ kind: fc.constant('add' as const), deal: dealArb }),
  fc.record({ kind: fc.constant('pay' as const), which: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('check' as const) }),
);

type Deal = fc.Arbitrary<typeof dealArb extends fc.Arbitrary<infer T> ? T : never>;
void (null as unknown as Deal);

function toDeal(d: { manager: string; month: number; day: number; amount: number }, i: number): LDeal {
  return { id: `D${i}`, date: `${MONTHS[d.month]}-${String(d.day).padStart(2, '0')}`, manager: d.manager, amount: d.amount };
}

/** Checks the invariant with `closed` months closed and the next month open. */
function check(w: LedgerWorkbook, closed: number): void {
  const open = MONTHS[closed];
  const paidVariable = new Map<string, number>(); // kopecks
  const recomputed = new Map<string, number>();
  const add = (map: Map<string, number>, k: string, v: number) => map.set(k, (map.get(k) ?? 0) + v);
  for (let i = 0; i <= closed; i++) {
    const month = MONTHS[i];
    const json = runPayouts(ledgerWorkbook(w), { period: month, today: '2027-06-01' }).json;
    expect(json.closed === true).toBe(i < closed);
    for (const m of json.managers) {
      expect(m.total).toBeGreaterThanOrEqual(m.salary); // never below salary
      add(paidVariable, m.manager, kopecks(m.total) - kopecks(m.salary));
      if (month === open) add(paidVariable, m.manager, -kopecks(m.shortfall ?? 0)); // the outstanding shortfall
    }
    // Today's pre-floor rule-made variable part of `month`: a run on a ledger-free copy, rule lines only.
    const fresh = runPayouts(ledgerWorkbook({ ...w, ledger: undefined }), { period: month, today: '2027-06-01' }).json;
    for (const m of fresh.managers) {
      add(recomputed, m.manager, m.lines.filter((l) => !['salary', 'floor', 'adjustment', 'carry', 'manual'].includes(l.rule)).reduce((s, l) => s + kopecks(l.amount), 0));
    }
  }
  for (const name of MANAGERS) expect(paidVariable.get(name) ?? 0, `${name}, open ${open}`).toBe(recomputed.get(name) ?? 0);
}

describe('SPEC §11 invariant', () => {
  it('paid = Σ pre-floor variable recomputed today + outstanding shortfall + salaries, per manager, to the kopeck', () => {
    let closings = 0;
    let trueUps = 0;
    let carries = 0;
    fc.assert(fc.property(fc.array(dealArb, { minLength: 2, maxLength: 10 }), fc.array(op, { minLength: 3, maxLength: 14 }), (initial, ops) => {
      let w: LedgerWorkbook = {
        deals: initial.map(toDeal),
        payments: [],
        plans: Object.fromEntries(MONTHS.map((m) => [m, MANAGERS])),
      };
      let closed = 0;
      let next = initial.length;
      for (const o of ops) {
        if (o.kind === 'close') {
          if (closed >= 6) continue;
          w = closeInMemory(w, MONTHS[closed]).w;
          closed++;
          closings++;
        } else if (o.kind === 'edit' && w.deals.length > 0) {
          const i = o.which % w.deals.length;
          w = { ...w, deals: w.deals.map((d, j) => (j === i ? { ...d, amount: o.amount } : d)) };
        } else if (o.kind === 'add') {
          w = { ...w, deals: [...w.deals, toDeal(o.deal, next++)] };
        } else if (o.kind === 'pay' && w.deals.length > 0) {
          const d = w.deals[o.which % w.deals.length];
          if (d.amount > 0) w = { ...w, payments: [...w.payments, { id: d.id, date: `${d.date.slice(0, 7)}-${String(o.day).padStart(2, '0')}`, amount: d.amount }] };
        } else if (o.kind === 'check') {
          check(w, closed);
        }
      }
      check(w, closed);
      const rules = (w.ledger ?? []).map((r) => r[3]);
      trueUps += rules.filter((r) => r === 'adjustment').length;
      carries += rules.filter((r) => r === 'carry').length;
    }), { numRuns: 30 });
    // Not vacuous: periods were closed, true-ups made and shortfalls carried along the way.
    expect(closings).toBeGreaterThan(20);
    expect(trueUps).toBeGreaterThan(0);
    expect(carries).toBeGreaterThan(0);
  }, 300_000);
});
