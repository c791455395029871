/**
 * Seed 002, the partner scheme: salary 25 000 + 10 % of personal margin + a lifetime % of what
 * the manager's clients buy (0:5 %; 12:3 %; 24:2 % by months since the client's first deal)
 * + 3 000 per new client + partner price for those who met the new-clients plan.
 */
import { describe, expect, it } from 'vitest';
import { clientOwnership } from '../../../src/core/ownership';
import { computePayouts } from '../../../src/core/payout';
import { RU, deals, input, money, period, plan, schemeRows, templateRows } from './builders';

const NOV = period('2026-11');
const P = 'Пётр Смирнов';
const M = 'Мария';

function book() {
  return deals([
    { row: 2, date: '2024-10-15', manager: P, client: 'Альфа', amount: 100000, cost: 70000 },
    { row: 3, date: '2025-12-10', manager: P, client: 'Бета', amount: 50000, cost: 40000 },
    { row: 10, date: '2026-11-05', manager: P, client: 'Альфа', amount: 200000, cost: 150000 },
    { row: 11, date: '2026-11-12', manager: M, client: 'Бета', amount: 100000, cost: 80000 },
    { row: 12, date: '2026-11-03', manager: M, client: 'Гамма', amount: 300000, cost: 240000 },
    { row: 13, date: '2026-11-20', manager: M, client: 'Гамма', amount: 100000, cost: 70000, attractedBy: 'пётр  смирнов' },
    { row: 14, date: '2026-11-18', manager: P, client: 'Дельта', amount: 120000, cost: 90000, partnerPrice: 100000 },
    { row: 15, date: '2026-11-25', manager: M, client: 'Эпсилон', amount: 50000, cost: 30000 },
    { row: 16, date: '2026-11-25', manager: P, client: 'эпсилон', amount: 60000, cost: 40000 },
    { row: 17, date: '2026-11-26', manager: P, client: 'Альфа', amount: 80000, cost: 60000, partnerPrice: 90000 },
  ]);
}

function run(newClientsPlanOfPetr: number, rows = templateRows('seed002', 'Партнёрская')) {
  return computePayouts(
    input({
      deals: book(),
      plans: [plan(2, '2026-11', P, 'партнёрская', { 'новые клиенты': newClientsPlanOfPetr }), plan(3, '2026-11', M, 'Партнёрская', { new_clients: 1 })],
      schemeRows: rows,
    }),
    NOV, RU,
  );
}

describe('seed 002: client ownership', () => {
  it('attracted by wins over the earliest deal; a tie on the first date goes to the first row', () => {
    const o = clientOwnership(book());
    expect(o.owner.get('альфа')).toBe('петр смирнов');
    expect(o.owner.get('гамма')).toBe('петр смирнов'); // row 13 says "attracted by Пётр", although Мария closed the first deal
    expect(o.firstWon.get('гамма')).toBe('2026-11-03');
    expect(o.owner.get('эпсилон')).toBe('мария'); // rows 15 and 16 both on 2026-11-25: row 15 (Мария) wins
  });
});

describe('seed 002: partner scheme', () => {
  it('qualified manager: 25 000 + 12 000 + 36 600 + 6 000 + 10 000 = 89 600', () => {
    const r = run(2);
    expect(r.issues).toEqual([]);
    const petr = r.managers.find((m) => m.manager === P)!;
    expect(petr.lines.map((l) => [l.rule, money(l.amount)])).toEqual([
      ['salary', '25000.00'],
      // margin 50 000 + 30 000 + 20 000 + 20 000 (rows 10, 14, 16, 17) = 120 000 × 10 %
      ['percent', '12000.00'],
      // 5 % × (Бета 100 000 at 11 months + Гамма 300 000 + 100 000 + Дельта 120 000 at 0 months) = 5 % × 620 000 = 31 000
      // 2 % × (Альфа 200 000 + 80 000 at 24–25 months) = 5 600;  31 000 + 5 600 = 36 600
      ['client_turnover', '36600.00'],
      ['new_client_bonus', '6000.00'], // Гамма + Дельта = 2 × 3 000
      // (120 000 − 100 000) + (80 000 − 90 000) = 10 000; 2 new clients ≥ plan 2
      ['partner_price', '10000.00'],
    ]);
    expect(money(petr.total)).toBe('89600.00');
    expect(petr.lines[2].explanation).toBe('Ваши клиенты, 6 сделок: 2 % × 280 000,00 ₽ + 5 % × 620 000,00 ₽ = 36 600,00 ₽');
    expect(petr.lines[2].dealRefs!.map((x) => x.row)).toEqual([10, 11, 12, 13, 14, 17]);
    expect(petr.lines[4].explanation).toContain('строки 17');
    expect(petr.lines[4].explanation).toContain('10 000,00 ₽');
  });

  it('the other manager: the tie client is hers, and the partner line is 0 with no partner deals', () => {
    const maria = run(2).managers.find((m) => m.manager === M)!;
    // margin 20 000 + 60 000 + 30 000 + 20 000 = 130 000 × 10 % = 13 000;
    // Эпсилон (hers) 50 000 + 60 000 (closed by Пётр) at 5 % = 5 500; 1 new client × 3 000
    expect(maria.lines.map((l) => money(l.amount))).toEqual(['25000.00', '13000.00', '5500.00', '3000.00', '0.00']);
    expect(money(maria.total)).toBe('46500.00');
  });

  it('not qualified: 2 new clients < plan 3, partner difference not paid, and one more client pays it', () => {
    const petr = run(3).managers.find((m) => m.manager === P)!;
    const partner = petr.lines[4];
    expect(money(partner.amount)).toBe('0.00');
    expect(partner.explanation).toBe('Партнёрская цена: новых клиентов 2 < 3: разница 10 000,00 ₽ не выплачивается → 0,00 ₽');
    expect(partner.next!.needed.toString()).toBe('1');
    expect(money(partner.next!.pays)).toBe('10000.00');
    expect(money(petr.total)).toBe('79600.00'); // 89 600 − 10 000
  });

  it('a sale below partner price lowers the line: only row 17 → 80 000 − 90 000 = −10 000', () => {
    const ds = book().filter((d) => d.ref.row !== 14);
    const r = computePayouts(
      input({ deals: ds, plans: [plan(2, '2026-11', P, 'П', { new_clients: 1 })], schemeRows: schemeRows('П', [{ rule: 'партнёрская цена', threshold: '1' }]) }),
      NOV, RU, );
    const petr = r.managers.find((m) => m.manager === P)!;
    expect(money(petr.lines[0].amount)).toBe('-10000.00');
    expect(money(petr.total)).toBe('-10000.00');
  });

  it('partner price with no threshold and no new clients plan pays 0 and says so in an issue', () => {
    const r = computePayouts(
      input({ deals: book(), plans: [plan(2, '2026-11', P, 'П', {})], schemeRows: schemeRows('П', [{ rule: 'partner price' }]) }),
      NOV, { ...RU, managers: ['пётр смирнов'] },
    );
    expect(r.managers.map((m) => m.manager)).toEqual([P]); // the managers filter compares names as keys
    const petr = r.managers[0];
    expect(money(petr.total)).toBe('0.00');
    expect(r.issues.map((i) => i.code)).toEqual(['engIssuePartnerNoTarget']);
    expect(r.issues[0].message).toMatch(/^Пётр Смирнов, 2026-11: партнёрская цена/);
  });

  it('a months window: 5 % while the deal is within 12 months of the first (Альфа at 24 months is out) = 31 000; within 11 months Бета is out too = 26 000', () => {
    const window = (months: string) =>
      computePayouts(
        input({ deals: book(), plans: [plan(2, '2026-11', P, 'Окно')], schemeRows: schemeRows('Окно', [{ rule: 'процент с клиентов', rate: '5%', months }]) }),
        NOV, RU,
      ).managers.find((m) => m.manager === P)!.total;
    expect(money(window('12'))).toBe('31000.00'); // 5 % × (100 000 + 300 000 + 100 000 + 120 000)
    expect(money(window('11'))).toBe('26000.00'); // 5 % × (300 000 + 100 000 + 120 000)
    expect(money(window(''))).toBe('45000.00'); // for ever: 5 % × 900 000
  });

  it('without a client column, client rules are missing: 0 with an issue naming manager, metric and period', () => {
    const r = computePayouts(
      input({ deals: book(), plans: [plan(2, '2026-11', P, 'Партнёрская', { new_clients: 1 })], schemeRows: templateRows('seed002', 'Партнёрская') }, { client: false }),
      NOV, RU,
    );
    const petr = r.managers.find((m) => m.manager === P)!;
    expect(petr.lines.map((l) => money(l.amount))).toEqual(['25000.00', '12000.00', '0.00', '0.00', '0.00']);
    const msgs = r.issues.filter((i) => i.code === 'engIssueMissing').map((i) => i.message);
    expect(msgs).toContain('Пётр Смирнов, 2026-11: показатель «выручка» не посчитать: в листе сделок нет столбца клиента');
    expect(msgs).toContain('Пётр Смирнов, 2026-11: показатель «новые клиенты» не посчитать: в листе сделок нет столбца клиента');
  });
});

describe('seed 002: no partner price column', () => {
  it('the partner line is missing: 0, with the reason and an issue', () => {
    const r = computePayouts(
      input({ deals: book(), plans: [plan(2, '2026-11', P, 'Партнёрская', { new_clients: 1 })], schemeRows: templateRows('seed002', 'Партнёрская') }, { partnerPrice: false }),
      NOV, { ...RU, managers: [P] },
    );
    const petr = r.managers[0];
    expect(money(petr.lines[4].amount)).toBe('0.00');
    expect(petr.lines[4].explanation).toBe('партнёрская разница неизвестна: в листе сделок нет столбца партнёрской цены → 0,00 ₽');
    expect(money(petr.total)).toBe('79600.00'); // 89 600 − 10 000
    expect(r.issues.map((i) => i.message)).toEqual(['Пётр Смирнов, 2026-11: показатель «партнёрская разница» не посчитать: в листе сделок нет столбца партнёрской цены']);
  });
});

describe('seed 002: client turnover on margin', () => {
  it('5 % of the margin of the clients\' deals: Гамма 60 000 + 30 000, Дельта 30 000, Бета 20 000, within 12 months = 7 000', () => {
    const r = computePayouts(
      input({ deals: book(), plans: [plan(2, '2026-11', P, 'М')], schemeRows: schemeRows('М', [{ rule: 'client turnover', metric: 'маржа', rate: '5%', months: '12' }]) }),
      NOV, { ...RU, managers: [P] },
    );
    // margins: Бета row 11 100 000 − 80 000 = 20 000; Гамма rows 12–13: 60 000 + 30 000; Дельта row 14: 30 000 → 140 000 × 5 % = 7 000
    expect(money(r.managers[0].total)).toBe('7000.00');
  });

  it('without a margin column the reason says so', () => {
    const r = computePayouts(
      input({ deals: book(), plans: [plan(2, '2026-11', P, 'М')], schemeRows: schemeRows('М', [{ rule: 'client turnover', metric: 'margin', rate: '5%' }]) }, { margin: false }),
      NOV, { ...RU, managers: [P] },
    );
    expect(money(r.managers[0].total)).toBe('0.00');
    expect(r.managers[0].lines[0].explanation).toBe('маржа неизвестна: в листе сделок нет столбца маржи или себестоимости → 0,00 ₽');
  });
});
