/**
 * *Motivation regulation…* in Google Sheets (SPEC §13), through the BUILT bundle and the strict
 * fake: `writeRegulation(scheme, period?)` writes the tab `Положение · <scheme>` holding the
 * document as text (numbers inside sentences, wrapped, widths set), returns its name, and a rerun
 * replaces it; the menu item asks for the scheme.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { formatMoney } from '../../src/core/money';
import { regulationOfRead } from '../../src/workbook/regulation';
import type { RawWorkbook } from '../../src/workbook/raw';
import type { WorkbookRead } from '../../src/workbook/read';
import { sheetDate } from '../fixtures/rawWorkbooks';
import { generatedNames, rig } from '../sheets/setup';
import { DEMO, demoRaw, demoRead, plainSpaces, SCHEMES, TEMPLATE_NUMBERS, TZ } from './demo';

/** An .xlsx date is a wall-clock time with no zone (held as UTC); in Sheets it is that time in the sheet's zone. */
function asSheetsValue(v: CellValue): CellValue {
  if (Object.prototype.toString.call(v) !== '[object Date]') return v;
  const d = v as unknown as Date;
  return new Date(sheetDate(d.toISOString().slice(0, 10), TZ).getTime() + (d.getTime() % 86_400_000));
}

let raw: RawWorkbook;
let read: WorkbookRead;
beforeAll(async () => {
  const r = await demoRaw();
  raw = { ...r, toLocalDay: undefined, sheets: r.sheets.map((s) => ({ name: s.name, values: s.values.map((row) => row.map(asSheetsValue)) })) };
  read = await demoRead();
}, 60_000);

const cellText = (v: unknown) => plainSpaces(String(v ?? ''));

describe.skipIf(!existsSync(DEMO))('writeRegulation on the demo workbook', () => {
  it('writes one text tab per scheme with every rule’s numbers and the engine’s examples', () => {
    const { ss, gas, inputNames } = rig(raw);
    const before = Object.fromEntries(inputNames.map((n) => [n, ss._sheet(n)!._dump()]));
    for (const id of ['seed001', 'seed002', 'seed003'] as const) {
      const name = gas.call('writeRegulation', SCHEMES[id]);
      expect(name).toBe(`Положение · ${SCHEMES[id]}`);
      const sheet = ss._sheet(name)!;
      const values = sheet._dump();
      // every cell is text: numbers sit inside the sentences and table cells (`30 000 ₽`, `3 %`)
      expect(values.flat().every((v) => typeof v === 'string')).toBe(true);
      const rows = values.map((r) => r.map(cellText).filter((c) => c !== '').join(' | '));
      const text = rows.join('\n');
      for (const phrase of TEMPLATE_NUMBERS[id].ru) {
        // a clause is `number | text`; a table row `cell | cell`: both read as the document's lines
        expect(text.replace(/^(\d+\.\d+\.) \| /gm, '$1 ')).toContain(phrase);
      }
      expect(rows).toContain('ПОЛОЖЕНИЕ О МОТИВАЦИИ');
      expect(rows).toContain('1. | Общие положения');
      const doc = regulationOfRead(read, { scheme: SCHEMES[id] });
      const total = rows.find((r) => r.startsWith('Итого вознаграждение за Расчётный период | '))!;
      const shown = doc.examples.map((e) => plainSpaces(formatMoney(e.payout!.total, 'ru', 'RUB')).replace(/,00 ₽$/, ' ₽'));
      expect(total).toBe(['Итого вознаграждение за Расчётный период', ...shown].join(' | '));
      // readable on screen and in print: the text column is wide and wraps, clause numbers beside it
      expect(sheet.getColumnWidth(2)).toBe(420);
      expect(sheet.getRange(10, 2).getWrap()).toBe(true);
      expect(sheet.getRange(10, 2).getVerticalAlignment()).toBe('top');
      expect(values.some((r) => r[0] === '3.2.' && String(r[1]).startsWith('Оклад: '))).toBe(true);
    }
    expect(generatedNames(ss)).toEqual(Object.values(SCHEMES).map((s) => `Положение · ${s}`));
    for (const n of inputNames) expect(ss._sheet(n)!._dump()).toEqual(before[n]);
  }, 120_000);

  it('a rerun replaces the scheme’s tab (also for another period); a user’s tab of that name is never touched', () => {
    const { ss, gas } = rig(raw, { 'Положение · Партнёрская схема': [['мои заметки']] });
    const first = gas.call('writeRegulation', SCHEMES.seed002, '2026-09');
    expect(first).toBe('Положение · Партнёрская схема (2)');
    expect(ss._sheet(first)!._dump().flat().map(cellText)).toContain('Положение распространяется на Работников, работающих по схеме оплаты «Партнёрская схема» в Расчётном периоде 2026-09: Смирнов Игорь, Волкова Анна, Морозов Павел.');
    const count = ss._sheets.length;
    const second = gas.call('writeRegulation', SCHEMES.seed002);
    expect(ss._sheets.length).toBe(count);
    expect(second).toBe('Положение · Партнёрская схема (2)');
    expect(ss._sheet(second)!._dump().flat().map(cellText).some((c) => c.includes('в Расчётном периоде 2026-10'))).toBe(true);
    expect(ss._sheet('Положение · Партнёрская схема')!._dump()).toEqual([['мои заметки']]);
  }, 120_000);

  it('an unknown scheme is one translated line, and nothing is written', () => {
    const { ss, gas } = rig(raw);
    const sheets = ss._sheets.length;
    expect(() => gas.call('writeRegulation', 'Нет такой')).toThrow(/^На листе «Схемы» нет схемы «Нет такой» \(есть: /);
    expect(ss._sheets.length).toBe(sheets);
  }, 60_000);

  it('an English spreadsheet gets `Regulation · <scheme>` in English', () => {
    const { ss, gas } = rig({ ...raw, locale: 'en_US' });
    const name = gas.call('writeRegulation', SCHEMES.seed001);
    expect(name).toBe(`Regulation · ${SCHEMES.seed001}`);
    const text = ss._sheet(name)!._dump().flat().map(cellText).join('\n');
    expect(text).toContain('MOTIVATION REGULATION');
    // an en_US spreadsheet with no currency format on the amounts pays in its locale's currency (SPEC §1)
    expect(text).toContain('Salary: $30,000 for each Pay period');
  }, 60_000);

  it('the menu item asks for the scheme (and a period after a comma) and says where it wrote', () => {
    const { ss, gas, env } = rig(raw);
    gas.call('onOpen', { authMode: 'FULL' });
    const menu = env.ui._menus[0].items.find((i) => 'fn' in i && i.fn === 'menuRegulation');
    expect(menu).toEqual({ caption: 'Положение о мотивации…', fn: 'menuRegulation' });
    env.ui._promptResponses.push({ text: `${SCHEMES.seed001}, 2026-09` });
    gas.call('menuRegulation');
    const [prompt, alert] = env.ui._events;
    expect(prompt.message).toContain('Оклад + % + бонусы, Партнёрская схема, Оплаты × KPI');
    expect(alert.message).toBe(`Положение записано на лист «Положение · ${SCHEMES.seed001}».`);
    expect(ss._sheet(`Положение · ${SCHEMES.seed001}`)!._dump().flat().map(cellText)).toContain('Редакция ' + regulationOfRead(read, { scheme: SCHEMES.seed001 }).version + ' · вводится в действие с 01.09.2026');
  }, 60_000);
});
