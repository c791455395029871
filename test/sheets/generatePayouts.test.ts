/**
 * *Generate payouts* and *Check data* on the BUILT script (build/Code.js in node:vm) over the
 * fake SpreadsheetApp: the same figures as the pipeline in Node, tabs that are snapshots in the
 * right formats, reruns that replace only our own tabs, input never touched, text never a formula.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/numbers';
import { msg } from '../../src/core/messages/index';
import { runPayouts } from '../../src/workbook/pipeline';
import { LINE_COLS, SUMMARY_COLS } from '../../src/workbook/tabs';
import { enWorkbook, ruWorkbook, rawWorkbook } from '../fixtures/rawWorkbooks';
import { WRITE_METHODS, type FakeSheet } from '../harness/fakeSpreadsheetApp';
import { generatedNames, plain, rig } from './setup';

const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

function rowStartingWith(sheet: FakeSheet, label: string): CellValue[] {
  const row = sheet._dump().find((r) => r[0] === label);
  expect(row, `a row labelled ${label} on ${sheet._name}`).toBeDefined();
  return row as CellValue[];
}

describe('generatePayouts on the built script', () => {
  it('returns exactly what the pipeline computes in Node (ru workbook, 1C text numbers)', () => {
    const raw = ruWorkbook();
    const { gas } = rig(raw);
    const json = plain(gas.call('generatePayouts', '2026-11'));
    const node = runPayouts(ruWorkbook(), { period: '2026-11', today: '2026-12-01' }).json;
    expect(json).toEqual(plain(node));
    // Hand check, Анна Смирнова (scheme Стандарт): salary 30 000 + 3 % × 1 200 000,50 = 36 000,015 → 36 000,02
    // + plan bonus 20 000 (120 % ≥ 100 %) + deal bonus 0 = 86 000,02
    const anna = json.managers.find((m: { manager: string }) => m.manager === 'Анна Смирнова');
    expect(anna.total).toBe(86000.02);
  });

  it('returns what the pipeline computes in Node (en workbook, Date cells in New York)', () => {
    const { gas } = rig(enWorkbook());
    const json = plain(gas.call('generatePayouts', '2026-11'));
    expect(json).toEqual(plain(runPayouts(enWorkbook(), { period: '2026-11', today: '2026-12-01' }).json));
    expect(json.currency).toBe('USD');
  });

  it('writes a tab per manager and the summary, with totals, formats, frozen rows, links and the chart', () => {
    const raw = ruWorkbook();
    const { ss, gas } = rig(raw);
    const json = plain(gas.call('generatePayouts', '2026-11'));
    const node = runPayouts(ruWorkbook(), { period: '2026-11', today: '2026-12-01', generatedAt: 'GEN' });
    expect(generatedNames(ss)).toEqual(node.tabs.map((t) => t.name));
    expect(ss._names().slice(0, raw.sheets.length)).toEqual(raw.sheets.map((s) => s.name)); // input first, untouched order

    const anna = ss._sheet('Анна Смирнова · 2026-11')!;
    const total = rowStartingWith(anna, msg('ru', 'tabs.total.total'));
    expect(total[LINE_COLS.amount]).toBe(86000.02);
    const totalRow = anna._dump().findIndex((r) => r[0] === total[0]) + 1;
    expect(anna._numberFormatAt(totalRow, LINE_COLS.amount + 1)).toBe('#,##0.00 [$₽-419]');
    expect(anna._fontWeightAt(totalRow, 1)).toBe('bold');
    expect(anna._frozenRows).toBe(node.tabs.find((t) => t.name === anna._name)!.frozenRows);

    // Every cell equals the tab model's; dates are midnight in Moscow; linked row numbers are HYPERLINKs to Deals.
    const dealsGid = ss._sheet('Сделки')!._id;
    for (const tab of node.tabs) {
      const sheet = ss._sheet(tab.name)!;
      const links = new Set((tab.links ?? []).map((l) => `${l.row},${l.col}`));
      tab.rows.forEach((cells, i) =>
        cells.forEach((expected, j) => {
          const actual = sheet._get(i + 1, j + 1);
          if (links.has(`${i},${j}`)) {
            const link = tab.links!.find((l) => l.row === i && l.col === j)!;
            expect(sheet._formulas.get(`${i + 1},${j + 1}`)).toBe(`=HYPERLINK("#gid=${dealsGid}&range=A${link.targetRow}";${expected})`);
          } else if (expected === 'GEN') expect(actual).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
          else if (isDate(expected)) {
            const day = (expected as Date).toISOString().slice(0, 10);
            // 2026-11-03 00:00 in Moscow (UTC+3) is 2026-11-02 21:00 UTC
            expect((actual as Date).getTime()).toBe(Date.parse(`${day}T00:00:00+03:00`));
            expect(sheet._numberFormatAt(i + 1, j + 1)).toBe('dd.mm.yyyy');
          } else expect(actual, `${tab.name} ${i + 1}:${j + 1}`).toEqual(expected === null ? '' : expected);
        }),
      );
    }

    const summary = ss._sheet('Выплаты · 2026-11') ?? ss._sheet(node.tabs.find((t) => t.kind === 'summary')!.name)!;
    const company = summary._dump().find((r) => r[SUMMARY_COLS.manager] === msg('ru', 'tabs.summary.companyTotal'))!;
    // 86 000,02 + 34 000,00 + 37 584,55 = 157 584,57
    expect(company[SUMMARY_COLS.total]).toBe(157584.57);
    expect(json.managers.reduce((s: number, m: { total: number }) => s + Math.round(m.total * 100), 0)).toBe(15758457);
    expect(summary._charts).toHaveLength(1);
    // managers on rows 5–7: names (B), payout (F, columns, left axis), attainment (G, a line on the right axis),
    // the 100 % column (K, a thin red line on the right axis)
    expect(summary._charts[0]._type).toBe('COMBO');
    expect(summary._charts[0]._ranges).toEqual(['B5:B7', 'F5:F7', 'G5:G7', 'K5:K7']);
    expect(summary._charts[0]._options.series).toEqual({
      0: { labelInLegend: msg('ru', 'tabs.summary.total'), targetAxisIndex: 0 },
      1: { labelInLegend: msg('ru', 'tabs.summary.attainment'), targetAxisIndex: 1, type: 'line' },
      2: { labelInLegend: msg('ru', 'tabs.summary.target'), targetAxisIndex: 1, type: 'line', color: '#c00000', lineWidth: 1, pointSize: 0 },
    });
    // the axis titles: the workbook's currency on the left (₽), percent on the right
    expect(summary._charts[0]._options.vAxes).toEqual({ 0: { title: 'Выплата, ₽' }, 1: { format: 'percent', title: 'Выполнение плана, %' } });
    expect(summary._dump().slice(4, 7).map((r) => r[SUMMARY_COLS.target])).toEqual([1, 1, 1]);
    expect(summary._charts[0]._position).toMatchObject({ row: 4, col: 13 });
  });

  it('reruns replace only its own tabs: same names, same values, no duplicates', () => {
    const { ss, gas } = rig(ruWorkbook());
    gas.call('generatePayouts', '2026-11');
    const names = ss._names();
    const dump = (n: string) => ss._sheet(n)!._dump().map((r) => r.map((v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(v) ? 'GEN' : v)));
    const before = Object.fromEntries(generatedNames(ss).map((n) => [n, dump(n)]));
    gas.call('generatePayouts', '2026-11');
    gas.call('generatePayouts', '2026-11');
    expect(ss._names()).toEqual(names);
    expect(Object.fromEntries(generatedNames(ss).map((n) => [n, dump(n)]))).toEqual(before);
    // another period adds its own tabs and leaves November's alone
    gas.call('generatePayouts', '2026-10');
    expect(ss._names().filter((n) => n.endsWith('2026-11'))).toEqual(names.filter((n) => n.endsWith('2026-11')));
    expect(ss._names().some((n) => n.endsWith('2026-10'))).toBe(true);
  });

  it("never touches a user's tab with a clashing name: the generated one gets (2)", () => {
    const mine: CellValue[][] = [['мои заметки', 42]];
    const { ss, gas } = rig(ruWorkbook(), { 'Анна Смирнова · 2026-11': mine });
    gas.call('generatePayouts', '2026-11');
    gas.call('generatePayouts', '2026-11');
    expect(ss._sheet('Анна Смирнова · 2026-11')!._dump()).toEqual(mine);
    expect(ss._sheet('Анна Смирнова · 2026-11')!._metadata).toEqual([]);
    expect(generatedNames(ss)).toContain('Анна Смирнова · 2026-11 (2)');
    expect(ss._names().filter((n) => n.startsWith('Анна Смирнова'))).toEqual(['Анна Смирнова · 2026-11', 'Анна Смирнова · 2026-11 (2)']);
  });

  it('leaves the input sheets exactly as they were (values, dates, no formats or metadata)', () => {
    for (const raw of [ruWorkbook(), enWorkbook()]) {
      const { ss, gas, inputNames } = rig(raw);
      const before = Object.fromEntries(inputNames.map((n) => [n, ss._sheet(n)!._dump()]));
      gas.call('generatePayouts', '2026-11');
      gas.call('checkData', '2026-11');
      for (const n of inputNames) {
        const s = ss._sheet(n)!;
        expect(s._dump()).toEqual(before[n]);
        expect(s._formats).toEqual([]);
        expect(s._weights).toEqual([]);
        expect(s._cellFormats.size + s._cellWeights.size).toBe(0);
        expect(s._metadata).toEqual([]);
        expect(s._formulas.size).toBe(0);
      }
    }
  });

  it('keeps text as text: =HYPERLINK(…), +7 900…, 00123 never become formulas or numbers', () => {
    const raw = ruWorkbook();
    const deals = raw.sheets.find((s) => s.name === 'Сделки')!.values;
    // rows 4.. are deals; give three of Анна's / Виктор's deals hostile client names and ids
    deals[4][3] = '=HYPERLINK("http://x";"y")';
    deals[7][3] = '+7 900 123-45-67';
    deals[7][0] = '00123';
    const { ss, gas } = rig(raw);
    gas.call('generatePayouts', '2026-11');
    const cells = generatedNames(ss).flatMap((n) => ss._sheet(n)!._dump().flat());
    expect(cells).toContain('=HYPERLINK("http://x";"y")');
    expect(cells).toContain('+7 900 123-45-67');
    expect(cells).toContain('00123');
    for (const n of generatedNames(ss)) {
      for (const f of ss._sheet(n)!._formulas.values()) expect(f).toMatch(/^=HYPERLINK\("#gid=\d+&range=A\d+";\d+\)$/);
    }
  });

  it('checkData returns the same object and writes nothing', () => {
    const { ss, gas } = rig(ruWorkbook());
    const names = ss._names();
    ss.io.reset();
    const json = plain(gas.call('checkData', '2026-11'));
    expect(json).toEqual(plain(runPayouts(ruWorkbook(), { period: '2026-11', today: '2026-12-01' }).json));
    expect(ss.io.writes()).toEqual({});
    expect(Object.keys(ss.io.calls).filter((m) => WRITE_METHODS.has(m))).toEqual([]);
    expect(ss.io.calls.getValues).toBeGreaterThan(0); // it did read, so the assertion above means something
    expect(ss._names()).toEqual(names);
  });

  it('reads each input sheet with one getValues and never reads generated tabs', () => {
    const raw = ruWorkbook();
    const { ss, gas } = rig(raw, { 'Заметки': [['не лист данных']] });
    gas.call('generatePayouts', '2026-11');
    ss.io.reset();
    gas.call('checkData', '2026-11');
    // Сделки, Оплаты, Планы, Показатели, Схемы, Менеджеры: six role sheets; not Заметки, not the 4 generated tabs
    expect(ss.io.calls.getValues).toBe(6);
    expect(ss.io.calls.getDataRange).toBe(6);
  });

  it('an error in the middle of writing leaves no half-written tab and the previous tabs intact', () => {
    const { ss, gas, env } = rig(ruWorkbook());
    gas.call('generatePayouts', '2026-11');
    const names = ss._names();
    const snapshot = ss._snapshot();
    ss.io.failOn('setValues', 2); // the 2nd tab's block write fails
    expect(() => gas.call('generatePayouts', '2026-11')).toThrow(/injected/);
    expect(ss._names()).toEqual(names);
    expect(ss._snapshot()).toEqual(snapshot);
    expect(env.lock._held).toBe(false);

    // on a fresh spreadsheet: nothing generated at all
    const fresh = rig(ruWorkbook());
    const freshNames = fresh.ss._names();
    fresh.ss.io.failOn('setNumberFormats', 3);
    expect(() => fresh.gas.call('generatePayouts', '2026-11')).toThrow(/injected/);
    expect(fresh.ss._names()).toEqual(freshNames);
  });

  it('takes the document lock and releases it; a held lock means a clear message and no writes', () => {
    const { ss, gas, env } = rig(ruWorkbook());
    gas.call('generatePayouts', '2026-11');
    expect(env.lock._log).toEqual(['acquired', 'released']);
    env.lock._heldByOther = true;
    ss.io.reset();
    expect(() => gas.call('generatePayouts', '2026-11')).toThrow(msg('ru', 'ui.busy'));
    expect(ss.io.writes()).toEqual({});
  });

  it('a whole-run problem is one translated line, no stack and no prefix', () => {
    const raw = rawWorkbook({ 'Что-то': [['a', 'b']] });
    const { gas } = rig(raw);
    let message = '';
    try {
      gas.call('generatePayouts', '2026-11');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toMatch(/\n\s+at /);
    expect(message).not.toMatch(/^Ошибка в KPI Payouts/);
    expect(message).toMatch(/Сделки/); // names the sheet it wants
    const ok = rig(ruWorkbook());
    expect(() => ok.gas.call('generatePayouts', '2026-13')).toThrow(msg('ru', 'tabs.badPeriod', { value: '2026-13' }));
    expect(() => ok.gas.call('checkData', 'вчера')).toThrow(msg('ru', 'tabs.badPeriod', { value: 'вчера' }));
  });

  it("removes a killed run's half-built tab (temporary name, our mark) on the next run", () => {
    const { ss, gas } = rig(ruWorkbook());
    const leftover = ss.insertSheet('~kpi-tmp abc 1');
    leftover.addDeveloperMetadata('kpiPayouts.tab', 'payout:2026-11:анна смирнова');
    leftover.getRange(1, 1).setValues([['half']]);
    gas.call('checkData', '2026-11'); // a read-only run leaves it (and does not read it)
    expect(ss._names()).toContain('~kpi-tmp abc 1');
    gas.call('generatePayouts', '2026-11');
    expect(ss._names().filter((n) => n.startsWith('~kpi-tmp'))).toEqual([]);
    expect(generatedNames(ss)).toHaveLength(4);
  });

  it('English spreadsheet: dollars, ISO dates, English tab names', () => {
    const { ss, gas } = rig(enWorkbook());
    gas.call('generatePayouts', '2026-11');
    const node = runPayouts(enWorkbook(), { period: '2026-11', today: '2026-12-01' });
    expect(generatedNames(ss)).toEqual(node.tabs.map((t) => t.name));
    const anna = ss._sheet('Анна Смирнова · 2026-11')!;
    const dump = anna._dump();
    const totalRow = dump.findIndex((r) => r[0] === msg('en', 'tabs.total.total')) + 1;
    expect(anna._numberFormatAt(totalRow, LINE_COLS.amount + 1)).toBe('[$$]#,##0.00');
    const dateRow = dump.findIndex((r) => isDate(r[0])) + 1;
    expect(anna._numberFormatAt(dateRow, 1)).toBe('yyyy-mm-dd');
    // 2026-11-03 00:00 in New York (EST, UTC−5) is 05:00 UTC
    expect((dump[dateRow - 1][0] as Date).toISOString()).toBe('2026-11-03T05:00:00.000Z');
  });

  it('shows progress with toasts', () => {
    const { ss, gas } = rig(ruWorkbook());
    gas.call('generatePayouts', '2026-11');
    const toasts = ss._toasts.map((t) => t.message);
    expect(toasts[0]).toBe(msg('ru', 'ui.toast.reading'));
    expect(toasts.at(-1)).toBe(msg('ru', 'ui.toast.done', { tabs: 4, period: '2026-11' }));
  });
});
