/**
 * What Sheets and the sidebar call, on the BUILT script (build/Code.js in node:vm) with the fake
 * SpreadsheetApp: myEarnings, simulate, simulationSetup, writeSimulationTab, and the menu entries.
 * Numbers: see ./fixture.ts (Иванов, 2026-11-20: 30 000 + 3 % × 850 000 = 55 500).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appsScriptGlobals, fakeSpreadsheet, WRITE_METHODS } from '../harness/fakeSpreadsheetApp';
import { loadBundle } from '../harness/loadBundle';
import { fixtureWorkbook, IVANOV, PETROV } from './fixture';

function setup(opts: { email?: string; locale?: string } = {}) {
  const raw = fixtureWorkbook();
  const ss = fakeSpreadsheet({ sheets: Object.fromEntries(raw.sheets.map((s) => [s.name, s.values])), timeZone: 'Europe/Moscow', locale: opts.locale ?? 'ru_RU' });
  const globals = appsScriptGlobals(ss, { userEmail: opts.email ?? 'owner@example.com' });
  const gas = loadBundle(globals);
  ss.io.reset();
  return { ss, gas, env: globals.__env };
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)); // what google.script.run delivers

beforeAll(() => {
  // the bundle must expose the server functions as top-level globals
  const { gas } = setup();
  for (const name of ['myEarnings', 'simulate', 'simulationSetup', 'writeSimulationTab', 'menuMyEarnings', 'menuSimulate']) {
    expect(typeof gas.get(name), name).toBe('function');
  }
});

describe('myEarnings on the built script', () => {
  it('a named manager, period to date: one getValues per sheet, nothing written to the spreadsheet', () => {
    const { ss, gas, env } = setup();
    const r = json(gas.call('myEarnings', IVANOV, '2026-11-20'));
    expect(r.earnings.total).toBe(55500);
    expect(r.managers[0].total).toBe(55500);
    expect(r.earnings.lines.find((l: { rule: string }) => l.rule === 'plan_bonus').next.pays_total).toBe(24500);
    expect(ss.io.calls.getValues ?? 0).toBeLessThanOrEqual(3); // Сделки, Планы, Схемы
    // the only write: this user's pick, in the user's own properties
    for (const method of Object.keys(ss.io.calls)) expect(WRITE_METHODS.has(method) && method !== 'setProperty', method).toBe(false);
    expect(env.userProperties.getProperty(`kpiPayouts.earningsManager:${ss._id}`)).toBe(IVANOV);
    expect(env.documentProperties.getProperties()).toEqual({});
  });

  it('an unmapped user who picked a manager once gets that manager next time', () => {
    const { gas } = setup({ email: 'boss@example.com' });
    expect(json(gas.call('myEarnings', '', '2026-11-20')).manager).toBeNull();
    gas.call('myEarnings', PETROV, '2026-11-20');
    const again = json(gas.call('myEarnings', '', '2026-11-20'));
    expect([again.manager, again.via, again.earnings.total]).toEqual([PETROV, 'remembered', 33000]);
  });

  it('the pick is remembered per spreadsheet: another spreadsheet of the same user does not get it', () => {
    const first = setup({ email: 'boss@example.com' });
    first.gas.call('myEarnings', PETROV, '2026-11-20');
    // a second spreadsheet, same user: user properties are shared by all the user's documents
    const raw = fixtureWorkbook();
    const other = fakeSpreadsheet({ sheets: Object.fromEntries(raw.sheets.map((s) => [s.name, s.values])), timeZone: 'Europe/Moscow', locale: 'ru_RU' });
    const globals = appsScriptGlobals(other, { userEmail: 'boss@example.com' });
    const env = globals.__env;
    const PropertiesService = {
      getUserProperties: () => first.env.userProperties,
      getDocumentProperties: () => env.documentProperties,
      getScriptProperties: () => env.documentProperties,
    };
    const gas = loadBundle({ ...globals, PropertiesService });
    const r = json(gas.call('myEarnings', '', '2026-11-20'));
    expect([r.manager, r.via]).toEqual([null, null]);
    expect(json(first.gas.call('myEarnings', '', '2026-11-20')).via).toBe('remembered');
  });

  it('no argument: the current user e-mail through the Plans e-mail column', () => {
    const { gas } = setup({ email: 'petrov@example.com' });
    const r = json(gas.call('myEarnings', '', '2026-11-20'));
    expect(r.manager).toBe(PETROV);
    expect(r.via).toBe('email');
    expect(r.earnings.total).toBe(33000); // 30 000 + 3 % × 100 000
  });

  it('an unmapped user gets the picker list', () => {
    const { gas } = setup({ email: 'boss@example.com' });
    const r = json(gas.call('myEarnings'));
    expect(r.earnings).toBeNull();
    expect(r.manager_choices).toEqual([IVANOV, PETROV]);
  });

  it('asOf omitted: today in the spreadsheet time zone', () => {
    const { gas } = setup();
    const r = json(gas.call('myEarnings', IVANOV));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(r.as_of).toBe(today);
    expect(r.period).toBe(today.slice(0, 7));
  });
});

describe('simulate on the built script', () => {
  it('two schemes: payroll, share, over-limit warning, difference; nothing written', () => {
    const { ss, gas } = setup();
    const r = json(gas.call('simulate', ['Базовая', 'Новая'], '2026-09', '2026-10'));
    expect(r.totals.map((x: { payroll: number }) => x.payroll)).toEqual([273000, 211500]); // 128 000 + 145 000; 99 500 + 112 000
    expect(r.manager_totals[0]).toEqual({ manager: IVANOV, totals: [171000, 143500], difference: -27500 });
    expect(r.warnings).toHaveLength(2);
    for (const method of Object.keys(ss.io.calls)) expect(WRITE_METHODS.has(method), method).toBe(false);
  });

  it('a bad scheme is an error whose message names it (the sidebar shows it)', () => {
    const { gas } = setup();
    expect(() => gas.call('simulate', ['Нет такой'], '2026-09', '2026-10')).toThrow(/Схема «Нет такой» не найдена/);
  });

  it('simulationSetup lists schemes and managers', () => {
    const { gas } = setup();
    const s = json(gas.call('simulationSetup'));
    expect(s.schemes).toEqual(['Базовая', 'Новая']);
    expect(s.managers).toEqual([IVANOV, PETROV]);
    expect(s.from < s.to).toBe(true);
  });

  it('writeSimulationTab writes one tab with a chart; a rerun replaces it; the input sheets are untouched', () => {
    const { ss, gas } = setup();
    const before = ss.getSheets().map((s: { getName(): string }) => s.getName());
    const deals = JSON.stringify(ss._sheet('Сделки')!._values);
    const r = json(gas.call('writeSimulationTab', ['Базовая', 'Новая'], '2026-09', '2026-10'));
    const names = () => ss.getSheets().map((s: { getName(): string }) => s.getName());
    expect(names()).toEqual([...before, r.tab]);
    const tab = ss._sheet(r.tab)!;
    const values = tab._values as unknown[][];
    expect(values.some((row) => row[0] === '2026-09' && row[1] === 128000)).toBe(true);
    expect(tab.getCharts()).toHaveLength(1);
    gas.call('writeSimulationTab', ['Базовая', 'Новая'], '2026-09', '2026-10');
    expect(names()).toEqual([...before, r.tab]);
    expect(JSON.stringify(ss._sheet('Сделки')!._values)).toBe(deals);
  });
});

describe('writeSimulationTab and the document lock', () => {
  it('takes and releases the lock; a busy document is a translated message and nothing is written', () => {
    const { ss, gas, env } = setup();
    gas.call('writeSimulationTab', ['Базовая'], '2026-09', '2026-09');
    expect(env.lock._log).toEqual(['acquired', 'released']);
    const sheets = ss.getSheets().length;
    env.lock._heldByOther = true;
    expect(() => gas.call('writeSimulationTab', ['Базовая'], '2026-09', '2026-10')).toThrow(/уже идёт расчёт/);
    expect(ss.getSheets().length).toBe(sheets);
  });
});

describe('menu entries open the sidebar on their panel', () => {
  it.each([['menuMyEarnings', 'earnings'], ['menuSimulate', 'simulate']])('%s → %s', (fn, panel) => {
    const { gas, env } = setup();
    gas.call(fn);
    const shown = env.ui._events.filter((e) => e.kind === 'sidebar');
    expect(shown).toHaveLength(1);
    expect(shown[0].html!._content).toContain(`"panel":"${panel}"`);
  });
});
