/**
 * Review items 3 and 4 of the tabs: the deals behind a statement are every deal its lines use
 * (other managers' deals on owned clients, earlier deals paid in the period), each marked with the
 * lines it feeds; the company's payout as a % of margin counts only managers with a known margin.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal';
import type { ManagerPayout } from '../../src/core/model';
import { runPayouts } from '../../src/workbook/pipeline';
import type { RawWorkbook } from '../../src/workbook/raw';
import { DEAL_COLS, payoutTabs, ruleLabel, SUMMARY_COLS } from '../../src/workbook/tabs';

const period = { kind: 'month', year: 2026, month: 10 } as const;

/**
 * Scheme «Клиенты»: 5 % of the revenue of the clients a manager owns (client_turnover) + 10 % of
 * paid revenue. Волкова owns «Альфа» (her deal ЗК-1, 2026-09-15) and «Бета» (ЗК-2, 2026-10-03).
 * In 2026-10:
 *   client turnover = ЗК-2 40 000 (hers) + ЗК-3 200 000 (Петров's, on her client «Альфа») = 240 000 × 5 % = 12 000
 *   paid revenue    = 50 000 paid on 2026-10-05 for ЗК-1 (booked in September) × 10 % = 5 000
 *   total 17 000. Петров's ЗК-4 («Гамма», his own client) is not behind her figures.
 */
function workbook(): RawWorkbook {
  return {
    sheets: [
      { name: 'Сделки', values: [
        ['№ сделки', 'Дата', 'Менеджер', 'Клиент', 'Сумма', 'Статус'],
        ['ЗК-1', '15.09.2026', 'Волкова', 'Альфа', 100000, 'успешно'],
        ['ЗК-2', '03.10.2026', 'Волкова', 'Бета', 40000, 'успешно'],
        ['ЗК-3', '12.10.2026', 'Петров', 'Альфа', 200000, 'успешно'],
        ['ЗК-4', '20.10.2026', 'Петров', 'Гамма', 10000, 'успешно'],
      ] },
      { name: 'Оплаты', values: [['Номер сделки', 'Дата', 'Сумма'], ['ЗК-1', '05.10.2026', 50000]] },
      { name: 'Планы', values: [['Период', 'Менеджер', 'Схема'], ['2026-10', 'Волкова', 'Клиенты'], ['2026-10', 'Петров', 'Клиенты']] },
      { name: 'Схемы', values: [
        ['Схема', 'Правило', 'Показатель', 'Ставка'],
        ['Клиенты', 'процент с клиентов', 'выручка', '5%'],
        ['Клиенты', 'процент', 'оплаченная выручка', '10%'],
      ] },
    ],
    timeZone: 'Europe/Moscow', locale: 'ru_RU', currency: null,
  };
}

describe('the deals behind a statement (review item 3)', () => {
  const r = runPayouts(workbook(), { period: '2026-10', today: '2026-11-02', generatedAt: '2026-11-02 10:00' });
  const volkova = r.run.managers.find((m) => m.manager === 'Волкова')!;
  const tab = r.tabs.find((t) => t.name === 'Волкова · 2026-10')!;
  const header = tab.rows.findIndex((row) => row[0] === 'Дата' && row[1] === '№ сделки');
  const deals = tab.rows.slice(header + 1).filter((row) => row.length > 1);

  it('the figures: 12 000 + 5 000 = 17 000', () => {
    expect(volkova.lines.map((l) => l.amount.toNumber())).toEqual([12000, 5000]);
    expect(volkova.total.toNumber()).toBe(17000);
  });

  it('lists Петров’s deal on her client and the September deal paid in October, each with its line', () => {
    // the statement numbers its lines: 1 = client turnover, 2 = percent of paid revenue
    expect(tab.rows.slice(tab.frozenRows, tab.frozenRows + 2).map((row) => row[0])).toEqual([`1. ${ruleLabel(volkova.lines[0], 'ru')}`, `2. ${ruleLabel(volkova.lines[1], 'ru')}`]);
    // id, amount, closed by, counts in (line numbers) — by date: ЗК-1 (Sep 15), ЗК-2 (Oct 3), ЗК-3 (Oct 12); not ЗК-4
    expect(deals.map((d) => [d[1], d[3], d[DEAL_COLS.manager], d[DEAL_COLS.lines]])).toEqual([
      ['ЗК-1', 100000, 'Волкова', '2'],
      ['ЗК-2', 40000, 'Волкова', '1'],
      ['ЗК-3', 200000, 'Петров', '1'],
    ]);
    // the client-turnover deals add up to its fact: 40 000 + 200 000 = 240 000
    expect(deals.filter((d) => d[DEAL_COLS.lines] === '1').reduce((a, d) => a + (d[3] as number), 0)).toBe(240000);
    // each row links to its row of «Сделки»: ЗК-1 is row 2, ЗК-3 row 4
    expect(tab.links).toContainEqual({ row: header + 1, col: DEAL_COLS.row, sheet: 'Сделки', targetRow: 2 });
    expect(tab.links).toContainEqual({ row: header + 3, col: DEAL_COLS.row, sheet: 'Сделки', targetRow: 4 });
  });

  it('paid in the period vs before: ЗК-1 (booked in September) was paid 50 000 on 5 October; Σ in period = the paid-revenue fact', () => {
    expect(deals.map((d) => [d[1], d[DEAL_COLS.paidInPeriod], d[DEAL_COLS.paidBefore]])).toEqual([
      ['ЗК-1', 50000, null], ['ЗК-2', null, null], ['ЗК-3', null, null],
    ]);
    // line 2: 10 % × 50 000 = 5 000 — its base is the in-period column's sum
    const inPeriod = deals.reduce((a, d) => a + ((d[DEAL_COLS.paidInPeriod] as number | null) ?? 0), 0);
    expect(inPeriod).toBe(volkova.lines[1].fact!.toNumber());
    expect(inPeriod).toBe(50000);
  });

  it('English labels for the new columns', () => {
    const en = payoutTabs(r.run, [], { generatedAt: 'x', currency: 'RUB', lang: 'en' })[1];
    expect(en.rows.find((row) => row[0] === 'Date')?.slice(DEAL_COLS.paidInPeriod)).toEqual(['Paid in period', 'Paid before', 'Row', 'Closed by', 'Counts in lines']);
  });
});

function manager(name: string, total: number, margin: number | null): ManagerPayout {
  return {
    manager: name, scheme: 'S', period, lines: [], salary: dec(0), variableBeforeKpi: dec(total), kpiRows: [], kpiCoefficient: null,
    variable: dec(total), total: dec(total), attainment: null, margin: margin === null ? null : dec(margin), deals: [], notes: [],
  };
}

describe('company payout as a % of margin (review item 4)', () => {
  const ctx = { generatedAt: 'x', currency: 'RUB', lang: 'en' as const };
  const totalRow = (managers: ManagerPayout[]) => {
    const s = payoutTabs({ period, currency: 'RUB', lang: 'en', managers, issues: [] }, [], ctx)[0];
    const t = s.rows.findIndex((row) => row[SUMMARY_COLS.manager] === 'Company total');
    return { row: s.rows[t], next: s.rows[t + 1] };
  };

  it('A: 100 000 on margin 500 000; B: 100 000, margin unknown → 100 000 ÷ 500 000 = 20 %, not 40 %, with a note', () => {
    const { row, next } = totalRow([manager('A', 100000, 500000), manager('B', 100000, null)]);
    expect(row[SUMMARY_COLS.total]).toBe(200000); // everyone's pay is in the total
    expect(row[SUMMARY_COLS.payoutShare]).toBe(0.2);
    expect(row[SUMMARY_COLS.margin]).toBe(500000);
    expect(next).toEqual(['Payout, % of margin, for the company counts only the 1 of 2 managers whose margin is known: 100,000.00 ₽ of pay against 500,000.00 ₽ of margin.']);
  });

  it('all margins known: (100 000 + 50 000) ÷ (500 000 + 250 000) = 20 %, no note', () => {
    const { row, next } = totalRow([manager('A', 100000, 500000), manager('B', 50000, 250000)]);
    expect(row[SUMMARY_COLS.payoutShare]).toBe(0.2);
    expect(next ?? []).toEqual([]);
  });

  it('no margin known anywhere: blank share and margin, no note', () => {
    const { row, next } = totalRow([manager('A', 100000, null)]);
    expect([row[SUMMARY_COLS.payoutShare], row[SUMMARY_COLS.margin]]).toEqual([null, null]);
    expect(next ?? []).toEqual([]);
  });
});
