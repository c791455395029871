/**
 * SPEC §11 and the floor of §10.2 with hand-worked numbers, through the pipeline both adapters run.
 * Scheme «Простая»: оклад 30 000 + 5 % × revenue + 1 % × paid revenue.
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { ANNA, BORIS, OCTOBER, closeInMemory, ledgerWorkbook, type LedgerWorkbook } from './fixture';

const run = (w: LedgerWorkbook, period: string) => runPayouts(ledgerWorkbook(w), { period, today: '2027-06-01' });
const manager = (w: LedgerWorkbook, period: string, name: string) => run(w, period).json.managers.find((m) => m.manager === name)!;
const kinds = (m: { lines: { rule: string }[] }) => m.lines.map((l) => l.rule);

const october: LedgerWorkbook = { ...OCTOBER, plans: { ...OCTOBER.plans, '2026-12': [ANNA, BORIS] } };

describe('closing October, correcting it, true-ups in November', () => {
  it('closes October: the ledger holds its statement; a closed period re-renders from the ledger and never changes', () => {
    // Анна, October: 30 000 + 5 % × 300 000 = 15 000 + 1 % × 200 000 paid = 2 000 → 47 000.
    const { w, plan } = closeInMemory(october, '2026-10');
    expect(plan.blocking).toEqual([]);
    expect(plan.result.json.closed).toBe(true);
    const anna = plan.result.json.managers.find((m) => m.manager === ANNA)!;
    expect(anna.total).toBe(47000);
    // 3 lines for Анна + 3 for Борис, a header row first.
    expect(w.ledger!.length).toBe(1 + 6);

    // Edit October afterwards: the closed statement still says 47 000, checkData lists what would differ.
    const edited = { ...w, deals: w.deals.map((d) => (d.id === 'D2' ? { ...d, amount: 160000 } : d)) };
    const closed = run(edited, '2026-10');
    expect(closed.json.closed).toBe(true);
    expect(closed.json.managers.find((m) => m.manager === ANNA)!.total).toBe(47000);
    const differ = closed.json.issues.filter((i) => i.message.includes('2026-10 закрыт'));
    expect(differ).toHaveLength(1);
    // today: 5 % × 360 000 = 18 000 + 2 000 = 20 000 instead of 17 000
    expect(differ[0].message).toContain('20\u202f000,00');
    expect(differ[0].message).toContain('17\u202f000,00');
    expect(differ[0].message).toContain('D2 — изменена');
  });

  it('November shows exactly the two true-ups, with their deals; closing November and computing December adds nothing more', () => {
    let { w } = closeInMemory(october, '2026-10');
    // Correct D2 (100 000 → 160 000: +3 000 at 5 %) and add a late October payment of D2 (100 000, dated 2026-10-30: +1 000 at 1 %) for Анна;
    // add a late October deal D5 for Борис (40 000: +2 000).
    w = {
      ...w,
      deals: [...w.deals.map((d) => (d.id === 'D2' ? { ...d, amount: 160000 } : d)), { id: 'D5', date: '2026-10-31', manager: BORIS, amount: 40000 }],
      payments: [...w.payments, { id: 'D2', date: '2026-10-30', amount: 100000 }],
    };
    const nov = run(w, '2026-11');
    const anna = nov.json.managers.find((m) => m.manager === ANNA)!;
    const boris = nov.json.managers.find((m) => m.manager === BORIS)!;
    // Анна, November: 30 000 + 5 % × 60 000 = 3 000 + 0 paid + true-up +4 000 (3 000 + 1 000) = 37 000.
    expect(anna.lines.filter((l) => l.rule === 'adjustment')).toHaveLength(1);
    const annaUp = anna.lines.find((l) => l.rule === 'adjustment')!;
    expect(annaUp.amount).toBe(4000);
    expect(annaUp.explanation).toBe('Перерасчёт за 2026-10: +4\u202f000,00\u00a0₽ (сделки: D2 — изменена)');
    expect(anna.total).toBe(37000);
    // Борис, November: 30 000 + 0 + true-up 5 % × 40 000 = +2 000 → 32 000.
    const borisUp = boris.lines.find((l) => l.rule === 'adjustment')!;
    expect(borisUp.explanation).toBe('Перерасчёт за 2026-10: +2\u202f000,00\u00a0₽ (сделки: D5 — добавлена)');
    expect(boris.total).toBe(32000);
    expect(nov.json.managers.flatMap((m) => m.lines).filter((l) => l.rule === 'adjustment')).toHaveLength(2);

    // Close November; December recomputes October again and finds nothing new.
    w = closeInMemory(w, '2026-11').w;
    const dec = run(w, '2026-12');
    expect(dec.json.managers.flatMap((m) => m.lines).filter((l) => ['adjustment', 'carry'].includes(l.rule))).toEqual([]);
    expect(dec.json.managers.find((m) => m.manager === ANNA)!.total).toBe(30000);
    // November re-renders from the ledger with its true-up.
    expect(run(w, '2026-11').json.managers.find((m) => m.manager === ANNA)!.total).toBe(37000);
  });
});

describe('the floor at 0 and the carry', () => {
  const returns: LedgerWorkbook = {
    deals: [
      { id: 'R1', date: '2026-10-10', manager: ANNA, amount: -800000 },
      { id: 'N1', date: '2026-11-10', manager: ANNA, amount: 600000 },
      { id: 'N2', date: '2026-12-10', manager: ANNA, amount: 200000 },
    ],
    payments: [],
    plans: { '2026-10': [ANNA], '2026-11': [ANNA], '2026-12': [ANNA] },
  };

  it('a return month pays salary only, shows the shortfall, and never prints a negative total', () => {
    // October: 5 % × −800 000 = −40 000 → variable floored at 0, shortfall 40 000; total = salary 30 000.
    const oct = manager(returns, '2026-10', ANNA);
    expect(oct.total).toBe(30000);
    expect(oct.variable).toBe(0);
    expect(oct.shortfall).toBe(40000);
    expect(kinds(oct)).toEqual(['salary', 'percent', 'percent', 'floor']);
    expect(oct.lines.reduce((s, l) => s + l.amount, 0)).toBe(30000);
  });

  it('the carry is consumed in the next month and not beyond', () => {
    const { w } = closeInMemory(returns, '2026-10');
    // November: 5 % × 600 000 = 30 000 − carry 40 000 = −10 000 → floored, shortfall 10 000; total 30 000.
    const nov = manager(w, '2026-11', ANNA);
    expect(nov.lines.find((l) => l.rule === 'carry')!.amount).toBe(-40000);
    expect(nov.total).toBe(30000);
    expect(nov.shortfall).toBe(10000);
    const w2 = closeInMemory(w, '2026-11').w;
    // December: 5 % × 200 000 = 10 000 − carry 10 000 (November's, not October's again) = 0 → 30 000.
    const dec = manager(w2, '2026-12', ANNA);
    expect(dec.lines.filter((l) => l.rule === 'carry').map((l) => l.amount)).toEqual([-10000]);
    expect(dec.total).toBe(30000);
    expect(dec.shortfall).toBeUndefined();
    const w3 = closeInMemory(w2, '2026-12').w;
    // January: nothing left to carry; no plan, no deals → no statement at all.
    expect(run({ ...w3, plans: { ...w3.plans, '2027-01': [ANNA] } }, '2027-01').json.managers[0].lines.map((l) => l.rule)).toEqual(['salary', 'percent', 'percent']);
  });

  it('an edit to a closed month whose pay was floored changes the carry, not the pay', () => {
    const { w } = closeInMemory(returns, '2026-10');
    // R1 corrected from −800 000 to −600 000: October's rule variable −40 000 → −30 000: true-up +10 000, carry −40 000.
    const edited = { ...w, deals: w.deals.map((d) => (d.id === 'R1' ? { ...d, amount: -600000 } : d)) };
    const nov = manager(edited, '2026-11', ANNA);
    // 30 000 (5 % × 600 000) + 10 000 − 40 000 = 0 → no shortfall, total 30 000: the same pay as without the edit.
    expect(nov.lines.find((l) => l.rule === 'adjustment')!.amount).toBe(10000);
    expect(nov.total).toBe(30000);
    expect(nov.shortfall).toBeUndefined(); // was 10 000 without the edit: the carry changed, not the pay
  });
});

describe('manual adjustments and a hand-edited ledger', () => {
  it('manual lines carry their reason, sit outside K, and a manager with only §11 lines gets a statement without salary', () => {
    const w: LedgerWorkbook = {
      ...october,
      adjustments: [['Период', 'Менеджер', 'Сумма', 'Причина'], ['2026-11', ANNA, 5000, 'Премия за выставку'], ['2026-11', 'Вера Новикова', 2500, 'Разовая премия'], ['2026-11', BORIS, 'много', 'x']],
    };
    const nov = run(w, '2026-11');
    const anna = nov.json.managers.find((m) => m.manager === ANNA)!;
    expect(anna.lines.at(-1)).toMatchObject({ rule: 'manual', amount: 5000, explanation: 'Премия за выставку' });
    // 30 000 + 5 % × 60 000 = 3 000 + 5 000 = 38 000
    expect(anna.total).toBe(38000);
    const vera = nov.json.managers.find((m) => m.manager === 'Вера Новикова')!;
    expect(vera).toMatchObject({ salary: 0, total: 2500, lines: [{ rule: 'manual', amount: 2500 }] });
    const bad = nov.json.issues.find((i) => i.sheet === 'Корректировки')!;
    expect(bad).toMatchObject({ row: 4, column: 'Сумма', value: 'много' });
  });

  it('a ledger row edited by hand is reported and never trusted: the manager is withheld from the next period', () => {
    const { w } = closeInMemory(october, '2026-10');
    const ledger = w.ledger!.map((r) => [...r]);
    ledger[2][8] = 99999; // Анна's percent line amount, row 3 of the sheet
    const edited = { ...w, ledger };
    const nov = run(edited, '2026-11');
    const issue = nov.json.issues.find((i) => i.sheet === 'Начисления' && i.row === 3)!;
    expect(issue.message).toContain('изменена вручную');
    expect(nov.json.managers.map((m) => m.manager)).toEqual([BORIS]);
    expect(nov.json.issues.some((i) => i.message.startsWith(`${ANNA}, 2026-11: выплата не рассчитана`))).toBe(true);
    // Closing November is blocked by it.
    expect(() => closeInMemory(edited, '2026-11')).not.toThrow();
    expect(closeInMemory(edited, '2026-11').plan.blocking.length).toBeGreaterThan(0);
  });

  it('refuses to close a period twice or before a later closed one', () => {
    const { w } = closeInMemory(october, '2026-10');
    expect(() => closeInMemory(w, '2026-10')).toThrow(/уже закрыт/);
    const w2 = closeInMemory(w, '2026-11').w;
    expect(() => closeInMemory({ ...w2, ledger: w2.ledger }, '2026-09')).toThrow(/более поздний/);
  });
});

describe('statements, summary and My earnings show the §11 lines', () => {
  const returns: LedgerWorkbook = {
    deals: [{ id: 'R1', date: '2026-10-10', manager: ANNA, amount: -800000 }, { id: 'N1', date: '2026-11-10', manager: ANNA, amount: 600000 }],
    payments: [],
    plans: { '2026-10': [ANNA], '2026-11': [ANNA] },
  };

  it('the statement tab labels the carry and the floor; the summary notes the shortfall and the closing', () => {
    const { w } = closeInMemory(returns, '2026-10');
    const nov = run(w, '2026-11');
    const tab = nov.tabs.find((t) => t.kind === 'manager')!;
    const labels = tab.rows.map((r) => String(r[0]).replace(/^\d+\. /, '')); // statement lines are numbered «1. …»
    expect(labels).toContain('Перенос недостачи');
    expect(labels).toContain('Не ниже нуля (недостача переносится)');
    const summary = nov.tabs.find((t) => t.kind === 'summary')!;
    // November: 30 000 − 40 000 = −10 000 → shortfall 10 000.
    expect(summary.rows.map((r) => r[0])).toContain(`${ANNA}: переменная часть выплачена как 0, недостача 10\u202f000,00\u00a0₽ переносится`);
    const oct = run(w, '2026-10');
    expect(oct.tabs.find((t) => t.kind === 'summary')!.rows.map((r) => r[0])).toContain('Период закрыт 2026-10-28 18:00 (owner@example.com): суммы из листа начислений, они больше не меняются');
  });

  it('My earnings for the open month shows the carry', async () => {
    const { runMyEarnings } = await import('../../src/workbook/earningsRun');
    const { w } = closeInMemory(returns, '2026-10');
    const mine = runMyEarnings(ledgerWorkbook(w), { manager: ANNA, asOf: '2026-11-20', today: '2026-11-20' });
    const anna = mine.managers[0];
    expect(anna.lines.map((l) => l.rule)).toEqual(['salary', 'percent', 'percent', 'carry', 'floor']);
    expect(anna.total).toBe(30000);
    expect(mine.earnings!.lines.map((l) => l.label)).toEqual(['Оклад', 'Процент', 'Процент', 'Перенос', 'Не ниже нуля']);
  });
});
