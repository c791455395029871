/**
 * SPEC §14 through the pipeline both adapters call: the hand-worked books of scenarios.ts.
 */
import { describe, expect, it } from 'vitest';
import { runPayouts } from '../../src/workbook/pipeline';
import { CATEGORIES, CATEGORIES_EXPECTED, FUND, FUND_EXPECTED, REGULARS, REGULARS_EXPECTED, rawOf } from './scenarios';

const run = (book: typeof CATEGORIES) => runPayouts(rawOf(book), { period: '2026-11', today: '2026-12-05' });
const totals = (r: ReturnType<typeof run>) => Object.fromEntries(r.json.managers.map((m) => [m.manager, m.total]));
const line = (r: ReturnType<typeof run>, manager: string, i: number) => r.json.managers.find((m) => m.manager === manager)!.lines[i];
/** Texts as a reader sees them: the formatter's no-break and thin spaces as plain ones. */
const plainSpaces = (t: string) => t.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('filters by category and deal type, with splits', () => {
  const r = run(CATEGORIES);
  it('pays the hand-worked totals', () => {
    expect(totals(r)).toEqual(CATEGORIES_EXPECTED);
  });
  it('a filtered line counts only matching deals and says so; its negation takes the rest', () => {
    // Иванов: Арматура 550 000 × 3 % = 16 500; the rest 300 000 × 1 % = 3 000.
    expect(line(r, 'Иванов', 1)).toMatchObject({ rule: 'percent', fact: 550000, amount: 16500, plan: 1000000 });
    expect(plainSpaces(line(r, 'Иванов', 1).explanation)).toContain('выручка по категории «Арматура»: 3 % × 550 000,00 ₽ = 16 500,00 ₽');
    expect(line(r, 'Иванов', 2)).toMatchObject({ fact: 300000, amount: 3000 });
    expect(line(r, 'Иванов', 2).explanation).toContain('кроме категории «Арматура»');
    // upsell: his 60 % of r5 counts 0,6 of a deal → 600.
    expect(line(r, 'Иванов', 3)).toMatchObject({ rule: 'deal_bonus', fact: 0.6, amount: 600 });
    expect(line(r, 'Петров', 3)).toMatchObject({ fact: 0.4, amount: 400 });
  });
  it('a split that does not add up to 100 % is an issue for its row, and the deal is left out', () => {
    const issue = r.issues.find((i) => i.code === 'plans_split_sum');
    expect(issue).toMatchObject({ sheet: 'Сделки', row: 8, column: 'Доли', value: 'Петров 70%; Иванов 20%' });
    expect(issue!.message).toContain('90');
  });
  it('the deals behind a statement are the credited parts, with the share', () => {
    const ivanov = r.run.managers.find((m) => m.manager === 'Иванов')!;
    const r5 = ivanov.deals.find((d) => d.ref.row === 5)!;
    expect(r5.share?.toNumber()).toBe(0.6);
    expect(r5.amount.toNumber()).toBe(300000);
  });
});

describe('regular clients, new ÷ regular, subsequent purchases, client filters', () => {
  const r = run(REGULARS);
  it('pays the hand-worked totals', () => {
    expect(totals(r)).toEqual(REGULARS_EXPECTED);
  });
  it('subsequent mode leaves each client\'s first deal out', () => {
    expect(line(r, 'Сидоров', 0)).toMatchObject({ rule: 'client_turnover', fact: 280000, amount: 14000 });
    expect(line(r, 'Сидоров', 0).explanation).toContain('без первой сделки клиента');
  });
  it('new_to_regular = 2 new ÷ 2 regular = 1; with no regular clients it is missing, with an issue', () => {
    expect(line(r, 'Сидоров', 3)).toMatchObject({ rule: 'plan_bonus', metric: 'new_to_regular', fact: 1, amount: 5000 });
    expect(line(r, 'Козлов', 3)).toMatchObject({ fact: null, amount: 0 });
    expect(r.issues.some((i) => i.message.includes('Козлов') && i.message.includes('нет постоянных клиентов'))).toBe(true);
  });
});

describe('the company fund', () => {
  const r = run(FUND);
  it('scales every variable part by one factor, the kopeck remainder to the largest (the first of a tie)', () => {
    expect(totals(r)).toEqual(FUND_EXPECTED);
    const lines = r.json.managers.map((m) => m.lines.find((l) => l.rule === 'company_limit')!);
    expect(lines.map((l) => l.amount)).toEqual([-3333.34, -3333.33, -3333.33]);
    expect(lines[0].explanation).toContain('0,6667');
    expect(r.run.companyFund).toMatchObject({ factor: expect.anything() });
    expect(r.run.companyFund!.cap!.toNumber()).toBe(20000);
  });
  it('a fund rule outside scheme * makes that scheme invalid', () => {
    const bad = { ...FUND, 'Схемы': [...FUND['Схемы'].slice(0, 3), ['Продажи', 'фонд', '', '', 20000, '', '', '', '', '', '', '']] };
    const rb = run(bad);
    expect(rb.json.managers).toEqual([]);
    expect(rb.issues.some((i) => i.message.includes('схеме с именем *'))).toBe(true);
  });
});

describe('statements and the summary', () => {
  const text = (r: ReturnType<typeof run>, key: (k: string) => boolean) =>
    plainSpaces(JSON.stringify(r.tabs.filter((t) => key(t.name)).map((t) => t.rows)));
  it('the deals behind a statement show the credited share', () => {
    const r = run(CATEGORIES);
    // Иванов's part of r5: 60 % of 500 000 = 300 000, shown beside his name.
    expect(text(r, (n) => n.startsWith('Иванов'))).toContain('Иванов · 60 %');
  });
  it('the summary shows payroll ÷ revenue and whether the company fund bound', () => {
    const r = run(FUND);
    // payroll 3 × 16 666,67 − 0,01 = 50 000,00 over revenue 300 000 = 16,67 %.
    const summary = text(r, (n) => !['Анна', 'Борис', 'Вера'].some((m) => n.startsWith(m)));
    expect(summary).toContain('Выплаты ÷ выручка: 16,67 %');
    expect(summary).toContain('каждая умножена на 0,6667');
  });
});
