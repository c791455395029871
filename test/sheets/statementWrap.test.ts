/**
 * The Sheets renderer wraps the statements' long text columns as the .xlsx writer does
 * (TabModel.wrapColumns: the explanation, and the rules a deal feeds), through the BUILT script,
 * in one call on the tab's block whatever the columns (SPEC §9 call budget).
 */
import { describe, expect, it } from 'vitest';
import { rawWorkbook } from '../fixtures/rawWorkbooks';
import { slashSheets } from '../workbook/dates/workbooks';
import { rig } from './setup';

const NOW = new Date('2026-11-05T09:00:00Z');

describe('statement columns wrap in Sheets', () => {
  it('the explanation column of a statement wraps; a figure column does not', () => {
    const { gas, ss } = rig(rawWorkbook(slashSheets(), { locale: 'ru_RU' }), {}, { now: NOW });
    gas.call('generatePayouts', '2026-04');
    const tab = ss._sheets.find((s) => /Иванов/.test(s._name) && /2026-04/.test(s._name))!;
    expect(tab, ss._sheets.map((s) => s._name).join(', ')).toBeDefined();
    const rows = tab._dump();
    // The «процент» line: 5 % × 250 000 = 12 500, and its explanation (column H, index 7) is long text.
    const r = rows.findIndex((row) => row[6] === 12500);
    expect(r).toBeGreaterThan(0);
    expect(typeof rows[r][7]).toBe('string');
    expect(String(rows[r][7]).length).toBeGreaterThan(20);
    expect(tab.getRange(r + 1, 8).getWrap()).toBe(true);
    expect(tab.getRange(1, 8).getWrap()).toBe(true); // the whole column of the block, title rows too
    // The deals behind it: «Учтена в строках» wraps too; «Кто закрыл», the column before it, does not.
    const deals = rows.findIndex((row) => row.includes('Учтена в строках'));
    expect(deals).toBeGreaterThan(r);
    const col = rows[deals].indexOf('Учтена в строках') + 1;
    expect(rows[deals][col - 2]).toBe('Кто закрыл');
    expect(tab.getRange(deals + 2, col).getWrap()).toBe(true);
    expect(tab.getRange(deals + 2, col - 1).getWrap()).toBe(false);
    expect(tab.getRange(r + 1, 7).getWrap()).toBe(false); // the amount: no wrap
    expect(tab.getRange(r + 1, 1).getWrap()).toBe(false);
  });
});
