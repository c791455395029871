/**
 * *My earnings*: one manager, period to date, on the hand-worked workbook of ./fixture.ts
 * (scheme Базовая = salary 30 000 + 3 % of revenue + 20 000 at 100 % of a 1 000 000 plan
 * + 2 000 per deal over 5).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import { neededText, nextStepJson, resolveManager } from '../../src/core/earnings';
import { runMyEarnings } from '../../src/workbook/earningsRun';
import { fixtureWorkbook, IVANOV, PETROV } from './fixture';

const TODAY = '2026-11-24';

describe('My earnings, period to date', () => {
  it('Иванов on 2026-11-20: 30 000 + 3 % × (500 000 + 350 000) = 55 500; the 11-25 deal is not counted yet', () => {
    const r = runMyEarnings(fixtureWorkbook(), { manager: IVANOV, asOf: '2026-11-20', today: TODAY });
    expect(r.period).toBe('2026-11');
    expect(r.as_of).toBe('2026-11-20');
    const e = r.earnings!;
    expect(e.total).toBe(55500);
    expect(e.salary).toBe(30000);
    expect(e.variable).toBe(25500);
    expect(e.lines.map((l) => [l.rule, l.amount])).toEqual([
      ['salary', 30000],
      ['percent', 25500], // 3 % × 850 000
      ['plan_bonus', 0], // 85 % < 100 %
      ['deal_bonus', 0], // 2 deals, paid over 5
    ]);
    expect(e.deals.map((d) => [d.date, d.amount])).toEqual([['2026-11-05', 500000], ['2026-11-12', 350000]]);
    // the SPEC §8 part holds the same single manager
    expect(r.managers).toHaveLength(1);
    expect(r.managers[0].total).toBe(55500);
  });

  it('on 2026-11-30 the 400 000 deal of 11-25 counts: 30 000 + 3 % × 1 250 000 + 20 000 = 87 500', () => {
    const e = runMyEarnings(fixtureWorkbook(), { manager: IVANOV, asOf: '2026-11-30', today: TODAY }).earnings!;
    expect(e.total).toBe(87500);
    expect(e.deals).toHaveLength(3);
  });

  it('asOf defaults to today; the period is the month containing it', () => {
    const r = runMyEarnings(fixtureWorkbook(), { manager: IVANOV, today: '2026-10-03' });
    expect(r.as_of).toBe('2026-10-03');
    expect(r.period).toBe('2026-10');
    // 3 deals of 200 000 by 10-03: 30 000 + 3 % × 600 000 = 48 000
    expect(r.earnings!.total).toBe(48000);
  });

  it('next tier: 850 000 on a 1 000 000 plan needs 150 000 more and pays 20 000 + 3 % × 150 000 = 24 500 more', () => {
    const e = runMyEarnings(fixtureWorkbook(), { manager: IVANOV, asOf: '2026-11-20', today: TODAY }).earnings!;
    const bonus = e.lines.find((l) => l.rule === 'plan_bonus')!;
    expect(bonus.next).toMatchObject({ metric: 'revenue', needed: 150000, pays: 20000, pays_total: 24500 });
    expect(bonus.next!.text).toBe('до следующей ступени: ещё 150 000,00 ₽ выручки → +24 500,00 ₽');
    // deal bonus: 2 deals, paid from the 6th → 4 more deals pay 2 000 × (6 − 5) = 2 000
    const deals = e.lines.find((l) => l.rule === 'deal_bonus')!;
    expect(deals.next).toMatchObject({ metric: 'deals', needed: 4, pays: 2000, pays_total: 2000 });
    // cheapest first: the list the panel shows
    expect(e.next.map((n) => n.metric)).toEqual(['deals', 'revenue']);
    // attainment per planned metric: 850 000 / 1 000 000
    expect(e.attainment).toEqual([{ metric: 'revenue', label: 'выручка', fact: 850000, plan: 1000000, attainment: 0.85 }]);
  });

  it('English text: "next tier: 150,000.00 ₽ more revenue → +24,500.00 ₽"', () => {
    const raw = { ...fixtureWorkbook(), locale: 'en_US' };
    const e = runMyEarnings(raw, { manager: IVANOV, asOf: '2026-11-20', today: TODAY }).earnings!;
    expect(e.lines.find((l) => l.rule === 'plan_bonus')!.next!.text).toBe('next tier: 150,000.00 ₽ more revenue → +24,500.00 ₽');
  });

  it('past the bonus, no next step for it: Иванов in October (1 200 000 ≥ plan)', () => {
    const e = runMyEarnings(fixtureWorkbook(), { manager: IVANOV, asOf: '2026-10-31', today: TODAY }).earnings!;
    // 30 000 + 3 % × 1 200 000 + 20 000 + 2 000 × (6 − 5) = 88 000
    expect(e.total).toBe(88000);
    expect(e.lines.find((l) => l.rule === 'plan_bonus')!.next).toBeNull();
  });

  it('Σ lines = total for every day of November (statement adds up), and the total never falls as days pass', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (a, b) => {
        const [d1, d2] = [Math.min(a, b), Math.max(a, b)].map((d) => `2026-11-${String(d).padStart(2, '0')}`);
        const e1 = runMyEarnings(fixtureWorkbook(), { manager: IVANOV, asOf: d1, today: TODAY }).earnings!;
        const e2 = runMyEarnings(fixtureWorkbook(), { manager: IVANOV, asOf: d2, today: TODAY }).earnings!;
        const sumLines = e1.lines.reduce((s, l) => s.plus(dec(l.amount)), dec(0));
        expect(sumLines.toNumber()).toBe(e1.total);
        expect(e2.total).toBeGreaterThanOrEqual(e1.total);
        // seed 001's per-deal bonus always has a next step (one more deal pays 2 000 more)
        expect(e1.next.length).toBeGreaterThan(0);
        for (const n of e1.next) expect(n.needed).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });

  it('a bad asOf is one translated message', () => {
    expect(() => runMyEarnings(fixtureWorkbook(), { manager: IVANOV, asOf: '2026-13-01', today: TODAY })).toThrow(/ГГГГ-ММ-ДД/);
  });
});

describe('whose earnings: argument, e-mail, picker', () => {
  it('the user e-mail through the Plans e-mail column, case-insensitive', () => {
    const r = runMyEarnings(fixtureWorkbook(), { email: 'PETROV@example.com', asOf: '2026-11-20', today: TODAY });
    expect(r.manager).toBe(PETROV);
    expect(r.via).toBe('email');
    // 30 000 + 3 % × 100 000 = 33 000
    expect(r.earnings!.total).toBe(33000);
  });

  it('the user e-mail through a Managers sheet', () => {
    const r = runMyEarnings(fixtureWorkbook({ managersSheet: true }), { email: 'ivanov@example.com', asOf: '2026-11-20', today: TODAY });
    expect(r.manager).toBe(IVANOV);
    expect(r.earnings!.total).toBe(55500);
  });

  it('an e-mail nobody maps → no earnings, the list of managers for a picker', () => {
    const r = runMyEarnings(fixtureWorkbook(), { email: 'owner@example.com', asOf: '2026-11-20', today: TODAY });
    expect(r.manager).toBeNull();
    expect(r.earnings).toBeNull();
    expect(r.managers).toEqual([]);
    expect(r.manager_choices).toEqual([IVANOV, PETROV]);
    expect(r.message).toMatch(/Выберите себя/);
  });

  it('the argument wins over the e-mail and is matched case- and space-insensitively', () => {
    const r = runMyEarnings(fixtureWorkbook(), { manager: '  петров   пётр ', email: 'ivanov@example.com', asOf: '2026-11-20', today: TODAY });
    expect(r.manager).toBe(PETROV);
    expect(r.via).toBe('argument');
  });

  it('an unknown manager → a message and the picker list, not a stack trace', () => {
    const r = runMyEarnings(fixtureWorkbook(), { manager: 'Сидоров', asOf: '2026-11-20', today: TODAY });
    expect(r.earnings).toBeNull();
    expect(r.message).toBe('Менеджер «Сидоров» не найден.');
    expect(r.manager_choices).toHaveLength(2);
  });

  it('resolveManager: argument, then e-mail, then pick', () => {
    const emails = new Map([['a@x.ru', 'Анна']]);
    expect(resolveManager('анна', null, emails, ['Анна', 'Борис'])).toEqual({ kind: 'manager', manager: 'Анна', via: 'argument' });
    expect(resolveManager('', ' A@X.RU ', emails, ['Анна', 'Борис'])).toEqual({ kind: 'manager', manager: 'Анна', via: 'email' });
    expect(resolveManager(null, '', emails, ['Анна'])).toEqual({ kind: 'pick' });
    expect(resolveManager(undefined, 'b@x.ru', emails, ['Анна'])).toEqual({ kind: 'pick' });
    expect(resolveManager('Вера', 'a@x.ru', emails, ['Анна'])).toEqual({ kind: 'unknown', requested: 'Вера' });
    // the last pick comes after the e-mail, and only while the manager is still in the workbook
    expect(resolveManager(null, 'b@x.ru', emails, ['Анна', 'Борис'], 'БОРИС')).toEqual({ kind: 'manager', manager: 'Борис', via: 'remembered' });
    expect(resolveManager(null, 'a@x.ru', emails, ['Анна', 'Борис'], 'Борис')).toEqual({ kind: 'manager', manager: 'Анна', via: 'email' });
    expect(resolveManager(null, '', emails, ['Анна'], 'Уволенный')).toEqual({ kind: 'pick' });
  });
});

describe('how "how much more" is written', () => {
  it('money, counts and ratios in both languages', () => {
    expect(neededText('revenue', dec(150000), 'ru', 'RUB')).toBe('ещё 150 000,00 ₽ выручки');
    expect(neededText('margin', dec('1234.5'), 'en', 'RUB')).toBe('1,234.50 ₽ more margin');
    // counts take the noun's form: ещё 1 сделка / 3 сделки / 5 сделок; 1 more new client / 2 more new clients
    expect(neededText('deals', dec(3), 'ru', 'RUB')).toBe('ещё 3\u00a0сделки');
    expect(neededText('deals', dec(1), 'ru', 'RUB')).toBe('ещё 1\u00a0сделка');
    expect(neededText('deals', dec(5), 'ru', 'RUB')).toBe('ещё 5\u00a0сделок');
    expect(neededText('deals', dec(21), 'ru', 'RUB')).toBe('ещё 21\u00a0сделка');
    expect(neededText('deals', dec(1), 'en', 'RUB')).toBe('1\u00a0more deal');
    expect(neededText('new_clients', dec(2), 'en', 'RUB')).toBe('2\u00a0more new clients');
    expect(neededText('new_clients', dec(1), 'en', 'RUB')).toBe('1\u00a0more new client');
    expect(neededText('conversion', dec('0.05'), 'ru', 'RUB')).toBe('конверсия выше ещё на 5 %');
  });

  it('the amount needed is rounded UP to the kopeck: reaching the shown figure reaches the tier', () => {
    // plan 333 333,33 × 100 % − 0 = 333 333,333… → 333 333,34
    const step = nextStepJson({ metric: 'revenue', needed: dec('333333.3333'), pays: dec(1000) }, 'en', 'USD');
    expect(step.needed).toBe(333333.34);
    expect(step.pays_total).toBeNull();
    expect(step.text).toBe('next tier: $333,333.34 more revenue → +$1,000.00');
  });
});
