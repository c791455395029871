/** Facts of SPEC §3 for one manager and period, by hand. */
import { describe, expect, it } from 'vitest';
import { indexDeals, ManagerFacts } from '../../../src/core/metrics';
import { deals, input, kpiFact, payment, period } from './builders';

const A = 'Анна';
const ds = deals([
  { row: 2, id: 'D1', date: '2026-10-05', manager: A, client: 'X', amount: 100000, margin: 30000 },
  { row: 3, id: 'D2', date: '2026-11-03', manager: A, client: 'Y', amount: 200000, margin: 50000 },
  { row: 4, id: 'D3', date: '2026-11-04', manager: A, client: 'X', amount: -20000, margin: -5000 }, // a return
  { row: 5, id: 'D4', date: '2026-11-06', manager: A, client: 'Z', amount: 50000, status: 'lost' },
  { row: 6, id: 'D5', date: '2026-11-07', manager: A, client: 'V', amount: 10000, status: 'cancelled' },
  { row: 7, id: 'D6', date: '2026-11-08', manager: A, client: 'W', amount: 50000, margin: 10000 },
  { row: 8, id: 'D7', date: '2026-11-09', manager: 'Борис', client: 'Y', amount: 70000, margin: 1 },
]);
const pays = [payment(2, 'D1', '2026-10-20', 40000), payment(3, 'D1', '2026-11-10', 60000), payment(4, 'D2', '2026-11-15', 100000), payment(5, 'D4', '2026-11-15', 999)];

function facts(asOf?: string) {
  const inp = input({ deals: ds, payments: pays, kpiFacts: [kpiFact(2, '2026-11', A, 'оценка', 3), kpiFact(3, '2026-11', 'анна', 'Оценка', 4), kpiFact(4, '2026-10', A, 'score', 100)] }, { paid: true });
  return new ManagerFacts(indexDeals(inp, asOf), ' анна ', period('2026-11'), 'ru');
}
const value = (f: ManagerFacts, metric: string) => f.fact(metric).value?.toFixed(4) ?? null;

describe('metrics of Анна in 2026-11', () => {
  const f = facts();
  it('revenue 200 000 − 20 000 + 50 000 = 230 000 (the return included; lost and cancelled not)', () => expect(value(f, 'revenue')).toBe('230000.0000'));
  it('margin 50 000 − 5 000 + 10 000 = 55 000', () => expect(value(f, 'margin')).toBe('55000.0000'));
  it('paid revenue 60 000 (D1 in November) + 100 000 (D2) = 160 000; a payment on a lost deal counts nowhere', () => expect(value(f, 'paid_revenue')).toBe('160000.0000'));
  it('paid margin 60 000 × 30 000/100 000 + 100 000 × 50 000/200 000 = 18 000 + 25 000 = 43 000', () => expect(value(f, 'paid_margin')).toBe('43000.0000'));
  it('deals: won with amount > 0 = 2 (D2, D6)', () => expect(value(f, 'deals')).toBe('2.0000'));
  it('new clients: Y and W (X first bought in October; Y is hers: her deal is earlier than Борис\'s) = 2', () => expect(value(f, 'new_clients')).toBe('2.0000'));
  it('conversion 2 / (2 + 1 lost) = 0.6667', () => expect(value(f, 'conversion')).toBe('0.6667'));
  it('collection 160 000 / (100 000 − 40 000 owed + 230 000 booked) = 160 000 / 290 000 = 0.5517', () => expect(value(f, 'collection')).toBe('0.5517'));
  it('new client share 2 / 3 clients (Y, X, W) = 0.6667', () => expect(value(f, 'new_client_share')).toBe('0.6667'));
  it('a KPI-sheet metric: two rows for the same key add up, 3 + 4 = 7', () => expect(value(f, 'score')).toBe('7.0000'));
  it('a KPI-sheet metric without a row is missing, with the reason', () => {
    expect(f.fact('contacts').value).toBeNull();
    expect(f.fact('contacts').reason).toBe('в листе Показатели нет строки «контакты» за 2026-11');
  });
  it('period to date (asOf 2026-11-05): revenue 180 000, paid revenue 0, conversion 1 / 1', () => {
    const g = facts('2026-11-05');
    expect(value(g, 'revenue')).toBe('180000.0000');
    expect(value(g, 'paid_revenue')).toBe('0.0000');
    expect(value(g, 'conversion')).toBe('1.0000');
    expect(g.periodDeals.map((d) => d.ref.row)).toEqual([3, 4]);
  });
});
