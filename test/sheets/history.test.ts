/**
 * Review 2, items 2–4 and 8: the service calls of every action do not grow with the number of
 * tabs generated before (a year of history is hundreds of tabs) beyond one cheap call per sheet,
 * and generatePayouts makes every read before its first write (no flush per tab). On the built
 * script over the fake Sheets, which counts every call.
 *
 * What may grow with the history, and why:
 * - getName: one per sheet, to find the input sheets by name (Сделки, Планы, …);
 * - getValue (generatePayouts only): one per entry the single `kpiPayouts.tab` metadata search
 *   returns — read from the search's answer, to find the tabs of the period being replaced;
 * - getMaxRows and getMaxColumns (generatePayouts only): one each per sheet, the grid sizes that
 *   Sheets' 10 000 000-cell cap counts (SPEC §10.3: the new tabs must fit beside every old one);
 * - getColumnMapping: per generated tab its metadata's location, sheet and position (getIndex),
 *   instead of its name, so the picker leaves it out.
 */
import { describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../src/workbook/raw';
import { runPayouts } from '../../src/workbook/pipeline';
import { FakeDeveloperMetadata, WRITE_METHODS, type FakeSpreadsheet } from '../harness/fakeSpreadsheetApp';
import { plain, rig } from './setup';
import { scaleWorkbook } from './scaleWorkbook';

const TAB_KEY = 'kpiPayouts.tab';

/** `n` tabs generated for old periods, as generatePayouts leaves them (named, marked), added without counting. */
function addHistory(ss: FakeSpreadsheet, n: number): void {
  for (let i = 0; i < n; i++) {
    const period = `20${20 + Math.floor(i / 72)}-${String((Math.floor(i / 6) % 12) + 1).padStart(2, '0')}`;
    const who = i % 6 === 5 ? null : `Менеджер ${String((i % 6) + 1).padStart(3, '0')}`;
    const sheet = ss._addSheet(who ? `${who} · ${period}` : `Выплаты · ${period}`);
    sheet._values = [[who ?? 'Итого', 1000]];
    const key = who ? `payout:${period}:${who.toLowerCase()}` : `summary:${period}`;
    sheet._metadata.push(new FakeDeveloperMetadata(sheet, TAB_KEY, key, ss.io));
  }
}

function workbookWithHistory(tabs: number, raw: RawWorkbook = scaleWorkbook({ managers: 5, deals: 400 })) {
  const r = rig(raw);
  addHistory(r.ss, tabs);
  return r;
}

function callsOf(tabs: number, fn: string, ...args: unknown[]): Record<string, number> {
  const { ss, gas } = workbookWithHistory(tabs);
  ss.io.reset();
  gas.call(fn, ...args);
  return { ...ss.io.calls };
}

/** b − a, method by method (only the methods that differ). */
function growth(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = (b[k] ?? 0) - (a[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((s, n) => s + n, 0);

describe('service calls with 1 vs 300 previously generated tabs', () => {
  it('checkData, myEarnings, simulationSetup: the same calls but one getName per extra sheet', () => {
    for (const [fn, args] of [
      ['checkData', ['2026-11']],
      ['myEarnings', ['Менеджер 001', '2026-11-20']],
      ['simulationSetup', []],
    ] as const) {
      const one = callsOf(1, fn, ...args);
      const many = callsOf(300, fn, ...args);
      expect(growth(one, many), fn).toEqual({ getName: 299 });
      expect(one.getValues, fn).toBe(4); // Сделки, Планы, Показатели, Схемы: generated tabs are never read
      expect(total(one), fn).toBeLessThan(120);
    }
  });

  it('generatePayouts of a new period: the same calls but getName per sheet and getValue per metadata entry found', () => {
    const one = callsOf(1, 'generatePayouts', '2026-11');
    const many = callsOf(300, 'generatePayouts', '2026-11');
    expect(growth(one, many)).toEqual({ getName: 299, getValue: 299, getMaxRows: 299, getMaxColumns: 299 });
    expect(one.createDeveloperMetadataFinder).toBe(1); // one search per execution
    expect(one.getNumSheets ?? 0).toBe(0); // the list read under the lock says how many
    // the 5 sheets' grids (4 input + 1 old tab) for the cell cap, and once a new sheet's default size
    expect(one.getMaxRows).toBe(5 + 1);
    expect(one.getMaxColumns).toBe(5 + 1);
  });

  it('a rerun over a long history replaces this period\'s tabs only, with calls bounded by the team, not the history', () => {
    const { ss, gas } = workbookWithHistory(300);
    gas.call('generatePayouts', '2026-11');
    const before = ss._names();
    ss.io.reset();
    gas.call('generatePayouts', '2026-11');
    expect(ss._names()).toEqual(before); // the same tabs, same order, same names
    // per replaced tab (5 managers + summary): its location, sheet and position; per metadata entry
    // one getValue; names only from the one list (its position finds it there)
    expect(ss.io.calls.getLocation).toBe(6);
    expect(ss.io.calls.getValue).toBe(306);
    expect(ss.io.calls.getName).toBe(ss._sheets.length);
  });

  it('getColumnMapping: generated and ~kpi-tmp tabs are not offered nor read; only the role sheets\' top 5 rows are read', () => {
    const run = (tabs: number) => {
      const r = workbookWithHistory(tabs);
      r.ss._addSheet('~kpi-tmp abc 1')._values = [['half-built']];
      r.ss._addSheet('Заметки')._values = [['x'], ['y']];
      r.ss.io.reset();
      const view = plain(r.gas.call('getColumnMapping')) as { sheets: string[]; roles: { role: string; autoSheet: string | null; headers: string[] }[] };
      return { view, calls: { ...r.ss.io.calls } };
    };
    const one = run(1);
    const many = run(300);
    expect(many.view).toEqual(one.view);
    expect(one.view.sheets).toEqual(['Сделки', 'Планы', 'Показатели', 'Схемы', 'Заметки']);
    expect(one.view.roles.find((r) => r.role === 'deals')!.headers).toContain('Ответственный');
    // per generated tab: its metadata's location and sheet (from the search's answer) and its position — never its name
    expect(growth(one.calls, many.calls)).toEqual({ getLocation: 299, getSheet: 299, getIndex: 299 });
    expect(one.calls.getName).toBe(6); // the 5 user sheets and the ~kpi-tmp one
    expect(one.calls.getValues).toBe(4); // the 4 role sheets found, nothing else
    expect(one.calls.getDataRange ?? 0).toBe(0); // top rows only
  });
});

describe('the reader never takes a generated tab for an input sheet', () => {
  it('a generated tab named "Сделки" is passed over for "Сделки 2026"', () => {
    const raw = scaleWorkbook({ managers: 3, deals: 60 });
    const renamed: RawWorkbook = { ...raw, sheets: raw.sheets.map((s) => (s.name === 'Сделки' ? { ...s, name: 'Сделки 2026' } : s)) };
    const { ss, gas } = rig(renamed);
    const fake = ss._addSheet('Сделки', 0);
    fake._values = [['Дата', 'Менеджер', 'Сумма'], ['01.11.2026', 'Чужой', 999999]];
    fake._metadata.push(new FakeDeveloperMetadata(fake, TAB_KEY, 'summary:2020-01', ss.io));
    ss.io.reset();
    const json = plain(gas.call('checkData', '2026-11'));
    expect(json).toEqual(plain(runPayouts(renamed, { period: '2026-11', today: '2026-12-01' }).json));
    expect(ss.io.calls.getValues).toBe(4);
  });
});

describe('generatePayouts writes without reading in between', () => {
  const READ = /^(get|is)/;
  const NOT_READS = new Set(['getRange', 'getRangeList']); // Range handles: no data is fetched

  function readsAmongWrites(seq: string[]): string[] {
    const first = seq.findIndex((m) => WRITE_METHODS.has(m));
    let last = -1;
    seq.forEach((m, i) => {
      if (WRITE_METHODS.has(m)) last = i;
    });
    return seq.slice(first, last + 1).filter((m) => READ.test(m) && !NOT_READS.has(m));
  }

  it('first run and rerun: one read of a new sheet\'s size among all the writes, every other read before them', () => {
    const { ss, gas } = workbookWithHistory(30);
    for (let pass = 0; pass < 2; pass++) {
      const seq = ss.io.trace();
      gas.call('generatePayouts', '2026-11');
      ss.io.sequence = null;
      expect(seq.filter((m) => m === 'insertSheet')).toHaveLength(6);
      // Justified: a new sheet's size (1 000 × 26 in Sheets) cannot be read before one exists; read once, shared by every tab.
      expect(readsAmongWrites(seq)).toEqual(['getMaxRows', 'getMaxColumns']);
    }
  });

  it('the summary chart declares no header row (setNumHeaders(0))', () => {
    const { ss, gas } = workbookWithHistory(0);
    gas.call('generatePayouts', '2026-11');
    const charts = ss._sheets.flatMap((s) => s._charts);
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) expect(c._options.numHeaders).toBe(0);
  });
});

describe('names are chosen from the list read before the writes', () => {
  it('a sheet another editor makes meanwhile under a tab\'s name: the tab takes the next free name, no ~kpi-tmp tab is left', () => {
    const { ss, gas } = workbookWithHistory(3);
    const toast = ss.toast.bind(ss);
    let added = false;
    ss.toast = (message: string, title?: string) => {
      if (!added && ss._sheets.some((s) => s._name.startsWith('~kpi-tmp'))) {
        ss._addSheet('Выплаты · 2026-11')._values = [['someone else\'s']];
        added = true;
      }
      toast(message, title);
    };
    gas.call('generatePayouts', '2026-11');
    expect(added).toBe(true);
    expect(ss._names()).toContain('Выплаты · 2026-11 (2)');
    expect(ss._sheet('Выплаты · 2026-11')!._values).toEqual([['someone else\'s']]);
    expect(ss._names().filter((n) => n.startsWith('~kpi-tmp'))).toEqual([]);
  });
});
