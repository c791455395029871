/**
 * A deal id met twice (SPEC §10.1): the later row is an issue naming the row the id was first
 * kept in, and is left out. The reader tracks ids with a Set until the first duplicate and with a
 * Map of first rows after it (reading/deals.ts FirstRowOfId): these cases cross that switch.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/read';
import { rawWorkbook } from '../fixtures/rawWorkbooks';

const head = ['№ сделки', 'Дата', 'Менеджер', 'Сумма'];

describe('duplicate deal ids', () => {
  it('each later row names the first kept row, before and after the first duplicate, across sheets', () => {
    const r = readWorkbook(rawWorkbook({
      'Сделки 2025': [
        head, // row 1
        ['A', '10.11.2026', 'Иванов', 100], // 2: kept
        ['B', '', 'Иванов', 100], // 3: no date → left out, so B is free again
        ['B', '11.11.2026', 'Иванов', 200], // 4: kept (B's first kept row)
        ['A', '12.11.2026', 'Петров', 300], // 5: duplicate of row 2 (the first duplicate)
        ['C', '13.11.2026', 'Петров', 'abc'], // 6: bad amount → left out
        ['C', '14.11.2026', 'Петров', 400], // 7: kept (C released after the switch too)
      ],
      'Сделки 2026': [
        head,
        ['B', '15.11.2026', 'Иванов', 500], // 2: duplicate of row 4 of the other sheet
        ['D', '16.11.2026', 'Иванов', 600], // 3: kept
        ['C', '17.11.2026', 'Иванов', 700], // 4: duplicate of row 7 of the other sheet
        ['D', '18.11.2026', 'Иванов', 800], // 5: duplicate of row 3 here
      ],
    }, { mapping: { sheets: { deals: 'Сделки 2025, Сделки 2026' } } }));
    const duplicates = r.issues.filter((i) => i.code === 'duplicate_deal_id').map((i) => `${i.sheet}!${i.row}: ${i.message}`);
    expect(duplicates).toEqual([
      'Сделки 2025!5: Номер сделки «A» уже есть в строке 2; эта строка не учтена.',
      'Сделки 2026!2: Номер сделки «B» уже есть в строке 4 («Сделки 2025»); эта строка не учтена.',
      'Сделки 2026!4: Номер сделки «C» уже есть в строке 7 («Сделки 2025»); эта строка не учтена.',
      'Сделки 2026!5: Номер сделки «D» уже есть в строке 3; эта строка не учтена.',
    ]);
    // Kept: A (row 2), B (row 4), C (row 7), D (2026 row 3): 100 + 200 + 400 + 600 = 1 300.
    expect(r.input.deals.map((d) => `${d.id}@${d.ref.sheet}:${d.ref.row}`)).toEqual(['A@Сделки 2025:2', 'B@Сделки 2025:4', 'C@Сделки 2025:7', 'D@Сделки 2026:3']);
    expect(r.input.deals.reduce((s, d) => s + d.amount.toNumber(), 0)).toBe(1300);
  });

  it('a row left out before any duplicate frees its id (no issue for the next row with it)', () => {
    const r = readWorkbook(rawWorkbook({
      'Сделки': [head, ['X', '10.11.2026', '', 100], ['X', '11.11.2026', 'Иванов', 200]],
    }));
    expect(r.issues.map((i) => i.code)).toEqual(['missing_manager']);
    expect(r.input.deals.map((d) => d.ref.row)).toEqual([3]);
  });
});
