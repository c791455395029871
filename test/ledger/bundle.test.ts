/**
 * *Close period…* on the BUILT script over the strict fake: closePeriod without confirm writes
 * nothing; with confirm it appends the ledger below the last row (earlier rows untouched), writes
 * the closed statements and the register, protects them warning-only; a closed period re-renders
 * from the ledger; November gets the true-ups — the same figures as the pipeline in Node.
 */
import { describe, expect, it } from 'vitest';
import { WRITE_METHODS } from '../harness/fakeSpreadsheetApp';
import { plain, rig } from '../sheets/setup';
import type { CellValue } from '../../src/core/numbers';
import { ledgerWorkbook, type LedgerWorkbook } from './fixture';

const ANNA = 'Анна Смирнова';
const BORIS = 'Борис Петров';
const october: LedgerWorkbook = {
  deals: [
    { id: 'D1', date: '2026-10-05', manager: ANNA, amount: 200000 },
    { id: 'D2', date: '2026-10-20', manager: ANNA, amount: 100000 },
    { id: 'D3', date: '2026-10-12', manager: BORIS, amount: 50000 },
    { id: 'R1', date: '2026-10-25', manager: BORIS, amount: -900000 },
    { id: 'D4', date: '2026-11-03', manager: ANNA, amount: 60000 },
    { id: 'D5', date: '2026-11-13', manager: BORIS, amount: 700000 },
  ],
  payments: [{ id: 'D1', date: '2026-10-25', amount: 200000 }],
  plans: { '2026-10': [ANNA, BORIS], '2026-11': [ANNA, BORIS] },
  managers: [['Менеджер', 'Табельный номер'], [ANNA, '0007'], [BORIS, '0012']],
};

describe('closePeriod on the built script', () => {
  it('without confirm: the figures and what blocks, nothing written', () => {
    const { ss, gas } = rig(ledgerWorkbook(october), {}, { now: new Date('2026-11-02T07:00:00Z') });
    const names = ss._names();
    const json = plain(gas.call('closePeriod', '2026-10'));
    expect(json.closed).toBeUndefined();
    expect(json.blocking).toEqual([]);
    // Анна: 30 000 + 5 % × 300 000 + 1 % × 200 000 = 47 000; Борис: 5 % × (50 000 − 900 000) = −42 500 → floored, total 30 000.
    expect(json.managers.map((m: { total: number }) => m.total)).toEqual([47000, 30000]);
    expect(json.managers[1].shortfall).toBe(42500);
    expect(Object.keys(ss.io.calls).filter((m) => WRITE_METHODS.has(m))).toEqual([]);
    expect(ss._names()).toEqual(names);
  });

  it('with confirm: ledger appended, tabs protected warning-only, register tab, re-render from the ledger, November true-ups and carry', () => {
    const { ss, gas } = rig(ledgerWorkbook(october), {}, { now: new Date('2026-11-02T07:00:00Z') });
    const json = plain(gas.call('closePeriod', '2026-10', true));
    expect(json.closed).toBe(true);
    const ledger = ss._sheet('Начисления')!;
    const rows = ledger._dump();
    expect(rows[0][0]).toBe('Период');
    expect(rows).toHaveLength(1 + 3 + 4); // header; Анна 3 lines (salary, 2 percent); Борис 3 lines + floor
    expect(rows[1].slice(0, 4)).toEqual(['2026-10', ANNA, 'Простая', 'salary']); // text stays text, not a date
    expect(rows[1][14]).toBe('2026-11-02 10:00'); // closed at, Moscow time
    const reg = ss._sheet('Реестр · 2026-10')!;
    // The employee id column comes from input.managers (the Managers sheet reader is the read engineer's; test/ledger/register.test.ts sets it).
    expect(reg._dump().slice(2, 4).map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ['2026-10', ANNA, 30000, 17000, 47000],
      ['2026-10', BORIS, 30000, 0, 30000],
    ]);
    for (const name of ['Выплаты · 2026-10', `${ANNA} · 2026-10`, `${BORIS} · 2026-10`, 'Реестр · 2026-10']) {
      expect(ss._sheet(name)!._protections[0]?._warningOnly, name).toBe(true);
    }

    // Edit October (D2 100 000 → 160 000) in the sheet, then re-run October: it stays as closed.
    const deals = ss._sheet('Сделки')!;
    const d2 = deals._dump().findIndex((r) => r[0] === 'D2') + 1;
    deals.getRange(d2, 5).setValue(160000);
    const again = plain(gas.call('generatePayouts', '2026-10'));
    expect(again.closed).toBe(true);
    // The rerun re-renders the closed tabs (the register included) and keeps them protected.
    for (const name of ['Выплаты · 2026-10', `${ANNA} · 2026-10`, 'Реестр · 2026-10']) {
      expect(ss._sheet(name)!._protections[0]?._warningOnly, `${name} after a rerun`).toBe(true);
    }
    expect(again.managers.map((m: { total: number }) => m.total)).toEqual([47000, 30000]);
    expect(again.issues.some((i: { message: string }) => i.message.includes('D2 — изменена'))).toBe(true);

    // Closing again is refused; the earlier rows are untouched by anything.
    expect(() => gas.call('closePeriod', '2026-10', true)).toThrow(/уже закрыт/);
    expect(ledger._dump()).toEqual(rows);

    // November: Анна 30 000 + 3 000 + true-up +3 000 (D2) = 36 000; Борис 30 000 + 35 000 − carry 42 500 → floored: 30 000, shortfall 7 500.
    const nov = plain(gas.call('generatePayouts', '2026-11'));
    const anna = nov.managers.find((m: { manager: string }) => m.manager === ANNA);
    expect(anna.lines.find((l: { rule: string }) => l.rule === 'adjustment')).toMatchObject({ amount: 3000, explanation: 'Перерасчёт за 2026-10: +3\u202f000,00\u00a0₽ (сделки: D2 — изменена)' });
    expect(anna.total).toBe(36000);
    const boris = nov.managers.find((m: { manager: string }) => m.manager === BORIS);
    expect(boris.lines.map((l: { rule: string }) => l.rule)).toEqual(['salary', 'percent', 'percent', 'carry', 'floor']);
    expect(boris.total).toBe(30000);
    expect(boris.shortfall).toBe(7500);

    // Close November too: the new rows go below the old ones, which stay as they were.
    gas.call('closePeriod', '2026-11', true);
    const after = ledger._dump();
    expect(after.slice(0, rows.length)).toEqual(rows);
    expect(after.length).toBe(rows.length + 4 + 5);
  });

  it('a hand-edited ledger row is an issue in checkData', () => {
    const { ss, gas } = rig(ledgerWorkbook(october), {}, { now: new Date('2026-11-02T07:00:00Z') });
    gas.call('closePeriod', '2026-10', true);
    ss._sheet('Начисления')!.getRange(3, 9).setValue(99999 as CellValue as number);
    const check = plain(gas.call('checkData', '2026-11'));
    expect(check.issues.find((i: { sheet: string; row: number }) => i.sheet === 'Начисления' && i.row === 3).message).toContain('изменена вручную');
    expect(check.managers.map((m: { manager: string }) => m.manager)).toEqual([BORIS]);
  });
});
